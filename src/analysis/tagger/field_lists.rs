//! Indonesian institution names that list their fields: `Badan Meteorologi,
//! Klimatologi, dan Geofisika`, `Dinas Pemuda, Olahraga, dan Pariwisata`, `Pusat
//! Penelitian Kopi dan Kakao`, and offices named the same way (`Menteri Pendidikan,
//! Kebudayaan, Riset, dan Teknologi`, `Menteri Koordinator Bidang Politik, Hukum, dan
//! Keamanan`). The tagger learned `X dan Y` inside a name from its corpora, which have
//! no name with a comma in it, so it cuts such a name at the first comma and reads the
//! fields after it as names of their own; a lone `Geofisika` or `Teknologi` then reads
//! as a person, and goes on to speak quotations. The fields are capitalised words that
//! name no one, and the list closes with `dan`/`serta`: the whole run is one name.

use super::super::doc::Doc;
use super::super::language::Language;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::TokenKind;
use super::super::{Label, Span};

/// Source name of the organisations this pass makes.
pub const SOURCE: &str = "tagger:field-list";
/// Confidence of a joined name: the run is read, not scored.
const CONFIDENCE: f32 = 0.5;
/// Lower-cased words that open an institution's name.
const INSTITUTIONS: &[&str] = &[
    "akademi",
    "badan",
    "balai",
    "biro",
    "departemen",
    "dinas",
    "direktorat",
    "fakultas",
    "institut",
    "kantor",
    "kementerian",
    "kementrian",
    "komisi",
    "lembaga",
    "politeknik",
    "pusat",
    "sekolah",
];
/// Lower-cased words that open an office's name: its fields belong to the title, and
/// no organisation is named (`Menteri Pertanian` is a person's office).
const OFFICES: &[&str] = &["menteri", "bidang"];
/// The most words of the name before its first comma, and of one field.
const MAX_NAME_WORDS: usize = 5;
const MAX_FIELD_WORDS: usize = 4;

/// A listed name: its tokens `start..end`, and whether it names an organisation.
pub struct FieldList {
    pub start: usize,
    pub end: usize,
    pub organisation: bool,
}

/// Makes each listed institution name in Indonesian `doc` one ORG, and clears the
/// names tagged inside an office's listed fields (`spans` sorted and disjoint before
/// and after).
pub fn join(doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
    // The label of the span starting at each token, so that reading is linear.
    let mut starting: Vec<Option<Label>> = vec![None; doc.tokens.len()];
    for s in spans.iter() {
        if let Some(slot) = starting.get_mut(s.start) {
            *slot = Some(s.label);
        }
    }
    let lists = find(doc, lex, &|t| starting.get(t).copied().flatten());
    apply(&lists, spans);
    spans.sort_by_key(|s| s.start);
}

/// The listed names of Indonesian `doc`, in order and disjoint, given the label of
/// the name found so far that starts at each token. No field goes on into a found
/// name (`… dan Keamanan Mahfud MD`); a found person is a field only as a field's
/// first word (`dan Geofisika`), and a list of a single `dan` field counts only then.
pub fn find(doc: &Doc, lex: &Lexicon, name_at: &dyn Fn(usize) -> Option<Label>) -> Vec<FieldList> {
    let mut lists: Vec<FieldList> = Vec::new();
    if doc.language != Language::Indonesian {
        return lists;
    }
    let mut t = 0;
    while t < doc.tokens.len() {
        match read_list(doc, lex, name_at, t) {
            Some(list) => {
                t = list.end;
                lists.push(list);
            }
            None => t += 1,
        }
    }
    lists
}

