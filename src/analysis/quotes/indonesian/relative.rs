//! The subject of an Indonesian speech verb written with a relative clause or a
//! setting between it and the verb: `Warga yang ditemui di pasar mengatakan …`,
//! `Pejabat yang enggan disebut namanya menyatakan …`, `Budi yang memimpin rombongan
//! menegaskan …`, `Dinas X dalam siaran pers yang diterima pada Senin (12/4) menyebutkan
//! …`. The phrase before `yang` (or the setting word) speaks: a name when it holds one,
//! else an unnamed source. The shared readings take the whole run as the subject, and a
//! verb or a negation inside the clause (`mengetahui`, `enggan`) makes them give up.

use super::super::super::doc::Doc;
use super::super::super::function_words::{PRONOUNS, SPEECH_SUBJECT_GAP};
use super::super::super::lexicon::Lexicon;
use super::super::super::tokenizer::TokenKind;
use super::super::cues::SpeakerHint;
use super::{
    is_english, opens_setting, APPOSITION_OPENERS, CLAUSE_CONNECTIVES, CLAUSE_OPENERS, MAX_SUBJECT_WORDS,
    NOT_IN_SUBJECTS, VERB_ADVERBS, VERB_PREFIXES,
};

/// Words that open the relative clause or the setting after a subject.
const OPENERS: &[&str] = &["yang", "dalam", "saat", "ketika", "sewaktu", "usai", "seusai", "melalui", "lewat"];
/// Longest relative clause or setting between the subject and its verb, in tokens
/// (a date in brackets counts its marks: `pada Senin (12/4/2021)`).
const MAX_CLAUSE_TOKENS: usize = 24;
/// Conjunctions that open a clause of its own inside the relative clause (`… yang
/// akan menghukum daerah apabila daerah tidak melaporkan`): the speech verb is that
/// clause's.
const SUBORDINATORS: &[&str] = &[
    "apabila", "jika", "kalau", "bila", "karena", "sebab", "sehingga", "agar", "supaya", "ketika", "saat", "sebelum",
    "setelah",
];

/// The speaker hint of the Indonesian speech verb at token `v` whose subject is
/// followed by a relative clause or a setting, up to the verb (and a comma before it:
/// `Seorang warga yang enggan disebut namanya, mengatakan`). The subject opens its
/// clause (the sentence or the part after a comma, past connectives) and is a short
/// noun phrase; the clause after it has no comma and no speech verb of its own.
pub fn relative_subject(doc: &Doc, lex: &Lexicon, v: usize) -> Option<SpeakerHint> {
    if is_english(doc.low(v)) {
        return None;
    }
    let mut s = v.checked_sub(1)?;
    while SPEECH_SUBJECT_GAP.contains(&doc.low(s)) || VERB_ADVERBS.contains(&doc.low(s)) {
        s = s.checked_sub(1)?;
    }
    let set_off = doc.is_punct(s, ',');
    if set_off {
        s = s.checked_sub(1)?;
    }
    let sentence = doc.sentence_of(v).and_then(|i| doc.sentences.get(i))?;
    if doc.low(s) == "yang" {
        return reporting_relative(doc, v, s, sentence.start);
    }
    let a = clause_start(doc, sentence.start, s, set_off)?;
    if let Some(hint) = source_in_place(doc, a, s, sentence.start) {
        return Some(hint);
    }
    // `… pakar yang juga guru besar X Budi Santoso berpendapat`: a name ending the
    // clause is the subject the shared reading finds.
    if doc.is_capitalised(s) || ends_in_modal(doc, s) {
        return None;
    }
    described_subject(doc, lex, (a, s), sentence.start)
}

