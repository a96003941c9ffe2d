//! Search across a project: text in the articles, spans by label and text, and
//! bulk review of one surface form ("accept every suggested `Jakarta` as LOC").
//!
//! Searches run over [`Corpus`] documents: the saved annotations where there are
//! some, else the article text with no spans. Offsets in hits are code points,
//! ready to jump to.

use rayon::prelude::*;

use super::decode::decode_entry;
use super::layout::Layout;
use super::open::{load_saved, save_document};
use super::scan::{ArticleEntry, ArticleId};
use super::settings::{edit_count, ProjectChange};
use crate::model::{Document, Edit, SpanRef, Status};
use crate::store::AnnotationFileError;

/// The project's documents as searched: id and document (saved or bare text).
pub type Corpus = Vec<(ArticleId, Document)>;

/// Loads every article's document on all cores; unreadable ones are left out
/// (the document list reports them).
pub fn load_corpus(layout: &Layout, entries: &[ArticleEntry]) -> Corpus {
    entries
        .par_iter()
        .filter_map(|entry| {
            let doc = match load_saved(layout, &entry.id) {
                Ok(Some(doc)) => doc,
                _ => Document::new(decode_entry(entry).ok()?.text, None),
            };
            Some((entry.id.clone(), doc))
        })
        .collect()
}

/// Where a hit is.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    /// The span found, for span searches.
    pub span: Option<SpanRef>,
    /// The line of text around the hit, for the result list.
    pub context: String,
}

/// Every case-insensitive occurrence of `needle` in the corpus, up to `limit`.
pub fn search_text(corpus: &Corpus, needle: &str, limit: usize) -> Vec<Hit> {
    let needle: String = needle.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (id, doc) in corpus {
        // Folding maps one char to one char, so code-point offsets carry over.
        let folded: String = doc.text.chars().map(fold).collect();
        let index = crate::model::TextIndex::new(&folded);
        for (byte, _) in folded.match_indices(&needle) {
            if hits.len() >= limit {
                return hits;
            }
            let Some(start) = index.char_of(&folded, byte) else { continue };
            let end = start + needle.chars().count();
            hits.push(Hit { article: id.clone(), start, end, span: None, context: context_of(doc, start, end) });
        }
    }
    hits
}

/// A character's lower case when that is one character; itself otherwise.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The line holding `start..end`, trimmed.
fn context_of(doc: &Document, start: usize, end: usize) -> String {
    let (Some(from), Some(to)) = (doc.byte_of(start), doc.byte_of(end)) else { return String::new() };
    let line_start = doc.text[..from].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.text[to..].find('\n').map_or(doc.text.len(), |i| to + i);
    doc.text[line_start..line_end].trim().to_owned()
}

/// Which spans to find ("all PERSON spans 'Putin'").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpanQuery {
    /// An entity label; `None`: any label, and quotes too.
    pub label: Option<String>,
    /// Case-insensitive part of the span's text; empty: any.
    pub text: String,
    /// The whole span text must match, not a part.
    pub exact: bool,
    pub status: Option<Status>,
}

impl SpanQuery {
    fn text_matches(&self, text: &str) -> bool {
        let (text, needle): (String, String) =
            (text.chars().map(fold).collect(), self.text.chars().map(fold).collect());
        if self.exact {
            text == needle
        } else {
            text.contains(&needle)
        }
    }
}

/// The spans matching `query`, in document order.
pub fn search_spans(corpus: &Corpus, query: &SpanQuery) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (id, doc) in corpus {
        let status_ok = |s: Status| query.status.is_none_or(|q| q == s);
        for e in &doc.entities {
            if query.label.as_ref().is_none_or(|l| *l == e.label) && status_ok(e.status) && query.text_matches(&e.text)
            {
                let span = Some(SpanRef::Entity(e.id.clone()));
                hits.push(Hit {
                    article: id.clone(),
                    start: e.start,
                    end: e.end,
                    span,
                    context: context_of(doc, e.start, e.end),
                });
            }
        }
        if query.label.is_some() {
            continue;
        }
        for q in doc.quotes.iter().filter(|q| status_ok(q.status) && query.text_matches(&q.text)) {
            let span = Some(SpanRef::Quote(q.id.clone()));
            hits.push(Hit {
                article: id.clone(),
                start: q.start,
                end: q.end,
                span,
                context: context_of(doc, q.start, q.end),
            });
        }
    }
    hits
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Reject,
}

/// One bulk review: every *suggested* entity whose text is exactly `surface`
/// accepted as `label` (relabelled if needed) or, if labelled `label`, rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkReview<'a> {
    pub surface: &'a str,
    pub label: &'a str,
    pub decision: Decision,
    /// Stamped on every changed span.
    pub who: Option<&'a str>,
    /// RFC 3339 UTC.
    pub when: &'a str,
}

/// `review` on one document as one undoable edit; `None` when nothing matches.
pub fn bulk_review_edit(doc: &Document, review: &BulkReview) -> Option<Edit> {
    let edits: Vec<Edit> = doc
        .entities
        .iter()
        .filter(|e| e.status == Status::Suggested && e.text == review.surface)
        .filter(|e| review.decision == Decision::Accept || e.label == review.label)
        .map(|e| {
            let mut after = e.clone();
            match review.decision {
                Decision::Accept => {
                    after.status = Status::Accepted;
                    after.label = review.label.into();
                }
                Decision::Reject => after.status = Status::Rejected,
            }
            Edit::Entity { before: Some(e.clone()), after: Some(after) }
        })
        .collect();
    if edits.is_empty() {
        return None;
    }
    // An accepted label the document lacks joins its schema in the same step.
    let label = doc.label_added_edit(review.label).filter(|_| review.decision == Decision::Accept);
    Some(Edit::Batch(label.into_iter().chain(edits).collect()).stamped(review.who, review.when))
}

/// [`bulk_review_edit`] over every saved document of the project, each file
/// written atomically. The document open in the app is `skip`ped: give it the
/// edit through its history instead, so it can be undone there.
pub fn bulk_review_project(
    layout: &Layout,
    entries: &[ArticleEntry],
    skip: Option<&ArticleId>,
    review: &BulkReview,
) -> ProjectChange {
    let mut change = ProjectChange::default();
    for entry in entries.iter().filter(|e| Some(&e.id) != skip) {
        match review_saved(layout, &entry.id, review) {
            Ok(0) => {}
            Ok(spans) => {
                change.documents += 1;
                change.spans += spans;
            }
            Err(error) => change.failures.push(error),
        }
    }
    change
}

fn review_saved(layout: &Layout, id: &ArticleId, review: &BulkReview) -> Result<usize, AnnotationFileError> {
    let Some(mut doc) = load_saved(layout, id)? else { return Ok(0) };
    let Some(edit) = bulk_review_edit(&doc, review) else { return Ok(0) };
    if doc.apply(&edit).is_err() {
        return Ok(0); // computed from this very document: cannot be stale
    }
    save_document(layout, id, &doc)?;
    Ok(edit_count(&edit))
}
