//! Re-anchoring: when an article changed on disk since its annotations were
//! saved, each span is placed again where its text now is, or set aside.
//!
//! A span keeps its place when the text there is unchanged (before the edit,
//! or after it shifted by the edit's length change); otherwise it goes to the
//! occurrence of its text nearest to where it was expected. A span whose text
//! no longer occurs is moved to [`Document::detached`] with its old offsets and
//! status, and listed in the report: nothing is misplaced or lost silently.
//! Offsets are code points throughout, so emoji and CRLF cost nothing special.

use super::{Cue, Detached, Document, DocumentError, Entity, Quote, SpanRef, TextIndex};

/// What re-anchoring did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchorReport {
    /// Spans now at another offset: `(span, old start, new start)`.
    pub moved: Vec<(SpanRef, usize, usize)>,
    /// Spans whose text is no longer in the article (kept in `Document::detached`).
    pub detached: Vec<SpanRef>,
    /// Previously detached spans whose text is back.
    pub reattached: Vec<SpanRef>,
    /// Quotes whose cue was not found again (cue dropped) or whose speaker was detached.
    pub quotes_loosened: Vec<String>,
}

impl AnchorReport {
    /// True when some span moved or was set aside: the annotator should be told.
    pub fn has_changes(&self) -> bool {
        !(self.moved.is_empty()
            && self.detached.is_empty()
            && self.reattached.is_empty()
            && self.quotes_loosened.is_empty())
    }

    /// One line for the status bar: `"berita.txt changed on disk: 3 spans moved, 1 flagged (e4)"`.
    pub fn summary(&self, article: &str) -> String {
        let ids = |spans: &[SpanRef]| spans.iter().map(SpanRef::id).collect::<Vec<_>>().join(", ");
        let mut parts = vec![format!("{} span(s) moved", self.moved.len())];
        if !self.detached.is_empty() {
            parts.push(format!("{} flagged, text no longer found: {}", self.detached.len(), ids(&self.detached)));
        }
        if !self.reattached.is_empty() {
            parts.push(format!("{} flagged span(s) found again: {}", self.reattached.len(), ids(&self.reattached)));
        }
        if !self.quotes_loosened.is_empty() {
            parts.push(format!("cue or speaker lost on {}", self.quotes_loosened.join(", ")));
        }
        format!("{article} changed since its annotations were saved; spans re-anchored: {}", parts.join("; "))
    }
}

/// `saved` moved onto `text`, the article as it is now. Returns `saved`
/// untouched (and an empty report) when the text did not change.
pub fn reanchor(saved: Document, text: String) -> Result<(Document, AnchorReport), DocumentError> {
    if saved.text == text {
        return Ok((saved, AnchorReport::default()));
    }
    let finder = Finder::new(&saved.text, text.clone());
    let mut report = AnchorReport::default();
    let mut doc = Document::new(text, saved.source.clone());
    doc.title = saved.title.clone();
    doc.labels = saved.labels.clone();
    doc.done = saved.done.clone();
    for entity in std::sync::Arc::unwrap_or_clone(saved.entities) {
        place_entity(&finder, &mut doc, entity, &mut report, false);
    }
    for quote in std::sync::Arc::unwrap_or_clone(saved.quotes) {
        place_quote(&finder, &mut doc, quote, &mut report, false);
    }
    for detached in saved.detached {
        match detached {
            Detached::Entity(e) => place_entity(&finder, &mut doc, e, &mut report, true),
            Detached::Quote(q) => place_quote(&finder, &mut doc, q, &mut report, true),
        }
    }
    clear_lost_speakers(&mut doc, &mut report);
    Ok((doc.validated()?, report))
}

fn place_entity(finder: &Finder, doc: &mut Document, entity: Entity, report: &mut AnchorReport, was_detached: bool) {
    let span = SpanRef::Entity(entity.id.clone());
    let id_free = !was_detached || doc.entity(&entity.id).is_none() && doc.quote(&entity.id).is_none();
    match finder.locate(&entity.text, entity.start).filter(|_| id_free) {
        Some(start) => {
            note_placed(report, span, entity.start, start, was_detached);
            let end = start + (entity.end - entity.start);
            doc.entities_mut().push(Entity { start, end, ..entity });
        }
        None => {
            if !was_detached {
                report.detached.push(span);
            }
            doc.detached.push(Detached::Entity(entity));
        }
    }
}

