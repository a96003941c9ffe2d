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

use std::path::Path;

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

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeamError {
    #[error("this is a team project: set your annotator name in Project ▸ Settings first")]
    NoAnnotator,
    #[error(transparent)]
    Name(#[from] AnnotatorNameError),
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
