//! Search across a project without loading it: each document is read from its
//! files when its turn comes (the saved text or annotations, else the article),
//! searched and dropped. One worker per core takes a chunk of documents at a
//! time (`stream::map_in_order`: a bounded window, output in input order), and
//! each chunk's hits are handed over in corpus order as soon as it and those
//! before it are done. Memory holds the documents being searched (one per
//! core), the hits of the chunks in flight and the hits kept (at most `limit`
//! each, with a short context), whatever the size of the corpus; a cancelled
//! search stops within one document per core.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::decode::decode_entry;
use super::layout::Layout;
use super::open::load_saved;
use super::scan::{ArticleEntry, ArticleId};
use super::search::{span_hits, text_hits, text_hits_in, Hit, Needle, SpanQuery};
use crate::model::Document;
use crate::store;
use crate::stream::map_in_order;

/// What to look for.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    /// Case-insensitive text in the articles.
    Text(String),
    /// Spans by label, text and status (only documents with saved annotations have any).
    Spans(SpanQuery),
}

/// Where to look: a project's articles, and the document open in the app as
/// it is now (it replaces its saved copy; searched first when it is not one of
/// the project's articles, or when there is no project).
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<'a> {
    pub project: Option<(&'a Layout, &'a [ArticleEntry])>,
    pub open: Option<(&'a ArticleId, &'a Document)>,
}

impl Scope<'_> {
    /// How many documents a search goes through.
    pub fn len(&self) -> usize {
        let entries = self.project.map_or(0, |(_, entries)| entries.len());
        entries + usize::from(self.open_alone())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The open document is not among the project's entries.
    pub fn open_alone(&self) -> bool {
        let Some((id, _)) = self.open else { return false };
        self.project.is_none_or(|(_, entries)| entries.iter().all(|e| &e.id != id))
    }
}

/// One step of a running search: the hits found since the last step (in
/// corpus order) and how far it has gone.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub searched: usize,
    pub total: usize,
}

/// How a search ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    pub hits: usize,
    pub searched: usize,
    pub total: usize,
    /// Documents whose files could not be read (the document list says why).
    pub unreadable: usize,
    /// It stopped at the limit: there may be more hits.
    pub limited: bool,
    pub cancelled: bool,
}

/// Searches `scope` for `query`, handing each chunk's hits to `found` as it
/// is done, until `limit` hits, the end, or `cancel`.
pub fn search_streaming(
    scope: Scope,
    query: &Query,
    limit: usize,
    cancel: &AtomicBool,
    mut found: impl FnMut(Found),
) -> Outcome {
    let total = scope.len();
    let mut outcome = Outcome { total, ..Outcome::default() };
    let searcher = match query {
        Query::Text(text) => match Needle::new(text) {
            Some(needle) => Searcher::Text(needle),
            None => return outcome, // an empty text would match everywhere
        },
        Query::Spans(query) => Searcher::Spans(query),
    };
    if limit == 0 {
        return outcome;
    }
    if let (true, Some((id, doc))) = (scope.open_alone(), scope.open) {
        let hits = searcher.hits_in(id, doc, limit);
        outcome.searched = 1;
        outcome.hits = hits.len();
        found(Found { hits, searched: 1, total });
    }
    let Some((layout, entries)) = scope.project else { return outcome };
    let kept = AtomicUsize::new(outcome.hits);
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut chunks = entries.chunks(CHUNK);
    let mut pending = Found { hits: Vec::new(), searched: outcome.searched, total };
    let mut quiet_chunks = 0;
    let run = map_in_order(
        || {
            Ok(if cancel.load(Ordering::Relaxed) || kept.load(Ordering::Relaxed) >= limit {
                None
            } else {
                chunks.next()
            })
        },
        threads,
        2 * threads,
        |chunk| {
            searcher.search_chunk(layout, scope.open, chunk, limit.saturating_sub(kept.load(Ordering::Relaxed)), cancel)
        },
        |done: ChunkHits| {
            let left = limit.saturating_sub(outcome.hits);
            let taken = done.hits.len().min(left);
            pending.hits.extend(done.hits.into_iter().take(left));
            outcome.hits += taken;
            kept.store(outcome.hits, Ordering::Relaxed);
            outcome.searched += done.searched;
            outcome.unreadable += done.unreadable;
            pending.searched = outcome.searched;
            quiet_chunks += 1;
            // Hits at once; progress alone every so many chunks.
            if !pending.hits.is_empty() || quiet_chunks >= QUIET_CHUNKS {
                quiet_chunks = 0;
                found(std::mem::replace(&mut pending, Found { hits: Vec::new(), searched: outcome.searched, total }));
            }
            Ok(())
        },
    );
    if quiet_chunks > 0 {
        found(pending);
    }
    outcome.limited = outcome.hits >= limit;
    // Only a panicked reading thread fails the run: it ends as if cancelled.
    outcome.cancelled = cancel.load(Ordering::Relaxed) || run.is_err();
    outcome
}

