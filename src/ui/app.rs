//! The app shell. It owns no document state itself: the review controller
//! holds the open document and its selection, the project controller the
//! project, its settings and autosave. Each frame the shell collects what the
//! views, menus and keys ask for and hands each action to its owner; it
//! performs only its own: files, dialogs, windows and panels.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::ViewportCommand;

use super::action::{Action, ShellAction};
use super::colors::QuoteColors;
use super::command_actions::{command_action, key_actions};
use super::export_dialog::{export_dialog_ui, ExportDialogState};
use super::help::help_window_ui;
use super::menu_bar::menu_bar_ui;
use super::project::{
    agreement_window_ui, model_window_ui, search_window_ui, settings_window_ui, stats_window_ui, ProjectController,
};
use super::review::{ReviewAction, ReviewController};
use super::status_bar::{status_bar_ui, Note};
use super::unsaved_prompt::{unsaved_prompt_ui, AfterPrompt, Answer};
use super::window_chrome::WindowChrome;
use super::windows::{Window, WindowStack};
use super::workspace::{workspace_ui, Workspace};
use super::{dialogs, ProjectAction};
use crate::analysis::Analyzer;
use crate::annotate::{open_article, ANALYSE_LATER_ABOVE};
use crate::formats;
use crate::model::SpanRef;
use crate::session::Session;
use crate::ui::freed_memory::release_freed_memory;

mod probe;

pub struct SorotApp {
    analyzer: Arc<Analyzer>,
    review: ReviewController,
    project: ProjectController,
    workspace: Workspace,
    export: ExportDialogState,
    show_help: bool,
    windows: WindowStack,
    note: Option<Note>,
    prompt: Option<AfterPrompt>,
    /// Set once the annotator chose to close despite unsaved changes.
    may_close: bool,
    chrome: WindowChrome,
}

impl SorotApp {
    /// The app with `article` open (a folder opens as a project).
    pub fn new(ctx: &egui::Context, article: PathBuf) -> Self {
        super::style::setup_style(ctx);
        let mut app = Self {
            analyzer: Arc::new(Analyzer::new()),
            review: ReviewController::default(),
            project: ProjectController::new(ctx),
            workspace: Workspace::default(),
            export: ExportDialogState::default(),
            show_help: false,
            windows: WindowStack::default(),
            note: None,
            prompt: None,
            may_close: false,
            chrome: WindowChrome::default(),
        };
        app.open(&article);
        app
    }

    pub fn session(&self) -> Option<&Session> {
        self.review.session()
    }

    pub fn selection(&self) -> Option<&SpanRef> {
        self.review.selection.as_ref()
    }

    /// How many text blocks the document view laid out in the last frame.
    pub fn blocks_laid_out_last_frame(&self) -> usize {
        self.workspace.view.laid_out_last_frame
    }

    /// The code points the document view showed in the last frame.
    pub fn text_shown_last_frame(&self) -> (usize, usize) {
        self.workspace.view.shown_last_frame
    }

    /// How soon after a change a project document is saved (benchmarks and
    /// tests make it immediate).
    pub fn set_autosave_policy(&mut self, policy: crate::project::autosave::AutosavePolicy) {
        self.project.set_autosave_policy(policy);
    }

    /// Whether autosaves handed to the worker are still being written.
    pub fn saves_pending(&self) -> bool {
        self.project.saves_pending()
    }

    /// The status line's text, if any.
    pub fn message(&self) -> Option<&str> {
        self.note.as_ref().map(Note::text)
    }

    fn tell(&mut self, note: Option<Note>) {
        if note.is_some() {
            self.note = note;
        }
    }

    /// Opens an article file, or a folder as a project.
    fn open(&mut self, path: &Path) {
        if path.is_dir() {
            let notes = self.project.open(path, &self.analyzer, &mut self.review);
            self.after_open();
            for note in notes {
                self.tell(Some(note));
            }
        } else {
            self.open_file(path);
        }
    }

    /// Opens one article file, leaving any project.
    fn open_file(&mut self, article: &Path) {
        let note = self.project.close_document(&mut self.review);
        self.tell(note);
        match open_article(article, &self.analyzer, ANALYSE_LATER_ABOVE) {
            Ok(opened) => {
                let pending = self.project.analysis_job(&opened, &self.analyzer);
                let how = match (opened.from_saved, pending.is_some()) {
                    (true, _) => "saved annotations",
                    (false, false) => "new suggestions",
                    (false, true) => "suggestions being computed in the background",
                };
                let note = match &opened.warning {
                    Some(warning) => Note::Error(warning.clone()),
                    None => Note::Info(format!("Opened {} with {how}", article.display())),
                };
                let ctx = self.project.egui_ctx().clone();
                self.project = ProjectController::new(&ctx);
                self.review.set_locked_by(None);
                self.review.start(opened, pending);
                self.after_open();
                self.tell(Some(note));
            }
            Err(error) => self.tell(Some(Note::Error(format!("Could not open: {error}")))),
        }
    }

