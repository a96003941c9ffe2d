//! The app shell: holds the open session and the view state, draws the panels,
//! and performs every action the views ask for. The only place that edits the
//! document, touches files or opens dialogs.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Id, RichText, ViewportCommand};

use super::colors::QuoteColors;
use super::document_view::{document_view_ui, is_shown, DocumentView, DocumentViewState};
use super::export_dialog::{export_dialog_ui, ExportDialogState};
use super::help::help_window_ui;
use super::inspector::{inspector_ui, InspectorView};
use super::menu_bar::menu_bar_ui;
use super::project::{
    documents_panel_ui, search_window_ui, settings_window_ui, stats_window_ui, status_filter, CorpusSource, Job,
    ProjectState, SearchState, SettingsState, StatsState,
};
use super::shortcuts::shortcut_actions;
use super::side_panel::{side_panel_ui, SidePanelState};
use super::{dialogs, Action, ScrollJump};
use crate::analysis::Analyzer;
use crate::analysis::Suggestions;
use crate::annotate::{add_suggestions, open_article_deferred};
use crate::formats::{self, Format};
use crate::model::{Document, Edit, ReviewError, SpanRef};
use crate::project::autosave::{SelectedSpan, SessionState, SpanKind};
use crate::project::clock::now_rfc3339;
use crate::project::scan::ArticleId;
use crate::project::search::{
    bulk_review_edit, bulk_review_project, search_spans, search_text, BulkReview, Decision, Hit, SpanQuery,
};
use crate::project::settings::ProjectSettings;
use crate::project::settings::{
    change_saved_documents, delete_label_edit, edit_count, label_usage, rename_label_edit, rename_label_in_project,
    LabelUsage, ProjectChange,
};
use crate::project::stats::project_stats;
use crate::project::status::set_done;
use crate::session::Session;
use crate::ui::freed_memory::release_freed_memory;

/// What to do once the unsaved-changes question is answered.
#[derive(Debug, Clone, PartialEq)]
enum AfterPrompt {
    Close,
    Open(PathBuf),
}

/// A line in the status bar.
#[derive(Debug, Clone)]
struct Message {
    text: String,
    is_error: bool,
}

/// Articles longer than this (bytes) without saved annotations open at once
/// and are analysed in the background.
const ANALYSE_LATER_ABOVE: usize = 200_000;

pub struct SorotApp {
    analyzer: Arc<Analyzer>,
    /// The open folder, when Sorot works on a corpus rather than one file.
    project: Option<ProjectState>,
    search: SearchState,
    settings: SettingsState,
    /// Who the project says is annotating: stamped on every change.
    annotator: Option<String>,
    /// Quotation tints by kind, from the project's schema.
    quote_colors: QuoteColors,
    stats: StatsState,
    /// A project-wide bulk review running in the background.
    bulk: Option<Job<ProjectChange>>,
    /// Suggestions for a long article, computed while its text is already shown.
    pending_analysis: Option<Job<Suggestions>>,
    session: Option<Session>,
    selection: Option<SpanRef>,
    text_selection: Option<(usize, usize)>,
    view_state: DocumentViewState,
    side_panel_state: SidePanelState,
    export_state: ExportDialogState,
    /// Suggestions less sure than this are hidden and skipped (View menu).
    min_confidence: f32,
    scroll_to_selection: bool,
    show_help: bool,
    message: Option<Message>,
    prompt: Option<AfterPrompt>,
    /// Set once the annotator chose to close despite unsaved changes.
    may_close: bool,
    shown_title: String,
    /// The quote whose speaker the next clicked entity becomes.
    picking_speaker_for: Option<String>,
    /// Frames left in which to try taking keyboard focus (see `x11_focus`).
    focus_attempts_left: u8,
}

impl SorotApp {
    /// The app with `article` open (or an error message if it cannot be).
    pub fn new(ctx: &egui::Context, article: PathBuf) -> Self {
        super::style::setup_style(ctx);
        let mut app = Self {
            analyzer: Arc::new(Analyzer::new()),
            project: None,
            search: SearchState::default(),
            settings: SettingsState::default(),
            annotator: None,
            quote_colors: QuoteColors::default(),
            stats: StatsState::default(),
            bulk: None,
            pending_analysis: None,
            session: None,
            selection: None,
            text_selection: None,
            view_state: DocumentViewState::default(),
            side_panel_state: SidePanelState::default(),
            export_state: ExportDialogState::default(),
            min_confidence: 0.0,
            scroll_to_selection: false,
            show_help: false,
            message: None,
            prompt: None,
            may_close: false,
            shown_title: String::new(),
            picking_speaker_for: None,
            focus_attempts_left: 30,
        };
        if article.is_dir() {
            app.open_project(ctx, &article);
        } else {
            app.open_now(ctx, &article);
        }
        app
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn selection(&self) -> Option<&SpanRef> {
        self.selection.as_ref()
    }

    /// How many text blocks the document view laid out in the last frame.
    pub fn blocks_laid_out_last_frame(&self) -> usize {
        self.view_state.laid_out_last_frame
    }

    /// The code points the document view showed in the last frame.
    pub fn text_shown_last_frame(&self) -> (usize, usize) {
        self.view_state.shown_last_frame
    }

    /// The status line's text, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.text.as_str())
    }

