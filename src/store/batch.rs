//! Writing many regenerable outputs (`sorot analyze` over a folder, the app's
//! background analysis of a project): each file replaced (or created)
//! atomically, but without a flush to disk per file, which cost more than
//! analysing a short article; one sync of the output folder's file system at
//! the end makes the whole batch durable. An annotator's saves never come
//! through here: they keep their flush per file.

use std::path::Path;

use super::annotation_file::{annotation_json, check_annotation_path, write_annotation_json, AnnotationFileError};
use super::atomic::{write_atomically_unsynced_with, write_new_atomically_unsynced};
use crate::model::Document;

/// [`super::save_annotations`] without the flush to disk; call [`sync_folder`]
/// once the batch is written. The JSON goes straight into the file as it is
/// made: held whole, it cost `sorot analyze` some 17 times a long text.
pub fn save_annotations_in_batch(doc: &Document, path: &Path) -> Result<(), AnnotationFileError> {
    check_annotation_path(doc, path)?;
    write_atomically_unsynced_with(path, |out| write_annotation_json(doc, out).map_err(Failure::Json)).map_err(
        |failure| match failure {
            Failure::Io(source) => AnnotationFileError::Write { path: path.to_owned(), source },
            Failure::Json(source) if source.is_io() => {
                AnnotationFileError::Write { path: path.to_owned(), source: source.into() }
            }
            Failure::Json(source) => AnnotationFileError::Malformed { path: path.to_owned(), source },
        },
    )
}

/// Why streaming a file failed: the file, or the JSON written into it.
enum Failure {
    Io(std::io::Error),
    Json(serde_json::Error),
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Failure {
        Failure::Io(error)
    }
}

/// [`super::save_new_annotations`] without the flush to disk: written only if
/// no annotation file is there yet, checked and written in one step (a hard
/// link), so what an annotator saved meanwhile is never replaced. `Ok(false)`
/// when a file was there. Call [`sync_folder`] once the batch is written.
pub fn save_new_annotations_in_batch(doc: &Document, path: &Path) -> Result<bool, AnnotationFileError> {
    let json = annotation_json(doc, path)?;
    write_new_atomically_unsynced(path, &json)
        .map_err(|source| AnnotationFileError::Write { path: path.to_owned(), source })
}

/// Flushes everything written under `folder` to disk: one `syncfs` of its file
/// system on Linux, elsewhere a flush of each file in it.
pub fn sync_folder(folder: &Path) -> std::io::Result<()> {
    let handle = std::fs::File::open(folder)?;
    sync_file_system(&handle, folder)
}

#[cfg(target_os = "linux")]
fn sync_file_system(handle: &std::fs::File, _folder: &Path) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: syncfs only reads the descriptor, which `handle` keeps open for
    // the duration of the call.
    let status = unsafe { libc::syncfs(handle.as_raw_fd()) };
    if status == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn sync_file_system(_handle: &std::fs::File, folder: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_file() {
            std::fs::File::open(&path)?.sync_all()?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::load_annotations;

    #[test]
    fn batch_saves_load_back_and_refuse_article_names() {
        let dir = tempfile::tempdir().unwrap();
        let doc = Document::new("“Ya 😀,” kata Ana.\r\nDi Jakarta.".into(), None);
        let path = dir.path().join("a.json");
        save_annotations_in_batch(&doc, &path).unwrap();
        sync_folder(dir.path()).unwrap();
        assert_eq!(load_annotations(&path).unwrap(), doc);
        let streamed = std::fs::read(&path).unwrap();
        assert_eq!(streamed, annotation_json(&doc, &path).unwrap(), "streamed as the whole JSON was written");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
        let article = dir.path().join("a.txt");
        assert!(matches!(
            save_annotations_in_batch(&doc, &article),
            Err(AnnotationFileError::WouldOverwriteArticle(_))
        ));
    }

    #[test]
    fn a_new_batch_save_never_replaces_a_file_written_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt.json");
        let suggested = Document::new("“Ya 😀,” kata Ana.\r\nDi Jakarta.".into(), None);
        let mut annotators = suggested.clone();
        annotators.apply(&annotators.done_edit(true).unwrap()).unwrap();
        crate::store::save_annotations(&annotators, &path).unwrap();
        assert!(!save_new_annotations_in_batch(&suggested, &path).unwrap());
        assert_eq!(load_annotations(&path).unwrap(), annotators);
        let fresh = dir.path().join("b.txt.json");
        assert!(save_new_annotations_in_batch(&suggested, &fresh).unwrap());
        sync_folder(dir.path()).unwrap();
        assert_eq!(load_annotations(&fresh).unwrap(), suggested);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
    }
}
