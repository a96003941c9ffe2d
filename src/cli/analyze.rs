//! `sorot analyze`: suggestions for many articles, one JSON file each.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::analysis::Analyzer;
use crate::annotate::suggest_document;
use crate::store;

/// Analyses every article under `paths` into `out`; reports each failure on
/// stderr and returns failure if there was any.
pub fn run_analyze(paths: &[PathBuf], out: &Path) -> ExitCode {
    if let Err(error) = std::fs::create_dir_all(out) {
        eprintln!("sorot: cannot create {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    let (articles, mut failures) = collect_articles(paths);
    let analyzer = Analyzer::new();
    let mut written = 0;
    for article in &articles {
        match analyze_one(article, out, &analyzer) {
            Ok(()) => written += 1,
            Err(message) => {
                eprintln!("sorot: {message}");
                failures += 1;
            }
        }
    }
    eprintln!("sorot: wrote {written} of {} article(s) to {}", articles.len(), out.display());
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("sorot: {failures} article(s) failed");
        ExitCode::FAILURE
    }
}

fn analyze_one(article: &Path, out: &Path, analyzer: &Analyzer) -> Result<(), String> {
    let text = store::read_article(article).map_err(|e| e.to_string())?;
    let document = suggest_document(text, Some(article.to_owned()), analyzer);
    let stem = article.file_stem().unwrap_or_default().to_string_lossy();
    let target = out.join(format!("{stem}.json"));
    store::save_annotations(&document, &target).map_err(|e| e.to_string())
}

/// The article files named by `paths` (folders: their `.txt` files, sorted),
/// and how many paths could not be listed (already reported).
fn collect_articles(paths: &[PathBuf]) -> (Vec<PathBuf>, usize) {
    let mut articles = Vec::new();
    let mut failures = 0;
    for path in paths {
        if !path.is_dir() {
            articles.push(path.clone());
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(|entry| entry.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && p.extension().is_some_and(|ext| ext == "txt"))
                    .collect();
                found.sort();
                articles.extend(found);
            }
            Err(error) => {
                eprintln!("sorot: cannot list {}: {error}", path.display());
                failures += 1;
            }
        }
    }
    (articles, failures)
}
