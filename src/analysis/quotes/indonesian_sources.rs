//! The shape of an unnamed source that speaks in Indonesian: a noun phrase
//! (`warga yang melihat kebakaran`, `pedagang pasar`, `Siswa kelas XII itu`), not a
//! clause read as one. The report readers find a source by where it stands (before
//! the verb, after the cue); this checks what they found, once, for every report:
//! a clause opened by a conjunction leaves only what follows it (`…, terutama saat
//! perajin tenun …` → `perajin tenun`), adverbs at the end come off (`… itu
//! segera`), and what is still no noun phrase (it opens with a verb or `ada`, ends in
//! `yang`, or holds a negation) names no speaker, leaving the speaker to the ranker.

use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::tokenizer::TokenKind;
use super::cues::SpeakerHint;

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
/// melaporkan`, `situs resmi itu baru melaporkan`).
const TRAILING_ADVERBS: &[&str] = &[
    "segera",
    "baru",
    "langsung",
    "juga",
    "pun",
    "sudah",
    "telah",
    "lalu",
    "kemudian",
    "kembali",
    "sebelumnya",
    "pernah",
    "sempat",
    "tetap",
    "masih",
    "bahkan",
    "justru",
    "lebih",
    "dulu",
    "terus",
];
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

/// The `hint` of the report whose cue is token `v`, with an Indonesian unnamed
/// source reduced to its noun phrase, or [`SpeakerHint::None`] where none is left.
pub fn noun_phrase_source(doc: &Doc, v: usize, hint: SpeakerHint) -> SpeakerHint {
    let SpeakerHint::Source(a, b) = hint else { return hint };
    if is_english(doc.low(v)) || b <= a {
        return hint;
    }
    let a = (a..b).rev().find(|&t| CLAUSE_CONJUNCTIONS.contains(&doc.low(t))).map_or(a, |t| t + 1);
    let b = without_trailing_adverbs(doc, a, b);
    if b <= a || !is_noun_phrase(doc, a, b) {
        return SpeakerHint::None;
    }
    SpeakerHint::Source(a, b)
}

/// `b` moved back over the adverbs ending tokens `a..b`.
fn without_trailing_adverbs(doc: &Doc, a: usize, mut b: usize) -> usize {
    loop {
        if b > a && TRAILING_ADVERBS.contains(&doc.low(b - 1)) {
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

fn is_english(low: &str) -> bool {
    english_verbs::is_inflected(low) || english_verbs::after_forms().any(|f| f == low)
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
        assert_eq!(report_speakers(text), [Some("Petugas dan warga yang melihat asap".to_owned())]);
    }

    #[test]
    fn a_source_starts_after_the_conjunction_opening_its_clause() {
        let text = "Harga benang naik 🧵.\r\n\r\nPasar sepi sejak Mei, terutama saat perajin tenun menilai \
                    bahwa ongkos kirim terlalu mahal.";
        assert_eq!(report_speakers(text), [Some("perajin tenun".to_owned())]);
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
