//! Team projects: several annotators on one corpus, each in a layer of their
//! own (see [`layout`](super::layout)), and which documents more than one of
//! them annotates, so that agreement can be measured on those.
//!
//! In `.sorot/project.json`:
//!
//! ```json
//! "team": {"multi_annotation": {"documents": "all"}}
//! "team": {"multi_annotation": {"documents": "share", "percent": 20, "seed": 7}}
//! "team": {"multi_annotation": {"documents": "list", "articles": ["news/a.txt", "feed.jsonl:3"]}}
//! ```
//!
//! A share is drawn per article from a hash of the seed and the article's id,
//! so it is the same on every machine, and adding articles never changes
//! whether an earlier one is in it (the share is therefore approximate).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::layout::{AnnotatorNameError, Layout};
use super::scan::ArticleId;
use super::settings::ProjectSettings;

/// The `team` section of the settings: present in a team project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSettings {
    #[serde(default)]
    pub multi_annotation: MultiAnnotation,
}

/// Which documents are annotated by several annotators.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "documents", rename_all = "lowercase")]
pub enum MultiAnnotation {
    /// Every document.
    #[default]
    All,
    /// About `percent` % of the documents, drawn with `seed`.
    Share { percent: u8, seed: u64 },
    /// These article ids (`path`, or `path:line` for a JSON Lines article).
    List { articles: Vec<String> },
}

impl MultiAnnotation {
    /// True when the article `id` is to be annotated by several annotators.
    pub fn includes(&self, id: &ArticleId) -> bool {
        match self {
            MultiAnnotation::All => true,
            MultiAnnotation::Share { percent, seed } => draw(*seed, &id.to_string()) % 100 < u64::from(*percent),
            MultiAnnotation::List { articles } => articles.contains(&id.to_string()),
        }
    }
}

/// A number from `seed` and `key` that every platform and version computes
/// alike (FNV-1a, then a SplitMix64 finaliser to spread the bits).
fn draw(seed: u64, key: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in seed.to_le_bytes().iter().chain(key.as_bytes()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^ (hash >> 31)
}

#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("this is a team project: set your annotator name in Project ▸ Settings first")]
    NoAnnotator,
    #[error(transparent)]
    Name(#[from] AnnotatorNameError),
    #[error("cannot move {from} to {to}: {source}")]
    Move { from: PathBuf, to: PathBuf, source: std::io::Error },
    #[error("{0} is in the way: an article folder has the annotator's name; nothing was moved")]
    InTheWay(PathBuf),
}

impl PartialEq for TeamError {
    /// Equal kinds with equal paths and names (I/O errors compare by kind).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (TeamError::NoAnnotator, TeamError::NoAnnotator) => true,
            (TeamError::Name(a), TeamError::Name(b)) => a == b,
            (TeamError::Move { from, to, source }, TeamError::Move { from: f, to: t, source: s }) => {
                from == f && to == t && source.kind() == s.kind()
            }
            (TeamError::InTheWay(a), TeamError::InTheWay(b)) => a == b,
            _ => false,
        }
    }
}

/// Turns a single-layout project's annotations into `annotator`'s layer, so
/// that the work done before the project became a team project is that
/// annotator's: every entry of `.sorot/annotations/` is renamed (moved, never
/// copied or rewritten) into `.sorot/annotations/<annotator>/`. Returns how
/// many entries moved. Refuses, moving nothing, when an entry has the
/// annotator's name.
pub fn adopt_single_layout(root: &Path, annotator: &str) -> Result<usize, TeamError> {
    let single = Layout::new(root);
    let layer = single.for_annotator(annotator)?;
    let from_dir = single.layers_dir();
    let to_dir = layer.annotations_dir();
    let listing = |source| TeamError::Move { from: from_dir.clone(), to: to_dir.clone(), source };
    let entries: Vec<PathBuf> = match std::fs::read_dir(&from_dir) {
        Ok(entries) => entries.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(listing)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(source) => return Err(listing(source)),
    };
    if entries.contains(&to_dir) {
        return Err(TeamError::InTheWay(to_dir));
    }
    std::fs::create_dir_all(&to_dir).map_err(listing)?;
    for from in &entries {
        let to = to_dir.join(from.file_name().unwrap_or_default());
        std::fs::rename(from, &to).map_err(|source| TeamError::Move { from: from.clone(), to, source })?;
    }
    Ok(entries.len())
}

