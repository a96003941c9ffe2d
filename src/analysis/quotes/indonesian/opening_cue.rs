//! Indonesian cues that open a report and name its speaker before a comma, in the two
//! shapes the shared `menurut` reading misses:
//!
//! - `Menurut <role>, <Name>, …`: the role comes first and the person's name is set
//!   off after it (`Menurut ahli gempa Universitas X, Rudi Hartono, getaran …`), so
//!   the speaker is the name and the report starts after it;
//! - `Kata <speaker>, …` opening the sentence (`Kata Bambang, jembatan itu …`, `Kata
//!   dia, …`): the usual after-cue written first, as reporters do for a short report.

use super::super::super::doc::Doc;
use super::super::super::function_words::PRONOUNS;
use super::super::super::lexicon::Lexicon;
use super::super::cues::SpeakerHint;
use super::super::reporting::MIN_CONTENT_WORDS;
use super::{is_word, start_of};

/// Longest role phrase between `menurut` and the comma before the name, in tokens
/// (`pengajar Ilmu Komunikasi Universitas Airlangga`).
const MAX_ROLE_TOKENS: usize = 10;
/// Longest name set off by commas, in tokens (`Tri Yunis Miko Wahyono`, `dr Budi`).
const MAX_NAME_TOKENS: usize = 4;
/// Longest speaker between an opening `Kata` and its comma (`Kata Kepala Desa Sukamaju
/// Budi`), in tokens.
const MAX_SPEAKER_TOKENS: usize = 6;
/// Longest date set off by commas after the name (`Senin (13/1/2021)`), in tokens.
const MAX_DATE_TOKENS: usize = 10;
/// Words that carry a list on after a comma (`Jakarta, Bogor, dan Depok`): what follows
/// them is no report.
const LIST_WORDS: &[&str] = &["dan", "serta", "atau", "maupun", "hingga"];
/// Plural pronouns that may speak after an opening `Kata` (`Kata mereka, …`).
const GROUP_PRONOUNS: &[&str] = &["mereka", "kami"];

/// `Menurut epidemiolog Universitas X, Rudi Hartono, …`: after `menurut` at token `v`
/// and a role phrase (lower case, or opening with a title) up to the comma at
/// `comma`, a name set off by commas, with at most one place before it (`…
/// Universitas Airlangga, Surabaya, Sukowidodo, …`). Returns the name's tokens and the
/// first token of the report.
pub fn name_after_role(
    doc: &Doc,
    lex: &Lexicon,
    v: usize,
    comma: usize,
    sentence_end: usize,
) -> Option<(usize, usize, usize)> {
    let from = v + 1;
    let first = doc.low(from);
    let role = !doc.is_capitalised(from) || lex.titles.contains(first);
    if doc.low(v) != "menurut" || !role || PRONOUNS.contains(&first) || comma - from > MAX_ROLE_TOKENS {
        return None;
    }
    let first_end = name_part_end(doc, lex, comma + 1, sentence_end)?;
    // A place between the role and the name: the last part set off is the name.
    let (a, b) = match name_part_end(doc, lex, first_end + 1, sentence_end) {
        Some(second_end) => (first_end + 1, second_end),
        None => (comma + 1, first_end),
    };
    let c = past_date(doc, lex, b + 1, sentence_end);
    (reports(doc, c, sentence_end) && !list_goes_on(doc, c)).then_some((a, b, c))
}

/// The token after a date set off by commas at token `c` (`Senin (13/1/2021),`), or `c`.
fn past_date(doc: &Doc, lex: &Lexicon, c: usize, sentence_end: usize) -> usize {
    let comma = (c..sentence_end.min(c + MAX_DATE_TOKENS + 1)).find(|&t| doc.is_punct(t, ','));
    match comma {
        Some(comma) if doc.is_capitalised(c) && lex.calendar.contains(doc.low(c)) => comma + 1,
        _ => c,
    }
}

/// `Kata Bambang, jembatan itu …`, `Kata dia, …`: a sentence opened by `kata` at token
/// `v`, a short speaker and a comma; the report is the rest of the sentence.
pub fn kata_opening(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    if doc.low(v) != "kata" || !doc.is_capitalised(v) || !doc.is_sentence_initial(v) {
        return None;
    }
    let comma = (v + 1..sentence_end.min(v + 2 + MAX_SPEAKER_TOKENS)).find(|&t| doc.is_punct(t, ','))?;
    if comma == v + 1 || !(v + 1..comma).all(|t| is_word(doc, t)) || !reports(doc, comma + 1, sentence_end) {
        return None;
    }
    let first = doc.low(v + 1);
    let hint = if comma == v + 2 && PRONOUNS.contains(&first) {
        SpeakerHint::Pronoun(start_of(doc, v))
    } else if comma == v + 2 && GROUP_PRONOUNS.contains(&first) {
        SpeakerHint::Source(v + 1, comma)
    } else if doc.is_capitalised(v + 1) || lex.titles.contains(first) {
        SpeakerHint::After(v + 1, comma)
    } else {
        return None;
    };
    Some((comma + 1, sentence_end, hint))
}

