//! spaCy's string ids: the id a `StringStore` gives a string, needed to write
//! and read the hashes in a DocBin.
//!
//! The empty string is 0; spaCy's built-in symbols (`PERSON`, `ORG`, `X`, …)
//! have fixed small ids, listed in order in `spacy_symbols.txt` (one name per
//! line, line `n` is id `n`, from spaCy 3.8's `spacy.symbols.IDS`); any other
//! string is the 64-bit MurmurHash2 (`MurmurHash64A`) of its UTF-8 bytes with
//! seed 1.

use std::collections::HashMap;
use std::sync::OnceLock;

const SYMBOLS: &str = include_str!("spacy_symbols.txt");

fn symbols() -> &'static HashMap<&'static str, u64> {
    static TABLE: OnceLock<HashMap<&'static str, u64>> = OnceLock::new();
    TABLE.get_or_init(|| SYMBOLS.split('\n').zip(0u64..).filter(|(name, _)| !name.is_empty()).collect())
}

/// The id spaCy's `StringStore.add(string)` returns.
pub(crate) fn string_id(string: &str) -> u64 {
    if string.is_empty() {
        return 0;
    }
    match symbols().get(string) {
        Some(&id) => id,
        None => murmur64a(string.as_bytes(), 1),
    }
}

/// MurmurHash64A by Austin Appleby, as the `murmurhash` package computes it.
fn murmur64a(key: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (key.len() as u64).wrapping_mul(M);
    let mut blocks = key.chunks_exact(8);
    for block in &mut blocks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(block);
        let mut k = u64::from_le_bytes(bytes);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        for (i, byte) in tail.iter().enumerate() {
            h ^= u64::from(*byte) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from spaCy 3.8: `StringStore().add(s)`.
    #[test]
    fn ids_match_spacy() {
        assert_eq!(string_id(""), 0);
        assert_eq!(string_id("PERSON"), 380);
        assert_eq!(string_id("number"), 432);
        assert_eq!(string_id("X"), 101);
        assert_eq!(string_id("Putin"), 3319857949122050683);
        assert_eq!(string_id("QUOTE"), 5943739983351478300);
        assert_eq!(string_id("MISC"), 7654241940133152407);
        assert_eq!(string_id("😀"), 13900606239988879105);
        assert_eq!(string_id("“Ya,”"), 12806213777740339017);
        assert_eq!(string_id("kata\u{301}"), 16036435136661092938);
        assert_eq!(string_id("\r\n"), 2933942332565701703);
        assert_eq!(string_id("abcdefghij"), 17029599333975756408);
    }
}
