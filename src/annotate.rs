//! Where an article becomes a document: its saved annotations when it has
//! some, otherwise fresh suggestions from the analysis.

use std::path::{Path, PathBuf};

use crate::analysis::{Analyzer, QuoteKind as FoundKind, Suggestions};
use crate::model::{Cue, Document, DocumentError, Entity, Quote, QuoteKind, Status};
use crate::project::anchor::reanchor;
use crate::store::{self, AnnotationFileError, ArticleError};

/// An article opened for review.
#[derive(Debug)]
pub struct Opened {
    pub document: Document,
    /// Where its annotations are saved.
    pub annotation_path: PathBuf,
    /// True when the annotations came from a saved file rather than the analysis.
    pub from_saved: bool,
    /// Something the annotator should know (e.g. the article changed on disk).
    pub warning: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Article(#[from] ArticleError),
    #[error(transparent)]
    Annotations(#[from] AnnotationFileError),
    #[error("the annotations of the changed article could not be re-anchored: {0}")]
    Anchor(#[from] DocumentError),
}

/// Opens `article`: loads `<article>.sorot.json` if it exists, else analyses the text.
pub fn open_article(article: &Path, analyzer: &Analyzer) -> Result<Opened, OpenError> {
    let text = store::read_article(article)?;
    let annotation_path = store::annotation_path_for(article);
    if !annotation_path.exists() {
        let document = suggest_document(text, Some(article.to_owned()), analyzer);
        return Ok(Opened { document, annotation_path, from_saved: false, warning: None });
    }
    let (saved, _) = store::load_annotations_with_hash(&annotation_path)?;
    let (mut document, warning) = anchored(saved, text, &article.display().to_string())?;
    document.source = Some(article.to_owned());
    Ok(Opened { document, annotation_path, from_saved: true, warning })
}

/// Like [`open_article`], but an article without saved annotations and longer
/// than `analyse_later_above` bytes comes back without suggestions and `true`:
/// the caller shows the text at once and analyses it in the background
/// (a 1 MB article takes a quarter of a second, which a window must not freeze for).
pub fn open_article_deferred(
    article: &Path,
    analyzer: &Analyzer,
    analyse_later_above: usize,
) -> Result<(Opened, bool), OpenError> {
    let annotation_path = store::annotation_path_for(article);
    if annotation_path.exists() {
        return open_article(article, analyzer).map(|opened| (opened, false));
    }
    let text = store::read_article(article)?;
    if text.len() <= analyse_later_above {
        let document = suggest_document(text, Some(article.to_owned()), analyzer);
        return Ok((Opened { document, annotation_path, from_saved: false, warning: None }, false));
    }
    let document = Document::new(text, Some(article.to_owned()));
    Ok((Opened { document, annotation_path, from_saved: false, warning: None }, true))
}

/// Saved annotations placed on the article's current text; when it changed on
/// disk, spans are re-anchored (or flagged) and the warning says which.
pub fn anchored(saved: Document, text: String, article: &str) -> Result<(Document, Option<String>), DocumentError> {
    let (document, report) = reanchor(saved, text)?;
    let warning = if report.has_changes() {
        Some(report.summary(article))
    } else if !document.detached.is_empty() {
        Some(format!("{article}: {} flagged span(s) whose text is no longer in the article", document.detached.len()))
    } else {
        None
    };
    Ok((document, warning))
}

/// A document whose annotations are the analysis' suggestions for `text`.
pub fn suggest_document(text: String, source: Option<PathBuf>, analyzer: &Analyzer) -> Document {
    let suggestions = analyzer.analyze(&text);
    let mut document = Document::new(text, source);
    add_suggestions(&mut document, suggestions);
    document
}

/// Makes `suggestions` the document's annotations (ids `e1…`, `q1…`, status suggested).
pub fn add_suggestions(document: &mut Document, suggestions: Suggestions) {
    let entity_id = |i: usize| format!("e{}", i + 1);
    let mut entities = Vec::new();
    for (i, found) in suggestions.entities.into_iter().enumerate() {
        // The analysis promises valid ranges; a span it got wrong is dropped
        // here rather than saved with a text that does not match.
        let Some(text) = document.slice(found.start, found.end).filter(|t| !t.is_empty()).map(str::to_owned) else {
            continue;
        };
        document.labels.ensure(&found.label);
        entities.push(Entity {
            id: entity_id(i).into(),
            start: found.start,
            end: found.end,
            label: found.label.into(),
            text: text.into(),
            status: Status::Suggested,
            source: found.source.into(),
            confidence: Some(found.confidence),
            annotator: None,
            changed_at: None,
        });
    }
    let mut quotes = Vec::new();
    for (i, found) in suggestions.quotes.into_iter().enumerate() {
        let Some(text) = document.slice(found.start, found.end).filter(|t| !t.is_empty()) else {
            continue;
        };
        let speaker = found.speaker.map(entity_id).filter(|id| entities.iter().any(|e| e.id == *id));
        let cue = found.cue.and_then(|(start, end)| {
            let text = document.slice(start, end)?.to_owned();
            Some(Cue { start, end, text: text.into() })
        });
        quotes.push(Quote {
            id: format!("q{}", i + 1).into(),
            start: found.start,
            end: found.end,
            text: text.into(),
            kind: match found.kind {
                FoundKind::Direct => QuoteKind::Direct,
                FoundKind::Indirect => QuoteKind::Indirect,
            },
            speaker: speaker.map(Into::into),
            cue,
            status: Status::Suggested,
            source: found.source.into(),
            confidence: Some(found.confidence),
            annotator: None,
            changed_at: None,
        });
    }
    document.entities = entities;
    document.quotes = quotes;
    document.sort_spans();
}
