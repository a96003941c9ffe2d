//! Project work on background threads: analysing every article (on all cores)
//! and reading the document list's summaries, reported to the UI through
//! channels it drains each frame, so the window never waits on them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;

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
    reports: Receiver<Report>,
    cancel: Arc<AtomicBool>,
}

impl Drop for Background {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Background {
    /// Suggestions for every article without annotations, then fresh summaries.
    pub fn analyse(layout: Layout, entries: Vec<ArticleEntry>, analyzer: Arc<Analyzer>, ctx: egui::Context) -> Self {
        let (sender, reports) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        std::thread::spawn(move || {
            let wake = ctx.clone();
            let progress_sender = std::sync::Mutex::new(sender.clone());
            let report = analyze_project(&layout, &entries, &analyzer, &stop, |p| {
                if let Ok(sender) = progress_sender.lock() {
                    let _ = sender.send(Report::Progress { done: p.done, total: p.total });
                }
                wake.request_repaint();
            });
            let _ = sender.send(Report::Analysed(report));
            if !stop.load(Ordering::Relaxed) {
                let _ = sender.send(Report::Summaries(summaries(&layout, &entries)));
            }
            ctx.request_repaint();
        });
        Self { reports, cancel }
    }

    /// Reports that arrived since the last call.
    pub fn drain(&self) -> Vec<Report> {
        self.reports.try_iter().collect()
    }
}

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
