//! `sorot export`: saved annotation files to a dataset format.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::formats::{self, DoccanoVariant, ExportOptions, Format, OffsetUnit, TagScheme};
use crate::model::Document;
use crate::{store, stream};

/// The formats, as `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Sorot's own documents, one per line; code points; keeps everything.
    Jsonl,
    /// doccano JSONL; UTF-16 units by default (`--offsets codepoints`).
    Doccano,
    /// Label Studio tasks + label-studio-config.xml beside; code points.
    LabelStudio,
    /// brat standoff folder (.txt/.ann/annotation.conf); code points.
    Brat,
    /// CoNLL token-per-line, IOB2 or BIOES (`--scheme`); tokens.
    Conll,
    /// spaCy .spacy DocBin; tokens, character offsets in code points.
    Spacy,
    /// spaCy/Prodigy JSONL (spans + relations); code points.
    SpacyJsonl,
    /// One quotation per line with speaker and cue; code points; export only.
    QuotesJsonl,
    /// One quotation per row with speaker and cue; code points; export only.
    QuotesCsv,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Doccano => Format::Doccano,
            FormatArg::LabelStudio => Format::LabelStudio,
            FormatArg::Brat => Format::Brat,
            FormatArg::Conll => Format::Conll,
            FormatArg::Spacy => Format::Spacy,
            FormatArg::SpacyJsonl => Format::SpacyJsonl,
            FormatArg::QuotesJsonl => Format::QuotesJsonl,
            FormatArg::QuotesCsv => Format::QuotesCsv,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemeArg {
    Iob2,
    Bioes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OffsetsArg {
    Utf16,
    Codepoints,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DoccanoArg {
    /// `entities` + `relations` (keeps quote → speaker links).
    Relations,
    /// `label` lists (spans only).
    Label,
}

/// `sorot export` arguments.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Dataset format.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Saved annotation JSON files, folders of `*.sorot.json` / `*.json`, or
    /// project folders (their `.sorot/annotations`, sub-folders included);
    /// with --jsonl, streams of documents (`-`: standard input).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Read the inputs as JSON Lines of Sorot documents, as `analyze --jsonl`
    /// writes them; its error records are skipped and counted on stderr.
    #[arg(long)]
    pub jsonl: bool,
    /// File to write (a folder for brat).
    #[arg(long)]
    pub out: PathBuf,
    /// CoNLL tag scheme.
    #[arg(long, value_enum, default_value = "iob2")]
    pub scheme: SchemeArg,
    /// doccano offset unit.
    #[arg(long, value_enum, default_value = "utf16")]
    pub offsets: OffsetsArg,
    /// doccano layout.
    #[arg(long, value_enum, default_value = "relations")]
    pub doccano: DoccanoArg,
    /// Also export open suggestions.
    #[arg(long)]
    pub with_suggestions: bool,
    /// Also export rejected spans, as negatives where the format can mark them.
    #[arg(long)]
    pub with_rejected: bool,
}

impl ExportArgs {
    fn options(&self) -> ExportOptions {
        ExportOptions {
            with_suggestions: self.with_suggestions,
            with_rejected: self.with_rejected,
            scheme: match self.scheme {
                SchemeArg::Iob2 => TagScheme::Iob2,
                SchemeArg::Bioes => TagScheme::Bioes,
            },
            offsets: match self.offsets {
                OffsetsArg::Utf16 => OffsetUnit::Utf16,
                OffsetsArg::Codepoints => OffsetUnit::CodePoints,
            },
            doccano: match self.doccano {
                DoccanoArg::Relations => DoccanoVariant::Relations,
                DoccanoArg::Label => DoccanoVariant::Label,
            },
        }
    }
}

/// Exports every annotation file under `args.inputs`; writes nothing if any
/// input cannot be read. Prints the summary line on stderr.
pub fn run_export(args: &ExportArgs) -> ExitCode {
    match export(args) {
        Ok(line) => {
            eprintln!("sorot: {line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("sorot: {message}");
            ExitCode::FAILURE
        }
    }
}

fn export(args: &ExportArgs) -> Result<String, String> {
    // A team project exports its gold layer, each article's own annotator's
    // layer standing in where it has no gold yet; other inputs are files.
    let (teams, inputs): (Vec<PathBuf>, Vec<PathBuf>) =
        args.inputs.iter().cloned().partition(|input| !args.jsonl && team_settings(input).is_some());
    let files = if args.jsonl { inputs } else { annotation_files(&inputs)? };
    if files.iter().any(|f| same_file(f, &args.out)) {
        return Err(format!("refusing to write {}: it is one of the inputs", args.out.display()));
    }
    let mut docs = if args.jsonl {
        stream_documents(&files)?
    } else {
        files.iter().map(|f| store::load_annotations(f).map_err(|e| e.to_string())).collect::<Result<Vec<_>, _>>()?
    };
    for root in &teams {
        docs.extend(team_documents(root)?);
    }
    if docs.is_empty() {
        let named: Vec<String> = args.inputs.iter().map(|p| p.display().to_string()).collect();
        let what = if args.jsonl { "documents" } else { "annotation files" };
        return Err(format!("no {what} found in {}: nothing exported", named.join(", ")));
    }
    let summary = formats::export(&docs, args.format.into(), &args.options(), &args.out).map_err(|e| e.to_string())?;
    Ok(summary.to_string())
}

/// The settings of `input` if it is a team project folder.
fn team_settings(input: &Path) -> Option<crate::project::settings::ProjectSettings> {
    let layout = crate::project::layout::Layout::new(input);
    let settings = input.is_dir().then(|| crate::project::settings::ProjectSettings::load(&layout).ok()).flatten()?;
    settings.team.is_some().then_some(settings)
}

/// A team project's documents for export: gold where adjudicated, else the
/// layer of the annotator its settings name.
fn team_documents(root: &Path) -> Result<Vec<crate::model::Document>, String> {
    let settings = team_settings(root).ok_or_else(|| format!("{} is not a team project", root.display()))?;
    let layout = crate::project::layout::Layout::new(root);
    let entries = crate::project::scan::scan(root).articles;
    let chosen = crate::project::layers::gold_or_layer(&layout, &entries, settings.annotator.as_deref())
        .map_err(|e| format!("{}: {e}", root.display()))?;
    Ok(chosen.into_iter().map(|(_, document)| document).collect())
}

/// Every `.json` file under `folder`, sub-folders included, sorted.
fn json_files_under(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => folders.push(path),
                // Special files too: loading one refuses it with its reason.
                Ok(_) if path.extension().is_some_and(|x| x == "json") => found.push(path),
                _ => {}
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The documents of JSON Lines streams (`-`: standard input), all or an error.
fn stream_documents(inputs: &[PathBuf]) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    for input in inputs {
        let name = input.display();
        let mut skipped = 0;
        let count = |_: usize, _: &serde_json::Value| skipped += 1;
        let limit = store::MAX_ARTICLE_BYTES as usize;
        let read = if input.as_os_str() == "-" {
            stream::read_documents(std::io::stdin().lock(), limit, count)
        } else {
            let file = std::fs::File::open(input).map_err(|e| format!("cannot read {name}: {e}"))?;
            stream::read_documents(std::io::BufReader::new(file), limit, count)
        };
        docs.extend(read.map_err(|e| format!("{name}: {e}"))?);
        if skipped > 0 {
            eprintln!("sorot: {name}: skipped {skipped} error record(s) (articles that could not be analysed)");
        }
    }
    Ok(docs)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The files named, and the `.json` files of the folders named (sorted); for
/// a project folder, every annotation file under its `.sorot/annotations`.
fn annotation_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let project = crate::project::layout::Layout::new(input.as_path()).annotations_dir();
        if project.is_dir() {
            files.extend(json_files_under(&project)?);
            continue;
        }
        let entries = std::fs::read_dir(input).map_err(|e| format!("cannot list {}: {e}", input.display()))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| !p.is_dir() && p.extension().is_some_and(|x| x == "json"))
            .collect();
        found.sort();
        files.extend(found);
    }
    Ok(files)
}
