//! The project controller's settings work: the settings window's copy, saving
//! it (the open document takes the new schema as an undoable edit), and label
//! renames and deletions across the project in the background. Label names no
//! dataset format can carry are refused before anything is written, the reason
//! shown in the dialog.

use super::controller::ProjectController;
use super::Job;
use crate::model::validate_label_name;
use crate::project::settings::ProjectSettings;
use crate::project::settings::{
    change_saved_documents, delete_label_edit, label_usage, rename_label_edit, rename_label_in_project, LabelUsage,
};
use crate::ui::review::ReviewController;
use crate::ui::status_bar::Note;

impl ProjectController {
    pub(super) fn show_settings(&mut self) -> Option<Note> {
        if self.project.is_none() {
            return Some(Note::Info("Settings belong to a project: open a folder of articles".into()));
        }
        self.settings_window.edit(self.settings.clone());
        None
    }

    /// Saves the edited settings; the open document takes the new schema
    /// through its history.
    pub(super) fn save_settings(&mut self, review: &mut ReviewController) -> Option<Note> {
        let (Some(project), Some(edited)) = (self.project.as_ref(), self.settings_window.settings.as_ref()) else {
            return None;
        };
        if let Err(why) = unusable_label(edited) {
            return Some(self.refuse(format!("Settings not saved: {why}")));
        }
        if let Err(error) = edited.save(&project.layout) {
            return Some(Note::Error(format!("Settings not saved: {error}")));
        }
        self.settings = edited.clone();
        review.set_annotator(self.settings.annotator.clone());
        let outcome = review.apply_schema(&self.settings.label_set());
        if outcome.changed {
            self.changed();
        }
        self.settings_window.refusal = None;
        outcome.note.or(Some(Note::Info("Project settings saved".into())))
    }

    /// Shows why a change was refused in the settings dialog and the status line.
    fn refuse(&mut self, why: String) -> Note {
        self.settings_window.refusal = Some(why.clone());
        Note::Error(why)
    }

    /// Renames a label: in the open document through its history, in the
    /// schema and every saved document in the background.
    pub(super) fn rename_label(&mut self, review: &mut ReviewController, from: &str, to: &str) -> Option<Note> {
        if let Err(why) = validate_label_name(to) {
            return Some(self.refuse(format!("Label not renamed: {why}")));
        }
        let (Some(project), Some(settings)) = (self.project.as_ref(), self.settings_window.settings.clone()) else {
            return None;
        };
        let (layout, entries) = (project.layout.clone(), project.entries.clone());
        self.settings_window.refusal = None;
        let mut note = None;
        if let Some(edit) = review.document().and_then(|d| rename_label_edit(d, from, to)) {
            let outcome = review.perform_edit(edit);
            if outcome.changed {
                self.changed();
            }
            note = outcome.note;
        }
        let (from, to) = (from.to_owned(), to.to_owned());
        self.settings_window.renaming = Some(Job::spawn(self.egui_ctx(), move || {
            let mut settings = settings;
            let change =
                rename_label_in_project(&layout, &entries, &mut settings, &from, &to).map_err(|e| e.to_string())?;
            Ok((settings, change))
        }));
        note
    }

    /// Deletes a label: first counts its uses; one in use waits for the
    /// annotator's confirmation, then goes from the open document (undoably),
    /// the schema and every saved document.
    pub(super) fn delete_label(
        &mut self,
        review: &mut ReviewController,
        name: &str,
        confirmed: Option<LabelUsage>,
    ) -> Option<Note> {
        let project = self.project.as_ref()?;
        let (layout, entries, name) = (project.layout.clone(), project.entries.clone(), name.to_owned());
        let Some(usage) = confirmed else {
            self.settings_window.usage = Some(Job::spawn(self.egui_ctx(), move || {
                let usage = label_usage(&layout, &entries, &name);
                (name, usage)
            }));
            return None;
        };
        self.settings_window.confirm_delete = None;
        let mut settings = self.settings_window.settings.clone()?;
        if let Err(error) = settings.delete_label(&name, usage, true) {
            return Some(Note::Error(error.to_string()));
        }
        let mut note = None;
        if let Some(edit) = review.document().and_then(|d| delete_label_edit(d, &name)) {
            let outcome = review.perform_edit(edit);
            if outcome.changed {
                self.changed();
            }
            note = outcome.note;
        }
        self.settings_window.renaming = Some(Job::spawn(self.egui_ctx(), move || {
            settings.save(&layout).map_err(|e| e.to_string())?;
            let labels = settings.label_set();
            let change = change_saved_documents(&layout, &entries, Some(&labels), |doc| delete_label_edit(doc, &name));
            Ok((settings, change))
        }));
        note
    }

    /// Picks up finished settings jobs (a label's usage, a rename or deletion done).
    pub(super) fn poll_settings_jobs(&mut self, review: &mut ReviewController) -> Option<Note> {
        if let Some((name, usage)) = self.settings_window.usage.as_ref().and_then(Job::take) {
            self.settings_window.usage = None;
            if usage.spans > 0 {
                self.settings_window.confirm_delete = Some((name, usage));
                return None;
            }
            return self.delete_unused_label(review, &name);
        }
        let outcome = self.settings_window.renaming.as_ref().and_then(Job::take)?;
        self.settings_window.renaming = None;
        match outcome {
            Ok((settings, change)) => {
                self.settings_window.edit(settings);
                let note = self.save_settings(review);
                if let Some(Note::Error(_)) = note {
                    return note;
                }
                Some(Note::Info(format!(
                    "Labels changed in {} span(s) of {} saved document(s)",
                    change.spans, change.documents
                )))
            }
            Err(error) => Some(Note::Error(format!("Label change failed: {error}"))),
        }
    }

    /// Deletes an unused label from the schema being edited.
    fn delete_unused_label(&mut self, review: &mut ReviewController, name: &str) -> Option<Note> {
        let mut settings = self.settings_window.settings.clone()?;
        match settings.delete_label(name, LabelUsage::default(), false) {
            Ok(()) => {
                self.settings_window.edit(settings);
                self.save_settings(review)
            }
            Err(error) => Some(Note::Error(error.to_string())),
        }
    }
}

/// The first label of `settings` that no dataset format can carry, or that two
/// labels share.
fn unusable_label(settings: &ProjectSettings) -> Result<(), String> {
    for (i, label) in settings.labels.iter().enumerate() {
        validate_label_name(&label.name).map_err(|why| why.to_string())?;
        if settings.labels.iter().take(i).any(|other| other.name == label.name) {
            return Err(format!("two labels are named {:?}", label.name));
        }
    }
    Ok(())
}
