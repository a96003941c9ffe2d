//! Label Studio tasks JSON: reviewed spans as `annotations`, open suggestions
//! as `predictions`, quote links as `relation` results; offsets in code points.
//! `label-studio-config.xml` beside the JSON is the labeling config that makes
//! the tasks importable into a project (and, on import, the label schema).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::draft::{Draft, SpanIds};
use super::flat::{flatten, FlatRelation, FlatSpan};
use super::output::{array_element_lines, read_text, write_file};
use super::{ExportSummary, FormatError, ImportSummary, CUE, CUE_OF, DIRECT_QUOTE, INDIRECT_QUOTE, SAID_BY};
use crate::model::{Document, Status};
use crate::store::abbreviate;

/// The labeling config's file name, beside the tasks JSON.
pub const CONFIG_FILE: &str = "label-studio-config.xml";
const FROM_NAME: &str = "label";
const TO_NAME: &str = "text";

#[derive(Serialize, Deserialize)]
struct Task {
    #[serde(default)]
    id: Option<Value>,
    data: TaskData,
    #[serde(default)]
    annotations: Vec<ResultSet>,
    #[serde(default)]
    predictions: Vec<ResultSet>,
}

#[derive(Serialize, Deserialize)]
struct TaskData {
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct ResultSet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    model_version: Option<String>,
    #[serde(default)]
    was_cancelled: bool,
    result: Vec<Value>,
}

pub(crate) fn export(docs: &[Document], out: &Path, summary: &mut ExportSummary) -> Result<(), FormatError> {
    let tasks: Vec<Task> = docs.iter().enumerate().map(|(i, doc)| task_of(i + 1, doc, summary)).collect();
    // One task per line keeps the file diffable and error lines meaningful.
    let mut json = b"[\n".to_vec();
    for (i, task) in tasks.iter().enumerate() {
        if i > 0 {
            json.extend(b",\n");
        }
        json.extend(serde_json::to_vec(task).unwrap_or_default());
    }
    json.extend(b"\n]\n");
    write_file(out, &json, summary)?;
    write_file(&config_path(out), config_xml(docs).as_bytes(), summary)
}

fn config_path(tasks: &Path) -> PathBuf {
    tasks.with_file_name(CONFIG_FILE)
}

fn task_of(number: usize, doc: &Document, summary: &mut ExportSummary) -> Task {
    let (spans, relations) = flatten(doc);
    let rejected = spans.iter().filter(|s| s.status == Status::Rejected).count();
    summary.lose(rejected, "rejected spans (Label Studio cannot mark negatives)");
    let reviewed: Vec<&FlatSpan> = spans.iter().filter(|s| s.status.is_reviewed()).collect();
    let suggested: Vec<&FlatSpan> = spans.iter().filter(|s| s.status == Status::Suggested).collect();
    summary.spans_written += reviewed.len() + suggested.len();
    let annotations = vec![ResultSet {
        id: Some(json!(number)),
        model_version: None,
        was_cancelled: false,
        result: results(&reviewed, &relations, summary),
    }];
    let predictions = if suggested.is_empty() {
        Vec::new()
    } else {
        vec![ResultSet {
            id: None,
            model_version: Some("sorot".to_owned()),
            was_cancelled: false,
            result: results(&suggested, &relations, summary),
        }]
    };
    Task {
        id: Some(json!(number)),
        data: TaskData { text: doc.text.to_string(), title: Some(doc.title.clone()) },
        annotations,
        predictions,
    }
}

/// Region results for `spans`, and the relations whose source is among them.
fn results(spans: &[&FlatSpan], relations: &[FlatRelation], summary: &mut ExportSummary) -> Vec<Value> {
    let has = |id: &str| spans.iter().any(|s| s.id == id);
    let mut out: Vec<Value> = spans.iter().map(|s| region(s)).collect();
    for relation in relations.iter().filter(|r| has(&r.from)) {
        if has(&relation.to) {
            out.push(json!({
                "from_id": relation.from, "to_id": relation.to, "type": "relation",
                "direction": "right", "labels": [relation.kind],
            }));
        } else {
            summary.lose(1, "links between a reviewed span and a suggestion (different Label Studio result sets)");
        }
    }
    out
}

fn region(span: &FlatSpan) -> Value {
    let mut value = json!({
        "id": span.id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
        "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]},
    });
    if let (Some(score), Some(object)) = (span.confidence, value.as_object_mut()) {
        object.insert("score".to_owned(), json!(score));
    }
    value
}

