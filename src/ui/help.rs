//! The keyboard help window (F1), listing every shortcut.

use super::shortcuts::SHORTCUTS;

pub fn help_window_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts").open(open).resizable(false).show(ctx, |ui| {
        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
            for (keys, what) in SHORTCUTS {
                ui.strong(*keys);
                ui.label(*what);
                ui.end_row();
            }
        });
        ui.separator();
        ui.label("Mouse: click a span to select it; drag over text to mark a new span.");
    });
}
