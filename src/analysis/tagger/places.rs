//! Listed places mentioned without a tag. Conventions differ: NERGrit tags every
//! mention of a country or city (`tenaga ahli gula Indonesia`), idner-news-2k only
//! those that stand for a place (`di Indonesia`, not `masyarakat Indonesia`). Which
//! one a corpus follows is counted in its training articles ([`tagging_conventions`])
//! and kept with the model; in articles of a convention that tags every mention, the
//! mentions of one-word places of the hand-made list that the tagger left out are
//! added.

use super::super::doc::Doc;
use super::super::lexicon::{self, Lexicon};
use super::super::{Label, Span};
use super::conll_reader::Article;
use super::consistency::inside_longer_name;
use super::domain::NUM_DOMAINS;
use std::collections::HashSet;

/// Source name of spans this pass adds.
pub const SOURCE: &str = "tagger:place";

/// Share of listed-place mentions a convention must tag for "tags every mention".
const EVERY_MENTION: f64 = 0.8;

/// The one-word places of the hand-made list (`Indonesia`, `Jepang`, `Jakarta`).
pub struct ListedPlaces {
    names: HashSet<&'static str>,
}

impl Default for ListedPlaces {
    fn default() -> Self {
        ListedPlaces::new()
    }
}

/// Per token of `doc`, whether one of `spans` (token ranges) covers it: where the
/// passes that add names may not.
pub(super) fn tokens_taken(doc: &Doc, spans: &[Span]) -> Vec<bool> {
    let mut taken = vec![false; doc.tokens.len()];
    for s in spans {
        taken.get_mut(s.start..s.end).into_iter().flatten().for_each(|slot| *slot = true);
    }
    taken
}

impl ListedPlaces {
    pub fn new() -> ListedPlaces {
        let names = lexicon::lines(lexicon::MANUAL)
            .filter_map(|line| line.split_once('\t'))
            .filter(|(label, name)| Label::parse(label) == Some(Label::Loc) && !name.trim().contains(' '))
            .map(|(_, name)| name.trim())
            .collect();
        ListedPlaces { names }
    }

    fn is_listed(&self, doc: &Doc, t: usize) -> bool {
        doc.is_capitalised(t) && self.names.contains(doc.word(t))
    }

    /// Adds the untagged mentions of listed places (`spans` sorted, disjoint), except
    /// those inside a longer capitalised name (`Liga Indonesia`).
    pub fn add_untagged(&self, doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
        let used = tokens_taken(doc, spans);
        let free = |t: usize| !used.get(t).copied().unwrap_or(true);
        let added: Vec<Span> = (0..doc.tokens.len())
            .filter(|&t| free(t) && self.is_listed(doc, t) && !inside_longer_name(doc, lex, t, t + 1))
            .map(|t| Span::new(t, t + 1, Label::Loc, SOURCE, 0.5))
            .collect();
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }

    /// Per convention (corpus number), whether it tags nearly every mention of a
    /// listed place.
    pub fn tagging_conventions(&self, articles: &[Article]) -> Vec<bool> {
        let mut counts = [(0usize, 0usize); NUM_DOMAINS];
        for a in articles {
            let doc = Doc::new(&a.text);
            let mut tagged = vec![false; doc.tokens.len()];
            for &(s, e, _) in &a.entities {
                let (start, end) = (doc.token_at_or_after(s), doc.token_at_or_after(e));
                for slot in tagged.get_mut(start..end).into_iter().flatten() {
                    *slot = true;
                }
            }
            if let Some(c) = counts.get_mut(a.domain.min(NUM_DOMAINS - 1)) {
                for t in (0..doc.tokens.len()).filter(|&t| self.is_listed(&doc, t)) {
                    c.0 += usize::from(tagged.get(t).copied().unwrap_or(false));
                    c.1 += 1;
                }
            }
        }
        counts.iter().map(|&(tagged, all)| all > 0 && tagged as f64 >= EVERY_MENTION * all as f64).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untagged_listed_places_are_added_outside_longer_names() {
        let (lex, places) = (Lexicon::new(), ListedPlaces::new());
        let doc = Doc::new("Ahli gula Indonesia ke Jepang untuk Liga Indonesia.");
        let mut spans = vec![Span::new(4, 5, Label::Loc, "tagger", 0.9)];
        places.add_untagged(&doc, &lex, &mut spans);
        let got: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(got, [(2, 3), (4, 5)]);
    }

    #[test]
    fn conventions_are_counted_per_corpus() {
        let places = ListedPlaces::new();
        let text = "Warga Indonesia ke Jepang.";
        let some = Article { text: text.to_string(), entities: vec![(19, 25, Label::Loc)], domain: 0 };
        let all =
            Article { text: text.to_string(), entities: vec![(6, 15, Label::Loc), (19, 25, Label::Loc)], domain: 1 };
        assert_eq!(places.tagging_conventions(&[some, all]), [false, true]);
    }
}
