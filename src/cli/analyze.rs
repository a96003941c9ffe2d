//! `sorot analyze`: suggestions for many articles on all cores, one JSON file
//! each, with a progress bar on the terminal; or, with `--jsonl`, a stream of
//! articles in and documents out (see [`crate::stream`]).

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::builder::TypedValueParser;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::analysis::Analyzer;
use crate::learn::{read_lessons, read_model_or_shipped};
use crate::model::Document;
use crate::project::analyze_all::{analyze_each, Progress, RunReport};
use crate::project::scan::{scan, ArticleEntry};
use crate::store;
use crate::stream::{analyze_stream, StreamOptions};

/// `sorot analyze` arguments.
#[derive(Debug, Clone, Args)]
pub struct AnalyzeArgs {
    /// Article files or folders of articles (not with --jsonl).
    #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
    pub paths: Vec<PathBuf>,
    /// Read articles as JSON Lines from this file (`-`: standard input).
    #[arg(long, value_name = "IN")]
    pub jsonl: Option<PathBuf>,
    /// Folder to write the JSON files to (created if missing); with --jsonl, the
    /// JSON Lines file to write (`-`: standard output).
    #[arg(long)]
    pub out: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// With --jsonl: lines longer than this many bytes become error records
    /// (at most 1 GiB: the analysis' tokens hold 30-bit offsets).
    #[arg(long, default_value_t = store::MAX_ARTICLE_BYTES as usize, requires = "jsonl",
          value_parser = clap::value_parser!(u64).range(..=MAX_LINE_BYTES_LIMIT).map(|n| n as usize))]
    pub max_line_bytes: usize,
    /// Tagger model to suggest with (from `sorot learn`); one that cannot be
    /// used is refused with its reason and the shipped model used instead. Its
    /// quotation lessons (`MODEL.lessons.json`) are used too, where it has them.
    #[arg(long)]
    pub model: Option<PathBuf>,
}

/// The longest `--max-line-bytes`: a line of at most this many bytes has at most
/// [`MAX_OFFSET`](crate::analysis::tokenizer::MAX_OFFSET) + 1 code points, all of
/// which the analysis tokenizes.
const MAX_LINE_BYTES_LIMIT: u64 = crate::analysis::tokenizer::MAX_OFFSET as u64 + 1;

/// Exit status of a stream whose lines were not all analysed.
const SOME_LINES_FAILED: u8 = 1;
/// Exit status of a stream that could not be read or written.
const STREAM_FAILED: u8 = 2;

/// Runs `sorot analyze` in folder or stream mode.
pub fn run_analyze(args: &AnalyzeArgs) -> ExitCode {
    keep_large_blocks_unpooled();
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)).max(1);
    let analyzer = match args.model.as_deref().map(read_model_or_shipped).transpose() {
        Ok(None) => Analyzer::new(),
        Ok(Some((weights, Some(warning)))) => {
            eprintln!("sorot: warning: {warning}");
            Analyzer::with_weights(weights)
        }
        Ok(Some((weights, None))) => with_lessons(Analyzer::with_weights(weights), args.model.as_deref()),
        Err(error) => {
            eprintln!("sorot: {error}");
            return ExitCode::FAILURE;
        }
    };
    match &args.jsonl {
        Some(input) => run_stream(&analyzer, input, &args.out, threads, args.max_line_bytes),
        None => run_folders(&analyzer, &args.paths, &args.out, threads),
    }
}

/// `analyzer` with the quotation lessons kept beside the model at `model`, if
/// it has any; lessons that cannot be used are named and left out.
fn with_lessons(analyzer: Analyzer, model: Option<&Path>) -> Analyzer {
    let Some(model) = model else { return analyzer };
    match read_lessons(model) {
        Ok(Some(lessons)) => lessons.extend(analyzer),
        Ok(None) => analyzer,
        Err(error) => {
            eprintln!("sorot: warning: {error}; suggesting without the model's quotation lessons");
            analyzer
        }
    }
}

/// Blocks of 128 KiB and more are mapped and unmapped on their own, as glibc
/// does until a large block is freed: from then on it raises that threshold (up
/// to 32 MiB) and keeps freed large blocks in its heap. A long article's
/// analysis frees its tables before its annotations are built, and with the
/// raised threshold they stayed resident: 80 MB more at the peak on 16 MiB of
/// quote-dense text (449 MB instead of 366 MB). Small articles allocate few
/// blocks that large, so the cost of mapping them is negligible.
fn keep_large_blocks_unpooled() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a glibc tuning value under its own lock; the
    // threshold applies to allocations made after it and no memory is touched.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Analyses every article under `paths` into `out`; names each bad file with its
