//! The menu bar: File and Edit menus, each entry naming its shortcut.

use super::Action;

/// `min_confidence` is the View menu's threshold: suggestions less sure are hidden.
pub fn menu_bar_ui(ui: &mut egui::Ui, can_undo: bool, can_redo: bool, min_confidence: &mut f32) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.add(egui::Button::new("Open…").shortcut_text("Ctrl+O")).clicked() {
                actions.push(Action::OpenDialog);
            }
            if ui.add(egui::Button::new("Open Folder…").shortcut_text("Ctrl+Shift+O")).clicked() {
                actions.push(Action::OpenFolderDialog);
            }
            if ui.add(egui::Button::new("Save").shortcut_text("Ctrl+S")).clicked() {
                actions.push(Action::Save);
            }
            if ui.add(egui::Button::new("Export…").shortcut_text("Ctrl+E")).clicked() {
                actions.push(Action::ShowExport);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                actions.push(Action::RequestClose);
            }
        });
        ui.menu_button("Edit", |ui| {
            if ui.add_enabled(can_undo, egui::Button::new("Undo").shortcut_text("Ctrl+Z")).clicked() {
                actions.push(Action::Undo);
            }
            if ui.add_enabled(can_redo, egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z")).clicked() {
                actions.push(Action::Redo);
            }
        });
        ui.menu_button("Project", |ui| {
            if ui.add(egui::Button::new("Search…").shortcut_text("Ctrl+F")).clicked() {
                actions.push(Action::ShowSearch);
            }
            if ui.button("Statistics…").clicked() {
                actions.push(Action::ShowStats);
            }
            if ui.button("Settings…").clicked() {
                actions.push(Action::ShowSettings);
            }
            if ui.add(egui::Button::new("Mark document done").shortcut_text("Ctrl+D")).clicked() {
                actions.push(Action::ToggleDone);
            }
        });
        ui.menu_button("View", |ui| {
            ui.label("Hide suggestions less sure than:");
            ui.add(egui::Slider::new(min_confidence, 0.0..=1.0).text("confidence"));
        });
        ui.menu_button("Help", |ui| {
            if ui.add(egui::Button::new("Keyboard shortcuts").shortcut_text("F1")).clicked() {
                actions.push(Action::ToggleHelp);
            }
        });
    });
    actions
}
