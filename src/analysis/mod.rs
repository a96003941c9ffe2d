//! Suggestions of entities and quotations for news text (Indonesian first, English
//! too): text in, [`Suggestions`] out.
//!
//! Pipeline: [`doc`] tokenizes and splits sentences once; entity suggestions come
//! from [`sources`] behind one interface, merged in priority order: [`dates`] marks
//! dates by pattern, the statistical [`tagger`] (an averaged perceptron trained by
//! `sorot train`, fed with [`gazetteer`] names and the [`entities`] rules' reading as
//! features) gives PERSON / ORG / LOC, with the rules' surest spans added and the
//! rules standing in should its weights not load;
//! [`quotes`] finds direct and indirect speech with its cue; [`speakers`] links each
//! quote to its speaker's entity.
//!
//! Offsets everywhere are Unicode code points (char indices into the `&str`), end
//! exclusive. The module uses only `std`, `aho-corasick`, `rustc-hash` (a fast
//! hasher for word lookups) and `serde` (the speaker ranker's weights, stored by a
//! project) so that it can be built on its own.
//!
//! [`rank_speakers`] ranks the candidate speakers of any quotation for callers outside
//! the analysis (the inspector), with [`SpeakerWeights`] that learn from corrections.

pub mod code_points;
pub mod dates;
pub mod doc;
pub mod english_verbs;
pub mod entities;
pub mod entity;
pub mod function_words;
pub mod gazetteer;
mod indices;
pub mod intervals;
pub mod language;
pub mod lexicon;
pub mod name_rules;
pub mod quote_confidence;
pub mod quotes;
pub mod sentences;
pub mod sources;
pub mod speakers;
pub mod tagger;
pub mod token_bytes;
pub mod tokenizer;

#[cfg(test)]
mod english_fixtures;
#[cfg(test)]
mod quote_fixtures;
#[cfg(test)]
mod sample_tests;

use doc::Doc;
pub use entity::{Entity, Label, Span};
use lexicon::Lexicon;
pub use quote_confidence::QuoteConfidence;
use sources::{DateRules, EntitySource, NameRules, TaggerSource};
pub use speakers::api::{rank_speakers, rank_speakers_with, EntityRef, QuoteRef, RankedCandidate};
pub use speakers::candidate_features::{Agreement, CandidateFeatures, CandidateKind};
pub use speakers::ranker::SpeakerWeights;
use std::sync::Arc;
use tagger::Tagger;

/// An entity as it leaves the analysis, its label a string as the model layer keeps
/// labels. Offsets everywhere are Unicode code points (char indices into the &str), end exclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct EntitySuggestion {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub source: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Indirect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteSuggestion {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// index into Suggestions::entities of the speaker's PERSON (or ORG) entity — for a short mention ("Putin", "ujarnya") the FULL mention it resolves to where one exists ("Vladimir Putin")
    pub speaker: Option<usize>,
    /// the speech verb ("kata", "papar", "ujarnya", "said", "mengatakan"), code points
    pub cue: Option<(usize, usize)>,
    pub source: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Suggestions {
    pub entities: Vec<EntitySuggestion>,
    pub quotes: Vec<QuoteSuggestion>,
}

/// Holds the word lists and the entity sources; build once, analyse many texts.
pub struct Analyzer {
    lex: Arc<Lexicon>,
    /// Entity sources in priority order (see [`sources::merge`]).
    sources: Vec<Box<dyn EntitySource>>,
    /// A project's confidence factors for quotation patterns.
    quote_confidence: QuoteConfidence,
    /// How the speaker ranker weighs candidates (a project's learned weights).
    speaker_weights: SpeakerWeights,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    /// Builds from the gazetteers and tagger weights embedded in the binary: dates from
    /// patterns, names from the statistical tagger. Should the weights not load, the
    /// name rules take the tagger's place, so analysis always works.
    pub fn new() -> Analyzer {
        let lex = Arc::new(Lexicon::new());
        let names: Box<dyn EntitySource> = match Tagger::builtin(&lex) {
            Ok(tagger) => Box::new(TaggerSource::new(Arc::clone(&lex), tagger)),
            Err(_) => Box::new(NameRules::new(Arc::clone(&lex))),
        };
        Analyzer::with_sources(lex, vec![Box::new(DateRules), names])
    }

