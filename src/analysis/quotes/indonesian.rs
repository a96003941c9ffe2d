//! Indonesian reporting constructions that the shared rules of
//! [`indirect`](super::indirect) and [`asides`](super::asides) leave out:
//!
//! - a cue at the end of an unmarked report whose speaker is a pronoun, an unnamed
//!   source, or a name followed by a setting: `…, kata dia saat ditemui.`, `…, kata
//!   surat kabar itu.`, `…, ujarnya sembari tersenyum.`, `…, kata Menteri X, Budi
//!   Santoso, dalam wawancara …`;
//! - a sentence opened by a passive cue: `Dikatakannya, …`, `Ditambahkan, …`;
//! - the subject of a speech verb written without a name (`ketua tim itu menambahkan
//!   bahwa …`) or parted from its verb by an adverb (`Budi sebelumnya mengatakan …`);
//! - `menurut` with an unnamed source (`Menurut saksi mata, …`).
//!
//! English cues are left to the shared rules: each function here checks that its cue
//! is not an English verb form.

use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::function_words::{PRONOUNS, SPEECH_SUBJECT_GAP};
use super::super::lexicon::{is_region_name, Lexicon};
use super::super::tokenizer::TokenKind;
use super::asides;
use super::cues::{subject_before, SpeakerHint};
use super::reporting::{MIN_CONTENT_WORDS, ROLE_NOUNS};

mod objects;
mod opening_cue;
mod relative;
pub use objects::reports_nothing;
pub use opening_cue::{kata_opening, name_after_role};
pub use relative::relative_subject;

/// Words that open the setting after a speaker (`kata Budi di Jakarta`, `kata dia saat
/// ditemui`, `ujarnya sembari tersenyum`): where the speaker's phrase ends and nothing
/// more is reported.
const SETTING_WORDS: &[&str] = &[
    "di",
    "dalam",
    "saat",
    "ketika",
    "sewaktu",
    "kala",
    "usai",
    "seusai",
    "selepas",
    "kepada",
    "pada",
    "melalui",
    "lewat",
    "via",
    "seperti",
    "sebagaimana",
    "sebelum",
    "setelah",
    "sesudah",
    "sambil",
    "sembari",
    "seraya",
    "dengan",
    "tanpa",
    "kemarin",
    "menjelang",
    "jelang",
    "yang",
    "dikutip",
    "dilansir",
    "ditemui",
    "dihubungi",
];
/// Longest speaker phrase after a trailing cue, in tokens (`kata seorang pejabat senior
/// kementerian luar negeri`).
const MAX_SPEAKER_TOKENS: usize = 8;
/// Longest comma-set part after the speaker still read as a name, a place or a date
/// (`, Budi Santoso,`, `, Jakarta Pusat,`, `, Senin (25/8/2014)`).
const MAX_PART_TOKENS: usize = 8;
/// Words of a date after a day's name (`Kamis (10/7) malam`, `Senin pagi waktu setempat`).
const TIMES_OF_DAY: &[&str] = &["pagi", "siang", "sore", "malam", "dini", "hari", "lalu", "waktu", "setempat"];
/// Longest setting after a trailing cue's speaker, in tokens (`dalam jumpa pers di
/// kantornya, Jakarta Pusat, Jumat (22/8)`).
const MAX_SETTING_TOKENS: usize = 40;
/// Longest subject clause before `menurut X,`, in tokens.
const MAX_SUBJECT_CLAUSE_TOKENS: usize = 30;
/// Words joining a second speech verb of the same speaker to a trailing cue (`…, kata
/// X, dan menambahkan …`, `…, ujarnya seraya menegaskan …`).
const JOINING_WORDS: &[&str] = &["dan", "seraya", "sambil", "sembari"];
/// Passive forms of speech verbs that open a sentence (`Dikatakan, …`,
/// `Ditambahkannya, …`); their `-nya` forms point back to the last person.
const PASSIVE_CUES: &[&str] =
    &["dikatakan", "ditambahkan", "disebutkan", "dijelaskan", "ditegaskan", "diungkapkan", "dituturkan"];
/// Passive speech verbs set off by commas inside a clause with their agent after them
/// (`Rencana itu, dikatakan Budi, terlalu mahal`, `Aturan itu, yang disebut Sari,
/// merugikan petani`).
const PASSIVE_ASIDE_CUES: &[&str] = &["dikatakan", "disebut", "disebutkan", "ditegaskan", "diungkapkan"];
/// Most words of the agent of such a cue (`dikatakan Menteri Budi Santoso`).
const MAX_AGENT_WORDS: usize = 5;
/// Adverbs between a subject and its speech verb, besides the shared gap words
/// (`Budi sebelumnya mengatakan`, `Polri pernah menyatakan`).
pub(super) const VERB_ADVERBS: &[&str] =
    &["sebelumnya", "pernah", "sempat", "tetap", "masih", "bahkan", "justru", "lebih", "dulu"];
