//! Where the tagger and the name rules disagree on the bounds of a personal name,
//! the rules' finer knowledge of names wins in two cases: a name the rules carry on
//! with more capitalised name words (`Kim Jong` + `Un`), and an office the tagger
//! glued to the name after it (`Dinas Kesehatan Widyastuti` → `Widyastuti`).

use super::super::doc::Doc;
use super::super::lexicon::Lexicon;
use super::super::{Label, Span};

/// Rule sources precise enough to add names the tagger missed.
const TRUSTED: &[&str] = &["rules:title", "rules:domain"];

/// Adjusts the tagger's `spans` by the rules' `rules` spans (both sorted, disjoint).
pub fn reconcile(doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>, rules: &[Span]) {
    let mut out = Vec::with_capacity(spans.len());
    for s in spans.iter() {
        let inside: Vec<&Span> = rules.iter().filter(|r| r.start >= s.start && r.end <= s.end).collect();
        let person_tail = inside.last().filter(|r| r.label == Label::Person && r.end == s.end && r.start > s.start);
        if let (Label::Person, Some(_)) = (s.label, person_tail) {
            let office = lex.org_words.contains(doc.low(s.start));
            let split = office || inside.first().is_some_and(|r| r.start == s.start && r.label != Label::Person);
            if split {
                out.extend(inside.iter().map(|r| Span { source: s.source, confidence: s.confidence, ..**r }));
                continue;
            }
        }
        let longer = rules
            .iter()
            .find(|r| r.label == Label::Person && s.label == Label::Person && r.start == s.start && r.end > s.end);
        let end = longer.map_or(s.end, |r| r.end);
        out.push(Span { end, ..*s });
    }
    // Titled names, web names and listed acronyms the tagger left out entirely.
    for r in rules.iter().filter(|r| {
        TRUSTED.contains(&r.source)
            || (r.source == "rules:gazetteer" && r.end == r.start + 1 && doc.is_all_caps(r.start))
    }) {
        if out.iter().all(|s| s.end <= r.start || s.start >= r.end) {
            out.push(*r);
        }
    }
    out.sort_by_key(|s| s.start);
    // A longer name may now reach into the next span: keep the first.
    let mut last_end = 0;
    out.retain(|s| {
        let keep = s.start >= last_end;
        if keep {
            last_end = s.end;
        }
        keep
    });
    *spans = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_finish_a_name_and_split_an_office_from_it() {
        let mut spans =
            vec![Span::new(0, 2, Label::Person, "tagger", 0.9), Span::new(5, 8, Label::Person, "tagger", 0.5)];
        let rules = [
            Span::new(0, 3, Label::Person, "rules", 0.7),
            Span::new(5, 7, Label::Org, "rules", 0.7),
            Span::new(7, 8, Label::Person, "rules", 0.7),
        ];
        reconcile(&Doc::new("a b c d e f g h"), &Lexicon::new(), &mut spans, &rules);
        let got: Vec<(usize, usize, Label)> = spans.iter().map(|s| (s.start, s.end, s.label)).collect();
        assert_eq!(got, [(0, 3, Label::Person), (5, 7, Label::Org), (7, 8, Label::Person)]);
    }
}
