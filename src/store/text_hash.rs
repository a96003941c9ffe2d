//! A short fingerprint of an article's text, for records that must notice a
//! changed article without keeping its text (what a project model learned from).

/// A 64-bit FNV-1a hash of `text`'s UTF-8 bytes, as `fnv1a64:<16 hex digits>`:
/// enough to notice an edited article, not meant to resist tampering.
pub fn text_hash(text: &str) -> String {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let hash = text.bytes().fold(OFFSET_BASIS, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME));
    format!("fnv1a64:{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_character_changes_the_hash() {
        assert_eq!(text_hash("“Kami siap 😀,”\r\n"), text_hash("“Kami siap 😀,”\r\n"));
        assert_ne!(text_hash("“Kami siap 😀,”\r\n"), text_hash("“Kami siap 😀,”\n"));
        assert!(text_hash("").starts_with("fnv1a64:"));
    }
}
