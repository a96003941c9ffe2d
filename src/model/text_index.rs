//! Conversion between code-point offsets (the model's unit) and UTF-8 byte
//! offsets (Rust's `str` unit), through a table built once per text.

/// Code-point ↔ byte conversion in O(1) (bounded scans of at most
/// `CHUNK` characters) for about 1.25 bytes per character: the UTF-8 length
/// of every character, and the byte offset of every `CHUNK`-th one. A table
/// of every offset would cost 8 bytes a character — 8 MB for a 1 MB article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextIndex {
    /// UTF-8 length (1 to 4) of each character.
    lengths: Vec<u8>,
    /// Byte offset of characters 0, CHUNK, 2·CHUNK, …
    checkpoints: Vec<usize>,
    byte_len: usize,
}

const CHUNK: usize = 32;

impl TextIndex {
    pub fn new(text: &str) -> Self {
        let mut lengths = Vec::with_capacity(text.len());
        let mut checkpoints = Vec::with_capacity(text.len() / CHUNK + 1);
        for (i, (byte, c)) in text.char_indices().enumerate() {
            if i % CHUNK == 0 {
                checkpoints.push(byte);
            }
            lengths.push(c.len_utf8() as u8);
        }
        Self { lengths, checkpoints, byte_len: text.len() }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.lengths.len()
    }

    /// Byte offset of code point `char_offset` (which may equal `char_len`).
    pub fn byte_of(&self, char_offset: usize) -> Option<usize> {
        if char_offset == self.char_len() {
            return Some(self.byte_len);
        }
        let chunk_start = char_offset - char_offset % CHUNK;
        let base = *self.checkpoints.get(char_offset / CHUNK)?;
        let within: usize = self.lengths.get(chunk_start..char_offset)?.iter().map(|&l| usize::from(l)).sum();
        Some(base + within)
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    pub fn char_of(&self, byte_offset: usize) -> Option<usize> {
        if byte_offset == self.byte_len {
            return Some(self.char_len());
        }
        let chunk = self.checkpoints.partition_point(|&b| b <= byte_offset).checked_sub(1)?;
        let mut byte = *self.checkpoints.get(chunk)?;
        let mut char_offset = chunk * CHUNK;
        while byte < byte_offset {
            byte += usize::from(*self.lengths.get(char_offset)?);
            char_offset += 1;
        }
        (byte == byte_offset).then_some(char_offset)
    }

    /// The text between two code-point offsets, if they are in range and ordered.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let (from, to) = (self.byte_of(start)?, self.byte_of(end)?);
        text.get(from..to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_not_bytes_or_utf16_units() {
        // “ is 3 bytes, 😀 is 4 bytes and 2 UTF-16 units, \r\n is 2 code points.
        let text = "“Hi 😀,” said Ana.\r\nPutin";
        let index = TextIndex::new(text);
        assert_eq!(index.char_len(), text.chars().count());
        assert_eq!(index.slice(text, 4, 5), Some("😀"));
        assert_eq!(index.slice(text, 0, 7), Some("“Hi 😀,”"));
        let putin_start = text.chars().position(|c| c == 'P').unwrap();
        assert_eq!(index.slice(text, putin_start, putin_start + 5), Some("Putin"));
        assert_eq!(index.slice(text, putin_start - 2, putin_start), Some("\r\n"));
    }

    #[test]
    fn out_of_range_and_reversed_give_none() {
        let text = "ab😀";
        let index = TextIndex::new(text);
        assert_eq!(index.slice(text, 0, 4), None);
        assert_eq!(index.slice(text, 2, 1), None);
        assert_eq!(index.slice(text, 3, 3), Some(""));
    }

    #[test]
    fn long_mixed_texts_convert_like_a_full_table() {
        let text = "“Ya 😀,” kata Ana.\r\nÉté à Jakarta 🇮🇩 — ok\n".repeat(40);
        let index = TextIndex::new(&text);
        let table: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        for (c, b) in table.iter().enumerate() {
            assert_eq!(index.byte_of(c), Some(*b), "char {c}");
            assert_eq!(index.char_of(*b), Some(c), "byte {b}");
        }
        assert_eq!(index.byte_of(table.len()), None);
        assert_eq!(index.char_of(text.len() + 1), None);
    }

    #[test]
    fn byte_and_char_offsets_convert_both_ways() {
        let text = "é😀x";
        let index = TextIndex::new(text);
        for c in 0..=index.char_len() {
            let b = index.byte_of(c).unwrap();
            assert_eq!(index.char_of(b), Some(c));
        }
        assert_eq!(index.char_of(1), None, "inside a multi-byte char");
    }
}