/// Where the clause of the subject ending at token `s` starts: after the last comma
/// within reach (or at the sentence start, token `floor`), past connectives. None for
/// a part set off by commas after a name (`Budi Santoso (61), warga yang tinggal di
/// …, mengatakan`, `set_off`), which describes it; only after a connective or a
/// setting (`Sementara itu, data yang …`) does such a part open the clause.
fn clause_start(doc: &Doc, floor: usize, s: usize, set_off: bool) -> Option<usize> {
    let reach = floor.max(s.saturating_sub(MAX_CLAUSE_TOKENS + MAX_SUBJECT_WORDS));
    let comma = (reach..=s).rev().find(|&t| doc.is_punct(t, ','));
    if comma.is_none() && reach > floor {
        return None;
    }
    if let Some(c) = comma.filter(|_| set_off) {
        let part = (floor..c).rev().find(|&t| t == floor || doc.is_punct(t - 1, ','));
        if !part.is_some_and(|p| opens_setting(doc.low(p))) {
            return None;
        }
    }
    let mut a = comma.map_or(floor, |t| t + 1);
    while a < s && CLAUSE_CONNECTIVES.contains(&doc.low(a)) {
        a += 1;
    }
    // `Triodos, sebuah bank yang …, memprediksi`: an apposition describes the name
    // before its comma (read by [`apposed_subject`](super::apposed_subject)).
    let apposition = comma.is_some() && APPOSITION_OPENERS.contains(&doc.low(a));
    (!apposition).then_some(a)
}

/// The subject in tokens `a..=s` written as a short noun phrase, then a relative
/// clause or a setting (`Warga yang ditemui di pasar`, `Dinas X dalam siaran pers
/// …`); the sentence starts at token `floor`.
fn described_subject(doc: &Doc, lex: &Lexicon, (a, s): (usize, usize), floor: usize) -> Option<SpeakerHint> {
    // The verb after `yang` right before the speech verb is the relative clause's own
    // (`pandangan yang menilai …`): the clause needs a word between.
    let opener = (a + 1..s).find(|&t| OPENERS.contains(&doc.low(t)))?;
    // A setting word after an unnamed word is a conjunction (`…, terutama saat perajin
    // menjelaskan`): only a name is followed by its setting (`Dinas X dalam …`).
    let named = |t: usize| doc.is_capitalised(t) && (t > floor || lex.first_names.contains(doc.low(t)));
    if doc.low(opener) != "yang" && !(a..opener).any(named) {
        return None;
    }
    // `Seorang sumber di kepolisian yang …`: `di` and a place may go on the noun.
    let in_head = |t: usize| is_subject_word(doc, t) || (t > a && doc.low(t) == "di");
    let head_ok = opener - a <= MAX_SUBJECT_WORDS && (a..opener).all(in_head);
    let clause_ok = s + 1 - opener <= MAX_CLAUSE_TOKENS && !(opener + 1..=s).any(|t| breaks_clause(doc, lex, t));
    (head_ok && clause_ok).then(|| speaking_phrase(doc, a, opener, floor))
}

/// `Menanggapi libur itu, sejumlah warga di Jakarta menyatakan …`: a phrase without a
/// name (tokens `a..`) followed by `di` and a place in capitals up to the verb's
/// subject end `s` speaks as an unnamed source; the place is where it is, not who
/// speaks.
fn source_in_place(doc: &Doc, a: usize, s: usize, floor: usize) -> Option<SpeakerHint> {
    let at = (a + 1..s).find(|&t| doc.low(t) == "di")?;
    let lower = (a..at).any(|t| !doc.is_capitalised(t));
    let unnamed = lower && (a..at).all(|t| is_subject_word(doc, t) && (!doc.is_capitalised(t) || t == floor));
    let place = (at + 1..=s).all(|t| doc.kind(t) == Some(TokenKind::Word) && doc.is_capitalised(t));
    (unnamed && place && at - a <= MAX_SUBJECT_WORDS).then_some(SpeakerHint::Source(a, at))
}

