//! The status bar: the last thing worth telling the annotator, and a reminder
//! of the main keys drawn from the command table (so it says what the keys do).

use egui::RichText;

use super::command::{curation_hint_text, hint_text};

/// A line for the annotator: information, or something that went wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    Info(String),
    Error(String),
}

impl Note {
    pub fn text(&self) -> &str {
        match self {
            Note::Info(text) | Note::Error(text) => text,
        }
    }
}

/// `labels`: how many labels the open document's schema has (for the digits);
/// `curating`: a document is being adjudicated, where other keys apply.
pub fn status_bar_ui(ui: &mut egui::Ui, note: Option<&Note>, labels: usize, curating: bool) {
    ui.horizontal(|ui| {
        match note {
            Some(Note::Error(text)) => {
                ui.label(RichText::new(text).color(ui.visuals().error_fg_color));
                ui.separator();
            }
            Some(Note::Info(text)) => {
                ui.label(text);
                ui.separator();
            }
            None => {}
        }
        ui.weak(if curating { curation_hint_text() } else { hint_text(labels) });
    });
}
