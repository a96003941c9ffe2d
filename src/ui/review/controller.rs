//! The open document under review and what is selected in it. Every change
//! goes through the session's history as an [`Edit`], stamped with who and
//! when, recording the selection so undo and redo bring it back. Knows nothing
//! of panels or files: the shell shows what it holds and saves its snapshots.

use std::cell::RefCell;

use crate::analysis::Suggestions;
use crate::annotate::{add_suggestions, Opened};
use crate::model::{Document, Edit, LabelSet, QuoteKind, ReviewError, SpanRef};
use crate::project::clock::now_rfc3339;
use crate::session::Session;
use crate::speaker_ranking::{RankedSpeaker, SpeakerRanker};
use crate::ui::document_view::is_shown;
use crate::ui::group_review::group_review_edit;
use crate::ui::project::Job;
use crate::ui::status_bar::Note;

use super::speaker_cache::SpeakerCache;
use super::ReviewAction;

#[derive(Default)]
pub struct ReviewController {
    session: Option<Session>,
    pub selection: Option<SpanRef>,
    pub text_selection: Option<(usize, usize)>,
    /// The quote whose speaker the next clicked entity becomes.
    pub picking_speaker_for: Option<String>,
    /// The speaker candidate (from 0) chosen by digit while picking, awaiting Enter.
    pub speaker_choice: Option<usize>,
    /// Set when the selection moved and the view should bring it into sight.
    pub scroll_to_selection: bool,
    /// Suggestions less sure than this are hidden and skipped (View menu).
    pub min_confidence: f32,
    /// Suggestions for the open document, computed in the background.
    pending_analysis: Option<Job<Suggestions>>,
    /// Who is annotating: stamped on every change.
    annotator: Option<String>,
    /// Set when another window holds the project: nothing may change.
    locked_by: Option<String>,
    /// How speaker candidates are ranked (the project's learned weights and cues).
    speaker_ranker: SpeakerRanker,
    /// The selected quotation's ranked candidates (interior: the digit keys read
    /// them through `&self`).
    speaker_cache: RefCell<SpeakerCache>,
}

/// What performing an action did: whether the annotations changed (the shell
/// then schedules a save), and what the status line should say.
#[derive(Debug, Default)]
pub struct Outcome {
    pub changed: bool,
    pub note: Option<Note>,
}

impl Outcome {
    fn note(note: Note) -> Self {
        Self { changed: false, note: Some(note) }
    }
}

/// The controller's state as the views read it, with the one flag the
/// document view writes (it clears `scroll_to_selection` once it scrolled).
pub struct ReviewView<'a> {
    pub session: &'a Session,
    pub selection: Option<&'a SpanRef>,
    pub text_selection: Option<(usize, usize)>,
    pub picking_speaker: bool,
    pub speaker_choice: Option<usize>,
    /// The selected quotation's speaker candidates, best first.
    pub speaker_candidates: &'a [RankedSpeaker],
    pub min_confidence: f32,
    pub scroll_to_selection: &'a mut bool,
}

