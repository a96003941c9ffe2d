//! Writing export files: atomically, and never over an input.

use std::collections::HashSet;
use std::path::Path;

use super::{ExportSummary, FormatError};
use crate::model::Document;
use crate::store::write_atomically;

/// Refuses an output path that is one of the documents' article files.
pub(crate) fn refuse_inputs(docs: &[Document], out: &Path) -> Result<(), FormatError> {
    let same = |a: &Path| match (a.canonicalize(), out.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == out,
    };
    match docs.iter().filter_map(|d| d.source.as_deref()).find(|s| same(s)) {
        Some(source) => Err(FormatError::WouldOverwriteInput(source.to_owned())),
        None => Ok(()),
    }
}

/// Writes one file atomically (temp file + rename) and records it.
pub(crate) fn write_file(path: &Path, bytes: &[u8], summary: &mut ExportSummary) -> Result<(), FormatError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| FormatError::Write { path: parent.to_owned(), source })?;
    }
    write_atomically(path, bytes).map_err(|source| FormatError::Write { path: path.to_owned(), source })?;
    summary.files.push(path.to_owned());
    Ok(())
}

/// JSON lines: one compact JSON value per line.
pub(crate) fn json_lines<T: serde::Serialize>(rows: &[T]) -> Vec<u8> {
    let mut out = Vec::new();
    for row in rows {
        // Serialising plain data structs cannot fail; skip rather than panic.
        if let Ok(line) = serde_json::to_vec(row) {
            out.extend(line);
            out.push(b'\n');
        }
    }
    out
}

/// Reads a whole file's bytes; refuses FIFOs, sockets and devices before
/// opening them (a FIFO would block the read forever).
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, FormatError> {
    crate::store::regular_file_size(path).map_err(|e| match e {
        crate::store::ArticleError::Io { source, .. } => FormatError::Read { path: path.to_owned(), source },
        other => FormatError::malformed(path, 0, reason_of(&other, path)),
    })?;
    std::fs::read(path).map_err(|source| FormatError::Read { path: path.to_owned(), source })
}

/// Reads a whole file as UTF-8 text; a leading BOM is skipped (offsets count
/// from the character after it, as the other tools count them).
pub(crate) fn read_text(path: &Path) -> Result<String, FormatError> {
    read_text_noting_bom(path).map(|(text, _)| text)
}

/// [`read_text`], and whether a BOM was skipped.
pub(crate) fn read_text_noting_bom(path: &Path) -> Result<(String, bool), FormatError> {
    let bytes = read_bytes(path)?;
    if let Some(encoding) = crate::store::utf16_encoding(&bytes) {
        return Err(FormatError::malformed(path, 0, format!("{encoding} text, not UTF-8: re-save it as UTF-8")));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.as_bytes().get(..e.utf8_error().valid_up_to()).unwrap_or_default();
        let line = 1 + valid.iter().filter(|b| **b == b'\n').count();
        FormatError::malformed(path, line, "not valid UTF-8")
    })?;
    let had_bom = text.starts_with('\u{feff}');
    Ok((crate::store::strip_bom(text), had_bom))
}

/// An article error's reason without the path it starts with (the format
/// error names the path itself).
fn reason_of(error: &crate::store::ArticleError, path: &Path) -> String {
    let message = error.to_string();
    let shown = path.display().to_string();
    message.strip_prefix(&shown).map(|rest| rest.trim_start().to_owned()).unwrap_or(message)
}

/// The records of a JSON Lines file with the 1-based line each starts on.
/// Also read: one JSON array of records, and records pretty-printed over
/// several lines (doccano's documentation shows them so).
pub(crate) fn parse_json_lines<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<(usize, T)>, FormatError> {
    let text = read_text(path)?;
    if text.trim_start().starts_with('[') {
        return parse_json_array(path, &text);
    }
    let mut rows = Vec::new();
    let starts = line_starts(&text);
    let mut stream = serde_json::Deserializer::from_str(&text).into_iter::<T>();
    loop {
        let at = stream.byte_offset();
        let rest = text.get(at..).unwrap_or_default();
        let skipped = rest.len() - rest.trim_start().len();
        let line = line_of_byte(&starts, at + skipped);
        if rest.trim_start().starts_with('\u{feff}') {
            let message = "a UTF-8 byte order mark (U+FEFF) before the JSON: were files with BOMs joined?";
            return Err(FormatError::malformed(path, line, message));
        }
        match stream.next() {
            None => break,
            Some(Ok(row)) => rows.push((line, row)),
            // serde counts lines over the whole file.
            Some(Err(e)) => return Err(FormatError::malformed(path, e.line().max(line), format!("bad JSON: {e}"))),
        }
    }
    Ok(rows)
}

/// One JSON array of records, each with the line it starts on.
fn parse_json_array<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<Vec<(usize, T)>, FormatError> {
    let values: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| FormatError::json(path, &e))?;
    let lines = array_element_lines(text);
    let mut rows = Vec::with_capacity(values.len());
    for (i, value) in values.into_iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(0);
        let row = serde_json::from_value(value)
            .map_err(|e| FormatError::malformed(path, line, format!("record {}: {e}", i + 1)))?;
        rows.push((line, row));
    }
    Ok(rows)
}

/// Byte offsets where each line starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// The 1-based line holding byte `at`.
fn line_of_byte(starts: &[usize], at: usize) -> usize {
    starts.partition_point(|&s| s <= at).max(1)
}

/// The 1-based line on which each element of a top-level JSON array starts,
/// so that an error found after parsing can still name its line.
pub(crate) fn array_element_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut line, mut depth, mut in_string, mut escaped) = (1, 0usize, false, false);
    for c in text.chars() {
        if in_string {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => escaped = false,
            }
        } else {
            match c {
                '"' => in_string = true,
                '[' | '{' => {
                    if depth == 1 {
                        lines.push(line);
                    }
                    depth += 1;
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if c == '\n' {
            line += 1;
        }
    }
    lines
}

/// `base`, or `base-2`, `base-3` … if taken: file names that never collide.
/// Records the name returned as taken.
pub fn first_free_name(base: String, taken: &mut HashSet<String>) -> String {
    let mut name = base.clone();
    let mut n = 1;
    while !taken.insert(name.clone()) {
        n += 1;
        name = format!("{base}-{n}");
    }
    name
}
