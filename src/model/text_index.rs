//! Conversion between code-point offsets (the model's unit) and UTF-8 byte
//! offsets (Rust's `str` unit), through a table built once per text.

/// Code-point ↔ byte conversion in O(1) — a bounded scan of at most `CHUNK`
/// characters of the text — for a quarter of a byte per character: the byte
/// offset of every `CHUNK`-th character. A table of every offset would cost
/// 8 bytes a character (8 MB for a 1 MB article); even one length byte per
/// character would be a megabyte.
///
/// The index does not hold the text: every query takes the text it was built
/// from (a [`Document`](super::Document) passes its own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextIndex {
    /// Byte offset of characters 0, CHUNK, 2·CHUNK, …
    checkpoints: Vec<usize>,
    char_len: usize,
    byte_len: usize,
}

const CHUNK: usize = 32;

impl TextIndex {
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / CHUNK + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % CHUNK == 0 {
                checkpoints.push(byte);
            }
            char_len = i + 1;
        }
        Self { checkpoints, char_len, byte_len: text.len() }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of code point `char_offset` (which may equal `char_len`).
    pub fn byte_of(&self, text: &str, char_offset: usize) -> Option<usize> {
        if char_offset == self.char_len {
            return Some(self.byte_len);
        }
        let base = *self.checkpoints.get(char_offset / CHUNK)?;
        let within = char_offset % CHUNK;
        text.get(base..)?.char_indices().nth(within).map(|(byte, _)| base + byte)
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    pub fn char_of(&self, text: &str, byte_offset: usize) -> Option<usize> {
        if byte_offset == self.byte_len {
            return Some(self.char_len);
        }
        let chunk = self.checkpoints.partition_point(|&b| b <= byte_offset).checked_sub(1)?;
        let base = *self.checkpoints.get(chunk)?;
        let within = text.get(base..byte_offset)?.chars().count();
        Some(chunk * CHUNK + within)
    }

    /// The text between two code-point offsets, if they are in range and ordered.
    pub fn slice<'t>(&self, text: &'t str, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        let (from, to) = (self.byte_of(text, start)?, self.byte_of(text, end)?);
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
            assert_eq!(index.byte_of(&text, c), Some(*b), "char {c}");
            assert_eq!(index.char_of(&text, *b), Some(c), "byte {b}");
        }
        assert_eq!(index.byte_of(&text, table.len()), None);
        assert_eq!(index.char_of(&text, text.len() + 1), None);
    }

    #[test]
    fn byte_and_char_offsets_convert_both_ways() {
        let text = "é😀x";
        let index = TextIndex::new(text);
        for c in 0..=index.char_len() {
            let b = index.byte_of(text, c).unwrap();
            assert_eq!(index.char_of(text, b), Some(c));
        }
        assert_eq!(index.char_of(text, 1), None, "inside a multi-byte char");
    }
}