    fn is_dirty(&self) -> bool {
        self.session.as_ref().is_some_and(Session::is_dirty)
    }

    fn inform(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), is_error: false });
    }

    fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), is_error: true });
    }

    /// Opens a folder as a project: its document list at once, analysis in the
    /// background, and the document and selection of the last session.
    fn open_project(&mut self, ctx: &egui::Context, root: &Path) {
        self.close_project_document();
        match ProjectState::open(root, Arc::clone(&self.analyzer), ctx) {
            Ok(project) => {
                let restored = SessionState::load(&project.layout);
                let note = format!("Opened project {} ({} articles)", root.display(), project.entries.len());
                self.project = Some(project);
                self.session = None;
                self.inform(note);
                if let Some(state) = restored {
                    self.restore(state);
                }
            }
            Err(error) => self.complain(format!("Could not open the project: {error}")),
        }
    }

    /// Goes back to where the last session left off.
    fn restore(&mut self, state: SessionState) {
        let Some(id) = state.open else { return };
        self.open_document(&id);
        self.selection = state.selected.map(|s| match s.kind {
            SpanKind::Entity => SpanRef::Entity(s.id.into()),
            SpanKind::Quote => SpanRef::Quote(s.id.into()),
        });
        self.scroll_to_selection = self.selection.is_some();
        if self.selection.is_none() {
            self.view_state.jump(ScrollJump::To(state.scroll));
        }
        self.save_project_session();
    }

    /// Shows `session`, with a fresh view: nothing selected, scrolled to the top.
    fn start_session(&mut self, session: Session) {
        self.session = Some(session);
        self.view_state = DocumentViewState::default();
        self.selection = None;
        self.text_selection = None;
        release_freed_memory();
    }

    /// Opens one article of the open project, saving the current one first.
    fn open_document(&mut self, id: &ArticleId) {
        self.close_project_document();
        let Some(project) = self.project.as_mut() else { return };
        match project.open_article(id, &self.analyzer) {
            Ok(opened) => {
                let warnings = opened.warnings.join("; ");
                project.current = Some(id.clone());
                project.update_row(id, &opened.document);
                let settings = ProjectSettings::load(&project.layout).ok();
                self.annotator = settings.as_ref().and_then(|s| s.annotator.clone());
                self.quote_colors =
                    settings.as_ref().map_or_else(QuoteColors::default, |s| QuoteColors::from_specs(&s.quote_kinds));
                let mut session = Session::new(opened.into_opened());
                if let Some(settings) = &settings {
                    apply_schema(&mut session.document, settings);
                }
                self.start_session(session);
                if warnings.is_empty() {
                    self.inform(format!("Opened {id}"));
                } else {
                    self.complain(warnings);
                }
                self.save_project_session();
            }
            Err(error) => self.complain(format!("Could not open {id}: {error}")),
        }
    }

    /// Saves the open project document if it has changes (before switching or closing).
    fn close_project_document(&mut self) {
        let pending = self.project.as_ref().is_some_and(|p| p.autosaver.is_dirty());
        if self.project.is_some() && self.session.is_some() && (pending || self.is_dirty()) && self.save() {
            if let Some(project) = self.project.as_mut() {
                project.autosaver.saved();
            }
        }
    }

    /// Writes where the annotator is (open document, selection) for the next start.
    fn save_project_session(&mut self) {
        let Some(project) = self.project.as_ref() else { return };
        let selected = self.selection.as_ref().map(|span| SelectedSpan {
            kind: if matches!(span, SpanRef::Entity(_)) { SpanKind::Entity } else { SpanKind::Quote },
            id: span.id().to_owned(),
        });
        let scroll = self.view_state.offset();
        let state = SessionState { open: project.current.clone(), scroll, selected };
        if let Err(error) = project.save_session(&state) {
            self.complain(error);
        }
    }

    /// Autosaves the open project document when due (within 2 s of a change).
    fn autosave(&mut self, ctx: &egui::Context) {
        let (Some(project), Some(session)) = (self.project.as_mut(), self.session.as_mut()) else { return };
        if project.read_only().is_some() {
            return;
        }
        let now = std::time::Instant::now();
        match project.autosaver.tick(now, || session.save()) {
            Ok(true) => {
                if let Some(id) = project.current.clone() {
                    project.update_row(&id, &session.document);
                }
                self.save_project_session();
            }
            Ok(false) => {}
            Err(error) => self.complain(format!("Autosave failed (will retry): {error}")),
        }
        if let Some(due) = self.project.as_ref().and_then(|p| p.autosaver.due_in(now)) {
            ctx.request_repaint_after(due);
        }
    }

    /// Marks a change of the annotations, for autosave.
    fn changed(&mut self) {
        if let Some(project) = self.project.as_mut() {
            project.changed();
        }
    }

    fn open_now(&mut self, ctx: &egui::Context, article: &Path) {
        self.close_project_document();
        self.pending_analysis = None;
        match open_article_deferred(article, &self.analyzer, ANALYSE_LATER_ABOVE) {
            Ok((opened, later)) => {
                if later {
                    let (analyzer, text) = (Arc::clone(&self.analyzer), opened.document.text.clone());
                    self.pending_analysis = Some(Job::spawn(ctx, move || analyzer.analyze(&text)));
                }
                self.project = None;
                let how = match (opened.from_saved, later) {
                    (true, _) => "saved annotations",
                    (false, false) => "new suggestions",
                    (false, true) => "suggestions being computed in the background",
                };
                let note = format!("Opened {} with {how}", article.display());
                let warning = opened.warning.clone();
                self.start_session(Session::new(opened));
                match warning {
                    Some(w) => self.complain(w),
                    None => self.inform(note),
                }
            }
            Err(error) => self.complain(format!("Could not open: {error}")),
        }
    }

    /// Performs one action asked for by a view or a shortcut.
    pub fn perform(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::OpenDialog => {
                if let Some(path) = dialogs::pick_article() {
                    self.perform(ctx, Action::Open(path));
                }
            }
            Action::Open(path) if self.is_dirty() && self.project.is_none() => {
                self.prompt = Some(AfterPrompt::Open(path))
            }
            Action::Open(path) if path.is_dir() => self.open_project(ctx, &path),
            Action::Open(path) => self.open_now(ctx, &path),
            Action::OpenFolderDialog => {
                if let Some(path) = dialogs::pick_folder() {
                    self.perform(ctx, Action::Open(path));
                }
            }
            Action::OpenDocument(id) => self.open_document(&id),
            Action::NeighbourDocument { backwards } => {
                match self.project.as_ref().and_then(|p| p.neighbour(backwards)) {
                    Some(id) => self.open_document(&id),
                    None => self.inform("No more documents in this direction"),
                }
            }
            Action::ToggleDone => self.toggle_done(),
            Action::ShowSearch => self.search.open = true,
            Action::Search => self.start_search(ctx),
            Action::JumpTo(hit) => self.jump_to(*hit),
            Action::BulkReview { surface, label, decision } => self.bulk_review(ctx, &surface, &label, decision),
            Action::ShowStats => self.start_stats(ctx),
            Action::ShowSettings => self.show_settings(),
            Action::SaveSettings => self.save_settings(),
            Action::RenameLabel { from, to } => self.rename_label(ctx, &from, &to),
            Action::DeleteLabel { name, confirmed } => self.delete_label(ctx, &name, confirmed),
            Action::Save => {
                self.save();
            }
            Action::Undo => self.step_history(true),
            Action::Redo => self.step_history(false),
            Action::Select(Some(SpanRef::Entity(id))) if self.picking_speaker_for.is_some() => {
                if let Some(quote) = self.picking_speaker_for.take() {
                    self.edit(|d| d.speaker_edit(&quote, Some(&id)));
                }
            }
            Action::Select(span) => {
                self.picking_speaker_for = None;
                self.selection = span;
                self.scroll_to_selection = self.selection.is_some();
            }
            Action::SelectNeighbour { backwards } => {
                match self.next_shown_suggestion(self.selection.clone(), backwards) {
                    Some(span) => self.perform(ctx, Action::Select(Some(span))),
                    None => self.inform("No open suggestions left"),
                }
            }
            Action::Accept(span) => self.review(span, Document::accept_edit),
            Action::Reject(span) => self.review(span, Document::reject_edit),
            Action::Delete(span) => self.review(span, Document::delete_edit),
            Action::Relabel { entity, label } => {
                self.edit(|d| d.relabel_edit(&entity, &label));
            }
            Action::Nudge { span, start_by, end_by } => self.nudge(&span, start_by, end_by),
            Action::SetSpeaker { quote, speaker } => {
                self.edit(|d| d.speaker_edit(&quote, speaker.as_deref()));
            }
            Action::CreateEntity { start, end, label } => {
                self.create(start, end, "e", |d, s, e| d.add_entity_edit(s, e, &label))
            }
            Action::CreateQuote { start, end } => {
                self.create(start, end, "q", |d, s, e| d.add_quote_edit(s, e, crate::model::QuoteKind::Direct))
            }
            Action::PickSpeaker { quote } => {
                self.picking_speaker_for = Some(quote);
                self.inform("Click the entity who said this quote (Escape cancels)");
            }
            Action::SetQuoteKind { quote, kind } => {
                self.edit(|d| d.quote_kind_edit(&quote, kind));
            }
            Action::SetCue { quote, start, end } => {
                self.edit_text_selection(start, end, |d, s, e| d.cue_edit(&quote, Some((s, e))))
            }
            Action::CreateSpeaker { quote, start, end } => {
                self.edit_text_selection(start, end, |d, s, e| d.add_speaker_edit(&quote, s, e, "PERSON"))
            }
            Action::SelectText(range) => {
                self.text_selection = range;
                // A quote stays selected: the text may become its cue or speaker.
                if range.is_some() && !matches!(self.selection, Some(SpanRef::Quote(_))) {
                    self.selection = None;
                }
            }
            Action::ShowExport => {
                let article = self.document().and_then(|d| d.source.clone());
                self.export_state.show(article.as_deref());
            }
            Action::ChooseExportPath => {
                let folder = self.export_state.format() == Format::Brat;
                if let Some(path) = dialogs::pick_export_path(Path::new(&self.export_state.path), folder) {
                    self.export_state.path = path.display().to_string();
                }
            }
            Action::Export => self.export(),
            Action::Scroll(jump) => self.view_state.jump(jump),
            Action::ToggleHelp => self.show_help = !self.show_help,
            Action::RequestClose => ctx.send_viewport_cmd(ViewportCommand::Close),
        }
    }

    fn document(&self) -> Option<&Document> {
        self.session.as_ref().map(|s| &s.document)
    }

    /// Builds an edit from the current document and performs it; reports a
    /// failure on the status line. Returns whether the edit was made.
    fn edit(&mut self, make: impl FnOnce(&Document) -> Result<Edit, ReviewError>) -> bool {
        if self.pending_analysis.is_some() {
            self.complain("Suggestions are still being computed; editing opens when they arrive");
            return false;
        }
        if let Some(holder) = self.project.as_ref().and_then(ProjectState::read_only) {
            self.complain(format!("Read-only: the project is open in {holder}"));
            return false;
        }
        let Some(session) = self.session.as_mut() else {
            return false;
        };
        let (who, when) = (self.annotator.as_deref(), now_rfc3339());
        let result = make(&session.document)
            .map_err(|e| e.to_string())
            .and_then(|edit| session.perform(edit.stamped(who, &when)).map_err(|e| e.to_string()));
        match result {
            Ok(()) => {
                self.changed();
                true
            }
            Err(error) => {
                self.complain(format!("Could not change the annotations: {error}"));
                false
            }
        }
    }

    /// Accept, reject or delete; when it was the selected span, the next open
    /// suggestion is selected so that review flows on.
    fn review(&mut self, span: SpanRef, make: fn(&Document, &SpanRef) -> Result<Edit, ReviewError>) {
        if self.edit(|d| make(d, &span)) && self.selection.as_ref() == Some(&span) {
            self.selection = self.next_shown_suggestion(Some(span), false);
            self.scroll_to_selection = self.selection.is_some();
        }
    }

    /// The open suggestion after (or before) `from` that passes the confidence
    /// threshold: the ones below it are hidden, so review skips them too.
    fn next_shown_suggestion(&self, from: Option<SpanRef>, backwards: bool) -> Option<SpanRef> {
        let document = self.document()?;
        let mut at = from;
        for _ in 0..=document.entities.len() + document.quotes.len() {
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

    fn nudge(&mut self, span: &SpanRef, start_by: isize, end_by: isize) {
        let Some((start, end)) = self.document().and_then(|d| d.range_of(span)) else {
            return;
        };
        let (Some(start), Some(end)) = (start.checked_add_signed(start_by), end.checked_add_signed(end_by)) else {
            return;
        };
        self.edit(|d| d.rebound_edit(span, start, end));
    }

    /// Makes a new span from the text selection (whitespace at its ends left
    /// out) and selects it.
    fn create(
        &mut self,
        start: usize,
        end: usize,
        prefix: &str,
        make: impl FnOnce(&Document, usize, usize) -> Result<Edit, ReviewError>,
    ) {
        let Some(document) = self.document() else { return };
        let (start, end) = document.trim_range(start, end);
        let id = document.fresh_id(prefix);
        if self.edit(|d| make(d, start, end)) {
            self.text_selection = None;
            self.selection = Some(if prefix == "q" { SpanRef::Quote(id.into()) } else { SpanRef::Entity(id.into()) });
        }
    }

    /// An edit made from the (trimmed) text selection, which it then clears.
    fn edit_text_selection(
        &mut self,
        start: usize,
        end: usize,
        make: impl FnOnce(&Document, usize, usize) -> Result<Edit, ReviewError>,
    ) {
        let Some((start, end)) = self.document().map(|d| d.trim_range(start, end)) else {
            return;
        };
        if self.edit(|d| make(d, start, end)) {
            self.text_selection = None;
        }
    }

    /// The documents a search or statistics run over: the project's saved
    /// ones with the open document as it is now, or just the open document.
    fn corpus_source(&self) -> CorpusSource {
        let project = self.project.as_ref().map(|p| (p.layout.clone(), p.entries.clone()));
        let current_id = match &self.project {
            Some(p) => p.current.clone(),
            None => self
                .document()
                .and_then(|d| d.source.as_ref())
                .map(|s| ArticleId { path: s.display().to_string(), line: None }),
        };
        CorpusSource { project, open: current_id.zip(self.document().cloned()) }
    }

    fn start_search(&mut self, ctx: &egui::Context) {
        let source = self.corpus_source();
        let query = self.search.query.trim().to_owned();
        let span_query = self.search.spans.then(|| SpanQuery {
            label: self.search.label.clone(),
            text: query.clone(),
            exact: false,
            status: status_filter(&self.search),
        });
        self.search.running = Some(Job::spawn(ctx, move || {
            let corpus = source.load();
            match span_query {
                Some(q) => search_spans(&corpus, &q),
                None => search_text(&corpus, &query, 5_000),
            }
        }));
    }

    fn start_stats(&mut self, ctx: &egui::Context) {
        self.stats.open = true;
        let source = self.corpus_source();
        self.stats.running = Some(Job::spawn(ctx, move || {
            let corpus = source.load();
            project_stats(corpus.iter().map(|(_, d)| Some(d)), 10)
        }));
    }

    /// Opens the hit's document if needed and selects it.
    fn jump_to(&mut self, hit: Hit) {
        let elsewhere = self.project.as_ref().is_some_and(|p| p.current.as_ref() != Some(&hit.article));
        if elsewhere {
            self.open_document(&hit.article);
        }
        match hit.span {
            Some(span) => {
                self.text_selection = None;
                self.selection = Some(span);
            }
            None => {
                self.selection = None;
                self.text_selection = Some((hit.start, hit.end));
            }
        }
        self.scroll_to_selection = true;
    }

    /// Bulk review: the open document through its history (undoable), the
    /// rest of the project's saved files in the background.
    fn bulk_review(&mut self, ctx: &egui::Context, surface: &str, label: &str, decision: Decision) {
        let when = now_rfc3339();
        let who = self.project.as_ref().and_then(|p| ProjectSettings::load(&p.layout).ok()).and_then(|s| s.annotator);
        let review = BulkReview { surface, label, decision, who: who.as_deref(), when: &when };
        if let Some(edit) = self.document().and_then(|d| bulk_review_edit(d, &review)) {
            let count = edit_count(&edit);
            if self.edit(|_| Ok(edit)) {
                self.inform(format!("{count} span(s) in this document"));
            }
        }
        let Some(project) = self.project.as_ref() else { return };
        let (layout, entries, skip) = (project.layout.clone(), project.entries.clone(), project.current.clone());
        let (surface, label) = (surface.to_owned(), label.to_owned());
        self.bulk = Some(Job::spawn(ctx, move || {
            let review = BulkReview { surface: &surface, label: &label, decision, who: who.as_deref(), when: &when };
            bulk_review_project(&layout, &entries, skip.as_ref(), &review)
        }));
    }

    fn show_settings(&mut self) {
        let Some(project) = self.project.as_ref() else {
            return self.inform("Settings belong to a project: open a folder of articles");
        };
        match ProjectSettings::load(&project.layout) {
            Ok(settings) => self.settings.edit(settings),
            Err(error) => self.complain(format!("Cannot read the project settings: {error}")),
        }
    }

    /// Saves the edited settings and applies the schema to the open document.
    fn save_settings(&mut self) {
        let (Some(project), Some(settings)) = (self.project.as_mut(), self.settings.settings.as_ref()) else { return };
        if let Err(error) = settings.save(&project.layout) {
            return self.complain(format!("Settings not saved: {error}"));
        }
        self.annotator = settings.annotator.clone();
        self.quote_colors = QuoteColors::from_specs(&settings.quote_kinds);
        if let Some(session) = self.session.as_mut() {
            apply_schema(&mut session.document, settings);
            project.changed();
        }
        self.inform("Project settings saved");
    }

    /// Renames a label: in the open document through its history, in the
    /// schema and every saved document in the background.
    fn rename_label(&mut self, ctx: &egui::Context, from: &str, to: &str) {
        let (Some(project), Some(settings)) = (self.project.as_ref(), self.settings.settings.clone()) else { return };
        let (layout, entries) = (project.layout.clone(), project.entries.clone());
        if let Some(session) = self.session.as_mut() {
            session.document.labels.ensure(to);
        }
        if let Some(edit) = self.document().and_then(|d| rename_label_edit(d, from, to)) {
            self.edit(|_| Ok(edit));
        }
        let (from, to) = (from.to_owned(), to.to_owned());
        self.settings.renaming = Some(Job::spawn(ctx, move || {
            let mut settings = settings;
            rename_label_in_project(&layout, &entries, &mut settings, &from, &to)
                .map(|change| (settings, change))
                .map_err(|e| e.to_string())
        }));
    }

    /// Deletes a label: first counts its uses (in the background); one in use
    /// is deleted only once confirmed, with its spans across the project.
    fn delete_label(&mut self, ctx: &egui::Context, name: &str, confirmed: Option<LabelUsage>) {
        let Some(project) = self.project.as_ref() else { return };
        let (layout, entries, name) = (project.layout.clone(), project.entries.clone(), name.to_owned());
        let Some(usage) = confirmed else {
            self.settings.usage = Some(Job::spawn(ctx, move || {
                let usage = label_usage(&layout, &entries, &name);
                (name, usage)
            }));
            return;
        };
        self.settings.confirm_delete = None;
        let Some(mut settings) = self.settings.settings.clone() else { return };
        if let Err(error) = settings.delete_label(&name, usage, true) {
            return self.complain(error.to_string());
        }
        if let Some(edit) = self.document().and_then(|d| delete_label_edit(d, &name)) {
            self.edit(|_| Ok(edit));
        }
        self.settings.renaming = Some(Job::spawn(ctx, move || {
            settings.save(&layout).map_err(|e| e.to_string())?;
            let labels = settings.label_set();
            let change = change_saved_documents(&layout, &entries, Some(&labels), |doc| delete_label_edit(doc, &name));
            Ok((settings, change))
        }));
    }

    /// Picks up finished settings jobs (a label's usage, a rename or deletion done).
    fn poll_settings_jobs(&mut self) {
        if let Some((name, usage)) = self.settings.usage.as_ref().and_then(Job::take) {
            self.settings.usage = None;
            if usage.spans == 0 {
                self.delete_label_now(&name);
            } else {
                self.settings.confirm_delete = Some((name, usage));
            }
        }
        if let Some(outcome) = self.settings.renaming.as_ref().and_then(Job::take) {
            self.settings.renaming = None;
            match outcome {
                Ok((settings, change)) => {
                    self.settings.edit(settings);
                    self.save_settings();
                    self.inform(format!(
                        "Labels changed in {} span(s) of {} saved document(s)",
                        change.spans, change.documents
                    ));
                }
                Err(error) => self.complain(format!("Label change failed: {error}")),
            }
        }
    }

    /// Deletes an unused label from the schema being edited.
    fn delete_label_now(&mut self, name: &str) {
        let Some(mut settings) = self.settings.settings.clone() else { return };
        match settings.delete_label(name, LabelUsage::default(), false) {
            Ok(()) => {
                self.settings.edit(settings);
                self.save_settings();
            }
            Err(error) => self.complain(error.to_string()),
        }
    }

    /// Picks up finished background jobs.
    fn poll_jobs(&mut self) {
        if let Some(suggestions) = self.pending_analysis.as_ref().and_then(Job::take) {
            self.pending_analysis = None;
            if let Some(session) = self.session.as_mut() {
                add_suggestions(&mut session.document, suggestions);
                session.recount();
                release_freed_memory();
                let count = session.document.entities.len() + session.document.quotes.len();
                self.inform(format!("{count} suggestions ready"));
            }
        }
        self.poll_settings_jobs();
        self.search.poll();
        self.stats.poll();
        if let Some(change) = self.bulk.as_ref().and_then(Job::take) {
            self.bulk = None;
            let failed =
                if change.failures.is_empty() { String::new() } else { format!(", {} failed", change.failures.len()) };
            self.inform(format!(
                "Bulk review: {} span(s) in {} other document(s){failed}",
                change.spans, change.documents
            ));
        }
    }

    /// Marks the open project document done (or not done), and saves it.
    fn toggle_done(&mut self) {
        let (Some(project), Some(session)) = (self.project.as_mut(), self.session.as_mut()) else {
            return self.inform("Marking done is for documents of a project (open a folder)");
        };
        let done = session.document.done.is_none();
        let who = ProjectSettings::load(&project.layout).ok().and_then(|s| s.annotator);
        set_done(&mut session.document, done, who.as_deref(), &now_rfc3339());
        project.changed();
        self.inform(if done { "Marked done" } else { "Marked not done" });
    }

    fn step_history(&mut self, undo: bool) {
        let Some(session) = self.session.as_mut() else { return };
        let result = if undo { session.undo() } else { session.redo() };
        match result {
            Ok(true) => self.changed(),
            Ok(false) => self.inform(if undo { "Nothing to undo" } else { "Nothing to redo" }),
            Err(error) => self.complain(format!("Could not {}: {error}", if undo { "undo" } else { "redo" })),
        }
    }

    /// Saves; returns whether the annotations are now on disk.
    fn save(&mut self) -> bool {
        if let Some(holder) = self.project.as_ref().and_then(ProjectState::read_only) {
            self.complain(format!("Not saved: the project is open in {holder}; this window only reads it"));
            return false;
        }
        let Some(session) = self.session.as_mut() else {
            return false;
        };
        match session.save() {
            Ok(()) => {
                let path = session.annotation_path.display().to_string();
                self.inform(format!("Saved {path}"));
                true
            }
            Err(error) => {
                self.complain(format!("Not saved: {error}"));
                false
            }
        }
    }

    /// Exports the open document as the export dialog says.
    fn export(&mut self) {
        let Some(session) = self.session.as_ref() else { return };
        let state = &self.export_state;
        let outcome = formats::export(
            std::slice::from_ref(&session.document),
            state.format(),
            &state.options,
            Path::new(&state.path),
        );
        match outcome {
            Ok(summary) => {
                self.inform(format!("Exported to {}: {summary}", self.export_state.path));
                self.export_state.outcome = Some(Ok(summary.to_string()));
            }
            Err(error) => {
                self.complain(format!("Not exported: {error}"));
                self.export_state.outcome = Some(Err(error.to_string()));
            }
        }
    }

    fn dropped_files(ctx: &egui::Context) -> Vec<Action> {
        ctx.input(|i| i.raw.dropped_files.iter().map(|f| Action::Open(f.path().to_owned())).collect())
    }

    /// Closing with unsaved changes asks first.
    fn intercept_close(&mut self, ctx: &egui::Context) {
        let closing = ctx.input(|i| i.viewport().close_requested());
        if closing && self.project.is_some() {
            // Projects autosave: write what is pending, then close.
            self.close_project_document();
            self.save_project_session();
            return;
        }
        if closing && self.is_dirty() && !self.may_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.prompt = Some(AfterPrompt::Close);
        }
    }

    fn unsaved_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(after) = self.prompt.clone() else { return };
        let mut answer = None;
        egui::Modal::new(Id::unique("unsaved-changes")).show(ctx, |ui| {
            ui.heading("Unsaved changes");
            ui.label("The annotations have changes that are not saved.");
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(true);
                }
                if ui.button("Discard changes").clicked() {
                    answer = Some(false);
                }
                if ui.button("Cancel").clicked() {
                    self.prompt = None;
                }
            });
        });
        let Some(save_first) = answer else { return };
        if save_first && !self.save() {
            self.prompt = None;
            return;
        }
        self.prompt = None;
        match after {
            AfterPrompt::Close => {
                self.may_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            AfterPrompt::Open(path) => self.open_now(ctx, &path),
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.session {
            Some(session) => {
                let name = session
                    .document
                    .source
                    .as_deref()
                    .and_then(Path::file_name)
                    .map_or("untitled".into(), |n| n.to_string_lossy());
                let dirty = if session.is_dirty() { "● " } else { "" };
                format!("{dirty}{name} — Sorot")
            }
            None => "Sorot".to_owned(),
        };
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(message) = &self.message {
                let text = RichText::new(&message.text);
                ui.label(if message.is_error { text.color(ui.visuals().error_fg_color) } else { text });
                ui.separator();
            }
            ui.weak("Tab next · Enter accept · Del reject · 1–7 label · Ctrl+Z undo · Ctrl+S save · F1 help");
        });
    }

    /// On a bare X server nobody gives the window keyboard focus; take it
    /// while the window appears (a few frames, until it is mapped).
    fn claim_keyboard_focus(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        if self.focus_attempts_left == 0 || ctx.input(|i| i.viewport().focused) == Some(true) {
            return;
        }
        self.focus_attempts_left -= 1;
        #[cfg(target_os = "linux")]
        if super::x11_focus::take_focus_without_window_manager(frame) {
            self.focus_attempts_left = 0;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        #[cfg(not(target_os = "linux"))]
        let _ = frame;
    }

    fn workspace_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        if let Some(project) = self.project.as_mut() {
            egui::Panel::left("documents").default_size(260.0).show(ui, |ui| {
                actions.extend(documents_panel_ui(ui, project));
            });
        }
        let Self {
            session,
            selection,
            text_selection,
            view_state,
            scroll_to_selection,
            picking_speaker_for,
            side_panel_state,
            min_confidence,
            quote_colors,
            ..
        } = self;
        let Some(session) = session.as_ref() else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.centered_and_justified(|ui| ui.heading("Open an article (Ctrl+O) or drop a .txt file here."));
            });
            return;
        };
        let document = &session.document;
        egui::Panel::left("annotations").default_size(300.0).show(ui, |ui| {
            actions.extend(side_panel_ui(ui, session, selection.as_ref(), side_panel_state));
        });
        egui::Panel::right("inspector").default_size(330.0).show(ui, |ui| {
            let view = InspectorView {
                document,
                selection: selection.as_ref(),
                text_selection: *text_selection,
                picking_speaker: picking_speaker_for.is_some(),
            };
            actions.extend(inspector_ui(ui, &view));
        });
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&document.title);
            ui.separator();
            let view = DocumentView {
                document,
                selection: selection.as_ref(),
                text_selection: *text_selection,
                min_confidence: *min_confidence,
                quote_colors: *quote_colors,
                scroll_to_selection,
            };
            actions.extend(document_view_ui(ui, view, view_state));
        });
    }
}

