//! What a search or statistics run reads, captured on the UI thread and
//! loaded on a background thread: the project's saved documents with the open
//! document as it is now (unsaved changes included), or only the open document.

use crate::model::Document;
use crate::project::layout::Layout;
use crate::project::scan::{ArticleEntry, ArticleId};
use crate::project::search::{load_corpus, Corpus};

pub struct CorpusSource {
    pub project: Option<(Layout, Vec<ArticleEntry>)>,
    pub open: Option<(ArticleId, Document)>,
}

impl CorpusSource {
    /// Reads every document (on all cores); the open one replaces its saved copy.
    pub fn load(self) -> Corpus {
        let mut corpus = self.project.map(|(layout, entries)| load_corpus(&layout, &entries)).unwrap_or_default();
        if let Some((id, document)) = self.open {
            match corpus.iter_mut().find(|(c, _)| c == &id) {
                Some(slot) => slot.1 = document,
                None => corpus.push((id, document)),
            }
        }
        corpus
    }
}
