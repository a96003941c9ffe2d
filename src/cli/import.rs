//! `sorot import`: a dataset in some format to Sorot annotation JSON files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::export::FormatArg;
use crate::formats::{self, Format};
use crate::model::Document;
use crate::store;

/// `sorot import` arguments.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// Dataset format (quote datasets are export-only).
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Files to read (a folder for brat).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Folder to write one `<name>.json` per document to (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// Replace annotation files that already exist in the output folder
    /// (without it, an existing file is never overwritten and nothing is written).
    #[arg(long)]
    pub force: bool,
}

/// Imports all of `args.paths` or, if any is malformed, nothing.
pub fn run_import(args: &ImportArgs) -> ExitCode {
    match import(args) {
        Ok(line) => {
            eprintln!("sorot: {line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("sorot: nothing imported: {message}");
            ExitCode::FAILURE
        }
    }
}

fn import(args: &ImportArgs) -> Result<String, String> {
    let format: Format = args.format.into();
    let (docs, summary) = formats::import_with_summary(format, &args.paths).map_err(|e| e.to_string())?;
    if docs.is_empty() {
        return Err(format!("no documents found in {}", shown(&args.paths)));
    }
    let targets = targets(&docs, args)?;
    std::fs::create_dir_all(&args.out).map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    for (doc, target) in docs.iter().zip(&targets) {
        store::save_annotations(doc, target).map_err(|e| e.to_string())?;
    }
    Ok(format!("imported {} into {}", summary.line(format), args.out.display()))
}

/// Where each document goes; refuses inputs, and existing files unless `--force`,
/// before anything is written.
fn targets(docs: &[Document], args: &ImportArgs) -> Result<Vec<PathBuf>, String> {
    let mut taken = HashSet::new();
    let mut targets = Vec::with_capacity(docs.len());
    for (i, doc) in docs.iter().enumerate() {
        let target = args.out.join(format!("{}.json", name_of(doc, i, &args.paths, &mut taken)));
        if args.paths.iter().any(|p| same_file(p, &target)) {
            return Err(format!("refusing to write {}: it is one of the inputs", target.display()));
        }
        if !args.force && std::fs::symlink_metadata(&target).is_ok() {
            return Err(format!(
                "{} already exists (it may hold reviewed work): use --force to replace it, or another --out",
                target.display()
            ));
        }
        targets.push(target);
    }
    Ok(targets)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn shown(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// The article's stem when the format names one (brat), else `<input stem>-<n>`.
fn name_of(doc: &Document, index: usize, inputs: &[PathBuf], taken: &mut HashSet<String>) -> String {
    let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned());
    let base = doc
        .source
        .as_deref()
        .and_then(stem)
        .or_else(|| inputs.first().and_then(|p| stem(p)).map(|s| format!("{s}-{:04}", index + 1)))
        .unwrap_or_else(|| format!("doc-{:04}", index + 1));
    formats::first_free_name(base, taken)
}
