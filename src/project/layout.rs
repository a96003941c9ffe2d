//! Where a project keeps its work: everything Sorot writes goes under one
//! hidden folder, `PROJECT/.sorot/`, and the articles are never written.
//!
//! ```text
//! PROJECT/
//!   news/berita.txt                        an article (read only)
//!   feeds/day1.jsonl                       one article per line
//!   .sorot/
//!     project.json                         settings: label schema, annotator (commit it)
//!     annotations/news/berita.txt.json     one file per article, same relative path
//!     annotations/feeds/day1.jsonl/7.json  line 7 of a JSON Lines file
//!     session.json                         open document and position (per user: ignore it)
//!     lock                                 held while an app has the project open (ignore it)
//! ```
//!
//! One pretty-printed file per article, keys in a fixed order, keeps diffs of a
//! reviewed document small and merges local; annotations can be committed with
//! the articles or kept in a repository of their own. Suggested `.gitignore`:
//! `.sorot/session.json` and `.sorot/lock`.

use std::path::{Path, PathBuf};

use super::scan::ArticleId;

/// The folder Sorot keeps inside a project.
pub const DOT_DIR: &str = ".sorot";

/// The paths of one project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    root: PathBuf,
}

impl Layout {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The project folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn dot_dir(&self) -> PathBuf {
        self.root.join(DOT_DIR)
    }

    pub fn annotations_dir(&self) -> PathBuf {
        self.dot_dir().join("annotations")
    }

    pub fn settings_path(&self) -> PathBuf {
        self.dot_dir().join("project.json")
    }

    pub fn session_path(&self) -> PathBuf {
        self.dot_dir().join("session.json")
    }

    pub fn lock_path(&self) -> PathBuf {
        self.dot_dir().join("lock")
    }

    /// The article file of `id`.
    pub fn article_path(&self, id: &ArticleId) -> PathBuf {
        id.path.split('/').fold(self.root.clone(), |path, part| path.join(part))
    }

    /// Where the annotations of `id` are saved: its relative path plus `.json`,
    /// or for a JSON Lines article `<file>/<line>.json`.
    pub fn annotation_path(&self, id: &ArticleId) -> PathBuf {
        let mut path = id
            .path
            .split('/')
            .filter(|part| !part.is_empty() && *part != "." && *part != "..")
            .fold(self.annotations_dir(), |path, part| path.join(part));
        match id.line {
            Some(line) => path.push(format!("{line}.json")),
            None => {
                let mut name = path.file_name().unwrap_or_default().to_os_string();
                name.push(".json");
                path.set_file_name(name);
            }
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_mirror_the_article_tree_under_dot_sorot() {
        let layout = Layout::new("/p");
        let plain = ArticleId { path: "news/a.txt".into(), line: None };
        assert_eq!(layout.annotation_path(&plain), PathBuf::from("/p/.sorot/annotations/news/a.txt.json"));
        assert_eq!(layout.article_path(&plain), PathBuf::from("/p/news/a.txt"));
        let line = ArticleId { path: "feed.jsonl".into(), line: Some(7) };
        assert_eq!(layout.annotation_path(&line), PathBuf::from("/p/.sorot/annotations/feed.jsonl/7.json"));
    }

    #[test]
    fn parent_components_cannot_escape_the_annotations_folder() {
        let id = ArticleId { path: "../../etc/x.txt".into(), line: None };
        assert!(Layout::new("/p").annotation_path(&id).starts_with("/p/.sorot/annotations"));
    }
}
