//! Undo and redo stacks over a document, and whether it has unsaved changes.

use super::{Document, Edit, EditError, SpanRef};

/// The span selected around a step: restored by undo (the one before) and
/// redo (the one after), so the annotator lands where the change was made.
pub type Selection = Option<SpanRef>;

/// Records applied edits so they can be undone and redone.
///
/// Every state of the document gets a number; the document is dirty when the
/// current state is not the one last saved, so undoing back to the saved state
/// makes it clean again.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    current_state: u64,
    saved_state: u64,
    next_state: u64,
}

#[derive(Debug)]
struct Step {
    edit: Edit,
    state_before: u64,
    state_after: u64,
    selection_before: Selection,
    selection_after: Selection,
}

impl History {
    /// Applies `edit` to `doc` and records it, with no selection to restore.
    pub fn perform(&mut self, doc: &mut Document, edit: Edit) -> Result<(), EditError> {
        self.perform_selecting(doc, edit, None, None)
    }

    /// Applies `edit` to `doc` and records it with the selection before it and
    /// the selection it leaves.
    pub fn perform_selecting(
        &mut self,
        doc: &mut Document,
        edit: Edit,
        selection_before: Selection,
        selection_after: Selection,
    ) -> Result<(), EditError> {
        doc.apply(&edit)?;
        self.next_state += 1;
        let step = Step {
            edit,
            state_before: self.current_state,
            state_after: self.next_state,
            selection_before,
            selection_after,
        };
        self.current_state = step.state_after;
        self.undo.push(step);
        self.redo.clear();
        Ok(())
    }

    /// Reverts the last edit and returns the selection from before it;
    /// `Ok(None)` when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Document) -> Result<Option<Selection>, EditError> {
        let Some(step) = self.undo.pop() else { return Ok(None) };
        if let Err(error) = doc.apply(&step.edit.inverse()) {
            self.undo.push(step);
            return Err(error);
        }
        self.current_state = step.state_before;
        let selection = step.selection_before.clone();
        self.redo.push(step);
        Ok(Some(selection))
    }

    /// Re-applies the last undone edit and returns the selection it left;
    /// `Ok(None)` when there is none.
    pub fn redo(&mut self, doc: &mut Document) -> Result<Option<Selection>, EditError> {
        let Some(step) = self.redo.pop() else { return Ok(None) };
        if let Err(error) = doc.apply(&step.edit) {
            self.redo.push(step);
            return Err(error);
        }
        self.current_state = step.state_after;
        let selection = step.selection_after.clone();
        self.undo.push(step);
        Ok(Some(selection))
    }

    /// Records where the last step left the selection, once its caller knows:
    /// accepting a suggestion moves on to the next one after the edit is made,
    /// and redo must land there, not on the span just reviewed (undo still
    /// lands on the span). Does nothing unless the last step was just performed.
    pub fn settle_selection(&mut self, selection: Selection) {
        if !self.redo.is_empty() {
            return;
        }
        if let Some(step) = self.undo.last_mut() {
            step.selection_after = selection;
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The edit that `undo` would revert, if any.
    pub fn last_edit(&self) -> Option<&Edit> {
        self.undo.last().map(|step| &step.edit)
    }

    /// The edit that `redo` would re-apply, if any.
    pub fn next_edit(&self) -> Option<&Edit> {
        self.redo.last().map(|step| &step.edit)
    }

    /// A number naming the document's current state: equal numbers, equal
    /// annotations (undoing returns to the earlier number). Views key caches on it.
    pub fn state(&self) -> u64 {
        self.current_state
    }

    pub fn is_dirty(&self) -> bool {
        self.current_state != self.saved_state
    }

    pub fn mark_saved(&mut self) {
        self.saved_state = self.current_state;
    }

    /// The state numbered `state` (see [`History::state`]) is what is on disk
    /// now: a save of a snapshot taken then has finished.
    pub fn mark_saved_at(&mut self, state: u64) {
        self.saved_state = state;
    }
}
