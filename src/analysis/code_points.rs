//! The characters of a text, indexed by code point as the whole analysis counts
//! offsets, in half the memory of a `Vec<char>` for nearly every text: one
//! `u16` a character while all of them are in the Basic Multilingual Plane
//! (Indonesian and English news with curly quotes, dashes and accents), four
//! bytes a character only for a text with an emoji or another character beyond
//! it. Reading one character stays a single index.

use std::ops::Range;

/// Every character of a text, by code point index.
pub struct CodePoints {
    units: Units<Vec<u16>, Vec<char>>,
}

/// The two layouts: `u16` while every character fits, else `char`.
#[derive(Clone, Copy)]
enum Units<B, W> {
    Bmp(B),
    Wide(W),
}

/// A run of consecutive characters of a [`CodePoints`], as a slice of it.
#[derive(Clone, Copy)]
pub struct CharRange<'a> {
    units: Units<&'a [u16], &'a [char]>,
}

/// A BMP code unit as the character it is (a `&str` holds no lone surrogate, so
/// the fallback is never taken).
#[inline]
fn bmp_char(unit: u16) -> char {
    char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

impl CodePoints {
    pub fn new(text: &str) -> CodePoints {
        // Room for one unit a byte (at least one a char), then trimmed to the
        // length: grown by doubling, the table could take twice its length.
        let mut units = Vec::with_capacity(text.len());
        for c in text.chars() {
            match u16::try_from(u32::from(c)) {
                Ok(unit) => units.push(unit),
                Err(_) => return CodePoints::wide(text),
            }
        }
        units.shrink_to_fit();
        CodePoints { units: Units::Bmp(units) }
    }

    /// A text with a character beyond the Basic Multilingual Plane.
    fn wide(text: &str) -> CodePoints {
        let mut chars = Vec::with_capacity(text.chars().count());
        chars.extend(text.chars());
        CodePoints { units: Units::Wide(chars) }
    }

    /// The characters of an already decoded text (the dataset exports hold one).
    pub fn from_chars(chars: &[char]) -> CodePoints {
        let units = match chars.iter().map(|&c| u16::try_from(u32::from(c)).ok()).collect::<Option<Vec<u16>>>() {
            Some(mut units) => {
                units.shrink_to_fit();
                Units::Bmp(units)
            }
            None => Units::Wide(chars.to_vec()),
        };
        CodePoints { units }
    }

    pub fn len(&self) -> usize {
        self.all().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Character `i`, `None` past the end.
    #[inline]
    pub fn get(&self, i: usize) -> Option<char> {
        match &self.units {
            Units::Bmp(units) => units.get(i).copied().map(bmp_char),
            Units::Wide(chars) => chars.get(i).copied(),
        }
    }

    /// Characters `range`, `None` if it is reversed or runs past the end.
    pub fn range(&self, range: Range<usize>) -> Option<CharRange<'_>> {
        self.all().range(range)
    }

    /// Every character.
    pub fn all(&self) -> CharRange<'_> {
        let units = match &self.units {
            Units::Bmp(units) => Units::Bmp(units.as_slice()),
            Units::Wide(chars) => Units::Wide(chars.as_slice()),
        };
        CharRange { units }
    }
}

impl<'a> CharRange<'a> {
    pub fn len(&self) -> usize {
        match self.units {
            Units::Bmp(units) => units.len(),
            Units::Wide(chars) => chars.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Character `i` of the range, `None` past its end.
    pub fn get(&self, i: usize) -> Option<char> {
        match self.units {
            Units::Bmp(units) => units.get(i).copied().map(bmp_char),
            Units::Wide(chars) => chars.get(i).copied(),
        }
    }

    /// Characters `range` of this range, `None` if it is reversed or runs past the end.
    pub fn range(&self, range: Range<usize>) -> Option<CharRange<'a>> {
        let units = match self.units {
            Units::Bmp(units) => Units::Bmp(units.get(range)?),
            Units::Wide(chars) => Units::Wide(chars.get(range)?),
        };
        Some(CharRange { units })
    }

    pub fn contains(&self, c: char) -> bool {
        match self.units {
            Units::Bmp(units) => u16::try_from(u32::from(c)).is_ok_and(|unit| units.contains(&unit)),
            Units::Wide(chars) => chars.contains(&c),
        }
    }

    /// The characters in order.
    pub fn iter(&self) -> Chars<'a> {
        let units = match self.units {
            Units::Bmp(units) => Units::Bmp(units.iter()),
            Units::Wide(chars) => Units::Wide(chars.iter()),
        };
        Chars { units }
    }
}

impl std::fmt::Display for CharRange<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.iter().try_for_each(|c| std::fmt::Write::write_char(f, c))
    }
}

/// Iterator of [`CharRange::iter`], from either end.
pub struct Chars<'a> {
    units: Units<std::slice::Iter<'a, u16>, std::slice::Iter<'a, char>>,
}

impl Iterator for Chars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match &mut self.units {
            Units::Bmp(units) => units.next().copied().map(bmp_char),
            Units::Wide(chars) => chars.next().copied(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.len();
        (len, Some(len))
    }
}

impl DoubleEndedIterator for Chars<'_> {
    fn next_back(&mut self) -> Option<char> {
        match &mut self.units {
            Units::Bmp(units) => units.next_back().copied().map(bmp_char),
            Units::Wide(chars) => chars.next_back().copied(),
        }
    }
}

impl ExactSizeIterator for Chars<'_> {
    fn len(&self) -> usize {
        match &self.units {
            Units::Bmp(units) => units.len(),
            Units::Wide(chars) => chars.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str) -> (CodePoints, Vec<char>) {
        (CodePoints::new(text), text.chars().collect())
    }

    #[test]
    fn reads_as_a_char_slice_with_curly_quotes_crlf_and_an_emoji() {
        for text in ["“Kami siap,” kata Joko.\r\nÉ ok", "“Kami 😀 siap,”\r\nkata Joko.", ""] {
            let (points, chars) = both(text);
            assert_eq!(points.len(), chars.len(), "{text}");
            assert_eq!(points.is_empty(), chars.is_empty());
            for i in 0..=chars.len() {
                assert_eq!(points.get(i), chars.get(i).copied(), "{text} at {i}");
            }
            for a in 0..=chars.len() {
                for b in 0..=chars.len() + 1 {
                    let got = points.range(a..b).map(|r| (r.to_string(), r.len(), r.contains('\n')));
                    let want = chars.get(a..b).map(|s| (s.iter().collect::<String>(), s.len(), s.contains(&'\n')));
                    assert_eq!(got, want, "{text} {a}..{b}");
                }
            }
            let back: String = points.all().iter().rev().collect();
            assert_eq!(back, chars.iter().rev().collect::<String>());
            assert_eq!(points.all().iter().len(), chars.len());
        }
    }

    #[test]
    fn basic_plane_text_takes_two_bytes_a_char_and_other_text_four() {
        assert!(matches!(CodePoints::new("“Kami siap,”\r\n").units, Units::Bmp(_)));
        assert!(matches!(CodePoints::new("siap 😀").units, Units::Wide(_)));
        let (points, _) = both("a😀");
        assert_eq!(points.get(1), Some('😀'));
        assert!(!points.all().contains('b') && points.all().contains('😀'));
        assert!(!CodePoints::new("ab").all().contains('😀'), "a char beyond the plane is in no BMP text");
    }
}
