//! A listed place introduced with its short form in parentheses (`Korea Utara
//! (Korut) bersedia …`, `sanksi dan Amerika Serikat (AS)`) is named as a place, even
//! where idner-news-2k's convention would leave the country untagged as an actor or
//! modifier: the definition sets up the short form the article goes on to use, and
//! Sorot's own examples want both tagged. Neither training corpus has such a
//! definition of a country, so the model has nothing to learn it from.

use super::super::doc::Doc;
use super::super::lexicon;
use super::super::{Label, Span};
use super::places::tokens_taken;
use std::collections::HashSet;

/// Source name of spans this pass adds.
pub const SOURCE: &str = "tagger:defined";

/// Longest listed place looked for, in words (`Republik Afrika Tengah`).
const MAX_WORDS: usize = 3;

/// The places of the hand-made list, one or more words each.
pub struct DefinedPlaces {
    names: HashSet<&'static str>,
}

impl Default for DefinedPlaces {
    fn default() -> Self {
        DefinedPlaces::new()
    }
}

impl DefinedPlaces {
    pub fn new() -> DefinedPlaces {
        let names = lexicon::lines(lexicon::MANUAL)
            .filter_map(|line| line.split_once('\t'))
            .filter(|(label, _)| Label::parse(label) == Some(Label::Loc))
            .map(|(_, name)| name.trim())
            .collect();
        DefinedPlaces { names }
    }

    /// Tags the untagged listed places right before an acronym in parentheses
    /// (`spans` sorted, disjoint). Run before [`super::acronyms::add_defined`], which
    /// then gives the acronym the place's label.
    pub fn add(&self, doc: &Doc, spans: &mut Vec<Span>) {
        let used = tokens_taken(doc, spans);
        let added: Vec<Span> = (1..doc.tokens.len())
            .filter(|&p| doc.is_punct(p, '(') && doc.is_punct(p + 2, ')') && is_short_form(doc, p + 1))
            .filter_map(|p| self.place_before(doc, &used, p))
            .filter(|&(start, open)| initial(doc.word(start)) == initial(doc.word(open + 1)))
            .map(|start_end| Span::new(start_end.0, start_end.1, Label::Loc, SOURCE, 0.5))
            .collect();
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }

    /// The longest untagged listed place ending right before token `open`, on one line.
    fn place_before(&self, doc: &Doc, used: &[bool], open: usize) -> Option<(usize, usize)> {
        (1..=MAX_WORDS.min(open)).rev().map(|n| open - n).find_map(|start| {
            let words = start..open;
            let free = words.clone().all(|t| !used.get(t).copied().unwrap_or(true) && doc.is_capitalised(t));
            let one_line = (start..open - 1).all(|t| !doc.newline_after(t));
            let name: Vec<&str> = words.map(|t| doc.word(t)).collect();
            (free && one_line && self.names.contains(name.join(" ").as_str())).then_some((start, open))
        })
    }
}

/// Longest short form, in characters.
const MAX_SHORT: usize = 10;

/// A short form: one capitalised word of letters (`AS`, `Korut`, `RRT`).
fn is_short_form(doc: &Doc, t: usize) -> bool {
    let word = doc.word(t);
    let len = word.chars().count();
    (2..=MAX_SHORT).contains(&len) && doc.is_capitalised(t) && word.chars().all(char::is_alphabetic)
}

/// A short form starts as its name does, which tells a definition from a news
/// agency's credit (`Jakarta (Antara)`).
fn initial(word: &str) -> Option<char> {
    word.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(text: &str, spans: &mut Vec<Span>) -> Vec<(usize, usize)> {
        DefinedPlaces::new().add(&Doc::new(text), spans);
        spans.iter().map(|s| (s.start, s.end)).collect()
    }

    #[test]
    fn a_listed_place_defined_with_an_acronym_is_tagged() {
        assert_eq!(added("Sanksi dan Amerika Serikat (AS) dibahas.", &mut Vec::new()), [(2, 4)]);
        assert_eq!(added("Korea Utara (Korut) bersedia.", &mut Vec::new()), [(0, 2)]);
    }

    #[test]
    fn tagged_unlisted_or_undefined_places_are_left_alone() {
        let mut tagged = vec![Span::new(3, 4, Label::Loc, "tagger", 0.9)];
        assert_eq!(added("Sanksi dan Amerika Serikat (AS).", &mut tagged), [(3, 4)]);
        assert!(added("Warga Sukamaju (WS) datang.", &mut Vec::new()).is_empty());
        assert!(added("Warga Korea Utara datang (lagi).", &mut Vec::new()).is_empty());
        assert!(added("Jakarta (Antara) - Warga datang.", &mut Vec::new()).is_empty());
    }
}
