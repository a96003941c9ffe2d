//! A document: the article text exactly as read, and its annotations.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::span_lookup::SpanReach;
use super::{Entity, LabelSet, Quote, SpanRef, Status, TextIndex};

/// An article and its annotations.
///
/// `text` is kept exactly as read (a UTF-8 BOM stripped, CRLF kept), so that
/// every offset is true to the saved `text` and to the article file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The article file this document was read from.
    pub source: Option<PathBuf>,
    /// The first non-empty line of the text.
    pub title: String,
    pub text: String,
    pub labels: LabelSet,
    /// Sorted by `(start, end, id)`.
    pub entities: Vec<Entity>,
    /// Sorted by `(start, end, id)`.
    pub quotes: Vec<Quote>,
    #[serde(skip)]
    index: TextIndex,
    /// How far spans reach, for lookups by position (see `span_lookup`).
    #[serde(skip)]
    pub(super) reach: SpanReach,
}

/// Why loaded annotations do not fit their text.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DocumentError {
    #[error("{id}: span {start}..{end} lies outside the text ({len} code points)")]
    OutOfRange { id: String, start: usize, end: usize, len: usize },
    #[error("{id}: says its text is {claimed:?} but the text at {start}..{end} is {actual:?}")]
    TextMismatch { id: String, start: usize, end: usize, claimed: String, actual: String },
    #[error("{quote}: speaker {speaker} is not an entity of this document")]
    UnknownSpeaker { quote: String, speaker: String },
    #[error("two annotations share the id {0}")]
    DuplicateId(String),
}

impl Document {
    /// A document with no annotations yet.
    pub fn new(text: String, source: Option<PathBuf>) -> Self {
        let index = TextIndex::new(&text);
        Self {
            source,
            title: title_of(&text),
            text,
            labels: LabelSet::default(),
            entities: Vec::new(),
            quotes: Vec::new(),
            index,
            reach: SpanReach::default(),
        }
    }

    /// Checks annotations read from a file against the text and restores the
    /// derived state; the only way a deserialised document enters the app.
    pub fn validated(mut self) -> Result<Self, DocumentError> {
        self.index = TextIndex::new(&self.text);
        let mut ids = std::collections::HashSet::new();
        let entity_spans = self.entities.iter().map(|e| (&e.id, e.start, e.end, &e.text));
        let quote_spans = self.quotes.iter().map(|q| (&q.id, q.start, q.end, &q.text));
        let cue_spans = self.quotes.iter().filter_map(|q| q.cue.as_ref().map(|c| (&q.id, c.start, c.end, &c.text)));
        for (id, start, end, claimed) in entity_spans.chain(quote_spans).chain(cue_spans) {
            self.check_span(id, start, end, claimed)?;
        }
        for id in self.entities.iter().map(|e| &e.id).chain(self.quotes.iter().map(|q| &q.id)) {
            if !ids.insert(id.clone()) {
                return Err(DocumentError::DuplicateId(id.clone()));
            }
        }
        for quote in &self.quotes {
            if let Some(speaker) = &quote.speaker {
                if self.entity(speaker).is_none() {
                    return Err(DocumentError::UnknownSpeaker { quote: quote.id.clone(), speaker: speaker.clone() });
                }
            }
        }
        for entity in &self.entities {
            self.labels.ensure(&entity.label);
        }
        self.sort_spans();
        Ok(self)
    }

    fn check_span(&self, id: &str, start: usize, end: usize, claimed: &str) -> Result<(), DocumentError> {
        let actual = self.slice(start, end).ok_or_else(|| DocumentError::OutOfRange {
            id: id.to_owned(),
            start,
            end,
            len: self.char_len(),
        })?;
        if actual != claimed {
            return Err(DocumentError::TextMismatch {
                id: id.to_owned(),
                start,
                end,
                claimed: claimed.to_owned(),
                actual: actual.to_owned(),
            });
        }
        Ok(())
    }

