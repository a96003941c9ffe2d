//! The project controller's side of learning: what a review action means for the
//! model (active time; a document marked done teaches at once), the worker's
//! reports taken in, "Refresh suggestions" for the open document (one undoable
//! edit), and the Model window's figures computed in the background.

use std::path::PathBuf;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::controller::ProjectController;
use super::learning::{LearnReport, ROWS_PER_FRAME};
use super::model_window::ModelFigures;
use super::Job;
use crate::analysis::Analyzer;
use crate::annotate::add_suggestions;
use crate::learn::refresh_edit;
use crate::model::Document;
use crate::project::scan::ArticleId;
use crate::project::status::DocSummary;
use crate::ui::review::{ReviewAction, ReviewController};
use crate::ui::status_bar::Note;

/// The open document's text analysed with the project's model, for "Refresh suggestions".
pub struct RefreshJob {
    /// Which document it is for: another one may be open by the time it is ready.
    path: PathBuf,
    job: Job<Document>,
}

impl ProjectController {
    /// After a review action: active time counts, and a document just marked done
    /// teaches the model as soon as it is saved.
    pub fn after_review(&mut self, action: &ReviewAction, changed: bool, review: &ReviewController) {
        let (Some(project), Some(learning)) = (self.project.as_ref(), self.learning.as_mut()) else { return };
        let Some(id) = project.current.clone() else { return };
        learning.touch(&id);
        if changed && *action == ReviewAction::ToggleDone {
            learning.learn_soon = review.document().is_some_and(|d| d.done.is_some());
        }
    }

    /// Whether the model is learning or re-suggesting, or will once the open
    /// document is saved.
    pub fn learning_busy(&self) -> bool {
        self.learning.as_ref().is_some_and(|l| l.busy() || l.learn_soon)
    }

    /// Starts analysing the open document with the project's model.
    pub(super) fn refresh_suggestions(&mut self, analyzer: &Arc<Analyzer>, review: &ReviewController) -> Option<Note> {
        let Some(session) = review.session() else {
            return Some(Note::Info("Open a document to refresh its suggestions".into()));
        };
        if review.is_analysing() {
            return Some(Note::Info("Suggestions are still being computed".into()));
        }
        let analyzer = match &self.learning {
            Some(l) => Arc::clone(&l.analyzer),
            None => Arc::clone(analyzer),
        };
        let text = session.document.text.clone();
        let job = Job::spawn(self.egui_ctx(), move || {
            let suggestions = analyzer.analyze(&text);
            let mut fresh = Document::new(text.to_string(), None);
            add_suggestions(&mut fresh, suggestions);
            fresh
        });
        self.refresh = Some(RefreshJob { path: session.annotation_path.clone(), job });
        Some(Note::Info("Refreshing the suggestions with the project's model…".into()))
    }

    /// The refreshed suggestions, once ready, applied as one undoable edit.
    pub(super) fn poll_refresh(&mut self, review: &mut ReviewController) -> Option<Note> {
        let fresh = self.refresh.as_ref()?.job.take()?;
        let refresh = self.refresh.take()?;
        if review.session().map(|s| &s.annotation_path) != Some(&refresh.path) {
            return None;
        }
        let Some(edit) = review.document().and_then(|d| refresh_edit(d, &fresh)) else {
            return Some(Note::Info("The suggestions are already the project model's".into()));
        };
        let outcome = review.perform_edit(edit);
        if outcome.changed {
            self.changed();
        }
        let done =
            Note::Info("Suggestions refreshed with the project's model (Ctrl+Z brings the old ones back)".into());
        outcome.note.or(Some(done))
    }

    /// Takes in what the learning worker reported.
    pub(super) fn poll_learning(&mut self, review: &ReviewController) -> Option<Note> {
        let learning = self.learning.as_mut()?;
        if let (Some(id), Some(document)) = (learning.record_pending.clone(), review.document()) {
            if !review.is_analysing() {
                learning.record_pending = None;
                learning.record_opened(&id, document);
            }
        }
        let reports = learning.drain();
        let mut note = None;
        for report in reports {
            note = match report {
                LearnReport::Updated { summary, elapsed, .. } => {
                    if self.model_window.open {
                        self.start_model_figures(review);
                    }
                    Some(Note::Info(format!(
                        "The project model learned from {} document(s), {} name(s) in {:.1} s",
                        summary.documents,
                        summary.names,
                        elapsed.as_secs_f64()
                    )))
                }
                LearnReport::Resuggested { count, failures } => resuggested(count, &failures).or(note),
                LearnReport::Failed(message) => Some(Note::Error(message)),
                LearnReport::Rows(_) | LearnReport::Finished(_) => note,
            };
        }
        self.take_resuggested_rows();
        note
    }

