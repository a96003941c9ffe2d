//! What an Indonesian speech verb is followed by when it reports nothing, though no
//! noun of the act ([`names_an_act`](super::names_an_act)) follows it:
//!
//! - a noun phrase after a verb that takes one as often as a clause: `mencontohkan
//!   kasus di desa sebelah`, `memastikan keamanan pemudik`, `menekankan pentingnya
//!   kerja sama` (the README's "speech verb with a noun object only"); with a comma,
//!   `bahwa`, a condition or a clause of its own (`memastikan stok beras cukup`) the
//!   verb reports;
//! - a plea: `mengaku bersalah di pengadilan …`;
//! - words that point back to what was said, then its setting (`mengatakan hal itu
//!   saat …`), or a direction (`melaporkan ke Bawaslu, …`);
//! - a directive: `menekankan agar warga …`, `mengatakan supaya …`, or one to an
//!   addressee: `mengingatkan warga agar …`, `memperingatkan warga, Senin, untuk …`;
//! - a verb that is the aim of another (`Untuk memastikan …`, `Tujuannya memastikan …`).

use super::super::super::doc::Doc;
use super::super::super::function_words::SPEECH_SUBJECT_GAP;
use super::super::super::tokenizer::TokenKind;
use super::{is_english, DEMONSTRATIVES, PREDICATE_OPENERS, SETTING_WORDS};

/// Speech verbs whose object is a noun phrase as often as a reported clause.
const OBJECT_VERBS: &[&str] = &["mencontohkan", "mengilustrasikan", "memastikan", "menekankan", "melaporkan"];
/// Conjunctions of condition or example that open a clause as such a verb's object
/// (`mencontohkan jika …`, `mengilustrasikan kalau …`, `mencontohkan misalnya …`).
const CLAUSE_OBJECTS: &[&str] = &["jika", "kalau", "apabila", "bila", "misalnya", "umpamanya", "andaikan"];
/// Nouns made of an adjective or `ada` with `-nya` (`pentingnya kerja sama`, `perlunya
/// aturan`, `adanya jaminan`): a noun phrase, whatever verb follows them.
const NOMINALISED: &[&str] = &["pentingnya", "perlunya", "adanya", "terjaminnya", "tersedianya", "amannya"];
/// Words of a clause's predicate besides [`PREDICATE_OPENERS`]: aspect, modality and
/// the copulas (`-lah` forms are read without it: `bukanlah`).
const PREDICATE_WORDS: &[&str] =
    &["bakal", "tetap", "baru", "pernah", "sempat", "mampu", "adalah", "merupakan", "ialah", "menjadi", "mulai"];
/// Words that end the noun phrase of an object: a relative clause or a purpose after
/// it belongs to the noun, not to a clause of its own (`kasus yang molor …`).
const PHRASE_ENDS: &[&str] = &["yang", "untuk", "guna", "demi", "agar", "supaya", "sehingga"];
/// Prefixes of active verbs: `meng-`, `meny-`, `mem-` and `men-` before `c`, `d`, `j`
/// (`mencapai`, `mendapat`, `menjadi`), and `ber-`.
const VERB_PREFIXES: &[&str] = &["meng", "meny", "mem", "menc", "mend", "menj", "ber"];
/// Words with such a prefix that are no verb (`berita`, `berbagai`).
const NOT_VERBS: &[&str] = &["berita", "beras", "berat", "berkas", "berbagai", "bersama", "beserta", "berupa"];
/// Nouns (and their `-nya` forms) that start like a passive verb.
const DI_NOUNS: &[&str] = &[
    "dinas",
    "diskusi",
    "direksi",
    "direktur",
    "digital",
    "disiplin",
    "diri",
    "dialog",
    "dinamika",
    "dimensi",
    "distribusi",
    "dividen",
    "diagnosis",
    "diesel",
    "diplomasi",
    "diplomat",
    "dinasti",
    "distrik",
    "diskon",
];
/// Conjunctions of a directive after a speech verb (`mengingatkan agar …`).
const DIRECTIVES: &[&str] = &["agar", "supaya"];
/// Verbs of reminding and warning, which take the one told as their object before a
/// directive (`mengingatkan warga agar …`).
const ADDRESSING_VERBS: &[&str] = &["mengingatkan", "memperingatkan"];
/// Most tokens of the one told, with an aside, before the directive's conjunction.
const MAX_ADDRESSEE_TOKENS: usize = 10;
/// Words of purpose or aim before a speech verb (`Untuk memastikan …`, `Tujuannya
/// memastikan …`), and conjunctions of time or manner before one without a subject
/// (`setelah memastikan …`, `sambil menegaskan …`): the verb is what someone means to
/// do or did at a time, not what was said.
const AIMS: &[&str] = &[
    "untuk",
    "guna",
    "demi",
    "agar",
    "supaya",
    "tujuannya",
    "bertujuan",
    "setelah",
    "sesudah",
    "sebelum",
    "seusai",
    "usai",
    "sambil",
    "sembari",
    "tanpa",
];
/// Verbs of admitting that, before `bersalah`, make a plea.
const PLEA_VERBS: &[&str] = &["mengaku", "mengakui"];