/// `Koran itu mengutip polisi setempat yang menegaskan bahwa …`: the speech verb at
/// token `v` opens a relative clause (`yang` at token `y`) and reports a `bahwa`
/// clause; the noun phrase before `yang`, back to a verb, a comma or the sentence
/// start at token `floor`, speaks. Without `bahwa` (`pandangan yang menilai …`) the
/// verb describes its noun and this reads nothing.
fn reporting_relative(doc: &Doc, v: usize, y: usize, floor: usize) -> Option<SpeakerHint> {
    if doc.low(v + 1) != "bahwa" {
        return None;
    }
    let mut a = y;
    while a > floor && y - a < MAX_SUBJECT_WORDS && is_subject_word(doc, a - 1) {
        a -= 1;
    }
    while a < y && CLAUSE_CONNECTIVES.contains(&doc.low(a)) {
        a += 1;
    }
    if a == y {
        return None;
    }
    Some(speaking_phrase(doc, a, y, floor))
}

/// The hint of the phrase in tokens `a..b` that speaks, its sentence starting at token
/// `floor`: a name written whole in capitals (`Dinas Perhubungan Kota Batu`, `Rini
/// Astuti`) is the subject; a phrase with lower-case words (`warga`, `KPU setempat`),
/// or one word capitalised only as the sentence's first (`Sumber`), is an unnamed
/// source, which the speaker stage reads for a name inside it.
fn speaking_phrase(doc: &Doc, a: usize, b: usize, floor: usize) -> SpeakerHint {
    let capitalised = (a..b).all(|t| doc.is_capitalised(t));
    if capitalised && (a > floor || b > a + 1) {
        SpeakerHint::Subject(a, b)
    } else {
        SpeakerHint::Source(a, b)
    }
}

/// May token `t` be part of a subject noun phrase: a word that is no pronoun, negation,
/// modal, adverb, active verb (`membantah pandangan yang …` is a clause), preposition
/// (`sampai dengan adanya putusan yang …`) or opener of a clause (`…, yang juga hadir
/// dalam …` describes the name before its comma)?
fn is_subject_word(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let verb = VERB_PREFIXES.iter().any(|p| low.starts_with(p));
    let function = PRONOUNS.contains(&low)
        || NOT_IN_SUBJECTS.contains(&low)
        || SPEECH_SUBJECT_GAP.contains(&low)
        || OPENERS.contains(&low)
        || CLAUSE_OPENERS.contains(&low)
        || matches!(low, "dari" | "ke" | "adanya");
    doc.kind(t) == Some(TokenKind::Word) && !function && !verb
}

/// Does token `t` end the clause between a subject and its verb: a comma, a quote
/// mark, or a speech verb of its own?
fn breaks_clause(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    let low = doc.low(t);
    let quote = doc.kind(t) == Some(TokenKind::Punct) && matches!(low, "\"" | "“" | "”" | "'" | "‘" | "’");
    let cue = lex.is_cue(low);
    doc.is_punct(t, ',') || doc.is_punct(t, ';') || quote || cue || SUBORDINATORS.contains(&low)
}

