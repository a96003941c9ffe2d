//! The annotator's review operations, each turned into an [`Edit`] against the
//! document's current state. Building an edit never changes the document:
//! the caller applies it through [`super::History`] so that it can be undone.

use super::{Cue, Document, DoneMark, Edit, Entity, LabelSet, Quote, QuoteKind, SpanRef, Status};

/// A review operation that makes no sense for the document as it is.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReviewError {
    #[error("no annotation {0}")]
    Missing(String),
    #[error("{0} is not a label of this document")]
    UnknownLabel(String),
    #[error("a span must cover at least one character of the text ({start}..{end})")]
    BadRange { start: usize, end: usize },
    #[error("{0} is not an entity, so it cannot be a speaker")]
    NotAnEntity(String),
    #[error("the document is already {0}")]
    Unchanged(&'static str),
}

/// Correcting a suggestion reviews it: it becomes accepted. Manual spans stay manual.
fn reviewed(status: Status) -> Status {
    match status {
        Status::Manual => Status::Manual,
        _ => Status::Accepted,
    }
}

impl Document {
    fn entity_or_err(&self, id: &str) -> Result<&Entity, ReviewError> {
        self.entity(id).ok_or_else(|| ReviewError::Missing(id.to_owned()))
    }

    fn quote_or_err(&self, id: &str) -> Result<&Quote, ReviewError> {
        self.quote(id).ok_or_else(|| ReviewError::Missing(id.to_owned()))
    }

    /// Sets the review status of a span (accept, reject, or back to suggested).
    pub fn set_status_edit(&self, span: &SpanRef, status: Status) -> Result<Edit, ReviewError> {
        Ok(match span {
            SpanRef::Entity(id) => {
                let before = self.entity_or_err(id)?;
                let after = Entity { status, ..before.clone() };
                Edit::Entity { before: Some(before.clone()), after: Some(after) }
            }
            SpanRef::Quote(id) => {
                let before = self.quote_or_err(id)?;
                let after = Quote { status, ..before.clone() };
                Edit::Quote { before: Some(before.clone()), after: Some(after) }
            }
        })
    }

    pub fn accept_edit(&self, span: &SpanRef) -> Result<Edit, ReviewError> {
        let status = match span {
            SpanRef::Entity(id) => reviewed(self.entity_or_err(id)?.status),
            SpanRef::Quote(id) => reviewed(self.quote_or_err(id)?.status),
        };
        self.set_status_edit(span, status)
    }

    pub fn reject_edit(&self, span: &SpanRef) -> Result<Edit, ReviewError> {
        self.set_status_edit(span, Status::Rejected)
    }

    /// Changes an entity's label; a relabelled suggestion counts as reviewed.
    pub fn relabel_edit(&self, entity_id: &str, label: &str) -> Result<Edit, ReviewError> {
        if self.labels.get(label).is_none() {
            return Err(ReviewError::UnknownLabel(label.to_owned()));
        }
        let before = self.entity_or_err(entity_id)?;
        let after = Entity { label: label.into(), status: reviewed(before.status), ..before.clone() };
        Ok(Edit::Entity { before: Some(before.clone()), after: Some(after) })
    }

    /// Moves a span's boundaries; the covered text follows.
    pub fn rebound_edit(&self, span: &SpanRef, start: usize, end: usize) -> Result<Edit, ReviewError> {
        let text = self.covered(start, end)?;
        Ok(match span {
            SpanRef::Entity(id) => {
                let before = self.entity_or_err(id)?;
                let after = Entity { start, end, text: text.into(), status: reviewed(before.status), ..before.clone() };
                Edit::Entity { before: Some(before.clone()), after: Some(after) }
            }
            SpanRef::Quote(id) => {
                let before = self.quote_or_err(id)?;
                let after = Quote { start, end, text: text.into(), status: reviewed(before.status), ..before.clone() };
                Edit::Quote { before: Some(before.clone()), after: Some(after) }
            }
        })
    }