/// The listed name opened by `head`, if one is: a head word, one to five name words,
/// then fields after commas, the last after `dan`/`serta` (`Politik, Hukum, dan
/// Keamanan`), or a single `dan` field read as a person (`Kakao` of `Kopi dan Kakao`).
fn read_list(doc: &Doc, lex: &Lexicon, name_at: &dyn Fn(usize) -> Option<Label>, head: usize) -> Option<FieldList> {
    let low = doc.low(head);
    let organisation = INSTITUTIONS.contains(&low);
    if !(organisation || OFFICES.contains(&low)) || !doc.is_capitalised(head) {
        return None;
    }
    let mut end = head + 1;
    while end < head + 1 + MAX_NAME_WORDS && is_name_word(doc, lex, end) && name_at(end).is_none() {
        end += 1;
    }
    if end == head + 1 {
        return None;
    }
    let mut commas = 0;
    loop {
        if doc.is_punct(end, ',') && !is_closing_word(doc, end + 1) {
            end = field_end(doc, lex, name_at, end + 1).filter(|&e| doc.is_punct(e, ',') || is_closing_word(doc, e))?;
            commas += 1;
            continue;
        }
        let closing = if doc.is_punct(end, ',') { end + 1 } else { end };
        if !is_closing_word(doc, closing) {
            return None;
        }
        let last = field_end(doc, lex, name_at, closing + 1)?;
        let one_line = (head..last - 1).all(|t| !doc.newline_after(t));
        let list = FieldList { start: head, end: last, organisation };
        return (one_line && (commas > 0 || name_at(closing + 1) == Some(Label::Person))).then_some(list);
    }
}

/// The end of a field starting at `start`: one to four name words, none a head, and
/// none but the first where a found name starts; the first no found organisation or
/// place (`Bappenas` of `Dinas Sosial, Bappenas, dan …`).
fn field_end(doc: &Doc, lex: &Lexicon, name_at: &dyn Fn(usize) -> Option<Label>, start: usize) -> Option<usize> {
    let own_name = matches!(name_at(start), Some(label) if label != Label::Person);
    let mut end = start;
    while end < start + MAX_FIELD_WORDS
        && is_name_word(doc, lex, end)
        && !is_head(doc, end)
        && (end == start || name_at(end).is_none())
    {
        end += 1;
    }
    (end > start && !own_name).then_some(end)
}

/// A capitalised word that names a field, not a person or a place: not an acronym, a
/// given name, a date, or a word that opens a place's name (`Kota`, `Kabupaten`).
fn is_name_word(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    let low = doc.low(t);
    doc.kind(t) == Some(TokenKind::Word)
        && doc.is_capitalised(t)
        && !doc.is_all_caps(t)
        && !lex.first_names.contains(low)
        && !lex.calendar.contains(low)
        && !lex.loc_words.contains(low)
}

fn is_head(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    INSTITUTIONS.contains(&low) || OFFICES.contains(&low)
}

fn is_closing_word(doc: &Doc, t: usize) -> bool {
    matches!(doc.low(t), "dan" | "serta")
}

