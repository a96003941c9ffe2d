//! spaCy / Prodigy-style JSONL: `{"text", "spans": [{start, end, label}],
//! "relations": [{head_span, child_span, label}]}`, code points. Quotes and
//! cues are spans with the quote labels; links are `SAID_BY` (head: quote,
//! child: speaker) and `CUE_OF` (head: cue, child: quote) relations.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::draft::{Draft, SpanId};
use super::flat::flatten;
use super::output::{json_lines, parse_json_lines, write_file};
use super::{ExportSummary, FormatError, ImportSummary};
use crate::model::{Document, Status};

#[derive(Serialize, Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    spans: Vec<Span>,
    #[serde(default)]
    relations: Vec<Relation>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, Hash)]
struct Span {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Serialize, Deserialize)]
struct Relation {
    head_span: Span,
    child_span: Span,
    label: String,
}

pub(crate) fn export(docs: &[Document], out: &Path, summary: &mut ExportSummary) -> Result<(), FormatError> {
    let lines: Vec<Line> = docs.iter().map(|doc| line_of(doc, summary)).collect();
    write_file(out, &json_lines(&lines), summary)
}

fn line_of(doc: &Document, summary: &mut ExportSummary) -> Line {
    let (mut spans, relations) = flatten(doc);
    let before = spans.len();
    spans.retain(|s| s.status != Status::Rejected);
    summary.lose(before - spans.len(), "rejected spans (spaCy JSONL cannot mark negatives)");
    summary.lose(
        spans.iter().filter(|s| s.status == Status::Suggested).count(),
        "review statuses of suggestions (spaCy JSONL has none)",
    );
    // Spans are told apart by start, end and label only: identical ones are
    // written once (a cue shared by two quotes stays shared through its links).
    let mut seen = std::collections::HashSet::new();
    let before = spans.len();
    spans.retain(|s| seen.insert((s.start, s.end, s.label.clone())) || s.label == super::CUE);
    summary
        .lose(before - spans.len(), "spans identical to another (spaCy JSONL tells spans apart by offsets and label)");
    summary.spans_written += spans.len();
    let by_id: HashMap<&str, Span> =
        spans.iter().map(|s| (s.id.as_str(), Span { start: s.start, end: s.end, label: s.label.clone() })).collect();
    let written: Vec<Relation> = relations
        .iter()
        .filter_map(|r| {
            Some(Relation {
                head_span: by_id.get(r.from.as_str())?.clone(),
                child_span: by_id.get(r.to.as_str())?.clone(),
                label: r.kind.to_owned(),
            })
        })
        .collect();
    summary.lose(relations.len() - written.len(), "links to rejected spans");
    let relations = written;
    Line {
        text: doc.text.to_string(),
        spans: unique(spans.iter().filter_map(|s| by_id.get(s.id.as_str()).cloned())),
        relations,
    }
}

/// `spans` in order, each identical one once.
fn unique(spans: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut seen = std::collections::HashSet::new();
    spans.filter(|span| seen.insert(span.clone())).collect()
}

pub(crate) fn import(path: &Path, summary: &mut ImportSummary) -> Result<Vec<Document>, FormatError> {
    let mut docs = Vec::new();
    for (number, line) in parse_json_lines::<Line>(path)? {
        docs.push(document_of(line, summary).map_err(|m| FormatError::malformed(path, number, m))?);
    }
    Ok(docs)
}

fn document_of(line: Line, summary: &mut ImportSummary) -> Result<Document, String> {
    let mut draft = Draft::new(line.text, None, "spacy-jsonl");
    let mut ids: HashMap<Span, SpanId> = HashMap::new();
    for span in line.spans {
        if ids.contains_key(&span) {
            summary.convert(1, "identical spans read as one");
            continue;
        }
        let id = draft.span(span.start, span.end, &span.label, Status::Accepted)?;
        ids.insert(span, id);
    }
    let find = |span: &Span| {
        ids.get(span).cloned().ok_or_else(|| {
            format!("relation refers to a span {}..{} {} not in `spans`", span.start, span.end, span.label)
        })
    };
    for relation in &line.relations {
        let (head, child) = (find(&relation.head_span)?, find(&relation.child_span)?);
        draft.relate(&head, &child, &relation.label)?;
    }
    draft.finish(summary)
}