fn place_quote(finder: &Finder, doc: &mut Document, quote: Quote, report: &mut AnchorReport, was_detached: bool) {
    let span = SpanRef::Quote(quote.id.clone());
    let id_free = !was_detached || doc.entity(&quote.id).is_none() && doc.quote(&quote.id).is_none();
    let Some(start) = finder.locate(&quote.text, quote.start).filter(|_| id_free) else {
        if !was_detached {
            report.detached.push(span);
        }
        doc.detached.push(Detached::Quote(quote));
        return;
    };
    note_placed(report, span, quote.start, start, was_detached);
    let shift = |at: usize| (at + start).saturating_sub(quote.start);
    let cue = quote.cue.clone().and_then(|cue| {
        let cue_start = finder.locate_in_new(&cue.text, shift(cue.start))?;
        Some(Cue { start: cue_start, end: cue_start + (cue.end - cue.start), text: cue.text })
    });
    if quote.cue.is_some() && cue.is_none() {
        report.quotes_loosened.push(quote.id.to_string());
    }
    let end = start + (quote.end - quote.start);
    doc.quotes_mut().push(Quote { start, end, cue, ..quote });
}

fn note_placed(report: &mut AnchorReport, span: SpanRef, from: usize, to: usize, was_detached: bool) {
    if was_detached {
        report.reattached.push(span);
    } else if from != to {
        report.moved.push((span, from, to));
    }
}

/// A quote whose speaker was set aside keeps no dangling speaker id.
fn clear_lost_speakers(doc: &mut Document, report: &mut AnchorReport) {
    let entities = std::sync::Arc::clone(&doc.entities);
    let entity_ids: std::collections::HashSet<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    for quote in doc.quotes_mut().iter_mut() {
        if quote.speaker.as_ref().is_some_and(|s| !entity_ids.contains(s.as_str())) {
            quote.speaker = None;
            if !report.quotes_loosened.iter().any(|id| *id == quote.id) {
                report.quotes_loosened.push(quote.id.to_string());
            }
        }
    }
}

/// Finds span texts in the new article, knowing where the two texts differ.
struct Finder {
    new_text: String,
    new_index: TextIndex,
    /// Code points equal at the start of both texts.
    prefix: usize,
    /// Where the unchanged tail starts in the old text.
    old_tail: usize,
    /// New length minus old length, in code points.
    delta: isize,
}

