//! The project controller's team work: Project ▸ Agreement (on a background
//! thread), curating the open document, and saving the curation as its gold
//! layer. All of it reads the project's layers from the project root, whatever
//! layer the app itself works on.

use std::path::PathBuf;
use std::sync::Arc;

use super::controller::ProjectController;
use crate::agreement::SpanFilter;
use crate::analysis::Analyzer;
use crate::project::layers::{annotators, load_gold, open_adjudication, save_gold, LayersError};
use crate::project::layout::Layout;
use crate::project::team::working_layout;
use crate::ui::adjudication::{AdjudicationState, Curation};
use crate::ui::review::ReviewController;
use crate::ui::status_bar::Note;

const NOT_A_TEAM: &str = "This is for team projects: a project.json with a \"team\" section (see the README's Teams)";

impl ProjectController {
    /// The project's root layout, if a team project is open.
    fn team_root(&self) -> Result<Layout, Note> {
        let project = self.project.as_ref().ok_or_else(|| Note::Info("Open a project folder first".into()))?;
        if self.settings.team.is_none() {
            return Err(Note::Info(NOT_A_TEAM.into()));
        }
        Ok(Layout::new(project.layout.root()))
    }

    /// After the settings changed whose layer this is (a new annotator name in
    /// a team project): the project opens afresh on that layer, the open
    /// document saved first in the layer it was read from.
    pub(super) fn follow_layer(&mut self, analyzer: &Arc<Analyzer>, review: &mut ReviewController) -> Option<Note> {
        let project = self.project.as_ref()?;
        let root = project.layout.root().to_owned();
        let wanted = match working_layout(&root, &self.settings) {
            Ok(layout) => layout,
            Err(error) => return Some(Note::Error(format!("Still working in the same layer: {error}"))),
        };
        if wanted == project.layout {
            return None;
        }
        if let Some(Note::Error(error)) = self.close_document(review) {
            return Some(Note::Error(format!("Still working in the same layer: {error}")));
        }
        // Let go of the lock before the project is opened again.
        self.project = None;
        self.open(&root, analyzer, review).pop()
    }

    /// Opens the agreement window and computes its figures in the background.
    pub(super) fn show_agreement(&mut self) -> Option<Note> {
        let root = match self.team_root() {
            Ok(root) => root,
            Err(note) => return Some(note),
        };
        let entries = self.project.as_ref().map(|p| p.entries.clone()).unwrap_or_default();
        let ctx = self.egui_ctx().clone();
        self.agreement.start(&ctx, root, entries);
        None
    }

    /// Starts curating the open document (its own layer saved first, so the
    /// curation sees the annotator's latest work), or leaves the curation.
    pub(super) fn toggle_adjudication(&mut self, review: &mut ReviewController) -> Option<Note> {
        if self.adjudication.curation.take().is_some() {
            self.adjudication = AdjudicationState::default();
            return Some(Note::Info("Left adjudication".into()));
        }
        let root = match self.team_root() {
            Ok(root) => root,
            Err(note) => return Some(note),
        };
        if let Some(Note::Error(error)) = self.flush(review) {
            return Some(Note::Error(error));
        }
        let project = self.project.as_ref()?;
        let Some(id) = project.current.clone() else { return Some(Note::Info("Open a document to adjudicate".into())) };
        let entry = project.entries.iter().find(|e| e.id == id)?;
        let opened = annotators(&root).and_then(|names| open_adjudication(&root, entry, &names, SpanFilter::default()));
        match opened {
            Ok(opened) => {
                let mut curation = Curation::new(id.clone(), opened);
                let resumed = match load_gold(&root, &id) {
                    Ok(gold) => gold.map(|gold| curation.resume(&gold)),
                    Err(error) => return Some(Note::Error(format!("Cannot adjudicate {id}: its gold layer: {error}"))),
                };
                let (agreed, open) = (curation.adjudication.agreed.len(), curation.adjudication.unsettled());
                self.adjudication = AdjudicationState { curation: Some(curation), problem: None };
                let mut note = format!("Adjudicating {id}: {agreed} agreed, {open} disagreement(s) to settle");
                if let Some(resumed) = resumed {
                    note.push_str(&format!("; resumed from the saved gold layer ({} settled)", resumed.settled));
                    if resumed.not_placed > 0 {
                        note.push_str(&format!(
                            ", {} gold span(s) no longer match a version and would be dropped by the next save",
                            resumed.not_placed
                        ));
                    }
                }
                Some(Note::Info(note))
            }
            // An article's own problem names the article already.
            Err(error @ LayersError::Article { .. }) => Some(Note::Error(format!("Cannot adjudicate {error}"))),
            Err(error) => Some(Note::Error(format!("Cannot adjudicate {id}: {error}"))),
        }
    }

