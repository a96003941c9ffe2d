//! Project statistics: documents by status, spans by label and status, top speakers.

use std::collections::{BTreeMap, HashMap};

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
    let mut stats = ProjectStats::default();
    let mut speakers: HashMap<String, usize> = HashMap::new();
    for doc in documents {
        *stats.documents_by_status.entry(DocStatus::of(doc)).or_default() += 1;
        let Some(doc) = doc else { continue };
        for entity in doc.entities() {
            stats.spans_by_label.entry(entity.label.to_string()).or_default().add(entity.status);
        }
        for quote in doc.quotes() {
            stats.quotes.add(quote.status);
            let speaker = quote.speaker.as_deref().and_then(|id| doc.entity(id));
            if let (Some(speaker), true) = (speaker, quote.status != Status::Rejected) {
                *speakers.entry(speaker.text.to_string()).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = speakers.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(top);
    stats.top_speakers = ranked;
    stats
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
}
