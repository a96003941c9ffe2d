//! Rule-based suggestions of entities and quotations for news text (Indonesian first,
//! English too): text in, [`Suggestions`] out.
//!
//! Pipeline: [`doc`] tokenizes and splits sentences once; [`dates`] marks dates;
//! [`gazetteer`] finds listed names; [`entities`] applies capitalisation and context
//! rules and document-level consistency; [`quotes`] finds direct and indirect speech
//! with its cue; [`speakers`] links each quote to its speaker's entity.
//!
//! Offsets everywhere are Unicode code points (char indices into the `&str`), end
//! exclusive. The module uses only `std` and `aho-corasick` so that it can be built on
//! its own.

pub mod dates;
pub mod doc;
pub mod entities;
pub mod gazetteer;
pub mod lexicon;
pub mod quotes;
pub mod sentences;
pub mod speakers;
pub mod tokenizer;

#[cfg(test)]
mod sample_tests;

use doc::Doc;
use gazetteer::Gazetteer;
use lexicon::Lexicon;

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
        Span {
            start,
            end,
            label,
            source,
            confidence,
        }
    }
}

/// Holds the word lists and the gazetteer automaton; build once, analyse many texts.
pub struct Analyzer {
    lex: Lexicon,
    gaz: Gazetteer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    /// Builds from the gazetteers embedded in the binary.
    pub fn new() -> Analyzer {
        let lex = Lexicon::new();
        let gaz = Gazetteer::new(&lex);
        Analyzer { lex, gaz }
    }

    /// Suggests entities (sorted by start, not overlapping) and quotations.
    pub fn analyze(&self, text: &str) -> Suggestions {
        let doc = Doc::new(text);
        let entities = self.entities(text, &doc);
        let quotes = self.quotes(&doc, &entities);
        Suggestions { entities, quotes }
    }

    fn entities(&self, text: &str, doc: &Doc) -> Vec<EntitySuggestion> {
        let gaz = self.gaz.matches(text, &doc.chars, &doc.tokens);
        let date_spans = dates::find(doc);
        let mut used = vec![false; doc.tokens.len()];
        for s in &date_spans {
            for slot in used.get_mut(s.start..s.end).into_iter().flatten() {
                *slot = true;
            }
        }
        let mut rules = entities::Rules {
            doc,
            lex: &self.lex,
            gaz: &gaz,
            used,
        };
        let mut spans = rules.find();
        entities::propagate(doc, &self.lex, &mut spans, &mut rules.used);
        entities::extend_place_heads(doc, &mut spans, &mut rules.used);
        spans.extend(date_spans);
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

    fn quotes(&self, doc: &Doc, entities: &[EntitySuggestion]) -> Vec<QuoteSuggestion> {
        let direct = quotes::find_direct(doc, &self.lex);
        let indirect = quotes::find_indirect(doc, &self.lex, &direct);
        let mut raw: Vec<quotes::RawQuote> = direct.into_iter().chain(indirect).collect();
        raw.sort_by_key(|q| (q.start, q.end));
        let is_title = |w: &str| self.lex.titles.contains(w);
        let speakers = speakers::resolve_all(doc, entities, &raw, &is_title);
        let out: Vec<QuoteSuggestion> = raw
            .iter()
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
            .collect();
        out
    }
}
