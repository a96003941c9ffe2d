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
//! exclusive. The module uses only `std`, `aho-corasick` and `rustc-hash` (a fast
//! hasher for word lookups) so that it can be built on its own.

pub mod aliases;
pub mod asides;
pub mod coreference;
pub mod cues;
pub mod dates;
pub mod doc;
pub mod entities;
pub mod gazetteer;
pub mod indirect;
pub mod intervals;
pub mod lexicon;
pub mod quote_marks;
pub mod quotes;
pub mod sentences;
pub mod sources;
pub mod speaker_names;
pub mod speaker_subjects;
pub mod speakers;
pub mod tagger;
pub mod tokenizer;

#[cfg(test)]
mod quote_fixtures;
#[cfg(test)]
mod sample_tests;

use doc::Doc;
use lexicon::Lexicon;
use sources::{DateRules, EntitySource, NameRules, TaggerSource};
use std::sync::Arc;
use tagger::Tagger;

/// Offsets everywhere are Unicode code points (char indices into the &str), end exclusive.
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

/// Entity labels the rules produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    Person,
    Org,
    Loc,
    Date,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Date => "DATE",
        }
    }

    /// Reads the labels of the gazetteer files.
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "PERSON" | "PER" => Some(Label::Person),
            "ORG" => Some(Label::Org),
            "LOC" => Some(Label::Loc),
            "DATE" => Some(Label::Date),
            _ => None,
        }
    }
}

/// A labelled token range (`start..end` token indices) before conversion to chars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub source: &'static str,
    pub confidence: f32,
}

impl Span {
    pub fn new(start: usize, end: usize, label: Label, source: &'static str, confidence: f32) -> Span {
        Span { start, end, label, source, confidence }
    }
}

/// Holds the word lists and the entity sources; build once, analyse many texts.
pub struct Analyzer {
    lex: Arc<Lexicon>,
    /// Entity sources in priority order (see [`sources::merge`]).
    sources: Vec<Box<dyn EntitySource>>,
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
        let mut lex = Lexicon::new();
        lex.cues_after.extend(after.iter().map(|w| w.to_lowercase()));
        lex.cues_before.extend(before.iter().map(|w| w.to_lowercase()));
        self.lex = Arc::new(lex);
        self
    }

    /// The word lists the analyser reads (learning builds its features from them).
    pub fn lexicon(&self) -> &Arc<Lexicon> {
        &self.lex
    }

    /// An analyser over the given entity sources, earlier ones winning overlaps.
    pub fn with_sources(lex: Arc<Lexicon>, sources: Vec<Box<dyn EntitySource>>) -> Analyzer {
        Analyzer { lex, sources }
    }

    /// Suggests entities (sorted by start, not overlapping) and quotations.
    pub fn analyze(&self, text: &str) -> Suggestions {
        let doc = Doc::new(text);
        let mut entities = self.entities(text, &doc);
        let quotes = self.quotes(&doc, &mut entities);
        Suggestions { entities, quotes }
    }

    fn entities(&self, text: &str, doc: &Doc) -> Vec<EntitySuggestion> {
        let spans = sources::merge(&self.sources, text, doc);
        let mut out: Vec<EntitySuggestion> = spans
            .iter()
            .filter_map(|s| {
                let (start, end) = doc.char_span(s.start, s.end)?;
                Some(EntitySuggestion {
                    start,
                    end,
                    label: s.label.as_str().to_string(),
                    source: s.source.to_string(),
                    confidence: s.confidence,
                })
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
    fn quotes(&self, doc: &Doc, entities: &mut Vec<EntitySuggestion>) -> Vec<QuoteSuggestion> {
        let direct = quotes::find_direct(doc, &self.lex);
        let indirect = quotes::find_indirect(doc, &self.lex, &direct);
        let mut raw: Vec<quotes::RawQuote> = direct.into_iter().chain(indirect).collect();
        raw.sort_by_key(|q| (q.start, q.end));
        let speakers = speakers::link(doc, &self.lex, entities, &raw);
        raw.iter()
            .zip(speakers)
            .map(|(q, speaker)| QuoteSuggestion {
                start: q.start,
                end: q.end,
                kind: q.kind,
                speaker,
                cue: q.cue.and_then(|t| doc.char_span(t, t + 1)),
                source: "rules:quote".to_string(),
                confidence: q.confidence,
            })
            .collect()
    }
}