impl ReviewController {
    /// What the views show, when a document is open.
    pub fn view(&mut self) -> Option<ReviewView<'_>> {
        let session = self.session.as_ref()?;
        // Borrowed from the cache, not cloned: the views ask every frame.
        let speaker_candidates = match &self.selection {
            Some(SpanRef::Quote(id)) => self.speaker_cache.get_mut().candidates(session, id, &self.speaker_ranker),
            _ => &[],
        };
        Some(ReviewView {
            session,
            selection: self.selection.as_ref(),
            text_selection: self.text_selection,
            picking_speaker: self.picking_speaker_for.is_some(),
            speaker_choice: self.speaker_choice,
            speaker_candidates,
            min_confidence: self.min_confidence,
            scroll_to_selection: &mut self.scroll_to_selection,
        })
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.session.as_mut()
    }

    pub fn document(&self) -> Option<&Document> {
        self.session.as_ref().map(|s| &s.document)
    }

    pub fn is_dirty(&self) -> bool {
        self.session.as_ref().is_some_and(Session::is_dirty)
    }

    pub fn is_analysing(&self) -> bool {
        self.pending_analysis.is_some()
    }

    pub fn set_annotator(&mut self, annotator: Option<String>) {
        self.annotator = annotator;
    }

    /// Speaker candidates are ranked by `ranker` from now on.
    pub fn set_speaker_ranker(&mut self, ranker: SpeakerRanker) {
        self.speaker_ranker = ranker;
    }

    /// The candidates for `quote`'s speaker, best first, at most one per digit key.
    pub fn speaker_candidates(&self, quote: &str) -> Vec<RankedSpeaker> {
        let Some(session) = &self.session else { return Vec::new() };
        self.speaker_cache.borrow_mut().candidates(session, quote, &self.speaker_ranker).to_vec()
    }

    pub fn set_locked_by(&mut self, holder: Option<String>) {
        self.locked_by = holder;
    }

    /// Shows `opened` with a fresh selection; `pending` brings its suggestions later.
    pub fn start(&mut self, opened: Opened, pending: Option<Job<Suggestions>>) {
        self.session = Some(Session::new(opened));
        self.speaker_cache = RefCell::default();
        self.pending_analysis = pending;
        self.selection = None;
        self.text_selection = None;
        (self.picking_speaker_for, self.speaker_choice) = (None, None);
    }

    /// Closes the document (the shell saved it first if it had to); who is
    /// annotating, the threshold and the project's lock stay.
    pub fn close(&mut self) {
        *self = Self {
            min_confidence: self.min_confidence,
            annotator: self.annotator.take(),
            locked_by: self.locked_by.take(),
            ..Self::default()
        };
    }

    /// Picks up suggestions computed in the background, if they arrived.
    pub fn poll(&mut self) -> Option<Note> {
        let suggestions = self.pending_analysis.as_ref().and_then(Job::take)?;
        self.pending_analysis = None;
        let session = self.session.as_mut()?;
        add_suggestions(&mut session.document, suggestions);
        session.recount();
        let count = session.document.entities().len() + session.document.quotes().len();
        Some(Note::Info(format!("{count} suggestions ready")))
    }

    /// Selects the first open suggestion, as review starts.
    pub fn select_first_open(&mut self) {
        self.selection = self.next_shown_suggestion(None, false);
        self.scroll_to_selection = self.selection.is_some();
    }

    /// Gives the document the project's label schema, as an undoable edit.
    pub fn apply_schema(&mut self, schema: &LabelSet) -> Outcome {
        match self.document().and_then(|d| d.schema_edit(schema)) {
            Some(edit) => self.edit(|_| Ok(edit)),
            None => Outcome::default(),
        }
    }

    /// Performs an edit built elsewhere (a bulk review, a label rename).
    pub fn perform_edit(&mut self, edit: Edit) -> Outcome {
        self.edit(|_| Ok(edit))
    }

    pub fn perform(&mut self, action: ReviewAction) -> Outcome {
        use ReviewAction as A;
        match action {
            A::Select(Some(SpanRef::Entity(id))) if self.picking_speaker_for.is_some() => {
                let quote = self.picking_speaker_for.take().unwrap_or_default();
                self.speaker_choice = None;
                self.edit(|d| d.speaker_edit(&quote, Some(&id)))
            }
            A::Select(span) => {
                let was_picking = self.picking_speaker_for.take().is_some();
                self.speaker_choice = None;
                self.select(span);
                match was_picking {
                    true => Outcome::note(Note::Info("Picking a speaker cancelled".into())),
                    false => Outcome::default(),
                }
            }
            A::SelectNeighbour { backwards } => match self.next_shown_suggestion(self.selection.clone(), backwards) {
                Some(span) => self.perform(A::Select(Some(span))),
                None => Outcome::note(Note::Info("No open suggestions left".into())),
            },
            A::Accept(span) => self.review(span, Document::accept_edit),
            A::Reject(span) => self.review(span, Document::reject_edit),
            A::Delete(span) => self.review(span, Document::delete_edit),
            A::Relabel { entity, label } => self.edit(|d| d.relabel_edit(&entity, &label)),
            A::Nudge { span, start_by, end_by } => self.nudge(&span, start_by, end_by),
            A::SetSpeaker { quote, speaker } => {
                (self.picking_speaker_for, self.speaker_choice) = (None, None);
                let name = speaker.as_deref().and_then(|id| self.document()?.entity(id)).map(|e| e.text.to_string());
                let mut outcome = self.edit(|d| d.speaker_edit(&quote, speaker.as_deref()));
                if outcome.changed {
                    let said = name.map_or("No speaker".to_owned(), |name| format!("Speaker: {name}"));
                    outcome.note = Some(Note::Info(format!("{said} (quote {quote})")));
                }
                outcome
            }
            A::ChooseSpeaker { quote, index } => {
                (self.picking_speaker_for, self.speaker_choice) = (Some(quote), Some(index));
                Outcome::note(Note::Info("Enter confirms the chosen speaker (Escape cancels)".into()))
            }
            A::ReviewGroup { spans, accept } => {
                let Some(edit) = self.document().and_then(|d| group_review_edit(d, &spans, accept)) else {
                    return Outcome::note(Note::Info("No open suggestions in this group".into()));
                };
                let count = if let Edit::Batch(edits) = &edit { edits.len() } else { 1 };
                let mut outcome = self.edit(|_| Ok(edit));
                if outcome.changed {
                    let done = if accept { "Accepted" } else { "Rejected" };
                    outcome.note =
                        Some(Note::Info(format!("{done} {count} suggestion(s) as one change (Ctrl+Z undoes)")));
                }
                outcome
            }
            A::CreateEntity { start, end, label } => {
                self.create(start, end, "e", |d, s, e| d.add_entity_edit(s, e, &label))
            }
            A::CreateQuote { start, end } => {
                self.create(start, end, "q", |d, s, e| d.add_quote_edit(s, e, QuoteKind::Direct))
            }
            A::PickSpeaker { quote } => {
                (self.picking_speaker_for, self.speaker_choice) = (Some(quote), None);
                Outcome::note(Note::Info("Click the entity who said this quote (Escape cancels)".into()))
            }
            A::SetQuoteKind { quote, kind } => self.edit(|d| d.quote_kind_edit(&quote, kind)),
            A::SetCue { quote, start, end } => {
                self.edit_text_selection(start, end, |d, s, e| d.cue_edit(&quote, Some((s, e))))
            }
            A::CreateSpeaker { quote, start, end } => {
                self.edit_text_selection(start, end, |d, s, e| d.add_speaker_edit(&quote, s, e, "PERSON"))
            }
            A::SelectText(range) => {
                self.text_selection = range;
                // A quote stays selected: the text may become its cue or speaker.
                if range.is_some() && !matches!(self.selection, Some(SpanRef::Quote(_))) {
                    self.selection = None;
                }
                Outcome::default()
            }
            A::ToggleDone => self.toggle_done(),
            A::Undo => self.step_history(true),
            A::Redo => self.step_history(false),
        }
    }

    fn select(&mut self, span: Option<SpanRef>) {
        self.selection = span;
        self.scroll_to_selection = self.selection.is_some();
    }

    /// Builds an edit from the current document and performs it through the
    /// history, stamped and with the selection recorded.
    fn edit(&mut self, make: impl FnOnce(&Document) -> Result<Edit, ReviewError>) -> Outcome {
        if self.pending_analysis.is_some() {
            return Outcome::note(Note::Error(
                "Suggestions are still being computed; editing opens when they arrive".into(),
            ));
        }
        if let Some(holder) = &self.locked_by {
            return Outcome::note(Note::Error(format!("Read-only: the project is open in {holder}")));
        }
        let Some(session) = self.session.as_mut() else { return Outcome::default() };
        let when = now_rfc3339();
        let selection = self.selection.clone();
        let result = make(&session.document).map_err(|e| e.to_string()).and_then(|edit| {
            let edit = edit.stamped(self.annotator.as_deref(), &when);
            session.perform_selecting(edit, selection.clone(), selection).map_err(|e| e.to_string())
        });
        match result {
            Ok(()) => Outcome { changed: true, note: None },
            Err(error) => Outcome::note(Note::Error(format!("Could not change the annotations: {error}"))),
        }
    }

    /// Accept, reject or delete; when it was the selected span, the next open
    /// suggestion is selected so that review flows on (and undo comes back here).
    fn review(&mut self, span: SpanRef, make: fn(&Document, &SpanRef) -> Result<Edit, ReviewError>) -> Outcome {
        let outcome = self.edit(|d| make(d, &span));
        if outcome.changed && self.selection.as_ref() == Some(&span) {
            let next = self.next_shown_suggestion(Some(span), false);
            self.settle_selection(next.clone());
            self.select(next);
        }
        outcome
    }

    /// Records `span` as where the edit just made leaves the selection: undo
    /// comes back to where the edit was made, redo goes on to `span`.
    fn settle_selection(&mut self, span: Option<SpanRef>) {
        if let Some(session) = self.session.as_mut() {
            session.history.settle_selection(span);
        }
    }

    /// The open suggestion after (or before) `from` that passes the confidence
    /// threshold: the ones below it are hidden, so review skips them too.
    fn next_shown_suggestion(&self, from: Option<SpanRef>, backwards: bool) -> Option<SpanRef> {
        let document = self.document()?;
        let mut at = from;
        for _ in 0..=document.entities().len() + document.quotes().len() {
            let next = document.neighbour_suggestion(at.as_ref(), backwards)?;
            let shown = match &next {
                SpanRef::Entity(id) => document.entity(id).is_some_and(|e| is_shown(e, self.min_confidence)),
                SpanRef::Quote(_) => true,
            };
            if shown {
                return Some(next);
            }
            at = Some(next);
        }
        None
    }

    fn nudge(&mut self, span: &SpanRef, start_by: isize, end_by: isize) -> Outcome {
        let Some((start, end)) = self.document().and_then(|d| d.range_of(span)) else { return Outcome::default() };
        let (Some(start), Some(end)) = (start.checked_add_signed(start_by), end.checked_add_signed(end_by)) else {
            return Outcome::default();
        };
        self.edit(|d| d.rebound_edit(span, start, end))
    }

    /// Makes a new span from the text selection (whitespace at its ends left
    /// out) and selects it.
    fn create(
        &mut self,
        start: usize,
        end: usize,
        prefix: &str,
        make: impl FnOnce(&Document, usize, usize) -> Result<Edit, ReviewError>,
    ) -> Outcome {
        let Some(document) = self.document() else { return Outcome::default() };
        let (start, end) = document.trim_range(start, end);
        let id = document.fresh_id(prefix);
        let outcome = self.edit(|d| make(d, start, end));
        if outcome.changed {
            self.text_selection = None;
            let made = if prefix == "q" { SpanRef::Quote(id.into()) } else { SpanRef::Entity(id.into()) };
            self.settle_selection(Some(made.clone()));
            self.selection = Some(made);
        }
        outcome
    }

    /// An edit made from the (trimmed) text selection, which it then clears.
    fn edit_text_selection(
        &mut self,
        start: usize,
        end: usize,
        make: impl FnOnce(&Document, usize, usize) -> Result<Edit, ReviewError>,
    ) -> Outcome {
        let Some((start, end)) = self.document().map(|d| d.trim_range(start, end)) else { return Outcome::default() };
        let outcome = self.edit(|d| make(d, start, end));
        if outcome.changed {
            self.text_selection = None;
        }
        outcome
    }

    fn toggle_done(&mut self) -> Outcome {
        let Some(done) = self.document().map(|d| d.done.is_none()) else { return Outcome::default() };
        let mut outcome = self.edit(|d| d.done_edit(done));
        if outcome.changed {
            outcome.note = Some(Note::Info(if done { "Marked done" } else { "Marked not done" }.into()));
        }
        outcome
    }

    fn step_history(&mut self, undo: bool) -> Outcome {
        let Some(session) = self.session.as_mut() else { return Outcome::default() };
        let result = if undo { session.undo() } else { session.redo() };
        match result {
            Ok(Some(selection)) => {
                self.text_selection = None;
                self.select(selection);
                Outcome { changed: true, note: None }
            }
            Ok(None) => Outcome::note(Note::Info(if undo { "Nothing to undo" } else { "Nothing to redo" }.into())),
            Err(error) => {
                Outcome::note(Note::Error(format!("Could not {}: {error}", if undo { "undo" } else { "redo" })))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use crate::annotate::suggest_document;
    use crate::model::Status;

    /// A controller reviewing `text`'s suggestions, the first one selected.
    fn reviewing(text: &str) -> ReviewController {
        let document = suggest_document(text.to_owned(), None, &Analyzer::new());
        let annotation_path = "berita.txt.sorot.json".into();
        let opened = Opened { document, annotation_path, from_saved: false, needs_analysis: false, warning: None };
        let mut review = ReviewController::default();
        review.start(opened, None);
        review.select_first_open();
        review
    }

    fn status_of(review: &ReviewController, span: &SpanRef) -> Option<Status> {
        let document = review.document()?;
        match span {
            SpanRef::Entity(id) => document.entity(id).map(|e| e.status),
            SpanRef::Quote(id) => document.quote(id).map(|q| q.status),
        }
    }

    #[test]
    fn undo_of_a_review_lands_on_the_reviewed_span_and_redo_on_the_next_one() {
        let text = "“Kami siap 😀,” kata Vladimir Putin di Vladivostok.\r\nDonald Trump tiba di Washington.";
        for (accept, reviewed_status) in [(true, Status::Accepted), (false, Status::Rejected)] {
            let mut review = reviewing(text);
            let reviewed = review.selection.clone().expect("a first suggestion");
            let action = if accept { ReviewAction::Accept } else { ReviewAction::Reject };
            assert!(review.perform(action(reviewed.clone())).changed);
            let next = review.selection.clone();
            assert!(next.is_some() && next.as_ref() != Some(&reviewed), "review moved on: {next:?}");

            assert!(review.perform(ReviewAction::Undo).changed);
            assert_eq!(review.selection.as_ref(), Some(&reviewed), "undo: back on the reviewed span");
            assert_eq!(status_of(&review, &reviewed), Some(Status::Suggested));

            assert!(review.perform(ReviewAction::Redo).changed);
            assert_eq!(review.selection, next, "redo: on the suggestion after it, as after the review");
            assert_eq!(status_of(&review, &reviewed), Some(reviewed_status));

            assert!(review.perform(ReviewAction::Undo).changed);
            assert_eq!(review.selection.as_ref(), Some(&reviewed), "and undo again lands on it");
        }
    }

    #[test]
    fn a_change_that_keeps_the_selection_gives_it_back_on_undo_and_redo() {
        let text = "“Kami siap 😀,” kata Vladimir Putin di Vladivostok.\r\nDonald Trump tiba di Washington.";
        let mut review = reviewing(text);
        let Some(entity) = review.document().and_then(|d| d.entities().first()).map(|e| SpanRef::Entity(e.id.clone()))
        else {
            panic!("the analysis found no entity");
        };
        review.perform(ReviewAction::Select(Some(entity.clone())));
        let label = if review.document().and_then(|d| d.entity(entity.id())).is_some_and(|e| e.label == "ORG") {
            "LOC"
        } else {
            "ORG"
        };
        assert!(review.perform(ReviewAction::Relabel { entity: entity.id().into(), label: label.into() }).changed);
        review.perform(ReviewAction::Select(None));
        review.perform(ReviewAction::Undo);
        assert_eq!(review.selection.as_ref(), Some(&entity));
        review.perform(ReviewAction::Select(None));
        review.perform(ReviewAction::Redo);
        assert_eq!(review.selection.as_ref(), Some(&entity));
    }
}