/// reason on stderr and returns failure if there was any.
fn run_folders(analyzer: &Analyzer, paths: &[PathBuf], out: &Path, threads: usize) -> ExitCode {
    if let Err(error) = std::fs::create_dir_all(out) {
        eprintln!("sorot: cannot create {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    let (entries, listing_failures) = collect_articles(paths);
    let targets = output_paths(&entries, out);
    let bar = progress_bar(entries.len() as u64);
    let run = || {
        analyze_each(
            &entries,
            analyzer,
            &AtomicBool::new(false),
            |p: Progress| {
                bar.set_position(p.done as u64);
                bar.set_message(p.current.to_string());
            },
            |entry: &ArticleEntry, document: Document| {
                let target = targets.get(&key(entry)).ok_or_else(|| format!("{}: no output name", entry.id))?;
                // Regenerable output: no flush per file, one sync below.
                store::save_annotations_in_batch(&document, target).map_err(|e| e.to_string())
            },
        )
    };
    let report: RunReport = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(run),
        Err(error) => {
            eprintln!("sorot: cannot start {threads} worker thread(s): {error}");
            return ExitCode::FAILURE;
        }
    };
    bar.finish_and_clear();
    let synced = store::sync_folder(out);
    // Reported after the bar is gone: a hidden bar (not a terminal) prints nothing.
    report.warnings.iter().for_each(|(_, warning)| eprintln!("sorot: warning: {warning}"));
    report.failures.iter().for_each(|(_, reason)| eprintln!("sorot: {reason}"));
    // Articles that could not even be read (a FIFO, a bad name) count as found:
    // "wrote 1 of 2" says at once that one is missing.
    let found = entries.len() + listing_failures;
    eprintln!("sorot: wrote {} of {found} article(s) to {}", report.written, out.display());
    if let Err(error) = synced {
        eprintln!("sorot: the files in {} may not be on disk yet: {error}", out.display());
        return ExitCode::FAILURE;
    }
    let failures = listing_failures + report.failures.len();
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("sorot: {failures} article(s) failed");
        ExitCode::FAILURE
    }
}

/// Stream mode: `input` and `out` are files or `-`.
fn run_stream(analyzer: &Analyzer, input: &Path, out: &Path, threads: usize, max_line_bytes: usize) -> ExitCode {
    match stream_to(analyzer, input, out, threads, max_line_bytes) {
        Ok((lines, 0)) => {
            eprintln!("sorot: analysed {lines} line(s)");
            ExitCode::SUCCESS
        }
        Ok((lines, failed)) => {
            eprintln!("sorot: analysed {} of {lines} line(s); {failed} became error records", lines - failed);
            ExitCode::from(SOME_LINES_FAILED)
        }
        Err(message) => {
            eprintln!("sorot: {message}");
            ExitCode::from(STREAM_FAILED)
        }
    }
}

fn is_standard(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Lines read and lines failed, or why the stream stopped.
fn stream_to(
    analyzer: &Analyzer,
    input: &Path,
    out: &Path,
    threads: usize,
    max_line_bytes: usize,
) -> Result<(usize, usize), String> {
    if !is_standard(input) && !is_standard(out) && same_file(input, out) {
        return Err(format!("refusing to write {}: it is the input", out.display()));
    }
    let options = StreamOptions { max_line_bytes, ..StreamOptions::with_threads(threads) };
    let report_line = |failure: &crate::stream::LineFailure| eprintln!("sorot: {failure}");
    let reader: Box<dyn std::io::BufRead + Send> = if is_standard(input) {
        Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()))
    } else {
        let file = std::fs::File::open(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    if is_standard(out) {
        let mut writer = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let report = analyze_stream(reader, &mut writer, analyzer, &options, report_line)
            .map_err(|e| format!("stream stopped: {e}"))?;
        return Ok((report.lines, report.failed));
    }
    // A file is written beside its final name and renamed into place once
    // complete and on disk: a run that stops half way leaves no half file.
    let folder = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = tempfile::Builder::new()
        .prefix(".sorot-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| format!("cannot write in {}: {e}", folder.display()))?;
    let mut writer = BufWriter::with_capacity(1 << 16, temp);
    let report = analyze_stream(reader, &mut writer, analyzer, &options, report_line)
        .map_err(|e| format!("stream stopped: {e}"))?;
    let write_error = |e: std::io::Error| format!("cannot write {}: {e}", out.display());
    writer.flush().map_err(write_error)?;
    let temp = writer.into_inner().map_err(|e| write_error(e.into_error()))?;
    temp.as_file().sync_all().map_err(write_error)?;
    temp.persist(out).map_err(|e| write_error(e.error))?;
    Ok((report.lines, report.failed))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
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
