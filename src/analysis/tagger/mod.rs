//! A statistical sequence tagger for PERSON / ORG / LOC: an averaged perceptron over
//! hashed features, BIO tags decoded by Viterbi with only valid transitions, and a
//! document-level consistency pass. [`domain`] tells which training corpus's
//! annotation conventions an article follows; the shipped model uses that to
//! decide whether organisations take in the acronym defined after them
//! ([`acronyms`]) and whether every mention of a listed place is tagged
//! ([`places`]), and gives the name-list features and the next word a copy per
//! convention.
//!
//! [`Tagger::builtin`] loads the weights shipped in `assets/models/ner-id.bin`, trained
//! by `sorot train` with [`training::train`] from corpora read by [`conll_reader`].
//! Each suggestion's confidence comes from the Viterbi margin of its tokens: how much
//! worse the best path that tags them otherwise scores.

pub mod acronyms;
pub mod blocks;
pub mod bounds;
pub mod conll_reader;
pub mod consistency;
pub mod defined_places;
pub mod domain;
pub mod english_adjectives;
pub mod english_organisations;
pub mod english_places;
pub mod evidence;
pub mod features;
pub mod field_lists;
pub mod hashing;
pub mod learning;
pub mod model_io;
pub mod names;
pub mod partial;
pub mod perceptron;
pub mod places;
pub mod reconcile;
pub mod tags;
pub mod training;
pub mod viterbi;
pub mod weights;

use super::doc::Doc;
use super::lexicon::Lexicon;
use super::Span;
use evidence::Evidence;
use features::Extractor;
use model_io::ModelError;
use std::sync::Arc;
use tags::spans_from_tags;
use viterbi::Scores;
use weights::Weights;

/// The weights shipped with Sorot.
const BUILTIN_MODEL: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/models/ner-id.bin"));

/// Source name of the tagger's own suggestions.
pub const SOURCE: &str = "tagger";
/// Margin at which confidence reaches about 0.63 (1 − 1/e): perceptron scores have no
/// natural unit, so this is set from the margins the shipped model gives.
const MARGIN_SCALE: f32 = 4.0;
/// Margin from which the tagger's "no name here" stands against the document-level
/// pass: a country it reads as a modifier (`masyarakat Indonesia`) stays untagged
/// even where the country is tagged as a place elsewhere.
const SURE_PLAIN: f32 = 8.0;

/// The shipped weights, the starting point of a project's learned model.
pub fn builtin_weights() -> Result<Weights, ModelError> {
    model_io::from_bytes(BUILTIN_MODEL)
}

pub struct Tagger {
    weights: Weights,
    evidence: Evidence,
    places: places::ListedPlaces,
    english_places: english_places::EnglishPlaces,
    defined: defined_places::DefinedPlaces,
}

impl Tagger {
    /// The tagger with the shipped weights.
    pub fn builtin(lex: &Arc<Lexicon>) -> Result<Tagger, ModelError> {
        Tagger::from_bytes(BUILTIN_MODEL, lex)
    }

    /// A tagger with weights read from a model file's bytes.
    pub fn from_bytes(bytes: &[u8], lex: &Arc<Lexicon>) -> Result<Tagger, ModelError> {
        // Reading the weights and building the name automata are independent and
        // are most of a process's start (~0.15 s), which a corpus run on two cores
        // would otherwise spend on one.
        let (weights, evidence) = rayon::join(|| model_io::from_bytes(bytes), || Evidence::new(lex));
        Ok(Tagger::with_evidence(weights?, evidence))
    }

    /// The tagger's weights (what a project model learns from).
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    pub fn new(weights: Weights, lex: &Arc<Lexicon>) -> Tagger {
        Tagger::with_evidence(weights, Evidence::new(lex))
    }

    fn with_evidence(weights: Weights, evidence: Evidence) -> Tagger {
        Tagger {
            weights,
            evidence,
            places: places::ListedPlaces::new(),
            english_places: english_places::EnglishPlaces::new(),
            defined: defined_places::DefinedPlaces::new(),
        }
    }