    /// Re-suggested documents' rows go into the list, at most
    /// [`ROWS_PER_FRAME`] a frame (the rest the next frames).
    fn take_resuggested_rows(&mut self) {
        let Some(learning) = self.learning.as_mut() else { return };
        let rows = learning.take_rows(ROWS_PER_FRAME);
        if rows.is_empty() {
            return;
        }
        if learning.busy() {
            self.egui_ctx().request_repaint(); // the rest next frame, even with the worker done
        }
        let (Some(project), Some(learning)) = (self.project.as_mut(), self.learning.as_mut()) else { return };
        let fresh = rows.into_iter().filter(|r| project.current.as_ref() != Some(&r.id));
        learning.list_cursor = put_rows(&mut project.rows, fresh, learning.list_cursor);
    }
}

/// Puts `fresh` rows in place of the list's rows of the same articles, looking
/// from `from` on (and round to it): the worker sends rows in the project's
/// order, which is the list's unless it was sorted otherwise, so a batch is
/// found in about as many steps as it has rows rather than in a pass over the
/// list (a pass of 1,000 rows, hashing each id, was most of a frame's work).
/// Returns where to look from next time.
fn put_rows(list: &mut [DocSummary], fresh: impl IntoIterator<Item = DocSummary>, from: usize) -> usize {
    let mut fresh: FxHashMap<ArticleId, DocSummary> = fresh.into_iter().map(|r| (r.id.clone(), r)).collect();
    let count = list.len();
    let mut next = from;
    for at in (from..count).chain(0..from.min(count)) {
        if fresh.is_empty() {
            break;
        }
        let Some(slot) = list.get_mut(at) else { continue };
        if let Some(row) = fresh.remove(&slot.id) {
            *slot = row;
            next = at + 1;
        }
    }
    next
}

/// Re-suggesting is over: how many documents, or what failed.
fn resuggested(count: usize, failures: &[String]) -> Option<Note> {
    if let Some(first) = failures.first() {
        return Some(Note::Error(format!("{} file(s) could not be used for learning: {first}", failures.len())));
    }
    (count > 0).then(|| Note::Info(format!("{count} unopened document(s) re-suggested with the new model")))
}

impl ProjectController {
    /// Opens the Model window and computes its figures in the background.
    pub(super) fn show_model(&mut self, review: &ReviewController) -> Option<Note> {
        self.model_window.open = true;
        if self.learning.is_none() {
            return Some(Note::Info("The project model is for projects (open a folder)".into()));
        }
        self.start_model_figures(review);
        None
    }

    fn start_model_figures(&mut self, review: &ReviewController) {
        let (Some(project), Some(learning)) = (self.project.as_ref(), self.learning.as_ref()) else { return };
        let (layout, entries, log) = (project.layout.clone(), project.entries.clone(), learning.log.clone());
        let open = project.current.clone().zip(review.document().cloned());
        self.model_window.running =
            Some(Job::spawn(self.egui_ctx(), move || ModelFigures::compute(&layout, &entries, &log, open)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::status::DocStatus;

    fn row(i: usize, open: usize) -> DocSummary {
        let mut row = DocSummary::of(&ArticleId { path: format!("{i:02}.txt"), line: None }, None);
        row.open_suggestions = Some(open);
        row
    }

    #[test]
    fn re_suggested_rows_replace_their_articles_rows_wherever_they_stand() {
        let mut list: Vec<DocSummary> = (0..10).map(|i| row(i, 1)).collect();
        let next = put_rows(&mut list, [row(2, 5), row(3, 5)], 0);
        assert_eq!(next, 4, "the next batch is looked for after the last row put");
        // Out of the list's order, and one before the cursor: found round the list.
        let next = put_rows(&mut list, [row(9, 7), row(1, 7)], next);
        assert_eq!(next, 2);
        let open: Vec<Option<usize>> = list.iter().map(|r| r.open_suggestions).collect();
        let want = [1, 7, 5, 5, 1, 1, 1, 1, 1, 7].map(Some);
        assert_eq!(open, want);
        assert!(list.iter().all(|r| r.status == DocStatus::New));
        // A row of an article not in the list changes nothing.
        assert_eq!(put_rows(&mut list, [row(42, 9)], 3), 3);
        assert!(list.iter().all(|r| r.open_suggestions != Some(9)));
    }
}
