//! Project work on background threads: analysing every article (on all cores,
//! in a thread pool of its own) and reading the document list's summaries, and
//! searches; reported to the UI through channels it drains each frame, so the
//! window never waits on them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::analysis::Analyzer;
use crate::project::analyze_all::{analyze_project, RunReport};
use crate::project::layout::Layout;
use crate::project::scan::ArticleEntry;
use crate::project::status::{summaries, DocSummary};

/// What a background run reports.
pub enum Report {
    Progress { done: usize, total: usize },
    Analysed(RunReport),
    Summaries(Vec<DocSummary>),
}

/// A running piece of background work; dropping it asks it to stop.
pub struct Background {
    worker: Worker<Report>,
}

impl Background {
    /// Suggestions for every article without annotations, then fresh summaries.
    pub fn analyse(layout: Layout, entries: Vec<ArticleEntry>, analyzer: Arc<Analyzer>, ctx: egui::Context) -> Self {
        let worker = Worker::spawn(&ctx, move |stop, report| {
            let report = std::sync::Mutex::new(report);
            let send = |r: Report| {
                // A poisoned sender only means a progress call panicked: keep reporting.
                let mut report = report.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                (*report)(r);
            };
            let analyse = || {
                analyze_project(&layout, &entries, &analyzer, stop, |p| {
                    send(Report::Progress { done: p.done, total: p.total });
                })
            };
            // On a pool of its own: the global one stays free for searches and
            // statistics, which would otherwise wait behind the whole analysis.
            let run = match analysis_pool() {
                Ok(pool) => pool.install(analyse),
                Err(_) => analyse(),
            };
            send(Report::Analysed(run));
            if !stop.load(Ordering::Relaxed) {
                send(Report::Summaries(summaries(&layout, &entries)));
            }
        });
        Self { worker }
    }

    /// Reports that arrived since the last call.
    pub fn drain(&self) -> Vec<Report> {
        self.worker.drain()
    }
}

/// Threads for the project's analysis, one per core, named for profilers, and
/// of a lower scheduling priority: they take every core the window leaves
/// idle, but the window's thread runs first when it has a frame to draw.
fn analysis_pool() -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(std::thread::available_parallelism().map_or(1, usize::from))
        .thread_name(|i| format!("sorot-analysis-{i}"))
        .start_handler(|_| yield_to_the_window())
        .build()
}

/// Lowers the calling thread's priority (nice 10; Linux: per thread).
#[cfg(target_os = "linux")]
fn yield_to_the_window() {
    // SAFETY: gettid has no preconditions; setpriority only reads its
    // arguments, and a failure (reported through the return value) leaves the
    // thread at its priority, which is harmless.
    unsafe {
        let thread = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, thread as libc::id_t, BACKGROUND_NICENESS);
    }
}

#[cfg(not(target_os = "linux"))]
fn yield_to_the_window() {}

/// How much lower than the window the analysis runs (0 to 19 on Linux).
#[cfg(target_os = "linux")]
const BACKGROUND_NICENESS: libc::c_int = 10;

/// Work on a background thread that reports as it goes (the project's
/// analysis, a search streaming its hits): the UI drains the reports each
/// frame. Dropping it asks the work to stop, and its later reports are lost.
pub struct Worker<R> {
    reports: Receiver<R>,
    cancel: Arc<AtomicBool>,
}

impl<R> Drop for Worker<R> {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl<R: Send + 'static> Worker<R> {
    /// Runs `work(stop, report)` on a new thread: `stop` turns true when the
    /// worker is dropped; each `report` reaches [`Worker::drain`] and asks for
    /// a repaint (at once at most every [`REPAINT_EVERY`], else after it; and
    /// one at the end).
    pub fn spawn(
        ctx: &egui::Context,
        work: impl FnOnce(&AtomicBool, Box<dyn FnMut(R) + Send>) + Send + 'static,
    ) -> Self {
        let (sender, reports) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let wake = ctx.clone();
            let mut last_wake: Option<Instant> = None;
            let report = move |r: R| {
                if sender.send(r).is_err() {
                    return; // nobody listens any more
                }
                if last_wake.is_none_or(|at| at.elapsed() >= REPAINT_EVERY) {
                    last_wake = Some(Instant::now());
                    wake.request_repaint();
                } else {
                    // Not lost: a frame comes soon anyway.
                    wake.request_repaint_after(REPAINT_EVERY);
                }
            };
            work(&stop, Box::new(report));
            ctx.request_repaint();
        });
        Self { reports, cancel }
    }

    /// Reports that arrived since the last call.
    pub fn drain(&self) -> Vec<R> {
        self.reports.try_iter().collect()
    }
}

/// How often a worker's reports wake the UI at most (a search may report
/// thousands of steps a second; the window needs a few dozen frames).
const REPAINT_EVERY: Duration = Duration::from_millis(15);

/// A one-off computation on a background thread whose result the UI picks up
/// when it is ready (a corpus search, statistics, a bulk review).
pub struct Job<T> {
    result: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, result) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = sender.send(work());
            ctx.request_repaint();
        });
        Self { result }
    }

    /// The result, once (None while running, and after it was taken).
    pub fn take(&self) -> Option<T> {
        self.result.try_recv().ok()
    }
}
