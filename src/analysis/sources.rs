//! Entity sources behind one interface: the statistical tagger, the name rules
//! ([`name_rules`](super::name_rules)) and the date patterns each turn a [`Doc`] into token spans, and the [`Analyzer`](super::Analyzer)
//! merges them in priority order. A future source (another model, a remote service)
//! fits the same slot.

use super::dates;
use super::doc::Doc;
use super::lexicon::Lexicon;
pub use super::name_rules::NameRules;
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

impl EntitySource for NameRules {
    fn entities(&self, text: &str, doc: &Doc) -> Vec<Span> {
        self.find(text, doc)
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
