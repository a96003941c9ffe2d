//! The project's model learning in the background. A worker thread keeps the
//! [`Learner`] (building it loads word lists) and the project's [`ProjectModel`];
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
//! worker too, so no file is written on the UI thread.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::analysis::Analyzer;
use crate::annotate::add_suggestions;
use crate::learn::{refresh_edit, ActiveClock, LearnDoc, Learner, ProjectModel, QuoteLessons, ReviewLog};
use crate::model::Document;
use crate::project::layout::Layout;
use crate::project::open::save_document;
use crate::project::scan::{ArticleEntry, ArticleId};
use crate::project::status::{DocStatus, DocSummary};
use crate::store::load_annotations;

use super::reviewed_cache::ReviewedCache;

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
    Updated { analyzer: Arc<Analyzer>, lessons: Arc<QuoteLessons>, summary: ModelSummary, elapsed: Duration },
    /// Unopened documents given the new model's suggestions (their list rows).
    Resuggested { rows: Vec<DocSummary>, failures: Vec<String> },
    /// Something could not be done; the message names it.
    Failed(String),
}

enum Request {
    /// Learn from the project's reviews as saved; `open` is the document open in
    /// the window (saved just before), which re-suggesting leaves alone.
    Update {
        open: Option<ArticleId>,
        opened: HashSet<String>,
    },
    SaveLog(ReviewLog),
}

/// The app's side of the project model.
pub struct Learning {
    /// Suggests with the project's model (the shipped one until it learned).
    pub analyzer: Arc<Analyzer>,
    /// Quotation patterns the annotator keeps rejecting, made less sure.
    pub lessons: Arc<QuoteLessons>,
    pub summary: ModelSummary,
    /// Suggestions at first opening and active time, per document.
    pub log: ReviewLog,
    /// An update is running (or queued).
    pub busy: bool,
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
}

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
            lessons: Arc::new(QuoteLessons::default()),
            summary,
            log,
            busy: false,
            learn_soon: false,
            record_pending: None,
            clock: ActiveClock::default(),
            epoch: Instant::now(),
            last_request: None,
            open_now: Arc::new(Mutex::new(None)),
            worker: None,
            loaded: model,
            layout: None,
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
        self.busy = worker.requests.send(Request::Update { open, opened }).is_ok();
        self.save_log();
    }

    /// Whether an update would be asked for now if the annotator saved.
    pub fn is_due(&self) -> bool {
        self.worker.is_some() && self.last_request.is_none_or(|at| at.elapsed() >= LEARN_EVERY)
    }

    /// Reports that arrived since the last frame.
    pub fn drain(&mut self) -> Vec<LearnReport> {
        let Some(worker) = &self.worker else { return Vec::new() };
        let reports: Vec<LearnReport> = worker.reports.try_iter().collect();
        for report in &reports {
            match report {
                LearnReport::Updated { analyzer, lessons, summary, .. } => {
                    self.analyzer = Arc::clone(analyzer);
                    self.lessons = Arc::clone(lessons);
                    self.summary = *summary;
                }
                LearnReport::Resuggested { .. } | LearnReport::Failed(_) => self.busy = false,
            }
        }
        reports
    }
}

/// The worker thread's side.
struct Task {
    layout: Layout,
    entries: Vec<ArticleEntry>,
    open_now: Arc<Mutex<Option<String>>>,
    cancel: Arc<AtomicBool>,
}

impl Task {
    fn run(&self, model: ProjectModel, inbox: &Receiver<Request>, outbox: &Sender<LearnReport>, ctx: &egui::Context) {
        let send = |report: LearnReport| {
            let _ = outbox.send(report);
            ctx.request_repaint();
        };
        let learner = match Learner::shipped() {
            Ok(learner) => learner,
            Err(error) => return send(LearnReport::Failed(format!("Learning is off: {error}"))),
        };
        let mut state =
            WorkerState { model, learner, lessons: QuoteLessons::default(), reviewed: ReviewedCache::default() };
        while let Ok(first) = inbox.recv() {
            // Requests that queued up while the last one ran: only the latest counts.
            let (mut update, mut log) = (None, None);
            for request in std::iter::once(first).chain(inbox.try_iter()) {
                match request {
                    Request::Update { open, opened } => update = Some((open, opened)),
                    Request::SaveLog(latest) => log = Some(latest),
                }
            }
            if self.cancel.load(Ordering::Relaxed) {
                return; // the project closed: it wrote the latest log itself
            }
            if let Some(Err(error)) = log.map(|log| log.save(&self.layout)) {
                send(LearnReport::Failed(error.to_string()));
            }
            if let Some((open, opened)) = update {
                self.update(&mut state, open.as_ref(), opened, &send);
            }
        }
    }

