//! `sorot train`: trains the entity tagger from token-per-line corpora and writes
//! its weights, e.g. the shipped `assets/models/ner-id.bin`.
//!
//! The same files, in the same order, with the same options give the same weights
//! byte for byte (see `analysis::tagger::training`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::analysis::lexicon::Lexicon;
use crate::analysis::tagger::conll_reader::{self, Article, ConllError};
use crate::analysis::tagger::evidence::Evidence;
use crate::analysis::tagger::{model_io, training};

/// What `sorot train` was asked to do.
#[derive(Debug, Clone)]
pub struct TrainArgs {
    /// Corpus files, or folders searched (recursively, in name order) for `train*.txt`.
    pub data: Vec<PathBuf>,
    pub out: PathBuf,
    pub config: training::TrainConfig,
}

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Corpus { path: PathBuf, source: ConllError },
    #[error("no training sentences found in {0:?}")]
    NoData(Vec<PathBuf>),
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// Runs `sorot train`, reporting progress and any error on stderr.
pub fn run_train(args: &TrainArgs) -> ExitCode {
    match train(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sorot: {error}");
            ExitCode::FAILURE
        }
    }
}

fn train(args: &TrainArgs) -> Result<(), TrainError> {
    let files = corpus_files(&args.data)?;
    let mut articles: Vec<Article> = Vec::new();
    for (corpus, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).map_err(|source| TrainError::Read { path: path.clone(), source })?;
        let mut read =
            conll_reader::read_articles(&text).map_err(|source| TrainError::Corpus { path: path.clone(), source })?;
        // Each corpus file is its own annotation convention (see `tagger::domain`).
        for a in &mut read {
            a.domain = corpus;
        }
        eprintln!("sorot: {}: {} article(s)", path.display(), read.len());
        articles.extend(read);
    }
    if articles.is_empty() {
        return Err(TrainError::NoData(args.data.clone()));
    }
    let evidence = Evidence::new(&std::sync::Arc::new(Lexicon::new()));
    let weights = training::train(&articles, &evidence, &args.config, &mut |epoch, right| {
        eprintln!("sorot: epoch {epoch}: {:.1}% of training sentences right", right * 100.0);
    });
    let bytes = model_io::to_bytes(&weights);
    write_model(&args.out, &bytes)?;
    eprintln!("sorot: wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(())
}

fn write_model(out: &Path, bytes: &[u8]) -> Result<(), TrainError> {
    let fail = |source| TrainError::Write { path: out.to_owned(), source };
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    std::fs::write(out, bytes).map_err(fail)
}

/// The corpus files named by `data`: files as given, folders expanded to their
/// `train*.txt` files in path order, so the result never depends on directory order.
fn corpus_files(data: &[PathBuf]) -> Result<Vec<PathBuf>, TrainError> {
    let mut out = Vec::new();
    for path in data {
        if path.is_dir() {
            let mut found = Vec::new();
            find_train_files(path, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn find_train_files(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), TrainError> {
    let read_err = |source| TrainError::Read { path: dir.to_owned(), source };
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() {
            find_train_files(&path, found)?;
        } else if name.starts_with("train") && name.ends_with(".txt") {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_to_sorted_training_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["b/train.txt", "a/train_x.txt", "a/dev.txt"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "Joko B-PER\n").expect("write");
        }
        let files = corpus_files(&[dir.path().to_owned()]).expect("lists");
        let names: Vec<_> = files.iter().map(|p| p.strip_prefix(dir.path()).expect("inside").to_owned()).collect();
        assert_eq!(names, [PathBuf::from("a/train_x.txt"), PathBuf::from("b/train.txt")]);
    }

    #[test]
    fn trains_a_tiny_corpus_and_writes_a_loadable_model() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("train.txt");
        std::fs::write(&corpus, "Presiden O\nJoko B-PER\nke O\nBandung B-LOC\n. O\n").expect("write");
        let out = dir.path().join("models/tiny.bin");
        let config = training::TrainConfig { epochs: 2, seed: 1, bits: 10, conventions: false };
        train(&TrainArgs { data: vec![corpus], out: out.clone(), config }).expect("trains");
        let bytes = std::fs::read(&out).expect("written");
        assert!(model_io::from_bytes(&bytes).is_ok());
    }

    #[test]
    fn a_bad_corpus_line_is_reported_with_its_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("train.txt");
        std::fs::write(&corpus, "Joko\n").expect("write");
        let out = dir.path().join("m.bin");
        let err = train(&TrainArgs { data: vec![corpus], out, config: training::TrainConfig::default() });
        assert!(matches!(err, Err(TrainError::Corpus { .. })), "{err:?}");
    }
}