    /// Saves the curation as the document's gold layer (`.sorot/gold/`).
    pub(super) fn save_gold(&mut self) -> Option<Note> {
        let root = match self.team_root() {
            Ok(root) => root,
            Err(note) => return Some(note),
        };
        if let Some(holder) = self.project.as_ref().and_then(|p| p.read_only()) {
            return Some(Note::Error(format!("Not saved: the project is open in another window ({holder})")));
        }
        let curation = self.adjudication.curation.as_mut()?;
        let gold = match curation.adjudication.gold(Some(PathBuf::from(&curation.id.path))) {
            Ok(gold) => gold,
            Err(error) => return Some(Note::Error(format!("Gold layer not saved: {error}"))),
        };
        if let Err(error) = save_gold(&root, &curation.id, &gold) {
            return Some(Note::Error(format!("Gold layer not saved: {error}")));
        }
        curation.saved = true;
        let unsettled = match curation.adjudication.unsettled() {
            0 => String::new(),
            n => format!("; {n} unsettled disagreement(s) left out"),
        };
        Some(Note::Info(format!(
            "Saved the gold layer of {}: {} entities, {} quotations{unsettled}",
            curation.id,
            gold.entities().len(),
            gold.quotes().len()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::project::open::save_document;
    use crate::project::scan::ArticleId;
    use crate::project::settings::ProjectSettings;
    use crate::project::team::TeamSettings;

    #[test]
    fn a_new_annotator_name_moves_the_app_to_that_layer() {
        let dir = tempfile::tempdir().unwrap();
        let text = "“Siap 😀,” kata Ana.\r\nRudi pulang.\r\n";
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        let root = Layout::new(dir.path());
        let mut settings = ProjectSettings {
            annotator: Some("ana".into()),
            team: Some(TeamSettings::default()),
            ..Default::default()
        };
        settings.save(&root).unwrap();
        let id = ArticleId { path: "a.txt".into(), line: None };
        for who in ["ana", "budi"] {
            save_document(&root.for_annotator(who).unwrap(), &id, &Document::new(text.into(), None)).unwrap();
        }
        let analyzer = Arc::new(Analyzer::new());
        let mut review = ReviewController::default();
        let mut controller = ProjectController::new(&egui::Context::default());
        controller.open(dir.path(), &analyzer, &mut review);
        let layer = |c: &ProjectController| c.project.as_ref().map(|p| p.layout.clone());
        assert_eq!(layer(&controller), Some(root.for_annotator("ana").unwrap()));
        assert_eq!(controller.follow_layer(&analyzer, &mut review), None, "same name, same layer");
        settings.annotator = Some("budi".into());
        settings.save(&root).unwrap();
        controller.settings = settings;
        controller.follow_layer(&analyzer, &mut review);
        assert_eq!(layer(&controller), Some(root.for_annotator("budi").unwrap()));
        assert!(
            controller.project.as_ref().is_some_and(|p| p.read_only().is_none()),
            "the lock was let go and taken again"
        );
        let session = review.session().map(|s| s.annotation_path.clone());
        assert_eq!(session, Some(root.for_annotator("budi").unwrap().annotation_path(&id)));
    }
}
