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
    /// with --annotator, the project folder.
    #[arg(long)]
    pub out: PathBuf,
    /// Put the documents in this annotator's layer of the project --out, each on
    /// the article with the same file name (else the same text).
    #[arg(long)]
    pub annotator: Option<String>,
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
    if let Some(annotator) = &args.annotator {
        return match import_into_layer(&args.out, annotator, docs) {
            Ok(line) => {
                eprintln!("sorot: imported {line} from {format}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("sorot: nothing imported: {message}");
                ExitCode::FAILURE
            }
        };
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
