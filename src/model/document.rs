//! A document: the article text exactly as read, and its annotations.

use std::path::PathBuf;
use std::sync::Arc;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::shared_list;
use super::sorted_spans::IdIndex;
use super::span_lookup::SpanReach;
use super::{Detached, Entity, LabelSet, Quote, SharedText, SpanRef, Status, TextIndex};

/// An article and its annotations.
///
/// `text` is kept exactly as read (a UTF-8 BOM stripped, CRLF kept), so that
/// every offset is true to the saved `text` and to the article file.
///
/// A clone is cheap: the text, the span lists and their indexes are shared
/// (`Arc`) and copied on write, so a snapshot handed to a save worker costs
/// reference counts, and only an edit made while that snapshot is still alive
/// copies the list it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The article file this document was read from.
    pub source: Option<PathBuf>,
    /// The first non-empty line of the text.
    pub title: String,
    pub text: SharedText,
    pub labels: LabelSet,
    /// Sorted by `(start, end, id)`. Outside the model only readable
    /// ([`Document::entities`]): spans change through edits.
    #[serde(with = "shared_list")]
    pub(super) entities: Arc<Vec<Entity>>,
    /// Sorted by `(start, end, id)`; readable through [`Document::quotes`].
    #[serde(with = "shared_list")]
    pub(super) quotes: Arc<Vec<Quote>>,
    /// Spans that could not be re-anchored after the article changed on disk.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub detached: Vec<Detached>,
    /// Set when the annotator marks the whole document as reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<DoneMark>,
    /// What an imported dataset brought that the model cannot hold (brat
    /// events, attributes, notes …), by format name, kept verbatim so that an
    /// export in that format writes it back. Absent from files that have none.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub extras: std::collections::BTreeMap<String, serde_json::Value>,
    #[serde(skip)]
    index: Arc<TextIndex>,
    /// How far spans reach, for lookups by position (see `span_lookup`).
    #[serde(skip)]
    pub(super) reach: SpanReach,
    /// Where spans are by id (see `sorted_spans`).
    #[serde(skip)]
    pub(super) entity_ids: Arc<IdIndex>,
    #[serde(skip)]
    pub(super) quote_ids: Arc<IdIndex>,
}

/// Who marked a document done, and when (RFC 3339 UTC).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DoneMark {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
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

impl Default for Document {
    /// An empty document (what `std::mem::take` leaves behind while a
    /// document is rebuilt with [`Document::with_spans`]).
    fn default() -> Self {
        Self::new(String::new(), None)
    }
}

impl Document {
    /// A document with no annotations yet.
    pub fn new(text: String, source: Option<PathBuf>) -> Self {
        let text = SharedText::from(text);
        let index = Arc::new(TextIndex::new(&text));
        Self {
            source,
            title: title_of(&text),
            text,
            labels: LabelSet::default(),
            entities: Arc::default(),
            quotes: Arc::default(),
            detached: Vec::new(),
            done: None,
            extras: Default::default(),
            index,
            reach: SpanReach::default(),
            entity_ids: Arc::default(),
            quote_ids: Arc::default(),
        }
    }

