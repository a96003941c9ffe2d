//! A document being rebuilt from an imported file: spans are added by label
//! and checked against the text, links by relation type, then validated.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{ImportSummary, CUE, CUE_OF, DIRECT_QUOTE, INDIRECT_QUOTE, SAID_BY};
use crate::model::{Cue, Document, Entity, Quote, QuoteKind, Status};

/// An imported span, as relations refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SpanId {
    Entity(String),
    Quote(String),
    /// Index into the draft's cue spans, waiting for a `CUE_OF` link.
    Cue(usize),
}

pub(crate) struct Draft {
    /// The text (for offsets and slices); its spans are set when it is finished.
    doc: Document,
    entities: Vec<Entity>,
    quotes: Vec<Quote>,
    origin: String,
    cues: Vec<(usize, usize)>,
    /// Which of `cues` a `CUE_OF` link has given to a quote.
    linked_cues: Vec<bool>,
}

impl Draft {
    /// `origin` names the format in each span's `source` (`import:brat`).
    pub fn new(text: String, source: Option<PathBuf>, origin: &str) -> Self {
        let mut doc = Document::new(text, source);
        doc.title = crate::project::decode::short_title(&doc.title);
        Self {
            doc,
            entities: Vec::new(),
            quotes: Vec::new(),
            origin: format!("import:{origin}"),
            cues: Vec::new(),
            linked_cues: Vec::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.doc.text
    }

    /// The text between two code-point offsets, if they are in range and ordered
    /// (found through the document's index, not by walking the text).
    pub fn covered(&self, start: usize, end: usize) -> Option<&str> {
        if start > end {
            return None;
        }
        self.doc.slice(start, end)
    }

    /// Adds a span by its exported label: a quote, a cue or an entity.
    pub fn span(&mut self, start: usize, end: usize, label: &str, status: Status) -> Result<SpanId, String> {
        let text = self.slice(start, end)?;
        check_label(label)?;
        match label {
            DIRECT_QUOTE => Ok(self.quote(start, end, text, QuoteKind::Direct, status)),
            INDIRECT_QUOTE => Ok(self.quote(start, end, text, QuoteKind::Indirect, status)),
            CUE => {
                self.cues.push((start, end));
                self.linked_cues.push(false);
                Ok(SpanId::Cue(self.cues.len() - 1))
            }
            _ => Ok(self.entity(start, end, text, label, status)),
        }
    }

    /// Links two spans by a relation type: `SAID_BY` (quote → speaker) or
    /// `CUE_OF` (cue → quote).
    pub fn relate(&mut self, from: &SpanId, to: &SpanId, kind: &str) -> Result<(), String> {
        match (kind, from, to) {
            (SAID_BY, SpanId::Quote(quote), SpanId::Entity(entity)) => {
                let quote = self.quote_mut(quote)?;
                if let Some(first) = &quote.speaker {
                    return Err(format!("a second {SAID_BY} for one quote (its speaker is already {first})"));
                }
                quote.speaker = Some(entity.clone().into());
                Ok(())
            }
            (CUE_OF, SpanId::Cue(cue), SpanId::Quote(quote)) => {
                let (start, end) = self.cues.get(*cue).copied().ok_or("unknown cue")?;
                // One speech verb may introduce two quotes: each gets a copy.
                let text = self.slice(start, end)?;
                let quote = self.quote_mut(quote)?;
                if quote.cue.is_some() {
                    return Err(format!("a second {CUE_OF} for one quote"));
                }
                quote.cue = Some(Cue { start, end, text: text.into() });
                if let Some(linked) = self.linked_cues.get_mut(*cue) {
                    *linked = true;
                }
                Ok(())
            }
            (SAID_BY | CUE_OF, _, _) => Err(format!("a {kind} relation links the wrong kinds of spans")),
            _ => Err(format!("unknown relation type {kind:?} (expected {SAID_BY} or {CUE_OF})")),
        }
    }

    /// The score a format gave the span (Label Studio's `score`).
    pub fn set_confidence(&mut self, id: &SpanId, confidence: f32) {
        match id {
            SpanId::Entity(id) => {
                if let Some(e) = self.entities.iter_mut().find(|e| e.id.as_str() == id.as_str()) {
                    e.confidence = Some(confidence);
                }
            }
            SpanId::Quote(id) => {
                if let Some(q) = self.quotes.iter_mut().find(|q| q.id.as_str() == id.as_str()) {
                    q.confidence = Some(confidence);
                }
            }
            SpanId::Cue(_) => {}
        }
    }

    /// Keeps what the model cannot hold under the format's name.
    pub fn set_extras(&mut self, format: &str, value: serde_json::Value) {
        self.doc.extras.insert(format.to_owned(), value);
    }

    /// The validated document; cues never linked to a quote are left out and
    /// counted in `summary`.
    pub fn finish(self, summary: &mut ImportSummary) -> Result<Document, String> {
        let unlinked = self.linked_cues.iter().filter(|linked| !**linked).count();
        summary.leave_out(unlinked, "cues linked to no quote (a cue belongs to a quote in Sorot)");
        self.doc.with_spans(self.entities, self.quotes).validated().map_err(|e| e.to_string())
    }

    fn slice(&self, start: usize, end: usize) -> Result<String, String> {
        if start > end {
            return Err(format!("reversed span {start}..{end}: its end comes before its start"));
        }
        if start == end {
            return Err(format!("empty span {start}..{end}"));
        }
        self.doc
            .slice(start, end)
            .map(str::to_owned)
            .ok_or_else(|| format!("span {start}..{end} lies outside the text ({} code points)", self.doc.char_len()))
    }

    fn entity(&mut self, start: usize, end: usize, text: String, label: &str, status: Status) -> SpanId {
        let id = format!("e{}", self.entities.len() + 1);
        self.entities.push(Entity {
            id: id.clone().into(),
            start,
            end,
            label: label.into(),
            text: text.into(),
            status,
            source: self.origin.clone().into(),
            confidence: None,
            annotator: None,
            changed_at: None,
        });
        SpanId::Entity(id)
    }

    fn quote(&mut self, start: usize, end: usize, text: String, kind: QuoteKind, status: Status) -> SpanId {
        let id = format!("q{}", self.quotes.len() + 1);
        self.quotes.push(Quote {
            id: id.clone().into(),
            start,
            end,
            text: text.into(),
            kind,
            speaker: None,
            cue: None,
            status,
            source: self.origin.clone().into(),
            confidence: None,
            annotator: None,
            changed_at: None,
        });
        SpanId::Quote(id)
    }

    fn quote_mut(&mut self, id: &str) -> Result<&mut Quote, String> {
        self.quotes.iter_mut().find(|q| q.id == id).ok_or_else(|| format!("unknown quote {id}"))
    }
}

/// A label must be a name: not empty, no whitespace (formats separate on it).
pub(crate) fn check_label(label: &str) -> Result<(), String> {
    if label.is_empty() || label.chars().any(char::is_whitespace) {
        return Err(format!("unknown label {label:?}: labels are non-empty names without spaces"));
    }
    Ok(())
}

/// Resolves a format's span ids (`T3`, `12`, `"abc"`) to draft spans.
pub(crate) type SpanIds = HashMap<String, SpanId>;

/// The label a span of the model is exported under.
pub(crate) fn quote_label(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => DIRECT_QUOTE,
        QuoteKind::Indirect => INDIRECT_QUOTE,
    }
}
