//! An article of a project opened for review, and its annotations saved back
//! to the project's layout.
//!
//! The saved `source` is the article's id (its path relative to the project,
//! `feed.jsonl:7` for a JSON Lines line), so annotation files do not change
//! from one machine or checkout folder to another.

use std::path::PathBuf;

use super::decode::{decode_entry, DecodeError};
use super::layout::Layout;
use super::scan::{ArticleEntry, ArticleId};
use crate::analysis::Analyzer;
use crate::annotate::{anchored, suggest_document, Opened};
use crate::model::{Document, DocumentError};
use crate::store::{self, AnnotationFileError};

/// A project article ready for review.
#[derive(Debug)]
pub struct OpenedArticle {
    pub id: ArticleId,
    pub document: Document,
    pub annotation_path: PathBuf,
    /// True when the annotations came from a saved file rather than the analysis.
    pub from_saved: bool,
    /// For the status line: decoding warnings, re-anchoring reports.
    pub warnings: Vec<String>,
}

impl OpenedArticle {
    /// The single-article form the app's `Session` is made from.
    pub fn into_opened(self) -> Opened {
        let warning = (!self.warnings.is_empty()).then(|| self.warnings.join("; "));
        Opened { document: self.document, annotation_path: self.annotation_path, from_saved: self.from_saved, warning }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ProjectOpenError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Annotations(#[from] AnnotationFileError),
    #[error("{article}: the saved annotations could not be re-anchored: {source}")]
    Anchor { article: ArticleId, source: Box<DocumentError> },
}

/// Opens `entry`: its saved annotations (re-anchored if the article changed), else suggestions.
pub fn open_entry(
    layout: &Layout,
    entry: &ArticleEntry,
    analyzer: &Analyzer,
) -> Result<OpenedArticle, ProjectOpenError> {
    let decoded = decode_entry(entry)?;
    let mut warnings: Vec<String> = decoded.warnings.iter().map(ToString::to_string).collect();
    let annotation_path = layout.annotation_path(&entry.id);
    let saved = load_saved(layout, &entry.id)?;
    let from_saved = saved.is_some();
    let mut document = match saved {
        Some(saved) => {
            let (document, warning) = anchored(saved, decoded.text, &entry.id.to_string())
                .map_err(|source| ProjectOpenError::Anchor { article: entry.id.clone(), source: Box::new(source) })?;
            warnings.extend(warning);
            document
        }
        None => {
            let mut document = suggest_document(decoded.text, None, analyzer);
            if let Some(title) = decoded.title {
                document.title = title;
            }
            document
        }
    };
    document.source = Some(source_of(&entry.id));
    Ok(OpenedArticle { id: entry.id.clone(), document, annotation_path, from_saved, warnings })
}

/// The saved annotations of `id`, if it has any.
pub fn load_saved(layout: &Layout, id: &ArticleId) -> Result<Option<Document>, AnnotationFileError> {
    let path = layout.annotation_path(id);
    if !path.exists() {
        return Ok(None);
    }
    store::load_annotations(&path).map(Some)
}

/// Saves `document` as the annotations of `id`, atomically, creating folders as needed.
pub fn save_document(layout: &Layout, id: &ArticleId, document: &Document) -> Result<(), AnnotationFileError> {
    let path = layout.annotation_path(id);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|source| AnnotationFileError::Write { path: path.clone(), source })?;
    }
    if document.source.as_ref() == Some(&source_of(id)) {
        return store::save_annotations(document, &path);
    }
    let mut relative = document.clone();
    relative.source = Some(source_of(id));
    store::save_annotations(&relative, &path)
}

fn source_of(id: &ArticleId) -> PathBuf {
    PathBuf::from(id.to_string())
}