    /// PERSON / ORG / LOC spans of `doc` (the tokens of `text`), sorted, disjoint.
    pub fn tag(&self, text: &str, doc: &Doc, lex: &Lexicon) -> Vec<Span> {
        let convention = self.weights.domain.classify(&domain::buckets(doc));
        let (mut spans, rules, plain) = self.tag_sentences(text, doc, convention);
        reconcile::reconcile(doc, lex, &mut spans, &rules);
        bounds::take_in_given_names(doc, lex, &self.evidence.name_words(doc), &mut spans);
        bounds::trim_person_names(doc, lex, &mut spans);
        bounds::trim_verb_tails(doc, lex, &mut spans);
        bounds::trim_english_tails(doc, lex, &mut spans);
        bounds::extend_english_organisations(doc, &mut spans);
        bounds::drop_english_calendar_words(doc, lex, &mut spans);
        bounds::drop_english_contractions(doc, &mut spans);
        english_adjectives::drop_lone_adjectives(doc, &mut spans);
        self.english_places.apply(doc, lex, &mut spans);
        english_organisations::add_untagged(doc, &mut spans);
        english_organisations::join_ampersand_firms(doc, &mut spans);
        english_organisations::articled_names_are_organisations(doc, &mut spans);
        english_organisations::add_articled_speakers(doc, lex, &mut spans);
        field_lists::join(doc, lex, &mut spans);
        bounds::balance_parentheses(doc, &mut spans);
        if self.weights.domain.joins_acronyms(convention) {
            acronyms::join_defined(doc, &mut spans);
        }
        self.defined.add(doc, &mut spans);
        acronyms::add_defined(doc, &mut spans);
        if self.weights.domain.tags_listed_places(convention) {
            self.places.add_untagged(doc, lex, &mut spans);
        }
        consistency::propagate(doc, lex, &plain, &mut spans);
        spans
    }

    /// Tagging without the document-level pass; also the rules' spans and, per token,
    /// whether the tagger is sure it is no name (see [`SURE_PLAIN`]). Features are
    /// extracted and scored a block of whole sentences at a time ([`blocks`]), so
    /// the memory they take follows the block, not the document; each sentence is
    /// decoded on its own, so the blocks do not change the result.
    fn tag_sentences(&self, text: &str, doc: &Doc, convention: Option<usize>) -> (Vec<Span>, Vec<Span>, Vec<bool>) {
        let domain = self.weights.domain.feature_domain(convention);
        let facts = self.evidence.facts(text, doc);
        let mut extractor = Extractor::new(facts.input(doc, self.evidence.lexicon(), self.weights.bits, domain));
        let mut spans = Vec::new();
        let mut plain = vec![false; doc.tokens.len()];
        for block in blocks::of_sentences(&doc.sentences, blocks::BLOCK_TOKENS) {
            let emissions = blocks::emissions(&self.weights, &mut extractor, block.tokens.clone());
            for range in doc.sentences.get(block.sentences).unwrap_or(&[]) {
                let from = range.start.saturating_sub(block.tokens.start);
                let Some(sentence) = emissions.get(from..from + range.len()) else { continue };
                self.tag_sentence(sentence, range.start, &mut spans, &mut plain);
            }
        }
        (spans, facts.rules, plain)
    }

    /// Decodes one sentence (its first token `first`, its emission scores
    /// `emissions`) into `spans`, and marks in `plain` the tokens surely no name.
    fn tag_sentence(&self, emissions: &[Scores], first: usize, spans: &mut Vec<Span>, plain: &mut [bool]) {
        let (path, margins) = viterbi::decode_with_margins(emissions, &self.weights.transitions);
        for ((slot, tag), margin) in plain.iter_mut().skip(first).zip(&path).zip(&margins) {
            *slot = *tag == tags::Tag::O && *margin >= SURE_PLAIN;
        }
        for (s, e, label) in spans_from_tags(&path) {
            // The token after a span decides where it ends, so its margin counts too.
            let upto = (e + 1).min(margins.len());
            let margin = margins.get(s..upto).unwrap_or(&[]).iter().fold(f32::INFINITY, |m, &x| m.min(x));
            let confidence = 1.0 - (-margin.min(100.0) / MARGIN_SCALE).exp();
            spans.push(Span::new(first + s, first + e, label, SOURCE, confidence));
        }
    }
}
