//! The project's reviewed documents as the learning worker reads them: every
//! annotation file that is done or in progress, re-read only when its file changed
//! (size or time). The open document is read as autosaved: nothing is cloned on
//! the UI thread for learning.

use std::collections::HashMap;
use std::path::Path;
use std::time::SystemTime;

use crate::model::Document;
use crate::project::layout::Layout;
use crate::project::scan::ArticleEntry;
use crate::project::status::DocStatus;
use crate::store::load_annotations;

/// The project's reviewed documents, re-read only when their file changed.
#[derive(Default)]
pub(super) struct ReviewedCache {
    files: HashMap<String, (Stamp, Option<Document>)>,
}

type Stamp = (Option<SystemTime>, u64);

impl ReviewedCache {
    /// Every reviewed document (done or in progress) by id, as saved; the files
    /// that could not be read, named (the others still teach).
    pub(super) fn load(&mut self, layout: &Layout, entries: &[ArticleEntry]) -> (Vec<(String, Document)>, Vec<String>) {
        let (mut docs, mut failures) = (Vec::new(), Vec::new());
        for entry in entries {
            let id = entry.id.to_string();
            match self.reviewed(&layout.annotation_path(&entry.id), &id) {
                Ok(Some(document)) => docs.push((id, document.clone())),
                Ok(None) => {}
                Err(error) => failures.push(format!("{id}: {error} (not learned from)")),
            }
        }
        (docs, failures)
    }

    fn reviewed(&mut self, path: &Path, id: &str) -> Result<Option<&Document>, String> {
        let Ok(meta) = std::fs::metadata(path) else {
            self.files.remove(id);
            return Ok(None);
        };
        let stamp = (meta.modified().ok(), meta.len());
        let fresh = self.files.get(id).is_some_and(|(seen, _)| seen.0.is_some() && *seen == stamp);
        if !fresh {
            let document = load_annotations(path).map_err(|e| e.to_string())?;
            let reviewed = (DocStatus::of(Some(&document)) != DocStatus::New).then_some(document);
            self.files.insert(id.to_owned(), (stamp, reviewed));
        }
        Ok(self.files.get(id).and_then(|(_, d)| d.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use crate::annotate::suggest_document;
    use crate::model::Status;
    use crate::project::open::save_document;
    use crate::project::scan::{scan, ArticleId};

    /// Curly quotes, an emoji and CRLF line ends.
    const TEXT: &str = "“Kami siap 😀,” kata Ranti Purnomo.\r\nBesok Ranti ke Sumedang.\r\n";

    #[test]
    fn the_cache_learns_from_reviewed_files_and_names_unreadable_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let layout = Layout::new(dir.path());
        for name in ["b.txt", "c.txt", "d.txt"] {
            std::fs::write(dir.path().join(name), TEXT).expect("article");
        }
        let reviewed = |name: &str, status: Status| {
            let doc = suggest_document(TEXT.to_owned(), Some(name.into()), &Analyzer::new());
            let entities = doc.entities().iter().map(|e| crate::model::Entity { status, ..e.clone() }).collect();
            let quotes = doc.quotes().to_vec();
            let doc = doc.with_spans(entities, quotes);
            save_document(&layout, &ArticleId { path: name.into(), line: None }, &doc).expect("saved");
        };
        reviewed("b.txt", Status::Accepted);
        reviewed("d.txt", Status::Suggested);
        let broken = layout.annotation_path(&ArticleId { path: "c.txt".into(), line: None });
        std::fs::write(&broken, b"{ not json").expect("write");
        let entries = scan(dir.path()).articles;
        let mut cache = ReviewedCache::default();
        let (docs, failures) = cache.load(&layout, &entries);
        assert_eq!(docs.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["b.txt"]);
        assert_eq!(failures.len(), 1);
        assert!(failures[0].starts_with("c.txt"), "{failures:?}");
    }
}