/// Negations, modals and pronouns: a phrase with one before a speech verb is a clause
/// (`ia tidak menjelaskan`, `mereka akan menyampaikan`), not a subject that reports.
const NOT_IN_SUBJECTS: &[&str] = &[
    "tidak", "tak", "belum", "bukan", "akan", "ingin", "mau", "harus", "bisa", "dapat", "enggan", "perlu", "hendak",
    "mereka", "kami", "kita", "saya", "aku", "anda",
    // Conjunctions of cause, condition and purpose open a clause without a subject
    // (`…, karena menilai …`, `Bodoh sekali kalau mengungkap …`), and degree adverbs
    // make a predicate (`pemda sangat terbantu memastikan …`).
    "karena", "sebab", "kalau", "jika", "apabila", "bila", "agar", "supaya", "sehingga", "sangat", "sekali", "amat",
    "terlalu",
    // Modals, purposes and verbs of trying or being asked before the speech verb make
    // it the complement of another verb (`pemerintah diminta memastikan …`, `mesti
    // memastikan`, `berusaha memastikan`), and a preposition or conjunction makes a
    // phrase no subject (`dalam menyampaikan …`, `termasuk memastikan …`).
    "mesti", "pasti", "selalu", "untuk", "diminta", "dituntut", "berusaha", "berhasil", "termasuk", "serta", "dalam",
];
/// Prefixes of active verbs (`mengindikasi`, `menyusun`, `membahas`), which a noun
/// phrase does not hold (`menteri` has `ment-`).
const VERB_PREFIXES: &[&str] = &["meng", "meny", "mem"];
/// Connectives opening a clause before its subject (`Selanjutnya ketua tim …`).
const CLAUSE_CONNECTIVES: &[&str] =
    &["namun", "selanjutnya", "sementara", "itu", "kemudian", "lalu", "adapun", "tetapi", "tapi", "dan", "sedangkan"];
/// Words opening a setting or a connective before `menurut X,` (`Dalam rapat itu`,
/// `Selain itu`): not reported (a clause of time or condition, `Jika …`, is).
const CLAUSE_OPENERS: &[&str] = &[
    "dalam",
    "di",
    "pada",
    "untuk",
    "dengan",
    "meski",
    "meskipun",
    "walau",
    "walaupun",
    "selain",
    "setelah",
    "sebelum",
    "sejak",
    "selama",
    "karena",
    "sebab",
    "oleh",
    "bahkan",
    "padahal",
    "hingga",
    "sampai",
    "terkait",
    "soal",
    "tentang",
    "mengenai",
    "bagi",
    "atas",
    "akibat",
    "seperti",
    "sebagai",
    "menurut",
    "pasalnya",
    "alasannya",
    "kini",
    "sebelumnya",
    "nantinya",
    "jadi",
    "maka",
    "sehingga",
];
/// Longest subject phrase without a name before a speech verb, in words.
const MAX_SUBJECT_WORDS: usize = 7;
/// Head nouns of an unnamed source after `menurut` (`Menurut saksi mata`, `menurut para
/// analis`, `Menurut laporan itu`): people, groups and documents that report.
const SOURCE_HEADS: &[&str] = &[
    "saksi",
    "para",
    "pihak",
    "sumber",
    "laporan",
    "keterangan",
    "pernyataan",
    "seorang",
    "kalangan",
    "sejumlah",
    "analis",
    "pejabat",
    "petugas",
    "perkiraan",
    "penelitian",
    "survei",
    "hasil",
];
/// Most words of such a source before its comma.
const MAX_SOURCE_WORDS: usize = 8;
/// Nouns that, as the object of a speech verb, name the act of speaking rather than
/// what was said (`menyatakan perang terhadap …`, `menyampaikan niatnya untuk …`,
/// `menyampaikan permohonan maaf`): the verb then reports no clause.
const ACT_NOUNS: &[&str] = &[
    "perang",
    "niat",
    "permohonan",
    "permintaan",
    "ucapan",
    "selamat",
    "terima",
    "belasungkawa",
    "duka",
    "keprihatinan",
    "apresiasi",
    "dukungan",
    "penolakan",
    "keberatan",
    "protes",
    "salam",
    "harapan",
];
/// Words after such a noun that make it the object naming the act (`perang
/// terhadap …`, `niatnya untuk …`, `permintaan maaf`, `terima kasih kepada …`); after
/// any other word (`permintaan pasar meningkat`, `dukungan itu belum …`) the noun
/// opens a reported clause.
const ACT_FOLLOWERS: &[&str] =
    &["terhadap", "untuk", "atas", "kepada", "bagi", "maaf", "kasih", "agar", "supaya", "selamat", "cita"];