/// Does the Indonesian speech verb at token `v`, whose content would open at token `c`
/// (before `end`), report nothing: a noun object, a plea, a directive, or a verb that
/// is the aim of another?
pub fn reports_nothing(doc: &Doc, v: usize, c: usize, end: usize) -> bool {
    if is_english(doc.low(v)) {
        return false;
    }
    is_aim(doc, v)
        || is_directive(doc, c)
        || is_addressed_directive(doc, v, c, end)
        || is_plea(doc, v, c, end)
        || is_noun_object(doc, v, c, end)
        || names_what_was_said(doc, c, end)
        || is_direction(doc, v, c, end)
}

/// `mengungkapkan hal itu ketika berkunjung …`, `mengatakan hal tersebut di …`: content
/// that only points back to what was said (`hal itu`, `hal tersebut`, `hal ini`) and
/// then tells when or where it was said reports nothing new.
fn names_what_was_said(doc: &Doc, c: usize, end: usize) -> bool {
    let pointer = doc.low(c) == "hal" && DEMONSTRATIVES.contains(&doc.low(c + 1));
    let after = c + 2;
    pointer && (after >= end || doc.kind(after) != Some(TokenKind::Word) || SETTING_WORDS.contains(&doc.low(after)))
}

/// `melaporkan ke Bawaslu, …`: `ke` right after the verb at token `v` names where the
/// words went, not what they said (`melaporkan ke polisi bahwa …` reports, past its
/// `bahwa`; after a comma, `ke depan` is a time: `mengingatkan, ke depan …`).
fn is_direction(doc: &Doc, v: usize, c: usize, end: usize) -> bool {
    let direction = c == v + 1 && doc.low(c) == "ke" && doc.low(c + 1) != "depan";
    direction && !(c..end).any(|t| doc.low(t) == "bahwa")
}

/// `Untuk memastikan …`, `Tujuannya memastikan …`: a word of aim right before the verb
/// at token `v` (adverbs such as `juga` between them).
fn is_aim(doc: &Doc, v: usize) -> bool {
    let mut t = v;
    while t > 0 && SPEECH_SUBJECT_GAP.contains(&doc.low(t - 1)) {
        t -= 1;
    }
    t > 0 && AIMS.contains(&doc.low(t - 1))
}

/// `mengingatkan agar warga …`: content opening with a conjunction of a directive.
fn is_directive(doc: &Doc, c: usize) -> bool {
    DIRECTIVES.contains(&doc.low(c))
}

/// `mengingatkan warga agar …`, `memperingatkan warga kota itu, Minggu, untuk …`: after
/// a verb of reminding or warning, the one told and then `agar`, `supaya` or `untuk`
/// before any predicate; `memperingatkan banjir bisa datang untuk …` reports, its
/// predicate (`bisa`) coming first.
fn is_addressed_directive(doc: &Doc, v: usize, c: usize, end: usize) -> bool {
    // The one told follows the verb itself: after a comma, a colon or `bahwa` a clause does.
    if !ADDRESSING_VERBS.contains(&doc.low(v)) || c != v + 1 || doc.low(c) == "bahwa" {
        return false;
    }
    let limit = end.min(c + MAX_ADDRESSEE_TOKENS);
    let conjunction = (c + 1..limit).find(|&t| matches!(doc.low(t), "agar" | "supaya" | "untuk"));
    let plain = |t: usize| doc.kind(t) != Some(TokenKind::Word) || !is_predicate(doc.low(t));
    conjunction.is_some_and(|k| (c..k).all(plain))
}

