//! Edits: every change to a document's annotations is a value with an exact
//! inverse, which is what makes undo and redo trustworthy.

use std::sync::Arc;

use super::sorted_spans::replace;
use super::{Document, DoneMark, Entity, LabelSet, Quote, Status};

/// One change to a document's annotations.
///
/// An annotation change is stored as the record before and after it: `None`
/// before means it was added, `None` after means it was removed. The inverse
/// swaps the two, so undo can never drift from what was done.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Entity {
        before: Option<Entity>,
        after: Option<Entity>,
    },
    Quote {
        before: Option<Quote>,
        after: Option<Quote>,
    },
    /// The document marked done (`after` set) or not done any more.
    Done {
        before: Option<DoneMark>,
        after: Option<DoneMark>,
    },
    /// The document's label schema replaced (a project schema applied, a label added).
    Labels {
        before: LabelSet,
        after: LabelSet,
    },
    /// Several changes applied as one step (e.g. deleting an entity and
    /// clearing the quotes it was the speaker of).
    Batch(Vec<Edit>),
}

/// An edit that does not fit the document's current state.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum EditError {
    #[error("annotation {0} is not in the document as the edit expects")]
    Stale(String),
    #[error("the span {start}..{end} is not a valid range of the text")]
    BadRange { start: usize, end: usize },
    #[error("an edit must change something")]
    Empty,
    #[error("label {0} is still used by a span, so the schema must keep it")]
    LabelInUse(String),
}

impl Edit {
    /// The same edit with every record it writes marked as changed by `who` at
    /// `when` (RFC 3339 UTC); undo restores the records as they were, stamps included.
    pub fn stamped(&self, who: Option<&str>, when: &str) -> Edit {
        let annotator = who.map(str::to_owned);
        let changed_at = Some(when.to_owned());
        match self {
            Edit::Entity { before, after } => Edit::Entity {
                before: before.clone(),
                after: after.clone().map(|e| Entity { annotator, changed_at, ..e }),
            },
            Edit::Quote { before, after } => Edit::Quote {
                before: before.clone(),
                after: after.clone().map(|q| Quote { annotator, changed_at, ..q }),
            },
            Edit::Done { before, after } => Edit::Done {
                before: before.clone(),
                after: after.as_ref().map(|_| DoneMark { annotator, at: changed_at }),
            },
            Edit::Labels { .. } => self.clone(),
            Edit::Batch(edits) => Edit::Batch(edits.iter().map(|e| e.stamped(who, when)).collect()),
        }
    }

    /// Whether the edit adds, removes, moves or relabels a span, or relinks a
    /// quote: everything but a change of review status. Lists grouped by label
    /// or speaker need rebuilding only then.
    pub fn changes_structure(&self) -> bool {
        match self {
            Edit::Entity { before: Some(b), after: Some(a) } => {
                (b.start, b.end, &b.label, &b.id) != (a.start, a.end, &a.label, &a.id)
            }
            Edit::Quote { before: Some(b), after: Some(a) } => {
                (b.start, b.end, &b.speaker, b.kind, &b.id) != (a.start, a.end, &a.speaker, a.kind, &a.id)
            }
            Edit::Entity { .. } | Edit::Quote { .. } | Edit::Labels { .. } => true,
            Edit::Done { .. } => false,
            Edit::Batch(edits) => edits.iter().any(Edit::changes_structure),
        }
    }

    /// How many more (or fewer) suggestions are open once this edit is applied,
    /// so that a count kept beside the document need not rescan 20,000 spans.
    pub fn open_delta(&self) -> isize {
        let open = |status: Option<Status>| isize::from(status == Some(Status::Suggested));
        match self {
            Edit::Entity { before, after } => {
                open(after.as_ref().map(|e| e.status)) - open(before.as_ref().map(|e| e.status))
            }
            Edit::Quote { before, after } => {
                open(after.as_ref().map(|q| q.status)) - open(before.as_ref().map(|q| q.status))
            }
            Edit::Done { .. } | Edit::Labels { .. } => 0,
            Edit::Batch(edits) => edits.iter().map(Edit::open_delta).sum(),
        }
    }

    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Entity { before, after } => Edit::Entity { before: after.clone(), after: before.clone() },
            Edit::Quote { before, after } => Edit::Quote { before: after.clone(), after: before.clone() },
            Edit::Done { before, after } => Edit::Done { before: after.clone(), after: before.clone() },
            Edit::Labels { before, after } => Edit::Labels { before: after.clone(), after: before.clone() },
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
        }
    }
}

impl Document {
    /// Applies `edit`, or leaves the document unchanged and says why not.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::Entity { before, after } => {
                if let Some(e) = after {
                    self.check_range(e.start, e.end, &e.text)?;
                }
                let (entities, ids) = (Arc::make_mut(&mut self.entities), Arc::make_mut(&mut self.entity_ids));
                replace(entities, ids, before.as_ref(), after.as_ref())?;
                self.reach.include_entity(after.as_ref());
            }
            Edit::Quote { before, after } => {
                if let Some(q) = after {
                    self.check_range(q.start, q.end, &q.text)?;
                }
                let (quotes, ids) = (Arc::make_mut(&mut self.quotes), Arc::make_mut(&mut self.quote_ids));
                replace(quotes, ids, before.as_ref(), after.as_ref())?;
                self.reach.include_quote(after.as_ref());
            }
            Edit::Done { before, after } => {
                if &self.done != before {
                    return Err(EditError::Stale("done".to_owned()));
                }
                self.done = after.clone();
            }
            Edit::Labels { before, after } => {
                if &self.labels != before {
                    return Err(EditError::Stale("labels".to_owned()));
                }
                if let Some(missing) = self.entities.iter().find(|e| after.get(&e.label).is_none()) {
                    return Err(EditError::LabelInUse(missing.label.to_string()));
                }
                self.labels = after.clone();
            }
            Edit::Batch(edits) => self.apply_all(edits)?,
        }
        Ok(())
    }

    /// Applies edits in order; on the first failure, undoes those already
    /// applied so that a batch is all or nothing.
    fn apply_all(&mut self, edits: &[Edit]) -> Result<(), EditError> {
        for (done, edit) in edits.iter().enumerate() {
            if let Err(error) = self.apply(edit) {
                for applied in edits[..done].iter().rev() {
                    // Cannot fail: it reverts a change just made.
                    let _ = self.apply(&applied.inverse());
                }
                return Err(error);
            }
        }
        Ok(())
    }

    fn check_range(&self, start: usize, end: usize, text: &str) -> Result<(), EditError> {
        match self.slice(start, end) {
            Some(actual) if start < end && actual == text => Ok(()),
            _ => Err(EditError::BadRange { start, end }),
        }
    }
}