/// Pronouns that a verb of reminding or telling takes as its object (`mengingatkan kita
/// pada …`).
const PRONOUN_OBJECTS: &[&str] = &["kita", "kami", "saya", "kamu", "anda", "mereka", "kalian"];
/// Most words of a role phrase without a name (`Juru bicara militer Israel`).
const MAX_ROLE_WORDS: usize = 5;
/// Words opening an apposition that describes the name before it (`X, sebuah bank
/// …,`, `X, seorang petani …,`, `X, salah satu …,`).
const APPOSITION_OPENERS: &[&str] = &["sebuah", "seorang", "salah"];
/// Most words of a name set off by commas before its verb (`…, Budi Santoso, mengatakan`).
const MAX_NAME_WORDS: usize = 4;
/// Words a content of one or two words opens with after a speech verb when it is a
/// predicate, so a statement (`Ia mengatakan siap.`, `Budi menyatakan tidak tahu.`),
/// not a noun object (`menyatakan perang`): negations, aspect and modal words, and
/// the adjectives of readiness and agreement that news reports this way.
const PREDICATE_OPENERS: &[&str] = &[
    "tidak",
    "tak",
    "belum",
    "bukan",
    "sudah",
    "telah",
    "akan",
    "masih",
    "sedang",
    "bisa",
    "dapat",
    "harus",
    "perlu",
    "siap",
    "setuju",
    "sepakat",
    "bersedia",
    "yakin",
    "optimistis",
    "optimis",
    "pesimistis",
    "pesimis",
];
/// Demonstratives that, as the subject of a speech verb, stand for a thing or an event
/// (`Hal itu menegaskan …`, `Ini menunjukkan …`), which says nothing.
const DEMONSTRATIVES: &[&str] = &["ini", "itu", "tersebut"];
/// Nouns that make the verb after them a noun phrase of manner or aim (`cara-cara
/// menyampaikan keinginan`, `upaya menjelaskan …`, `hak menyatakan pendapat`): no one
/// speaks there.
const NOMINALISING_HEADS: &[&str] = &["cara", "upaya", "usaha", "hak", "kesempatan", "kewajiban"];
/// Addressees written between a speech verb and its `bahwa` (`menyampaikan kepada
/// ketua umumnya bahwa …`), in words.
const MAX_ADDRESSEE_WORDS: usize = 5;

/// Is `low` an English verb form (`said`, `told`): a cue for the shared rules?
pub(super) fn is_english(low: &str) -> bool {
    english_verbs::is_inflected(low) || english_verbs::after_forms().any(|f| f == low)
}

fn start_of(doc: &Doc, t: usize) -> usize {
    doc.tokens.get(t).map_or(0, |x| x.start())
}

fn is_word(doc: &Doc, t: usize) -> bool {
    doc.kind(t) == Some(TokenKind::Word)
}

/// `Kebijakan itu sudah tepat, kata dia saat ditemui.`, `…, kata surat kabar itu.`, `…,
/// ujarnya sembari tersenyum.`: an Indonesian cue after a comma, then its speaker and
/// nothing but a setting up to the end of the sentence `v` is in. The report is what
/// precedes the comma, from the sentence start.
pub fn trailing_cue(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    let low = doc.low(v);
    let comma = v.checked_sub(1).filter(|&c| doc.is_punct(c, ','))?;
    if doc.is_capitalised(v) || !lex.is_cue_after(low) || is_english(low) {
        return None;
    }
    let start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    // A statement of one or two words is reported too (`Jangan dibalik, tegasnya.`):
    // the cue closing the sentence makes it one ([`fewest_content_words`]).
    if !(start..comma).any(|t| is_word(doc, t)) {
        return None;
    }
    let (rest, hint) = speaker_after(doc, lex, v, sentence_end)?;
    let adds = added_verb(doc, lex, rest, sentence_end).is_some();
    (adds || setting_only(doc, lex, rest, sentence_end)).then_some((start, comma, hint))
}

/// `…, kata surat kabar itu, dan menambahkan, Suriah tidak akan …`: after the trailing
/// cue at token `v` and its speaker, a second speech verb joined by `dan` (`seraya`,
/// `sambil`, `sembari`) reports for the same speaker. Returns that verb, the first
/// token after it and the speaker hint.
pub fn added_report(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    trailing_cue(doc, lex, v, sentence_end)?;
    let (rest, hint) = speaker_after(doc, lex, v, sentence_end)?;
    let w = added_verb(doc, lex, rest, sentence_end)?;
    Some((w, w + 1, hint))
}

/// The speech verb right after a comma and `dan`/`seraya`/`sambil`/`sembari` (and a
/// gap word: `dan juga menambahkan`) at token `t`.
fn added_verb(doc: &Doc, lex: &Lexicon, mut t: usize, end: usize) -> Option<usize> {
    while doc.is_punct(t, ',') {
        t += 1;
    }
    if !JOINING_WORDS.contains(&doc.low(t)) {
        return None;
    }
    let mut w = t + 1;
    while SPEECH_SUBJECT_GAP.contains(&doc.low(w)) {
        w += 1;
    }
    let low = doc.low(w);
    (w < end && lex.cues_before.contains(low) && !is_english(low) && !doc.is_capitalised(w)).then_some(w)
}