    /// A new entity made by the annotator.
    pub fn add_entity_edit(&self, start: usize, end: usize, label: &str) -> Result<Edit, ReviewError> {
        if self.labels.get(label).is_none() {
            return Err(ReviewError::UnknownLabel(label.to_owned()));
        }
        let entity = Entity {
            id: self.fresh_id("e").into(),
            start,
            end,
            label: label.into(),
            text: self.covered(start, end)?.into(),
            status: Status::Manual,
            source: "annotator".into(),
            confidence: None,
            annotator: None,
            changed_at: None,
        };
        Ok(Edit::Entity { before: None, after: Some(entity) })
    }

    /// A new quotation made by the annotator, without speaker yet.
    pub fn add_quote_edit(&self, start: usize, end: usize, kind: QuoteKind) -> Result<Edit, ReviewError> {
        let quote = Quote {
            id: self.fresh_id("q").into(),
            start,
            end,
            text: self.covered(start, end)?.into(),
            kind,
            speaker: None,
            cue: None,
            status: Status::Manual,
            source: "annotator".into(),
            confidence: None,
            annotator: None,
            changed_at: None,
        };
        Ok(Edit::Quote { before: None, after: Some(quote) })
    }

    /// Removes a span entirely; deleting an entity also unlinks the quotes it spoke.
    pub fn delete_edit(&self, span: &SpanRef) -> Result<Edit, ReviewError> {
        match span {
            SpanRef::Quote(id) => {
                let before = self.quote_or_err(id)?;
                Ok(Edit::Quote { before: Some(before.clone()), after: None })
            }
            SpanRef::Entity(id) => {
                let before = self.entity_or_err(id)?;
                let mut edits: Vec<Edit> = self
                    .quotes
                    .iter()
                    .filter(|q| q.speaker.as_deref() == Some(id))
                    .map(|q| Edit::Quote { before: Some(q.clone()), after: Some(Quote { speaker: None, ..q.clone() }) })
                    .collect();
                edits.push(Edit::Entity { before: Some(before.clone()), after: None });
                Ok(Edit::Batch(edits))
            }
        }
    }

    /// Sets (or clears) who said a quote.
    pub fn speaker_edit(&self, quote_id: &str, speaker: Option<&str>) -> Result<Edit, ReviewError> {
        if let Some(id) = speaker {
            self.entity(id).ok_or_else(|| ReviewError::NotAnEntity(id.to_owned()))?;
        }
        let before = self.quote_or_err(quote_id)?;
        let after = Quote { speaker: speaker.map(Into::into), status: reviewed(before.status), ..before.clone() };
        Ok(Edit::Quote { before: Some(before.clone()), after: Some(after) })
    }

    /// Changes a quote's kind (direct ↔ indirect).
    pub fn quote_kind_edit(&self, quote_id: &str, kind: QuoteKind) -> Result<Edit, ReviewError> {
        let before = self.quote_or_err(quote_id)?;
        let after = Quote { kind, status: reviewed(before.status), ..before.clone() };
        Ok(Edit::Quote { before: Some(before.clone()), after: Some(after) })
    }

    /// Makes `start..end` a new entity and the speaker of `quote_id`, as one step.
    pub fn add_speaker_edit(&self, quote_id: &str, start: usize, end: usize, label: &str) -> Result<Edit, ReviewError> {
        let add = self.add_entity_edit(start, end, label)?;
        let Edit::Entity { after: Some(speaker), .. } = &add else {
            return Err(ReviewError::BadRange { start, end });
        };
        let before = self.quote_or_err(quote_id)?;
        let after = Quote { speaker: Some(speaker.id.clone()), status: reviewed(before.status), ..before.clone() };
        Ok(Edit::Batch(vec![add, Edit::Quote { before: Some(before.clone()), after: Some(after) }]))
    }

    /// Sets (or clears) the speech verb of a quote.
    pub fn cue_edit(&self, quote_id: &str, cue: Option<(usize, usize)>) -> Result<Edit, ReviewError> {
        let before = self.quote_or_err(quote_id)?;
        let cue = match cue {
            Some((start, end)) => Some(Cue { start, end, text: self.covered(start, end)?.into() }),
            None => None,
        };
        let after = Quote { cue, status: reviewed(before.status), ..before.clone() };
        Ok(Edit::Quote { before: Some(before.clone()), after: Some(after) })
    }

