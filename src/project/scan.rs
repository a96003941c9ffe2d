//! Which files of a folder are articles.
//!
//! Every file under the folder, recursively, whose extension is `.txt`, `.md`,
//! `.html`/`.htm`, `.json` or `.jsonl` (case-insensitive) is an article; a JSON
//! Lines file is one article per non-blank line. Skipped: hidden files and
//! folders (names starting with `.`, so `.sorot/` and `.git/`), annotation files
//! (`*.sorot.json`), and symlinked folders (they could loop). FIFOs, sockets and
//! devices named like articles are skipped and reported as problems (reading
//! one would wait forever). Listing reads only
//! metadata, except JSON Lines files, whose line starts are found by scanning
//! for newlines (no JSON is parsed).

use std::path::{Path, PathBuf};

/// How an article file is read (see [`decode`](super::decode)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ArticleKind {
    Text,
    Markdown,
    Html,
    Json,
    Jsonl,
}

impl ArticleKind {
    /// The kind of a file by its extension; `None` for files that are not articles.
    pub fn of_path(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?;
        if name.starts_with('.') || name.ends_with(crate::store::ANNOTATION_SUFFIX) {
            return None;
        }
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "txt" => ArticleKind::Text,
            "md" | "markdown" => ArticleKind::Markdown,
            "html" | "htm" => ArticleKind::Html,
            "json" => ArticleKind::Json,
            "jsonl" => ArticleKind::Jsonl,
            _ => return None,
        })
    }
}

/// Names one article of a project: a file path relative to the project folder
/// (with `/` separators whatever the platform), and for JSON Lines the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct ArticleId {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// One article as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleEntry {
    pub id: ArticleId,
    /// The file on disk (the project folder joined with `id.path`).
    pub path: PathBuf,
    pub kind: ArticleKind,
    /// The file's size in bytes (for a JSON Lines article: its line's).
    pub size: u64,
    /// For a JSON Lines article: the byte offset and length of its line.
    pub byte_range: Option<(u64, u64)>,
}

impl ArticleEntry {
    /// An entry for a single file named directly (e.g. on the command line):
    /// its kind by extension, plain text when the extension is not known.
    pub fn for_file(path: &Path) -> Vec<ArticleEntry> {
        let kind = ArticleKind::of_path(path).unwrap_or(ArticleKind::Text);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        expand(path, name, kind, size)
    }
}

/// A folder's articles, sorted by id, and the folders or files that could not be read.
#[derive(Debug, Default)]
pub struct Scan {
    pub articles: Vec<ArticleEntry>,
    pub problems: Vec<ScanProblem>,
}

#[derive(Debug, thiserror::Error)]
#[error("cannot read {path}: {source}")]
pub struct ScanProblem {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Lists every article under `root` (see the module docs for the rules).
pub fn scan(root: &Path) -> Scan {
    let mut found = Scan::default();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        list_folder(root, &folder, &mut folders, &mut found);
    }
    found.articles.sort_by(|a, b| a.id.cmp(&b.id));
    found
}

fn list_folder(root: &Path, folder: &Path, folders: &mut Vec<PathBuf>, found: &mut Scan) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(source) => return found.problems.push(ScanProblem { path: folder.to_owned(), source }),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(source) => {
                found.problems.push(ScanProblem { path: folder.to_owned(), source });
                continue;
            }
        };
        let path = entry.path();
        // `file_type` does not follow symlinks: a linked folder is never entered.
        let Ok(file_type) = entry.file_type() else { continue };
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if file_type.is_dir() {
            if !hidden {
                folders.push(path);
            }
            continue;
        }
        let Some(kind) = ArticleKind::of_path(&path) else { continue };
        // A FIFO named like an article would block its reader forever.
        if let Some(special) = crate::store::special_kind(&file_type).filter(|_| !file_type.is_symlink()) {
            let source = std::io::Error::other(format!("it is {special}, not a regular file: skipped"));
            found.problems.push(ScanProblem { path, source });
            continue;
        }
        let size = match entry.metadata() {
            Ok(metadata) => metadata.len(),
            Err(source) => {
                found.problems.push(ScanProblem { path, source });
                continue;
            }
        };
        let relative = relative_id(root, &path);
        found.articles.extend(expand(&path, relative, kind, size));
    }
}

/// `path` relative to `root` with `/` separators.
fn relative_id(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// One entry for a file, or one per non-blank line of a JSON Lines file. An
/// unreadable JSON Lines file stays one entry, so opening it reports why.
fn expand(path: &Path, relative: String, kind: ArticleKind, size: u64) -> Vec<ArticleEntry> {
    let whole = |line| ArticleEntry {
        id: ArticleId { path: relative.clone(), line },
        path: path.to_owned(),
        kind,
        size,
        byte_range: None,
    };
    if kind != ArticleKind::Jsonl || size > crate::store::MAX_ARTICLE_BYTES {
        return vec![whole(None)];
    }
    let Ok(bytes) = std::fs::read(path) else { return vec![whole(None)] };
    let lines = line_ranges(&bytes);
    if lines.is_empty() {
        return vec![whole(None)];
    }
    lines
        .into_iter()
        .map(|(number, start, len)| ArticleEntry {
            id: ArticleId { path: relative.clone(), line: Some(number) },
            path: path.to_owned(),
            kind,
            size: len,
            byte_range: Some((start, len)),
        })
        .collect()
}

/// `(1-based line number, byte offset, byte length)` of each non-blank line.
fn line_ranges(bytes: &[u8]) -> Vec<(usize, u64, u64)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (number, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().any(|b| !b.is_ascii_whitespace()) {
            ranges.push((number + 1, start as u64, line.len() as u64));
        }
        start += line.len() + 1;
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension_and_skip_rules() {
        let kind = |name: &str| ArticleKind::of_path(Path::new(name));
        assert_eq!(kind("a/b.TXT"), Some(ArticleKind::Text));
        assert_eq!(kind("b.htm"), Some(ArticleKind::Html));
        assert_eq!(kind("b.jsonl"), Some(ArticleKind::Jsonl));
        assert_eq!(kind("b.txt.sorot.json"), None);
        assert_eq!(kind(".hidden.txt"), None);
        assert_eq!(kind("photo.png"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_named_like_an_article_is_reported_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "“Ya 😀,” kata Ana.\r\n").unwrap();
        let made = std::process::Command::new("mkfifo").arg(dir.path().join("x.txt")).status().unwrap();
        assert!(made.success());
        let found = scan(dir.path());
        let ids: Vec<String> = found.articles.iter().map(|a| a.id.to_string()).collect();
        assert_eq!(ids, ["a.txt"]);
        assert_eq!(found.problems.len(), 1);
        assert!(found.problems[0].to_string().contains("FIFO"), "{}", found.problems[0]);
    }

    #[test]
    fn line_ranges_skip_blank_lines_and_handle_crlf() {
        assert_eq!(line_ranges(b"{}\r\n\n  \n{\"a\":1}"), vec![(1, 0, 3), (4, 8, 7)]);
    }
}
