//! Document-level consistency after tagging: a name tagged once is tagged the same at
//! its other mentions, and a part of a full personal name (`Putin` after
//! `Vladimir Putin`) is that person.

use super::super::doc::Doc;
use super::super::language::Language;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::TokenKind;
use super::super::{Label, Span};
use std::collections::HashMap;

/// Source name of spans this pass adds.
pub const SOURCE: &str = "tagger:consistency";
/// Longest name (in tokens) looked for again.
const MAX_NAME: usize = 6;

/// Fills untagged mentions of names tagged elsewhere in the document, and gives every
/// mention of one name the label most of its confident mentions have.
/// Tokens marked in `sure_plain` (the tagger is sure they are no name) are filled
/// only with people (see [`kept_plain`]).
pub fn propagate(doc: &Doc, lex: &Lexicon, sure_plain: &[bool], spans: &mut Vec<Span>) {
    let names = majority_labels(doc, spans);
    for s in spans.iter_mut() {
        if let Some(&(label, _)) = names.get(&key(doc, s.start, s.end)) {
            s.label = label;
        }
    }
    let mut used: Vec<bool> = vec![false; doc.tokens.len()];
    for s in spans.iter() {
        for slot in used.get_mut(s.start..s.end).into_iter().flatten() {
            *slot = true;
        }
    }
    let parts = person_parts(doc, lex, spans);
    if doc.language == Language::English {
        parts_as_people(doc, &parts, spans);
    }
    let mut t = 0;
    while t < doc.tokens.len() {
        match find_mention(doc, lex, &names, &parts, &used, t).filter(|s| !kept_plain(sure_plain, s)) {
            Some(span) => {
                for slot in used.get_mut(span.start..span.end).into_iter().flatten() {
                    *slot = true;
                }
                t = span.end;
                spans.push(span);
            }
            None => t += 1,
        }
    }
    spans.sort_by_key(|s| s.start);
}

fn key(doc: &Doc, start: usize, end: usize) -> String {
    (start..end).map(|t| doc.word(t)).collect::<Vec<_>>().join(" ")
}

/// For each tagged name, the label with the largest summed confidence, and that confidence.
fn majority_labels(doc: &Doc, spans: &[Span]) -> HashMap<String, (Label, f32)> {
    let mut votes: HashMap<String, [f32; 3]> = HashMap::new();
    for s in spans {
        let slot = match s.label {
            Label::Person => 0,
            Label::Org => 1,
            Label::Loc => 2,
            Label::Date | Label::Source => continue,
        };
        if let Some(v) = votes.entry(key(doc, s.start, s.end)).or_default().get_mut(slot) {
            *v += s.confidence.max(0.05);
        }
    }
    votes
        .into_iter()
        .map(|(k, v)| {
            let labels = [Label::Person, Label::Org, Label::Loc];
            let (best, conf) =
                labels.iter().zip(v).fold((Label::Person, -1.0), |acc, (&l, c)| if c > acc.1 { (l, c) } else { acc });
            (k, (best, conf.min(1.0)))
        })
        .collect()
}

/// One-word parts of multi-word personal names.
fn person_parts(doc: &Doc, lex: &Lexicon, spans: &[Span]) -> HashMap<String, f32> {
    let mut parts = HashMap::new();
    for s in spans.iter().filter(|s| s.label == Label::Person && s.end - s.start >= 2) {
        for t in s.start..s.end {
            let low = doc.low(t);
            if doc.is_capitalised(t)
                && low.chars().count() > 2
                && !lex.titles.contains(low)
                && !lex.common.contains(low)
            {
                let c = parts.entry(doc.word(t).to_string()).or_insert(0.0f32);
                *c = c.max(s.confidence);
            }
        }
    }
    parts
}

/// English: a one-word name that is part of a personal name tagged more surely (`Pell`
/// after `Mayor Joan Pell`) is that person. The tagger, trained on Indonesian, may
/// read a lone surname opening a clause as an organisation; once the possessive is
/// split off (`Joan Pell's`), the full name is read surely and decides.
fn parts_as_people(doc: &Doc, parts: &HashMap<String, f32>, spans: &mut [Span]) {
    for s in spans.iter_mut().filter(|s| s.end == s.start + 1 && s.label != Label::Person) {
        if parts.get(doc.word(s.start)).is_some_and(|&conf| conf > s.confidence) {
            s.label = Label::Person;
        }
    }
}

/// An untagged mention of a known name starting at token `t`, longest first.
/// A mention over a token the tagger is sure is no name stays plain — a country
/// as a modifier, in the style of a corpus that leaves those untagged — unless it
/// names a person: every mention of `Putin` is the same man, headlines included.
fn kept_plain(sure_plain: &[bool], span: &Span) -> bool {
    span.label != Label::Person && sure_plain.get(span.start..span.end).is_some_and(|p| p.contains(&true))
}

