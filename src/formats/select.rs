//! Which annotations an export includes: reviewed ones, plus suggestions and
//! rejected ones when asked.

use super::{ExportOptions, ExportSummary};
use crate::model::{Document, Status};

fn included(status: Status, options: &ExportOptions) -> bool {
    match status {
        Status::Accepted | Status::Manual => true,
        Status::Suggested => options.with_suggestions,
        Status::Rejected => options.with_rejected,
    }
}

/// A copy of `doc` holding only the annotations `options` include. A quote
/// whose speaker is left out keeps no speaker link; the summary counts it.
pub(crate) fn select(doc: &Document, options: &ExportOptions, summary: &mut ExportSummary) -> Document {
    let entities = doc.entities().iter().filter(|e| included(e.status, options)).cloned().collect();
    let mut quotes: Vec<_> = doc.quotes().iter().filter(|q| included(q.status, options)).cloned().collect();
    let mut unlinked = 0;
    for quote in &mut quotes {
        let kept = |id: &str| doc.entities().iter().any(|e| e.id == id && included(e.status, options));
        if quote.speaker.as_ref().is_some_and(|id| !kept(id)) {
            quote.speaker = None;
            unlinked += 1;
        }
    }
    summary.lose(unlinked, "speaker links to entities not exported (not reviewed)");
    doc.clone().with_spans(entities, quotes)
}