/// The speaker written after the trailing cue at token `v` and the first token after
/// it: the cue's `-nya` or a pronoun, else a phrase up to a setting word, a comma or the
/// sentence end, with the names set off by commas after a role (`kata Menteri X, Budi
/// Santoso, di …`).
fn speaker_after(doc: &Doc, lex: &Lexicon, v: usize, end: usize) -> Option<(usize, SpeakerHint)> {
    let pronoun = SpeakerHint::Pronoun(start_of(doc, v));
    if lex.nya_cue_base(doc.low(v)).is_some() {
        return Some((v + 1, pronoun));
    }
    let a = v + 1;
    if PRONOUNS.contains(&doc.low(a)) {
        return Some((a + 1, pronoun));
    }
    let phrase_end = |from: usize| {
        let limit = end.min(from + MAX_SPEAKER_TOKENS);
        (from..limit).find(|&t| !is_word(doc, t) || SETTING_WORDS.contains(&doc.low(t))).unwrap_or(limit)
    };
    let head_end = phrase_end(a);
    if head_end == a {
        return None;
    }
    // `kata Perdana Menteri Ethiopia, Meles Zenawi, dalam …`: a capitalised part after
    // the role is the name.
    let mut b = head_end;
    if doc.is_punct(b, ',') && doc.is_capitalised(b + 1) {
        let name_end = phrase_end(b + 1);
        if (b + 1..name_end).all(|t| doc.is_capitalised(t)) {
            b = name_end;
        }
    }
    let first = doc.low(a);
    let named = doc.is_capitalised(a) || lex.titles.contains(first);
    let hint = if named { SpeakerHint::After(a, b) } else { SpeakerHint::Source(a, head_end) };
    Some((b, hint))
}

/// Is what follows token `t` up to `end` only a setting: parts set off by commas that
/// each open with a setting word (`di Jakarta`, `saat ditemui`) or are short and
/// capitalised (a place, a date)? A part that opens with any other word is more
/// report (`Oleh karena itu, kata X, di Surabaya, pemerintah …`).
fn setting_only(doc: &Doc, lex: &Lexicon, mut t: usize, end: usize) -> bool {
    // A setting is short: a longer rest is more report (and a run-on text is not
    // rescanned for every cue in it).
    if end.saturating_sub(t) > MAX_SETTING_TOKENS {
        return false;
    }
    while t < end {
        if !is_word(doc, t) {
            t += 1;
            continue;
        }
        let part_end = (t..end).find(|&k| doc.is_punct(k, ',')).unwrap_or(end);
        let setting = SETTING_WORDS.contains(&doc.low(t));
        let named = part_end - t <= MAX_PART_TOKENS && (t..part_end).all(|k| is_name_or_date(doc, lex, k));
        if !setting && !named {
            return false;
        }
        t = part_end;
    }
    true
}

/// Is token `k` part of a place or a date (`Jakarta Pusat`, `Senin (25/8)`, `Kamis
/// malam`): a capitalised word, a number, a bracket or a word of the calendar? A
/// lower-case word of any other kind makes a clause (`Budi belum masuk partai`).
fn is_name_or_date(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    match doc.kind(k) {
        Some(TokenKind::Word) => {
            doc.is_capitalised(k) || lex.calendar.contains(doc.low(k)) || TIMES_OF_DAY.contains(&doc.low(k))
        }
        Some(TokenKind::Number) | Some(TokenKind::Punct) => true,
        None => false,
    }
}

/// `Dikatakannya, …`, `Ditambahkan, …`, `Disebutkan bahwa …`: a passive speech verb
/// opening the sentence at token `v`; the report is the rest of the sentence. Its
/// `-nya` points back to the last person; the bare form names no one.
pub fn passive_opening(doc: &Doc, v: usize) -> Option<(usize, SpeakerHint)> {
    let low = doc.low(v);
    let (base, nya) = match low.strip_suffix("nya") {
        Some(base) => (base, true),
        None => (low, false),
    };
    if !PASSIVE_CUES.contains(&base) {
        return None;
    }
    if !doc.is_sentence_initial(v) {
        return None;
    }
    let hint = if nya { SpeakerHint::Pronoun(start_of(doc, v)) } else { SpeakerHint::None };
    Some((v + 1, hint))
}

/// The subject of the Indonesian speech verb at token `v` when the shared reading finds
/// none: a name parted from the verb by an adverb (`Budi sebelumnya mengatakan`), else
/// a short phrase without a name from the clause start (`ketua tim itu menambahkan`,
/// `Selanjutnya juru bicara kementerian menyatakan`), an unnamed source.
pub fn subject_of_verb(doc: &Doc, v: usize) -> Option<SpeakerHint> {
    if is_english(doc.low(v)) {
        return None;
    }
    let mut s = v.checked_sub(1)?;
    let mut skipped = false;
    while VERB_ADVERBS.contains(&doc.low(s)) || SPEECH_SUBJECT_GAP.contains(&doc.low(s)) {
        skipped |= VERB_ADVERBS.contains(&doc.low(s));
        s = s.checked_sub(1)?;
    }
    if skipped {
        if let Some(hint) = subject_before(doc, s + 1) {
            return Some(hint);
        }
    }
    let sentence = doc.sentence_of(v).and_then(|i| doc.sentences.get(i))?;
    // `Pria 45 tahun itu mengatakan`: an age is part of the phrase.
    let age = |t: usize| doc.kind(t) == Some(TokenKind::Number) && doc.low(t + 1) == "tahun";
    let mut a = s;
    while a > sentence.start && (is_word(doc, a - 1) || age(a - 1)) && s + 1 - a < MAX_SUBJECT_WORDS + 2 {
        a -= 1;
    }
    let opens_clause = a == sentence.start || doc.is_punct(a - 1, ',');
    while a <= s && CLAUSE_CONNECTIVES.contains(&doc.low(a)) {
        a += 1;
    }
    let words = s + 1 - a;
    // `ia tidak menjelaskan …`, `Ia pun mengindikasi akan menjelaskan …`: a pronoun, a
    // negation, a modal or another verb makes a clause, not a speaking noun phrase.
    let clause = (a..=s).any(|t| {
        let low = doc.low(t);
        PRONOUNS.contains(&low) || NOT_IN_SUBJECTS.contains(&low) || VERB_PREFIXES.iter().any(|p| low.starts_with(p))
    });
    (opens_clause && is_word(doc, s) && (1..=MAX_SUBJECT_WORDS).contains(&words) && !clause)
        .then_some(SpeakerHint::Source(a, s + 1))
}