/// The comma closing a short name that starts at token `a` (capitalised words, or a
/// lower-case title such as `dr`), if there is one; not a date.
fn name_part_end(doc: &Doc, lex: &Lexicon, a: usize, sentence_end: usize) -> Option<usize> {
    let end = (a..sentence_end.min(a + MAX_NAME_TOKENS + 1)).find(|&t| doc.is_punct(t, ','))?;
    let name_word = |t: usize| is_word(doc, t) && (doc.is_capitalised(t) || lex.titles.contains(doc.low(t)));
    let named = end > a && (a..end).all(name_word) && doc.is_capitalised(end - 1);
    let dated = (a..end).all(|t| lex.calendar.contains(doc.low(t)));
    (named && !dated).then_some(end)
}

/// Do capitalised words at token `c` go on a list (`Depok, dan Bekasi`, `Bogor dan
/// Depok`)? Then the names before were its first members, not a speaker.
fn list_goes_on(doc: &Doc, c: usize) -> bool {
    let run_end = (c..).find(|&t| !(is_word(doc, t) && doc.is_capitalised(t))).unwrap_or(c);
    run_end > c && (doc.is_punct(run_end, ',') || LIST_WORDS.contains(&doc.low(run_end)))
}

/// Does a report of at least [`MIN_CONTENT_WORDS`] words start at token `c`, not
/// carrying on a list?
fn reports(doc: &Doc, c: usize, sentence_end: usize) -> bool {
    let words = (c..sentence_end).filter(|&t| is_word(doc, t)).count();
    words >= MIN_CONTENT_WORDS && !LIST_WORDS.contains(&doc.low(c))
}

#[cfg(test)]
mod tests {
    use super::super::super::super::quote_fixtures::{report_texts as reports, speaker_texts};

    #[test]
    fn the_name_set_off_after_a_role_speaks_and_is_not_reported() {
        let text = "Gempa mengguncang Padang 😮.\r\n\r\nMenurut ahli gempa Universitas Nusa Bangsa, Rudi Hartono, \
                    getaran itu berasal dari sesar “lokal” yang belum dipetakan.\r\n\r\nMenurut anggota tim SAR \
                    Kota Padang, Yuliani, Selasa (4/3/2025), pencarian korban dihentikan malam ini.";
        assert_eq!(
            reports(text),
            ["getaran itu berasal dari sesar “lokal” yang belum dipetakan", "pencarian korban dihentikan malam ini"]
        );
        assert_eq!(speaker_texts(text), [Some("Rudi Hartono".to_owned()), Some("Yuliani".to_owned())]);
    }

    #[test]
    fn a_place_between_the_role_and_the_name_is_passed() {
        let text = "Padahal, menurut pengajar ilmu politik Universitas Tanjungpura, Pontianak, Sukardi, \
                    aturan baru itu \"terlalu\" mahal bagi desa.";
        assert_eq!(reports(text), ["aturan baru itu \"terlalu\" mahal bagi desa"]);
        assert_eq!(speaker_texts(text), [Some("Sukardi".to_owned())]);
    }

    #[test]
    fn a_list_of_places_after_the_source_is_what_was_said() {
        let text = "Menurut warga, Bogor, Depok, dan Bekasi kini macet setiap pagi.";
        assert_eq!(reports(text), ["Bogor, Depok, dan Bekasi kini macet setiap pagi"]);
    }

    #[test]
    fn kata_opening_the_sentence_reports_the_rest() {
        let text =
            "Warga menolak rencana itu 😠.\r\nKata Bambang Wiryawan, jembatan itu akan diperbaiki tahun depan.\r\n\r\n\
                    Kata dia, dana perbaikan berasal dari “APBD” kota.";
        assert_eq!(
            reports(text),
            ["jembatan itu akan diperbaiki tahun depan", "dana perbaikan berasal dari “APBD” kota"]
        );
        let speakers = speaker_texts(text);
        assert_eq!(speakers[0].as_deref(), Some("Bambang Wiryawan"));
        assert_eq!(speakers[1].as_deref(), Some("Bambang Wiryawan"), "dia stands for the one who spoke");
    }

    #[test]
    fn kata_as_a_noun_opening_the_sentence_reports_nothing() {
        assert!(reports("Kata sambutan dibacakan oleh panitia 😀.\r\nKata-kata itu ditulis di papan.").is_empty());
    }
}
