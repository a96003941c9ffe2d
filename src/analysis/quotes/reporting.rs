//! What the two kinds of indirect report share ([`indirect`](super::indirect): `X
//! mengatakan …`, `Menurut X, …`; [`asides`](super::asides): `Namun, kata X, …`): how
//! a speaker written as a role is recognised, how much content makes a report, and
//! the role phrase skipped between the speaker and the content.

use super::super::doc::Doc;
use super::super::lexicon::Lexicon;

/// Lower-case nouns naming people by role (`menurut pakar …`, `according to the mayor`).
pub const ROLE_NOUNS: &[&str] = &[
    "dokter", "pakar", "pengamat", "ahli", "peneliti", "ekonom", "anggota", "warga", "politisi", "sosiolog", "guru",
    "dosen", "mantan", "juru", "the", "a", "an",
];
/// Fewest words of reported content: `X mengatakan hal itu` reports nothing.
pub const MIN_CONTENT_WORDS: usize = 3;

/// `Menurut Nita, salah satu pengurus X, harga …`: the content starts after a short
/// role phrase set off by commas.
pub fn skip_apposition(doc: &Doc, lex: &Lexicon, c: usize, sentence_end: usize) -> usize {
    let first = doc.low(c);
    let role = lex.titles.contains(first) || matches!(first, "salah" | "anggota" | "mantan" | "pakar" | "pengamat");
    let next = (c..sentence_end.min(c + 10)).find(|&t| doc.is_punct(t, ','));
    match next {
        Some(n) if role && !doc.is_capitalised(c) => n + 1,
        _ => c,
    }
}
