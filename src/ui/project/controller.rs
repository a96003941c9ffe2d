//! The open project as the app drives it: its state and settings (held here
//! once), which document is open, autosave through the save worker, the
//! session file, and the background jobs of search, statistics, bulk review
//! and label changes (in `project_jobs.rs` and `settings_jobs.rs`).

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::first_document::{find_first_document, FirstDocument};
use super::learning::Learning;
use super::learning_actions::RefreshJob;
use super::save_worker::{SaveWorker, Written};
use super::{AgreementState, Job, ModelWindowState, ProjectState, SearchState, SettingsState, StatsState};
use crate::analysis::{Analyzer, Suggestions};
use crate::annotate::{Opened, ANALYSE_LATER_ABOVE};
use crate::model::SpanRef;
use crate::project::autosave::{AutosavePolicy, PanelWidths, SelectedSpan, SessionState, SpanKind};
use crate::project::layout::Layout;
use crate::project::scan::ArticleId;
use crate::project::search::BulkReview;
use crate::project::settings::{ProjectChange, ProjectSettings};
use crate::project::team::working_layout;
use crate::ui::adjudication::AdjudicationState;
use crate::ui::review::ReviewController;
use crate::ui::status_bar::Note;
use crate::ui::ScrollJump;

/// Where the annotator should be once a document is open.
pub enum Landing {
    /// Select this span (restored from the last session).
    Span(SpanRef),
    /// Scroll to this offset (restored; nothing was selected).
    Scroll(f32),
    /// The first open suggestion, as review starts.
    FirstSuggestion,
}

pub struct ProjectController {
    pub project: Option<ProjectState>,
    /// The project's settings, read once when it opens and kept current here.
    pub settings: ProjectSettings,
    pub search: SearchState,
    pub stats: StatsState,
    pub settings_window: SettingsState,
    pub agreement: AgreementState,
    /// The curation of the open document (team projects).
    pub adjudication: AdjudicationState,
    /// A project-wide bulk review running in the background.
    pub(super) bulk: Option<Job<ProjectChange>>,
    /// Side panel widths a project's session remembered, for the shell to apply.
    pub pending_panels: Option<PanelWidths>,
    /// The side panels' widths as the shell last drew them (kept in the session).
    pub panels: Option<PanelWidths>,
    /// A scroll the view should make (a restored session's position).
    pub pending_scroll: Option<ScrollJump>,
    /// The project's model, learning in the background.
    pub learning: Option<Learning>,
    pub model_window: ModelWindowState,
    /// "Refresh suggestions" for the open document, being analysed.
    pub(super) refresh: Option<RefreshJob>,
    /// The first unfinished document, looked for in the background.
    pub(super) first_document: Option<Job<Option<ArticleId>>>,
    saver: SaveWorker,
    ctx: egui::Context,
}