    /// Checks annotations read from a file against the text and restores the
    /// derived state; the only way a deserialised document enters the app.
    pub fn validated(mut self) -> Result<Self, DocumentError> {
        self.index = Arc::new(TextIndex::new(&self.text));
        let mut ids = std::collections::HashSet::new();
        let entity_spans = self.entities.iter().map(|e| (&e.id, e.start, e.end, &e.text));
        let quote_spans = self.quotes.iter().map(|q| (&q.id, q.start, q.end, &q.text));
        let cue_spans = self.quotes.iter().filter_map(|q| q.cue.as_ref().map(|c| (&q.id, c.start, c.end, &c.text)));
        for (id, start, end, claimed) in entity_spans.chain(quote_spans).chain(cue_spans) {
            self.check_span(id, start, end, claimed)?;
        }
        for id in self.entities.iter().map(|e| &e.id).chain(self.quotes.iter().map(|q| &q.id)) {
            if !ids.insert(id.clone()) {
                return Err(DocumentError::DuplicateId(id.to_string()));
            }
        }
        for quote in self.quotes.iter() {
            if let Some(speaker) = &quote.speaker {
                if self.entity(speaker).is_none() {
                    return Err(DocumentError::UnknownSpeaker {
                        quote: quote.id.to_string(),
                        speaker: speaker.to_string(),
                    });
                }
            }
        }
        for entity in self.entities.iter() {
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

    /// The entities, sorted by `(start, end, id)`.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The quotations, sorted by `(start, end, id)`.
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// This document with `entities` and `quotes` as its spans (sorted and
    /// indexed here). How a document is built from parts — by the analysis,
    /// an importer, a merge of annotators' versions, a test — before anyone
    /// reviews it; once under review, spans change only through edits
    /// ([`Document::apply`]). Call [`Document::validated`] on spans from
    /// outside the program.
    pub fn with_spans(mut self, entities: Vec<Entity>, quotes: Vec<Quote>) -> Self {
        self.entities = Arc::new(entities);
        self.quotes = Arc::new(quotes);
        self.sort_spans();
        self
    }

    /// Byte offset in `text` of a code-point offset (which may be the end).
    pub fn byte_of(&self, char_offset: usize) -> Option<usize> {
        self.index.byte_of(&self.text, char_offset)
    }

    /// Code-point offset of a byte offset of `text` on a char boundary.
    pub fn char_of(&self, byte_offset: usize) -> Option<usize> {
        self.index.char_of(&self.text, byte_offset)
    }

    pub fn char_len(&self) -> usize {
        self.index.char_len()
    }

    /// The text between two code-point offsets.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        self.index.slice(&self.text, start, end)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_ids.position(&self.entities, id).and_then(|i| self.entities.get(i))
    }

    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quote_ids.position(&self.quotes, id).and_then(|i| self.quotes.get(i))
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

    /// How many annotations still wait for review.
    pub fn open_suggestion_count(&self) -> usize {
        let open = |s: Status| s == Status::Suggested;
        self.entities.iter().filter(|e| open(e.status)).count() + self.quotes.iter().filter(|q| open(q.status)).count()
    }

    /// Annotations still waiting for review, in reading order.
    pub fn open_suggestions(&self) -> Vec<SpanRef> {
        let mut open = Vec::new();
        let mut here = None;
        while let Some(next) = self.next_open(here.as_ref()) {
            here = Some(next.clone());
            open.push(next);
        }
        open
    }

    /// The open suggestion after (or, with `backwards`, before) `current`,
    /// wrapping around; the first one when nothing is selected. Reading order:
    /// by start, a quote before the entities inside it.
    pub fn neighbour_suggestion(&self, current: Option<&SpanRef>, backwards: bool) -> Option<SpanRef> {
        let step = |from: Option<&SpanRef>| if backwards { self.previous_open(from) } else { self.next_open(from) };
        step(current).or_else(|| step(None))
    }

    /// Where `span` stands in reading order.
    fn reading_key(&self, span: &SpanRef) -> Option<ReadingKey> {
        let (start, end) = self.range_of(span)?;
        Some((start, std::cmp::Reverse(end), matches!(span, SpanRef::Entity(_)), span.id().into()))
    }

    /// The first open suggestion after `from` (from the start if None).
    fn next_open(&self, from: Option<&SpanRef>) -> Option<SpanRef> {
        let here = from.and_then(|s| self.reading_key(s));
        let after = |key: &ReadingKey| here.as_ref().is_none_or(|h| key > h);
        let start = here.as_ref().map_or(0, |h| h.0);
        let entity = first_open(&self.entities, start, |e| e.status, entity_key, &after);
        let quote = first_open(&self.quotes, start, |q| q.status, quote_key, &after);
        [entity, quote].into_iter().flatten().min().map(key_to_span)
    }

    /// The last open suggestion before `from` (from the end if None).
    fn previous_open(&self, from: Option<&SpanRef>) -> Option<SpanRef> {
        let here = from.and_then(|s| self.reading_key(s));
        let before = |key: &ReadingKey| here.as_ref().is_none_or(|h| key < h);
        let end = here.as_ref().map_or(usize::MAX, |h| h.0);
        let entity = last_open(&self.entities, end, |e| e.status, entity_key, &before);
        let quote = last_open(&self.quotes, end, |q| q.status, quote_key, &before);
        [entity, quote].into_iter().flatten().max().map(key_to_span)
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

    /// Restores the order (and the derived reach) after annotations changed,
    /// and gives back the lists' spare room: documents are built in bulk and
    /// then edited a span at a time, and on a 20,000-span document the slack
    /// of a doubling `Vec` is megabytes.
    pub(super) fn sort_spans(&mut self) {
        let entities = self.entities_mut();
        entities.shrink_to_fit();
        entities.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
        let quotes = self.quotes_mut();
        quotes.shrink_to_fit();
        quotes.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
        self.reach = SpanReach::of(&self.entities, &self.quotes);
        self.entity_ids = Arc::new(IdIndex::of(&self.entities));
        self.quote_ids = Arc::new(IdIndex::of(&self.quotes));
    }

    /// The entities to change in place: copied first if a clone still shares them.
    pub(super) fn entities_mut(&mut self) -> &mut Vec<Entity> {
        Arc::make_mut(&mut self.entities)
    }

    /// The quotes to change in place: copied first if a clone still shares them.
    pub(super) fn quotes_mut(&mut self) -> &mut Vec<Quote> {
        Arc::make_mut(&mut self.quotes)
    }
}

/// Reading order of a span: start, longer first, quotes before entities, id.
type ReadingKey = (usize, std::cmp::Reverse<usize>, bool, CompactString);

fn entity_key(e: &Entity) -> ReadingKey {
    (e.start, std::cmp::Reverse(e.end), true, e.id.clone())
}

fn quote_key(q: &Quote) -> ReadingKey {
    (q.start, std::cmp::Reverse(q.end), false, q.id.clone())
}

fn key_to_span(key: ReadingKey) -> SpanRef {
    if key.2 {
        SpanRef::Entity(key.3)
    } else {
        SpanRef::Quote(key.3)
    }
}

/// The smallest key of an open record starting at or after `start` that
/// passes `wanted`; scans from a binary search and stops once later records
/// cannot be smaller. `items` is sorted by start.
fn first_open<T>(
    items: &[T],
    start: usize,
    status: impl Fn(&T) -> Status,
    key: impl Fn(&T) -> ReadingKey,
    wanted: &impl Fn(&ReadingKey) -> bool,
) -> Option<ReadingKey> {
    let from = items.partition_point(|item| key(item).0 < start);
    let mut best: Option<ReadingKey> = None;
    for item in items.get(from..).unwrap_or_default() {
        let k = key(item);
        if best.as_ref().is_some_and(|b| k.0 > b.0) {
            break;
        }
        if status(item) == Status::Suggested && wanted(&k) && best.as_ref().is_none_or(|b| &k < b) {
            best = Some(k);
        }
    }
    best
}

/// The largest key of an open record starting at or before `end` that passes
/// `wanted`; the mirror of [`first_open`].
fn last_open<T>(
    items: &[T],
    end: usize,
    status: impl Fn(&T) -> Status,
    key: impl Fn(&T) -> ReadingKey,
    wanted: &impl Fn(&ReadingKey) -> bool,
) -> Option<ReadingKey> {
    let past = items.partition_point(|item| key(item).0 <= end);
    let mut best: Option<ReadingKey> = None;
    for item in items.get(..past).unwrap_or_default().iter().rev() {
        let k = key(item);
        if best.as_ref().is_some_and(|b| k.0 < b.0) {
            break;
        }
        if status(item) == Status::Suggested && wanted(&k) && best.as_ref().is_none_or(|b| &k > b) {
            best = Some(k);
        }
    }
    best
}

/// The first non-empty line, trimmed.
fn title_of(text: &str) -> String {
    text.lines().map(str::trim).find(|line| !line.is_empty()).unwrap_or_default().to_owned()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{QuoteKind, Status};

    /// A suggested PERSON over `start..end` of `doc`, for tests of the model.
    pub(in crate::model) fn entity(id: &str, doc: &Document, start: usize, end: usize) -> Entity {
        Entity {
            id: id.into(),
            start,
            end,
            label: "PERSON".into(),
            text: doc.slice(start, end).unwrap().into(),
            status: Status::Suggested,
            source: "test".into(),
            confidence: None,
            annotator: None,
            changed_at: None,
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
        doc.entities_mut().push(e);
        assert!(matches!(doc.validated(), Err(DocumentError::TextMismatch { .. })));
    }

    #[test]
    fn validation_rejects_unknown_speaker_and_out_of_range() {
        let mut doc = Document::new("“Ya,” kata Ana.".into(), None);
        doc.quotes_mut().push(Quote {
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
            annotator: None,
            changed_at: None,
        });
        assert!(matches!(doc.clone().validated(), Err(DocumentError::UnknownSpeaker { .. })));
        doc.quotes_mut().clear();
        let out_of_range = Entity { start: 10, end: 99, ..entity("e1", &doc, 11, 14) };
        doc.entities_mut().push(out_of_range);
        assert!(matches!(doc.validated(), Err(DocumentError::OutOfRange { .. })));
    }

    #[test]
    fn navigation_visits_open_suggestions_in_reading_order_and_wraps() {
        let mut doc = Document::new("Ana 😀 met Budi in Jakarta.".into(), None);
        let (a, b, c) = (entity("e1", &doc, 0, 3), entity("e2", &doc, 10, 14), entity("e3", &doc, 18, 25));
        *doc.entities_mut() = vec![c, a, b];
        doc.entities_mut()[2].status = Status::Accepted; // e2 reviewed: skipped
        let doc = doc.validated().unwrap();
        let first = doc.neighbour_suggestion(None, false).unwrap();
        assert_eq!(first, SpanRef::Entity("e1".into()));
        let second = doc.neighbour_suggestion(Some(&first), false).unwrap();
        assert_eq!(second, SpanRef::Entity("e3".into()));
        assert_eq!(doc.neighbour_suggestion(Some(&second), false).unwrap(), first);
        assert_eq!(doc.neighbour_suggestion(Some(&first), true).unwrap(), second);
    }

    #[test]
    fn reading_order_matches_a_sort_of_all_open_spans() {
        // Nested quotes and entities, statuses mixed, an emoji and CRLF.
        let text = "“Ana 😀 dan Budi,” kata Citra.\r\n“Dedi ke Jakarta,” ujar Eka di Bandung.";
        let mut doc = Document::new(text.into(), None);
        let words: Vec<(usize, usize)> = [(1, 4), (11, 15), (24, 29), (33, 37), (41, 48), (56, 59), (63, 70)].into();
        for (i, (s, e)) in words.iter().enumerate() {
            doc.apply(&doc.add_entity_edit(*s, *e, "PERSON").unwrap()).unwrap();
            if i % 3 == 1 {
                doc.apply(&doc.accept_edit(&SpanRef::Entity(format!("e{}", i + 1).into())).unwrap()).unwrap();
            }
        }
        for (s, e) in [(0, 18), (31, 50)] {
            doc.apply(&doc.add_quote_edit(s, e, QuoteKind::Direct).unwrap()).unwrap();
        }
        for entity in doc.entities_mut().iter_mut().filter(|e| e.status == Status::Manual) {
            entity.status = Status::Suggested;
        }
        for quote in doc.quotes_mut().iter_mut() {
            quote.status = Status::Suggested;
        }
        let doc = doc.validated().unwrap();
        let mut expected: Vec<(usize, std::cmp::Reverse<usize>, bool, SpanRef)> = doc
            .entities
            .iter()
            .filter(|e| e.status == Status::Suggested)
            .map(|e| (e.start, std::cmp::Reverse(e.end), true, SpanRef::Entity(e.id.clone())))
            .chain(doc.quotes.iter().map(|q| (q.start, std::cmp::Reverse(q.end), false, SpanRef::Quote(q.id.clone()))))
            .collect();
        expected.sort_by_key(|k| (k.0, k.1, k.2));
        let expected: Vec<SpanRef> = expected.into_iter().map(|k| k.3).collect();
        assert_eq!(doc.open_suggestions(), expected);
        assert_eq!(doc.open_suggestion_count(), expected.len());
        assert_eq!(doc.neighbour_suggestion(expected.last(), false).as_ref(), expected.first(), "wraps");
        for pair in expected.windows(2) {
            assert_eq!(doc.neighbour_suggestion(Some(&pair[1]), true).as_ref(), Some(&pair[0]));
        }
    }

    #[test]
    fn a_clone_shares_text_and_spans_until_one_of_them_is_edited() {
        let mut doc = Document::new("“Ana 😀,” kata Budi.\r\nCitra di Bandung.".into(), None);
        doc.apply(&doc.add_entity_edit(14, 18, "PERSON").unwrap()).unwrap();
        let snapshot = doc.clone();
        assert!(Arc::ptr_eq(&doc.entities, &snapshot.entities) && Arc::ptr_eq(&doc.entity_ids, &snapshot.entity_ids));
        doc.apply(&doc.add_entity_edit(21, 26, "PERSON").unwrap()).unwrap();
        assert!(!Arc::ptr_eq(&doc.entities, &snapshot.entities), "the edit copied the list it changed");
        assert_eq!(snapshot.entities().iter().map(|e| e.text.as_str()).collect::<Vec<_>>(), ["Budi"]);
        assert_eq!(doc.entities().iter().map(|e| e.text.as_str()).collect::<Vec<_>>(), ["Budi", "Citra"]);
        assert_eq!(snapshot.entity("e2"), None);
        assert!(std::ptr::eq(doc.text.as_str(), snapshot.text.as_str()), "the text stays shared");
        // Alone again, a list is changed in place.
        drop(snapshot);
        let before = Arc::as_ptr(&doc.entities);
        doc.apply(&doc.accept_edit(&SpanRef::Entity("e1".into())).unwrap()).unwrap();
        assert_eq!(Arc::as_ptr(&doc.entities), before);
    }

    #[test]
    fn fresh_ids_never_repeat() {
        let mut doc = Document::new("Ana dan Budi".into(), None);
        let e7 = entity("e7", &doc, 0, 3);
        doc.entities_mut().push(e7);
        assert_eq!(doc.fresh_id("e"), "e8");
        assert_eq!(doc.fresh_id("q"), "q1");
    }
}
