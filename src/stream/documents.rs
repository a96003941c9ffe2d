//! Sorot documents as a stream, for `sorot export --jsonl` (reads what
//! `analyze --jsonl` writes) and `sorot import --out -` (writes the same).

use std::io::{self, BufRead, Write};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::lines::{Line, LineReader};
use crate::model::Document;

const FORMAT: &str = "sorot";
const VERSION: u32 = 1;

#[derive(Serialize)]
struct DocumentLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    document: &'a Document,
}

#[derive(Deserialize)]
struct ReadLine {
    format: String,
    version: u32,
    #[serde(flatten)]
    document: Document,
}

/// Why a stream of documents could not be read.
#[derive(Debug, thiserror::Error)]
pub enum StreamReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("line {line}: {message}")]
    Malformed { line: usize, message: String },
}

/// The documents of a stream; error records (`{"line", "error"}`, written in
/// place of an article that could not be analysed) are skipped and handed to
/// `on_error_record` with their line number. Any other bad line fails the read.
pub fn read_documents(
    input: impl BufRead,
    max_line_bytes: usize,
    mut on_error_record: impl FnMut(usize, &Value),
) -> Result<Vec<Document>, StreamReadError> {
    let mut reader = LineReader::new(input, max_line_bytes);
    let mut documents = Vec::new();
    while let Some(line) = reader.next_line()? {
        let (number, bytes) = match line {
            Line::Read { number, bytes } => (number, bytes),
            Line::TooLong { number, length } => {
                let message = format!("{length} bytes, over the limit of {max_line_bytes}");
                return Err(StreamReadError::Malformed { line: number, message });
            }
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let malformed = |message: String| StreamReadError::Malformed { line: number, message };
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| malformed(format!("not valid JSON: {e}")))?;
        if value.get("error").is_some() && value.get("format").is_none() {
            on_error_record(number, &value);
            continue;
        }
        let read: ReadLine =
            serde_json::from_value(value).map_err(|e| malformed(format!("not a Sorot document: {e}")))?;
        if read.format != FORMAT || read.version != VERSION {
            return Err(malformed(format!(
                "a {:?} v{} line; expected {FORMAT:?} v{VERSION}",
                read.format, read.version
            )));
        }
        documents.push(read.document.validated().map_err(|e| malformed(e.to_string()))?);
    }
    Ok(documents)
}

/// Writes `document` as one line of the stream, with `id` when given.
pub fn write_document(output: &mut impl Write, id: Option<&str>, document: &Document) -> io::Result<()> {
    let line = DocumentLine { id, format: FORMAT, version: VERSION, document };
    serde_json::to_writer(&mut *output, &line)?;
    output.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_documents_read_back_and_error_records_are_skipped_with_their_line() {
        let mut doc = Document::new("“Ya 😀,” kata Ana.\r\nDi Jakarta.".into(), None);
        doc.apply(&doc.add_entity_edit(14, 17, "PERSON").unwrap()).unwrap();
        let mut stream = Vec::new();
        write_document(&mut stream, Some("a1"), &doc).unwrap();
        stream.extend_from_slice(b"{\"id\":\"a2\",\"line\":2,\"error\":\"not valid JSON\"}\n\n");
        write_document(&mut stream, None, &doc).unwrap();
        let first: Value = serde_json::from_slice(stream.split(|&b| b == b'\n').next().unwrap()).unwrap();
        assert_eq!(first["id"], "a1");
        let mut skipped = Vec::new();
        let read = read_documents(stream.as_slice(), 1 << 20, |line, _| skipped.push(line)).unwrap();
        assert_eq!(read, vec![doc.clone(), doc]);
        assert_eq!(skipped, vec![2]);
    }

    #[test]
    fn a_document_that_does_not_fit_its_text_names_its_line() {
        let bad = "{\"format\":\"sorot\",\"version\":1,\"title\":\"\",\"text\":\"Ana\",\"labels\":[],\"quotes\":[],\
                   \"entities\":[{\"id\":\"e1\",\"start\":0,\"end\":3,\"label\":\"PERSON\",\"text\":\"Ani\",\"status\":\"suggested\",\"source\":\"x\"}]}\n";
        let error = read_documents(format!("\n{bad}").as_bytes(), 1 << 20, |_, _| {}).unwrap_err();
        assert!(error.to_string().starts_with("line 2: "), "{error}");
    }
}