impl Finder {
    fn new(old: &str, new_text: String) -> Self {
        let prefix = old.chars().zip(new_text.chars()).take_while(|(a, b)| a == b).count();
        let (old_len, new_len) = (old.chars().count(), new_text.chars().count());
        let max_suffix = old_len.min(new_len) - prefix;
        let suffix = old.chars().rev().zip(new_text.chars().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
        let delta = new_len as isize - old_len as isize;
        Self { new_index: TextIndex::new(&new_text), new_text, prefix, old_tail: old_len - suffix, delta }
    }

    /// Where `text`, which started at `old_start` in the old article, starts now.
    fn locate(&self, text: &str, old_start: usize) -> Option<usize> {
        let expected = if old_start >= self.old_tail { old_start.checked_add_signed(self.delta)? } else { old_start };
        let len = text.chars().count();
        let untouched = old_start + len <= self.prefix || old_start >= self.old_tail;
        if untouched && self.new_index.slice(&self.new_text, expected, expected + len) == Some(text) {
            return Some(expected);
        }
        self.locate_in_new(text, expected)
    }

    /// The occurrence of `text` in the new article nearest to code point `expected`.
    fn locate_in_new(&self, text: &str, expected: usize) -> Option<usize> {
        if text.is_empty() {
            return None;
        }
        self.new_text
            .match_indices(text)
            .filter_map(|(byte, _)| self.new_index.char_of(&self.new_text, byte))
            .min_by_key(|&start| start.abs_diff(expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;

    fn annotated(text: &str) -> Document {
        let mut doc = Document::new(text.into(), None);
        let at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        let span = |needle: &str| (at(needle), at(needle) + needle.chars().count());
        let (s, e) = span("Ana");
        doc.apply(&doc.add_entity_edit(s, e, "PERSON").unwrap()).unwrap();
        let (s, e) = span("Bandung");
        doc.apply(&doc.add_entity_edit(s, e, "LOC").unwrap()).unwrap();
        let (s, e) = span("“Kami 😀 siap,”");
        doc.apply(&doc.add_quote_edit(s, e, QuoteKind::Direct).unwrap()).unwrap();
        doc.apply(&doc.speaker_edit("q1", Some("e1")).unwrap()).unwrap();
        doc.apply(&doc.cue_edit("q1", Some(span("kata"))).unwrap()).unwrap();
        doc
    }

    #[test]
    fn unchanged_text_is_left_alone() {
        let doc = annotated("“Kami 😀 siap,” kata Ana di Bandung.");
        let (same, report) = reanchor(doc.clone(), doc.text.to_string()).unwrap();
        assert_eq!(same, doc);
        assert!(!report.has_changes());
    }

    #[test]
    fn spans_follow_an_edit_before_them_with_emoji_and_crlf() {
        let doc = annotated("Judul\r\n“Kami 😀 siap,” kata Ana di Bandung.\r\n");
        let edited = "Judul baru 🎉🎉\r\n\r\n“Kami 😀 siap,” kata Ana di Bandung.\r\n".to_owned();
        let (moved, report) = reanchor(doc, edited).unwrap();
        assert_eq!(report.moved.len(), 3, "{report:?}");
        assert!(report.detached.is_empty());
        let q = moved.quote("q1").unwrap();
        assert_eq!(moved.slice(q.start, q.end), Some("“Kami 😀 siap,”"));
        assert_eq!(q.cue.as_ref().map(|c| moved.slice(c.start, c.end)), Some(Some("kata")));
        assert_eq!(q.speaker.as_deref(), Some("e1"));
        let e2 = moved.entity("e2").unwrap();
        assert_eq!(moved.slice(e2.start, e2.end), Some("Bandung"));
    }

    #[test]
    fn a_span_whose_text_is_gone_is_flagged_and_kept() {
        let doc = annotated("“Kami 😀 siap,” kata Ana di Bandung.");
        let edited = "“Kami 😀 siap,” kata Ana di Surabaya.".to_owned();
        let (moved, report) = reanchor(doc, edited).unwrap();
        assert_eq!(report.detached, vec![SpanRef::Entity("e2".into())]);
        assert!(moved.entity("e2").is_none());
        assert!(matches!(&moved.detached[..], [Detached::Entity(e)] if e.text == "Bandung" && e.start == 27));
        assert!(report.summary("a.txt").contains("e2"));
        // Undoing the edit on disk brings the span back.
        let (back, report) = reanchor(moved, "“Kami 😀 siap,” kata Ana di Bandung.".to_owned()).unwrap();
        assert_eq!(report.reattached, vec![SpanRef::Entity("e2".into())]);
        assert!(back.entity("e2").is_some() && back.detached.is_empty());
    }

    #[test]
    fn repeated_names_go_to_the_nearest_occurrence_and_lost_speakers_are_unlinked() {
        let doc = annotated("Ana: “Kami 😀 siap,” kata Ana di Bandung. Ana pulang.");
        let e1 = doc.entity("e1").unwrap().start;
        assert_eq!(e1, 0);
        let edited = "Budi: “Kami 😀 siap,” kata Budi di Bandung. Ana pulang.".to_owned();
        let (moved, report) = reanchor(doc, edited).unwrap();
        let e1 = moved.entity("e1").unwrap();
        assert_eq!(moved.slice(e1.start, e1.end), Some("Ana"), "the only Ana left, not misplaced");
        assert!(report.moved.iter().any(|(s, _, _)| s.id() == "e1"));
        assert!(moved.quote("q1").is_some());
    }
}
