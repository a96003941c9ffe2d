//! What the features read besides the words: name-list hits and the name rules'
//! own reading of the text, both computed once per document.
//!
//! The rules' spans are features, not answers: the tagger learns how far to trust
//! them. Their gazetteer leaves out the names drawn from the training sets, for the
//! same reason [`super::names`] does.

use super::super::doc::Doc;
use super::super::gazetteer::Lists;
use super::super::lexicon::Lexicon;
use super::super::name_rules::NameRules;
use super::super::Span;
use super::features::{self, FeatureMatrix, Input};
use super::names::{Hits, NameIndex};
use super::tags::{tags_from_spans, Tag};
use std::sync::Arc;

pub struct Evidence {
    lex: Arc<Lexicon>,
    names: NameIndex,
    rules: NameRules,
}

impl Evidence {
    pub fn new(lex: &Arc<Lexicon>) -> Evidence {
        // Two automata over independent name lists: built side by side.
        let (names, rules) = rayon::join(
            || NameIndex::new(lex),
            || NameRules::with_lists(Arc::clone(lex), Lists { training_names: false }),
        );
        Evidence { lex: Arc::clone(lex), names, rules }
    }

    /// Per token, the labels of the listed names it is a word of
    /// ([`NameIndex::word_labels`]).
    pub fn name_words(&self, doc: &Doc) -> Vec<u8> {
        self.names.word_labels(doc)
    }

    /// The features of every token of `doc` (the tokens of `text`) for annotation
    /// convention `domain`, and the rules' spans (sorted).
    pub fn features(&self, text: &str, doc: &Doc, bits: u32, domain: Option<usize>) -> (FeatureMatrix, Vec<Span>) {
        let facts = self.facts(text, doc);
        (features::extract(&facts.input(doc, &self.lex, bits, domain)), facts.rules)
    }

    /// What the features of `doc` (the tokens of `text`) read besides its words, to
    /// extract them a block at a time ([`Facts::input`], [`features::Extractor`]).
    pub fn facts(&self, text: &str, doc: &Doc) -> Facts {
        let hits = self.names.hits(text, doc);
        let name_words = self.names.word_labels(doc);
        let mut rules = self.rules.find(text, doc);
        rules.sort_by_key(|s| s.start);
        let rule_tags: Vec<Tag> =
            tags_from_spans(doc.tokens.len(), &rules.iter().map(|s| (s.start, s.end, s.label)).collect::<Vec<_>>());
        Facts { hits, name_words, rule_tags, rules }
    }

    /// The word lists the features read.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }
}

/// The name-list hits, listed-name words and the rules' reading of one document.
pub struct Facts {
    pub hits: Hits,
    pub name_words: Vec<u8>,
    pub rule_tags: Vec<Tag>,
    /// The rules' spans, sorted by start.
    pub rules: Vec<Span>,
}

impl Facts {
    /// The features' input for `doc`, a table of `2^bits` rows and convention `domain`.
    pub fn input<'a>(&'a self, doc: &'a Doc, lex: &'a Lexicon, bits: u32, domain: Option<usize>) -> Input<'a> {
        Input { doc, lex, hits: &self.hits, name_words: &self.name_words, rule_tags: &self.rule_tags, bits, domain }
    }
}