    pub fn index(&self) -> &TextIndex {
        &self.index
    }

    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// The text between two code-point offsets.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        self.index.slice(&self.text, start, end)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.id == id)
    }

    /// Start and end of the annotation `span` refers to.
    pub fn range_of(&self, span: &SpanRef) -> Option<(usize, usize)> {
        match span {
            SpanRef::Entity(id) => self.entity(id).map(|e| (e.start, e.end)),
            SpanRef::Quote(id) => self.quote(id).map(|q| (q.start, q.end)),
        }
    }

    /// A fresh id with `prefix` (`e` for entities, `q` for quotes).
    pub fn fresh_id(&self, prefix: &str) -> String {
        let taken = self
            .entities
            .iter()
            .map(|e| &e.id)
            .chain(self.quotes.iter().map(|q| &q.id))
            .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{}", taken + 1)
    }

    /// Annotations still waiting for review, in reading order.
    pub fn open_suggestions(&self) -> Vec<SpanRef> {
        let mut open: Vec<(usize, usize, SpanRef)> = self
            .entities
            .iter()
            .filter(|e| e.status == Status::Suggested)
            .map(|e| (e.start, e.end, SpanRef::Entity(e.id.clone())))
            .chain(
                self.quotes
                    .iter()
                    .filter(|q| q.status == Status::Suggested)
                    .map(|q| (q.start, q.end, SpanRef::Quote(q.id.clone()))),
            )
            .collect();
        // A quote before the entities inside it: it is read first.
        open.sort_by_key(|(start, end, span)| (*start, std::cmp::Reverse(*end), matches!(span, SpanRef::Entity(_))));
        open.into_iter().map(|(_, _, span)| span).collect()
    }

    /// The open suggestion after (or, with `backwards`, before) `current`,
    /// wrapping around; the first one when nothing is selected.
    pub fn neighbour_suggestion(&self, current: Option<&SpanRef>, backwards: bool) -> Option<SpanRef> {
        let open = self.open_suggestions();
        if open.is_empty() {
            return None;
        }
        let position_key = |span: &SpanRef| {
            self.range_of(span).map(|(s, e)| (s, std::cmp::Reverse(e), matches!(span, SpanRef::Entity(_))))
        };
        let Some(here) = current.and_then(position_key) else {
            return if backwards { open.last().cloned() } else { open.first().cloned() };
        };
        let found = if backwards {
            open.iter().rev().find(|s| position_key(s).is_some_and(|k| k < here))
        } else {
            open.iter().find(|s| position_key(s).is_some_and(|k| k > here))
        };
        found.or(if backwards { open.last() } else { open.first() }).cloned()
    }

    /// `start..end` without the whitespace at its ends (mouse selections are sloppy).
    pub fn trim_range(&self, start: usize, end: usize) -> (usize, usize) {
        let chars: Vec<char> = self.slice(start, end).unwrap_or_default().chars().collect();
        let leading = chars.iter().take_while(|c| c.is_whitespace()).count();
        let trailing = chars[leading..].iter().rev().take_while(|c| c.is_whitespace()).count();
        (start + leading, end - trailing)
    }

    /// Innermost entity covering code point `at`, else the quote covering it.
    pub fn span_at(&self, at: usize) -> Option<SpanRef> {
        let entity = self.entities.iter().filter(|e| e.start <= at && at < e.end).min_by_key(|e| e.end - e.start);
        if let Some(e) = entity {
            return Some(SpanRef::Entity(e.id.clone()));
        }
        self.quotes
            .iter()
            .filter(|q| q.start <= at && at < q.end)
            .min_by_key(|q| q.end - q.start)
            .map(|q| SpanRef::Quote(q.id.clone()))
    }

    /// Restores the order (and the derived reach) after annotations changed.
    pub fn sort_spans(&mut self) {
        self.entities.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
        self.quotes.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
        self.reach = SpanReach::of(&self.entities, &self.quotes);
    }
}

/// The first non-empty line, trimmed.
fn title_of(text: &str) -> String {
    text.lines().map(str::trim).find(|line| !line.is_empty()).unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{QuoteKind, Status};

    fn entity(id: &str, doc: &Document, start: usize, end: usize) -> Entity {
        Entity {
            id: id.into(),
            start,
            end,
            label: "PERSON".into(),
            text: doc.slice(start, end).unwrap().into(),
            status: Status::Suggested,
            source: "test".into(),
            confidence: None,
        }
    }

    #[test]
    fn title_is_first_non_empty_line_with_crlf() {
        let doc = Document::new("\r\n  Judul 😀 “Berita”\r\nIsi".into(), None);
        assert_eq!(doc.title, "Judul 😀 “Berita”");
    }

    #[test]
    fn validation_rejects_text_that_does_not_match_offsets() {
        let mut doc = Document::new("“Ya 😀,” kata Putin.\r\n".into(), None);
        let mut e = entity("e1", &doc, 13, 18);
        assert_eq!(e.text, "Putin");
        e.start += 1; // now points at "utin." but still claims "Putin"
        e.end += 1;
        doc.entities.push(e);
        assert!(matches!(doc.validated(), Err(DocumentError::TextMismatch { .. })));
    }

    #[test]
    fn validation_rejects_unknown_speaker_and_out_of_range() {
        let mut doc = Document::new("“Ya,” kata Ana.".into(), None);
        doc.quotes.push(Quote {
            id: "q1".into(),
            start: 0,
            end: 5,
            text: "“Ya,”".into(),
            kind: QuoteKind::Direct,
            speaker: Some("e9".into()),
            cue: None,
            status: Status::Suggested,
            source: "test".into(),
            confidence: None,
        });
        assert!(matches!(doc.clone().validated(), Err(DocumentError::UnknownSpeaker { .. })));
        doc.quotes.clear();
        doc.entities.push(Entity { start: 10, end: 99, ..entity("e1", &doc, 11, 14) });
        assert!(matches!(doc.validated(), Err(DocumentError::OutOfRange { .. })));
    }

    #[test]
    fn navigation_visits_open_suggestions_in_reading_order_and_wraps() {
        let mut doc = Document::new("Ana 😀 met Budi in Jakarta.".into(), None);
        let (a, b, c) = (entity("e1", &doc, 0, 3), entity("e2", &doc, 10, 14), entity("e3", &doc, 18, 25));
        doc.entities = vec![c, a, b];
        doc.entities[2].status = Status::Accepted; // e2 reviewed: skipped
        let doc = doc.validated().unwrap();
        let first = doc.neighbour_suggestion(None, false).unwrap();
        assert_eq!(first, SpanRef::Entity("e1".into()));
        let second = doc.neighbour_suggestion(Some(&first), false).unwrap();
        assert_eq!(second, SpanRef::Entity("e3".into()));
        assert_eq!(doc.neighbour_suggestion(Some(&second), false).unwrap(), first);
        assert_eq!(doc.neighbour_suggestion(Some(&first), true).unwrap(), second);
    }

    #[test]
    fn fresh_ids_never_repeat() {
        let mut doc = Document::new("Ana dan Budi".into(), None);
        doc.entities.push(entity("e7", &doc, 0, 3));
        assert_eq!(doc.fresh_id("e"), "e8");
        assert_eq!(doc.fresh_id("q"), "q1");
    }
}