impl eframe::App for SorotApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.claim_keyboard_focus(&ctx, frame);
        if let Some(project) = self.project.as_mut() {
            project.poll();
        }
        self.poll_jobs();
        self.autosave(&ctx);
        let mut actions = Self::dropped_files(&ctx);
        if self.prompt.is_none() {
            let keyed = shortcut_actions(&ctx, self.document(), self.selection.as_ref(), self.text_selection);
            if keyed.iter().any(|a| matches!(a, Action::SelectNeighbour { .. })) {
                // egui read that Tab as "focus the next widget" before we
                // consumed it; Tab is ours, so cancel the move.
                ctx.memory_mut(|m| {
                    m.move_focus(egui::FocusDirection::None);
                    if let Some(id) = m.focused() {
                        m.surrender_focus(id);
                    }
                });
            }
            actions.extend(keyed);
        }
        self.intercept_close(&ctx);
        let (can_undo, can_redo) =
            self.session.as_ref().map_or((false, false), |s| (s.history.can_undo(), s.history.can_redo()));
        egui::Panel::top("menu")
            .show(ui, |ui| actions.extend(menu_bar_ui(ui, can_undo, can_redo, &mut self.min_confidence)));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        self.workspace_ui(ui, &mut actions);
        help_window_ui(&ctx, &mut self.show_help);
        let labels = self.document().map(|d| d.labels.clone()).unwrap_or_default();
        actions.extend(search_window_ui(&ctx, &mut self.search, &labels));
        stats_window_ui(&ctx, &mut self.stats, &labels);
        actions.extend(settings_window_ui(&ctx, &mut self.settings));
        let article = self.document().and_then(|d| d.source.clone());
        actions.extend(export_dialog_ui(&ctx, &mut self.export_state, article.as_deref()));
        self.unsaved_prompt_ui(&ctx);
        let acted = !actions.is_empty();
        for action in actions {
            self.perform(&ctx, action);
        }
        if acted {
            ctx.request_repaint();
        }
        self.update_title(&ctx);
    }
}

/// The project's label schema on a document, keeping any label its spans use.
fn apply_schema(document: &mut Document, settings: &ProjectSettings) {
    document.labels = settings.label_set();
    for entity in &document.entities {
        document.labels.ensure(&entity.label);
    }
}
