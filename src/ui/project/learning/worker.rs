//! The learning worker thread: it keeps the [`Learner`] and the project's
//! [`ProjectModel`], relearns when asked (only the latest of the requests queued
//! meanwhile), writes the review log, and re-suggests the documents nobody has
//! opened — each file read, checked untouched, given the new model's suggestions,
//! read again and written atomically only if it is still the same bytes.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use super::{LearnReport, ModelSummary, Request};

/// Re-suggested rows per report: the list follows the worker as it goes, and
/// the UI thread never frees or takes in a whole project's rows at once.
const ROWS_PER_REPORT: usize = 16;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::Analyzer;
use crate::annotate::add_suggestions;
use crate::learn::speaker_lessons::ExampleCache;
use crate::learn::{refresh_edit, write_lessons, LearnDoc, Learner, ProjectModel, QuoteLessons};
use crate::model::Document;
use crate::project::layout::Layout;
use crate::project::open::save_document;
use crate::project::scan::{ArticleEntry, ArticleId};
use crate::project::status::{DocStatus, DocSummary};
use crate::store::load_annotations;
use crate::ui::project::reviewed_cache::ReviewedCache;

/// The worker thread's side.
pub(super) struct Task {
    pub(super) layout: Layout,
    pub(super) entries: Vec<ArticleEntry>,
    pub(super) open_now: Arc<Mutex<Option<String>>>,
    pub(super) cancel: Arc<AtomicBool>,
}

