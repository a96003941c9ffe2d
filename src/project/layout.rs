//! Where a project keeps its work: everything Sorot writes goes under one
//! hidden folder, `PROJECT/.sorot/`, and the articles are never written.
//!
//! ```text
//! PROJECT/
//!   news/berita.txt                        an article (read only)
//!   feeds/day1.jsonl                       one article per line
//!   .sorot/
//!     project.json                         settings: label schema, team (commit it)
//!     user.json                            this user's annotator name (per user: ignore it)
//!     annotations/news/berita.txt.json     one file per article, same relative path
//!     annotations/feeds/day1.jsonl/7.json  line 7 of a JSON Lines file
//!     session.json                         open document and position (per user: ignore it)
//!     lock                                 held while an app has the project open (ignore it)
//! ```
//!
//! A team project (settings with a `team` section) keeps each annotator's work
//! apart, so that copies of the folder shared through git, a network drive or a
//! sync tool merge without conflicts: two annotators never write the same file.
//!
//! ```text
//!   .sorot/
//!     annotations/dewi/news/berita.txt.json   dewi's layer (same relative paths)
//!     annotations/rudi/news/berita.txt.json   rudi's layer
//!     gold/news/berita.txt.json               the adjudicated version
//! ```
//!
//! A [`Layout`] bound to a layer ([`Layout::for_annotator`], [`Layout::gold`])
//! answers [`Layout::annotation_path`] inside that layer, so everything that
//! opens, saves, autosaves or analyses documents works on it unchanged.
//!
//! One pretty-printed file per article, keys in a fixed order, keeps diffs of a
//! reviewed document small and merges local; annotations can be committed with
//! the articles or kept in a repository of their own. Sorot writes
//! `.sorot/.gitignore` listing the per-user files (`session.json`, `user.json`,
//! `lock`), so two annotators' commits never touch the same settings file.

use std::path::{Path, PathBuf};

use super::scan::ArticleId;

/// The folder Sorot keeps inside a project.
pub const DOT_DIR: &str = ".sorot";

/// The paths of one project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    root: PathBuf,
    layer: Option<LayerName>,
}

/// Whose annotations a layout reads and writes in a team project.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LayerName {
    Annotator(String),
    Gold,
}

/// Why a name cannot name an annotator's layer (it becomes a folder name).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name:?} cannot name an annotator: {reason}")]
pub struct AnnotatorNameError {
    pub name: String,
    pub reason: &'static str,
}

/// Checks that `name` is usable as an annotator's folder on every platform.
pub fn check_annotator_name(name: &str) -> Result<(), AnnotatorNameError> {
    let refuse = |reason| Err(AnnotatorNameError { name: name.to_owned(), reason });
    if name.trim().is_empty() {
        return refuse("it is empty");
    }
    if name.trim() != name {
        return refuse("it starts or ends with a space");
    }
    if name.starts_with('.') {
        return refuse("it starts with a dot");
    }
    if name.chars().count() > 64 {
        return refuse("it is longer than 64 characters");
    }
    if name.chars().any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')) {
        return refuse("it contains a control character or one of / \\ : * ? \" < > |");
    }
    Ok(())
}

impl Layout {
    /// A project's layout; annotations in the single (pre-team) layout.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into(), layer: None }
    }

    /// The same project, reading and writing `annotator`'s layer.
    pub fn for_annotator(&self, annotator: &str) -> Result<Self, AnnotatorNameError> {
        check_annotator_name(annotator)?;
        Ok(Self { root: self.root.clone(), layer: Some(LayerName::Annotator(annotator.to_owned())) })
    }

    /// The same project, reading and writing the gold layer.
    pub fn gold(&self) -> Self {
        Self { root: self.root.clone(), layer: Some(LayerName::Gold) }
    }

    /// The layer this layout works on; `None` for the single layout.
    pub fn layer(&self) -> Option<&LayerName> {
        self.layer.as_ref()
    }

    /// Where the annotators' layers are: one folder per annotator.
    pub fn layers_dir(&self) -> PathBuf {
        self.dot_dir().join("annotations")
    }

    /// The project folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn dot_dir(&self) -> PathBuf {
        self.root.join(DOT_DIR)
    }

    /// Where this layout's annotation files are: `.sorot/annotations` (single
    /// layout), `.sorot/annotations/<annotator>` or `.sorot/gold`.
    pub fn annotations_dir(&self) -> PathBuf {
        match &self.layer {
            None => self.layers_dir(),
            Some(LayerName::Annotator(name)) => self.layers_dir().join(name),
            Some(LayerName::Gold) => self.dot_dir().join("gold"),
        }
    }

    pub fn settings_path(&self) -> PathBuf {
        self.dot_dir().join("project.json")
    }

    /// The annotator's own settings (their name), kept out of the shared `project.json`.
    pub fn user_settings_path(&self) -> PathBuf {
        self.dot_dir().join("user.json")
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
    fn layers_keep_each_annotator_apart_and_gold_beside_them() {
        let layout = Layout::new("/p");
        let id = ArticleId { path: "news/a.txt".into(), line: None };
        let dewi = layout.for_annotator("dewi").unwrap();
        assert_eq!(dewi.annotation_path(&id), PathBuf::from("/p/.sorot/annotations/dewi/news/a.txt.json"));
        assert_eq!(dewi.layer(), Some(&LayerName::Annotator("dewi".into())));
        assert_eq!(dewi.gold().annotation_path(&id), PathBuf::from("/p/.sorot/gold/news/a.txt.json"));
        assert_eq!(dewi.settings_path(), layout.settings_path(), "one project, one settings file");
        for bad in ["", " dewi", "..", ".hidden", "a/b", "a\\b", "tab\t"] {
            assert!(layout.for_annotator(bad).is_err(), "{bad:?}");
        }
        assert!(layout.for_annotator("Dewi Lestari 😀").is_ok());
    }

    #[test]
    fn parent_components_cannot_escape_the_annotations_folder() {
        let id = ArticleId { path: "../../etc/x.txt".into(), line: None };
        assert!(Layout::new("/p").annotation_path(&id).starts_with("/p/.sorot/annotations"));
    }
}
