//! The saved annotation JSON: the document (text included) with a format tag,
//! stored beside the article as `<article file name>.sorot.json`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{write_atomically, write_new_atomically};
use crate::model::{Document, DocumentError};

const FORMAT: &str = "sorot";
const VERSION: u32 = 1;
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";
/// Files ending so are annotations, never articles; that is what keeps the
/// name from colliding with an article.
pub const ANNOTATION_SUFFIX: &str = ".sorot.json";

/// The fields a saved file has besides the document's, read on their own
/// (a `flatten` would buffer the whole document and report every error at its
/// last line).
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

#[derive(Serialize)]
struct SavedDocument<D> {
    format: String,
    version: u32,
    // Files written before 0.2 also carry a `text_hash`; it is ignored: the
    // saved `text` itself is compared with the article when it is opened.
    #[serde(flatten)]
    document: D,
}

#[derive(Debug, thiserror::Error)]
pub enum AnnotationFileError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{path} is not valid Sorot annotation JSON: {source}")]
    Malformed { path: PathBuf, source: serde_json::Error },
    #[error("{path} is a {format:?} v{version} file; this Sorot reads {FORMAT:?} v{VERSION}")]
    WrongFormat { path: PathBuf, format: String, version: u32 },
    #[error("{path} does not fit its text: {}", crate::store::bounded_message(&source.to_string()))]
    Inconsistent { path: PathBuf, source: DocumentError },
    #[error(transparent)]
    NotAFile(#[from] crate::store::ArticleError),
    #[error("{path} does not fit its text: {message}")]
    Reversed { path: PathBuf, message: String },
    #[error("refusing to write annotations over {0}: it is not an annotation file")]
    WouldOverwriteArticle(PathBuf),
}

/// The first span of `doc` whose end comes before its start, described: such
/// a span is reported as reversed rather than as out of range.
pub fn reversed_span(doc: &Document) -> Option<String> {
    let entities = doc.entities().iter().map(|e| (e.id.as_str(), e.start, e.end));
    let quotes = doc.quotes().iter().map(|q| (q.id.as_str(), q.start, q.end));
    let cues = doc.quotes().iter().filter_map(|q| q.cue.as_ref().map(|c| (q.id.as_str(), c.start, c.end)));
    let (id, start, end) = entities.chain(quotes).chain(cues).find(|(_, start, end)| start > end)?;
    Some(format!("{id}: reversed span {start}..{end}: its end comes before its start"))
}

/// Where the annotations of `article` are saved.
pub fn annotation_path_for(article: &Path) -> PathBuf {
    let mut name = article.file_name().unwrap_or_default().to_os_string();
    name.push(ANNOTATION_SUFFIX);
    article.with_file_name(name)
}

/// Saves `doc` as annotation JSON at `path`, atomically and durably (an
/// annotator's work: flushed to disk before it replaces the old file).
pub fn save_annotations(doc: &Document, path: &Path) -> Result<(), AnnotationFileError> {
    let json = annotation_json(doc, path)?;
    write_atomically(path, &json).map_err(|source| AnnotationFileError::Write { path: path.to_owned(), source })
}

/// Saves `doc` at `path` only if no annotation file is there yet, checked and
/// written in one step: suggestions computed in the background never replace
/// what an annotator saved meanwhile. `Ok(false)` when a file was there.
pub fn save_new_annotations(doc: &Document, path: &Path) -> Result<bool, AnnotationFileError> {
    let json = annotation_json(doc, path)?;
    write_new_atomically(path, &json).map_err(|source| AnnotationFileError::Write { path: path.to_owned(), source })
}

/// The annotation JSON of `doc` for `path`, refused if `path` could be an article.
pub(super) fn annotation_json(doc: &Document, path: &Path) -> Result<Vec<u8>, AnnotationFileError> {
    check_annotation_path(doc, path)?;
    let mut json = Vec::new();
    write_annotation_json(doc, &mut json)
        .map_err(|source| AnnotationFileError::Malformed { path: path.to_owned(), source })?;
    Ok(json)
}

/// Refuses `path` for `doc`'s annotations if it could be an article.
pub(super) fn check_annotation_path(doc: &Document, path: &Path) -> Result<(), AnnotationFileError> {
    let is_annotation_name = path.to_str().is_some_and(|p| p.ends_with(ANNOTATION_SUFFIX) || p.ends_with(".json"));
    if !is_annotation_name || doc.source.as_deref() == Some(path) {
        return Err(AnnotationFileError::WouldOverwriteArticle(path.to_owned()));
    }
    Ok(())
}

