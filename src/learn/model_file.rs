//! Tagger model files on disk: read with clear refusals, written atomically.
//!
//! A file that is truncated, from another version of the format or no model at all
//! is refused with the reason; callers that must go on (the app, `sorot analyze
//! --model`) fall back to the shipped model and say so.

use std::path::{Path, PathBuf};

use crate::analysis::tagger::builtin_weights;
use crate::analysis::tagger::model_io::{self, ModelError};
use crate::analysis::tagger::weights::Weights;
use crate::store::write_atomically;

/// Largest model file read: the shipped one is about 2 MB; a table of the largest
/// size the format allows, fully used, stays under this.
const MAX_MODEL_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ModelFileError {
    #[error("cannot read model {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot use model {path}: {source}")]
    Invalid { path: PathBuf, source: ModelError },
    #[error("cannot use model {path}: {size} bytes is larger than any Sorot model")]
    TooLarge { path: PathBuf, size: u64 },
    #[error("cannot write model {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("the shipped tagger model does not load: {0}")]
    Shipped(ModelError),
}

/// The weights in the model file at `path`.
pub fn read_model(path: &Path) -> Result<Weights, ModelFileError> {
    let read_err = |source| ModelFileError::Read { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(read_err)?.len();
    if size > MAX_MODEL_BYTES {
        return Err(ModelFileError::TooLarge { path: path.to_owned(), size });
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    model_io::from_bytes(&bytes).map_err(|source| ModelFileError::Invalid { path: path.to_owned(), source })
}

/// The shipped weights.
pub fn shipped_weights() -> Result<Weights, ModelFileError> {
    builtin_weights().map_err(ModelFileError::Shipped)
}

/// The model at `path`, or — when it cannot be used — the shipped model and a
/// message saying why, for the caller to show.
pub fn read_model_or_shipped(path: &Path) -> Result<(Weights, Option<String>), ModelFileError> {
    match read_model(path) {
        Ok(weights) => Ok((weights, None)),
        Err(error) => Ok((shipped_weights()?, Some(format!("{error}; using the shipped model instead")))),
    }
}

/// Writes `weights` to `path` atomically (its folder created if missing); returns
/// the bytes written.
pub fn write_model(path: &Path, weights: &Weights) -> Result<Vec<u8>, ModelFileError> {
    let fail = |source| ModelFileError::Write { path: path.to_owned(), source };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let bytes = model_io::to_bytes(weights);
    write_atomically(path, &bytes).map_err(fail)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_model_reads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("m/model.bin");
        let weights = shipped_weights().expect("shipped");
        let bytes = write_model(&path, &weights).expect("writes");
        let back = read_model(&path).expect("reads");
        assert_eq!(model_io::to_bytes(&back), bytes);
    }

    #[test]
    fn bad_model_files_fall_back_to_the_shipped_model_with_a_message() {
        let dir = tempfile::tempdir().expect("temp dir");
        let good = model_io::to_bytes(&shipped_weights().expect("shipped"));
        let cases: [(&str, Vec<u8>, &str); 4] = [
            ("truncated.bin", good.get(..good.len() / 2).unwrap_or(&[]).to_vec(), "truncated"),
            ("text.bin", "{\"not\": \"a model\"}".as_bytes().to_vec(), "not a Sorot tagger model"),
            ("empty.bin", Vec::new(), "truncated"),
            ("old.bin", [&good[..8], &2u32.to_le_bytes()[..], &good[12..]].concat(), "version 2"),
        ];
        let shipped = model_io::to_bytes(&shipped_weights().expect("shipped"));
        for (name, bytes, reason) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("write");
            let (weights, message) = read_model_or_shipped(&path).expect("falls back");
            let message = message.expect("a message");
            assert!(message.contains(reason) && message.contains(name), "{name}: {message}");
            assert!(message.contains("shipped model"), "{message}");
            assert_eq!(model_io::to_bytes(&weights), shipped);
        }
        let (_, missing) = read_model_or_shipped(&dir.path().join("none.bin")).expect("falls back");
        assert!(missing.is_some_and(|m| m.contains("cannot read model")));
    }
}