/// `mengaku bersalah di pengadilan …`, `mengaku tidak bersalah atas …`: `bersalah`
/// after a verb of admitting, followed by nothing or a preposition, is a plea.
fn is_plea(doc: &Doc, v: usize, c: usize, end: usize) -> bool {
    if !PLEA_VERBS.contains(&doc.low(v)) {
        return false;
    }
    let guilty = if matches!(doc.low(c), "tidak" | "tak") { c + 1 } else { c };
    let after = guilty + 1;
    let tail = after >= end || doc.kind(after) != Some(TokenKind::Word) || is_preposition(doc.low(after));
    doc.low(guilty) == "bersalah" && tail
}

fn is_preposition(low: &str) -> bool {
    matches!(low, "di" | "dalam" | "atas" | "pada" | "kepada" | "terhadap" | "karena" | "dengan" | "saat" | "ketika")
}

/// `mencontohkan kasus di desa sebelah yang molor`, `memastikan keamanan pemudik`,
/// `menekankan pentingnya kerja sama`: after a verb of [`OBJECT_VERBS`] without a
/// comma, a colon or `bahwa` before token `c`, content that holds no predicate up to
/// its first relative clause or purpose is a noun phrase, not a report.
fn is_noun_object(doc: &Doc, v: usize, c: usize, end: usize) -> bool {
    if !OBJECT_VERBS.contains(&doc.low(v)) {
        return false;
    }
    let opened = (v + 1..c).any(|t| doc.is_punct(t, ',') || doc.is_punct(t, ':') || doc.low(t) == "bahwa")
        || (c..end).any(|t| doc.low(t) == "bahwa");
    let first = doc.low(c);
    if opened || CLAUSE_OBJECTS.contains(&first) {
        return false;
    }
    if NOMINALISED.contains(&first) {
        return true;
    }
    let phrase_end = (c..end).find(|&t| PHRASE_ENDS.contains(&doc.low(t))).unwrap_or(end);
    let predicate = (c..phrase_end).any(|t| doc.kind(t) == Some(TokenKind::Word) && is_predicate(doc.low(t)));
    !predicate && !closed_subject(doc, c, end) && !aspect_after_relative(doc, phrase_end, end)
}

/// `informasi yang digali masih terkait …`: a word of aspect, modality or negation
/// after a relative clause's first word (tokens `from..end`) is the predicate of the
/// whole clause; right after `yang` or a purpose (`yang sudah …`, `untuk bisa …`) it is
/// that clause's own.
fn aspect_after_relative(doc: &Doc, from: usize, end: usize) -> bool {
    (from + 2..end).any(|t| {
        let low = doc.low(t);
        let bare = low.strip_suffix("lah").unwrap_or(low);
        let own = PHRASE_ENDS.contains(&doc.low(t - 1));
        !own && (PREDICATE_OPENERS.contains(&bare) || PREDICATE_WORDS.contains(&bare))
    })
}

/// `pemberian insentif ini tepat sasaran`: does a demonstrative inside tokens `c..e`
/// close a noun phrase that a word of the predicate follows (not a preposition)? The
/// content is then a clause with an adjective or noun predicate.
fn closed_subject(doc: &Doc, c: usize, e: usize) -> bool {
    (c + 1..e.saturating_sub(1)).any(|t| {
        let next = t + 1;
        DEMONSTRATIVES.contains(&doc.low(t))
            && doc.kind(next) == Some(TokenKind::Word)
            && !is_preposition(doc.low(next))
            && !doc.is_capitalised(next)
    })
}

/// Is `low` a word of a predicate: aspect, modality, negation, a copula, or an active
/// verb form?
fn is_predicate(low: &str) -> bool {
    let bare = low.strip_suffix("lah").unwrap_or(low);
    let verb = VERB_PREFIXES.iter().any(|p| low.starts_with(p)) && low.len() > 5 && !NOT_VERBS.contains(&low);
    PREDICATE_OPENERS.contains(&bare) || PREDICATE_WORDS.contains(&bare) || verb || is_passive(low)
}

