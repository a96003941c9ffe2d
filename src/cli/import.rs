//! `sorot import`: a dataset in some format to Sorot annotation JSON files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::export::FormatArg;
use crate::formats::{self, Format};
use crate::model::Document;
use crate::project::layers::place_imported;
use crate::project::layout::Layout;
use crate::project::open::save_document;
use crate::project::scan::scan;
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
    /// Folder to write one `<name>.json` per document to (created if missing);
    /// with --annotator, the project folder; `-` writes them to standard output
    /// as JSON Lines, one document a line with its name as `id` (the stream
    /// `analyze --jsonl` writes).
    #[arg(long)]
    pub out: PathBuf,
    /// Replace annotation files that already exist in the output folder
    /// (without it, an existing file is never overwritten and nothing is written).
    #[arg(long)]
    pub force: bool,
    /// Put the documents in this annotator's layer of the project --out, each on
    /// the article with the same file name (else the same text).
    #[arg(long)]
    pub annotator: Option<String>,
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
    if let Some(annotator) = &args.annotator {
        let placed = import_into_layer(&args.out, annotator, docs)?;
        return Ok(format!("imported {placed} from {format} ({})", summary.line(format)));
    }
    if args.out.as_os_str() == "-" {
        import_to_stream(&docs, &args.paths)?;
        return Ok(format!("imported {} to standard output", summary.line(format)));
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

/// Writes `docs` into `annotator`'s layer of the project at `root`; refuses to
/// overwrite what is already there (someone's work), all or nothing.
fn import_into_layer(root: &Path, annotator: &str, docs: Vec<Document>) -> Result<String, String> {
    let layout = Layout::new(root).for_annotator(annotator).map_err(|e| e.to_string())?;
    let found = scan(root);
    let placed = place_imported(&found.articles, docs).map_err(|e| e.to_string())?;
    if let Some(taken) = placed.iter().map(|p| layout.annotation_path(&p.id)).find(|path| path.exists()) {
        return Err(format!("{} exists: {annotator}'s layer already has this document", taken.display()));
    }
    for p in &placed {
        p.warning.iter().for_each(|w| eprintln!("sorot: {w}"));
        save_document(&layout, &p.id, &p.document).map_err(|e| e.to_string())?;
    }
    Ok(format!("{} document(s) into {annotator}'s layer of {}", placed.len(), root.display()))
}

/// Writes the documents to standard output, one line each.
fn import_to_stream(docs: &[Document], inputs: &[PathBuf]) -> Result<(), String> {
    let mut taken = HashSet::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let failed = |error: std::io::Error| format!("cannot write to standard output: {error}");
    for (i, doc) in docs.iter().enumerate() {
        let id = name_of(doc, i, inputs, &mut taken);
        crate::stream::write_document(&mut out, Some(&id), doc).map_err(failed)?;
    }
    std::io::Write::flush(&mut out).map_err(failed)
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