/// `Menurut saksi mata, …`, `menurut para analis, …`: after `menurut` at token `v`, a
/// short lower-case source up to the comma at token `comma`.
pub fn unnamed_source_after_menurut(doc: &Doc, v: usize, comma: usize) -> Option<SpeakerHint> {
    let from = v + 1;
    let plain = comma > from && comma - from <= MAX_SOURCE_WORDS && (from..comma).all(|t| is_word(doc, t));
    let head = SOURCE_HEADS.contains(&doc.low(from)) && !doc.is_capitalised(from);
    (doc.low(v) == "menurut" && plain && head).then_some(SpeakerHint::Source(from, comma))
}

/// `Hong Kong mengumumkan bahwa impor ditangguhkan, kata seorang pejabat.`: a report
/// found at the speech verb `v` with content from token `c`, whose sentence ends in a
/// trailing cue of its own. The trailing cue reports the whole clause, the verb's
/// report inside it included; returns that cue and its report.
pub fn outer_report(
    doc: &Doc,
    lex: &Lexicon,
    v: usize,
    c: usize,
    sentence_end: usize,
) -> Option<(usize, (usize, usize, SpeakerHint))> {
    if is_english(doc.low(v)) {
        return None;
    }
    (c.max(v) + 1..sentence_end)
        .filter(|&u| doc.is_punct(u - 1, ',') && lex.is_cue_after(doc.low(u)))
        .find_map(|u| trailing_cue(doc, lex, u, sentence_end).map(|found| (u, found)))
}

/// The subject hint of the Indonesian speech verb at token `v`, read again where a
/// comma parts the subject from the verb: `Kuasa hukum partai X, Budi Santoso,
/// mengatakan` names the person in the last part (a name without a title, after a
/// described role); `Perempuan itu, yang berusia 20-an tahun, mengatakan` speaks
/// through the part before the relative clause.
pub fn apposed_subject(doc: &Doc, lex: &Lexicon, v: usize, hint: SpeakerHint) -> SpeakerHint {
    let SpeakerHint::Subject(a, b) = hint else { return hint };
    if is_english(doc.low(v)) || b < a + 2 || !doc.is_punct(b - 1, ',') {
        return hint;
    }
    let commas: Vec<usize> = (a..b - 1).filter(|&t| doc.is_punct(t, ',')).collect();
    let (Some(&first), Some(&last)) = (commas.first(), commas.last()) else { return hint };
    let opening = (a..first).find(|&t| is_word(doc, t)).unwrap_or(first);
    let part = (last + 1, b - 1);
    // `Triodos, sebuah bank di Belanda, memprediksi`: an apposition that introduces
    // (`sebuah`, `seorang`, `salah satu`) describes the name before it, which speaks.
    let introduces = APPOSITION_OPENERS.contains(&doc.low(part.0));
    if introduces && commas.len() == 1 && (opening..first).any(|t| doc.is_capitalised(t)) {
        return SpeakerHint::Subject(opening, first);
    }
    // `Kepala Dinas X, Ratna Sitompul, yang juga hadir, menyatakan`: the relative clause
    // describes the name set off right before it, which holds the role and speaks.
    if let [.., before, _] = commas[..] {
        let name = (before + 1, last);
        if doc.low(part.0) == "yang" && is_apposed_name(doc, lex, name) {
            return SpeakerHint::Subject(name.0, name.1);
        }
    }
    if doc.low(part.0) == "yang" && opening < first {
        let named = (opening + 1..first).any(|t| doc.is_capitalised(t));
        return if named { SpeakerHint::Subject(opening, first) } else { SpeakerHint::Source(opening, first) };
    }
    // `Lembaga X, Selasa, menyatakan`: a day set off by commas is the time; the part
    // before it speaks.
    let day = |t: usize| lex.calendar.contains(doc.low(t));
    let date = |t: usize| day(t) || (!is_word(doc, t) && is_name_or_date(doc, lex, t));
    // (`Ketua Partai X, Kamis, mengatakan` names an office's holder, not the party.)
    let office = lex.titles.contains(doc.low(opening));
    if !office && (part.0..part.1).any(day) && (part.0..part.1).all(date) {
        return SpeakerHint::Subject(opening, first);
    }
    // `Direktur Utama Perum X, Bonar Sihombing, mengakui`: a role opening with its title
    // names its holder after the comma, as a described one does.
    let described = (opening..first).any(|t| is_word(doc, t) && !doc.is_capitalised(t));
    let titled = lex.titles.contains(doc.low(opening));
    if is_apposed_name(doc, lex, part) && (described || titled) {
        SpeakerHint::Subject(part.0, part.1)
    } else {
        hint
    }
}

