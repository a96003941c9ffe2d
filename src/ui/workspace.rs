//! The panels around the article: on the left the project's documents and the
//! document's annotations as two tabs of one panel, on the right the
//! inspector; each can be folded away (F2, F3) to give the text room.

use super::action::{Action, Panel};
use super::colors::QuoteColors;
use super::document_view::{document_view_ui, DocumentView, DocumentViewState};
use super::fixed_width::{fixed_width_ui, fixed_width_unscrolled_ui};
use super::inspector::{inspector_ui, InspectorView};
use super::project::{documents_panel_ui, ProjectState};
use super::review::ReviewController;
use super::side_panel::{side_panel_ui, SidePanelState};
use crate::project::autosave::PanelWidths;

/// The left panel's two tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListTab {
    #[default]
    Documents,
    Annotations,
}

/// What the workspace remembers: which panels show, the left panel's tab,
/// and the views' own state.
pub struct Workspace {
    /// The side panels' widths last frame (what a project's session keeps).
    pub widths: PanelWidths,
    /// Part of the panels' ids: a new value makes egui forget the widths it
    /// keeps, so that widths restored from a project's session take effect.
    panel_generation: u64,
    pub show_list: bool,
    pub show_inspector: bool,
    pub list_tab: ListTab,
    pub view: DocumentViewState,
    pub side_panel: SidePanelState,
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            widths: PanelWidths { list: 290.0, inspector: 320.0 },
            panel_generation: 0,
            show_list: true,
            show_inspector: true,
            list_tab: ListTab::default(),
            view: DocumentViewState::default(),
            side_panel: SidePanelState::default(),
        }
    }
}

impl Workspace {
    pub fn toggle(&mut self, panel: Panel) {
        match panel {
            Panel::List => self.show_list = !self.show_list,
            Panel::Inspector => self.show_inspector = !self.show_inspector,
        }
    }

    /// Gives the side panels the widths a project's session remembered.
    pub fn restore_widths(&mut self, widths: PanelWidths) {
        self.widths = widths;
        self.panel_generation += 1;
    }

    /// A document was opened: its view starts afresh.
    pub fn document_opened(&mut self) {
        self.view = DocumentViewState::default();
    }
}

/// Draws the panels and the article; returns what they asked for.
pub fn workspace_ui(
    ui: &mut egui::Ui,
    workspace: &mut Workspace,
    project: Option<&mut ProjectState>,
    review: &mut ReviewController,
    quote_colors: QuoteColors,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let in_project = project.is_some();
    if workspace.show_list {
        let panel = egui::Panel::left(("list", workspace.panel_generation)).resizable(true);
        let shown = panel.default_size(workspace.widths.list).size_range(180.0..=560.0).show(ui, |ui| {
            fixed_width_unscrolled_ui(ui, |ui| list_panel_ui(ui, workspace, project, review, &mut actions));
        });
        workspace.widths.list = shown.response.rect.width();
    }
    let Some(review) = review.view() else {
        egui::CentralPanel::default().show(ui, |ui| {
            let hint = if in_project {
                "Pick a document from the list, or press Alt+↓ for the next one."
            } else {
                "Open an article (Ctrl+O), a folder of articles (Ctrl+Shift+O), or drop a .txt file here."
            };
            ui.centered_and_justified(|ui| ui.heading(hint));
        });
        return actions;
    };
    let document = &review.session.document;
    if workspace.show_inspector {
        // Its width is the annotator's (drag its edge), never its content's:
        // the article must not re-wrap when the selection changes.
        let panel = egui::Panel::right(("inspector", workspace.panel_generation)).resizable(true);
        let shown = panel.default_size(workspace.widths.inspector).size_range(220.0..=560.0).show(ui, |ui| {
            let view = InspectorView {
                document,
                selection: review.selection,
                text_selection: review.text_selection,
                picking_speaker: review.picking_speaker,
                speaker_choice: review.speaker_choice,
                speaker_candidates: review.speaker_candidates,
            };
            let asked = fixed_width_ui(ui, "inspector", |ui| inspector_ui(ui, &view));
            actions.extend(asked.into_iter().map(Action::from));
        });
        workspace.widths.inspector = shown.response.rect.width();
    }
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(&document.title);
        ui.separator();
        let view = DocumentView {
            document,
            selection: review.selection,
            text_selection: review.text_selection,
            min_confidence: review.min_confidence,
            quote_colors,
            scroll_to_selection: review.scroll_to_selection,
        };
        actions.extend(document_view_ui(ui, view, &mut workspace.view).into_iter().map(Action::from));
    });
    actions
}

/// The left panel: documents and annotations as tabs in a project, only the
/// annotations for a single article.
fn list_panel_ui(
    ui: &mut egui::Ui,
    workspace: &mut Workspace,
    project: Option<&mut ProjectState>,
    review: &ReviewController,
    actions: &mut Vec<Action>,
) {
    let tab = match project {
        Some(project) => {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut workspace.list_tab, ListTab::Documents, "Documents");
                ui.selectable_value(&mut workspace.list_tab, ListTab::Annotations, "Annotations");
            });
            ui.separator();
            if workspace.list_tab == ListTab::Documents || review.session().is_none() {
                actions.extend(documents_panel_ui(ui, project).into_iter().map(Action::from));
                return;
            }
            workspace.list_tab
        }
        None => ListTab::Annotations,
    };
    if let (ListTab::Annotations, Some(session)) = (tab, review.session()) {
        let rows = side_panel_ui(ui, session, review.selection.as_ref(), &mut workspace.side_panel);
        actions.extend(rows.into_iter().map(Action::from));
    }
}
