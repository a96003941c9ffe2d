//! The project's model learning in the background. A worker thread keeps the
//! [`Learner`](crate::learn::Learner) (building it loads word lists) and the project's [`ProjectModel`];
//! the UI sends it requests — after a document is marked done, and at most every
//! [`LEARN_EVERY`] after autosaves — and drains its reports each frame, so the
//! window never waits on learning.
//!
//! After the model changed, the worker re-suggests the documents the annotator has
//! not opened yet (only suggestions in their files, never opened in the review
//! log, not the open one): each file is read, checked untouched, given the new
//! model's suggestions, read again and written atomically only if it is still the
//! same bytes — a file the annotator wrote meanwhile is never replaced.
//!
//! The review log (suggestions at first opening, active time) is written by the
//! worker too, so no file is written on the UI thread. The worker's side is in
//! [`worker`].

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::analysis::Analyzer;
use crate::learn::{ActiveClock, ProjectModel, ReviewLog};
use crate::model::Document;
use crate::project::layout::Layout;
use crate::project::scan::{ArticleEntry, ArticleId};
use crate::project::status::{DocStatus, DocSummary};

mod worker;
use worker::Task;

/// Updates while reviewing come at most this often (a done document at once).
pub const LEARN_EVERY: Duration = Duration::from_secs(5);

/// What the model learned from, for the status line and the Model window.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ModelSummary {
    pub documents: usize,
    pub names: usize,
    pub not_names: usize,
}

impl ModelSummary {
    fn of(model: &ProjectModel) -> ModelSummary {
        model.record.as_ref().map_or_else(ModelSummary::default, |r| ModelSummary {
            documents: r.documents.len(),
            names: r.names(),
            not_names: r.not_names(),
        })
    }
}

/// What the worker reports.
pub enum LearnReport {
    /// The model learned from the reviews as they are now.
    Updated { analyzer: Arc<Analyzer>, summary: ModelSummary, elapsed: Duration },
    /// The list rows of some unopened documents just given the new model's
    /// suggestions: sent a few at a time as the worker goes, so that no frame
    /// takes in (and lays out) a whole project's rows at once.
    Rows(Vec<DocSummary>),
    /// Re-suggesting is over: `count` documents were rewritten (their rows were
    /// sent before), `failures` name the files that could not be used.
    Resuggested { count: usize, failures: Vec<String> },
    /// Something could not be done; the message names it.
    Failed(String),
    /// Every update asked for up to this one (by its number) is done.
    Finished(u64),
}

enum Request {
    /// Learn from the project's reviews as saved; `open` is the document open in
    /// the window (saved just before), which re-suggesting leaves alone.
    Update {
        open: Option<ArticleId>,
        opened: HashSet<String>,
        /// Its number, reported back when it is done.
        number: u64,
    },
    SaveLog(ReviewLog),
}

/// The app's side of the project model.
pub struct Learning {
    /// Suggests with the project's model (the shipped one until it learned) and
    /// its quotation lessons (project cues, rejected patterns made less sure).
    pub analyzer: Arc<Analyzer>,
    pub summary: ModelSummary,
    /// Suggestions at first opening and active time, per document.
    pub log: ReviewLog,
    /// Updates asked for, and done (the worker runs only the latest of those
    /// queued, and says up to which one it is done).
    requested: u64,
    finished: u64,
    /// The open document was marked done: learn as soon as it is saved.
    pub learn_soon: bool,
    /// A document opened before its suggestions were ready: recorded when they are.
    pub record_pending: Option<ArticleId>,
    clock: ActiveClock,
    epoch: Instant,
    last_request: Option<Instant>,
    /// The document open in the window, which re-suggesting must leave alone.
    open_now: Arc<Mutex<Option<String>>>,
    /// `None` when the project is read-only here: nothing is learned or written.
    worker: Option<Worker>,
    /// The model as loaded, until the worker takes it.
    loaded: Option<ProjectModel>,
    /// Where the log goes when the project closes (set with the worker).
    layout: Option<Layout>,
    /// Re-suggested rows received but not yet in the document list: the list
    /// takes at most [`ROWS_PER_FRAME`] of them a frame.
    pending_rows: VecDeque<DocSummary>,
    /// Where in the document list the last re-suggested row went: the next
    /// ones (sent in the project's order) are looked for from there on.
    pub list_cursor: usize,
}