/// Are tokens `a..b` a name set off by commas: at most [`MAX_NAME_WORDS`] capitalised
/// words, none a title, or such a name after a rank or degree (`AKP Maya Sari`, `dr.
/// Irfan Maulana`) when a word of it is a given name or no common word (`Kepala Dinas`
/// is a role, not a name)?
fn is_apposed_name(doc: &Doc, lex: &Lexicon, (a, b): (usize, usize)) -> bool {
    let bare = |(a, b): (usize, usize)| {
        b > a && b - a <= MAX_NAME_WORDS && (a..b).all(|t| doc.is_capitalised(t) && !lex.titles.contains(doc.low(t)))
    };
    // `Peneliti Universitas X, Yogyakarta, mengatakan`: a place set off names no one.
    if b == a + 1 && is_region_name(doc.low(a)) {
        return false;
    }
    let mut n = a;
    while n < b && (lex.titles.contains(doc.low(n)) || doc.is_punct(n, '.')) {
        n += 1;
    }
    let named = (n..b).any(|t| lex.first_names.contains(doc.low(t)) || !lex.common.contains(doc.low(t)));
    let office = (n..b).any(|t| lex.org_words.contains(doc.low(t)) || lex.loc_words.contains(doc.low(t)));
    bare((a, b)) || (n > a && bare((n, b)) && named && !office)
}

/// `Kebijakan itu, menurut Budi, belum tepat`, `Ide itu menurut Budi, …`, `Dalam rapat
/// itu, menurut Budi, …`: where `menurut` at token `v` follows the subject or a setting
/// of what it reports (set off by a comma or not), the report starts there, at the
/// sentence start or past a connective (`Namun laporan itu, menurut Budi, …`). Not
/// after a connective alone (`Namun, menurut Budi, …`), which is not reported.
pub fn subject_before_menurut(doc: &Doc, v: usize) -> Option<usize> {
    let before = v.checked_sub(1)?;
    // Without a comma, `menurut` goes on the clause in lower case: a capitalised one
    // opens a sentence after a heading that lost its stop (`Donor darah Menurut X, …`).
    let end = if doc.is_punct(before, ',') { before } else { (!doc.is_capitalised(v)).then_some(v)? };
    let start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    let words = (start..end).any(|t| is_word(doc, t));
    (doc.low(v) == "menurut" && words).then(|| subject_clause_start(doc, start, end)).flatten()
}

/// Where the reported words start in tokens `start..end`, before a cue set in the
/// middle of a clause, when they hold the clause's subject or setting (`Kebijakan itu`,
/// `Ide membuat salep ini`, `Kini`) rather than a connective or a sentence adverb
/// alone (`Namun`, `Pasalnya`): a short part without a comma.
fn subject_clause_start(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    if end.saturating_sub(start) > MAX_SUBJECT_CLAUSE_TOKENS {
        return None;
    }
    let first = (start..end).find(|&t| is_word(doc, t))?;
    let clause = (first..end).all(|t| !doc.is_punct(t, ',') && !doc.is_punct(t, '—'));
    let from = clause.then(|| asides::report_start(doc, first, end)).flatten()?;
    Some(if from == first { start } else { from })
}

/// Does `low` open a connective or a setting (`namun`, `selanjutnya`, `dalam`, `karena`)?
fn opens_setting(low: &str) -> bool {
    CLAUSE_CONNECTIVES.contains(&low) || CLAUSE_OPENERS.contains(&low)
}

/// `menyatakan perang terhadap …`, `menyampaikan niatnya untuk …`: does the content
/// from token `c` open with a noun naming the act of speaking itself (with or without
/// `-nya`), with no `bahwa` up to `end` to open a reported clause? Then the Indonesian
/// verb at `v` reports nothing.
pub fn names_an_act(doc: &Doc, v: usize, c: usize, end: usize) -> bool {
    if is_english(doc.low(v)) || doc.is_capitalised(c) {
        return false;
    }
    let low = doc.low(c);
    let noun = low.strip_suffix("nya").unwrap_or(low);
    let object = ACT_FOLLOWERS.contains(&doc.low(c + 1)) || c + 1 >= end;
    // `mengingatkan kita pada …`: reminding someone of something reports nothing.
    let reminded = PRONOUN_OBJECTS.contains(&low) && matches!(doc.low(c + 1), "pada" | "akan" | "kepada");
    let act = (ACT_NOUNS.contains(&noun) && object) || reminded;
    act && !(c..end).any(|t| doc.low(t) == "bahwa")
}

