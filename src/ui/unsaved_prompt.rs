//! The question asked before unsaved annotations of a single article would be
//! lost (closing the window, opening another file): save, discard or cancel.

use std::path::PathBuf;

use egui::Id;

/// What to do once the question is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterPrompt {
    Close,
    Open(PathBuf),
}

/// The annotator's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
}

/// Shows the question while one is pending; returns the answer when given.
pub fn unsaved_prompt_ui(ctx: &egui::Context) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label("The annotations have changes that are not saved.");
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(Answer::Save);
            }
            if ui.button("Discard changes").clicked() {
                answer = Some(Answer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Answer::Cancel);
            }
        });
    });
    answer
}