/// The labeling config: one `Labels` control with every label and the quote
/// labels, and the two relation types.
fn config_xml(docs: &[Document]) -> String {
    let mut seen = BTreeSet::new();
    let mut labels = String::new();
    let entity_labels = docs.iter().flat_map(|d| {
        d.labels
            .iter()
            .map(|l| (l.name.clone(), l.color))
            .chain(d.entities().iter().map(|e| (e.label.to_string(), [128, 128, 128])))
    });
    let quote_labels = [
        (DIRECT_QUOTE.to_owned(), [230, 170, 60]),
        (INDIRECT_QUOTE.to_owned(), [240, 210, 120]),
        (CUE.to_owned(), [140, 90, 40]),
    ];
    for (name, [r, g, b]) in entity_labels.chain(quote_labels) {
        if seen.insert(name.clone()) {
            labels.push_str(&format!(
                "    <Label value=\"{}\" background=\"#{r:02x}{g:02x}{b:02x}\"/>\n",
                xml_escape(&name)
            ));
        }
    }
    format!(
        "<View>\n  <Relations>\n    <Relation value=\"{SAID_BY}\"/>\n    <Relation value=\"{CUE_OF}\"/>\n  </Relations>\n  \
         <Labels name=\"{FROM_NAME}\" toName=\"{TO_NAME}\">\n{labels}  </Labels>\n  \
         <Text name=\"{TO_NAME}\" value=\"$text\"/>\n</View>\n"
    )
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

pub(crate) fn import(path: &Path, summary: &mut ImportSummary) -> Result<Vec<Document>, FormatError> {
    let text = read_text(path)?;
    let tasks: Vec<Task> = serde_json::from_str(&text).map_err(|e| FormatError::json(path, &e))?;
    let schema = read_schema(&config_path(path))?;
    let lines = array_element_lines(&text);
    let mut docs = Vec::new();
    for (i, task) in tasks.into_iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        let doc = document_of(task, schema.as_ref(), summary)
            .map_err(|message| FormatError::malformed(path, line, format!("task {}: {message}", i + 1)))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// A result's labels: at least one, each in the config when there is one.
fn labels_of<'v>(value: &'v Value, schema: Option<&BTreeSet<String>>) -> Result<Vec<&'v str>, String> {
    let labels: Vec<&str> = value["labels"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    if labels.is_empty() {
        return Err("no value.labels".to_owned());
    }
    if let Some(unknown) = labels.iter().find(|l| schema.is_some_and(|names| !names.contains(**l))) {
        return Err(format!("unknown label {:?}: not in {CONFIG_FILE}", abbreviate(unknown)));
    }
    Ok(labels)
}

/// `value.text`, when given, must be what the offsets cover: Label Studio
/// writes it, and a mismatch means the offsets count something else.
fn check_value_text(draft: &Draft, start: usize, end: usize, value: &Value) -> Result<(), String> {
    let Some(claimed) = value["text"].as_str() else { return Ok(()) };
    let Some(actual) = draft.covered(start, end) else { return Ok(()) };
    if actual != claimed {
        return Err(format!(
            "offsets {start}..{end} cover {:?} but value.text is {:?}",
            abbreviate(actual),
            abbreviate(claimed)
        ));
    }
    Ok(())
}

/// Label names in the config beside the tasks, if there is one.
fn read_schema(config: &Path) -> Result<Option<BTreeSet<String>>, FormatError> {
    if !config.exists() {
        return Ok(None);
    }
    let xml = read_text(config)?;
    let names = xml
        .split("<Label ")
        .skip(1)
        .filter_map(|tag| tag.split("value=\"").nth(1)?.split('"').next())
        .map(|v| v.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
        .collect();
    Ok(Some(names))
}

fn document_of(task: Task, schema: Option<&BTreeSet<String>>, summary: &mut ImportSummary) -> Result<Document, String> {
    let mut draft = Draft::new(task.data.text, None, "label-studio");
    let sets = [(task.annotations, Status::Accepted), (task.predictions, Status::Suggested)];
    for (result_sets, status) in sets {
        // The first completed annotation is the reviewed one; others are
        // other annotators' versions of the same spans.
        let mut usable = result_sets.into_iter().filter(|s| !s.was_cancelled);
        if let Some(set) = usable.next() {
            add_results(&mut draft, &set.result, status, schema, summary)?;
        }
        summary.leave_out(usable.count(), "further annotations or predictions of a task (the first is read)");
    }
    draft.finish(summary)
}

fn add_results(
    draft: &mut Draft,
    results: &[Value],
    status: Status,
    schema: Option<&BTreeSet<String>>,
    summary: &mut ImportSummary,
) -> Result<(), String> {
    let mut ids = SpanIds::new();
    for (i, result) in results.iter().enumerate() {
        if result["type"] == "relation" {
            continue;
        }
        let value = &result["value"];
        // Choices, text areas, ratings … annotate the task, not a span.
        if result["type"] != "labels" && value.get("labels").is_none() {
            summary.leave_out(1, "results that are not labelled spans or relations (choices, text areas …)");
            continue;
        }
        let (Some(start), Some(end)) = (value["start"].as_u64(), value["end"].as_u64()) else {
            return Err(format!("result {} has no numeric value.start / value.end", i + 1));
        };
        let labels = labels_of(value, schema).map_err(|m| format!("result {}: {m}", i + 1))?;
        let (start, end) = (usize::try_from(start).unwrap_or(usize::MAX), usize::try_from(end).unwrap_or(usize::MAX));
        check_value_text(draft, start, end, value).map_err(|m| format!("result {}: {m}", i + 1))?;
        summary.convert(labels.len().saturating_sub(1), "extra labels of a result read as spans of their own");
        let mut first = None;
        for label in labels {
            let span = draft.span(start, end, label, status)?;
            if let Some(score) = result["score"].as_f64() {
                draft.set_confidence(&span, score as f32);
            }
            first.get_or_insert(span);
        }
        let id = result["id"].as_str().map_or_else(|| i.to_string(), str::to_owned);
        if let Some(span) = first {
            if ids.insert(id.clone(), span).is_some() {
                return Err(format!("two results with the id {:?}", abbreviate(&id)));
            }
        }
    }
    for result in results.iter().filter(|r| r["type"] == "relation") {
        let find = |key: &str| {
            let id = result[key].as_str().unwrap_or_default();
            ids.get(id).cloned().ok_or_else(|| format!("relation refers to unknown region {id:?}"))
        };
        let kind = result["labels"].get(0).and_then(Value::as_str).unwrap_or_default();
        let (from, to) = (find("from_id")?, find("to_id")?);
        draft.relate(&from, &to, kind)?;
    }
    Ok(())
}
