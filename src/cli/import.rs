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
    /// Folder to write one `<name>.json` per document to (created if missing);
    /// `-` writes them to standard output as JSON Lines, one document a line
    /// with its name as `id` (the stream `analyze --jsonl` writes).
    #[arg(long)]
    pub out: PathBuf,
}

/// Imports all of `args.paths` or, if any is malformed, nothing.
pub fn run_import(args: &ImportArgs) -> ExitCode {
    let format: Format = args.format.into();
    let docs = match formats::import(format, &args.paths) {
        Ok(docs) => docs,
        Err(error) => {
            eprintln!("sorot: nothing imported: {error}");
            return ExitCode::FAILURE;
        }
    };
    if args.out.as_os_str() == "-" {
        return import_to_stream(&docs, &args.paths, format);
    }
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        eprintln!("sorot: cannot create {}: {error}", args.out.display());
        return ExitCode::FAILURE;
    }
    let mut taken = HashSet::new();
    for (i, doc) in docs.iter().enumerate() {
        let target = args.out.join(format!("{}.json", name_of(doc, i, &args.paths, &mut taken)));
        if args.paths.iter().any(|p| p == &target) {
            eprintln!("sorot: refusing to write {}: it is one of the inputs", target.display());
            return ExitCode::FAILURE;
        }
        if let Err(error) = store::save_annotations(doc, &target) {
            eprintln!("sorot: {error}");
            return ExitCode::FAILURE;
        }
    }
    eprintln!("sorot: imported {} document(s) from {format} into {}", docs.len(), args.out.display());
    ExitCode::SUCCESS
}

/// Writes the documents to standard output, one line each.
fn import_to_stream(docs: &[Document], inputs: &[PathBuf], format: Format) -> ExitCode {
    let mut taken = HashSet::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, doc) in docs.iter().enumerate() {
        let id = name_of(doc, i, inputs, &mut taken);
        if let Err(error) = crate::stream::write_document(&mut out, Some(&id), doc) {
            eprintln!("sorot: cannot write to standard output: {error}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(error) = std::io::Write::flush(&mut out) {
        eprintln!("sorot: cannot write to standard output: {error}");
        return ExitCode::FAILURE;
    }
    eprintln!("sorot: imported {} document(s) from {format} to standard output", docs.len());
    ExitCode::SUCCESS
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