    /// A document was opened: the view starts afresh, freed memory goes back.
    fn after_open(&mut self) {
        self.workspace.document_opened();
        release_freed_memory();
    }

    /// Hands an action to the part that owns what it changes.
    pub fn perform(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Review(action) => self.perform_review(action),
            Action::Project(action) => {
                let window = match action {
                    ProjectAction::ShowSearch => Some(Window::Search),
                    ProjectAction::ShowStats => Some(Window::Statistics),
                    ProjectAction::ShowSettings => Some(Window::Settings),
                    ProjectAction::ShowAgreement => Some(Window::Agreement),
                    ProjectAction::ShowModel => Some(Window::Model),
                    _ => None,
                };
                window.into_iter().for_each(|w| self.windows.opened(w));
                let before = self.review.session().map(|s| s.annotation_path.clone());
                let note = self.project.perform(action, &self.analyzer, &mut self.review);
                if self.review.session().map(|s| s.annotation_path.clone()) != before {
                    self.after_open();
                }
                self.tell(note);
            }
            Action::Shell(action) => self.perform_shell(ctx, action),
        }
    }

    fn perform_review(&mut self, action: ReviewAction) {
        if action == ReviewAction::ToggleDone && !self.project.is_open() {
            return self.tell(Some(Note::Info("Marking done is for documents of a project (open a folder)".into())));
        }
        let outcome = self.review.perform(action.clone());
        self.project.after_review(&action, outcome.changed, &self.review);
        if outcome.changed {
            self.project.changed();
        }
        self.tell(outcome.note);
    }

    fn perform_shell(&mut self, ctx: &egui::Context, action: ShellAction) {
        use ShellAction as A;
        match action {
            A::OpenDialog => {
                if let Some(path) = dialogs::pick_article() {
                    self.perform_shell(ctx, A::Open(path));
                }
            }
            A::OpenFolderDialog => {
                if let Some(path) = dialogs::pick_folder() {
                    self.perform_shell(ctx, A::Open(path));
                }
            }
            A::Open(path) if self.review.is_dirty() && !self.project.is_open() => {
                self.prompt = Some(AfterPrompt::Open(path));
            }
            A::Open(path) => self.open(&path),
            A::Save => {
                self.save();
            }
            A::ShowExport => {
                let article = self.review.document().and_then(|d| d.source.clone());
                self.export.show(article.as_deref());
                self.windows.opened(Window::Export);
            }
            A::ChooseExportPath => {
                let folder = self.export.format() == formats::Format::Brat;
                if let Some(path) = dialogs::pick_export_path(Path::new(&self.export.path), folder) {
                    self.export.path = path.display().to_string();
                }
            }
            A::Export => self.export(),
            A::Scroll(jump) => self.workspace.view.jump(jump),
            A::ToggleHelp => {
                self.show_help = !self.show_help;
                self.windows.opened(Window::Help);
            }
            A::TogglePanel(panel) => self.workspace.toggle(panel),
            A::Escape => self.escape(),
            A::RequestClose => ctx.send_viewport_cmd(ViewportCommand::Close),
        }
    }

    /// Escape closes the topmost window; with none open it clears the selection.
    fn escape(&mut self) {
        let project = &self.project;
        let (help, export) = (self.show_help, self.export.open);
        let open = |w: Window| match w {
            Window::Help => help,
            Window::Export => export,
            Window::Search => project.search.open,
            Window::Statistics => project.stats.open,
            Window::Settings => project.settings_window.open,
            Window::Agreement => project.agreement.open,
            Window::Model => project.model_window.open,
        };
        match self.windows.topmost(open) {
            Some(Window::Help) => self.show_help = false,
            Some(Window::Export) => self.export.open = false,
            Some(Window::Search) => self.project.search.open = false,
            Some(Window::Statistics) => self.project.stats.open = false,
            Some(Window::Settings) => self.project.settings_window.open = false,
            Some(Window::Agreement) => self.project.agreement.open = false,
            Some(Window::Model) => self.project.model_window.open = false,
            None => {
                self.perform_review(ReviewAction::Select(None));
                self.perform_review(ReviewAction::SelectText(None));
            }
        }
    }

    /// Saves; returns whether the annotations are now on disk.
    fn save(&mut self) -> bool {
        if self.project.is_open() {
            let note = self.project.flush(&mut self.review);
            let failed = matches!(note, Some(Note::Error(_)));
            self.tell(note.or_else(|| Some(Note::Info("Saved".into()))));
            return !failed;
        }
        let Some(session) = self.review.session_mut() else { return false };
        let note = match session.save() {
            Ok(()) => Note::Info(format!("Saved {}", session.annotation_path.display())),
            Err(error) => Note::Error(format!("Not saved: {error}")),
        };
        let saved = matches!(note, Note::Info(_));
        self.tell(Some(note));
        saved
    }

    /// Exports the open document as the export dialog says.
    fn export(&mut self) {
        let Some(document) = self.review.document() else { return };
        let note = self.export.export(document);
        self.tell(Some(note));
    }

    /// Closing: a project writes what is pending and closes; unsaved changes
    /// of a single article ask first.
    fn intercept_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.project.is_open() {
            let note = self.project.flush(&mut self.review);
            self.tell(note);
            let scroll = self.workspace.view.offset();
            let note = self.project.save_session(&self.review, scroll);
            self.tell(note);
        } else if self.review.is_dirty() && !self.may_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.prompt = Some(AfterPrompt::Close);
        }
    }

    fn answer_prompt(&mut self, ctx: &egui::Context) {
        let Some(after) = self.prompt.clone() else { return };
        let Some(answer) = unsaved_prompt_ui(ctx) else { return };
        self.prompt = None;
        if answer == Answer::Cancel || (answer == Answer::Save && !self.save()) {
            return;
        }
        match after {
            AfterPrompt::Close => {
                self.may_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            AfterPrompt::Open(path) => self.open(&path),
        }
    }

    /// The floating windows; returns what they asked for.
    fn windows_ui(&mut self, ctx: &egui::Context, labels: usize) -> Vec<Action> {
        let mut actions = Vec::new();
        help_window_ui(ctx, &mut self.show_help, labels);
        let schema = self.review.document().map(|d| d.labels.clone()).unwrap_or_default();
        let project = &mut self.project;
        actions.extend(search_window_ui(ctx, &mut project.search, &schema).into_iter().map(Action::from));
        stats_window_ui(ctx, &mut project.stats, &schema);
        model_window_ui(ctx, &mut project.model_window, project.learning.as_ref().map(|l| l.summary));
        actions.extend(settings_window_ui(ctx, &mut project.settings_window).into_iter().map(Action::from));
        actions.extend(agreement_window_ui(ctx, &mut project.agreement).into_iter().map(Action::from));
        let article = self.review.document().and_then(|d| d.source.clone());
        actions.extend(export_dialog_ui(ctx, &mut self.export, article.as_deref()).into_iter().map(Action::from));
        actions
    }
}

