//! What a search or statistics run reads, captured on the UI thread and
//! read on a background thread: the project's saved documents with the open
//! document as it is now (unsaved changes included), or only the open document.
//! Both read the files as they go, never holding the whole corpus.

use std::sync::atomic::AtomicBool;

use crate::model::Document;
use crate::project::layout::Layout;
use crate::project::scan::{ArticleEntry, ArticleId};
use crate::project::search_stream::{search_streaming, Found, Outcome, Query, Scope};
use crate::project::stats::{scope_stats, ProjectStats};

pub struct CorpusSource {
    pub project: Option<(Layout, Vec<ArticleEntry>)>,
    pub open: Option<(ArticleId, Document)>,
}

impl CorpusSource {
    /// Statistics of the documents, read a chunk at a time (see [`scope_stats`]).
    pub fn stats(&self, top: usize) -> ProjectStats {
        scope_stats(self.scope(), top)
    }

    /// How many documents a search goes through.
    pub fn document_count(&self) -> usize {
        self.scope().len()
    }

    /// Searches the documents for `query` without loading them all, handing
    /// the hits over as they are found (see [`search_streaming`]).
    pub fn search(&self, query: &Query, limit: usize, cancel: &AtomicBool, found: impl FnMut(Found)) -> Outcome {
        search_streaming(self.scope(), query, limit, cancel, found)
    }

    fn scope(&self) -> Scope<'_> {
        Scope {
            project: self.project.as_ref().map(|(layout, entries)| (layout, entries.as_slice())),
            open: self.open.as_ref().map(|(id, document)| (id, document)),
        }
    }
}
