//! `sorot learn`: a tagger model learned from reviewed annotation files.
//!
//! Inputs are Sorot annotation files, folders of them (every `.json` inside,
//! recursively), or project folders (their `.sorot/annotations`). Learning starts
//! from the shipped model, or `--base`; a base that cannot be used is refused with
//! its reason and the shipped model is used. An annotation file that cannot be read
//! is named with its reason and skipped; the others still teach. The quotation
//! lessons (project cues, patterns rejected again and again, speaker weights
//! learned from the speaker choices) are written beside
//! the model as `MODEL.lessons.json`, where `sorot analyze --model` finds them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use crate::analysis::lexicon::Lexicon;
use crate::learn::{read_model_or_shipped, write_lessons, write_model, LearnDoc, Learner, LessonOptions, QuoteLessons};
use crate::model::Document;
use crate::project::layout::Layout;
use crate::store;

/// `sorot learn` arguments.
#[derive(Debug, Clone, Args)]
pub struct LearnArgs {
    /// Annotation files, folders of them, or project folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Model file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Model to start from (default: the shipped model).
    #[arg(long)]
    pub base: Option<PathBuf>,
    /// Teach fully reviewed documents without a done mark (as `sorot import`
    /// writes them) as partial reviews instead of whole ones.
    #[arg(long)]
    pub partial: bool,
}

/// Runs `sorot learn`; exits non-zero if any input could not be read (the model
/// is still written from the others) or nothing could be learned.
pub fn run_learn(args: &LearnArgs) -> ExitCode {
    let started = Instant::now();
    let learner = match learner_for(args) {
        Ok(learner) => learner,
        Err(message) => {
            eprintln!("sorot: {message}");
            return ExitCode::FAILURE;
        }
    };
    let (files, mut failures) = annotation_files(&args.paths);
    let mut docs: Vec<(String, Document)> = Vec::new();
    for path in files {
        match store::load_annotations(&path) {
            Ok(doc) => docs.push((path.display().to_string(), doc)),
            Err(error) => {
                eprintln!("sorot: skipped: {error}");
                failures += 1;
            }
        }
    }
    let refs: Vec<LearnDoc> = docs.iter().map(|(id, document)| LearnDoc { id, document }).collect();
    for (id, reason) in learner.too_long(&refs) {
        eprintln!("sorot: skipped: {id}: {reason}");
        failures += 1;
    }
    let learned = learner.learn(&refs);
    let record = &learned.record;
    if record.documents.is_empty() {
        eprintln!("sorot: nothing to learn from: no reviewed document among {} file(s) read", docs.len());
        return ExitCode::FAILURE;
    }
    let whole = record.documents.iter().filter(|d| d.whole).count();
    eprintln!(
        "sorot: learned from {} document(s) ({whole} whole, {} partial): {} name span(s), {} rejected span(s), {} sentence(s)",
        record.documents.len(),
        record.documents.len() - whole,
        record.names(),
        record.not_names(),
        record.sentences,
    );
    if let Err(error) = write_model(&args.out, &learned.weights) {
        eprintln!("sorot: {error}");
        return ExitCode::FAILURE;
    }
    let documents: Vec<&Document> = docs.iter().map(|(_, d)| d).collect();
    // The shipped word lists say which cues are new; no whole analyser is needed.
    let lessons = QuoteLessons::learn(&documents, &Lexicon::new());
    match write_lessons(&args.out, &lessons) {
        Ok(path) => eprintln!(
            "sorot: wrote {}: {} project cue(s), {} quotation pattern(s) made less sure, {} speaker weights",
            path.display(),
            lessons.cues_after.len() + lessons.cues_before.len(),
            lessons.factors.len(),
            if lessons.speaker_weights.is_some() { "learned" } else { "the shipped" }
        ),
        Err(error) => {
            eprintln!("sorot: {error}");
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "sorot: wrote {} in {:.2} s (learning {:.2} s)",
        args.out.display(),
        started.elapsed().as_secs_f64(),
        learned.elapsed.as_secs_f64()
    );
    if failures > 0 {
        eprintln!("sorot: {failures} input(s) could not be read");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn learner_for(args: &LearnArgs) -> Result<Learner, String> {
    let options = LessonOptions { imported_as_partial: args.partial };
    let learner = match &args.base {
        None => Learner::shipped().map_err(|e| e.to_string())?,
        Some(path) => {
            let (weights, warning) = read_model_or_shipped(path).map_err(|e| e.to_string())?;
            match warning {
                Some(warning) => {
                    eprintln!("sorot: warning: {warning}");
                    Learner::new(weights, "shipped")
                }
                None => Learner::new(weights, path.display().to_string()),
            }
        }
    };
    Ok(learner.with_options(options))
}

/// The annotation files named by `paths`, sorted, and how many paths could not be
/// listed (each named on stderr).
fn annotation_files(paths: &[PathBuf]) -> (Vec<PathBuf>, usize) {
    let mut files = Vec::new();
    let mut failures = 0;
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let project = Layout::new(path).annotations_dir();
        let folder = if project.is_dir() { project } else { path.clone() };
        if let Err(error) = find_json(&folder, &mut files) {
            eprintln!("sorot: skipped: cannot list {}: {error}", folder.display());
            failures += 1;
        }
    }
    files.sort();
    files.dedup();
    (files, failures)
}

fn find_json(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            find_json(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_projects_list_their_annotation_files_in_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for name in ["plain/b.json", "plain/a/c.sorot.json", "plain/notes.txt", "proj/.sorot/annotations/x.txt.json"] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "{}").expect("write");
        }
        let (files, failures) = annotation_files(&[root.join("proj"), root.join("plain")]);
        let names: Vec<String> =
            files.iter().map(|p| p.strip_prefix(root).expect("inside").display().to_string()).collect();
        assert_eq!(names, ["plain/a/c.sorot.json", "plain/b.json", "proj/.sorot/annotations/x.txt.json"]);
        assert_eq!(failures, 0);
    }
}
