//! A project's own tagger, kept in `PROJECT/.sorot/model/`:
//!
//! ```text
//! .sorot/model/tagger.bin     the learned weights (the tagger model format)
//! .sorot/model/learned.json   which documents, at which text hash, with which review,
//!                             it learned from, and a hash of tagger.bin
//! .sorot/model/tagger.bin.lessons.json
//!                             the quotation lessons (`lessons_file`), written by the
//!                             app's learning worker, read by `sorot analyze --model`
//! ```
//!
//! Both are written atomically, the weights first. The record names the hash of the
//! weights it belongs to, so weights and record that do not match (a crash between
//! the two writes, a hand-copied file) are noticed: the project then starts again
//! from the shipped model, which the next update relearns from. A missing model is
//! the shipped one; a damaged one is refused with a message, and the shipped one used.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::learner::{LearnDoc, LearnRecord, Learned, Learner};
use super::model_file::{read_model, shipped_weights, write_model, ModelFileError};
use crate::analysis::tagger::model_io;
use crate::analysis::tagger::weights::Weights;
use crate::analysis::Analyzer;
use crate::project::layout::Layout;
use crate::store::write_atomically;

const FORMAT: &str = "sorot-model";
const VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum ProjectModelError {
    #[error(transparent)]
    Model(#[from] ModelFileError),
    #[error("cannot write {path}: {source}")]
    WriteRecord { path: PathBuf, source: std::io::Error },
    #[error("cannot read {path}: {reason}")]
    ReadRecord { path: PathBuf, reason: String },
}

/// The record file: the record, tagged with its format and the weights' hash.
#[derive(Serialize, Deserialize)]
struct RecordFile {
    format: String,
    version: u32,
    /// `store::text_hash`-style hash of the weight file's bytes.
    weights_hash: String,
    #[serde(flatten)]
    record: LearnRecord,
}

/// The tagger a project suggests with.
#[derive(Debug, Clone)]
pub struct ProjectModel {
    pub weights: Weights,
    /// What it learned from; `None` for the shipped model.
    pub record: Option<LearnRecord>,
}

impl ProjectModel {
    /// The shipped model, not yet taught anything.
    pub fn shipped() -> Result<ProjectModel, ProjectModelError> {
        Ok(ProjectModel { weights: shipped_weights()?, record: None })
    }

    pub fn weights_path(layout: &Layout) -> PathBuf {
        layout.dot_dir().join("model").join("tagger.bin")
    }

    pub fn record_path(layout: &Layout) -> PathBuf {
        layout.dot_dir().join("model").join("learned.json")
    }

    /// The project's model: the shipped one when it has none yet (no message) or
    /// when its files cannot be used (with a message saying why, to show).
    pub fn load(layout: &Layout) -> Result<(ProjectModel, Option<String>), ProjectModelError> {
        let weights_path = ProjectModel::weights_path(layout);
        if !weights_path.exists() {
            return Ok((ProjectModel::shipped()?, None));
        }
        match load_files(layout) {
            Ok(model) => Ok((model, None)),
            Err(error) => Ok((ProjectModel::shipped()?, Some(format!("{error}; using the shipped model instead")))),
        }
    }

    /// Writes `learned` as the project's model and returns it.
    pub fn save(layout: &Layout, learned: &Learned) -> Result<ProjectModel, ProjectModelError> {
        let bytes = write_model(&ProjectModel::weights_path(layout), &learned.weights)?;
        let path = ProjectModel::record_path(layout);
        let file = RecordFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            weights_hash: bytes_hash(&bytes),
            record: learned.record.clone(),
        };
        let write_err = |source| ProjectModelError::WriteRecord { path: path.clone(), source };
        let mut json = serde_json::to_vec_pretty(&file).map_err(|e| write_err(std::io::Error::other(e)))?;
        json.push(b'\n');
        write_atomically(&path, &json).map_err(write_err)?;
        // What the analyser will use: the weights as stored (quantised), not as learned.
        let weights = model_io::from_bytes(&bytes)
            .map_err(|source| ModelFileError::Invalid { path: ProjectModel::weights_path(layout), source })?;
        Ok(ProjectModel { weights, record: Some(learned.record.clone()) })
    }

    /// Relearns the project's model from `docs` (every reviewed document of the
    /// project, by article id) and saves it, unless this model already learned from
    /// exactly these reviews; returns the new model, or `None` when nothing changed.
    /// Meant for a worker thread: it takes about 2 ms per document.
    pub fn update(
        &self,
        layout: &Layout,
        learner: &Learner,
        docs: &[LearnDoc],
    ) -> Result<Option<ProjectModel>, ProjectModelError> {
        let nothing_learned = self.record.is_none() && learner.lessons(docs).is_empty();
        let current = self.record.as_ref().is_some_and(|r| learner.is_current(r, docs));
        if nothing_learned || current {
            return Ok(None);
        }
        ProjectModel::save(layout, &learner.learn(docs)).map(Some)
    }

    /// An analyser that suggests with this model.
    pub fn analyzer(&self) -> Analyzer {
        Analyzer::with_weights(self.weights.clone())
    }
}