    /// Relearns from the reviews as they are now; when the model or the quotation
    /// lessons changed, hands the new suggester over and re-suggests.
    fn update(
        &self,
        state: &mut WorkerState,
        open: Option<&ArticleId>,
        mut skip: HashSet<String>,
        send: &impl Fn(LearnReport),
    ) {
        let (docs, failures) = state.reviewed.load(&self.layout, &self.entries);
        let learn_docs: Vec<LearnDoc> = docs.iter().map(|(id, d)| LearnDoc { id, document: d }).collect();
        let started = Instant::now();
        let learned = match state.model.update(&self.layout, &state.learner, &learn_docs) {
            Ok(learned) => learned,
            Err(error) => return send(LearnReport::Failed(format!("The project model was not updated: {error}"))),
        };
        let plain = state.model.analyzer();
        let lessons = QuoteLessons::learn(&docs.iter().map(|(_, d)| d).collect::<Vec<_>>(), &plain);
        let lessons_changed = lessons != state.lessons;
        if learned.is_none() && !lessons_changed {
            return send(LearnReport::Resuggested { rows: Vec::new(), failures });
        }
        if let Some(new) = learned {
            state.model = new;
        }
        state.lessons = lessons;
        let analyzer = Arc::new(state.lessons.extend(state.model.analyzer()));
        let lessons = Arc::new(state.lessons.clone());
        let summary = ModelSummary::of(&state.model);
        let elapsed = started.elapsed();
        send(LearnReport::Updated { analyzer: Arc::clone(&analyzer), lessons: Arc::clone(&lessons), summary, elapsed });
        skip.extend(open.map(ToString::to_string));
        let (rows, mut more) = self.resuggest(&analyzer, &lessons, &skip);
        more.extend(failures);
        send(LearnReport::Resuggested { rows, failures: more });
    }

    /// New suggestions for every document not opened yet; their new list rows.
    fn resuggest(
        &self,
        analyzer: &Analyzer,
        lessons: &QuoteLessons,
        skip: &HashSet<String>,
    ) -> (Vec<DocSummary>, Vec<String>) {
        let (mut rows, mut failures) = (Vec::new(), Vec::new());
        for entry in &self.entries {
            if self.cancel.load(Ordering::Relaxed) {
                break;
            }
            let id = entry.id.to_string();
            if skip.contains(&id) {
                continue;
            }
            match self.resuggest_one(&entry.id, analyzer, lessons) {
                Ok(Some(row)) => rows.push(row),
                Ok(None) => {}
                Err(error) => failures.push(format!("{id}: {error}")),
            }
        }
        (rows, failures)
    }

    /// One document: `Ok(None)` when it is reviewed, opened, missing or unchanged.
    fn resuggest_one(
        &self,
        id: &ArticleId,
        analyzer: &Analyzer,
        lessons: &QuoteLessons,
    ) -> Result<Option<DocSummary>, String> {
        let path = self.layout.annotation_path(id);
        // No file yet: the project's first analysis writes it (with the new model).
        let Ok(before) = std::fs::read(&path) else { return Ok(None) };
        let mut document = load_annotations(&path).map_err(|e| e.to_string())?;
        if DocStatus::of(Some(&document)) != DocStatus::New {
            return Ok(None);
        }
        let mut fresh = Document::new(document.text.to_string(), None);
        add_suggestions(&mut fresh, suggest(analyzer, lessons, &document.text));
        let Some(edit) = refresh_edit(&document, &fresh) else { return Ok(None) };
        document.apply(&edit).map_err(|e| e.to_string())?;
        let opened_meanwhile =
            self.open_now.lock().unwrap_or_else(PoisonError::into_inner).as_deref() == Some(id.to_string().as_str());
        // Written only if the file is still exactly what was read.
        if opened_meanwhile || std::fs::read(&path).ok().as_deref() != Some(before.as_slice()) {
            return Ok(None);
        }
        save_document(&self.layout, id, &document).map_err(|e| e.to_string())?;
        Ok(Some(DocSummary::of(id, Some(&document))))
    }
}