/// Writes the annotation JSON of `doc` to `out` as it is serialised (a long
/// document's JSON is many times its text), ending in a line break.
pub(super) fn write_annotation_json(doc: &Document, mut out: impl std::io::Write) -> Result<(), serde_json::Error> {
    let saved = SavedDocument { format: FORMAT.to_owned(), version: VERSION, document: doc };
    serde_json::to_writer_pretty(&mut out, &saved)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// What a saved file says about being done, and nothing else: the parser
/// skips the rest of the document instead of building and checking it.
#[derive(Deserialize)]
struct DoneProbe {
    format: String,
    version: u32,
    #[serde(default)]
    done: Option<serde::de::IgnoredAny>,
}

/// Whether the annotation file at `path` carries a done mark, read as a
/// probe (a fraction of a full load) for finding where a project's work
/// stands. A missing, unreadable or malformed file is not done (opening it
/// says why); a file marked done whose spans do not fit its text counts as
/// done here, and a full load reports the problem.
pub fn is_marked_done(path: &Path) -> bool {
    if crate::store::regular_file_size(path).is_err() {
        return false;
    }
    let Ok(bytes) = std::fs::read(path) else { return false };
    let json = bytes.strip_prefix(UTF8_BOM).unwrap_or(&bytes);
    match serde_json::from_slice::<DoneProbe>(json) {
        Ok(probe) => probe.format == FORMAT && probe.version == VERSION && probe.done.is_some(),
        Err(_) => false,
    }
}

/// Loads annotation JSON and checks every span against the saved text.
pub fn load_annotations(path: &Path) -> Result<Document, AnnotationFileError> {
    let bytes = annotation_bytes(path)?;
    let json = without_bom(&bytes);
    let malformed = |source| AnnotationFileError::Malformed { path: path.to_owned(), source };
    let header: Header = serde_json::from_slice(json).map_err(malformed)?;
    check_format(path, header.format, header.version)?;
    let document: Document = serde_json::from_slice(json).map_err(malformed)?;
    if let Some(reversed) = reversed_span(&document) {
        return Err(AnnotationFileError::Reversed { path: path.to_owned(), message: reversed });
    }
    let document =
        document.validated().map_err(|source| AnnotationFileError::Inconsistent { path: path.to_owned(), source })?;
    Ok(document)
}

/// Only the saved text of an annotation file, its format checked as
/// [`load_annotations`] checks it; the spans are skipped unread and
/// unchecked (a text search across a project needs no more, at a fraction of
/// the cost).
pub fn load_annotated_text(path: &Path) -> Result<String, AnnotationFileError> {
    #[derive(Deserialize)]
    struct SavedText {
        format: String,
        version: u32,
        text: String,
    }
    let bytes = annotation_bytes(path)?;
    let saved: SavedText = serde_json::from_slice(without_bom(&bytes))
        .map_err(|source| AnnotationFileError::Malformed { path: path.to_owned(), source })?;
    check_format(path, saved.format, saved.version)?;
    Ok(saved.text)
}

/// An annotation file's bytes: a regular file, not binary.
fn annotation_bytes(path: &Path) -> Result<Vec<u8>, AnnotationFileError> {
    crate::store::regular_file_size(path)?;
    let bytes = std::fs::read(path).map_err(|source| AnnotationFileError::Read { path: path.to_owned(), source })?;
    crate::store::refuse_binary(path, &bytes)?;
    Ok(bytes)
}

/// A BOM is no part of JSON, but editors on Windows add one: skip it.
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)
}

