//! Autosave: the shell reports every change and ticks the saver every frame;
//! the saver says when to write. Time comes in as an argument, so tests drive
//! it with made-up instants and never wait.
//!
//! A save happens once changes have been quiet for [`AutosavePolicy::quiet`]
//! (0.5 s), and at the latest [`AutosavePolicy::max_delay`] (1.5 s) after the
//! first unsaved change even while edits keep coming, so a crash loses at most
//! the last 2 seconds. A failed save is retried after `quiet`, not every frame.
//! The app writes each save atomically on a worker thread, from a snapshot.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::layout::Layout;
use super::scan::ArticleId;
use crate::store::write_atomically;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AutosavePolicy {
    pub quiet: Duration,
    pub max_delay: Duration,
}

impl Default for AutosavePolicy {
    fn default() -> Self {
        Self { quiet: Duration::from_millis(500), max_delay: Duration::from_millis(1500) }
    }
}

/// Decides when unsaved changes are written.
#[derive(Debug, Default)]
pub struct Autosaver {
    policy: AutosavePolicy,
    first_unsaved: Option<Instant>,
    last_change: Option<Instant>,
}

impl Autosaver {
    pub fn new(policy: AutosavePolicy) -> Self {
        Self { policy, first_unsaved: None, last_change: None }
    }

    /// Changes the policy; unsaved changes stay pending under the new one.
    pub fn set_policy(&mut self, policy: AutosavePolicy) {
        self.policy = policy;
    }

    /// Something changed at `now` (an edit, undo, mark done, a scroll for the session).
    pub fn changed(&mut self, now: Instant) {
        self.first_unsaved.get_or_insert(now);
        self.last_change = Some(now);
    }

    pub fn is_dirty(&self) -> bool {
        self.first_unsaved.is_some()
    }

    /// Whether a save is due at `now`.
    pub fn is_due(&self, now: Instant) -> bool {
        let (Some(first), Some(last)) = (self.first_unsaved, self.last_change) else { return false };
        now.saturating_duration_since(last) >= self.policy.quiet
            || now.saturating_duration_since(first) >= self.policy.max_delay
    }

    /// Runs `save` if a save is due; `Ok(true)` when it saved. On failure the
    /// changes stay unsaved and the next try waits `quiet`.
    pub fn tick<E>(&mut self, now: Instant, save: impl FnOnce() -> Result<(), E>) -> Result<bool, E> {
        if !self.is_due(now) {
            return Ok(false);
        }
        match save() {
            Ok(()) => {
                self.saved();
                Ok(true)
            }
            Err(error) => {
                // Keep `first_unsaved` (the changes are still unsaved) but wait
                // `quiet` before the next attempt.
                self.first_unsaved = Some(now);
                self.last_change = Some(now);
                Err(error)
            }
        }
    }

    /// Saved by other means (Ctrl+S): nothing pending.
    pub fn saved(&mut self) {
        self.first_unsaved = None;
        self.last_change = None;
    }

    /// How long until the next save is due, for `request_repaint_after`.
    pub fn due_in(&self, now: Instant) -> Option<Duration> {
        let (first, last) = (self.first_unsaved?, self.last_change?);
        let quiet = (last + self.policy.quiet).saturating_duration_since(now);
        let latest = (first + self.policy.max_delay).saturating_duration_since(now);
        Some(quiet.min(latest))
    }
}

/// What the next start restores: the open document and where the annotator was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<ArticleId>,
    /// Vertical scroll offset of the document view, in points.
    #[serde(default)]
    pub scroll: f32,
    /// The selected span: `{"kind": "entity", "id": "e3"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<SelectedSpan>,
    /// The side panels' widths as the annotator left them, in points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panels: Option<PanelWidths>,
}

/// How wide the annotator made the side panels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PanelWidths {
    pub list: f32,
    pub inspector: f32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectedSpan {
    pub kind: SpanKind,
    pub id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanKind {
    Entity,
    Quote,
}

impl SessionState {
    /// The last saved session; `None` when there is none or it is unreadable
    /// (a session is a convenience: never worth an error at start-up).
    pub fn load(layout: &Layout) -> Option<Self> {
        serde_json::from_slice(&std::fs::read(layout.session_path()).ok()?).ok()
    }

    /// Writes the session atomically.
    pub fn save(&self, layout: &Layout) -> std::io::Result<()> {
        std::fs::create_dir_all(layout.dot_dir())?;
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomically(&layout.session_path(), &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn saves_after_a_quiet_pause_and_not_before() {
        let t0 = Instant::now();
        let mut saver = Autosaver::default();
        assert!(!saver.is_due(t0));
        saver.changed(t0);
        assert!(!saver.is_due(t0 + ms(400)));
        assert_eq!(saver.tick(t0 + ms(500), || Ok::<(), ()>(())), Ok(true));
        assert!(!saver.is_dirty());
        assert_eq!(saver.tick(t0 + ms(5000), || Ok::<(), ()>(())), Ok(false), "nothing to save");
    }

    #[test]
    fn continuous_editing_still_saves_within_two_seconds() {
        let t0 = Instant::now();
        let mut saver = Autosaver::default();
        let mut saved_at = None;
        for step in 0..40u64 {
            let now = t0 + ms(step * 100);
            saver.changed(now); // an edit every 100 ms: never quiet
            if saver.tick(now, || Ok::<(), ()>(())).unwrap() && saved_at.is_none() {
                saved_at = Some(step * 100);
            }
        }
        assert_eq!(saved_at, Some(1500));
    }

    #[test]
    fn a_failed_save_is_retried_after_the_quiet_delay() {
        let t0 = Instant::now();
        let mut saver = Autosaver::default();
        saver.changed(t0);
        assert_eq!(saver.tick(t0 + ms(600), || Err("disk full")), Err("disk full"));
        assert!(saver.is_dirty());
        assert!(!saver.is_due(t0 + ms(700)));
        assert_eq!(saver.due_in(t0 + ms(700)), Some(ms(400)));
        assert_eq!(saver.tick(t0 + ms(1100), || Ok::<(), &str>(())), Ok(true));
    }

    #[test]
    fn session_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        assert_eq!(SessionState::load(&layout), None);
        let state = SessionState {
            open: Some(ArticleId { path: "news/a.txt".into(), line: None }),
            scroll: 812.5,
            selected: Some(SelectedSpan { kind: SpanKind::Quote, id: "q2".into() }),
            panels: Some(PanelWidths { list: 333.0, inspector: 250.5 }),
        };
        state.save(&layout).unwrap();
        assert_eq!(SessionState::load(&layout), Some(state));
    }
}
