//! An acronym defined in parentheses right after a name (`Amerika Serikat (AS)`,
//! `Mahkamah Konstitusi (MK)`) names the same thing: when the tagger left the
//! acronym out, it gets the name's label.

use super::super::doc::Doc;
use super::super::Span;

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

/// `AS`, `KPK`: a short word of capital letters only.
fn is_acronym(doc: &Doc, t: usize) -> bool {
    let word = doc.word(t);
    let short = word.chars().count() <= MAX_LEN && word.chars().count() >= 2;
    short && doc.is_all_caps(t) && word.chars().all(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::super::super::Label;
    use super::*;

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
