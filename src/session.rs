//! A document under review: the document, its undo history and where it saves.

use std::path::PathBuf;

use crate::annotate::Opened;
use crate::model::{Document, Edit, EditError, History, Selection};
use crate::store::{self, AnnotationFileError};

#[derive(Debug)]
pub struct Session {
    pub document: Document,
    pub history: History,
    pub annotation_path: PathBuf,
    /// Counts edits that changed more than review statuses (see `Edit::changes_structure`).
    structure_revision: u64,
    /// Suggestions still open, kept up to date edit by edit (see [`Session::recount`]).
    open_suggestions: usize,
}

impl Session {
    pub fn new(opened: Opened) -> Self {
        let open_suggestions = opened.document.open_suggestion_count();
        Self {
            document: opened.document,
            history: History::default(),
            annotation_path: opened.annotation_path,
            structure_revision: 0,
            open_suggestions,
        }
    }

    pub fn perform(&mut self, edit: Edit) -> Result<(), EditError> {
        self.perform_selecting(edit, None, None)
    }

    /// Performs `edit`, recording the selection before it and the one it
    /// leaves, which undo and redo give back.
    pub fn perform_selecting(&mut self, edit: Edit, before: Selection, after: Selection) -> Result<(), EditError> {
        let (structural, delta) = (edit.changes_structure(), edit.open_delta());
        self.history.perform_selecting(&mut self.document, edit, before, after)?;
        self.structure_revision += u64::from(structural);
        self.count_open(delta);
        Ok(())
    }

    /// Undoes the last edit; `Ok(Some(selection before it))`, or `Ok(None)`
    /// when there was nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Selection>, EditError> {
        let Some(edit) = self.history.last_edit() else { return Ok(None) };
        let (structural, delta) = (edit.changes_structure(), -edit.open_delta());
        let undone = self.history.undo(&mut self.document)?;
        self.after_step(undone.is_some(), structural, delta);
        Ok(undone)
    }

    /// Redoes the last undone edit; `Ok(Some(selection it left))`, or
    /// `Ok(None)` when there was nothing to redo.
    pub fn redo(&mut self) -> Result<Option<Selection>, EditError> {
        let Some(edit) = self.history.next_edit() else { return Ok(None) };
        let (structural, delta) = (edit.changes_structure(), edit.open_delta());
        let redone = self.history.redo(&mut self.document)?;
        self.after_step(redone.is_some(), structural, delta);
        Ok(redone)
    }

    fn after_step(&mut self, stepped: bool, structural: bool, delta: isize) {
        if stepped {
            self.structure_revision += u64::from(structural);
            self.count_open(delta);
        }
    }

    fn count_open(&mut self, delta: isize) {
        self.open_suggestions = self.open_suggestions.saturating_add_signed(delta);
    }

    /// Suggestions still waiting for review.
    pub fn open_suggestions(&self) -> usize {
        self.open_suggestions
    }

    /// Counts open suggestions afresh after the document was changed other
    /// than by an edit (suggestions arriving from a background analysis).
    pub fn recount(&mut self) {
        self.open_suggestions = self.document.open_suggestion_count();
    }

    /// Changes when spans are added, removed, moved, relabelled or relinked,
    /// not when only their review status changes.
    pub fn structure_revision(&self) -> u64 {
        self.structure_revision
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Changes whenever the annotations change (edits, undo, redo).
    pub fn revision(&self) -> u64 {
        self.history.state()
    }

    /// Writes the annotations atomically (beside the article, or in a project's
    /// `.sorot/annotations/`, whose folders are made on the first save).
    pub fn save(&mut self) -> Result<(), AnnotationFileError> {
        let snapshot = self.snapshot();
        snapshot.write()?;
        self.saved(snapshot.revision);
        Ok(())
    }

    /// The annotations as they are now, to be written elsewhere (a save
    /// worker) while review goes on.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot { document: self.document.clone(), path: self.annotation_path.clone(), revision: self.history.state() }
    }

    /// The snapshot taken at `revision` is on disk: the document is clean
    /// unless it changed since.
    pub fn saved(&mut self, revision: u64) {
        self.history.mark_saved_at(revision);
    }
}

/// A copy of a session's annotations taken for saving.
#[derive(Debug)]
pub struct Snapshot {
    pub document: Document,
    pub path: PathBuf,
    /// The history state it was taken at (see [`Session::saved`]).
    pub revision: u64,
}

impl Snapshot {
    /// Writes it atomically, making the folders on the first save.
    pub fn write(&self) -> Result<(), AnnotationFileError> {
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|source| AnnotationFileError::Write { path: self.path.clone(), source })?;
        }
        store::save_annotations(&self.document, &self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use crate::annotate::suggest_document;
    use crate::model::SpanRef;

    #[test]
    fn the_open_count_follows_edits_undo_and_redo_like_a_rescan() {
        let text = "“Kami siap 😀,” kata Vladimir Putin di Vladivostok.\r\nDonald Trump tiba di Washington.";
        let document = suggest_document(text.to_owned(), None, &Analyzer::new());
        let opened = Opened {
            document,
            annotation_path: PathBuf::from("x.json"),
            from_saved: false,
            needs_analysis: false,
            warning: None,
        };
        let mut session = Session::new(opened);
        let rescan = |s: &Session| s.document.open_suggestion_count();
        assert!(session.open_suggestions() >= 3);
        assert_eq!(session.open_suggestions(), rescan(&session));
        let ids: Vec<_> = session.document.entities().iter().map(|e| SpanRef::Entity(e.id.clone())).collect();
        let accept = session.document.accept_edit(&ids[0]).unwrap();
        session.perform(accept).unwrap();
        let reject = session.document.reject_edit(&ids[1]).unwrap();
        session.perform(reject).unwrap();
        let delete = session.document.delete_edit(&ids[2]).unwrap();
        session.perform(delete).unwrap();
        assert_eq!(session.open_suggestions(), rescan(&session));
        while session.undo().unwrap().is_some() {
            assert_eq!(session.open_suggestions(), rescan(&session));
        }
        while session.redo().unwrap().is_some() {
            assert_eq!(session.open_suggestions(), rescan(&session));
        }
    }
}
