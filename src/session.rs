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
}

impl Session {
    pub fn new(opened: Opened) -> Self {
        Self { document: opened.document, history: History::default(), annotation_path: opened.annotation_path }
    }

    pub fn perform(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.perform(&mut self.document, edit)
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        self.history.undo(&mut self.document)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        self.history.redo(&mut self.document)
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Writes the annotations atomically beside the article.
    pub fn save(&mut self) -> Result<(), AnnotationFileError> {
        store::save_annotations(&self.document, &self.annotation_path)?;
        self.history.mark_saved();
        Ok(())
    }
}