fn find_mention(
    doc: &Doc,
    lex: &Lexicon,
    names: &HashMap<String, (Label, f32)>,
    parts: &HashMap<String, f32>,
    used: &[bool],
    t: usize,
) -> Option<Span> {
    if !doc.is_capitalised(t) || !mention_may_start(doc, lex, t) {
        return None;
    }
    for n in (1..=MAX_NAME).rev() {
        let end = t + n;
        if end > doc.tokens.len() || used.get(t..end).is_none_or(|u| u.iter().any(|&x| x)) {
            continue;
        }
        if let Some(&(label, conf)) = names.get(&key(doc, t, end)) {
            return (!inside_longer_name(doc, lex, t, end)).then(|| Span::new(t, end, label, SOURCE, conf * 0.9));
        }
    }
    let conf = parts.get(doc.word(t))?;
    let free = !used.get(t).copied().unwrap_or(true) && !inside_longer_name(doc, lex, t, t + 1);
    free.then(|| Span::new(t, t + 1, Label::Person, SOURCE, conf * 0.8))
}

/// Is `start..end` only a piece of a longer capitalised name (`Jakarta` in `DKI
/// Jakarta`, `Taman Wisata Alam` in `Taman Wisata Alam Danau Matano`)? The tagger
/// left that name out on purpose or tagged it otherwise; a piece of it is no mention.
pub fn inside_longer_name(doc: &Doc, lex: &Lexicon, start: usize, end: usize) -> bool {
    let joins = |j: usize| {
        let low = doc.low(j);
        doc.kind(j) == Some(TokenKind::Word)
            && doc.is_capitalised(j)
            && !doc.is_title_case_sentence(j)
            && !lex.titles.contains(low)
            && !(doc.is_sentence_initial(j) && lex.common.contains(low))
    };
    let before = start.checked_sub(1).is_some_and(|p| !doc.newline_after(p) && joins(p));
    let after = end < doc.tokens.len() && !doc.newline_after(end - 1) && joins(end);
    before || after
}

/// Sentence-initial common words (`Harapan …`) and titles, weekdays or stop words
/// never start a propagated mention.
fn mention_may_start(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    let low = doc.low(t);
    let plain = lex.titles.contains(low) || lex.stop.contains(low) || lex.calendar.contains(low);
    let common_opener = doc.is_sentence_initial(t) && lex.common.contains(low);
    !(plain || common_opener)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_repeated_mentions_follow_the_full_name() {
        let lex = Lexicon::new();
        let doc = Doc::new("Kata Vladimir Putin. Lalu Putin pergi ke Moskwa. Moskwa dingin.");
        let mut spans = vec![Span::new(1, 3, Label::Person, "tagger", 0.9), Span::new(8, 9, Label::Loc, "tagger", 0.9)];
        propagate(&doc, &lex, &[], &mut spans);
        let got: Vec<(String, Label)> = spans.iter().map(|s| (key(&doc, s.start, s.end), s.label)).collect();
        assert!(got.contains(&("Putin".to_string(), Label::Person)), "{got:?}");
        assert_eq!(got.iter().filter(|(k, l)| k == "Moskwa" && *l == Label::Loc).count(), 2, "{got:?}");
    }

    #[test]
    fn one_name_gets_one_label() {
        let lex = Lexicon::new();
        let doc = Doc::new("Ia ke Garuda. Garuda terbang. Lalu Garuda mendarat.");
        let mut spans = vec![
            Span::new(2, 3, Label::Loc, "tagger", 0.3),
            Span::new(4, 5, Label::Org, "tagger", 0.6),
            Span::new(8, 9, Label::Org, "tagger", 0.6),
        ];
        propagate(&doc, &lex, &[], &mut spans);
        assert!(spans.iter().all(|s| s.label == Label::Org), "{spans:?}");
    }

    #[test]
    fn a_piece_of_a_longer_name_is_not_a_mention() {
        let lex = Lexicon::new();
        let doc = Doc::new("Warga Jakarta datang. Gubernur DKI Jakarta Basuki pergi. Presiden Jakarta pergi.");
        let mut spans = vec![Span::new(1, 2, Label::Loc, "tagger", 0.9)];
        propagate(&doc, &lex, &[], &mut spans);
        let got: Vec<usize> = spans.iter().map(|s| s.start).collect();
        // `DKI Jakarta Basuki` is another name; after the title `Presiden` it is one.
        assert_eq!(got, [1, 11], "{spans:?}");
    }

    #[test]
    fn a_mention_the_tagger_is_sure_of_stays_plain() {
        let lex = Lexicon::new();
        let doc = Doc::new("Ia ke Garuda. Garuda terbang. Lalu Garuda mendarat.");
        let mut spans = vec![Span::new(2, 3, Label::Org, "tagger", 0.9)];
        let mut sure_plain = vec![false; doc.tokens.len()];
        sure_plain[4] = true;
        propagate(&doc, &lex, &sure_plain, &mut spans);
        let got: Vec<usize> = spans.iter().map(|s| s.start).collect();
        assert_eq!(got, [2, 8], "{spans:?}");
    }

    #[test]
    fn a_person_is_filled_even_where_the_tagger_is_sure() {
        // A headline in title case, where the tagger saw no name: `Putin` is still Putin.
        let lex = Lexicon::new();
        let doc = Doc::new("Putin Sebut Korea Utara 😀\r\nPresiden Vladimir Putin berkata “siap”.");
        let mut spans = vec![Span::new(7, 9, Label::Person, "tagger", 0.9)];
        let mut sure_plain = vec![false; doc.tokens.len()];
        sure_plain[0] = true;
        propagate(&doc, &lex, &sure_plain, &mut spans);
        let got: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(got, [(0, 1), (7, 9)], "{spans:?}");
    }
}
