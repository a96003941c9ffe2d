//! Project statistics: documents by status, spans by label and status, top speakers.
//! A project's are read from its files a chunk at a time ([`scope_stats`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::open::load_saved;
use super::search_stream::Scope;
use super::status::DocStatus;
use crate::model::{Document, Status};

/// Span counts of one label, by review status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub suggested: usize,
    pub accepted: usize,
    pub rejected: usize,
    pub manual: usize,
}

impl StatusCounts {
    fn add(&mut self, status: Status) {
        match status {
            Status::Suggested => self.suggested += 1,
            Status::Accepted => self.accepted += 1,
            Status::Rejected => self.rejected += 1,
            Status::Manual => self.manual += 1,
        }
    }

    /// Spans that are not rejected.
    pub fn kept(&self) -> usize {
        self.suggested + self.accepted + self.manual
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectStats {
    pub documents_by_status: BTreeMap<DocStatus, usize>,
    /// Entity labels in name order.
    pub spans_by_label: BTreeMap<String, StatusCounts>,
    pub quotes: StatusCounts,
    /// Speakers by the number of quotes (not rejected) attributed to them, most first.
    pub top_speakers: Vec<(String, usize)>,
}

/// Statistics over documents and their statuses (a document not yet analysed:
/// `None`). Speakers are counted by their entity's text.
pub fn project_stats<'d>(documents: impl IntoIterator<Item = Option<&'d Document>>, top: usize) -> ProjectStats {
    let mut tally = Tally::default();
    documents.into_iter().for_each(|doc| tally.add(doc));
    tally.finish(top)
}

/// [`project_stats`] of a project read from its saved files a chunk at a time
/// on all cores (the open document as it is now), never all at once; articles
/// are not read: without saved annotations a document is new.
pub fn scope_stats(scope: Scope, top: usize) -> ProjectStats {
    let mut tally = Tally::default();
    if let (true, Some((_, doc))) = (scope.open_alone(), scope.open) {
        tally.add(Some(doc));
    }
    let Some((layout, entries)) = scope.project else { return tally.finish(top) };
    let chunk = 8 * rayon::current_num_threads().clamp(1, 64);
    for chunk in entries.chunks(chunk) {
        let documents: Vec<Option<Cow<Document>>> = chunk
            .par_iter()
            .map(|entry| match scope.open {
                Some((id, doc)) if *id == entry.id => Some(Cow::Borrowed(doc)),
                // An unreadable file counts as new, as in the document list's status.
                _ => load_saved(layout, &entry.id).ok().flatten().map(Cow::Owned),
            })
            .collect();
        documents.iter().for_each(|doc| tally.add(doc.as_deref()));
    }
    tally.finish(top)
}

/// Statistics added up one document at a time.
#[derive(Default)]
struct Tally {
    stats: ProjectStats,
    speakers: HashMap<String, usize>,
}

impl Tally {
    fn add(&mut self, doc: Option<&Document>) {
        *self.stats.documents_by_status.entry(DocStatus::of(doc)).or_default() += 1;
        let Some(doc) = doc else { return };
        for entity in doc.entities() {
            self.stats.spans_by_label.entry(entity.label.to_string()).or_default().add(entity.status);
        }
        for quote in doc.quotes() {
            self.stats.quotes.add(quote.status);
            let speaker = quote.speaker.as_deref().and_then(|id| doc.entity(id));
            if let (Some(speaker), true) = (speaker, quote.status != Status::Rejected) {
                *self.speakers.entry(speaker.text.to_string()).or_default() += 1;
            }
        }
    }

    fn finish(self, top: usize) -> ProjectStats {
        let mut stats = self.stats;
        let mut ranked: Vec<(String, usize)> = self.speakers.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.truncate(top);
        stats.top_speakers = ranked;
        stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{QuoteKind, SpanRef};

    #[test]
    fn counts_documents_spans_and_speakers() {
        let text = "“Ya,” kata Ana. “Tidak,” kata Ana. “Mungkin,” kata Budi.";
        let mut doc = Document::new(text.into(), None);
        for (s, e) in [(11, 14), (30, 33), (51, 55)] {
            doc.apply(&doc.add_entity_edit(s, e, "PERSON").unwrap()).unwrap();
        }
        for (s, e) in [(0, 5), (16, 24), (36, 45)] {
            doc.apply(&doc.add_quote_edit(s, e, QuoteKind::Direct).unwrap()).unwrap();
        }
        for (q, e) in [("q1", "e1"), ("q2", "e2"), ("q3", "e3")] {
            doc.apply(&doc.speaker_edit(q, Some(e)).unwrap()).unwrap();
        }
        doc.apply(&doc.reject_edit(&SpanRef::Entity("e3".into())).unwrap()).unwrap();
        let stats = project_stats([Some(&doc), None, None], 5);
        assert_eq!(stats.documents_by_status[&DocStatus::New], 2);
        assert_eq!(stats.documents_by_status[&DocStatus::InProgress], 1);
        assert_eq!(stats.spans_by_label["PERSON"], StatusCounts { manual: 2, rejected: 1, ..Default::default() });
        assert_eq!(stats.quotes.manual, 3);
        assert_eq!(stats.top_speakers, vec![("Ana".into(), 2), ("Budi".into(), 1)]);
    }

    #[test]
    fn a_project_read_in_chunks_counts_as_its_documents_loaded_at_once() {
        use crate::project::layout::Layout;
        use crate::project::open::save_document;
        use crate::project::scan::scan;
        let dir = tempfile::tempdir().unwrap();
        let text = "“Ya 😀,” kata Ana.\r\nAna di Bandung.";
        for i in 0..70 {
            std::fs::write(dir.path().join(format!("a{i:03}.txt")), text).unwrap();
        }
        let layout = Layout::new(dir.path());
        let entries = scan(dir.path()).articles;
        let mut saved = Document::new(text.into(), None);
        saved.apply(&saved.add_entity_edit(13, 16, "PERSON").unwrap()).unwrap();
        for entry in entries.iter().step_by(4) {
            save_document(&layout, &entry.id, &saved).unwrap();
        }
        let mut open = saved.clone();
        open.apply(&open.done_edit(true).unwrap()).unwrap();
        let scope = Scope { project: Some((&layout, &entries)), open: Some((&entries[1].id, &open)) };
        let stats = scope_stats(scope, 5);
        let expected: Vec<Option<&Document>> = (0..70)
            .map(|i| {
                if i == 1 {
                    Some(&open)
                } else if i % 4 == 0 {
                    Some(&saved)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(stats, project_stats(expected, 5));
        assert_eq!(stats.documents_by_status[&DocStatus::Done], 1);
        assert_eq!(stats.spans_by_label["PERSON"].manual, 19);
    }
}
