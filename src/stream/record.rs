//! One stream line: an article object in, a Sorot document (or an error record)
//! out, as one line of JSON.
//!
//! The output keeps every field of the input object. `text` and a string `title`
//! become the document's; any other input field whose name the document uses
//! (`entities`, `quotes`, `labels`, `format` …) is kept as `input_<name>` so that
//! nothing the input carried is lost.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::analysis::Analyzer;
use crate::annotate::suggest_document;
use crate::model::Document;

const FORMAT: &str = "sorot";
const VERSION: u32 = 1;

/// Field names a Sorot document line defines itself.
const DOCUMENT_FIELDS: &[&str] =
    &["format", "version", "text_hash", "source", "title", "text", "labels", "entities", "quotes", "detached", "done"];

/// Why a line could not be analysed.
#[derive(Debug, thiserror::Error)]
pub enum LineError {
    #[error("not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("not a JSON object")]
    NotAnObject,
    #[error("no \"text\" field (a string)")]
    NoText,
    #[error("the text is empty")]
    EmptyText,
    #[error("the line is {length} bytes; lines over {limit} bytes are not analysed")]
    TooLong { length: u64, limit: usize },
    #[error("the analysis failed on this article (a bug; please report it)")]
    AnalysisPanicked,
    #[error("the document could not be written as JSON: {0}")]
    Output(serde_json::Error),
}

/// A failed line: its number, its `id` when the line had one, and why.
#[derive(Debug)]
pub struct LineFailure {
    pub line: usize,
    pub id: Option<Value>,
    pub error: LineError,
}

impl std::fmt::Display for LineFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.id {
            Some(id) => write!(f, "line {} (id {id}): {}", self.line, self.error),
            None => write!(f, "line {}: {}", self.line, self.error),
        }
    }
}

#[derive(Serialize)]
struct DocumentLine<'a> {
    #[serde(flatten)]
    input: &'a Map<String, Value>,
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    document: &'a Document,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    line: usize,
    error: String,
}

/// Analyses the article on line `line` and returns its output line (no newline).
pub fn analyze_line(line: usize, bytes: &[u8], analyzer: &Analyzer) -> Result<Vec<u8>, LineFailure> {
    let fail = |id: Option<Value>, error| LineFailure { line, id, error };
    let mut fields = match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(fields)) => fields,
        Ok(_) => return Err(fail(None, LineError::NotAnObject)),
        Err(error) => return Err(fail(None, LineError::Json(error))),
    };
    let id = fields.get("id").cloned();
    let text = match fields.remove("text") {
        Some(Value::String(text)) => text,
        other => {
            // Put back whatever was there so the error names the line truthfully.
            if let Some(value) = other {
                fields.insert("text".to_owned(), value);
            }
            return Err(fail(id, LineError::NoText));
        }
    };
    if text.trim().is_empty() {
        return Err(fail(id, LineError::EmptyText));
    }
    let title = match fields.remove("title") {
        Some(Value::String(title)) => Some(title),
        Some(other) => {
            fields.insert("title".to_owned(), other);
            None
        }
        None => None,
    };
    let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| suggest_document(text, None, analyzer)));
    let Ok(mut document) = analysed else {
        return Err(fail(id, LineError::AnalysisPanicked));
    };
    if let Some(title) = title {
        document.title = title;
    }
    let input = rename_document_fields(fields);
    let record = DocumentLine { input: &input, format: FORMAT, version: VERSION, document: &document };
    serde_json::to_vec(&record).map_err(|error| fail(id, LineError::Output(error)))
}

/// The error record written in a failed line's place, so that output line N
/// still answers input line N.
pub fn error_line(failure: &LineFailure) -> Vec<u8> {
    let record = ErrorLine { id: failure.id.as_ref(), line: failure.line, error: failure.error.to_string() };
    // A struct of a string, a number and a JSON value always serialises.
    serde_json::to_vec(&record).unwrap_or_else(|_| format!("{{\"line\":{},\"error\":\"\"}}", failure.line).into_bytes())
}

