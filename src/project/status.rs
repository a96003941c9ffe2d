//! Where each document of a project stands, for the document list.
//!
//! - **new**: no saved annotations, or only untouched suggestions;
//! - **in progress**: at least one span reviewed, rejected or made by hand;
//! - **done**: marked done by the annotator (`done` in the annotation file).
//!
//! In a team project each annotator's layer has its own status
//! ([`team_statuses`]), and a document may have a gold version.

use rayon::prelude::*;

use super::layout::Layout;
use super::open::load_saved;
use super::scan::{ArticleEntry, ArticleId};
use crate::model::{Document, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocStatus {
    New,
    InProgress,
    Done,
}

impl DocStatus {
    pub fn of(doc: Option<&Document>) -> Self {
        let Some(doc) = doc else { return DocStatus::New };
        if doc.done.is_some() {
            return DocStatus::Done;
        }
        let touched = doc
            .entities()
            .iter()
            .map(|e| e.status)
            .chain(doc.quotes().iter().map(|q| q.status))
            .any(|s| s != Status::Suggested);
        if touched {
            DocStatus::InProgress
        } else {
            DocStatus::New
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DocStatus::New => "new",
            DocStatus::InProgress => "in progress",
            DocStatus::Done => "done",
        }
    }
}

/// One row of the document list.
#[derive(Debug, Clone, PartialEq)]
pub struct DocSummary {
    pub id: ArticleId,
    pub title: String,
    pub status: DocStatus,
    /// Suggestions not yet reviewed; `None` when not analysed yet.
    pub open_suggestions: Option<usize>,
    pub entities: usize,
    pub quotes: usize,
    /// Spans set aside because the article changed (see `anchor`).
    pub flagged: usize,
    /// Why the saved annotations could not be read, if so.
    pub problem: Option<String>,
}

impl DocSummary {
    /// A row from what is saved (`None`: nothing yet): no article is read.
    pub fn of(id: &ArticleId, doc: Option<&Document>) -> Self {
        Self {
            id: id.clone(),
            title: doc.map(|d| d.title.clone()).unwrap_or_default(),
            status: DocStatus::of(doc),
            open_suggestions: doc.map(Document::open_suggestion_count),
            entities: doc.map_or(0, |d| d.entities().len()),
            quotes: doc.map_or(0, |d| d.quotes().len()),
            flagged: doc.map_or(0, |d| d.detached.len()),
            problem: None,
        }
    }
}

/// Summaries of every entry, read from the saved annotations on all cores (in
/// entry order). Meant for a background thread: 10,000 files take seconds.
pub fn summaries(layout: &Layout, entries: &[ArticleEntry]) -> Vec<DocSummary> {
    entries
        .par_iter()
        .map(|entry| match load_saved(layout, &entry.id) {
            Ok(doc) => DocSummary::of(&entry.id, doc.as_ref()),
            Err(error) => DocSummary { problem: Some(error.to_string()), ..DocSummary::of(&entry.id, None) },
        })
        .collect()
}

/// The first article, in entry order, that is not marked done (`None`: all
/// are). Files are read a chunk at a time on all cores, stopping at the first
/// chunk that has one, and only probed for their done mark (see
/// [`is_marked_done`]). Meant for a background thread on a large project.
pub fn first_unfinished(layout: &Layout, entries: &[ArticleEntry]) -> Option<ArticleId> {
    const CHUNK: usize = 64;
    entries.chunks(CHUNK).find_map(|chunk| {
        let done: Vec<bool> = chunk.par_iter().map(|entry| is_marked_done(layout, &entry.id)).collect();
        chunk.iter().zip(done).find(|(_, done)| !done).map(|(entry, _)| entry.id.clone())
    })
}

/// Whether the saved annotations of `id` carry a done mark (see
/// [`crate::store::is_marked_done`]: a probe, not a full load).
pub fn is_marked_done(layout: &Layout, id: &ArticleId) -> bool {
    crate::store::is_marked_done(&layout.annotation_path(id))
}

/// One annotator's status of a document in a team project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerStatus {
    pub annotator: String,
    pub status: DocStatus,
}

/// Where a document of a team project stands for each annotator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamStatus {
    pub id: ArticleId,
    /// One per annotator asked about, in that order.
    pub layers: Vec<LayerStatus>,
    /// True when the document has an adjudicated (gold) version.
    pub gold: bool,
    /// Annotation files that could not be read (their layer counts as new).
    pub problems: Vec<String>,
}

impl TeamStatus {
    /// How many annotators marked the document done.
    pub fn done_by(&self) -> usize {
        self.layers.iter().filter(|l| l.status == DocStatus::Done).count()
    }
}

/// Each annotator's status of every entry (in entry order), read on all cores.
pub fn team_statuses(layout: &Layout, entries: &[ArticleEntry], annotators: &[String]) -> Vec<TeamStatus> {
    entries.par_iter().map(|entry| team_status(layout, &entry.id, annotators)).collect()
}

/// Each annotator's status of `id`.
pub fn team_status(layout: &Layout, id: &ArticleId, annotators: &[String]) -> TeamStatus {
    let mut problems = Vec::new();
    let mut layers = Vec::with_capacity(annotators.len());
    for annotator in annotators {
        let saved = layout
            .for_annotator(annotator)
            .map_err(|e| e.to_string())
            .and_then(|layer| load_saved(&layer, id).map_err(|e| e.to_string()));
        let status = match saved {
            Ok(doc) => DocStatus::of(doc.as_ref()),
            Err(problem) => {
                problems.push(problem);
                DocStatus::New
            }
        };
        layers.push(LayerStatus { annotator: annotator.clone(), status });
    }
    let gold = layout.gold().annotation_path(id).exists();
    TeamStatus { id: id.clone(), layers, gold, problems }
}

