//! The saved annotation JSON: the document (text included) with a format tag,
//! stored beside the article as `<article file name>.sorot.json`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::write_atomically;
use crate::model::{Document, DocumentError};

const FORMAT: &str = "sorot";
const VERSION: u32 = 1;
/// Files ending so are annotations, never articles; that is what keeps the
/// name from colliding with an article.
pub const ANNOTATION_SUFFIX: &str = ".sorot.json";

#[derive(Serialize, Deserialize)]
struct SavedDocument<D> {
    format: String,
    version: u32,
    /// [`text_hash`] of `text`, so a changed article is noticed cheaply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text_hash: Option<String>,
    #[serde(flatten)]
    document: D,
}

/// A 64-bit FNV-1a hash of `text`'s UTF-8 bytes, as `fnv1a64:<16 hex digits>`:
/// enough to notice an edited article, not meant to resist tampering.
pub fn text_hash(text: &str) -> String {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let hash = text.bytes().fold(OFFSET_BASIS, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME));
    format!("fnv1a64:{hash:016x}")
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
    #[error("{path} does not fit its text: {source}")]
    Inconsistent { path: PathBuf, source: DocumentError },
    #[error("refusing to write annotations over {0}: it is not an annotation file")]
    WouldOverwriteArticle(PathBuf),
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

/// The annotation JSON of `doc` for `path`, refused if `path` could be an article.
pub(super) fn annotation_json(doc: &Document, path: &Path) -> Result<Vec<u8>, AnnotationFileError> {
    let is_annotation_name = path.to_str().is_some_and(|p| p.ends_with(ANNOTATION_SUFFIX) || p.ends_with(".json"));
    if !is_annotation_name || doc.source.as_deref() == Some(path) {
        return Err(AnnotationFileError::WouldOverwriteArticle(path.to_owned()));
    }
    let saved = SavedDocument {
        format: FORMAT.to_owned(),
        version: VERSION,
        text_hash: Some(text_hash(&doc.text)),
        document: doc,
    };
    let mut json = serde_json::to_vec_pretty(&saved)
        .map_err(|source| AnnotationFileError::Malformed { path: path.to_owned(), source })?;
    json.push(b'\n');
    Ok(json)
}

/// Loads annotation JSON and checks every span against the saved text.
pub fn load_annotations(path: &Path) -> Result<Document, AnnotationFileError> {
    load_annotations_with_hash(path).map(|(document, _)| document)
}

/// [`load_annotations`], with the text hash recorded in the file (older files have none).
pub fn load_annotations_with_hash(path: &Path) -> Result<(Document, Option<String>), AnnotationFileError> {
    let bytes = std::fs::read(path).map_err(|source| AnnotationFileError::Read { path: path.to_owned(), source })?;
    let saved: SavedDocument<Document> = serde_json::from_slice(&bytes)
        .map_err(|source| AnnotationFileError::Malformed { path: path.to_owned(), source })?;
    if saved.format != FORMAT || saved.version != VERSION {
        return Err(AnnotationFileError::WrongFormat {
            path: path.to_owned(),
            format: saved.format,
            version: saved.version,
        });
    }
    let document = saved
        .document
        .validated()
        .map_err(|source| AnnotationFileError::Inconsistent { path: path.to_owned(), source })?;
    Ok((document, saved.text_hash))
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
    fn never_writes_over_the_article() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(&article, "teks").unwrap();
        let mut doc = annotated();
        doc.source = Some(article.clone());
        assert!(matches!(save_annotations(&doc, &article), Err(AnnotationFileError::WouldOverwriteArticle(_))));
        assert_eq!(std::fs::read_to_string(&article).unwrap(), "teks");
    }
}
