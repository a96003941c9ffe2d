//! Entity sources behind one interface: the statistical tagger, the name rules and
//! the date patterns each turn a [`Doc`] into token spans, and the [`Analyzer`](super::Analyzer)
//! merges them in priority order. A future source (another model, a remote service)
//! fits the same slot.

use super::dates;
use super::doc::Doc;
use super::entities;
use super::gazetteer::{Gazetteer, Lists};
use super::lexicon::Lexicon;
use super::tagger::Tagger;
use super::Span;
use std::sync::Arc;

/// Something that suggests entities.
pub trait EntitySource: Send + Sync {
    /// Token spans of `doc`, the tokens of `text`; they need not be disjoint from
    /// other sources' spans (the merge drops overlaps).
    fn entities(&self, text: &str, doc: &Doc) -> Vec<Span>;
}

/// DATE spans from patterns.
pub struct DateRules;

impl EntitySource for DateRules {
    fn entities(&self, _text: &str, doc: &Doc) -> Vec<Span> {
        dates::find(doc)
    }
}

/// PERSON / ORG / LOC from capitalisation, word lists and context rules.
pub struct NameRules {
    lex: Arc<Lexicon>,
    gaz: Gazetteer,
}

impl NameRules {
    pub fn new(lex: Arc<Lexicon>) -> NameRules {
        NameRules::with_lists(lex, Lists { training_names: true })
    }

    /// Rules over a gazetteer of the chosen lists.
    pub fn with_lists(lex: Arc<Lexicon>, lists: Lists) -> NameRules {
        let gaz = Gazetteer::with_lists(&lex, lists);
        NameRules { lex, gaz }
    }
}

impl EntitySource for NameRules {
    fn entities(&self, text: &str, doc: &Doc) -> Vec<Span> {
        let gaz = self.gaz.matches(text, &doc.chars, &doc.tokens);
        // The rules were written to run after the dates: keep their tokens out.
        let mut used = vec![false; doc.tokens.len()];
        for s in dates::find(doc) {
            for slot in used.get_mut(s.start..s.end).into_iter().flatten() {
                *slot = true;
            }
        }
        let mut rules = entities::Rules { doc, lex: &self.lex, gaz: &gaz, used };
        let mut spans = rules.find();
        entities::propagate(doc, &self.lex, &mut spans, &mut rules.used);
        entities::extend_place_heads(doc, &mut spans, &mut rules.used);
        spans
    }
}

/// PERSON / ORG / LOC from the statistical tagger.
pub struct TaggerSource {
    lex: Arc<Lexicon>,
    tagger: Tagger,
}

impl TaggerSource {
    pub fn new(lex: Arc<Lexicon>, tagger: Tagger) -> TaggerSource {
        TaggerSource { lex, tagger }
    }
}

impl EntitySource for TaggerSource {
    fn entities(&self, text: &str, doc: &Doc) -> Vec<Span> {
        self.tagger.tag(text, doc, &self.lex)
    }
}

/// Spans of all `sources`, earlier sources first: a span is kept only if none of its
/// tokens is already taken. Sorted by start.
pub fn merge(sources: &[Box<dyn EntitySource>], text: &str, doc: &Doc) -> Vec<Span> {
    let mut used = vec![false; doc.tokens.len()];
    let mut out = Vec::new();
    for source in sources {
        for s in source.entities(text, doc) {
            let free = used.get(s.start..s.end).is_some_and(|u| u.iter().all(|&x| !x));
            if free && s.end > s.start {
                for slot in used.get_mut(s.start..s.end).into_iter().flatten() {
                    *slot = true;
                }
                out.push(s);
            }
        }
    }
    out.sort_by_key(|s| (s.start, s.end));
    out
}