fn load_files(layout: &Layout) -> Result<ProjectModel, ProjectModelError> {
    let weights_path = ProjectModel::weights_path(layout);
    let path = ProjectModel::record_path(layout);
    let fail = |reason: String| ProjectModelError::ReadRecord { path: path.clone(), reason };
    let weights = read_model(&weights_path)?;
    let json = std::fs::read(&path).map_err(|e| fail(e.to_string()))?;
    let file: RecordFile = serde_json::from_slice(&json).map_err(|e| fail(e.to_string()))?;
    if file.format != FORMAT || file.version != VERSION {
        return Err(fail(format!(
            "a {:?} v{} file; this Sorot reads {FORMAT:?} v{VERSION}",
            file.format, file.version
        )));
    }
    // Hash what would be written from the weights read: the format round-trips exactly.
    if bytes_hash(&model_io::to_bytes(&weights)) != file.weights_hash {
        return Err(fail(format!("it does not belong to {}", weights_path.display())));
    }
    Ok(ProjectModel { weights, record: Some(file.record) })
}

fn bytes_hash(bytes: &[u8]) -> String {
    // The FNV-1a of `store::text_hash`, over bytes that need not be UTF-8.
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let hash = bytes.iter().fold(OFFSET_BASIS, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME));
    format!("fnv1a64:{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::test_fixtures::{done_document, entity};
    use crate::learn::{LearnDoc, Learner};
    use crate::model::{Document, Status};

    /// A done document with curly quotes, an emoji and CRLF.
    fn reviewed_doc() -> Document {
        let text = "“Siap 😀,” kata Wulandari Kusumo.\r\nIa tinggal di Kuningan.";
        done_document(text, vec![entity("e1", text, "Wulandari Kusumo", "PERSON", Status::Accepted)], Vec::new())
    }

    fn learned() -> Learned {
        let doc = reviewed_doc();
        Learner::shipped().expect("shipped").learn(&[LearnDoc { id: "a.txt", document: &doc }])
    }

    #[test]
    fn a_saved_model_loads_with_its_record() {
        let dir = tempfile::tempdir().expect("temp dir");
        let layout = Layout::new(dir.path());
        let (fresh, message) = ProjectModel::load(&layout).expect("loads");
        assert!(fresh.record.is_none() && message.is_none());
        let learned = learned();
        let saved = ProjectModel::save(&layout, &learned).expect("saves");
        let (loaded, message) = ProjectModel::load(&layout).expect("loads");
        assert_eq!(message, None);
        assert_eq!(loaded.record, Some(learned.record.clone()));
        assert_eq!(model_io::to_bytes(&loaded.weights), model_io::to_bytes(&saved.weights));
        assert_eq!(loaded.record.as_ref().map(|r| r.names()), Some(1));
    }

    #[test]
    fn an_update_relearns_only_when_the_reviews_changed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let layout = Layout::new(dir.path());
        let learner = Learner::shipped().expect("shipped");
        let shipped = ProjectModel::shipped().expect("shipped");
        assert!(shipped.update(&layout, &learner, &[]).expect("nothing to do").is_none());
        let learned = learned();
        let doc = reviewed_doc();
        let docs = [LearnDoc { id: "a.txt", document: &doc }];
        let updated = shipped.update(&layout, &learner, &docs).expect("updates").expect("learned");
        assert_eq!(updated.record, Some(learned.record));
        assert!(updated.update(&layout, &learner, &docs).expect("current").is_none());
        let (loaded, _) = ProjectModel::load(&layout).expect("loads");
        assert_eq!(loaded.record, updated.record);
    }

    #[test]
    fn a_corrupted_model_falls_back_to_the_shipped_one_with_a_message() {
        let dir = tempfile::tempdir().expect("temp dir");
        let layout = Layout::new(dir.path());
        ProjectModel::save(&layout, &learned()).expect("saves");
        let path = ProjectModel::weights_path(&layout);
        let bytes = std::fs::read(&path).expect("read");
        std::fs::write(&path, &bytes[..bytes.len() - 10]).expect("truncate");
        let (model, message) = ProjectModel::load(&layout).expect("falls back");
        let message = message.expect("a message");
        assert!(message.contains("truncated") && message.contains("shipped model"), "{message}");
        assert!(model.record.is_none());
        assert_eq!(
            model_io::to_bytes(&model.weights),
            model_io::to_bytes(&ProjectModel::shipped().expect("s").weights)
        );
        // Weights that are not the ones the record was written with are refused too.
        std::fs::write(&path, model_io::to_bytes(&model.weights)).expect("swap");
        let (_, message) = ProjectModel::load(&layout).expect("falls back");
        assert!(message.is_some_and(|m| m.contains("does not belong")));
    }
}
