//! Which spans of a version count, in the plain form the figures use.
//!
//! Reviewed spans (accepted or made by hand) count, as in an export; open
//! suggestions only when asked (an untouched suggestion is the analysis's
//! judgement, not the annotator's, and would make agreement look higher);
//! rejected spans never. Spans touching a left-out range do not count.

use compact_str::CompactString;

use super::corpus::touches;
use crate::model::{Document, QuoteKind, Status};

/// Which statuses count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanFilter {
    /// Also count suggestions nobody reviewed.
    pub with_suggestions: bool,
}

impl SpanFilter {
    pub fn counts(self, status: Status) -> bool {
        status.is_reviewed() || (self.with_suggestions && status == Status::Suggested)
    }
}

/// An entity as compared: offsets and label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntitySpan {
    pub start: usize,
    pub end: usize,
    pub label: CompactString,
}

/// A mention naming a quotation's speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: CompactString,
}

/// A quotation as compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<Mention>,
}

/// The spans of one version that count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counted {
    /// Sorted and without duplicates (two records of one span count once, as in bratiaa).
    pub entities: Vec<EntitySpan>,
    pub quotes: Vec<QuoteSpan>,
}

/// The spans of `doc` that `filter` counts, leaving out those touching `excluded`.
pub fn counted(doc: &Document, filter: SpanFilter, excluded: &[(usize, usize)]) -> Counted {
    let kept = |start: usize, end: usize| !excluded.iter().any(|&r| touches(start, end, r));
    let mut entities: Vec<EntitySpan> = doc
        .entities()
        .iter()
        .filter(|e| filter.counts(e.status) && kept(e.start, e.end))
        .map(|e| EntitySpan { start: e.start, end: e.end, label: e.label.clone() })
        .collect();
    entities.sort_unstable();
    entities.dedup();
    let quotes = doc
        .quotes()
        .iter()
        .filter(|q| filter.counts(q.status) && kept(q.start, q.end))
        .map(|q| QuoteSpan {
            start: q.start,
            end: q.end,
            kind: q.kind,
            speaker: q.speaker.as_deref().and_then(|id| doc.entity(id)).map(|e| Mention {
                start: e.start,
                end: e.end,
                text: e.text.clone(),
            }),
        })
        .collect();
    Counted { entities, quotes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SpanRef;

    #[test]
    fn reviewed_spans_count_suggestions_when_asked_rejected_never() {
        let text = "“Siap 😀,” kata Ana di Bandung.\r\nBudi pulang.";
        let mut doc = Document::new(text.into(), None);
        for (s, e, label) in [(15, 18, "PERSON"), (22, 29, "LOC"), (32, 36, "PERSON")] {
            doc.apply(&doc.add_entity_edit(s, e, label).unwrap()).unwrap();
        }
        doc.apply(&doc.add_quote_edit(0, 9, QuoteKind::Direct).unwrap()).unwrap();
        doc.apply(&doc.speaker_edit("q1", Some("e1")).unwrap()).unwrap();
        doc.apply(&doc.set_status_edit(&SpanRef::Entity("e2".into()), Status::Suggested).unwrap()).unwrap();
        doc.apply(&doc.set_status_edit(&SpanRef::Entity("e3".into()), Status::Rejected).unwrap()).unwrap();
        let reviewed = counted(&doc, SpanFilter::default(), &[]);
        assert_eq!(reviewed.entities.iter().map(|e| e.start).collect::<Vec<_>>(), [15]);
        let speaker = reviewed.quotes[0].speaker.as_ref().unwrap();
        assert_eq!((speaker.start, speaker.text.as_str()), (15, "Ana"));
        let all = counted(&doc, SpanFilter { with_suggestions: true }, &[]);
        assert_eq!(all.entities.len(), 2);
        let outside = counted(&doc, SpanFilter { with_suggestions: true }, &[(20, 31)]);
        assert_eq!(outside.entities.len(), 1, "the span on the left-out line does not count");
    }
}
