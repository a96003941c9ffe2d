//! A team project's layers on disk: who annotates, every layer's documents
//! read for agreement, one document's versions for adjudication, the gold
//! layer, and imported documents placed into an annotator's layer.
//!
//! Nothing is skipped silently: a file that cannot be read is a problem in the
//! answer, with its path and reason.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;

use super::decode::decode_entry;
use super::layout::{check_annotator_name, Layout};
use super::open::{load_saved, save_document};
use super::scan::{ArticleEntry, ArticleId};
use crate::adjudication::{Adjudication, AdjudicationError};
use crate::agreement::{AgreementError, AlignedDocument, Corpus, Layer, SpanFilter};
use crate::model::anchor::reanchor;
use crate::model::Document;
use crate::store::AnnotationFileError;

#[derive(Debug, thiserror::Error)]
pub enum LayersError {
    #[error("cannot list {path}: {source}")]
    List { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Agreement(#[from] AgreementError),
    #[error(transparent)]
    Adjudication(#[from] AdjudicationError),
    #[error(transparent)]
    File(#[from] AnnotationFileError),
    #[error("{article}: {reason}")]
    Article { article: String, reason: String },
    #[error("no article of the project matches {document} (by file name or text)")]
    NoMatchingArticle { document: String },
}

/// The annotators who have a layer: the folders of `.sorot/annotations/`, sorted.
/// (Meaningful in a team project; a pre-team project keeps article folders there.)
pub fn annotators(layout: &Layout) -> Result<Vec<String>, LayersError> {
    let dir = layout.layers_dir();
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(LayersError::List { path: dir, source }),
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| check_annotator_name(name).is_ok())
        .collect();
    names.sort();
    Ok(names)
}

/// Every layer's saved documents, keyed by article id, with the articles' texts
/// as they are now (what the layers are compared on).
#[derive(Debug, Default)]
pub struct LoadedLayers {
    pub layers: Vec<Layer>,
    pub texts: BTreeMap<String, String>,
    /// Files that could not be read, each with its reason.
    pub problems: Vec<String>,
}

/// Reads the layers of `annotators` for `entries` (all cores).
pub fn load_layers(layout: &Layout, entries: &[ArticleEntry], annotators: &[String]) -> LoadedLayers {
    let mut loaded = LoadedLayers::default();
    for annotator in annotators {
        let layer_layout = match layout.for_annotator(annotator) {
            Ok(l) => l,
            Err(error) => {
                loaded.problems.push(error.to_string());
                continue;
            }
        };
        let read: Vec<(String, Result<Option<Document>, AnnotationFileError>)> =
            entries.par_iter().map(|e| (e.id.to_string(), load_saved(&layer_layout, &e.id))).collect();
        let mut layer = Layer { annotator: annotator.clone(), documents: BTreeMap::new() };
        for (key, result) in read {
            match result {
                Ok(Some(doc)) => {
                    layer.documents.insert(key, doc);
                }
                Ok(None) => {}
                Err(error) => loaded.problems.push(format!("{annotator}: {error}")),
            }
        }
        loaded.layers.push(layer);
    }
    let wanted: Vec<&ArticleEntry> = entries
        .iter()
        .filter(|e| loaded.layers.iter().filter(|l| l.documents.contains_key(&e.id.to_string())).count() > 1)
        .collect();
    let texts: Vec<(String, Result<String, String>)> = wanted
        .par_iter()
        .map(|e| (e.id.to_string(), decode_entry(e).map(|d| d.text).map_err(|error| error.to_string())))
        .collect();
    for (key, text) in texts {
        match text {
            Ok(text) => {
                loaded.texts.insert(key, text);
            }
            Err(reason) => loaded.problems.push(format!("{key}: {reason}; compared on the first layer's text")),
        }
    }
    loaded
}

/// One document ready for curation: its versions placed on the article as it
/// is now, and what could not be placed.
#[derive(Debug)]
pub struct OpenedAdjudication {
    pub adjudication: Adjudication,
    /// The versions as aligned (unanchored spans, left-out ranges).
    pub aligned: AlignedDocument,
}

/// Opens `entry` for adjudication between `annotators` (those without a version are left out).
pub fn open_adjudication(
    layout: &Layout,
    entry: &ArticleEntry,
    annotators: &[String],
    filter: SpanFilter,
) -> Result<OpenedAdjudication, LayersError> {
    let loaded = load_layers(layout, std::slice::from_ref(entry), annotators);
    if let Some(problem) = loaded.problems.into_iter().next() {
        return Err(LayersError::Article { article: entry.id.to_string(), reason: problem });
    }
    let names: Vec<String> = loaded.layers.iter().map(|l| l.annotator.clone()).collect();
    let corpus = Corpus::align(loaded.layers, &loaded.texts)?;
    let aligned = corpus.documents.into_iter().next().ok_or_else(|| LayersError::Article {
        article: entry.id.to_string(),
        reason: "fewer than two annotators have annotated it".to_owned(),
    })?;
    let versions = aligned.versions.iter().map(|(i, doc)| (names[*i].clone(), doc.clone())).collect();
    let adjudication = Adjudication::new(versions, filter)?;
    Ok(OpenedAdjudication { adjudication, aligned })
}

/// The gold version of `id`, if adjudicated.
pub fn load_gold(layout: &Layout, id: &ArticleId) -> Result<Option<Document>, AnnotationFileError> {
    load_saved(&layout.gold(), id)
}

/// Saves the gold version of `id` atomically (`.sorot/gold/<article path>.json`).
pub fn save_gold(layout: &Layout, id: &ArticleId, gold: &Document) -> Result<(), AnnotationFileError> {
    save_document(&layout.gold(), id, gold)
}

/// The documents an export of a team project uses: each article's gold version
/// where it has one, else `fallback`'s layer (an annotator), in entry order.
pub fn gold_or_layer(
    layout: &Layout,
    entries: &[ArticleEntry],
    fallback: Option<&str>,
) -> Result<Vec<(ArticleId, Document)>, LayersError> {
    let fallback = fallback
        .map(|name| layout.for_annotator(name))
        .transpose()
        .map_err(|e| LayersError::Article { article: String::new(), reason: e.to_string() })?;
    let mut out = Vec::new();
    for entry in entries {
        let doc = match load_gold(layout, &entry.id)? {
            Some(doc) => Some(doc),
            None => fallback.as_ref().map(|l| load_saved(l, &entry.id)).transpose()?.flatten(),
        };
        out.extend(doc.map(|d| (entry.id.clone(), d)));
    }
    Ok(out)
}

/// An imported document placed on a project article.
#[derive(Debug)]
pub struct Placed {
    pub id: ArticleId,
    pub document: Document,
    /// What re-anchoring onto the article's text did, if its text differed.
    pub warning: Option<String>,
}

/// Places imported `docs` on `entries`: by the article's file name (the
/// imported document's source file name or stem equal to one article's), else
/// by identical text; a document whose text differs is re-anchored onto the
/// article. All or nothing: one document without an article is an error.
pub fn place_imported(entries: &[ArticleEntry], docs: Vec<Document>) -> Result<Vec<Placed>, LayersError> {
    let mut by_name: HashMap<String, Vec<&ArticleEntry>> = HashMap::new();
    for entry in entries {
        if let Some(name) = entry.path.file_name().map(|n| n.to_string_lossy().into_owned()) {
            by_name.entry(stem(&name).to_owned()).or_default().push(entry);
            by_name.entry(name).or_default().push(entry);
        }
    }
    // A name two articles share says nothing: those go by text.
    let unique = |name: &str| match by_name.get(name).map(Vec::as_slice) {
        Some([entry]) => Some(*entry),
        _ => None,
    };
    let mut texts: Option<HashMap<String, &ArticleEntry>> = None;
    let mut decoded: HashMap<ArticleId, String> = HashMap::new();
    let mut placed = Vec::with_capacity(docs.len());
    for doc in docs {
        let name = doc.source.as_deref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
        let mut entry = name.as_deref().and_then(|n| unique(n).or_else(|| unique(stem(n))));
        if entry.is_none() {
            let index = texts.get_or_insert_with(|| texts_of(entries, &mut decoded));
            entry = index.get(doc.text.as_str()).copied();
        }
        let entry = entry.ok_or_else(|| LayersError::NoMatchingArticle {
            document: name.clone().unwrap_or_else(|| doc.title.clone()),
        })?;
        let text = match decoded.get(&entry.id) {
            Some(text) => text.clone(),
            None => {
                decode_entry(entry)
                    .map_err(|e| LayersError::Article { article: entry.id.to_string(), reason: e.to_string() })?
                    .text
            }
        };
        let changed = doc.text != text;
        let (document, report) = reanchor(doc, text)
            .map_err(|e| LayersError::Article { article: entry.id.to_string(), reason: e.to_string() })?;
        let warning = changed.then(|| report.summary(&entry.id.to_string()));
        placed.push(Placed { id: entry.id.clone(), document, warning });
    }
    Ok(placed)
}

/// Every readable article's text, for placing documents by text.
fn texts_of<'e>(
    entries: &'e [ArticleEntry],
    decoded: &mut HashMap<ArticleId, String>,
) -> HashMap<String, &'e ArticleEntry> {
    let read: Vec<(&ArticleEntry, Option<String>)> =
        entries.par_iter().map(|e| (e, decode_entry(e).ok().map(|d| d.text))).collect();
    let mut index = HashMap::new();
    for (entry, text) in read {
        if let Some(text) = text {
            decoded.insert(entry.id.clone(), text.clone());
            index.entry(text).or_insert(entry);
        }
    }
    index
}

/// `berita.txt.sorot.json` → `berita.txt` → `berita`: the name without its extensions.
fn stem(name: &str) -> &str {
    let name = name.strip_suffix(".sorot.json").or_else(|| name.strip_suffix(".json")).unwrap_or(name);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::scan::scan;

    const ARTICLE: &str = "“Siap 😀,” kata Ana.\r\nBudi di Bandung.\r\n";

    fn imported(text: &str, source: Option<&str>) -> Document {
        let mut doc = Document::new(text.into(), source.map(PathBuf::from));
        let start = text[..text.find("Bandung").unwrap()].chars().count();
        doc.apply(&doc.add_entity_edit(start, start + 7, "LOC").unwrap()).unwrap();
        doc
    }

    #[test]
    fn imported_documents_find_their_article_by_name_or_text() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("news")).unwrap();
        std::fs::write(dir.path().join("news/a.txt"), ARTICLE).unwrap();
        std::fs::write(dir.path().join("news/b.txt"), "Lain sama sekali.").unwrap();
        let entries = scan(dir.path()).articles;
        // By name, with a text that lost its first line on the way: re-anchored, told.
        let shorter = ARTICLE.split_once('\n').unwrap().1;
        let placed = place_imported(&entries, vec![imported(shorter, Some("/elsewhere/a.txt"))]).unwrap();
        assert_eq!(placed[0].id.path, "news/a.txt");
        assert_eq!(placed[0].document.text, ARTICLE);
        let e = &placed[0].document.entities()[0];
        assert_eq!(placed[0].document.slice(e.start, e.end), Some("Bandung"));
        assert!(placed[0].warning.as_deref().is_some_and(|w| w.contains("news/a.txt")));
        // By text, when the name says nothing.
        let placed = place_imported(&entries, vec![imported(ARTICLE, None)]).unwrap();
        assert_eq!((placed[0].id.path.as_str(), placed[0].warning.is_none()), ("news/a.txt", true));
        // Neither: refused, all or nothing.
        let error = place_imported(&entries, vec![imported(ARTICLE, None), imported("Bandung lagi.", Some("zz.txt"))]);
        assert!(matches!(error, Err(LayersError::NoMatchingArticle { document }) if document == "zz.txt"));
    }

    #[test]
    fn layers_are_listed_and_read_with_problems_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
        let layout = Layout::new(dir.path());
        assert!(annotators(&layout).unwrap().is_empty());
        let id = ArticleId { path: "a.txt".into(), line: None };
        for name in ["dewi", "rudi"] {
            save_document(&layout.for_annotator(name).unwrap(), &id, &imported(ARTICLE, None)).unwrap();
        }
        std::fs::create_dir_all(layout.layers_dir().join(".hidden")).unwrap();
        let names = annotators(&layout).unwrap();
        assert_eq!(names, ["dewi", "rudi"]);
        let entries = scan(dir.path()).articles;
        let loaded = load_layers(&layout, &entries, &names);
        assert_eq!(loaded.layers.len(), 2);
        assert_eq!(loaded.texts.get("a.txt").map(String::as_str), Some(ARTICLE));
        assert!(loaded.problems.is_empty());
        std::fs::write(layout.for_annotator("rudi").unwrap().annotation_path(&id), "[1, 2").unwrap();
        let loaded = load_layers(&layout, &entries, &names);
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].starts_with("rudi: "), "{:?}", loaded.problems);
    }
}