impl eframe::App for SorotApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.chrome.claim_keyboard_focus(&ctx, frame);
        let note = self.project.poll(&mut self.review);
        self.tell(note);
        let note = self.review.poll();
        self.tell(note);
        if let Some(jump) = self.project.pending_scroll.take() {
            self.workspace.view.jump(jump);
        }
        if let Some(widths) = self.project.pending_panels.take() {
            self.workspace.restore_widths(widths);
        }
        self.project.panels = Some(self.workspace.widths);
        let mut actions: Vec<Action> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| ShellAction::Open(f.path().to_owned()).into()).collect());
        actions.extend(self.project.first_document_found(&self.review).map(Action::from));
        if self.prompt.is_none() {
            actions.extend(key_actions(&ctx, &self.review, self.project.adjudication.is_open()));
        }
        self.intercept_close(&ctx);
        let labels = self.review.document().map_or(0, |d| d.labels.len());
        let history = self.review.session().map(|s| &s.history);
        let (can_undo, can_redo) = history.map_or((false, false), |h| (h.can_undo(), h.can_redo()));
        let curating = self.project.adjudication.is_open();
        egui::Panel::top("menu").show(ui, |ui| {
            let commands = menu_bar_ui(ui, can_undo, can_redo, &mut self.review.min_confidence);
            actions.extend(commands.into_iter().filter_map(|c| command_action(c, &self.review, curating)));
        });
        egui::Panel::bottom("status").show(ui, |ui| status_bar_ui(ui, self.note.as_ref(), labels, curating));
        let quote_colors = match self.project.is_open() {
            true => QuoteColors::from_specs(&self.project.settings.quote_kinds),
            false => QuoteColors::default(),
        };
        let project = self.project.project.as_mut();
        actions.extend(match curating {
            true => super::adjudication::adjudication_panel_ui(ui, &mut self.project.adjudication),
            false => workspace_ui(ui, &mut self.workspace, project, &mut self.review, quote_colors),
        });
        actions.extend(self.windows_ui(&ctx, labels));
        if self.prompt.is_some() {
            self.answer_prompt(&ctx);
        }
        let acted = !actions.is_empty();
        for action in actions {
            self.perform(&ctx, action);
        }
        if acted {
            ctx.request_repaint();
        }
        // Last: the save worker a due autosave wakes must not slow this frame.
        let note = self.project.autosave(&mut self.review);
        self.tell(note);
        self.chrome.update_title(&ctx, self.review.session());
    }
}