impl Task {
    pub(super) fn run(
        &self,
        model: ProjectModel,
        inbox: &Receiver<Request>,
        outbox: &Sender<LearnReport>,
        ctx: &egui::Context,
    ) {
        let send = |report: LearnReport| {
            let _ = outbox.send(report);
            ctx.request_repaint();
        };
        give_way_to_the_ui();
        let learner = match Learner::shipped() {
            Ok(learner) => learner,
            Err(error) => return send(LearnReport::Failed(format!("Learning is off: {error}"))),
        };
        let mut state = WorkerState {
            model,
            learner,
            lessons: QuoteLessons::default(),
            speaker_examples: ExampleCache::default(),
            reviewed: ReviewedCache::default(),
        };
        while let Ok(first) = inbox.recv() {
            // Requests that queued up while the last one ran: only the latest counts.
            let (mut update, mut log) = (None, None);
            for request in std::iter::once(first).chain(inbox.try_iter()) {
                match request {
                    Request::Update { open, opened, number } => update = Some((open, opened, number)),
                    Request::SaveLog(latest) => log = Some(latest),
                }
            }
            if self.cancel.load(Ordering::Relaxed) {
                return; // the project closed: it wrote the latest log itself
            }
            if let Some(Err(error)) = log.map(|log| log.save(&self.layout)) {
                send(LearnReport::Failed(error.to_string()));
            }
            if let Some((open, opened, number)) = update {
                self.update(&mut state, open.as_ref(), opened, &send);
                send(LearnReport::Finished(number));
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
        // The shipped word lists say which cues are new: building the model's
        // whole analyser (weights copied, tables built) only for them is not needed.
        let shipped_words = Lexicon::new();
        let reviewed: Vec<&Document> = docs.iter().map(|(_, d)| d).collect();
        let lessons = QuoteLessons::learn_cached(&reviewed, &shipped_words, &mut state.speaker_examples);
        let lessons_changed = lessons != state.lessons;
        if learned.is_none() && !lessons_changed {
            return send(LearnReport::Resuggested { count: 0, failures });
        }
        if let Some(new) = learned {
            state.model = new;
        }
        if lessons_changed {
            // Beside the project's model, so `sorot analyze --model` suggests as the app does.
            if let Err(error) = write_lessons(&ProjectModel::weights_path(&self.layout), &lessons) {
                send(LearnReport::Failed(format!("The project's quotation lessons were not saved: {error}")));
            }
        }
        state.lessons = lessons;
        // The analyser carries the lessons: project cues, rejected patterns less sure.
        let analyzer = Arc::new(state.lessons.extend(state.model.analyzer()));
        let summary = ModelSummary::of(&state.model);
        let elapsed = started.elapsed();
        send(LearnReport::Updated { analyzer: Arc::clone(&analyzer), summary, elapsed });
        skip.extend(open.map(ToString::to_string));
        let (count, mut more) = self.resuggest(&analyzer, &skip, send);
        more.extend(failures);
        send(LearnReport::Resuggested { count, failures: more });
    }

    /// New suggestions for every document not opened yet; their new list rows
    /// are sent [`ROWS_PER_REPORT`] at a time as they are ready. Returns how
    /// many were rewritten and the failures.
    fn resuggest(
        &self,
        analyzer: &Analyzer,
        skip: &HashSet<String>,
        send: &impl Fn(LearnReport),
    ) -> (usize, Vec<String>) {
        let (mut rows, mut failures, mut count) = (Vec::with_capacity(ROWS_PER_REPORT), Vec::new(), 0);
        for entry in &self.entries {
            if self.cancel.load(Ordering::Relaxed) {
                break;
            }
            let id = entry.id.to_string();
            if skip.contains(&id) {
                continue;
            }
            match self.resuggest_one(&entry.id, analyzer) {
                Ok(Some(row)) => {
                    rows.push(row);
                    count += 1;
                }
                Ok(None) => {}
                Err(error) => failures.push(format!("{id}: {error}")),
            }
            if rows.len() >= ROWS_PER_REPORT {
                send(LearnReport::Rows(std::mem::replace(&mut rows, Vec::with_capacity(ROWS_PER_REPORT))));
            }
        }
        if !rows.is_empty() {
            send(LearnReport::Rows(rows));
        }
        (count, failures)
    }

    /// One document: `Ok(None)` when it is reviewed, opened, missing or unchanged.
    fn resuggest_one(&self, id: &ArticleId, analyzer: &Analyzer) -> Result<Option<DocSummary>, String> {
        let path = self.layout.annotation_path(id);
        // No file yet: the project's first analysis writes it (with the new model).
        let Ok(before) = std::fs::read(&path) else { return Ok(None) };
        let mut document = load_annotations(&path).map_err(|e| e.to_string())?;
        if DocStatus::of(Some(&document)) != DocStatus::New {
            return Ok(None);
        }
        let mut fresh = Document::new(document.text.to_string(), None);
        add_suggestions(&mut fresh, analyzer.analyze(&document.text));
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

/// Lowers this thread's priority (nice 10, Linux), so that where every core is
/// busy the scheduler lets the UI thread run first: the worker runs for seconds
/// at a time, and a frame that waits for it is a frame late.
fn give_way_to_the_ui() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority touches no memory of ours. On Linux the nice value is
    // per thread, and `who` 0 with PRIO_PROCESS names the calling thread only.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// What the worker keeps between updates.
struct WorkerState {
    model: ProjectModel,
    learner: Learner,
    /// What the project's reviewed quotations teach (project cues, rejected patterns).
    lessons: QuoteLessons,
    /// The speaker lessons of the reviewed documents, ranked once per change.
    speaker_examples: ExampleCache,
    reviewed: ReviewedCache,
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
        let row = task.resuggest_one(&id, &Analyzer::new()).expect("no error").expect("rewritten");
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
        assert!(task.resuggest_one(&id, &Analyzer::new()).expect("no error").is_none());
        assert_eq!(std::fs::read(task.layout.annotation_path(&id)).expect("read"), before, "reviewed: untouched");

        let (id, before) = saved_suggestions(dir.path(), Status::Suggested);
        *task.open_now.lock().expect("lock") = Some(id.to_string());
        assert!(task.resuggest_one(&id, &Analyzer::new()).expect("no error").is_none());
        assert_eq!(std::fs::read(task.layout.annotation_path(&id)).expect("read"), before, "open: untouched");
    }

    /// A cue verb the shipped lists lack, marked by the annotator.
    const MARKED: &str = "“Itu urusan nanti 😀,” seloroh Budi Santoso.\r\nIa lalu pulang.\r\n";
    /// A pattern the annotator rejects in two documents.
    const REJECTED: &str = "“Kami siap membantu warga 😀,” kata Budi Santoso.\r\nIa lalu pulang.\r\n";
    /// Not opened: both constructions again, with other words.
    const UNOPENED: &str =
        "“Jalan desa rusak lagi 😀,” seloroh Dewi Lestari.\r\n“Kami siap memperbaiki jalan,” kata Budi Santoso.\r\n";

    fn save(root: &Path, name: &str, doc: &Document) {
        std::fs::write(root.join(name), doc.text.as_str()).expect("article");
        save_document(&Layout::new(root), &ArticleId { path: name.into(), line: None }, doc).expect("saved");
    }

    #[test]
    fn quotations_learn_in_the_project_a_marked_cue_and_a_rejected_pattern() {
        use crate::learn::test_fixtures::{document, quote, span_of};
        use crate::model::{Cue, Quote};
        let dir = tempfile::tempdir().expect("temp dir");
        let shipped = Analyzer::new();
        let (start, end) = span_of(MARKED, "seloroh");
        let cue = Some(Cue { start, end, text: "seloroh".into() });
        let marked = Quote { cue, ..quote("q1", MARKED, "“Itu urusan nanti 😀,”", Status::Manual) };
        save(dir.path(), "a.txt", &document(MARKED, Vec::new(), vec![marked]));
        let suggested = suggest_document(REJECTED.to_owned(), None, &shipped);
        let rejected: Vec<Quote> =
            suggested.quotes().iter().map(|q| Quote { status: Status::Rejected, ..q.clone() }).collect();
        assert_eq!(rejected.len(), 1, "the shipped lists know this construction");
        let rejected = suggested.clone().with_spans(suggested.entities().to_vec(), rejected);
        save(dir.path(), "b.txt", &rejected);
        save(dir.path(), "c.txt", &rejected);
        save(dir.path(), "d.txt", &suggest_document(UNOPENED.to_owned(), None, &shipped));

        let task = task(dir.path());
        let mut state = WorkerState {
            model: ProjectModel::shipped().expect("shipped"),
            learner: Learner::shipped().expect("shipped"),
            lessons: QuoteLessons::default(),
            speaker_examples: ExampleCache::default(),
            reviewed: ReviewedCache::default(),
        };
        let reports = std::cell::RefCell::new(Vec::new());
        task.update(&mut state, None, HashSet::new(), &|r| reports.borrow_mut().push(r));
        let rows: Vec<String> = reports
            .borrow()
            .iter()
            .flat_map(|r| match r {
                LearnReport::Rows(rows) => rows.iter().map(|r| r.id.to_string()).collect(),
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(rows, ["d.txt"], "only the unopened document is re-suggested");
        let counted = reports.borrow().iter().find_map(|r| match r {
            LearnReport::Resuggested { count, .. } => Some(*count),
            _ => None,
        });
        assert_eq!(counted, Some(1), "the last report counts the rows sent");

        let after = load_annotations(&task.layout.annotation_path(&ArticleId { path: "d.txt".into(), line: None }))
            .expect("loads");
        let cue_of = |q: &&Quote| q.cue.as_ref().map(|c| c.text.to_string());
        let seloroh = after.quotes().iter().find(|q| cue_of(q).as_deref() == Some("seloroh"));
        assert!(seloroh.is_some_and(|q| q.status == Status::Suggested), "the marked cue is a project cue: {after:?}");
        let kata = after.quotes().iter().find(|q| cue_of(q).as_deref() == Some("kata")).expect("still suggested");
        let kata_cue = Some(span_of(UNOPENED, "kata"));
        let shipped_quotes = shipped.analyze(UNOPENED).quotes;
        let before = shipped_quotes.iter().find(|q| q.cue == kata_cue).map(|q| q.confidence).expect("suggested");
        assert!(kata.confidence.is_some_and(|c| c < before * 0.5), "{:?} against {before}", kata.confidence);
    }
}
