//! PERSON / ORG / LOC by rules: gazetteer names, capitalisation and context
//! ([`entities`](super::entities)), run after the date patterns. They stand in for
//! the tagger when its weights do not load, and their reading is one of the tagger's
//! features ([`tagger::evidence`](super::tagger::evidence)).

use super::dates;
use super::doc::Doc;
use super::entities;
use super::gazetteer::{Gazetteer, Lists};
use super::lexicon::Lexicon;
use super::Span;
use std::sync::Arc;

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

    /// Token spans of `doc`, the tokens of `text`, disjoint, in no particular order.
    pub fn find(&self, text: &str, doc: &Doc) -> Vec<Span> {
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
