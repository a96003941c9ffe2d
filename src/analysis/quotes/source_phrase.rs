//! The shape of an unnamed source that speaks: a noun phrase (`warga yang melihat
//! kebakaran`, `Siswa kelas XII itu`, `all the experts we asked`, `one Ohio official`),
//! not a clause read as one. The report readers find a source by where it stands
//! (before the verb, after the cue); this checks what they found, once, for every
//! report, and leaves the speaker to the ranker where no noun phrase is left.
//!
//! - Indonesian: a clause opened by a conjunction leaves only what follows it (`…,
//!   terutama saat perajin tenun …` → `perajin tenun`), adverbs at the end come off
//!   (`… itu segera`), and a phrase that opens with a verb or `ada`, ends in `yang` or
//!   holds a negation is no source.
//! - English: auxiliaries at the end come off (`Several former aides have`), and a
//!   phrase that ends in a function word (`… continues to`, `… a company that`) or
//!   holds a verb of its own outside a relative clause (`The efforts are expected`,
//!   `That’s when she …`) is no source (`the voters we asked` keeps its relative clause).

use super::super::doc::Doc;
use super::super::tokenizer::{strip_final_s, TokenKind};
use super::cues::SpeakerHint;
use super::indonesian::{is_english, VERB_ADVERBS};

/// English auxiliaries and forms of `be`: a source phrase ends before them, and one
/// that holds them elsewhere is a clause.
const ENGLISH_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might",
    "should", "must", "do", "does", "did",
];
/// Words that cannot end an English noun phrase.
const ENGLISH_OPEN_ENDS: &[&str] = &[
    "to", "that", "whom", "who", "which", "of", "for", "in", "on", "at", "by", "with", "from", "and", "or", "the", "a",
    "an", "when", "where",
];
/// Words opening a relative clause inside a noun phrase (`the voters we asked`,
/// `officials who were there`): what follows may hold a verb.
const RELATIVE_OPENERS: &[&str] = &["who", "whom", "that", "which", "i", "we", "you", "they", "he", "she"];
/// Conjunctions that open a clause: a source phrase starts after the last one.
const CLAUSE_CONJUNCTIONS: &[&str] = &[
    "sehingga",
    "setelah",
    "sesudah",
    "sebelum",
    "saat",
    "ketika",
    "sementara",
    "terutama",
    "karena",
    "sebab",
    "agar",
    "supaya",
    "untuk",
    "jika",
    "kalau",
    "apabila",
    "bila",
    "sedangkan",
    "namun",
    "tetapi",
    "tapi",
    "padahal",
];
/// Adverbs that end a subject before its verb, not the source (`Saksi itu segera
/// melaporkan`, `situs resmi itu baru melaporkan`), besides the verb adverbs the report
/// readers skip ([`VERB_ADVERBS`]: `sebelumnya`, `pernah` …).
const TRAILING_ADVERBS: &[&str] =
    &["segera", "baru", "langsung", "juga", "pun", "sudah", "telah", "lalu", "kemudian", "kembali", "terus"];
/// `secara terpisah`, `secara resmi`: a manner adverb of two words.
const MANNER: &str = "secara";
/// Negations: a phrase holding one is a clause (`air tidak tertampung`).
const NEGATIONS: &[&str] = &["tidak", "tak", "belum", "bukan"];
/// Prefixes of active Indonesian verbs (`mengaku`, `menyebut`, `membuat`, `menjadi`,
/// `menunjukkan`, `mencari`): not `men` alone, which opens `menteri` and `mendagri`,
/// nor `di`/`ter`, which open `direktur` and `tersangka`.
const VERB_PREFIXES: &[&str] = &["meng", "meny", "mem", "menj", "menu", "menc"];
/// Shortest verb with such a prefix (`menu` is a noun).
const MIN_VERB_CHARS: usize = 6;

/// The `hint` of the report whose cue is token `v`, with an unnamed source reduced
/// to its noun phrase, or [`SpeakerHint::None`] where none is left.
pub fn noun_phrase_source(doc: &Doc, v: usize, hint: SpeakerHint) -> SpeakerHint {
    let SpeakerHint::Source(a, b) = hint else { return hint };
    if b <= a {
        return hint;
    }
    let phrase = if is_english(doc.low(v)) { english_phrase(doc, a, b) } else { indonesian_phrase(doc, a, b) };
    phrase.map_or(SpeakerHint::None, |(a, b)| SpeakerHint::Source(a, b))
}

/// The Indonesian noun phrase in tokens `a..b`, if there is one.
fn indonesian_phrase(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let a = (a..b).rev().find(|&t| CLAUSE_CONJUNCTIONS.contains(&doc.low(t))).map_or(a, |t| t + 1);
    let b = without_trailing_adverbs(doc, a, b);
    (b > a && is_noun_phrase(doc, a, b)).then_some((a, b))
}

