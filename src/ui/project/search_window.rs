//! Search across the project (Ctrl+F): text, or spans by label and text, with
//! results to jump to; and bulk review of one surface form ("accept every
//! suggested `Jakarta` as LOC"). Searches run in the background.

use egui::{RichText, ScrollArea};

use super::background::Job;
use super::ProjectAction;
use crate::model::{LabelSet, Status};
use crate::project::search::{Decision, Hit};

/// The search form, its running job and its results.
#[derive(Default)]
pub struct SearchState {
    pub open: bool,
    pub query: String,
    /// Spans rather than text.
    pub spans: bool,
    pub label: Option<String>,
    pub only_suggested: bool,
    pub running: Option<Job<Vec<Hit>>>,
    pub hits: Vec<Hit>,
    /// The query field takes the keyboard in the next frame.
    focus_query: bool,
}

impl SearchState {
    /// Opens the window with the keyboard in its query field.
    pub fn show(&mut self) {
        self.open = true;
        self.focus_query = true;
    }

    /// Picks up a finished search; true when results arrived.
    pub fn poll(&mut self) -> bool {
        let Some(hits) = self.running.as_ref().and_then(Job::take) else { return false };
        self.hits = hits;
        self.running = None;
        true
    }
}

pub fn search_window_ui(ctx: &egui::Context, state: &mut SearchState, labels: &LabelSet) -> Vec<ProjectAction> {
    let mut actions = Vec::new();
    let mut open = state.open;
    egui::Window::new("Search the project").open(&mut open).default_width(460.0).show(ctx, |ui| {
        form_ui(ui, state, labels, &mut actions);
        bulk_ui(ui, state, &mut actions);
        ui.separator();
        results_ui(ui, state, &mut actions);
    });
    state.open = open;
    actions
}

fn form_ui(ui: &mut egui::Ui, state: &mut SearchState, labels: &LabelSet, actions: &mut Vec<ProjectAction>) {
    ui.horizontal(|ui| {
        ui.radio_value(&mut state.spans, false, "Text");
        ui.radio_value(&mut state.spans, true, "Spans");
    });
    ui.horizontal(|ui| {
        let label = ui.label("Find:");
        let field = ui.add(egui::TextEdit::singleline(&mut state.query).desired_width(240.0)).labelled_by(label.id);
        if std::mem::take(&mut state.focus_query) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Search").clicked() || entered {
            actions.push(ProjectAction::Search);
        }
    });
    if state.spans {
        ui.horizontal(|ui| {
            let shown = state.label.clone().unwrap_or_else(|| "any label".into());
            egui::ComboBox::from_label("Label").selected_text(shown).show_ui(ui, |ui| {
                ui.selectable_value(&mut state.label, None, "any label");
                for label in labels.iter() {
                    ui.selectable_value(&mut state.label, Some(label.name.clone()), &label.name);
                }
            });
            ui.checkbox(&mut state.only_suggested, "only open suggestions");
        });
    }
}

/// Bulk review of the exact surface form searched for, as the chosen label.
fn bulk_ui(ui: &mut egui::Ui, state: &SearchState, actions: &mut Vec<ProjectAction>) {
    let (Some(label), true) = (state.label.as_ref(), state.spans && !state.query.trim().is_empty()) else { return };
    let surface = state.query.trim().to_owned();
    ui.horizontal(|ui| {
        if ui.button(format!("Accept every suggested “{surface}” as {label}")).clicked() {
            actions.push(ProjectAction::BulkReview {
                surface: surface.clone(),
                label: label.clone(),
                decision: Decision::Accept,
            });
        }
        if ui.button(format!("Reject every suggested {label} “{surface}”")).clicked() {
            actions.push(ProjectAction::BulkReview {
                surface: surface.clone(),
                label: label.clone(),
                decision: Decision::Reject,
            });
        }
    });
}

fn results_ui(ui: &mut egui::Ui, state: &SearchState, actions: &mut Vec<ProjectAction>) {
    if state.running.is_some() {
        ui.spinner();
        return;
    }
    ui.label(format!("{} result(s)", state.hits.len()));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    ScrollArea::vertical().id_salt("search-results").max_height(360.0).auto_shrink([false, true]).show_rows(
        ui,
        row_height,
        state.hits.len(),
        |ui, range| {
            for hit in state.hits.get(range).unwrap_or_default() {
                let context = crate::ui::side_panel::shorten(&hit.context, 90);
                let text = RichText::new(format!("{} · {context}", hit.article));
                if ui.selectable_label(false, text).clicked() {
                    actions.push(ProjectAction::JumpTo(Box::new(hit.clone())));
                }
            }
        },
    );
}

/// The status filter of a span search.
pub fn status_filter(state: &SearchState) -> Option<Status> {
    state.only_suggested.then_some(Status::Suggested)
}
