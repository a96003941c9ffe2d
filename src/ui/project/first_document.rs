//! Which document a project opens on when the last session named none: the
//! first one not marked done. The first few files are probed at once, so a
//! fresh project opens ready in its first frame; the rest are probed on a
//! background thread, so a large, mostly done project shows its list at once
//! and its first unfinished document follows when it is found.

use super::{Job, ProjectAction, ProjectController};
use crate::project::layout::Layout;
use crate::project::scan::{ArticleEntry, ArticleId};
use crate::project::status::{first_unfinished, is_marked_done};
use crate::ui::review::ReviewController;

/// How many documents are probed on the UI thread before the search moves
/// to the background (a probe reads one annotation file's done mark).
const PROBED_AT_ONCE: usize = 8;

/// Where the search for the first unfinished document stands.
pub enum FirstDocument {
    Found(ArticleId),
    /// Every document is marked done.
    AllDone,
    /// Still being looked for, on a background thread.
    Later(Job<Option<ArticleId>>),
}

/// Starts looking for the first document of `entries` not marked done.
pub fn find_first_document(layout: &Layout, entries: &[ArticleEntry], ctx: &egui::Context) -> FirstDocument {
    let (now, later) = entries.split_at(entries.len().min(PROBED_AT_ONCE));
    if let Some(entry) = now.iter().find(|entry| !is_marked_done(layout, &entry.id)) {
        return FirstDocument::Found(entry.id.clone());
    }
    if later.is_empty() {
        return FirstDocument::AllDone;
    }
    let (layout, later) = (layout.clone(), later.to_vec());
    FirstDocument::Later(Job::spawn(ctx, move || first_unfinished(&layout, &later)))
}

impl ProjectController {
    /// The document found in the background, to open, if the annotator has
    /// not opened one meanwhile.
    pub fn first_document_found(&mut self, review: &ReviewController) -> Option<ProjectAction> {
        let found = self.first_document.as_ref()?.take()?;
        self.first_document = None;
        let project = self.project.as_ref()?;
        let idle = project.current.is_none() && review.session().is_none();
        found.filter(|_| idle).map(ProjectAction::OpenDocument)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::project::open::save_document;

    fn entry(path: &str) -> ArticleEntry {
        let id = ArticleId { path: path.into(), line: None };
        let kind = crate::project::scan::ArticleKind::Text;
        ArticleEntry { id, path: path.into(), kind, size: 0, byte_range: None }
    }

    fn save(layout: &Layout, entry: &ArticleEntry, done: bool) {
        let mut document = Document::new("“Siap 😀,” kata Ana.\r\nIa pulang.".to_owned(), None);
        if done {
            let mark = document.done_edit(true).unwrap().stamped(Some("ayu"), "2026-11-28T08:00:00Z");
            document.apply(&mark).unwrap();
        }
        save_document(layout, &entry.id, &document).unwrap();
    }

    fn wait(job: Job<Option<ArticleId>>) -> Option<ArticleId> {
        for _ in 0..3000 {
            if let Some(found) = job.take() {
                return found;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the search did not finish");
    }

    #[test]
    fn a_fresh_project_answers_at_once_and_a_mostly_done_one_in_the_background() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let ctx = egui::Context::default();
        let entries: Vec<ArticleEntry> = (0..30).map(|i| entry(&format!("berita-{i:02}.txt"))).collect();
        save(&layout, &entries[0], false);
        assert!(
            matches!(find_first_document(&layout, &entries, &ctx), FirstDocument::Found(id) if id == entries[0].id)
        );

        for done in &entries[..20] {
            save(&layout, done, true);
        }
        // The first unfinished one is far down the list: found off the UI thread.
        match find_first_document(&layout, &entries, &ctx) {
            FirstDocument::Later(job) => assert_eq!(wait(job), Some(entries[20].id.clone()), "no file: not done"),
            _ => panic!("expected a background search"),
        }
        for done in &entries[20..] {
            save(&layout, done, true);
        }
        std::fs::write(layout.annotation_path(&entries[25].id), "{ not json").unwrap();
        match find_first_document(&layout, &entries, &ctx) {
            FirstDocument::Later(job) => assert_eq!(wait(job), Some(entries[25].id.clone()), "unreadable: not done"),
            _ => panic!("expected a background search"),
        }
        save(&layout, &entries[25], true);
        match find_first_document(&layout, &entries, &ctx) {
            FirstDocument::Later(job) => assert_eq!(wait(job), None, "all done"),
            _ => panic!("expected a background search"),
        }
        assert!(matches!(find_first_document(&layout, &entries[..5], &ctx), FirstDocument::AllDone));
    }
}