/// Replaces the names tagged inside each of `lists` (sorted, disjoint) by the list's
/// own organisation (none for an office), in one pass over `spans`. A name reaching in
/// from before a list's head is an organisation the head goes on (`Sekolah Tinggi Ilmu
/// …` tagged from `Sekolah`) or is cut at the head; a name reaching out past its last
/// field keeps what lies after it; a name around the whole list stays, and the list adds
/// nothing; a name across two lists is none.
fn apply(lists: &[FieldList], spans: &mut Vec<Span>) {
    if lists.is_empty() {
        return;
    }
    let mut starts: Vec<usize> = lists.iter().map(|l| l.start).collect();
    let mut around = vec![false; lists.len()];
    let mut kept = Vec::with_capacity(spans.len() + lists.len());
    for mut s in spans.drain(..) {
        let first = lists.partition_point(|l| l.end <= s.start);
        let last = lists.partition_point(|l| l.start < s.end);
        let Some(list) = lists.get(first).filter(|_| last == first + 1) else {
            if last == first {
                kept.push(s);
            }
            continue;
        };
        if s.start < list.start && s.end > list.end {
            around[first] = true;
            kept.push(s);
        } else if s.start < list.start && s.label == Label::Org && list.organisation {
            starts[first] = s.start;
        } else if s.start < list.start {
            s.end = list.start;
            kept.push(s);
        } else if s.end > list.end {
            s.start = list.end;
            kept.push(s);
        }
    }
    for ((list, start), around) in lists.iter().zip(starts).zip(around) {
        if list.organisation && !around {
            kept.push(Span::new(start, list.end, Label::Org, SOURCE, CONFIDENCE));
        }
    }
    *spans = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str) -> Vec<(String, Label)> {
        let lex = Lexicon::new();
        let doc = Doc::new(text);
        let mut spans = Vec::new();
        // What the shipped tagger reads in such names: the name cut at its comma, a
        // field tagged as a person.
        for (word, label) in [("Kementerian", Label::Org), ("Geofisika", Label::Person), ("Teknologi", Label::Person)] {
            if let Some(t) = (0..doc.tokens.len()).find(|&t| doc.word(t) == word) {
                let end = if label == Label::Org { t + 2 } else { t + 1 };
                spans.push(Span::new(t, end, label, "test", 0.9));
            }
        }
        spans.sort_by_key(|s| s.start);
        join(&doc, &lex, &mut spans);
        spans.iter().map(|s| (doc.tokens_text(s.start, s.end), s.label)).collect()
    }

    #[test]
    fn a_listed_institution_is_one_organisation() {
        let got = tagged("Kata “Badan Meteorologi, Klimatologi, dan Geofisika” muncul 🌧️ lagi.\r\n");
        assert_eq!(got, vec![("Badan Meteorologi, Klimatologi, dan Geofisika".to_string(), Label::Org)]);
        let got = tagged("Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi menyatakan hal itu.");
        assert_eq!(got, vec![("Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi".to_string(), Label::Org)]);
    }

    #[test]
    fn an_offices_fields_name_no_one() {
        let got = tagged("Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi berkata, \"Cukup.\"");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_list_of_institutions_stays_a_list() {
        // Each field opens an institution of its own, or is an acronym.
        let got = tagged("Rapat dihadiri Kementerian Kesehatan, Kementerian Sosial, dan Badan Pangan.");
        assert_eq!(got, vec![("Kementerian Kesehatan".to_string(), Label::Org)]);
        let got = tagged("Bantuan dari Kementerian Sosial, BNPB, dan TNI tiba.");
        assert_eq!(got, vec![("Kementerian Sosial".to_string(), Label::Org)]);
        // A list with no closing `dan` is no name.
        let got = tagged("Kementerian Sosial, Pertanian, Kesehatan menolak.");
        assert_eq!(got, vec![("Kementerian Sosial".to_string(), Label::Org)]);
    }

    #[test]
    fn a_single_dan_field_joins_only_when_it_was_read_as_a_person() {
        let got = tagged("Peneliti Pusat Riset Kopi dan Geofisika, Ani, hadir.");
        assert_eq!(got, vec![("Pusat Riset Kopi dan Geofisika".to_string(), Label::Org)]);
        let got = tagged("Warga mendatangi Pusat Kota dan Pasar Lama.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn two_lists_in_one_sentence_are_two_organisations() {
        let got =
            tagged("Badan Meteorologi, Klimatologi, dan Geofisika serta Dinas Pemuda, Olahraga, dan Pariwisata hadir.");
        let want = ["Badan Meteorologi, Klimatologi, dan Geofisika", "Dinas Pemuda, Olahraga, dan Pariwisata"];
        assert_eq!(got, want.map(|w| (w.to_string(), Label::Org)));
    }

    #[test]
    fn english_text_is_left_alone() {
        let got = tagged("The Kementerian Pendidikan, Kebudayaan, and Teknologi said it was ready, the official said.");
        assert_eq!(got.len(), 2, "{got:?}");
    }
}