/// Input fields that would collide with the document's, renamed `input_<name>`.
fn rename_document_fields(mut fields: Map<String, Value>) -> Map<String, Value> {
    for name in DOCUMENT_FIELDS {
        if let Some(value) = fields.remove(*name) {
            let mut renamed = format!("input_{name}");
            while fields.contains_key(&renamed) {
                renamed.insert_str(0, "input_");
            }
            fields.insert(renamed, value);
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn analyzer() -> &'static Analyzer {
        static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
        ANALYZER.get_or_init(Analyzer::new)
    }

    fn analyse(json: &str) -> Result<Value, LineFailure> {
        analyze_line(3, json.as_bytes(), analyzer()).map(|out| serde_json::from_slice(&out).unwrap())
    }

    fn slice(text: &str, start: &Value, end: &Value) -> String {
        let (s, e) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn keeps_id_and_fields_and_offsets_are_code_points_with_bom_emoji_and_crlf() {
        let text = "\u{feff}😀 “Kami siap,” ujar Joko Widodo saat meninjau pasar di Jakarta.\r\nIa tiba di Bandung.";
        let json = serde_json::json!({"id": 42, "url": "https://x.test/a", "text": text, "entities": ["gold"]});
        let doc = analyse(&json.to_string()).unwrap();
        assert_eq!(doc["id"], 42);
        assert_eq!(doc["url"], "https://x.test/a");
        assert_eq!(doc["input_entities"], serde_json::json!(["gold"]));
        assert_eq!(doc["format"], "sorot");
        assert_eq!(doc["text"], text, "BOM, emoji and CRLF kept in the text");
        let entities = doc["entities"].as_array().unwrap();
        assert!(entities.iter().any(|e| e["text"] == "Joko Widodo"), "{doc}");
        for span in entities.iter().chain(doc["quotes"].as_array().unwrap()) {
            assert_eq!(span["text"].as_str().unwrap(), slice(text, &span["start"], &span["end"]), "{span}");
        }
        let quote = &doc["quotes"][0];
        assert_eq!(quote["text"], "“Kami siap,”");
        assert_eq!(quote["start"], 3, "the BOM and the emoji are one code point each");
    }

    #[test]
    fn the_same_text_gives_the_same_document_as_folder_mode() {
        let text = "Menurut Gubernur Ridwan Kamil, banjir surut.\r\n";
        let doc = analyse(&serde_json::json!({"text": text, "title": "Banjir"}).to_string()).unwrap();
        let expected = serde_json::to_value(suggest_document(text.to_owned(), None, analyzer())).unwrap();
        assert_eq!(doc["entities"], expected["entities"]);
        assert_eq!(doc["quotes"], expected["quotes"]);
        assert_eq!(doc["title"], "Banjir");
    }

    #[test]
    fn bad_lines_are_failures_naming_the_line_and_id() {
        let failure = |json: &str| analyse(json).unwrap_err();
        assert!(matches!(failure("{\"id\": 1, \"text\": ").error, LineError::Json(_)));
        assert!(matches!(failure("[1, 2]").error, LineError::NotAnObject));
        let no_text = failure("{\"id\": \"a7\", \"body\": \"x\"}");
        assert!(matches!(no_text.error, LineError::NoText));
        assert_eq!(no_text.to_string(), "line 3 (id \"a7\"): no \"text\" field (a string)");
        assert!(matches!(failure("{\"text\": 5}").error, LineError::NoText));
        assert!(matches!(failure("{\"text\": \" \\r\\n\"}").error, LineError::EmptyText));
        let record: Value = serde_json::from_slice(&error_line(&no_text)).unwrap();
        assert_eq!(record, serde_json::json!({"id": "a7", "line": 3, "error": "no \"text\" field (a string)"}));
    }
}