/// Is `low` a passive verb (`dijalankan`, `diawasi`, `dibuka`): `di-` on a word of six
/// letters or more that is not one of the nouns starting so (`dinas`, `diskusi`)?
fn is_passive(low: &str) -> bool {
    low.len() >= 6 && low.starts_with("di") && !DI_NOUNS.iter().any(|n| low.starts_with(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Does `reports_nothing` hold at the first word in `verbs`, the content opening
    /// after it (past a comma or `bahwa`)?
    fn nothing(text: &str) -> bool {
        let doc = Doc::new(text);
        let v = (0..doc.tokens.len()).find(|&t| OBJECT_VERBS.contains(&doc.low(t)) || is_test_verb(doc.low(t)));
        let Some(v) = v else { panic!("no verb in {text:?}") };
        let mut c = v + 1;
        while doc.is_punct(c, ',') || doc.low(c) == "bahwa" {
            c += 1;
        }
        reports_nothing(&doc, v, c, doc.tokens.len())
    }

    fn is_test_verb(low: &str) -> bool {
        matches!(low, "mengaku" | "mengatakan" | "mengingatkan" | "mengungkapkan" | "memperingatkan")
    }

    #[test]
    fn a_noun_phrase_after_an_object_verb_is_no_report() {
        assert!(nothing("Lurah itu mencontohkan jalan desa di seberang sungai yang rusak sejak 2019."));
        assert!(nothing("Polisi memastikan kelancaran arus mudik di jalur selatan."));
        assert!(nothing("Dokter itu menekankan pentingnya mencuci tangan 🧼 sebelum makan."));
        assert!(nothing("Ia menekankan pada pengawasan pasar yang lebih ketat."));
    }

    #[test]
    fn a_clause_after_an_object_verb_is_a_report() {
        assert!(!nothing("Polisi memastikan bahwa arus mudik di jalur selatan lancar."));
        assert!(!nothing("Lurah itu mencontohkan, banyak jalan desa rusak sejak 2019."));
        assert!(!nothing("Polisi memastikan tidak ada penumpang yang terluka."));
        assert!(!nothing("Polisi memastikan jalur selatan akan dibuka besok pagi."));
        assert!(!nothing("Ia mengilustrasikan jika harga gabah turun, petani merugi."));
        assert!(!nothing("Ia mencontohkan pasar di kota itu mampu menampung seribu pedagang."));
        assert!(!nothing("Ia menekankan tugas itu bukanlah urusan satu dinas saja."));
        assert!(!nothing("Bank itu memastikan penyaluran kredit ini tepat sasaran.\r\n"));
        assert!(nothing("Bank itu memastikan keamanan rekening nasabah di masa sulit ini."));
        assert!(!nothing("Ia memastikan data yang dikumpulkan tim masih bisa dipakai."));
        assert!(!nothing("Ia memastikan jadwal kereta dijalankan seperti biasa."));
        assert!(nothing("Ia mencontohkan sekolah yang sudah membuka kelas malam."));
    }

    #[test]
    fn a_directive_to_the_one_told_reports_nothing() {
        assert!(nothing("Lurah mengingatkan warga agar tidak membakar sampah 🔥 di halaman."));
        assert!(nothing("Kapolres memperingatkan para pemudik, Jumat (3/4), untuk tidak melintas malam hari.\r\n"));
        assert!(!nothing("Kapolres memperingatkan “jalur selatan” bisa macet untuk dua hari ke depan."));
        assert!(!nothing("Ia mengingatkan bahwa warga harus mengungsi agar selamat."));
        assert!(!nothing("Ia mengingatkan, stok beras cukup untuk tiga bulan."));
    }

    #[test]
    fn a_plea_a_directive_and_an_aim_report_nothing() {
        assert!(nothing("Pria itu mengaku bersalah di pengadilan atas pencurian tiga ekor kambing."));
        assert!(nothing("Pria itu mengaku tidak bersalah."));
        assert!(!nothing("Pria itu mengaku belum tahu soal rencana itu."));
        assert!(nothing("Bupati mengingatkan agar warga tidak membakar sampah."));
        assert!(nothing("Untuk memastikan bahwa pasokan air cukup, dinas menambah dua tangki."));
        assert!(nothing("Rapat dimulai setelah memastikan semua peserta sudah hadir."));
        assert!(nothing("Bupati mengungkapkan hal itu saat meninjau pasar, Senin (4/3)."));
        assert!(nothing("Bupati mengatakan hal tersebut."));
        assert!(!nothing("Bupati mengatakan hal itu tidak benar."));
        assert!(nothing("Dengan melaporkan ke polisi, warga berharap pelaku segera ditangkap."));
        assert!(!nothing("Warga melaporkan ke polisi bahwa 🐄 sapinya hilang."));
        assert!(!nothing("Bupati mengingatkan, ke depan harga pupuk akan naik."));
        assert!(nothing("Dinas itu melaporkan jumlah kasus di tiga kecamatan."));
        assert!(!nothing("Dinas itu melaporkan jumlah kasus sudah turun."));
    }
}