impl ProjectController {
    pub fn new(ctx: &egui::Context) -> Self {
        let wake = ctx.clone();
        Self {
            project: None,
            settings: ProjectSettings::default(),
            search: SearchState::default(),
            stats: StatsState::default(),
            settings_window: SettingsState::default(),
            agreement: AgreementState::default(),
            adjudication: AdjudicationState::default(),
            bulk: None,
            pending_scroll: None,
            pending_panels: None,
            panels: None,
            learning: None,
            model_window: ModelWindowState::default(),
            refresh: None,
            first_document: None,
            saver: SaveWorker::start(move || wake.request_repaint()),
            ctx: ctx.clone(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.project.is_some()
    }

    pub fn egui_ctx(&self) -> &egui::Context {
        &self.ctx
    }

    /// Opens a folder as a project: its list at once, analysis in the
    /// background, and the document to start with: the last session's, or
    /// else the first one not done.
    pub fn open(&mut self, root: &Path, analyzer: &Arc<Analyzer>, review: &mut ReviewController) -> Vec<Note> {
        self.close_document(review);
        self.first_document = None;
        // Settings first: in a team project they say whose layer to work on.
        let (settings, settings_problem) = match ProjectSettings::load(&Layout::new(root)) {
            Ok(settings) => (settings, None),
            Err(error) => (ProjectSettings::default(), Some(error)),
        };
        let layout = match working_layout(root, &settings) {
            Ok(layout) => layout,
            Err(error) => return vec![Note::Error(format!("Could not open the project: {error}"))],
        };
        self.learning = None;
        let (mut learning, warnings) = Learning::open(&Layout::new(root));
        let project = match ProjectState::open(layout, Arc::clone(&learning.analyzer), &self.ctx) {
            Ok(project) => project,
            Err(error) => return vec![Note::Error(format!("Could not open the project: {error}"))],
        };
        if project.read_only().is_none() {
            learning.start(project.layout.clone(), project.entries.clone(), &self.ctx);
        }
        self.learning = Some(learning);
        let mut notes =
            vec![Note::Info(format!("Opened project {} ({} articles)", root.display(), project.entries.len()))];
        if let Some(error) = settings_problem {
            notes.push(Note::Error(format!("{error}; using the default settings until they are saved again")));
        }
        self.settings = settings;
        review.set_annotator(self.settings.annotator.clone());
        review.set_locked_by(project.read_only().map(ToString::to_string));
        let restored = SessionState::load(&project.layout);
        // Kept for the session saved as the document opens, before a frame
        // reports the panels as drawn.
        self.pending_panels = restored.as_ref().and_then(|s| s.panels);
        self.panels = self.pending_panels;
        let start =
            restored.as_ref().and_then(|s| s.open.clone()).filter(|id| project.entries.iter().any(|e| &e.id == id));
        let start = start.or_else(|| match find_first_document(&project.layout, &project.entries, &self.ctx) {
            FirstDocument::Found(id) => Some(id),
            FirstDocument::AllDone => None,
            FirstDocument::Later(job) => {
                self.first_document = Some(job);
                notes.push(Note::Info("Looking for the first document not done…".into()));
                None
            }
        });
        self.project = Some(project);
        // The model's warnings come last: the status line shows the last note.
        let warnings = warnings.into_iter().map(Note::Error);
        let Some(id) = start else { return notes.into_iter().chain(warnings).collect() };
        let landing = match restored.filter(|s| s.open.as_ref() == Some(&id)) {
            Some(SessionState { selected: Some(span), .. }) => Landing::Span(match span.kind {
                SpanKind::Entity => SpanRef::Entity(span.id.into()),
                SpanKind::Quote => SpanRef::Quote(span.id.into()),
            }),
            Some(SessionState { scroll, .. }) => Landing::Scroll(scroll),
            None => Landing::FirstSuggestion,
        };
        notes.extend(self.open_document(&id, analyzer, review, landing));
        notes.extend(warnings);
        notes
    }

    /// Opens one article of the project (saving the open one first) and
    /// lands where `landing` says.
    pub fn open_document(
        &mut self,
        id: &ArticleId,
        analyzer: &Arc<Analyzer>,
        review: &mut ReviewController,
        landing: Landing,
    ) -> Option<Note> {
        self.close_document(review);
        self.adjudication = AdjudicationState::default();
        let analyzer = &self.learning.as_ref().map_or_else(|| Arc::clone(analyzer), |l| Arc::clone(&l.analyzer));
        let project = self.project.as_mut()?;
        let opened = match project.open_article(id, analyzer, ANALYSE_LATER_ABOVE) {
            Ok(opened) => opened,
            Err(error) => return Some(Note::Error(format!("Could not open {id}: {error}"))),
        };
        project.current = Some(id.clone());
        project.update_row(id, &opened.document);
        if let Some(learning) = self.learning.as_mut() {
            learning.opened(id, (!opened.needs_analysis).then_some(&opened.document));
        }
        let warning = opened.warning.clone();
        let pending = self.analysis_job(&opened, analyzer);
        review.start(opened, pending);
        if review.apply_schema(&self.settings.label_set()).changed {
            self.changed();
        }
        let mut scroll = 0.0;
        match landing {
            Landing::Span(span) => {
                review.perform(crate::ui::ReviewAction::Select(Some(span)));
            }
            Landing::FirstSuggestion => review.select_first_open(),
            Landing::Scroll(offset) => {
                scroll = offset;
                self.pending_scroll = Some(ScrollJump::To(offset));
            }
        }
        self.save_session(review, scroll);
        Some(match warning {
            Some(warning) => Note::Error(warning),
            None => Note::Info(format!("Opened {id}")),
        })
    }

    /// A background analysis for a document that still needs its suggestions.
    pub fn analysis_job(&self, opened: &Opened, analyzer: &Arc<Analyzer>) -> Option<Job<Suggestions>> {
        opened.needs_analysis.then(|| {
            let (analyzer, text) = (Arc::clone(analyzer), opened.document.text.clone());
            Job::spawn(&self.ctx, move || analyzer.analyze(&text))
        })
    }

    /// Writes the open document if it has unsaved changes (before another is
    /// opened, or the window closes), after any autosave still in flight.
    pub fn close_document(&mut self, review: &mut ReviewController) -> Option<Note> {
        let note = self.flush(review);
        if self.project.is_some() {
            review.close();
        }
        self.refresh = None;
        let current = self.project.as_ref().and_then(|p| p.current.clone());
        if let Some(learning) = self.learning.as_mut() {
            learning.closed(current);
        }
        note
    }

    /// Saves the open project document now if anything is unsaved.
    pub fn flush(&mut self, review: &mut ReviewController) -> Option<Note> {
        let mut note = self.take_written(review, true);
        let project = self.project.as_mut()?;
        let pending = project.autosaver.is_dirty() || review.is_dirty();
        if !pending || project.read_only().is_some() {
            return note;
        }
        if let Some(session) = review.session_mut() {
            match session.save() {
                Ok(()) => project.autosaver.saved(),
                Err(error) => note = Some(Note::Error(format!("Not saved: {error}"))),
            }
        }
        note
    }

    /// How soon after a change the open document is saved.
    pub fn set_autosave_policy(&mut self, policy: AutosavePolicy) {
        if let Some(project) = self.project.as_mut() {
            project.autosaver.set_policy(policy);
        }
    }

    /// Whether autosaves are still being written.
    pub fn saves_pending(&self) -> bool {
        !self.saver.is_idle()
    }

    /// Marks a change of the open document, for autosave.
    pub fn changed(&mut self) {
        if let Some(project) = self.project.as_mut() {
            project.changed();
        }
    }

    /// Hands a snapshot to the save worker when an autosave is due.
    pub fn autosave(&mut self, review: &mut ReviewController) -> Option<Note> {
        let note = self.take_written(review, false);
        let project = self.project.as_mut()?;
        let now = Instant::now();
        // One snapshot at a time: while one is being written, the next waits
        // (still due), so a burst of edits never queues copy after copy.
        if project.read_only().is_some() || !project.autosaver.is_due(now) || !self.saver.is_idle() {
            if let Some(due) = project.autosaver.due_in(now) {
                self.ctx.request_repaint_after(due);
            }
            return note;
        }
        let snapshot = review.session().map(crate::session::Session::snapshot)?;
        project.autosaver.saved();
        match self.saver.save(snapshot) {
            Ok(()) => note,
            Err(error) => Some(Note::Error(format!("Autosave failed: {error}"))),
        }
    }

    /// Takes in finished autosaves (waiting for them if `wait`): the document
    /// is clean at the saved state; a failed one is retried.
    fn take_written(&mut self, review: &mut ReviewController, wait: bool) -> Option<Note> {
        let written: Vec<Written> = if wait { self.saver.finish() } else { self.saver.poll() };
        let mut note = None;
        for done in written {
            let open_here = review.session().is_some_and(|s| s.annotation_path == done.path);
            match done.result {
                Ok(()) if open_here => {
                    if let Some(session) = review.session_mut() {
                        session.saved(done.revision);
                    }
                    self.after_save(review);
                }
                Ok(()) => {}
                Err(error) => {
                    self.changed();
                    note = Some(Note::Error(format!("Autosave failed (will retry): {error}")));
                }
            }
        }
        note
    }

    /// The list row and the session file follow a saved document.
    fn after_save(&mut self, review: &ReviewController) {
        let Some(project) = self.project.as_mut() else { return };
        if let (Some(id), Some(document)) = (project.current.clone(), review.document()) {
            project.update_row(&id, document);
            if let Some(learning) = self.learning.as_mut() {
                learning.saved(&id);
            }
        }
    }

    /// Writes where the annotator is (open document, selection, scroll) for the next start.
    pub fn save_session(&self, review: &ReviewController, scroll: f32) -> Option<Note> {
        let project = self.project.as_ref()?;
        let selected = review.selection.as_ref().map(|span| SelectedSpan {
            kind: if matches!(span, SpanRef::Entity(_)) { SpanKind::Entity } else { SpanKind::Quote },
            id: span.id().to_owned(),
        });
        let state = SessionState { open: project.current.clone(), scroll, selected, panels: self.panels };
        project.save_session(&state).err().map(Note::Error)
    }

    /// The next (or previous) document of the list.
    pub fn neighbour(&self, backwards: bool) -> Option<ArticleId> {
        self.project.as_ref().and_then(|p| p.neighbour(backwards))
    }

    /// A bulk review over the saved documents other than the open one.
    pub fn bulk_review_elsewhere(&mut self, review: &BulkReview) {
        let Some(project) = self.project.as_ref() else { return };
        let (layout, entries, skip) = (project.layout.clone(), project.entries.clone(), project.current.clone());
        let (surface, label, decision) = (review.surface.to_owned(), review.label.to_owned(), review.decision);
        let (who, when) = (review.who.map(str::to_owned), review.when.to_owned());
        self.bulk = Some(Job::spawn(&self.ctx, move || {
            let review = BulkReview { surface: &surface, label: &label, decision, who: who.as_deref(), when: &when };
            crate::project::search::bulk_review_project(&layout, &entries, skip.as_ref(), &review)
        }));
    }
}
