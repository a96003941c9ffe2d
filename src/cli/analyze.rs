//! `sorot analyze`: suggestions for many articles on all cores, one JSON file
//! each, with a progress bar on the terminal.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use indicatif::{ProgressBar, ProgressStyle};

use crate::analysis::Analyzer;
use crate::learn::read_model_or_shipped;
use crate::model::Document;
use crate::project::analyze_all::{analyze_each, Progress};
use crate::project::scan::{scan, ArticleEntry};
use crate::store;

/// Analyses every article under `paths` into `out` (with the tagger `model`, if
/// given); names each bad file with its reason on stderr and returns failure if
/// there was any.
pub fn run_analyze(paths: &[PathBuf], out: &Path, model: Option<&Path>) -> ExitCode {
    let analyzer = match model.map(read_model_or_shipped).transpose() {
        Ok(None) => Analyzer::new(),
        Ok(Some((weights, warning))) => {
            warning.iter().for_each(|w| eprintln!("sorot: warning: {w}"));
            Analyzer::with_weights(weights)
        }
        Err(error) => {
            eprintln!("sorot: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = std::fs::create_dir_all(out) {
        eprintln!("sorot: cannot create {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    let (entries, listing_failures) = collect_articles(paths);
    let targets = output_paths(&entries, out);
    let bar = progress_bar(entries.len() as u64);
    let report = analyze_each(
        &entries,
        &analyzer,
        &AtomicBool::new(false),
        |p: Progress| {
            bar.set_position(p.done as u64);
            bar.set_message(p.current.to_string());
        },
        |entry: &ArticleEntry, document: Document| {
            let target = targets.get(&key(entry)).ok_or_else(|| format!("{}: no output name", entry.id))?;
            store::save_annotations(&document, target).map_err(|e| e.to_string())
        },
    );
    bar.finish_and_clear();
    // Reported after the bar is gone: a hidden bar (not a terminal) prints nothing.
    report.warnings.iter().for_each(|(_, warning)| eprintln!("sorot: warning: {warning}"));
    report.failures.iter().for_each(|(_, reason)| eprintln!("sorot: {reason}"));
    eprintln!("sorot: wrote {} of {} article(s) to {}", report.written, entries.len(), out.display());
    let failures = listing_failures + report.failures.len();
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("sorot: {failures} article(s) failed");
        ExitCode::FAILURE
    }
}

fn progress_bar(total: u64) -> ProgressBar {
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {eta} left  {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// The articles named by `paths` (folders: every article in them, recursively,
/// as a project lists them), and how many paths could not be listed (reported).
fn collect_articles(paths: &[PathBuf]) -> (Vec<ArticleEntry>, usize) {
    let mut articles = Vec::new();
    let mut failures = 0;
    for path in paths {
        if !path.is_dir() {
            articles.extend(ArticleEntry::for_file(path));
            continue;
        }
        let found = scan(path);
        for problem in &found.problems {
            eprintln!("sorot: {problem}");
        }
        failures += found.problems.len();
        articles.extend(found.articles);
    }
    (articles, failures)
}

type EntryKey = (PathBuf, Option<usize>);

fn key(entry: &ArticleEntry) -> EntryKey {
    (entry.path.clone(), entry.id.line)
}

/// `out/<stem>.json` for each article (`<stem>-<line>.json` for a JSON Lines
/// line); when two articles would share a name, the later one (in listing
/// order) is named after its whole relative path instead, so none is overwritten.
fn output_paths(entries: &[ArticleEntry], out: &Path) -> HashMap<EntryKey, PathBuf> {
    let mut taken = HashSet::new();
    let mut targets = HashMap::new();
    for entry in entries {
        let stem = entry.path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let line = entry.id.line.map(|n| format!("-{n}")).unwrap_or_default();
        let full = entry.id.path.replace(['/', '\\'], "__");
        let candidates = [format!("{stem}{line}"), format!("{full}{line}")];
        let mut name = candidates.iter().find(|c| !taken.contains(*c)).cloned().unwrap_or_default();
        let base = name.clone();
        let mut n = 1;
        while name.is_empty() || taken.contains(&name) {
            n += 1;
            name = format!("{base}-{n}");
        }
        targets.insert(key(entry), out.join(format!("{name}.json")));
        taken.insert(name);
    }
    targets
}