/// `Juru bicara militer Israel menyatakan, …`, `Menteri kesehatan Palestina
/// mengatakan …`: a subject that is a role described in lower-case words, ended at
/// most by a place or a body, names no person; it speaks as an unnamed source (the
/// speaker stage takes a person or organisation tagged inside it, else the phrase).
pub fn role_subject(doc: &Doc, lex: &Lexicon, v: usize, hint: SpeakerHint) -> SpeakerHint {
    let SpeakerHint::Subject(a, b) = hint else { return hint };
    if is_english(doc.low(v)) || b < a + 2 || !(a..b).all(|t| is_word(doc, t)) {
        return hint;
    }
    let first = doc.low(a);
    let role = lex.titles.contains(first) || ROLE_NOUNS.contains(&first);
    // Capitalised are only the role's first word and the place or body ending it.
    let described = b - a <= MAX_ROLE_WORDS && (a + 1..b - 1).all(|t| !doc.is_capitalised(t));
    let relative = (a..b).any(|t| doc.low(t) == "yang");
    if role && described && !relative {
        SpeakerHint::Source(a, b)
    } else {
        hint
    }
}

/// `X menjelaskan, harian itu mengatakan, …`: a report inside the content (tokens
/// `c..e`) of the Indonesian cue at token `v`, whose own subject opens that content.
/// Returns the inner cue; its report is read like any other.
pub fn nested_cue(doc: &Doc, lex: &Lexicon, v: usize, c: usize, e: usize) -> Option<usize> {
    if is_english(doc.low(v)) || c <= v {
        return None;
    }
    let limit = e.min(c + MAX_SUBJECT_WORDS + 1);
    // A subject phrase, not a relative clause or a purpose (`aturan yang menegaskan`,
    // `untuk memastikan`), and a verb that opens a clause with a comma or `bahwa`
    // (`melaporkan hasil …` names what was reported, `mengingatkan dan …` goes on).
    let phrase = |t: usize| is_word(doc, t) && !matches!(doc.low(t), "yang" | "untuk" | "agar" | "supaya");
    let w = (c..limit).take_while(|&t| phrase(t)).skip(1).find(|&w| {
        let low = doc.low(w);
        lex.cues_before.contains(low) && !doc.is_capitalised(w) && !is_english(low)
    })?;
    (doc.is_punct(w + 1, ',') || doc.low(w + 1) == "bahwa" || addressed_bahwa(doc, w, e)).then_some(w)
}

/// `Budi menegaskan para bupati sudah menyampaikan …`: the subject of the nested cue at
/// token `w` is the phrase opening the outer content at token `c`, up to the adverbs
/// before `w`. A subject hint that ends there but reaches back over the outer verb (no
/// comma parts them) is cut to that phrase; any other hint is kept.
pub fn inner_subject(doc: &Doc, c: usize, w: usize, hint: SpeakerHint) -> SpeakerHint {
    let (SpeakerHint::Subject(a, b) | SpeakerHint::Source(a, b)) = hint else { return hint };
    let mut s = w;
    while s > c && (SPEECH_SUBJECT_GAP.contains(&doc.low(s - 1)) || VERB_ADVERBS.contains(&doc.low(s - 1))) {
        s -= 1;
    }
    if a >= c || b != s || s <= c || !(c..s).all(|t| is_word(doc, t)) {
        return hint;
    }
    if (c..s).any(|t| doc.is_capitalised(t)) {
        SpeakerHint::Subject(c, s)
    } else {
        SpeakerHint::Source(c, s)
    }
}

/// `menyampaikan kepada para petani bahwa …`: where the content of the Indonesian
/// verb at token `v` would open at token `c` with an addressee and a `bahwa` follows it
/// within a few words, the content starts after that `bahwa`.
pub fn past_addressee(doc: &Doc, v: usize, c: usize) -> usize {
    if is_english(doc.low(v)) || doc.low(c) != "kepada" {
        return c;
    }
    let limit = c + 1 + MAX_ADDRESSEE_WORDS + 1;
    let that = (c + 1..limit).take_while(|&t| is_word(doc, t)).find(|&t| doc.low(t) == "bahwa");
    that.map_or(c, |t| t + 1)
}

/// `menyampaikan kepada ketua umumnya bahwa …`: does an addressee of a few words
/// follow the verb at token `w`, then `bahwa` (before token `e`)?
fn addressed_bahwa(doc: &Doc, w: usize, e: usize) -> bool {
    if doc.low(w + 1) != "kepada" {
        return false;
    }
    let limit = e.min(w + 2 + MAX_ADDRESSEE_WORDS + 1);
    (w + 2..limit).take_while(|&t| is_word(doc, t)).any(|t| doc.low(t) == "bahwa")
}