/// Documents one worker searches in a row before handing their hits over:
/// few enough that the first hits come at once, and that what the workers
/// hold before the writer keeps or drops it stays small (at most `limit`
/// hits per chunk, and two chunks per worker in flight).
const CHUNK: usize = 16;

/// Chunks without hits between two progress reports.
const QUIET_CHUNKS: usize = 32;

/// What one chunk of documents gave.
struct ChunkHits {
    hits: Vec<Hit>,
    /// Documents searched (fewer than the chunk when it reached its limit or was cancelled).
    searched: usize,
    unreadable: usize,
}

/// One query, applied to one document at a time.
enum Searcher<'a> {
    Text(Needle),
    Spans(&'a SpanQuery),
}

impl Searcher<'_> {
    /// The hits of one entry, read from its files; `None` when they cannot be
    /// read. A text search reads only the saved text (where there is a saved
    /// file, the hits are in its text), else the article; a span search reads
    /// the saved annotations, and nothing when there are none (no spans).
    fn search_files(&self, layout: &Layout, entry: &ArticleEntry, limit: usize) -> Option<Vec<Hit>> {
        match self {
            Searcher::Text(needle) => {
                // A missing or unusable saved file: the article's own text.
                let text = store::load_annotated_text(&layout.annotation_path(&entry.id))
                    .ok()
                    .or_else(|| decode_entry(entry).ok().map(|decoded| decoded.text))?;
                Some(text_hits_in(&entry.id, &text, needle, limit))
            }
            Searcher::Spans(query) => match load_saved(layout, &entry.id) {
                Ok(Some(doc)) => Some(span_hits(&entry.id, &doc, query, limit)),
                Ok(None) => Some(Vec::new()),
                Err(_) => None,
            },
        }
    }

    /// The hits of a chunk of entries, in order, at most `limit` of them; the
    /// open document is searched as it is in memory.
    fn search_chunk(
        &self,
        layout: &Layout,
        open: Option<(&ArticleId, &Document)>,
        chunk: &[ArticleEntry],
        limit: usize,
        cancel: &AtomicBool,
    ) -> ChunkHits {
        let mut done = ChunkHits { hits: Vec::new(), searched: 0, unreadable: 0 };
        for entry in chunk {
            let left = limit.saturating_sub(done.hits.len());
            if left == 0 || cancel.load(Ordering::Relaxed) {
                break;
            }
            let hits = match open {
                Some((id, doc)) if *id == entry.id => Some(self.hits_in(id, doc, left)),
                _ => self.search_files(layout, entry, left),
            };
            match hits {
                Some(hits) => done.hits.extend(hits),
                None => done.unreadable += 1,
            }
            done.searched += 1;
        }
        done
    }

    fn hits_in(&self, id: &ArticleId, doc: &Document, limit: usize) -> Vec<Hit> {
        match self {
            Searcher::Text(needle) => text_hits(id, doc, needle, limit),
            Searcher::Spans(query) => span_hits(id, doc, query, limit),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::open::save_document;
    use crate::project::scan::scan;
    use crate::project::search::{load_corpus, search_spans, search_text};

    const TEXT: &str = "“Kami siap 😀,” kata Ana di Bandung.\r\nWarga BANDUNG menunggu.\r\n";

    /// A project of `n` articles; every third has saved annotations (an entity
    /// on `Bandung`), one article is binary and one saved file is broken.
    fn project(n: usize) -> (tempfile::TempDir, Layout, Vec<ArticleEntry>) {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..n {
            std::fs::write(dir.path().join(format!("a{i:04}.txt")), format!("{i}: {TEXT}")).unwrap();
        }
        std::fs::write(dir.path().join("zz-image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
        let layout = Layout::new(dir.path());
        let entries = scan(dir.path()).articles;
        for entry in entries.iter().step_by(3).filter(|e| e.id.path.starts_with('a')) {
            let text = std::fs::read_to_string(dir.path().join(&entry.id.path)).unwrap();
            let mut doc = Document::new(text.clone(), None);
            let at = text[..text.find("Bandung").unwrap()].chars().count();
            doc.apply(&doc.add_entity_edit(at, at + 7, "LOC").unwrap()).unwrap();
            save_document(&layout, &entry.id, &doc).unwrap();
        }
        std::fs::write(layout.annotation_path(&entries[3].id), "{ broken").unwrap();
        (dir, layout, entries)
    }

    fn streamed(scope: Scope, query: &Query, limit: usize) -> (Vec<Hit>, Vec<usize>, Outcome) {
        let (mut hits, mut steps) = (Vec::new(), Vec::new());
        let outcome = search_streaming(scope, query, limit, &AtomicBool::new(false), |f| {
            steps.push(f.searched);
            hits.extend(f.hits);
        });
        (hits, steps, outcome)
    }

    #[test]
    fn streamed_hits_are_those_of_the_loaded_corpus_in_the_same_order() {
        let (_dir, layout, entries) = project(150);
        let corpus = load_corpus(&layout, &entries);
        let scope = Scope { project: Some((&layout, &entries)), open: None };
        for needle in ["bandung", "😀,” k", "\r\nwarga", "nowhere at all"] {
            let (hits, steps, outcome) = streamed(scope, &Query::Text(needle.into()), 10_000);
            assert_eq!(hits, search_text(&corpus, needle, 10_000), "{needle:?}");
            assert!(steps.windows(2).all(|w| w[0] < w[1]), "{steps:?}");
            assert!(hits.is_empty() || steps.len() > 1, "hits come in steps: {steps:?}");
            assert_eq!((outcome.searched, outcome.total, outcome.hits), (151, 151, hits.len()));
            assert_eq!(outcome.unreadable, 1, "the binary article");
            assert!(!outcome.limited && !outcome.cancelled);
        }
        let query = SpanQuery { label: Some("LOC".into()), text: "bandung".into(), ..SpanQuery::default() };
        let (hits, _, outcome) = streamed(scope, &Query::Spans(query.clone()), 10_000);
        assert_eq!(hits, search_spans(&corpus, &query));
        assert_eq!(hits.len(), 49, "every third article but the broken file");
        assert_eq!(hits[0].context, "0: “Kami siap 😀,” kata Ana di Bandung.");
        assert_eq!(outcome.unreadable, 1, "the broken saved file; the binary article is not read");
    }

    #[test]
    fn the_limit_keeps_the_first_hits_in_corpus_order() {
        let (_dir, layout, entries) = project(400);
        let corpus = load_corpus(&layout, &entries);
        let scope = Scope { project: Some((&layout, &entries)), open: None };
        let (hits, _, outcome) = streamed(scope, &Query::Text("bandung".into()), 7);
        assert_eq!(hits, search_text(&corpus, "bandung", 7));
        assert!(outcome.limited && outcome.hits == 7);
        assert!(outcome.searched < outcome.total, "it stops at the limit: {outcome:?}");
    }

    #[test]
    fn the_open_document_is_searched_as_it_is_now() {
        let (_dir, layout, entries) = project(20);
        let mut open = Document::new(format!("2: {TEXT}"), None);
        open.apply(&open.add_entity_edit(3, 7, "PERSON").unwrap()).unwrap();
        let scope = Scope { project: Some((&layout, &entries)), open: Some((&entries[2].id, &open)) };
        let query = Query::Spans(SpanQuery { label: Some("PERSON".into()), ..SpanQuery::default() });
        let (hits, _, _) = streamed(scope, &query, 100);
        assert_eq!(hits.iter().map(|h| (&h.article, h.start)).collect::<Vec<_>>(), [(&entries[2].id, 3)]);

        let elsewhere = ArticleId { path: "/tmp/single.txt".into(), line: None };
        let alone = Scope { project: None, open: Some((&elsewhere, &open)) };
        let (hits, _, outcome) = streamed(alone, &Query::Text("warga".into()), 100);
        assert_eq!((hits.len(), outcome.total), (1, 1));
        assert_eq!(hits[0].context, "Warga BANDUNG menunggu.");
    }

    #[test]
    fn a_cancelled_search_stops_and_an_empty_text_finds_nothing() {
        let (_dir, layout, entries) = project(30);
        let scope = Scope { project: Some((&layout, &entries)), open: None };
        let cancel = AtomicBool::new(true);
        let mut steps = 0;
        let outcome = search_streaming(scope, &Query::Text("bandung".into()), 100, &cancel, |_| steps += 1);
        assert!(outcome.cancelled && outcome.hits == 0 && steps == 0);
        let (hits, steps, outcome) = streamed(scope, &Query::Text(String::new()), 100);
        assert!(hits.is_empty() && steps.is_empty() && outcome.searched == 0);
    }
}
