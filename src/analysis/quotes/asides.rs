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

/// Connectives before the cue (`Namun, kata X, …`, `Meski begitu, kata X, …`): they
/// join the report to what came before and are left out of it, unlike its subject, a
/// setting of time or place (`Kini, kata X, …`, `Dalam lima tahun itu, menurut X, …`)
/// or a clause of time or condition (`Ketika pasar dibangun, kata X, …`), which the
/// speaker said with the rest.
const CONNECTIVES: &[&str] = &[
    "namun",
    "tetapi",
    "tapi",
    "sementara",
    "selain",
    "lalu",
    "kemudian",
    "apalagi",
    "bahkan",
    "hanya",
    "adapun",
    "maka",
    "jadi",
    "dan",
    "atau",
    "begitu",
    "sedangkan",
    "padahal",
    "meski",
    "meskipun",
    "walau",
    "walaupun",
    "tak",
    "tidak",
    "menurut",
];
/// Connectives that join a clause and go on into its subject without a comma (`Namun
/// laporan itu, menurut X, …`), unlike those that open a phrase of their own (`Meski
/// demikian`, `Selain itu`, `Selain menambah …`).
const COORDINATORS: &[&str] = &["namun", "tetapi", "tapi", "bahkan", "lalu", "kemudian", "dan", "padahal", "sedangkan"];
/// Indonesian words opening a setting, which the report keeps (`Pada 2023, kata X,
/// …`) unless it only points back (`Untuk itu`, `Dengan demikian`, `Oleh sebab itu`) or
/// stands alone (`Sebab, …`): then it is a connective.
const SETTING_PREPOSITIONS: &[&str] = &[
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
    "setelah",
    "sebelum",
    "selama",
    "sejak",
    "berdasarkan",
    "hingga",
    "sampai",
    "seperti",
    "bagi",
    "atas",
    "akibat",
    "lewat",
    "melalui",
    "usai",
    "seusai",
    "seiring",
    "menjelang",
    "jelang",
    "terhadap",
    "sebagai",
    "mengenai",
    "soal",
    "tentang",
];
/// Words after such a preposition that point back to what came before.
const POINTERS: &[&str] = &["itu", "ini", "demikian", "tersebut", "begitu", "hal", "karena", "sebab"];
/// English openers of a connective or a setting, both left out of the report (`In
/// Ohio, Roe said, …`).
const ENGLISH_SETTINGS: &[&str] = &[
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
/// Discourse adverbs ending in `-nya` that stand alone before a cue (`Pasalnya, kata X,
/// …`): connectives; a noun with `-nya` (`Motifnya`, `Dinasnya`) is the report's subject.
const CONNECTIVE_NYA: &[&str] = &[
    "pasalnya",
    "akibatnya",
    "sebenarnya",
    "sayangnya",
    "rupanya",
    "untungnya",
    "anehnya",
    "artinya",
    "misalnya",
    "sebaliknya",
    "selanjutnya",
    "tampaknya",
    "agaknya",
    "kabarnya",
    "soalnya",
    "makanya",
    "karenanya",
    "akhirnya",
];
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
    let subject = (clause && start < before).then(|| report_start(doc, start, before)).flatten();
    Some((subject.unwrap_or(after), sentence_end, hint))
}

/// Where the reported words start in tokens `a..b` before a cue set inside a clause:
/// at `a`, or past a connective written without a comma (`Namun laporan itu, menurut
/// X, …`); none when only a connective stands there (`Namun, kata X, …`).
pub(super) fn report_start(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    if !opens_with_connective(doc, a, b) {
        return Some(a);
    }
    let next = a + 1;
    let word = doc.kind(next) == Some(TokenKind::Word) && !POINTERS.contains(&doc.low(next));
    let run_on = next < b && word && COORDINATORS.contains(&doc.low(a)) && !opens_with_connective(doc, next, b);
    run_on.then_some(next)
}

/// Do tokens `a..b` open with a connective rather than the report's subject or
/// setting? One word alone may be a discourse adverb (`Memang`, `Pasalnya`), or a
/// subject (`Polri`, `Motifnya`).
pub(super) fn opens_with_connective(doc: &Doc, a: usize, b: usize) -> bool {
    let low = doc.low(a);
    // `Sebab, kata X, …`: a preposition alone is a conjunction.
    let pointer = SETTING_PREPOSITIONS.contains(&low) && (b == a + 1 || POINTERS.contains(&doc.low(a + 1)));
    let adverb = b == a + 1 && (CONNECTIVE_NYA.contains(&low) || SENTENCE_ADVERBS.contains(&low));
    CONNECTIVES.contains(&low) || ENGLISH_SETTINGS.contains(&low) || pointer || adverb
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

#[cfg(test)]
mod tests {
    use super::super::super::quote_fixtures::report_texts;

    #[test]
    fn a_setting_or_a_subject_before_the_cue_is_reported_a_connective_is_not() {
        let text = "Kini, kata Sri, harga “cabai” sudah turun di pasar.\r\n\
                    Motifnya, kata Dedi, sakit hati karena utang 💸 lama.\r\n\
                    Dalam lima tahun terakhir, menurut warga, sungai itu tiga kali meluap.\r\n\
                    Namun, kata Sri, pasokan dari petani masih seret.\r\n\
                    Untuk itu, lanjut Dedi, polisi memeriksa tiga saksi lagi.\r\n\
                    Pasalnya, kata Sri, gudang beras sudah kosong sejak Senin.\r\n\
                    Sebab, menurut Dedi, saksi kunci belum ditemukan.\r\n\
                    Namun laporan itu, menurut Sri, baru dibahas dua hari kemudian.\r\n\
                    Meski demikian, kata Dedi, penyidik tetap bekerja.";
        let got = report_texts(text);
        let want = [
            "Kini, kata Sri, harga “cabai” sudah turun di pasar",
            "Motifnya, kata Dedi, sakit hati karena utang 💸 lama",
            "Dalam lima tahun terakhir, menurut warga, sungai itu tiga kali meluap",
            "pasokan dari petani masih seret",
            "polisi memeriksa tiga saksi lagi",
            "gudang beras sudah kosong sejak Senin",
            "saksi kunci belum ditemukan",
            "laporan itu, menurut Sri, baru dibahas dua hari kemudian",
            "penyidik tetap bekerja",
        ];
        assert_eq!(got, want);
    }
}
