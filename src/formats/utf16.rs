//! Code point ↔ UTF-16 code unit offsets, for formats made in JavaScript
//! (doccano). An astral character (emoji) is one code point but two units.

/// UTF-16 offset of every code point boundary of a text.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// `units_before[i]` counts the UTF-16 units before code point `i`; one
    /// extra entry holds the total so an end offset converts like a start.
    units_before: Vec<usize>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let mut units_before = Vec::with_capacity(text.len() + 1);
        let mut units = 0;
        for c in text.chars() {
            units_before.push(units);
            units += c.len_utf16();
        }
        units_before.push(units);
        Self { units_before }
    }

    /// The UTF-16 offset of code point `offset`, if it is within the text.
    pub fn utf16_of(&self, offset: usize) -> Option<usize> {
        self.units_before.get(offset).copied()
    }

    /// The code point at UTF-16 offset `units`; `None` out of range or
    /// between the two halves of a surrogate pair.
    pub fn code_point_of(&self, units: usize) -> Option<usize> {
        self.units_before.binary_search(&units).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_counts_two_units_and_cannot_be_split() {
        let index = Utf16Index::new("a😀“b”\r\n");
        assert_eq!(index.utf16_of(1), Some(1));
        assert_eq!(index.utf16_of(2), Some(3));
        assert_eq!(index.utf16_of(7), Some(8));
        assert_eq!(index.utf16_of(8), None);
        assert_eq!(index.code_point_of(3), Some(2));
        assert_eq!(index.code_point_of(2), None, "inside the surrogate pair");
        assert_eq!(index.code_point_of(9), None);
    }

    #[test]
    fn every_code_point_round_trips() {
        let text = "é😀x\u{301}🇮🇩";
        let index = Utf16Index::new(text);
        for c in 0..=text.chars().count() {
            assert_eq!(index.code_point_of(index.utf16_of(c).unwrap()), Some(c));
        }
    }
}