/// The English noun phrase in tokens `a..b`, if there is one.
fn english_phrase(doc: &Doc, a: usize, mut b: usize) -> Option<(usize, usize)> {
    while b > a + 1 && ENGLISH_AUXILIARIES.contains(&doc.low(b - 1)) {
        b -= 1;
    }
    // `The nominee continues to insist`: a verb taking `to` before the speech verb
    // ends the subject.
    if b > a + 2 && doc.low(b - 1) == "to" && is_catenative(doc, b - 2) {
        b -= 2;
    }
    // `an aggressive - some say`: the source follows the last dash or comma.
    let a = (a..b).rev().find(|&t| is_break(doc, t)).map_or(a, |t| t + 1);
    // A lone `who` is the relative pronoun written at the verb, kept as the source, as
    // is `many of whom`.
    let of_whom = b > a + 1 && doc.low(b - 2) == "of" && doc.low(b - 1) == "whom";
    let phrase = b > a + 1 && !of_whom;
    let relative = (a..b).find(|&t| RELATIVE_OPENERS.contains(&doc.low(t))).unwrap_or(b);
    // `all the skippers we spoke to`: a relative clause may end in its preposition.
    let open_end = b <= a || (phrase && relative + 1 >= b && ENGLISH_OPEN_ENDS.contains(&doc.low(b - 1)));
    let verb = (a..relative).any(|t| is_english_verb(doc, t));
    (!open_end && !verb).then_some((a, b))
}

/// A lower-case verb form that takes `to` (`continues`, `wants`, `tried`).
fn is_catenative(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let lower = doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t);
    lower && low.len() > 3 && (low.ends_with('s') || low.ends_with("ed"))
}

/// A comma or a dash, which set a phrase off (not the stop of `U.S.`).
fn is_break(doc: &Doc, t: usize) -> bool {
    [',', '-', '—', '–'].iter().any(|&c| doc.is_punct(t, c))
}

/// An English auxiliary, or a contracted `is` after a pronoun (`That’s`, `There's`).
fn is_english_verb(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let stem = strip_final_s(low);
    ENGLISH_AUXILIARIES.contains(&low) || stem.is_some_and(|s| matches!(s, "that" | "there" | "it" | "what" | "here"))
}

/// `b` moved back over the adverbs ending tokens `a..b`.
fn without_trailing_adverbs(doc: &Doc, a: usize, mut b: usize) -> usize {
    loop {
        if b > a && (TRAILING_ADVERBS.contains(&doc.low(b - 1)) || VERB_ADVERBS.contains(&doc.low(b - 1))) {
            b -= 1;
        } else if b > a + 1 && doc.low(b - 2) == MANNER {
            b -= 2;
        } else {
            return b;
        }
    }
}

/// Are tokens `a..b` a noun phrase: words that neither open with a verb or `ada`,
/// nor end in `yang`, nor hold a negation?
fn is_noun_phrase(doc: &Doc, a: usize, b: usize) -> bool {
    let negation_free = (a..b).all(|t| !NEGATIONS.contains(&doc.low(t)));
    let words = (a..b).all(|t| matches!(doc.kind(t), Some(TokenKind::Word) | Some(TokenKind::Number)));
    let ends_open = doc.low(b - 1) == "yang";
    words && negation_free && !ends_open && !is_verb(doc, a) && doc.low(a) != "ada"
}

/// A word with an active verb's prefix (`menjadi`, `menunjukkan`), capitalised only
/// where it opens the sentence.
fn is_verb(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let lower = doc.kind(t) == Some(TokenKind::Word) && (!doc.is_capitalised(t) || doc.is_sentence_initial(t));
    lower && low.chars().count() >= MIN_VERB_CHARS && VERB_PREFIXES.iter().any(|p| low.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::super::super::{Analyzer, QuoteKind};

    /// The speaker of each indirect report of `text`.
    fn report_speakers(text: &str) -> Vec<Option<String>> {
        let slice = |a: usize, b: usize| text.chars().skip(a).take(b - a).collect::<String>();
        let s = Analyzer::new().analyze(text);
        s.quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| q.speaker.and_then(|i| s.entities.get(i)).map(|e| slice(e.start, e.end)))
            .collect()
    }

    #[test]
    fn an_adverb_after_the_source_comes_off_it() {
        let text = "😀 “Api cepat membesar,” kata petugas.\r\n\r\nPetugas dan warga yang melihat asap segera \
                    melaporkan bahwa dua rumah sudah terbakar habis.";
        // The relative clause describes the source, which is the phrase before `yang`
        // (`indonesian::relative_subject`).
        assert_eq!(report_speakers(text), [Some("Petugas dan warga".to_owned())]);
    }

    #[test]
    fn a_source_starts_after_the_conjunction_opening_its_clause() {
        let text = "Harga benang naik 🧵.\r\n\r\nPasar sepi sejak Mei, terutama saat perajin tenun menilai \
                    bahwa ongkos kirim terlalu mahal.";
        assert_eq!(report_speakers(text), [Some("perajin tenun".to_owned())]);
    }

    #[test]
    fn an_english_source_loses_its_auxiliary_and_a_verb_taking_to() {
        let text = "😀 The depot closed in May.\r\n\r\nSeveral former drivers have complained that the “new” \
                    shifts are too long.\r\n\
                    The county board continues to insist that the depot will reopen.";
        assert_eq!(
            report_speakers(text),
            [Some("Several former drivers".to_owned()), Some("The county board".to_owned())]
        );
    }

    #[test]
    fn a_clause_read_as_the_source_names_no_one() {
        let text = "Hujan turun sejak pagi 🌧️.\r\n\r\nAir tidak tertampung sehingga genangan meluas, jelasnya \
                    dalam keterangan tertulis.\r\nMenjadi salah satu pedagang yang mengaku bahwa omzet turun tajam.";
        let got = report_speakers(text);
        assert!(
            got.iter().flatten().all(|s| !s.contains("tidak") && !s.to_lowercase().starts_with("menjadi")),
            "{got:?}"
        );
    }
}
