//! The quotation dataset: one quotation per JSONL line or CSV row, with its
//! kind, speaker (name, label, span), cue and document, for journalists and
//! researchers studying who is quoted. Code-point offsets. Export only.

use std::path::Path;

use serde::Serialize;

use super::output::{json_lines, write_file};
use super::{ExportSummary, FormatError};
use crate::model::{Document, QuoteKind, Status};

/// The CSV header: `Row`'s fields in order.
const COLUMNS: [&str; 14] = [
    "document",
    "quote_id",
    "quote",
    "kind",
    "start",
    "end",
    "speaker",
    "speaker_label",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "status",
];

/// One row; empty speaker / cue fields when the quote has none.
#[derive(Serialize)]
struct Row {
    document: String,
    quote_id: String,
    quote: String,
    kind: &'static str,
    start: usize,
    end: usize,
    speaker: Option<String>,
    speaker_label: Option<String>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    cue: Option<String>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    status: &'static str,
}

fn rows(docs: &[Document], summary: &mut ExportSummary) -> Vec<Row> {
    let mut rows = Vec::new();
    for doc in docs {
        let document = doc.source.as_deref().map(|p| p.display().to_string()).unwrap_or_else(|| doc.title.clone());
        let speakers = doc.quotes().iter().filter_map(|q| q.speaker.as_deref());
        let unquoted = doc.entities().iter().filter(|e| !speakers.clone().any(|s| s == e.id)).count();
        summary.lose(unquoted, "entities that speak no quote (quote datasets have a row per quote)");
        for q in doc.quotes() {
            let speaker = q.speaker.as_deref().and_then(|id| doc.entity(id));
            summary.spans_written += 1;
            rows.push(Row {
                document: document.clone(),
                quote_id: q.id.to_string(),
                quote: q.text.to_string(),
                kind: match q.kind {
                    QuoteKind::Direct => "direct",
                    QuoteKind::Indirect => "indirect",
                },
                start: q.start,
                end: q.end,
                speaker: speaker.map(|e| e.text.to_string()),
                speaker_label: speaker.map(|e| e.label.to_string()),
                speaker_start: speaker.map(|e| e.start),
                speaker_end: speaker.map(|e| e.end),
                cue: q.cue.as_ref().map(|c| c.text.to_string()),
                cue_start: q.cue.as_ref().map(|c| c.start),
                cue_end: q.cue.as_ref().map(|c| c.end),
                status: match q.status {
                    Status::Suggested => "suggested",
                    Status::Accepted => "accepted",
                    Status::Rejected => "rejected",
                    Status::Manual => "manual",
                },
            });
        }
    }
    rows
}

pub(crate) fn export_jsonl(docs: &[Document], out: &Path, summary: &mut ExportSummary) -> Result<(), FormatError> {
    let rows = rows(docs, summary);
    write_file(out, &json_lines(&rows), summary)
}

pub(crate) fn export_csv(docs: &[Document], out: &Path, summary: &mut ExportSummary) -> Result<(), FormatError> {
    let rows = rows(docs, summary);
    // The header is written even when there is no quote to describe.
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    writer.write_record(COLUMNS).map_err(|e| csv_error(out, e))?;
    for row in &rows {
        writer.serialize(row).map_err(|e| csv_error(out, e))?;
    }
    let bytes = writer.into_inner().map_err(|e| csv_error(out, e.into_error()))?;
    write_file(out, &bytes, summary)
}

fn csv_error(out: &Path, error: impl Into<csv::Error>) -> FormatError {
    let error: csv::Error = error.into();
    FormatError::Write { path: out.to_owned(), source: std::io::Error::other(error.to_string()) }
}
