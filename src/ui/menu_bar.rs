//! The menu bar: every entry is a command of the command table, so each names
//! the key that does the same.

use super::command::Command;

/// `min_confidence` is the View menu's threshold: suggestions less sure are hidden.
pub fn menu_bar_ui(ui: &mut egui::Ui, can_undo: bool, can_redo: bool, min_confidence: &mut f32) -> Vec<Command> {
    let mut chosen = Vec::new();
    let mut entries = |ui: &mut egui::Ui, commands: &[(Command, bool)]| {
        for &(command, enabled) in commands {
            if command.menu_button(ui, enabled) {
                chosen.push(command);
            }
        }
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            entries(ui, &[(Command::Open, true), (Command::OpenFolder, true), (Command::Save, true)]);
            entries(ui, &[(Command::Export, true)]);
            ui.separator();
            entries(ui, &[(Command::Quit, true)]);
        });
        ui.menu_button("Edit", |ui| {
            entries(ui, &[(Command::Undo, can_undo), (Command::Redo, can_redo)]);
        });
        ui.menu_button("Project", |ui| {
            entries(ui, &[(Command::Search, true), (Command::Statistics, true), (Command::Settings, true)]);
            entries(ui, &[(Command::Agreement, true), (Command::Adjudicate, true)]);
            entries(ui, &[(Command::Model, true), (Command::RefreshSuggestions, true)]);
            ui.separator();
            entries(
                ui,
                &[(Command::NextDocument, true), (Command::PreviousDocument, true), (Command::ToggleDone, true)],
            );
        });
        ui.menu_button("View", |ui| {
            entries(ui, &[(Command::ToggleList, true), (Command::ToggleInspector, true)]);
            ui.separator();
            ui.label("Hide suggestions less sure than:");
            ui.add(egui::Slider::new(min_confidence, 0.0..=1.0).text("confidence"));
        });
        ui.menu_button("Help", |ui| {
            entries(ui, &[(Command::Help, true)]);
        });
    });
    chosen
}