/// Rows the document list takes in per frame: changed rows are laid out anew,
/// and a whole project's at once made a frame of 2–3.5 ms of UI work.
pub const ROWS_PER_FRAME: usize = 16;

impl Drop for Learning {
    /// The project closes (or the window): the log is written here, after the
    /// worker was told to stop, so its active time is not lost with the thread.
    fn drop(&mut self) {
        let Some(worker) = self.worker.take() else { return };
        worker.cancel.store(true, Ordering::Relaxed);
        if let Some(layout) = &self.layout {
            // Nowhere left to report a failure: the window is closing.
            let _ = self.log.save(layout);
        }
    }
}

struct Worker {
    requests: Sender<Request>,
    reports: Receiver<LearnReport>,
    cancel: Arc<AtomicBool>,
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Learning {
    /// Loads the project's model and log; returns the warnings to show (a damaged
    /// model, an unreadable log).
    pub fn open(layout: &Layout) -> (Learning, Vec<String>) {
        let mut warnings = Vec::new();
        let model = match ProjectModel::load(layout) {
            Ok((model, warning)) => {
                warnings.extend(warning);
                Some(model)
            }
            Err(error) => {
                warnings.push(format!("The project model cannot be used: {error}"));
                None
            }
        };
        let log = ReviewLog::load(layout).unwrap_or_else(|error| {
            warnings.push(format!("{error}; the learning curve starts again"));
            ReviewLog::default()
        });
        let analyzer = Arc::new(model.as_ref().map_or_else(Analyzer::new, ProjectModel::analyzer));
        let summary = model.as_ref().map(ModelSummary::of).unwrap_or_default();
        let learning = Learning {
            analyzer,
            summary,
            log,
            requested: 0,
            finished: 0,
            learn_soon: false,
            record_pending: None,
            clock: ActiveClock::default(),
            epoch: Instant::now(),
            last_request: None,
            open_now: Arc::new(Mutex::new(None)),
            worker: None,
            loaded: model,
            layout: None,
            pending_rows: VecDeque::new(),
            list_cursor: 0,
        };
        (learning, warnings)
    }

    /// Starts the worker (for a writable project with a usable model).
    pub fn start(&mut self, layout: Layout, entries: Vec<ArticleEntry>, ctx: &egui::Context) {
        let Some(model) = self.loaded.take() else { return };
        self.layout = Some(layout.clone());
        let (requests, inbox) = channel();
        let (outbox, reports) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let task = Task { layout, entries, open_now: Arc::clone(&self.open_now), cancel: Arc::clone(&cancel) };
        let ctx = ctx.clone();
        std::thread::spawn(move || task.run(model, &inbox, &outbox, &ctx));
        self.worker = Some(Worker { requests, reports, cancel });
        // Reviews made elsewhere (another version, `sorot import`) are caught up
        // with, and the project's quotation lessons taken in.
        self.request(None, true);
    }

    /// Document `id` was opened, with its suggestions (`None` while they are
    /// computed in the background: recorded when they arrive).
    pub fn opened(&mut self, id: &ArticleId, document: Option<&Document>) {
        self.clock.stop();
        self.touch(id);
        *self.open_now.lock().unwrap_or_else(PoisonError::into_inner) = Some(id.to_string());
        match document {
            Some(document) => self.record_opened(id, document),
            None => self.record_pending = Some(id.clone()),
        }
    }

    /// Its suggestions at first opening, for the learning curve, when none of it
    /// is reviewed yet.
    pub fn record_opened(&mut self, id: &ArticleId, document: &Document) {
        if DocStatus::of(Some(document)) == DocStatus::New && self.log.record_opened(&id.to_string(), document) {
            self.save_log();
        }
    }

    /// The annotator acted on document `id`: active time counts on.
    pub fn touch(&mut self, id: &ArticleId) {
        let seconds = self.clock.touch(self.epoch.elapsed().as_secs_f64());
        self.log.add_active(&id.to_string(), seconds);
    }

    /// The open document `id` was saved: learn if it was marked done, or if the
    /// last update is [`LEARN_EVERY`] old.
    pub fn saved(&mut self, id: &ArticleId) {
        if self.learn_soon || self.is_due() {
            self.learn_soon = false;
            self.request(Some(id.clone()), true);
        }
    }

    /// The open document `id` closes (saved first): its time is written, and a
    /// document marked done just before teaches now.
    pub fn closed(&mut self, id: Option<ArticleId>) {
        self.clock.stop();
        self.record_pending = None;
        *self.open_now.lock().unwrap_or_else(PoisonError::into_inner) = None;
        if std::mem::take(&mut self.learn_soon) {
            self.request(id, true);
        } else {
            self.save_log();
        }
    }

    fn save_log(&self) {
        if let Some(worker) = &self.worker {
            let _ = worker.requests.send(Request::SaveLog(self.log.clone()));
        }
    }

    /// Asks for an update: now when `urgent` (a document marked done), else only
    /// if the last one was asked for at least [`LEARN_EVERY`] ago.
    pub fn request(&mut self, open: Option<ArticleId>, urgent: bool) {
        let Some(worker) = &self.worker else { return };
        if !urgent && self.last_request.is_some_and(|at| at.elapsed() < LEARN_EVERY) {
            return;
        }
        self.last_request = Some(Instant::now());
        let opened = self.log.opened.iter().map(|o| o.id.clone()).collect();
        let number = self.requested + 1;
        if worker.requests.send(Request::Update { open, opened, number }).is_ok() {
            self.requested = number;
        }
        self.save_log();
    }

    /// An update is running or queued, or its rows are still going into the list.
    pub fn busy(&self) -> bool {
        self.requested > self.finished || !self.pending_rows.is_empty()
    }

    /// At most `max` of the re-suggested rows not yet in the list, oldest first.
    pub fn take_rows(&mut self, max: usize) -> Vec<DocSummary> {
        let count = max.min(self.pending_rows.len());
        self.pending_rows.drain(..count).collect()
    }

    /// Whether an update would be asked for now if the annotator saved.
    pub fn is_due(&self) -> bool {
        self.worker.is_some() && self.last_request.is_none_or(|at| at.elapsed() >= LEARN_EVERY)
    }

    /// Reports that arrived since the last frame; re-suggested rows are kept
    /// back, for [`Learning::take_rows`].
    pub fn drain(&mut self) -> Vec<LearnReport> {
        let Some(worker) = &self.worker else { return Vec::new() };
        let mut reports = Vec::new();
        for report in worker.reports.try_iter() {
            match report {
                LearnReport::Rows(rows) => self.pending_rows.extend(rows),
                other => reports.push(other),
            }
        }
        for report in &reports {
            match report {
                LearnReport::Updated { analyzer, summary, .. } => {
                    let old = std::mem::replace(&mut self.analyzer, Arc::clone(analyzer));
                    free_elsewhere(old);
                    self.summary = *summary;
                }
                LearnReport::Finished(number) => self.finished = self.finished.max(*number),
                LearnReport::Rows(_) | LearnReport::Resuggested { .. } | LearnReport::Failed(_) => {}
            }
        }
        reports
    }
}

/// Frees `value` on a short-lived thread of its own. The suggester the UI
/// replaces is freed this way: freeing an analyser (word lists, automata,
/// weights; 7.5 ms in `learn/free_analyzer`) on the UI thread made the frame that
/// took a model update 40–45 × `frame/small`, and freeing it on the worker just
/// as it handed the re-suggested rows over made the frame that took them in wait
/// ~21 ms (`examples/learning_frames.rs`). Should no thread start, it is freed
/// here after all.
fn free_elsewhere<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new().name("sorot-free".into()).spawn(move || drop(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn re_suggested_rows_go_into_the_list_a_few_a_frame_and_keep_learning_busy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut learning, _) = Learning::open(&Layout::new(dir.path()));
        assert!(!learning.busy());
        let id = |i: usize| ArticleId { path: format!("{i:02}.txt"), line: None };
        learning.pending_rows.extend((0..ROWS_PER_FRAME * 2 + 3).map(|i| DocSummary::of(&id(i), None)));
        let mut frames = Vec::new();
        while learning.busy() {
            frames.push(learning.take_rows(ROWS_PER_FRAME));
        }
        let sizes: Vec<usize> = frames.iter().map(Vec::len).collect();
        assert_eq!(sizes, [ROWS_PER_FRAME, ROWS_PER_FRAME, 3]);
        let order: Vec<ArticleId> = frames.into_iter().flatten().map(|r| r.id).collect();
        assert_eq!(order, (0..ROWS_PER_FRAME * 2 + 3).map(id).collect::<Vec<_>>(), "in the order sent");
    }
}
