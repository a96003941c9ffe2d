//! Edits: every change to a document's annotations is a value with an exact
//! inverse, which is what makes undo and redo trustworthy.

use super::{Document, Entity, Quote};

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
}

impl Edit {
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Entity { before, after } => Edit::Entity { before: after.clone(), after: before.clone() },
            Edit::Quote { before, after } => Edit::Quote { before: after.clone(), after: before.clone() },
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
        }
    }
}

impl Document {
    /// Applies `edit`, or leaves the document unchanged and says why not.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::Entity { before, after } => {
                let (before_id, after_id) = (before.as_ref().map(|e| &e.id), after.as_ref().map(|e| &e.id));
                if let Some(e) = after {
                    self.check_range(e.start, e.end, &e.text)?;
                }
                replace(&mut self.entities, before_id.or(after_id), before.as_ref(), after.as_ref(), |e| &e.id)?;
            }
            Edit::Quote { before, after } => {
                let (before_id, after_id) = (before.as_ref().map(|q| &q.id), after.as_ref().map(|q| &q.id));
                if let Some(q) = after {
                    self.check_range(q.start, q.end, &q.text)?;
                }
                replace(&mut self.quotes, before_id.or(after_id), before.as_ref(), after.as_ref(), |q| &q.id)?;
            }
            Edit::Batch(edits) => self.apply_all(edits)?,
        }
        self.sort_spans();
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

/// Swaps the record with `id` from `before` to `after` in `items`, checking that
/// the document holds exactly `before`.
fn replace<T: Clone + PartialEq>(
    items: &mut Vec<T>,
    id: Option<&String>,
    before: Option<&T>,
    after: Option<&T>,
    id_of: impl Fn(&T) -> &String,
) -> Result<(), EditError> {
    let id = id.ok_or(EditError::Empty)?;
    let position = items.iter().position(|item| id_of(item) == id);
    match (position, before, after) {
        (Some(i), Some(b), _) if &items[i] == b => match after {
            Some(a) => items[i] = a.clone(),
            None => {
                items.remove(i);
            }
        },
        (None, None, Some(a)) => items.push(a.clone()),
        _ => return Err(EditError::Stale(id.clone())),
    }
    Ok(())
}
