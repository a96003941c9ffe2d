//! Sorot JSONL: the saved annotation format, one document per line. Keeps
//! everything, status and confidence included.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::output::{json_lines, parse_json_lines, write_file};
use super::{ExportSummary, FormatError};
use crate::model::Document;

const FORMAT: &str = "sorot";
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Line<D> {
    format: String,
    version: u32,
    #[serde(flatten)]
    document: D,
}

pub(crate) fn export(docs: &[Document], out: &Path, summary: &mut ExportSummary) -> Result<(), FormatError> {
    let lines: Vec<Line<&Document>> =
        docs.iter().map(|document| Line { format: FORMAT.to_owned(), version: VERSION, document }).collect();
    summary.spans_written += docs.iter().map(span_count).sum::<usize>();
    write_file(out, &json_lines(&lines), summary)
}

pub(crate) fn import(path: &Path) -> Result<Vec<Document>, FormatError> {
    let mut docs = Vec::new();
    for (line, row) in parse_json_lines::<Line<Document>>(path)? {
        if row.format != FORMAT || row.version != VERSION {
            let message = format!("a {:?} v{} line; expected {FORMAT:?} v{VERSION}", row.format, row.version);
            return Err(FormatError::malformed(path, line, message));
        }
        if let Some(reversed) = crate::store::reversed_span(&row.document) {
            return Err(FormatError::malformed(path, line, reversed));
        }
        let doc = row.document.validated().map_err(|e| FormatError::malformed(path, line, e.to_string()))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// Entities, quotes and cues.
pub(crate) fn span_count(doc: &Document) -> usize {
    doc.entities().len() + doc.quotes().len() + doc.quotes().iter().filter(|q| q.cue.is_some()).count()
}
