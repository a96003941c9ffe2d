//! Where an article becomes a document under review. One pipeline serves a
//! single article file and an article of a project: the saved annotations,
//! re-anchored when the article changed on disk, or else suggestions from the
//! analysis — computed at once for a short article, left to the caller's
//! background thread for a long one (see [`Opened::needs_analysis`]).

use std::path::{Path, PathBuf};

use crate::analysis::{Analyzer, QuoteKind as FoundKind, Suggestions};
use crate::model::anchor::reanchor;
use crate::model::{Cue, Document, DocumentError, Entity, Quote, QuoteKind, Status};
use crate::store::{self, AnnotationFileError, ArticleError};

/// Articles longer than this (bytes) without saved annotations open at once and
/// are analysed in the background: a 1 MB article takes a quarter of a second,
/// which a window must not freeze for.
pub const ANALYSE_LATER_ABOVE: usize = 200_000;

/// An article opened for review.
#[derive(Debug)]
pub struct Opened {
    pub document: Document,
    /// Where its annotations are saved.
    pub annotation_path: PathBuf,
    /// True when the annotations came from a saved file rather than the analysis.
    pub from_saved: bool,
    /// True when the document still waits for its suggestions: the caller runs
    /// [`Analyzer::analyze`] on its text off the UI thread and adds them with
    /// [`add_suggestions`].
    pub needs_analysis: bool,
    /// Something the annotator should know (e.g. the article changed on disk).
    pub warning: Option<String>,
}

/// An article's text as read, before it is matched with annotations.
#[derive(Debug)]
pub struct ArticleText {
    pub text: String,
    /// What the document names as its source (a path, or a project article id).
    pub source: PathBuf,
    /// A title the article file gave (JSON `title`); otherwise the first line.
    pub title: Option<String>,
    /// Things worth knowing about how it was read (e.g. not UTF-8).
    pub warnings: Vec<String>,
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

/// Opens the article file `article` with its `<article>.sorot.json`, if any.
pub fn open_article(article: &Path, analyzer: &Analyzer, analyse_later_above: usize) -> Result<Opened, OpenError> {
    let text = store::read_article(article)?;
    let annotation_path = store::annotation_path_for(article);
    let saved = annotation_path.exists().then(|| store::load_annotations(&annotation_path)).transpose()?;
    let article = ArticleText { text, source: article.to_owned(), title: None, warnings: Vec::new() };
    let mut opened = opened_from(article, saved, annotation_path)?;
    suggest_unless_long(&mut opened, analyzer, analyse_later_above);
    Ok(opened)
}

/// The pipeline's core: `saved` annotations placed on the article's text as it
/// is now, or an empty document waiting for suggestions.
pub fn opened_from(
    article: ArticleText,
    saved: Option<Document>,
    annotation_path: PathBuf,
) -> Result<Opened, OpenError> {
    let ArticleText { text, source, title, mut warnings } = article;
    let from_saved = saved.is_some();
    let mut document = match saved {
        Some(saved) => {
            let (document, warning) = anchored(saved, text, &source.display().to_string())?;
            warnings.extend(warning);
            document
        }
        None => {
            let mut document = Document::new(text, None);
            if let Some(title) = title {
                document.title = title;
            }
            document
        }
    };
    document.source = Some(source);
    let warning = (!warnings.is_empty()).then(|| warnings.join("; "));
    Ok(Opened { document, annotation_path, from_saved, needs_analysis: !from_saved, warning })
}

/// Adds suggestions at once to a document that needs them, unless its text is
/// longer than `analyse_later_above` bytes (then the caller analyses it later).
pub fn suggest_unless_long(opened: &mut Opened, analyzer: &Analyzer, analyse_later_above: usize) {
    if opened.needs_analysis && opened.document.text.len() <= analyse_later_above {
        let suggestions = analyzer.analyze(&opened.document.text);
        add_suggestions(&mut opened.document, suggestions);
        opened.needs_analysis = false;
    }
}

/// Saved annotations placed on the article's current text; when it changed on
/// disk, spans are re-anchored (or flagged) and the warning says which. An
/// unchanged text is taken as it is, without re-anchoring.
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
    // Sized up front: grown by doubling, the span lists of a long text kept up
    // to half their room spare (tens of MB on quote-dense text).
    let mut entities = Vec::with_capacity(suggestions.entities.len());
    // Which suggestions became entities, by index: a quote's speaker is looked
    // up here, not by scanning the entities (quadratic on quote-dense text).
    let mut kept = vec![false; suggestions.entities.len()];
    for (i, found) in suggestions.entities.into_iter().enumerate() {
        // The analysis promises valid ranges; a span it got wrong is dropped
        // here rather than saved with a text that does not match.
        let Some(text) = document.slice(found.start, found.end).filter(|t| !t.is_empty()).map(str::to_owned) else {
            continue;
        };
        kept[i] = true;
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
    let mut quotes = Vec::with_capacity(suggestions.quotes.len());
    for (i, found) in suggestions.quotes.into_iter().enumerate() {
        let Some(text) = document.slice(found.start, found.end).filter(|t| !t.is_empty()) else {
            continue;
        };
        let speaker = found.speaker.filter(|&i| kept.get(i) == Some(&true)).map(entity_id);
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
    *document = std::mem::take(document).with_spans(entities, quotes);
}
