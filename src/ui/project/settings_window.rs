//! Project settings: the annotator's name (stamped on every change), the
//! label schema — names, colours, descriptions, order (= hotkeys 1–9, moved
//! with ▲) — and the names, colours and descriptions of the quotation kinds.
//! Renaming a label renames its spans across the project; deleting one that
//! is in use asks first, with the count. A name no dataset format can carry
//! (empty, with a space or tab, or a reserved quotation name such as `CUE`,
//! see [`validate_label_name`]) is refused in the dialog, saying why.

use egui::RichText;

use super::background::Job;
use super::ProjectAction;
use crate::model::validate_label_name;
use crate::project::settings::{LabelSpec, LabelUsage, ProjectChange, ProjectSettings};

#[derive(Default)]
pub struct SettingsState {
    pub open: bool,
    /// The settings being edited (saved with "Save").
    pub settings: Option<ProjectSettings>,
    /// Name fields, one per label, for renaming.
    pub drafts: Vec<String>,
    /// A label in use, waiting for the annotator's confirmation to delete.
    pub confirm_delete: Option<(String, LabelUsage)>,
    /// Background work: counting a label's uses, or renaming it everywhere.
    pub usage: Option<Job<(String, LabelUsage)>>,
    pub renaming: Option<Job<Result<(ProjectSettings, ProjectChange), String>>>,
    /// Why the last rename or save was refused, shown in the dialog until the
    /// next one.
    pub refusal: Option<String>,
    /// The annotator field takes the keyboard in the next frame.
    focus_first: bool,
}

impl SettingsState {
    pub fn edit(&mut self, settings: ProjectSettings) {
        self.drafts = settings.labels.iter().map(|l| l.name.clone()).collect();
        self.settings = Some(settings);
        self.confirm_delete = None;
        self.refusal = None;
        if !self.open {
            self.focus_first = true;
        }
        self.open = true;
    }
}

pub fn settings_window_ui(ctx: &egui::Context, state: &mut SettingsState) -> Vec<ProjectAction> {
    let mut actions = Vec::new();
    let mut open = state.open;
    egui::Window::new("Project settings").open(&mut open).default_width(520.0).show(ctx, |ui| {
        let SettingsState { settings, drafts, confirm_delete, usage, renaming, focus_first, refusal, .. } = state;
        let Some(settings) = settings.as_mut() else { return };
        annotator_ui(ui, settings, std::mem::take(focus_first));
        ui.separator();
        ui.label(RichText::new("Entity labels (order = hotkeys 1–9)").strong());
        labels_ui(ui, settings, drafts, &mut actions);
        if ui.button("Add label").clicked() {
            settings.labels.push(LabelSpec {
                name: format!("LABEL{}", settings.labels.len() + 1),
                description: String::new(),
                color: [128, 128, 128],
                hotkey: None,
            });
            drafts.push(format!("LABEL{}", settings.labels.len()));
        }
        ui.separator();
        ui.label(RichText::new("Quotation kinds").strong());
        quote_kinds_ui(ui, settings);
        if let Some((name, usage)) = confirm_delete.clone() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{name} is used by {} span(s) in {} document(s).", usage.spans, usage.documents),
            );
            ui.horizontal(|ui| {
                if ui.button(format!("Delete {name} anyway")).clicked() {
                    actions.push(ProjectAction::DeleteLabel { name: name.clone(), confirmed: Some(usage) });
                }
                if ui.button("Keep it").clicked() {
                    *confirm_delete = None;
                }
            });
        }
        if usage.is_some() || renaming.is_some() {
            ui.spinner();
        }
        if let Some(why) = refusal.as_deref() {
            ui.colored_label(ui.visuals().error_fg_color, why);
        }
        ui.separator();
        if ui.button("Save settings").clicked() {
            actions.push(ProjectAction::SaveSettings);
        }
    });
    state.open = open;
    actions
}

/// The two kinds are fixed (direct, indirect); their names, colours and
/// descriptions are the project's.
fn quote_kinds_ui(ui: &mut egui::Ui, settings: &mut ProjectSettings) {
    egui::Grid::new("quote-kinds").striped(true).show(ui, |ui| {
        for kind in &mut settings.quote_kinds {
            ui.label(format!("{:?}", kind.kind));
            egui::color_picker::color_edit_button_srgb(ui, &mut kind.color);
            ui.add_sized([110.0, 20.0], egui::TextEdit::singleline(&mut kind.name)).on_hover_text("name");
            ui.add_sized([220.0, 20.0], egui::TextEdit::singleline(&mut kind.description).hint_text("description"));
            ui.end_row();
        }
    });
}

fn annotator_ui(ui: &mut egui::Ui, settings: &mut ProjectSettings, take_focus: bool) {
    ui.horizontal(|ui| {
        let label = ui.label("Annotator:");
        let mut name = settings.annotator.clone().unwrap_or_default();
        let field = ui.add(egui::TextEdit::singleline(&mut name).desired_width(200.0)).labelled_by(label.id);
        if take_focus {
            field.request_focus();
        }
        if field.changed() {
            settings.annotator = (!name.trim().is_empty()).then(|| name.trim().to_owned());
        }
    });
}

fn labels_ui(
    ui: &mut egui::Ui,
    settings: &mut ProjectSettings,
    drafts: &mut [String],
    actions: &mut Vec<ProjectAction>,
) {
    let mut move_up = None;
    let mut unusable = Vec::new();
    egui::Grid::new("label-schema").striped(true).show(ui, |ui| {
        for (i, label) in settings.labels.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!("{}", i + 1));
                let up = ui.add_enabled(i > 0, egui::Button::new("▲").small());
                if up.on_hover_text("Move up: the order gives the hotkeys 1–9").clicked() {
                    move_up = Some(i);
                }
            });
            egui::color_picker::color_edit_button_srgb(ui, &mut label.color);
            if let Some(draft) = drafts.get_mut(i) {
                let field = ui.add_sized([110.0, 20.0], egui::TextEdit::singleline(draft)).on_hover_text("label name");
                field.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("name of label {}", i + 1))
                });
                let wanted = draft.trim();
                let usable = validate_label_name(wanted);
                if let Err(why) = &usable {
                    unusable.push(format!("Label {}: {why}", i + 1));
                }
                if wanted != label.name {
                    let rename = ui.add_enabled(usable.is_ok(), egui::Button::new("Rename"));
                    if rename.clicked() {
                        actions.push(ProjectAction::RenameLabel { from: label.name.clone(), to: wanted.to_owned() });
                    }
                }
            }
            ui.add_sized([220.0, 20.0], egui::TextEdit::singleline(&mut label.description).hint_text("description"));
            if ui.button("Delete").clicked() {
                actions.push(ProjectAction::DeleteLabel { name: label.name.clone(), confirmed: None });
            }
            ui.end_row();
        }
    });
    for why in unusable {
        ui.colored_label(ui.visuals().error_fg_color, why);
    }
    if let Some(i) = move_up {
        settings.labels.swap(i - 1, i);
        if i < drafts.len() {
            drafts.swap(i - 1, i);
        }
    }
}