/// Does the clause before the speech verb end in a negation or a modal (`… apabila
/// daerah tidak melaporkan`): the verb then has a subject of its own in that clause?
fn ends_in_modal(doc: &Doc, s: usize) -> bool {
    NOT_IN_SUBJECTS.contains(&doc.low(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the hint `relative_subject` gives at the verb `verb` of `text`, with
    /// its kind.
    fn subject(text: &str, verb: &str) -> Option<(&'static str, String)> {
        let doc = Doc::new(text);
        let lex = Lexicon::new();
        let v = (0..doc.tokens.len()).find(|&t| doc.low(t) == verb)?;
        let span = |a: usize, b: usize| {
            let (s, e) = doc.char_span(a, b).unwrap_or((0, 0));
            doc.text_of(s, e)
        };
        match relative_subject(&doc, &lex, v)? {
            SpeakerHint::Subject(a, b) => Some(("subject", span(a, b))),
            SpeakerHint::Source(a, b) => Some(("source", span(a, b))),
            _ => None,
        }
    }

    #[test]
    fn the_phrase_before_yang_speaks() {
        let got = subject("Nelayan yang enggan disebut namanya mengatakan solar langka sejak Senin.", "mengatakan");
        assert_eq!(got, Some(("source", "Nelayan".to_string())));
        let got =
            subject("Kata orang, sopir truk yang melintas di 🚚 jalur itu menuturkan jalannya licin.", "menuturkan");
        assert_eq!(got, Some(("source", "sopir truk".to_string())));
        let got = subject("Sumber yang mengetahui rencana itu, menyebutkan rapat ditunda.", "menyebutkan");
        assert_eq!(got, Some(("source", "Sumber".to_string())));
        let got = subject("Sementara itu, catatan yang dihimpun dinas, menyebutkan rapat ditunda.", "menyebutkan");
        assert_eq!(got, Some(("source", "catatan".to_string())));
    }

    #[test]
    fn a_name_before_yang_or_a_setting_speaks() {
        let got = subject("Lalu Rini Astuti yang memimpin tim itu menegaskan semua selamat.", "menegaskan");
        assert_eq!(got, Some(("subject", "Rini Astuti".to_string())));
        let text = "Dinas Perhubungan Kota Batu dalam siaran pers yang diterima pada Rabu (3/3/2021) menyebutkan jalur itu ditutup.\r\n";
        assert_eq!(subject(text, "menyebutkan"), Some(("subject", "Dinas Perhubungan Kota Batu".to_string())));
        let text = "“Pasar sepi,” kata dia. Pedagang sayur yang ditemui mengatakan harga naik.";
        assert_eq!(subject(text, "mengatakan"), Some(("source", "Pedagang sayur".to_string())));
    }

    #[test]
    fn an_unnamed_phrase_in_a_place_speaks_without_the_place() {
        let text = "Menjelang libur, para pedagang di Pasar Baru menyatakan stok aman.";
        assert_eq!(subject(text, "menyatakan"), Some(("source", "para pedagang".to_string())));
        assert_eq!(subject("Budi di Bandung menyatakan stok aman.", "menyatakan"), None);
    }

    #[test]
    fn a_relative_speech_verb_with_bahwa_speaks_for_its_noun() {
        let text = "Harian itu mengutip juru bicara bandara yang menyatakan bahwa semua penerbangan 🛫 ditunda.";
        assert_eq!(subject(text, "menyatakan"), Some(("source", "juru bicara bandara".to_string())));
        assert_eq!(subject("Ia menolak pandangan yang menilai harga terlalu tinggi.", "menilai"), None);
        let text = "Status itu berlaku sampai dengan adanya surat resmi yang menyatakan bahwa ia bebas.";
        assert_eq!(subject(text, "menyatakan"), Some(("source", "surat resmi".to_string())));
    }

    #[test]
    fn a_clause_or_a_pronoun_is_no_such_subject() {
        assert_eq!(subject("Ia yang paling tahu mengatakan rapat ditunda.", "mengatakan"), None);
        assert_eq!(subject("Warga mengatakan jalan itu rusak.", "mengatakan"), None);
        assert_eq!(subject("Warga yang tidak mau berkata, mengatakan jalan itu rusak.", "mengatakan"), None);
        let text = "Hari ini Ketua Panitia Sari, yang juga hadir dalam acara itu, mengatakan semua siap.";
        assert_eq!(subject(text, "mengatakan"), None);
        let text = "Rini Lestari (52), pedagang yang berjualan di pasar itu, mengatakan harga naik.";
        assert_eq!(subject(text, "mengatakan"), None);
        let text = "Sebelumnya, pengamat yang juga dosen Universitas Nusa Budi Hartono berpendapat tarif naik.";
        assert_eq!(subject(text, "berpendapat"), None);
        let text = "Namun, sanksi Kementerian yang menghukum desa apabila desa tidak melaporkan dana, efektif.";
        assert_eq!(subject(text, "melaporkan"), None);
        let text = "Ia tersenyum, terutama saat pelatih tari menjelaskan gerakan itu satu per satu.";
        assert_eq!(subject(text, "menjelaskan"), None);
        let text = "Menteri itu membantah pendapat yang menyebut harga naik.";
        assert_eq!(subject(text, "menyebut"), None);
        let text = "Lumbung, sebuah koperasi yang berbasis di Solo, memprediksi harga gabah naik.";
        assert_eq!(subject(text, "memprediksi"), None);
    }
}
