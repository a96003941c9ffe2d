//! Suggestions for many articles on all cores, with progress and cancellation.
//! A bad article is reported with its reason and never stops the run.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use super::decode::decode_entry;
use super::layout::Layout;
use super::open::save_new_document_in_batch;
use super::scan::{ArticleEntry, ArticleId};
use crate::analysis::Analyzer;
use crate::annotate::suggest_document;
use crate::model::Document;
use crate::store;

/// Reported after each article, from whichever worker thread finished it.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub done: usize,
    pub total: usize,
    pub current: &'a ArticleId,
}

/// What a run did. `failures` and `warnings` are sorted by article.
#[derive(Debug, Default)]
pub struct RunReport {
    pub written: usize,
    /// Articles left alone because they already had annotations.
    pub skipped: usize,
    pub failures: Vec<(ArticleId, String)>,
    /// Articles analysed despite something worth knowing (e.g. not UTF-8).
    pub warnings: Vec<(ArticleId, String)>,
    pub cancelled: bool,
    /// Why the batch could not be flushed to disk at the end, if so.
    pub unsynced: Option<String>,
}

/// Analyses each entry on all cores and hands its document to `sink` (which
/// writes it somewhere). Checks `cancel` before each article.
pub fn analyze_each(
    entries: &[ArticleEntry],
    analyzer: &Analyzer,
    cancel: &AtomicBool,
    progress: impl Fn(Progress) + Sync,
    sink: impl Fn(&ArticleEntry, Document) -> Result<(), String> + Sync,
) -> RunReport {
    let done = AtomicUsize::new(0);
    let written = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let warnings = Mutex::new(Vec::new());
    let note = |list: &Mutex<Vec<(ArticleId, String)>>, id: &ArticleId, message: String| {
        // A poisoned list only means another worker panicked: keep recording.
        list.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push((id.clone(), message));
    };
    entries.par_iter().for_each(|entry| {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        match analyze_one(entry, analyzer, &sink) {
            Ok(found) => {
                written.fetch_add(1, Ordering::Relaxed);
                found.into_iter().for_each(|w| note(&warnings, &entry.id, w));
            }
            Err(message) => note(&failures, &entry.id, message),
        }
        let done = done.fetch_add(1, Ordering::Relaxed) + 1;
        progress(Progress { done, total: entries.len(), current: &entry.id });
    });
    let sorted = |list: Mutex<Vec<(ArticleId, String)>>| {
        let mut list = list.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        list.sort();
        list
    };
    RunReport {
        written: written.into_inner(),
        skipped: 0,
        failures: sorted(failures),
        warnings: sorted(warnings),
        cancelled: cancel.load(Ordering::Relaxed),
        unsynced: None,
    }
}

/// One article: decoded, analysed, handed to `sink`; its decoding warnings back.
fn analyze_one(
    entry: &ArticleEntry,
    analyzer: &Analyzer,
    sink: &(impl Fn(&ArticleEntry, Document) -> Result<(), String> + Sync),
) -> Result<Vec<String>, String> {
    let decoded = decode_entry(entry).map_err(|e| e.to_string())?;
    let mut document = suggest_document(decoded.text, Some(entry.id.to_string().into()), analyzer);
    if let Some(title) = decoded.title {
        document.title = title;
    }
    sink(entry, document)?;
    Ok(decoded.warnings.iter().map(ToString::to_string).collect())
}

/// Suggestions for every article of a project that has no annotations yet,
/// written to the project's layout. Meant for a background thread; `progress`
/// can send to a channel the UI reads each frame.
///
/// The files are regenerable suggestions, so they are written as a batch: no
/// flush to disk per file (which cost more than analysing a short article),
/// one sync of the file system at the end, even when cancelled. Each is still
/// written only where no annotation file exists, checked and written in one
/// step: the annotator may open and save an article while the run goes.
pub fn analyze_project(
    layout: &Layout,
    entries: &[ArticleEntry],
    analyzer: &Analyzer,
    cancel: &AtomicBool,
    progress: impl Fn(Progress) + Sync,
) -> RunReport {
    let (todo, existing): (Vec<ArticleEntry>, Vec<ArticleEntry>) =
        entries.iter().cloned().partition(|e| !layout.annotation_path(&e.id).exists());
    let sink = |entry: &ArticleEntry, document: Document| {
        save_new_document_in_batch(layout, &entry.id, &document).map(|_| ()).map_err(|e| e.to_string())
    };
    let mut report = analyze_each(&todo, analyzer, cancel, progress, sink);
    report.skipped = existing.len();
    let folder = layout.annotations_dir();
    if report.written > 0 {
        report.unsynced = store::sync_folder(&folder)
            .err()
            .map(|error| format!("suggestions in {} may not be on disk yet: {error}", folder.display()));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    // The analyzer is shared by all worker threads.
    const _: fn() = || {
        fn shareable<T: Send + Sync>() {}
        shareable::<Analyzer>();
    };
}