/// What the document list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<DocStatus>,
    /// Case-insensitive part of the path or title.
    pub text: String,
    /// Only documents with open suggestions.
    pub with_open_suggestions: bool,
}

impl Filter {
    pub fn matches(&self, row: &DocSummary) -> bool {
        self.matcher()(row)
    }

    /// [`Filter::matches`] with the needle lowered once, for filtering many rows.
    pub fn matcher(&self) -> impl Fn(&DocSummary) -> bool + '_ {
        let needle = self.text.to_lowercase();
        move |row| {
            self.status.is_none_or(|s| s == row.status)
                && (!self.with_open_suggestions || row.open_suggestions.unwrap_or(0) > 0)
                && (needle.is_empty()
                    || row.id.to_string().to_lowercase().contains(&needle)
                    || row.title.to_lowercase().contains(&needle))
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Path,
    Title,
    Status,
    OpenSuggestions,
}

/// Sorts rows by `key` (ties by path, so the order is stable), descending if asked.
pub fn sort_rows(rows: &mut [DocSummary], key: SortKey, descending: bool) {
    rows.sort_by(|a, b| {
        let order = match key {
            SortKey::Path => std::cmp::Ordering::Equal,
            SortKey::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
            SortKey::Status => a.status.cmp(&b.status),
            SortKey::OpenSuggestions => a.open_suggestions.cmp(&b.open_suggestions),
        };
        let order = order.then_with(|| a.id.cmp(&b.id));
        if descending {
            order.reverse()
        } else {
            order
        }
    });
}

/// The row after (or before) `current` among `rows`, for next / previous document.
pub fn neighbour<'r>(rows: &'r [DocSummary], current: &ArticleId, backwards: bool) -> Option<&'r DocSummary> {
    let at = rows.iter().position(|r| &r.id == current)?;
    if backwards {
        at.checked_sub(1).and_then(|i| rows.get(i))
    } else {
        rows.get(at + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpanRef;

    fn id(path: &str) -> ArticleId {
        ArticleId { path: path.into(), line: None }
    }

    #[test]
    fn status_follows_review_and_done() {
        assert_eq!(DocStatus::of(None), DocStatus::New);
        let mut doc = Document::new("Ana di Bandung".into(), None);
        doc.apply(&doc.add_entity_edit(0, 3, "PERSON").unwrap()).unwrap();
        doc.apply(&doc.set_status_edit(&SpanRef::Entity("e1".into()), Status::Suggested).unwrap()).unwrap();
        assert_eq!(DocStatus::of(Some(&doc)), DocStatus::New);
        doc.apply(&doc.accept_edit(&SpanRef::Entity("e1".into())).unwrap()).unwrap();
        assert_eq!(DocStatus::of(Some(&doc)), DocStatus::InProgress);
        doc.apply(&doc.done_edit(true).unwrap().stamped(Some("dewi"), "2024-05-01T09:30:00Z")).unwrap();
        assert_eq!(DocStatus::of(Some(&doc)), DocStatus::Done);
    }

    #[test]
    fn status_is_per_annotator_in_a_team_project() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let doc_id = id("news/a.txt");
        let mut doc = Document::new("“Siap 😀,” kata Ana.\r\n".into(), None);
        doc.apply(&doc.add_entity_edit(15, 18, "PERSON").unwrap()).unwrap();
        let dewi = layout.for_annotator("dewi").unwrap();
        crate::project::open::save_document(&dewi, &doc_id, &doc).unwrap();
        doc.apply(&doc.done_edit(true).unwrap().stamped(Some("rudi"), "2024-05-01T09:30:00Z")).unwrap();
        crate::project::open::save_document(&layout.for_annotator("rudi").unwrap(), &doc_id, &doc).unwrap();
        let names = ["dewi".to_owned(), "rudi".to_owned(), "sari".to_owned()];
        let status = team_status(&layout, &doc_id, &names);
        let statuses: Vec<DocStatus> = status.layers.iter().map(|l| l.status).collect();
        assert_eq!(statuses, [DocStatus::InProgress, DocStatus::Done, DocStatus::New]);
        assert_eq!(status.done_by(), 1);
        assert!(!status.gold && status.problems.is_empty());
        crate::project::open::save_document(&layout.gold(), &doc_id, &doc).unwrap();
        std::fs::write(dewi.annotation_path(&doc_id), "{ not json").unwrap();
        let status = team_status(&layout, &doc_id, &names);
        assert!(status.gold);
        assert_eq!(status.problems.len(), 1, "an unreadable layer file is reported, not hidden");
    }

    #[test]
    fn filter_sort_and_neighbours() {
        let row = |path: &str, status, open| DocSummary {
            status,
            open_suggestions: Some(open),
            ..DocSummary::of(&id(path), None)
        };
        let mut rows =
            vec![row("c.txt", DocStatus::Done, 0), row("a.txt", DocStatus::New, 5), row("b.txt", DocStatus::New, 2)];
        sort_rows(&mut rows, SortKey::OpenSuggestions, true);
        assert_eq!(rows.iter().map(|r| r.id.path.as_str()).collect::<Vec<_>>(), ["a.txt", "b.txt", "c.txt"]);
        let filter = Filter { status: Some(DocStatus::New), text: "B.T".into(), with_open_suggestions: true };
        assert_eq!(rows.iter().filter(|r| filter.matches(r)).count(), 1);
        assert_eq!(neighbour(&rows, &id("b.txt"), false).unwrap().id, id("c.txt"));
        assert!(neighbour(&rows, &id("a.txt"), true).is_none());
    }
}
