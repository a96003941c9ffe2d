//! The keyboard help window (F1): every command of the command table with its
//! keys, and the label digits of the open document's schema.

use super::command::{label_keys_text, shortcut_text, Command};

/// `labels`: how many labels the open document's schema has.
pub fn help_window_ui(ctx: &egui::Context, open: &mut bool, labels: usize) {
    // The table is longer than a laptop screen is tall: it scrolls.
    let max_height = ctx.content_rect().height() * 0.55;
    egui::Window::new("Keyboard shortcuts").open(open).resizable(false).show(ctx, |ui| {
        egui::ScrollArea::vertical().max_height(max_height).show(ui, |ui| shortcut_grid_ui(ui, labels));
        ui.separator();
        ui.label(
            "Mouse: click a span to select it; drag over text to mark a new span (its ends snap to \
             whole words; hold Alt to place them exactly); double-click selects one word.",
        );
    });
}

fn shortcut_grid_ui(ui: &mut egui::Ui, labels: usize) {
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        if labels > 0 {
            ui.strong(label_keys_text(labels));
            ui.label("label: relabel the selected entity, or make one from the selected text; with a quotation selected: choose its speaker among the numbered candidates");
            ui.end_row();
        }
        for command in Command::ALL {
            let keys: Vec<String> = command.shortcuts().iter().map(shortcut_text).collect();
            ui.strong(keys.join(" / "));
            ui.label(command.help());
            ui.end_row();
        }
    });
}
