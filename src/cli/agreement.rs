//! `sorot agreement`: how much annotators agree, from one folder of Sorot
//! annotation files per annotator, or from a team project's layers.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::agreement::{agreement, AgreementReport, Corpus, Layer, SpanFilter};
use crate::project::layers::{annotators, load_layers};
use crate::project::layout::{Layout, DOT_DIR};
use crate::project::scan::scan;
use crate::store;

/// `sorot agreement` arguments.
#[derive(Debug, Clone, Args)]
pub struct AgreementArgs {
    /// One folder of Sorot annotation files (`*.json`, matched by relative path)
    /// per annotator, or a project folder, meaning its annotators' layers.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print the report as JSON (fields in the README).
    #[arg(long)]
    pub json: bool,
    /// Also count suggestions nobody reviewed (by default only accepted and hand-made spans count).
    #[arg(long)]
    pub with_suggestions: bool,
}

/// Prints the agreement report; exits non-zero when a file could not be read
/// (listed on stderr; the report covers the rest) or nothing could be compared.
pub fn run_agreement(args: &AgreementArgs) -> ExitCode {
    let mut problems = Vec::new();
    let mut layers = Vec::new();
    let mut texts = BTreeMap::new();
    for path in &args.paths {
        if path.join(DOT_DIR).is_dir() {
            match project_layers(path) {
                Ok((found, found_texts, found_problems)) => {
                    layers.extend(found);
                    texts.extend(found_texts);
                    problems.extend(found_problems);
                }
                Err(message) => problems.push(message),
            }
        } else {
            match folder_layer(path) {
                Ok((layer, found_problems)) => {
                    layers.push(layer);
                    problems.extend(found_problems);
                }
                Err(message) => problems.push(message),
            }
        }
    }
    let report = Corpus::align(layers, &texts)
        .map(|corpus| agreement(&corpus, SpanFilter { with_suggestions: args.with_suggestions }));
    for problem in &problems {
        eprintln!("sorot: {problem}");
    }
    let report = match report {
        Ok(report) => report,
        Err(error) => {
            eprintln!("sorot: {error}");
            return ExitCode::FAILURE;
        }
    };
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("sorot: cannot write the report as JSON: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", text_report(&report));
    }
    if problems.is_empty() && !report.documents.is_empty() {
        ExitCode::SUCCESS
    } else {
        if report.documents.is_empty() {
            eprintln!("sorot: no document is annotated by two of the annotators");
        }
        ExitCode::FAILURE
    }
}

type ProjectLayers = (Vec<Layer>, BTreeMap<String, String>, Vec<String>);

/// A project's layers, named by annotator, with its articles' texts.
fn project_layers(root: &Path) -> Result<ProjectLayers, String> {
    let layout = Layout::new(root);
    let names = annotators(&layout).map_err(|e| e.to_string())?;
    if names.is_empty() {
        return Err(format!("{} has no annotator layers (.sorot/annotations/<annotator>/)", root.display()));
    }
    let found = scan(root);
    let mut problems: Vec<String> = found.problems.iter().map(ToString::to_string).collect();
    let loaded = load_layers(&layout, &found.articles, &names);
    problems.extend(loaded.problems);
    Ok((loaded.layers, loaded.texts, problems))
}

/// A folder of annotation files as one annotator's layer, named by the path as
/// given; documents keyed by their path relative to the folder.
fn folder_layer(folder: &Path) -> Result<(Layer, Vec<String>), String> {
    if !folder.is_dir() {
        return Err(format!("{} is not a folder of annotation files", folder.display()));
    }
    let mut files = Vec::new();
    collect_json(folder, folder, &mut files).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    files.sort();
    let mut layer = Layer { annotator: folder.display().to_string(), documents: BTreeMap::new() };
    let mut problems = Vec::new();
    for (key, path) in files {
        match store::load_annotations(&path) {
            Ok(doc) => {
                layer.documents.insert(key, doc);
            }
            Err(error) => problems.push(error.to_string()),
        }
    }
    Ok((layer, problems))
}

/// Every `*.json` file under `dir` (hidden entries skipped), with its path
/// relative to `root` in `/` form.
fn collect_json(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_json(root, &path, out)?;
        } else if kind.is_file() && path.extension().is_some_and(|x| x == "json") {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let key = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            out.push((key, path));
        }
    }
    Ok(())
}

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

/// The report as text: per pair, α, then the least agreeing documents.
pub fn text_report(report: &AgreementReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} annotators, {} document(s) compared; only accepted and hand-made spans count unless --with-suggestions",
        report.annotators.len(),
        report.documents.len()
    );
    for pair in &report.pairs {
        let [a, b] = &pair.annotators;
        let _ = writeln!(out, "\n{a} ↔ {b} ({} document(s))", pair.documents);
        let c = pair.span_f1.counts.overall;
        let _ =
            writeln!(out, "  span F1      {}  (tp {}, fp {}, fn {})", figure(pair.span_f1.overall), c.tp, c.fp, c.fn_);
        for (label, f1) in &pair.span_f1.labels {
            let c = pair.span_f1.counts.labels.get(label).copied().unwrap_or_default();
            let _ = writeln!(out, "    {label:<12} {}  (tp {}, fp {}, fn {})", figure(*f1), c.tp, c.fp, c.fn_);
        }
        let _ = writeln!(
            out,
            "  Cohen's κ    {}  over {} tokens",
            figure(pair.cohen_kappa.overall),
            pair.cohen_kappa.tokens
        );
        for (label, kappa) in &pair.cohen_kappa.labels {
            let _ = writeln!(out, "    {label:<12} {}", figure(*kappa));
        }
        let q = &pair.quotes;
        let _ = writeln!(
            out,
            "  quotations   F1 {}, kind {}, speaker {}  (matched {}, only {a} {}, only {b} {})",
            figure(q.f1),
            figure(q.kind_agreement),
            figure(q.speaker_agreement),
            q.counts.matched,
            q.counts.only_first,
            q.counts.only_second
        );
    }
    let alpha = &report.krippendorff_alpha;
    let _ = writeln!(
        out,
        "\nKrippendorff's α (nominal, all annotators)  {}  over {} tokens",
        figure(alpha.overall),
        alpha.units
    );
    for (label, value) in &alpha.labels {
        let _ = writeln!(out, "    {label:<12} {}", figure(*value));
    }
    let _ = writeln!(out, "\nLeast agreeing documents (span F1, κ, quotation F1):");
    for doc in report.worst_first().into_iter().take(10) {
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}",
            figure(doc.span_f1),
            figure(doc.cohen_kappa),
            figure(doc.quotes_f1),
            doc.document
        );
    }
    if !report.unanchored.is_empty() {
        let _ = writeln!(out, "\nNot placed on the compared text (article edited; in no figure):");
        for u in &report.unanchored {
            let _ =
                writeln!(out, "  {} ({}): {} {:?} at {}..{}", u.document, u.annotator, u.span, u.text, u.start, u.end);
        }
    }
    if !report.not_compared.is_empty() {
        let _ = writeln!(out, "\nOnly one annotator has (not compared):");
        for n in &report.not_compared {
            let _ = writeln!(out, "  {} ({})", n.document, n.annotator);
        }
    }
    out
}
