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

/// Reads a whole file as UTF-8 text.
pub(crate) fn read_text(path: &Path) -> Result<String, FormatError> {
    let bytes = std::fs::read(path).map_err(|source| FormatError::Read { path: path.to_owned(), source })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.as_bytes().get(..e.utf8_error().valid_up_to()).unwrap_or_default();
        let line = 1 + valid.iter().filter(|b| **b == b'\n').count();
        FormatError::malformed(path, line, "not valid UTF-8")
    })
}

/// The non-blank lines of a JSONL file, parsed, with their 1-based numbers.
pub(crate) fn parse_json_lines<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Vec<(usize, T)>, FormatError> {
    let text = read_text(path)?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row =
            serde_json::from_str(line).map_err(|e| FormatError::malformed(path, i + 1, format!("bad JSON: {e}")))?;
        rows.push((i + 1, row));
    }
    Ok(rows)
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
