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
}

impl Session {
    pub fn new(opened: Opened) -> Self {
        Self {
            document: opened.document,
            history: History::default(),
            annotation_path: opened.annotation_path,
            structure_revision: 0,
        }
    }

    pub fn perform(&mut self, edit: Edit) -> Result<(), EditError> {
        let structural = edit.changes_structure();
        self.history.perform(&mut self.document, edit)?;
        self.structure_revision += u64::from(structural);
        Ok(())
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        let structural = self.history.last_edit().is_some_and(Edit::changes_structure);
        let undone = self.history.undo(&mut self.document)?;
        self.structure_revision += u64::from(undone && structural);
        Ok(undone)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        let structural = self.history.next_edit().is_some_and(Edit::changes_structure);
        let redone = self.history.redo(&mut self.document)?;
        self.structure_revision += u64::from(redone && structural);
        Ok(redone)
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
