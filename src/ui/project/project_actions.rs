//! The project controller performing [`ProjectAction`]s: moving between
//! documents, search and jumping to hits, bulk review, statistics, and
//! picking up their background results.

use std::sync::Arc;

use super::controller::{Landing, ProjectController};
use super::{CorpusSource, Job, ProjectAction};
use crate::analysis::Analyzer;
use crate::project::clock::now_rfc3339;
use crate::project::scan::ArticleId;
use crate::project::search::{bulk_review_edit, BulkReview, Decision, Hit};
use crate::project::settings::edit_count;
use crate::speaker_ranking::SpeakerRanker;
use crate::ui::review::ReviewController;
use crate::ui::status_bar::Note;

impl ProjectController {
    pub fn perform(
        &mut self,
        action: ProjectAction,
        analyzer: &Arc<Analyzer>,
        review: &mut ReviewController,
    ) -> Option<Note> {
        use ProjectAction as A;
        match action {
            A::OpenDocument(id) => self.open_document(&id, analyzer, review, Landing::FirstSuggestion),
            A::NeighbourDocument { backwards } => match self.neighbour(backwards) {
                Some(id) => self.open_document(&id, analyzer, review, Landing::FirstSuggestion),
                None => Some(Note::Info("No more documents in this direction".into())),
            },
            A::ShowSearch => {
                self.search.show();
                None
            }
            A::Search => {
                self.start_search(review);
                None
            }
            A::JumpTo(hit) => self.jump_to(*hit, analyzer, review),
            A::BulkReview { surface, label, decision } => self.bulk_review(review, &surface, &label, decision),
            A::ShowStats => {
                self.start_stats(review);
                None
            }
            A::ShowSettings => self.show_settings(),
            A::SaveSettings => {
                let saved = self.save_settings(review);
                self.follow_layer(analyzer, review).or(saved)
            }
            A::RenameLabel { from, to } => self.rename_label(review, &from, &to),
            A::DeleteLabel { name, confirmed } => self.delete_label(review, &name, confirmed),
            A::ShowAgreement => self.show_agreement(),
            A::Adjudicate => self.toggle_adjudication(review),
            A::SaveGold => self.save_gold(),
            A::RefreshSuggestions => self.refresh_suggestions(analyzer, review),
            A::ShowModel => self.show_model(review),
        }
    }

    /// Picks up finished background work: the project's analysis and list,
    /// search results, statistics, a bulk review, settings jobs.
    pub fn poll(&mut self, review: &mut ReviewController) -> Option<Note> {
        if let Some(project) = self.project.as_mut() {
            project.poll();
        }
        self.search.poll();
        self.stats.poll();
        self.agreement.poll();
        self.model_window.poll();
        let learned = self.poll_learning(review);
        // The inspector ranks speakers as the project's model suggests them:
        // with its learned weights and its own cues.
        let ranker = self.learning.as_ref().map_or_else(SpeakerRanker::default, |l| {
            SpeakerRanker::new(*l.analyzer.speaker_weights(), Some(Arc::clone(l.analyzer.lexicon())))
        });
        review.set_speaker_ranker(ranker);
        let refreshed = self.poll_refresh(review);
        let bulk = self.bulk.as_ref().and_then(Job::take).map(|change| {
            self.bulk = None;
            let failed =
                if change.failures.is_empty() { String::new() } else { format!(", {} failed", change.failures.len()) };
            Note::Info(format!(
                "Bulk review: {} span(s) in {} other document(s){failed}",
                change.spans, change.documents
            ))
        });
        self.poll_settings_jobs(review).or(bulk).or(refreshed).or(learned)
    }

    /// The documents a search or statistics run over: the project's saved
    /// ones with the open document as it is now, or just the open document.
    fn corpus_source(&self, review: &ReviewController) -> CorpusSource {
        let project = self.project.as_ref().map(|p| (p.layout.clone(), p.entries.clone()));
        let current_id = match &self.project {
            Some(p) => p.current.clone(),
            None => review
                .document()
                .and_then(|d| d.source.as_ref())
                .map(|s| ArticleId { path: s.display().to_string(), line: None }),
        };
        CorpusSource { project, open: current_id.zip(review.document().cloned()) }
    }

    fn start_search(&mut self, review: &ReviewController) {
        let source = self.corpus_source(review);
        let ctx = self.egui_ctx().clone();
        self.search.start(&ctx, source);
    }

    fn start_stats(&mut self, review: &ReviewController) {
        self.stats.open = true;
        let source = self.corpus_source(review);
        self.stats.running = Some(Job::spawn(self.egui_ctx(), move || source.stats(10)));
    }

    /// Opens the hit's document if needed and selects it.
    fn jump_to(&mut self, hit: Hit, analyzer: &Arc<Analyzer>, review: &mut ReviewController) -> Option<Note> {
        let elsewhere = self.project.as_ref().is_some_and(|p| p.current.as_ref() != Some(&hit.article));
        let note =
            if elsewhere { self.open_document(&hit.article, analyzer, review, Landing::FirstSuggestion) } else { None };
        match hit.span {
            Some(span) => {
                review.text_selection = None;
                review.selection = Some(span);
            }
            None => {
                review.selection = None;
                review.text_selection = Some((hit.start, hit.end));
            }
        }
        review.scroll_to_selection = true;
        note
    }

    /// Bulk review: the open document through its history (undoable), the
    /// rest of the project's saved files in the background.
    fn bulk_review(
        &mut self,
        review: &mut ReviewController,
        surface: &str,
        label: &str,
        decision: Decision,
    ) -> Option<Note> {
        let when = now_rfc3339();
        let who = self.settings.annotator.clone();
        let request = BulkReview { surface, label, decision, who: who.as_deref(), when: &when };
        let mut note = None;
        if let Some(edit) = review.document().and_then(|d| bulk_review_edit(d, &request)) {
            let count = edit_count(&edit);
            let outcome = review.perform_edit(edit);
            if outcome.changed {
                self.changed();
                note = Some(Note::Info(format!("{count} span(s) in this document")));
            }
            note = outcome.note.or(note);
        }
        self.bulk_review_elsewhere(&request);
        note
    }
}