/// The layout the app works on: the single layout for a project without a
/// team section, else the annotator's own layer.
pub fn working_layout(root: &Path, settings: &ProjectSettings) -> Result<Layout, TeamError> {
    let layout = Layout::new(root);
    if settings.team.is_none() {
        return Ok(layout);
    }
    let annotator = settings.annotator.as_deref().ok_or(TeamError::NoAnnotator)?;
    Ok(layout.for_annotator(annotator)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(path: &str) -> ArticleId {
        ArticleId { path: path.into(), line: None }
    }

    #[test]
    fn a_seeded_share_is_stable_and_about_its_size() {
        let share = MultiAnnotation::Share { percent: 20, seed: 7 };
        let ids: Vec<ArticleId> = (0..2000).map(|i| id(&format!("news/{i}.txt"))).collect();
        let chosen: Vec<&ArticleId> = ids.iter().filter(|i| share.includes(i)).collect();
        assert!((330..470).contains(&chosen.len()), "{} of 2000", chosen.len());
        let again: Vec<&ArticleId> = ids.iter().filter(|i| share.includes(i)).collect();
        assert_eq!(chosen, again);
        let other_seed = MultiAnnotation::Share { percent: 20, seed: 8 };
        assert_ne!(chosen, ids.iter().filter(|i| other_seed.includes(i)).collect::<Vec<_>>());
        assert!(!ids.iter().any(|i| MultiAnnotation::Share { percent: 0, seed: 7 }.includes(i)));
        assert!(ids.iter().all(|i| MultiAnnotation::Share { percent: 100, seed: 7 }.includes(i)));
        // The same draw on every platform and version: a fixed answer for a fixed input.
        assert_eq!(draw(7, "news/0.txt"), draw(7, "news/0.txt"));
        assert_ne!(draw(7, "news/0.txt"), draw(7, "news/1.txt"));
    }

    #[test]
    fn lists_and_all() {
        let list = MultiAnnotation::List { articles: vec!["a.txt".into(), "feed.jsonl:3".into()] };
        assert!(list.includes(&id("a.txt")));
        assert!(list.includes(&ArticleId { path: "feed.jsonl".into(), line: Some(3) }));
        assert!(!list.includes(&id("b.txt")));
        assert!(MultiAnnotation::All.includes(&id("b.txt")));
    }

    #[test]
    fn earlier_single_layout_work_becomes_one_annotators_layer() {
        use crate::model::Document;
        use crate::project::open::{load_saved, save_document};
        let dir = tempfile::tempdir().unwrap();
        let single = Layout::new(dir.path());
        assert_eq!(adopt_single_layout(dir.path(), "dewi"), Ok(0), "nothing saved yet");
        let ids = [id("news/a.txt"), id("b.txt"), ArticleId { path: "feed.jsonl".into(), line: Some(2) }];
        let doc = Document::new("“Siap 😀,” kata Ana.\r\n".into(), None);
        for article in &ids {
            save_document(&single, article, &doc).unwrap();
        }
        assert_eq!(adopt_single_layout(dir.path(), "dewi"), Ok(3));
        let dewi = single.for_annotator("dewi").unwrap();
        for article in &ids {
            assert_eq!(load_saved(&dewi, article).unwrap().map(|d| d.text), Some(doc.text.clone()));
        }
        assert_eq!(crate::project::layers::annotators(&single).unwrap(), ["dewi"]);
        // An article folder named like the annotator is in the way: nothing moves.
        let dir = tempfile::tempdir().unwrap();
        save_document(&Layout::new(dir.path()), &id("rudi/x.txt"), &doc).unwrap();
        let error = adopt_single_layout(dir.path(), "rudi").unwrap_err();
        assert!(matches!(error, TeamError::InTheWay(_)), "{error}");
        assert!(Layout::new(dir.path()).annotation_path(&id("rudi/x.txt")).exists());
    }

    #[test]
    fn the_settings_say_where_work_is_saved() {
        let mut settings = ProjectSettings::default();
        assert_eq!(working_layout(Path::new("/p"), &settings).unwrap(), Layout::new("/p"));
        settings.team = Some(TeamSettings::default());
        assert_eq!(working_layout(Path::new("/p"), &settings), Err(TeamError::NoAnnotator));
        settings.annotator = Some("dewi".into());
        let layout = working_layout(Path::new("/p"), &settings).unwrap();
        assert_eq!(layout, Layout::new("/p").for_annotator("dewi").unwrap());
        let json =
            serde_json::to_string(&TeamSettings { multi_annotation: MultiAnnotation::Share { percent: 20, seed: 7 } })
                .unwrap();
        assert_eq!(json, r#"{"multi_annotation":{"documents":"share","percent":20,"seed":7}}"#);
    }
}
