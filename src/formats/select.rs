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
    let mut out = doc.clone();
    out.entities.retain(|e| included(e.status, options));
    out.quotes.retain(|q| included(q.status, options));
    let mut unlinked = 0;
    for quote in &mut out.quotes {
        let kept = |id: &str| doc.entities.iter().any(|e| e.id == id && included(e.status, options));
        if quote.speaker.as_ref().is_some_and(|id| !kept(id)) {
            quote.speaker = None;
            unlinked += 1;
        }
    }
    summary.lose(unlinked, "speaker links to entities not exported (not reviewed)");
    out
}