    /// The shipped analyser with the tagger's weights replaced by `weights` (a
    /// project's learned model, `sorot analyze --model`).
    pub fn with_weights(weights: tagger::weights::Weights) -> Analyzer {
        let lex = Arc::new(Lexicon::new());
        let names = TaggerSource::new(Arc::clone(&lex), Tagger::new(weights, &lex));
        Analyzer::with_sources(lex, vec![Box::new(DateRules), Box::new(names)])
    }

    /// The analyser with more speech verbs for quotations (a project's own cues) on
    /// top of the embedded lists (cues added by an earlier call are replaced);
    /// entity suggestions do not change.
    pub fn with_extra_cues(mut self, after: &[String], before: &[String]) -> Analyzer {
        self.lex = Arc::new(Lexicon::with_extra_cues(after, before));
        self
    }

    /// The word lists the analyser reads (learning builds its features from them).
    pub fn lexicon(&self) -> &Arc<Lexicon> {
        &self.lex
    }

    /// An analyser over the given entity sources, earlier ones winning overlaps.
    pub fn with_sources(lex: Arc<Lexicon>, sources: Vec<Box<dyn EntitySource>>) -> Analyzer {
        Analyzer {
            lex,
            sources,
            quote_confidence: QuoteConfidence::default(),
            speaker_weights: SpeakerWeights::default(),
        }
    }

    /// The analyser with the speaker ranker's weights replaced (a project's, learned
    /// from the annotator's speaker corrections).
    pub fn with_speaker_weights(mut self, speaker_weights: SpeakerWeights) -> Analyzer {
        self.speaker_weights = speaker_weights;
        self
    }

    /// The speaker ranker's weights this analyser suggests with.
    pub fn speaker_weights(&self) -> &SpeakerWeights {
        &self.speaker_weights
    }

    /// The analyser with quotation patterns made less sure (a project's lessons;
    /// factors given by an earlier call are replaced).
    pub fn with_quote_confidence(mut self, quote_confidence: QuoteConfidence) -> Analyzer {
        self.quote_confidence = quote_confidence;
        self
    }

    /// Suggests entities (sorted by start, not overlapping) and quotations.
    pub fn analyze(&self, text: &str) -> Suggestions {
        let doc = Doc::new(text);
        let mut entities = self.entities(text, &doc);
        let quotes = self.quotes(&doc, &mut entities);
        Suggestions { entities: entities.iter().map(EntitySuggestion::from).collect(), quotes }
    }

    fn entities(&self, text: &str, doc: &Doc) -> Vec<Entity> {
        let spans = sources::merge(&self.sources, text, doc);
        let mut out: Vec<Entity> = spans
            .iter()
            .filter_map(|s| {
                let (start, end) = doc.char_span(s.start, s.end)?;
                Some(Entity { start, end, label: s.label, source: s.source, confidence: s.confidence })
            })
            .collect();
        out.sort_by_key(|e| (e.start, e.end));
        // Spans are disjoint by construction; drop any overlap defensively.
        let mut last_end = 0;
        out.retain(|e| {
            let keep = e.start >= last_end;
            if keep {
                last_end = e.end;
            }
            keep
        });
        out
    }

    /// Quotes and their speakers; speakers the entity stage missed are added to `entities`.
    fn quotes(&self, doc: &Doc, entities: &mut Vec<Entity>) -> Vec<QuoteSuggestion> {
        let raw = quotes::find(doc, &self.lex);
        let speakers = speakers::link_with(doc, &self.lex, entities, &raw, &self.speaker_weights);
        raw.iter()
            .zip(speakers)
            .map(|(q, speaker)| {
                let cue = q.cue.and_then(|t| doc.char_span(t, t + 1));
                let factor = match (q.cue, cue) {
                    (Some(t), Some((cue_start, _))) => {
                        self.quote_confidence.factor(doc.low(t), q.kind, cue_start >= q.end)
                    }
                    _ => 1.0,
                };
                QuoteSuggestion {
                    start: q.start,
                    end: q.end,
                    kind: q.kind,
                    speaker,
                    cue,
                    source: "rules:quote".to_string(),
                    confidence: q.confidence * factor,
                }
            })
            .collect()
    }
}

impl From<&Entity> for EntitySuggestion {
    fn from(e: &Entity) -> EntitySuggestion {
        EntitySuggestion {
            start: e.start,
            end: e.end,
            label: e.label.as_str().to_string(),
            source: e.source.to_string(),
            confidence: e.confidence,
        }
    }
}
