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
use crate::annotate::{opened_from, suggest_unless_long, ArticleText, OpenError, Opened};
use crate::model::Document;
use crate::store::{self, AnnotationFileError};

#[derive(Debug, thiserror::Error)]
pub enum ProjectOpenError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Annotations(#[from] AnnotationFileError),
    #[error("{article}: {source}")]
    Open { article: ArticleId, source: Box<OpenError> },
}

/// Opens `entry` through the same pipeline as a single article
/// ([`crate::annotate::opened_from`]): its saved annotations, re-anchored if the
/// article changed, else suggestions — at once for a short article; a long one
/// comes back with `needs_analysis` for the caller's background thread.
pub fn open_entry(
    layout: &Layout,
    entry: &ArticleEntry,
    analyzer: &Analyzer,
    analyse_later_above: usize,
) -> Result<Opened, ProjectOpenError> {
    let decoded = decode_entry(entry)?;
    let warnings = decoded.warnings.iter().map(ToString::to_string).collect();
    let article = ArticleText { text: decoded.text, source: source_of(&entry.id), title: decoded.title, warnings };
    let saved = load_saved(layout, &entry.id)?;
    let mut opened = opened_from(article, saved, layout.annotation_path(&entry.id))
        .map_err(|source| ProjectOpenError::Open { article: entry.id.clone(), source: Box::new(source) })?;
    suggest_unless_long(&mut opened, analyzer, analyse_later_above);
    Ok(opened)
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
    let path = annotation_path_in_place(layout, id)?;
    if document.source.as_ref() == Some(&source_of(id)) {
        return store::save_annotations(document, &path);
    }
    let mut relative = document.clone();
    relative.source = Some(source_of(id));
    store::save_annotations(&relative, &path)
}

/// Saves `document` as the annotations of `id` only if it has none yet (see
/// [`store::save_new_annotations`]); `Ok(false)` when it had.
pub fn save_new_document(layout: &Layout, id: &ArticleId, document: &Document) -> Result<bool, AnnotationFileError> {
    let path = annotation_path_in_place(layout, id)?;
    store::save_new_annotations(document, &path)
}

/// [`save_new_document`] for a batch of regenerable suggestions (the
/// background analysis): no flush to disk per file, still never replacing
/// what is there; call [`store::sync_folder`] once the batch is written.
pub fn save_new_document_in_batch(
    layout: &Layout,
    id: &ArticleId,
    document: &Document,
) -> Result<bool, AnnotationFileError> {
    let path = annotation_path_in_place(layout, id)?;
    store::save_new_annotations_in_batch(document, &path)
}

/// Where the annotations of `id` go, its folders created.
fn annotation_path_in_place(layout: &Layout, id: &ArticleId) -> Result<PathBuf, AnnotationFileError> {
    let path = layout.annotation_path(id);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|source| AnnotationFileError::Write { path: path.clone(), source })?;
    }
    Ok(path)
}

fn source_of(id: &ArticleId) -> PathBuf {
    PathBuf::from(id.to_string())
}