/// `Rencana itu, dikatakan Budi, terlalu mahal`, `Aturan itu, yang disebut Sari,
/// merugikan petani`: a passive cue at token `v` set off by commas (with `yang` before
/// it or not) and followed by its agent, a capitalised name up to the next comma; the
/// clause around it, from the sentence start, is reported by the agent.
pub fn passive_aside(doc: &Doc, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    if !PASSIVE_ASIDE_CUES.contains(&doc.low(v)) || doc.is_capitalised(v) {
        return None;
    }
    let opener = if doc.low(v.checked_sub(1)?) == "yang" { v.checked_sub(2)? } else { v - 1 };
    let start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    if !doc.is_punct(opener, ',') || opener <= start {
        return None;
    }
    let a = v + 1;
    let limit = sentence_end.min(a + MAX_AGENT_WORDS + 1);
    let comma = (a..limit).find(|&t| doc.is_punct(t, ','))?;
    let named = comma > a && (a..comma).all(|t| is_word(doc, t) && doc.is_capitalised(t));
    let goes_on = (comma + 1..sentence_end).filter(|&t| is_word(doc, t)).take(MIN_CONTENT_WORDS).count();
    (named && goes_on == MIN_CONTENT_WORDS).then_some((start, sentence_end, SpeakerHint::After(a, comma)))
}

/// Fewest words of the content in tokens `c..e` that the Indonesian cue at token `v`
/// reports. One where the construction makes a statement certain: the cue closes the
/// sentence after it (`Jangan dibalik, tegasnya.`, not after a connective alone), a
/// `bahwa` opens it, or it opens with a predicate word (`Ia mengatakan siap.`, `…
/// menyatakan tidak tahu`); else the shared minimum, which keeps noun objects out
/// (`mengatakan hal itu`, `menyampaikan salam`).
pub fn fewest_content_words(doc: &Doc, lex: &Lexicon, v: usize, (c, e): (usize, usize), sentence_end: usize) -> usize {
    if is_english(doc.low(v)) {
        return MIN_CONTENT_WORDS;
    }
    let certain = if e <= v {
        let opening = (c..e).find(|&t| is_word(doc, t)).is_some_and(|t| !opens_setting(doc.low(t)));
        opening && trailing_cue(doc, lex, v, sentence_end).is_some()
    } else {
        (v + 1..c).any(|t| doc.low(t) == "bahwa") || PREDICATE_OPENERS.contains(&doc.low(c))
    };
    if certain {
        1
    } else {
        MIN_CONTENT_WORDS
    }
}

/// `Hal itu, katanya, tidak benar.`, `Rencana itu, kata Budi, belum siap.`: an
/// Indonesian cue set off by commas after the subject of a clause whose rest is one or
/// two words up to the end of the sentence `v` is in. The whole clause, the cue inside
/// it, is reported (the shared reading of asides wants more words after the cue).
pub fn short_aside(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    let low = doc.low(v);
    let comma = v.checked_sub(1).filter(|&c| doc.is_punct(c, ','))?;
    if doc.is_capitalised(v) || !lex.is_cue_after(low) || is_english(low) {
        return None;
    }
    let (rest, hint) = speaker_after(doc, lex, v, sentence_end)?;
    if !doc.is_punct(rest, ',') {
        return None;
    }
    let mut end = sentence_end;
    while end > rest && doc.kind(end - 1) == Some(TokenKind::Punct) {
        end -= 1;
    }
    let words = (rest + 1..end).filter(|&t| is_word(doc, t)).count();
    let plain = (rest + 1..end).all(|t| is_word(doc, t));
    let start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    let short = plain && (1..MIN_CONTENT_WORDS).contains(&words);
    let start = short.then(|| subject_clause_start(doc, start, comma)).flatten()?;
    Some((start, sentence_end, hint))
}

/// `Budi, seusai rapat itu menjelaskan …`, `…, kemarin mengatakan …`: a subject hint of
/// the Indonesian verb at token `v` that is only a setting (opening with a setting word,
/// or a time such as `hari ini`) names no speaker; the report stays, its speaker left to
/// the ranker.
pub fn setting_as_subject(doc: &Doc, lex: &Lexicon, v: usize, hint: SpeakerHint) -> SpeakerHint {
    let SpeakerHint::Source(a, b) = hint else { return hint };
    if is_english(doc.low(v)) || b <= a {
        return hint;
    }
    let first = doc.low(a);
    let time = (a..b).all(|t| lex.calendar.contains(doc.low(t)) || TIMES_OF_DAY.contains(&doc.low(t)))
        || (b == a + 2 && first == "hari" && doc.low(a + 1) == "ini");
    if SETTING_WORDS.contains(&first) || time {
        SpeakerHint::None
    } else {
        hint
    }
}

/// Is the subject in `hint` of the Indonesian speech verb at token `v` no speaker: a
/// demonstrative standing for a thing (`Hal itu menegaskan …`, `Ini menunjukkan …`),
/// or a noun that makes the verb a noun phrase (`cara-cara menyampaikan …`)?
pub fn names_no_speaker(doc: &Doc, v: usize, hint: SpeakerHint) -> bool {
    let (SpeakerHint::Subject(a, b) | SpeakerHint::Source(a, b)) = hint else { return false };
    if is_english(doc.low(v)) || b <= a {
        return false;
    }
    let s = b - 1;
    let low = doc.low(s);
    let opens = s == a || !is_word(doc, s - 1);
    let demonstrative = DEMONSTRATIVES.contains(&low) && (opens || doc.low(s - 1) == "hal");
    let head = low.split('-').next().unwrap_or(low);
    demonstrative || NOMINALISING_HEADS.contains(&head)
}
