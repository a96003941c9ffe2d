//! Feature hashing: strings and feature templates to table buckets.
//!
//! Integer-only mixing, so a feature lands in the same bucket on every platform and
//! the trained weights are reproducible bit for bit.

const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over the bytes of `s`.
pub fn hash_str(s: &str) -> u64 {
    hash_more(SEED, s.as_bytes())
}

/// Continues an FNV-1a hash over more bytes: `hash_more(hash_str(a), b)` is the
/// hash of `a` followed by `b`.
pub fn hash_more(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// Combines two hashes (order matters).
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

/// The bucket of hash `h` in a table of `2^bits` rows.
pub fn bucket(h: u64, bits: u32) -> u32 {
    let x = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    u32::try_from(x >> (64 - bits.clamp(1, 32))).unwrap_or(0)
}
