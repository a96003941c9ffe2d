//! Why an export or an import failed; every variant names the file.

use std::path::PathBuf;

use super::Format;

#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    /// The input does not follow the format; `line` is 1-based (0 when the
    /// problem is not on one line, e.g. in a binary file or a FIFO: then the
    /// message names the file alone, not a line 0).
    #[error("{}{}: {message}", path.display(), at_line(*line))]
    Malformed { path: PathBuf, line: usize, message: String },
    #[error("refusing to write {0}: it is one of the inputs")]
    WouldOverwriteInput(PathBuf),
    #[error("{0} is an export-only format: it does not hold whole documents")]
    ExportOnly(Format),
}

/// `:N` for line N, nothing for 0 (no particular line).
fn at_line(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}

impl FormatError {
    pub(crate) fn malformed(path: &std::path::Path, line: usize, message: impl Into<String>) -> Self {
        let message: String = message.into();
        let message = crate::store::bounded_message(&message);
        FormatError::Malformed { path: path.to_owned(), line, message }
    }

    /// A JSON parse error, with the line serde_json found it on.
    pub(crate) fn json(path: &std::path::Path, error: &serde_json::Error) -> Self {
        Self::malformed(path, error.line(), format!("bad JSON: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_line_where_there_is_one() {
        let path = std::path::Path::new("a “b” 😀.ann");
        assert_eq!(FormatError::malformed(path, 7, "bad offsets").to_string(), "a “b” 😀.ann:7: bad offsets");
        assert_eq!(FormatError::malformed(path, 0, "is a FIFO").to_string(), "a “b” 😀.ann: is a FIFO");
    }
}
