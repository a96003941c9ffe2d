//! Conversion between code-point offsets (the model's unit) and UTF-8 byte
//! offsets (Rust's `str` unit), through a table built once per text.

/// Byte offset of every char boundary of a text, so that code-point ↔ byte
/// conversions cost O(1) / O(log n) instead of a scan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextIndex {
    /// `byte_starts[i]` is the byte offset of char `i`; one extra entry holds the
    /// text's byte length so that an end offset converts like a start.
    byte_starts: Vec<usize>,
}

impl TextIndex {
    pub fn new(text: &str) -> Self {
        let mut byte_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_starts.push(text.len());
        Self { byte_starts }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.byte_starts.len() - 1
    }

    /// Byte offset of code point `char_offset` (which may equal `char_len`).
    pub fn byte_of(&self, char_offset: usize) -> Option<usize> {
        self.byte_starts.get(char_offset).copied()
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    pub fn char_of(&self, byte_offset: usize) -> Option<usize> {
        self.byte_starts.binary_search(&byte_offset).ok()
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