/// What the worker keeps between updates.
struct WorkerState {
    model: ProjectModel,
    learner: Learner,
    /// What the project's reviewed quotations teach (project cues, rejected patterns).
    lessons: QuoteLessons,
    reviewed: ReviewedCache,
}

/// Suggestions for `text` by `analyzer`, quotations of patterns the annotator keeps
/// rejecting made less sure.
pub fn suggest(analyzer: &Analyzer, lessons: &QuoteLessons, text: &str) -> crate::analysis::Suggestions {
    let mut suggestions = analyzer.analyze(text);
    lessons.adjust(text, &mut suggestions);
    suggestions
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::annotate::suggest_document;
    use crate::model::Status;
    use crate::project::scan::scan;

    /// Curly quotes, an emoji and CRLF line ends.
    const TEXT: &str = "“Kami siap 😀,” kata Ranti Purnomo.\r\nBesok Ranti ke Sumedang.\r\n";

    fn task(root: &Path) -> Task {
        let layout = Layout::new(root);
        let entries = scan(root).articles;
        Task { layout, entries, open_now: Arc::new(Mutex::new(None)), cancel: Arc::new(AtomicBool::new(false)) }
    }

    /// b.txt saved with its suggestions, one of them changed to a label the model would not give.
    fn saved_suggestions(root: &Path, status: Status) -> (ArticleId, Vec<u8>) {
        std::fs::write(root.join("b.txt"), TEXT).expect("article");
        let id = ArticleId { path: "b.txt".into(), line: None };
        let doc = suggest_document(TEXT.to_owned(), Some("b.txt".into()), &Analyzer::new());
        let mut entities = doc.entities().to_vec();
        let first = entities.first_mut().expect("a suggestion");
        first.label = "DATE".into();
        first.status = status;
        let quotes = doc.quotes().to_vec();
        let mut doc = doc.with_spans(entities, quotes);
        doc.labels.ensure("DATE");
        let doc = doc.validated().expect("valid");
        let layout = Layout::new(root);
        save_document(&layout, &id, &doc).expect("saved");
        let bytes = std::fs::read(layout.annotation_path(&id)).expect("read");
        (id, bytes)
    }

    #[test]
    fn an_untouched_document_gets_the_models_suggestions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (id, before) = saved_suggestions(dir.path(), Status::Suggested);
        let task = task(dir.path());
        let row =
            task.resuggest_one(&id, &Analyzer::new(), &QuoteLessons::default()).expect("no error").expect("rewritten");
        assert_eq!(row.status, DocStatus::New);
        let after = load_annotations(&task.layout.annotation_path(&id)).expect("loads");
        assert_ne!(std::fs::read(task.layout.annotation_path(&id)).expect("read"), before);
        assert!(after.entities().iter().all(|e| e.status == Status::Suggested && e.label != "DATE"));
        assert_eq!(after.text, TEXT);
    }

    #[test]
    fn reviewed_or_open_documents_are_never_rewritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (id, before) = saved_suggestions(dir.path(), Status::Rejected);
        let task = task(dir.path());
        assert!(task.resuggest_one(&id, &Analyzer::new(), &QuoteLessons::default()).expect("no error").is_none());
        assert_eq!(std::fs::read(task.layout.annotation_path(&id)).expect("read"), before, "reviewed: untouched");

        let (id, before) = saved_suggestions(dir.path(), Status::Suggested);
        *task.open_now.lock().expect("lock") = Some(id.to_string());
        assert!(task.resuggest_one(&id, &Analyzer::new(), &QuoteLessons::default()).expect("no error").is_none());
        assert_eq!(std::fs::read(task.layout.annotation_path(&id)).expect("read"), before, "open: untouched");
    }
}
