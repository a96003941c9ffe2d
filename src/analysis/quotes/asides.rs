//! Speech cues set off by commas inside a sentence, a common way of reporting speech
//! in Indonesian news: `Namun, kata Sari, yang penting adalah …`, `Rencana itu,
//! tutur Budi, terlalu terburu-buru`, `Selain itu, lanjutnya, …`, `The plan, said
//! Okafor, will cost …`, and at the end of a sentence quoted without marks (`Kami
//! akan menyelidikinya, kata Kapolres`).

use super::super::doc::Doc;
use super::super::function_words::PRONOUNS;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::TokenKind;
use super::cues::SpeakerHint;
use super::reporting::{skip_apposition, MIN_CONTENT_WORDS, ROLE_NOUNS};

/// Words opening a connective or a setting before the cue (`Namun, kata X, …`,
/// `Selama pandemi, kata X, …`): not part of the report, unlike a subject or a clause
/// of time or condition (`Ketika pasar dibangun, kata X, …`, `Jika …, kata X, …`),
/// which the speaker said with the rest.
const SETTING_OPENERS: &[&str] = &[
    "namun",
    "tetapi",
    "tapi",
    "sementara",
    "selain",
    "meski",
    "meskipun",
    "walau",
    "walaupun",
    "setelah",
    "sebelum",
    "selama",
    "sejak",
    "dalam",
    "dari",
    "untuk",
    "sesuai",
    "terkait",
    "di",
    "pada",
    "dengan",
    "oleh",
    "karena",
    "sebab",
    "lalu",
    "kemudian",
    "apalagi",
    "bahkan",
    "hanya",
    "adapun",
    "nantinya",
    "sebelumnya",
    "kini",
    "berdasarkan",
    "hingga",
    "sampai",
    "seperti",
    "bagi",
    "atas",
    "akibat",
    "maka",
    "jadi",
    "dan",
    "atau",
    "begitu",
    "sedangkan",
    "padahal",
    "lewat",
    "melalui",
    "usai",
    "seusai",
    "seiring",
    "menjelang",
    "jelang",
    "terhadap",
    "sebagai",
    "tak",
    "tidak",
    "menurut",
    "mengenai",
    "soal",
    "tentang",
    "however",
    "but",
    "in",
    "on",
    "at",
    "for",
    "since",
    "after",
    "before",
    "during",
    "when",
    "if",
    "so",
    "and",
    "yet",
    "still",
    "meanwhile",
];
/// Modal adverbs ending in `-nya` that belong to the report (`Seharusnya, kata X,
/// …`: what should be is what was said), unlike connectives and discourse adverbs
/// (`Pasalnya`, `Akibatnya`, `Sebenarnya`).
const REPORTED_ADVERBS: &[&str] = &["seharusnya", "semestinya"];
/// Sentence adverbs that stand alone before a cue (`Memang, kata Ratna, …`): a
/// setting, not the subject of the report.
const SENTENCE_ADVERBS: &[&str] =
    &["memang", "juga", "tentu", "justru", "jelas", "pokoknya", "intinya", "also", "indeed", "still"];
/// Longest comma-set part taken for a name, a place or a date after a role.
const MAX_APPOSITION_TOKENS: usize = 6;
/// Most such parts (`Dewi Anggraini`, `di Malang`, `Kamis (7/3/2024)`), so that a
/// long run of capitalised parts is not walked again for every cue in it.
const MAX_APPOSITION_PARTS: usize = 4;
/// Furthest a speaker phrase's first comma may stand from the cue.
const MAX_SPEAKER_TOKENS: usize = 12;

/// The report of the cue at token `v`, preceded by a comma: its content tokens and the
/// speaker hint. The content is what follows the speaker, from the sentence start when
/// what precedes the cue is the content's subject (`Rencana itu, tutur Budi, …`)
/// rather than a connective or a setting (`Namun`, `Selama musim hujan ini`); with
/// nothing after the speaker, it is what precedes the cue.
pub fn aside_cue(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    let (after, hint) = aside_speaker(doc, lex, v, sentence_end)?;
    let start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map_or(v, |s| s.start);
    let before = v.checked_sub(1)?;
    if !has_words(doc, after, sentence_end) {
        return Some((start, before, hint));
    }
    let clause = (start..before).all(|t| !doc.is_punct(t, ','));
    let subject = clause && start < before && !is_setting(doc, start, before);
    Some((if subject { start } else { after }, sentence_end, hint))
}

/// Do tokens `a..b` open with a connective or a setting rather than a subject? One
/// word alone may be an adverb (`Memang`, `Seharusnya`), or a subject (`Polri`).
fn is_setting(doc: &Doc, a: usize, b: usize) -> bool {
    let low = doc.low(a);
    let connective_nya = low.ends_with("nya") && !REPORTED_ADVERBS.contains(&low);
    SETTING_OPENERS.contains(&low) || (b == a + 1 && (connective_nya || SENTENCE_ADVERBS.contains(&low)))
}

/// Are there enough words in `a..end` for a report? Looks a few tokens ahead only, so
/// that a sentence with many commas is not rescanned per cue.
fn has_words(doc: &Doc, a: usize, end: usize) -> bool {
    let ahead = end.min(a + 2 * MIN_CONTENT_WORDS);
    (a..ahead).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count() >= MIN_CONTENT_WORDS
}

/// The speaker of a cue set off by commas and where the text after them starts.
fn aside_speaker(doc: &Doc, lex: &Lexicon, v: usize, end: usize) -> Option<(usize, SpeakerHint)> {
    let pos = doc.tokens.get(v).map_or(0, |x| x.start());
    if lex.nya_cue_base(doc.low(v)).is_some() {
        let closed = doc.is_punct(v + 1, ',') || v + 1 >= end || doc.is_punct(v + 1, '.');
        return closed.then_some((v + 2, SpeakerHint::Pronoun(pos)));
    }
    let from = v + 1;
    let comma = (from..end.min(from + MAX_SPEAKER_TOKENS)).find(|&t| doc.is_punct(t, ',')).unwrap_or(end);
    if PRONOUNS.contains(&doc.low(from)) && comma == from + 1 {
        return Some((comma + 1, SpeakerHint::Pronoun(pos)));
    }
    let first = doc.low(from);
    if !doc.is_capitalised(from) && !lex.titles.contains(first) && !ROLE_NOUNS.contains(&first) {
        return None;
    }
    // `Roe, a pollster, said the turnout was low`: a lower-case phrase that runs on
    // without a comma is the report, said by the subject before the verb.
    if comma == end && !doc.is_capitalised(from) && end > from + MAX_APPOSITION_TOKENS {
        return None;
    }
    let close = named_apposition_end(doc, comma, end);
    Some((skip_apposition(doc, lex, close + 1, end), SpeakerHint::After(from, close)))
}

/// `kata ahli gizi Universitas Tunas Bangsa, Dewi Anggraini, di Malang, Kamis
/// (7/3/2024), sekolah …`: short capitalised parts (or `di …`) after the comma at
/// token `comma` still name the speaker; returns the comma that ends them.
fn named_apposition_end(doc: &Doc, mut comma: usize, sentence_end: usize) -> usize {
    for _ in 0..MAX_APPOSITION_PARTS {
        let part = comma + 1;
        let limit = sentence_end.min(part + MAX_APPOSITION_TOKENS + 1);
        let Some(next) = (part..limit).find(|&t| doc.is_punct(t, ',')) else { return comma };
        if next == part || !(doc.is_capitalised(part) || doc.low(part) == "di") {
            return comma;
        }
        comma = next;
    }
    comma
}
