//! An acronym defined in parentheses right after a name (`Amerika Serikat (AS)`,
//! `Mahkamah Konstitusi (MK)`) names the same thing: when the tagger left the
//! acronym out, it gets the name's label. Conventions differ on organisations:
//! idner-news-2k takes the acronym into the name (`Mahkamah Konstitusi (MK)` is one
//! name), NERGrit makes it a name of its own. Which one a corpus follows is counted
//! in its training articles ([`joining_conventions`]) and kept with the model.

use super::super::doc::Doc;
use super::super::{Label, Span};
use super::conll_reader::Article;
use super::domain::NUM_DOMAINS;

/// Source name of spans this pass adds.
pub const SOURCE: &str = "tagger:acronym";

/// Longest acronym taken, in characters.
const MAX_LEN: usize = 10;

/// Adds the untagged acronyms defined right after tagged names (`spans` sorted, disjoint).
pub fn add_defined(doc: &Doc, spans: &mut Vec<Span>) {
    let mut added = Vec::new();
    for (k, s) in spans.iter().enumerate() {
        let t = s.end + 1;
        let free = spans.get(k + 1).is_none_or(|next| next.start > t + 1);
        if free && doc.is_punct(s.end, '(') && doc.is_punct(t + 1, ')') && is_acronym(doc, t) {
            added.push(Span::new(t, t + 1, s.label, SOURCE, s.confidence * 0.9));
        }
    }
    spans.extend(added);
    spans.sort_by_key(|s| s.start);
}

/// Takes the acronym defined right after each organisation (`Bursa Efek Indonesia
/// (BEI)`) into its name, dropping any name the tagger found inside the parentheses.
pub fn join_defined(doc: &Doc, spans: &mut Vec<Span>) {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let mut skip_until = 0;
    for (k, s) in spans.iter().enumerate() {
        if s.start < skip_until {
            continue;
        }
        let mut s = *s;
        if let Some(close) = definition_after(doc, s.end).filter(|_| s.label == Label::Org) {
            // Names inside the parentheses give way; one reaching past them blocks.
            let blocked = spans.get(k + 1..).unwrap_or(&[]).iter().any(|n| n.start <= close && n.end > close + 1);
            if !blocked {
                s.end = close + 1;
                skip_until = s.end;
            }
        }
        out.push(s);
    }
    *spans = out;
}

/// Longest definition in parentheses, in words.
const MAX_DEFINITION: usize = 3;

/// The `)` closing a definition that opens at token `open` (`(BPH Migas)`): one to
/// [`MAX_DEFINITION`] capitalised words, the first an acronym or a single name.
fn definition_after(doc: &Doc, open: usize) -> Option<usize> {
    if !doc.is_punct(open, '(') {
        return None;
    }
    let close = (open + 2..=open + 1 + MAX_DEFINITION).find(|&c| doc.is_punct(c, ')'))?;
    let words = open + 1..close;
    let capitalised = words.clone().all(|t| doc.is_capitalised(t) && doc.word(t).chars().all(char::is_alphabetic));
    (capitalised && !doc.newline_after(open) && words.clone().all(|t| !doc.newline_after(t))).then_some(close)
}

/// Per convention (corpus number), whether its organisations mostly take the acronym
/// defined after them into the name.
pub fn joining_conventions(articles: &[Article]) -> Vec<bool> {
    let mut counts = [(0usize, 0usize); NUM_DOMAINS];
    for a in articles {
        let doc = Doc::new(&a.text);
        let slot = a.domain.min(NUM_DOMAINS - 1);
        for &(s, e, _) in a.entities.iter().filter(|x| x.2 == Label::Org) {
            let (start, end) = (doc.token_at_or_after(s), doc.token_at_or_after(e));
            let joined = end > start + 2
                && doc.is_punct(end - 1, ')')
                && (start + 1..end - 1).any(|t| definition_after(&doc, t) == Some(end - 1));
            let apart = definition_after(&doc, end).is_some();
            if let Some(c) = counts.get_mut(slot) {
                c.0 += usize::from(joined);
                c.1 += usize::from(apart);
            }
        }
    }
    counts.iter().map(|&(joined, apart)| joined > apart).collect()
}

/// `AS`, `KPK`: a short word of capital letters only.
fn is_acronym(doc: &Doc, t: usize) -> bool {
    let word = doc.word(t);
    let short = word.chars().count() <= MAX_LEN && word.chars().count() >= 2;
    short && doc.is_all_caps(t) && word.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_takes_in_its_acronym_where_the_convention_says_so() {
        let doc = Doc::new("Bursa Efek Indonesia (BEI) dan Rusia (RI) lagi.");
        let mut spans = vec![
            Span::new(0, 3, Label::Org, "tagger", 0.8),
            Span::new(4, 5, Label::Org, "tagger", 0.8),
            Span::new(7, 8, Label::Loc, "tagger", 0.8),
        ];
        join_defined(&doc, &mut spans);
        let got: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        // Only organisations join.
        assert_eq!(got, [(0, 6), (7, 8)]);
    }

    #[test]
    fn a_name_found_as_the_whole_parenthesis_gives_way_too() {
        let doc = Doc::new("Mahkamah Konstitusi (MK) memutuskan (MK itu) lagi.");
        let mut spans = vec![Span::new(0, 2, Label::Org, "tagger", 0.8), Span::new(2, 5, Label::Org, "tagger", 0.8)];
        join_defined(&doc, &mut spans);
        assert_eq!(spans.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(), [(0, 5)]);
        // One reaching past the parentheses still blocks.
        let mut spans = vec![Span::new(0, 2, Label::Org, "tagger", 0.8), Span::new(2, 6, Label::Org, "tagger", 0.8)];
        join_defined(&doc, &mut spans);
        assert_eq!(spans.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(), [(0, 2), (2, 6)]);
    }

    #[test]
    fn conventions_are_counted_per_corpus() {
        let text = "Mahkamah Konstitusi (MK) memutuskan.";
        let joined = Article { text: text.to_string(), entities: vec![(0, 24, Label::Org)], domain: 0 };
        let apart =
            Article { text: text.to_string(), entities: vec![(0, 19, Label::Org), (21, 23, Label::Org)], domain: 1 };
        assert_eq!(joining_conventions(&[joined, apart]), [true, false]);
    }

    #[test]
    fn a_defined_acronym_takes_the_name_label() {
        let doc = Doc::new("Amerika Serikat (AS) dan Bank (2019) serta Rusia (RI) lagi.");
        let mut spans = vec![
            Span::new(0, 2, Label::Loc, "tagger", 0.8),
            Span::new(6, 7, Label::Org, "tagger", 0.8),
            Span::new(11, 12, Label::Loc, "tagger", 0.8),
            Span::new(13, 14, Label::Org, "tagger", 0.8),
        ];
        add_defined(&doc, &mut spans);
        let got: Vec<(usize, usize, Label)> = spans.iter().map(|s| (s.start, s.end, s.label)).collect();
        // `(2019)` is no acronym; `(RI)` is tagged already.
        assert_eq!(
            got,
            [(0, 2, Label::Loc), (3, 4, Label::Loc), (6, 7, Label::Org), (11, 12, Label::Loc), (13, 14, Label::Org)]
        );
    }
}
