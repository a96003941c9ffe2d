//! What the learning curve and the time figures need that the annotation files do
//! not keep: the suggestions each document had when first opened, in review order,
//! and the active annotation time spent on each. Kept in
//! `PROJECT/.sorot/model/reviews.json`, written atomically.
//!
//! Active time: [`ActiveClock`] counts the time between two actions of the
//! annotator, leaving out pauses over [`IDLE_AFTER_SECONDS`] (coffee, a meeting).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::curve::Opened;
use crate::model::Document;
use crate::project::layout::Layout;
use crate::store::write_atomically;

/// A pause longer than this is not annotation time.
pub const IDLE_AFTER_SECONDS: f64 = 120.0;

#[derive(Debug, thiserror::Error)]
pub enum ReviewLogError {
    #[error("cannot read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// The review log of a project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewLog {
    /// One entry per document, in the order first opened.
    pub opened: Vec<Opened>,
    /// Active annotation seconds per document id.
    #[serde(default)]
    pub active_seconds: BTreeMap<String, f64>,
}

impl ReviewLog {
    pub fn path(layout: &Layout) -> PathBuf {
        layout.dot_dir().join("model").join("reviews.json")
    }

    /// The project's log; empty when it has none yet.
    pub fn load(layout: &Layout) -> Result<ReviewLog, ReviewLogError> {
        let path = ReviewLog::path(layout);
        let fail = |reason: String| ReviewLogError::Read { path: path.clone(), reason };
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| fail(e.to_string())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ReviewLog::default()),
            Err(e) => Err(fail(e.to_string())),
        }
    }

    pub fn save(&self, layout: &Layout) -> Result<(), ReviewLogError> {
        let path = ReviewLog::path(layout);
        let fail = |source| ReviewLogError::Write { path: path.clone(), source };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let mut json = serde_json::to_vec_pretty(self).map_err(|e| fail(std::io::Error::other(e)))?;
        json.push(b'\n');
        write_atomically(&path, &json).map_err(fail)
    }

    /// Records `doc`'s open suggestions the first time document `id` is opened;
    /// returns whether it was new (later openings keep the first record).
    pub fn record_opened(&mut self, id: &str, doc: &Document) -> bool {
        if self.opened_of(id).is_some() {
            return false;
        }
        self.opened.push(Opened::of(id, doc));
        true
    }

    pub fn opened_of(&self, id: &str) -> Option<&Opened> {
        self.opened.iter().find(|o| o.id == id)
    }

    pub fn add_active(&mut self, id: &str, seconds: f64) {
        if seconds > 0.0 {
            *self.active_seconds.entry(id.to_owned()).or_insert(0.0) += seconds;
        }
    }
}

/// Active time between the annotator's actions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ActiveClock {
    last: Option<f64>,
}

impl ActiveClock {
    /// An action at `now` (seconds on any monotonic clock); returns the seconds it
    /// adds: the time since the previous action, or nothing after a long pause.
    pub fn touch(&mut self, now: f64) -> f64 {
        let added = match self.last {
            Some(last) if now >= last && now - last <= IDLE_AFTER_SECONDS => now - last,
            _ => 0.0,
        };
        self.last = Some(now);
        added
    }

    /// Forgets the last action (the document was closed).
    pub fn stop(&mut self) {
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_over_two_minutes_are_left_out() {
        let mut clock = ActiveClock::default();
        let total: f64 = [0.0, 10.0, 40.0, 400.0, 405.0].iter().map(|&t| clock.touch(t)).sum();
        assert_eq!(total, 45.0);
        clock.stop();
        assert_eq!(clock.touch(410.0), 0.0);
    }

    #[test]
    fn the_log_keeps_the_first_opening_and_round_trips() {
        let dir = tempfile::tempdir().expect("temp dir");
        let layout = Layout::new(dir.path());
        assert_eq!(ReviewLog::load(&layout).expect("empty"), ReviewLog::default());
        let doc = Document::new("“Ani” 🙂\r\nkata Budi.".to_owned(), None);
        let mut log = ReviewLog::default();
        assert!(log.record_opened("a.txt", &doc));
        assert!(!log.record_opened("a.txt", &doc));
        log.add_active("a.txt", 12.5);
        log.save(&layout).expect("saves");
        assert_eq!(ReviewLog::load(&layout).expect("loads"), log);
        std::fs::write(ReviewLog::path(&layout), b"{").expect("write");
        assert!(ReviewLog::load(&layout).is_err());
    }
}