    /// Marks the whole document reviewed (`done`) or not; the mark is stamped
    /// with who and when by [`Edit::stamped`].
    pub fn done_edit(&self, done: bool) -> Result<Edit, ReviewError> {
        if self.done.is_some() == done {
            return Err(ReviewError::Unchanged(if done { "done" } else { "not done" }));
        }
        Ok(Edit::Done { before: self.done.clone(), after: done.then(DoneMark::default) })
    }

    /// Gives the document `schema` as its labels, keeping every label its spans
    /// use (appended in the order first used). `None` when nothing would change.
    pub fn schema_edit(&self, schema: &LabelSet) -> Option<Edit> {
        let mut after = schema.clone();
        for entity in self.entities.iter() {
            after.ensure(&entity.label);
        }
        (after != self.labels).then(|| Edit::Labels { before: self.labels.clone(), after })
    }

    /// Adds `label` to the document's labels if it lacks it (before a span uses it).
    pub fn label_added_edit(&self, label: &str) -> Option<Edit> {
        let mut after = self.labels.clone();
        after.ensure(label);
        (after != self.labels).then(|| Edit::Labels { before: self.labels.clone(), after })
    }

    fn covered(&self, start: usize, end: usize) -> Result<String, ReviewError> {
        match self.slice(start, end) {
            Some(text) if start < end => Ok(text.to_owned()),
            _ => Err(ReviewError::BadRange { start, end }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::History;

    /// “Saya yakin 😀,” kata Vladimir Putin.\r\nPutin → entities e1 (Vladimir Putin), e2 (Putin), quote q1.
    fn sample() -> Document {
        let text = "“Saya yakin 😀,” kata Vladimir Putin.\r\nPutin tersenyum.";
        let mut doc = Document::new(text.into(), None);
        let find = |needle: &str, from: usize| {
            let chars: Vec<char> = text.chars().collect();
            let n: Vec<char> = needle.chars().collect();
            let start = (from..chars.len()).find(|&i| chars[i..].starts_with(&n)).unwrap();
            (start, start + n.len())
        };
        for (id, (start, end)) in [("e1", find("Vladimir Putin", 0)), ("e2", find("Putin", 36))] {
            let add = doc.add_entity_edit(start, end, "PERSON").unwrap();
            doc.apply(&add).unwrap();
            let last = doc.entities_mut().iter_mut().find(|e| e.start == start).unwrap();
            last.id = id.into();
            last.status = Status::Suggested;
        }
        let (qs, qe) = find("“Saya yakin 😀,”", 0);
        doc.apply(&doc.add_quote_edit(qs, qe, QuoteKind::Direct).unwrap()).unwrap();
        doc.quotes_mut()[0].speaker = Some("e1".into());
        doc.quotes_mut()[0].status = Status::Suggested;
        doc.validated().unwrap()
    }

    #[test]
    fn offsets_of_the_fixture_are_code_points() {
        let doc = sample();
        let e1 = doc.entity("e1").unwrap();
        assert_eq!((e1.start, e1.end), (21, 35));
        assert_eq!(doc.quote("q1").unwrap().text, "“Saya yakin 😀,”");
        let e2 = doc.entity("e2").unwrap();
        assert_eq!(doc.slice(e2.start - 2, e2.start), Some("\r\n"));
    }

    #[test]
    fn accept_then_undo_and_redo_restore_each_state() {
        let mut doc = sample();
        let original = doc.clone();
        let mut history = History::default();
        let e1 = SpanRef::Entity("e1".into());
        let edit = doc.accept_edit(&e1).unwrap();
        history.perform(&mut doc, edit).unwrap();
        let accepted = doc.clone();
        assert_eq!(doc.entity("e1").unwrap().status, Status::Accepted);
        assert!(history.is_dirty());

        assert!(history.undo(&mut doc).unwrap().is_some());
        assert_eq!(doc, original);
        assert!(!history.is_dirty(), "back at the saved state");
        assert!(history.redo(&mut doc).unwrap().is_some());
        assert_eq!(doc, accepted);
        assert!(history.redo(&mut doc).unwrap().is_none(), "nothing left to redo");
    }

    #[test]
    fn a_new_edit_clears_the_redo_stack() {
        let mut doc = sample();
        let mut history = History::default();
        let e1 = SpanRef::Entity("e1".into());
        let edit = doc.reject_edit(&e1).unwrap();
        history.perform(&mut doc, edit).unwrap();
        history.undo(&mut doc).unwrap();
        let edit = doc.relabel_edit("e1", "ORG").unwrap();
        history.perform(&mut doc, edit).unwrap();
        assert!(!history.can_redo());
        assert_eq!(doc.entity("e1").unwrap().label, "ORG");
        assert_eq!(doc.entity("e1").unwrap().status, Status::Accepted, "relabelling reviews");
    }

    #[test]
    fn deleting_a_speaker_unlinks_its_quotes_and_undo_relinks() {
        let mut doc = sample();
        let original = doc.clone();
        let mut history = History::default();
        let edit = doc.delete_edit(&SpanRef::Entity("e1".into())).unwrap();
        history.perform(&mut doc, edit).unwrap();
        assert!(doc.entity("e1").is_none());
        assert_eq!(doc.quote("q1").unwrap().speaker, None);
        history.undo(&mut doc).unwrap();
        assert_eq!(doc, original);
    }

    #[test]
    fn rebounding_keeps_text_true_to_code_points() {
        let mut doc = sample();
        let e1 = doc.entity("e1").unwrap().clone();
        // shrink "Vladimir Putin" to "Putin"
        let edit = doc.rebound_edit(&SpanRef::Entity("e1".into()), e1.start + 9, e1.end).unwrap();
        doc.apply(&edit).unwrap();
        assert_eq!(doc.entity("e1").unwrap().text, "Putin");
        let bad = doc.rebound_edit(&SpanRef::Entity("e1".into()), 5, 5);
        assert_eq!(bad, Err(ReviewError::BadRange { start: 5, end: 5 }));
        assert!(doc.rebound_edit(&SpanRef::Entity("e1".into()), 0, 999).is_err());
    }

    #[test]
    fn speaker_and_cue_edits_check_their_targets() {
        let mut doc = sample();
        assert_eq!(doc.speaker_edit("q1", Some("q1")), Err(ReviewError::NotAnEntity("q1".into())));
        let edit = doc.speaker_edit("q1", Some("e2")).unwrap();
        doc.apply(&edit).unwrap();
        assert_eq!(doc.quote("q1").unwrap().speaker.as_deref(), Some("e2"));
        let kata = doc.text.find("kata").unwrap();
        let kata = doc.char_of(kata).unwrap();
        doc.apply(&doc.cue_edit("q1", Some((kata, kata + 4))).unwrap()).unwrap();
        assert_eq!(doc.quote("q1").unwrap().cue.as_ref().unwrap().text, "kata");
    }

    #[test]
    fn a_new_speaker_entity_is_linked_in_one_undoable_step() {
        let mut doc = sample();
        let original = doc.clone();
        let mut history = History::default();
        // "Putin" on the second line (after CRLF) becomes q1's speaker
        let (start, end) = (doc.entity("e2").unwrap().start, doc.entity("e2").unwrap().end);
        let remove = Edit::Entity { before: doc.entity("e2").cloned(), after: None };
        history.perform(&mut doc, remove).unwrap();
        let edit = doc.add_speaker_edit("q1", start, end, "PERSON").unwrap();
        history.perform(&mut doc, edit).unwrap();
        let speaker = doc.quote("q1").unwrap().speaker.clone().unwrap();
        assert_eq!(doc.entity(&speaker).unwrap().text, "Putin");
        assert_eq!(doc.entity(&speaker).unwrap().status, Status::Manual);
        history.undo(&mut doc).unwrap();
        history.undo(&mut doc).unwrap();
        assert_eq!(doc, original);
    }

    #[test]
    fn changing_a_quote_kind_reviews_it_and_undoes() {
        let mut doc = sample();
        let original = doc.clone();
        let mut history = History::default();
        let edit = doc.quote_kind_edit("q1", QuoteKind::Indirect).unwrap();
        history.perform(&mut doc, edit).unwrap();
        let quote = doc.quote("q1").unwrap();
        assert_eq!((quote.kind, quote.status), (QuoteKind::Indirect, Status::Accepted));
        history.undo(&mut doc).unwrap();
        assert_eq!(doc, original);
    }

    #[test]
    fn a_stale_edit_is_refused_and_changes_nothing() {
        let mut doc = sample();
        let edit = doc.accept_edit(&SpanRef::Entity("e1".into())).unwrap();
        doc.apply(&edit).unwrap();
        let after_first = doc.clone();
        assert!(matches!(doc.apply(&edit), Err(crate::model::EditError::Stale(_))));
        assert_eq!(doc, after_first);
    }

    #[test]
    fn a_failing_batch_is_rolled_back() {
        let mut doc = sample();
        let original = doc.clone();
        let good = doc.accept_edit(&SpanRef::Entity("e1".into())).unwrap();
        let stale = Edit::Entity { before: Some(doc.entity("e2").unwrap().clone()), after: None };
        let batch = Edit::Batch(vec![good, stale.clone(), stale]);
        assert!(doc.apply(&batch).is_err());
        assert_eq!(doc, original);
    }

    #[test]
    fn marking_done_is_an_edit_that_undo_reverts_and_that_is_stamped() {
        let mut doc = sample();
        let mut history = History::default();
        let done = doc.done_edit(true).unwrap().stamped(Some("ayu"), "2026-11-28T08:00:00Z");
        history.perform(&mut doc, done).unwrap();
        let mark = doc.done.clone().unwrap();
        assert_eq!((mark.annotator.as_deref(), mark.at.as_deref()), (Some("ayu"), Some("2026-11-28T08:00:00Z")));
        assert!(history.is_dirty(), "marking done is a change to save");
        assert_eq!(doc.done_edit(true), Err(ReviewError::Unchanged("done")));
        history.undo(&mut doc).unwrap();
        assert!(doc.done.is_none());
        assert!(!history.is_dirty());
    }

    #[test]
    fn a_schema_keeps_the_labels_in_use_and_undo_restores_the_old_one() {
        let mut doc = sample();
        let original = doc.clone();
        let schema = LabelSet::new(vec![crate::model::LabelDef {
            name: "EVENT".into(),
            color: [1, 2, 3],
            description: String::new(),
        }]);
        let edit = doc.schema_edit(&schema).unwrap();
        let mut history = History::default();
        history.perform(&mut doc, edit).unwrap();
        let names: Vec<_> = doc.labels.iter().map(|l| l.name.to_string()).collect();
        assert_eq!(names, ["EVENT", "PERSON"], "PERSON is used by e1 and e2");
        assert!(doc.schema_edit(&schema).is_none(), "applying it again changes nothing");
        history.undo(&mut doc).unwrap();
        assert_eq!(doc, original);
    }

    #[test]
    fn a_schema_that_drops_a_used_label_is_refused() {
        let mut doc = sample();
        let edit = Edit::Labels { before: doc.labels.clone(), after: LabelSet::new(Vec::new()) };
        assert_eq!(doc.apply(&edit), Err(crate::model::EditError::LabelInUse("PERSON".into())));
    }

    #[test]
    fn undo_and_redo_give_back_the_selection_of_their_step() {
        let mut doc = sample();
        let mut history = History::default();
        let (e1, q1) = (SpanRef::Entity("e1".into()), SpanRef::Quote("q1".into()));
        let edit = doc.accept_edit(&e1).unwrap();
        history.perform_selecting(&mut doc, edit, Some(e1.clone()), Some(q1.clone())).unwrap();
        assert_eq!(history.undo(&mut doc).unwrap(), Some(Some(e1)));
        assert_eq!(history.redo(&mut doc).unwrap(), Some(Some(q1)));
    }
}