fn check_format(path: &Path, format: String, version: u32) -> Result<(), AnnotationFileError> {
    if format != FORMAT || version != VERSION {
        return Err(AnnotationFileError::WrongFormat { path: path.to_owned(), format, version });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{QuoteKind, SpanRef, Status};

    fn annotated() -> Document {
        let text = "“Kami siap 😀,” kata Ana.\r\nAna tinggal di Jakarta.";
        let mut doc = Document::new(text.into(), Some(PathBuf::from("a.txt")));
        doc.apply(&doc.add_entity_edit(20, 23, "PERSON").unwrap()).unwrap();
        doc.apply(&doc.add_entity_edit(41, 48, "LOC").unwrap()).unwrap();
        doc.apply(&doc.add_quote_edit(0, 14, QuoteKind::Direct).unwrap()).unwrap();
        doc.apply(&doc.speaker_edit("q1", Some("e1")).unwrap()).unwrap();
        doc.apply(&doc.cue_edit("q1", Some((15, 19))).unwrap()).unwrap();
        doc.apply(&doc.reject_edit(&SpanRef::Entity("e2".into())).unwrap()).unwrap();
        doc
    }

    #[test]
    fn annotation_name_is_beside_the_article_and_not_an_article() {
        assert_eq!(annotation_path_for(Path::new("/d/berita.txt")), PathBuf::from("/d/berita.txt.sorot.json"));
    }

    #[test]
    fn save_then_load_gives_the_same_document() {
        let doc = annotated();
        assert_eq!(doc.entity("e1").unwrap().text, "Ana");
        assert_eq!(doc.entity("e2").unwrap().text, "Jakarta");
        assert_eq!(doc.quote("q1").unwrap().text, "“Kami siap 😀,”");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt.sorot.json");
        save_annotations(&doc, &path).unwrap();
        let loaded = load_annotations(&path).unwrap();
        assert_eq!(loaded, doc);
        assert_eq!(loaded.entity("e2").unwrap().status, Status::Rejected);
        let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(raw["text"], doc.text.as_str(), "CRLF kept in the saved text");
        assert_eq!(raw["quotes"][0]["speaker"], "e1");
        assert_eq!(raw["quotes"][0]["cue"]["text"], "kata");
        assert_eq!(raw["entities"][1]["status"], "rejected");
    }

    #[test]
    fn malformed_and_inconsistent_files_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.sorot.json");
        std::fs::write(&path, "{\"format\": \"sorot\", ").unwrap();
        assert!(matches!(load_annotations(&path), Err(AnnotationFileError::Malformed { .. })));

        save_annotations(&annotated(), &path).unwrap();
        let edited = std::fs::read_to_string(&path).unwrap().replace("\"start\": 20", "\"start\": 21");
        std::fs::write(&path, edited).unwrap();
        let error = load_annotations(&path).unwrap_err();
        assert!(matches!(error, AnnotationFileError::Inconsistent { .. }), "{error}");
    }

    #[test]
    fn errors_name_their_true_line_and_stay_short_and_a_bom_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.sorot.json");
        save_annotations(&annotated(), &path).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        let bad_line = 1 + saved.lines().position(|l| l.contains("\"rejected\"")).unwrap();
        std::fs::write(&path, saved.replace("\"rejected\"", "\"refused\"")).unwrap();
        let error = load_annotations(&path).unwrap_err().to_string();
        assert!(error.contains(&format!("line {bad_line}")), "{bad_line}: {error}");
        assert!(bad_line < saved.lines().count() - 5, "not the last line");

        let with_bom = [b"\xef\xbb\xbf".as_slice(), saved.as_bytes()].concat();
        std::fs::write(&path, with_bom).unwrap();
        assert_eq!(load_annotations(&path).unwrap(), annotated());

        let mut doc = Document::new(format!("“{}” 😀\r\n", "panjang ".repeat(100_000)), None);
        let end = doc.char_len() - 2;
        doc.apply(&doc.add_quote_edit(0, end, QuoteKind::Direct).unwrap()).unwrap();
        save_annotations(&doc, &path).unwrap();
        let edited = std::fs::read_to_string(&path).unwrap().replacen("“panjang", "“Panjang", 1);
        std::fs::write(&path, edited.replacen("“panjang", "“pAnjang", 1)).unwrap();
        let error = load_annotations(&path).unwrap_err().to_string();
        assert!(error.len() < 1000, "{} bytes", error.len());
    }

    #[test]
    fn never_writes_over_the_article() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "teks").unwrap();
        let mut doc = annotated();
        doc.source = Some(article.clone());
        assert!(matches!(save_annotations(&doc, &article), Err(AnnotationFileError::WouldOverwriteArticle(_))));
        assert_eq!(std::fs::read_to_string(&article).unwrap(), "teks");
    }

    #[test]
    fn the_saved_text_alone_is_read_with_the_same_format_checks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.sorot.json");
        save_annotations(&annotated(), &path).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, [b"\xef\xbb\xbf".as_slice(), saved.as_bytes()].concat()).unwrap();
        assert_eq!(load_annotated_text(&path).unwrap(), annotated().text, "curly quotes, emoji, CRLF, a BOM");
        std::fs::write(&path, saved.replace("\"version\": 1", "\"version\": 9")).unwrap();
        assert!(matches!(load_annotated_text(&path), Err(AnnotationFileError::WrongFormat { version: 9, .. })));
        std::fs::write(&path, "{\"format\": \"sorot\", ").unwrap();
        assert!(matches!(load_annotated_text(&path), Err(AnnotationFileError::Malformed { .. })));
    }
}
