//! doccano JSONL, both layouts:
//! `{"text", "entities": [{id, label, start_offset, end_offset}], "relations": [{id, from_id, to_id, type}]}`
//! and `{"text", "label": [[start, end, label], …]}`.
//!
//! doccano counts UTF-16 code units, so offsets are converted. A line exported
//! with code points says so with `"offsets": "codepoints"`, which the reader
//! honours; without it, offsets are read as UTF-16 units.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::draft::{Draft, SpanId, SpanIds};
use super::flat::flatten;
use super::output::{json_lines, parse_json_lines, write_file};
use super::utf16::Utf16Index;
use super::{DoccanoVariant, ExportOptions, ExportSummary, FormatError, ImportSummary, OffsetUnit, CUE};
use crate::model::{Document, Status};

const CODE_POINTS_MARK: &str = "codepoints";

#[derive(Serialize, Deserialize)]
struct Line {
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<Span>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relations: Option<Vec<Relation>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<Vec<(usize, usize, String)>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    offsets: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Span {
    id: u64,
    label: String,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Serialize, Deserialize)]
struct Relation {
    id: u64,
    from_id: u64,
    to_id: u64,
    #[serde(rename = "type")]
    kind: String,
}

pub(crate) fn export(
    docs: &[Document],
    options: &ExportOptions,
    out: &Path,
    summary: &mut ExportSummary,
) -> Result<(), FormatError> {
    let lines: Vec<Line> = docs.iter().map(|doc| line_of(doc, options, summary)).collect();
    write_file(out, &json_lines(&lines), summary)
}

fn line_of(doc: &Document, options: &ExportOptions, summary: &mut ExportSummary) -> Line {
    let (mut spans, relations) = flatten(doc);
    let before = spans.len();
    spans.retain(|s| s.status != Status::Rejected);
    summary.lose(before - spans.len(), "rejected spans (doccano cannot mark negatives)");
    let suggested = spans.iter().filter(|s| s.status == Status::Suggested).count();
    summary.lose(suggested, "review statuses of suggestions (doccano has none)");
    summary.spans_written += spans.len();
    let utf16 = Utf16Index::new(&doc.text);
    let offset = |o: usize| match options.offsets {
        OffsetUnit::Utf16 => utf16.utf16_of(o).unwrap_or(o),
        OffsetUnit::CodePoints => o,
    };
    let mut line = Line {
        text: doc.text.to_string(),
        entities: None,
        relations: None,
        label: None,
        offsets: (options.offsets == OffsetUnit::CodePoints).then(|| CODE_POINTS_MARK.to_owned()),
    };
    let number = |id: &str| spans.iter().position(|s| s.id == id).map(|i| i as u64 + 1);
    match options.doccano {
        DoccanoVariant::Label => {
            // A cue without its link to a quote means nothing, and the import
            // could not place it: left out, and counted.
            let (cues, kept): (Vec<_>, Vec<_>) = spans.iter().partition(|s| s.label == CUE && s.id.ends_with("-cue"));
            summary.lose(cues.len(), "cues (doccano's `label` layout cannot tie a cue to its quote)");
            summary.spans_written -= cues.len();
            line.label = Some(kept.iter().map(|s| (offset(s.start), offset(s.end), s.label.clone())).collect());
            summary.lose(relations.len(), "links (doccano's `label` layout has no relations)");
        }
        DoccanoVariant::Relations => {
            let rels: Vec<Relation> = relations
                .iter()
                .filter_map(|r| Some((number(&r.from)?, number(&r.to)?, r.kind)))
                .enumerate()
                .map(|(i, (from_id, to_id, kind))| Relation { id: i as u64 + 1, from_id, to_id, kind: kind.to_owned() })
                .collect();
            summary.lose(relations.len() - rels.len(), "links to rejected spans");
            line.entities = Some(
                spans
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Span {
                        id: i as u64 + 1,
                        label: s.label.clone(),
                        start_offset: offset(s.start),
                        end_offset: offset(s.end),
                    })
                    .collect(),
            );
            line.relations = Some(rels);
        }
    }
    line
}

pub(crate) fn import(path: &Path, summary: &mut ImportSummary) -> Result<Vec<Document>, FormatError> {
    let mut docs = Vec::new();
    for (number, line) in parse_json_lines::<Line>(path)? {
        let doc = document_of(line, summary).map_err(|message| FormatError::malformed(path, number, message))?;
        docs.push(doc);
    }
    Ok(docs)
}

fn document_of(line: Line, summary: &mut ImportSummary) -> Result<Document, String> {
    let code_points = line.offsets.as_deref() == Some(CODE_POINTS_MARK);
    let utf16 = Utf16Index::new(&line.text);
    let offset = |o: usize| {
        if code_points {
            Ok(o)
        } else {
            utf16.code_point_of(o).ok_or_else(|| format!("UTF-16 offset {o} is outside the text or inside a character"))
        }
    };
    let mut draft = Draft::new(line.text.clone(), None, "doccano");
    let mut ids = SpanIds::new();
    for span in line.entities.unwrap_or_default() {
        let id = draft.span(offset(span.start_offset)?, offset(span.end_offset)?, &span.label, Status::Accepted)?;
        if ids.insert(span.id.to_string(), id).is_some() {
            return Err(format!("two entities with the id {}", span.id));
        }
    }
    for (start, end, label) in line.label.unwrap_or_default() {
        draft.span(offset(start)?, offset(end)?, &label, Status::Accepted)?;
    }
    for relation in line.relations.unwrap_or_default() {
        let find = |id: u64| -> Result<&SpanId, String> {
            ids.get(&id.to_string()).ok_or_else(|| format!("relation {} refers to unknown span {id}", relation.id))
        };
        let (from, to) = (find(relation.from_id)?.clone(), find(relation.to_id)?.clone());
        draft.relate(&from, &to, &relation.kind)?;
    }
    draft.finish(summary)
}
