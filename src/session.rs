//! A document under review: the document, its undo history and where it saves.

use std::path::PathBuf;

use crate::annotate::Opened;
use crate::model::{Document, Edit, EditError, History};
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
        let (structural, delta) = (edit.changes_structure(), edit.open_delta());
        self.history.perform(&mut self.document, edit)?;
        self.structure_revision += u64::from(structural);
        self.count_open(delta);
        Ok(())
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        let Some(edit) = self.history.last_edit() else { return Ok(false) };
        let (structural, delta) = (edit.changes_structure(), -edit.open_delta());
        let undone = self.history.undo(&mut self.document)?;
        self.structure_revision += u64::from(undone && structural);
        self.count_open(if undone { delta } else { 0 });
        Ok(undone)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        let Some(edit) = self.history.next_edit() else { return Ok(false) };
        let (structural, delta) = (edit.changes_structure(), edit.open_delta());
        let redone = self.history.redo(&mut self.document)?;
        self.structure_revision += u64::from(redone && structural);
        self.count_open(if redone { delta } else { 0 });
        Ok(redone)
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
        if let Some(folder) = self.annotation_path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|source| AnnotationFileError::Write { path: self.annotation_path.clone(), source })?;
        }
        store::save_annotations(&self.document, &self.annotation_path)?;
        self.history.mark_saved();
        Ok(())
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
        let opened = Opened { document, annotation_path: PathBuf::from("x.json"), from_saved: false, warning: None };
        let mut session = Session::new(opened);
        let rescan = |s: &Session| s.document.open_suggestion_count();
        assert!(session.open_suggestions() >= 3);
        assert_eq!(session.open_suggestions(), rescan(&session));
        let ids: Vec<_> = session.document.entities.iter().map(|e| SpanRef::Entity(e.id.clone())).collect();
        let accept = session.document.accept_edit(&ids[0]).unwrap();
        session.perform(accept).unwrap();
        let reject = session.document.reject_edit(&ids[1]).unwrap();
        session.perform(reject).unwrap();
        let delete = session.document.delete_edit(&ids[2]).unwrap();
        session.perform(delete).unwrap();
        assert_eq!(session.open_suggestions(), rescan(&session));
        while session.undo().unwrap() {
            assert_eq!(session.open_suggestions(), rescan(&session));
        }
        while session.redo().unwrap() {
            assert_eq!(session.open_suggestions(), rescan(&session));
        }
    }
}
