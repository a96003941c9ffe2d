//! The non-UI costs of a big project (what the app does before and while its
//! document list is on screen): listing, reading the summaries, filtering and
//! searching as the app's search window does (the files read as the search
//! goes: the time to the first results and to the end), with the resident
//! memory after each step and its peak; last, for comparison, the search over
//! a corpus loaded whole first.
//!
//! `cargo run --release --example big_project -- FOLDER [--make N] [--analyse]`
//! (`--make N` first writes N short articles made of the samples' paragraphs
//! into FOLDER, in folders of 1,000; `--analyse` then writes suggestions for
//! every article without them, as the app does in the background, so that
//! searches read annotation files).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use sorot::analysis::Analyzer;
use sorot::project::analyze_all::analyze_project;
use sorot::project::layout::Layout;
use sorot::project::scan::{scan, ArticleEntry};
use sorot::project::search::{load_corpus, search_text, SpanQuery};
use sorot::project::search_stream::{search_streaming, Query, Scope};
use sorot::project::status::{summaries, Filter};

const PUTIN_KIM: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");
const HARBOUR: &str = include_str!("../assets/samples/harbour-bridge-vote.txt");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(folder) = args.first().map(PathBuf::from) else {
        eprintln!("usage: big_project FOLDER [--make N] [--analyse]");
        return;
    };
    if let Some(n) = args.iter().position(|a| a == "--make").and_then(|i| args.get(i + 1)?.parse().ok()) {
        if let Err(error) = make(&folder, n) {
            eprintln!("cannot write the articles: {error}");
            return;
        }
    }
    if args.iter().any(|a| a == "--analyse") {
        analyse(&folder);
    }
    measure(&folder);
}

/// Suggestions for every article without them, written as the app's
/// background analysis writes them (a batch: one sync at the end).
fn analyse(folder: &Path) {
    let entries = scan(folder).articles;
    let step = Instant::now();
    let run = analyze_project(&Layout::new(folder), &entries, &Analyzer::new(), &AtomicBool::new(false), |_| {});
    let detail = format!("{} written, {} had some, {} failed", run.written, run.skipped, run.failures.len());
    report("analysed", step, &detail);
    if let Some(why) = run.unsynced {
        eprintln!("{why}");
    }
}

/// `n` articles of a few paragraphs each, `k/NNNNNN.txt`.
fn make(folder: &Path, n: usize) -> std::io::Result<()> {
    let paragraphs: Vec<&str> = PUTIN_KIM.split("\n\n").chain(HARBOUR.split("\n\n")).collect();
    for i in 0..n {
        let sub = folder.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&sub)?;
        let text: Vec<&str> =
            (0..4).filter_map(|k| paragraphs.get((i * 7 + k * 3) % paragraphs.len()).copied()).collect();
        std::fs::write(sub.join(format!("{i:06}.txt")), format!("Artikel {i}\n\n{}", text.join("\n\n")))?;
    }
    Ok(())
}

fn measure(folder: &Path) {
    let started = Instant::now();
    let listed = scan(folder);
    report("listed", started, &format!("{} articles", listed.articles.len()));
    let layout = Layout::new(folder);
    let step = Instant::now();
    let rows = summaries(&layout, &listed.articles);
    report("summaries read", step, &format!("{} rows", rows.len()));
    let step = Instant::now();
    let filter = Filter { text: "0421".to_owned(), ..Filter::default() };
    let matches = filter.matcher();
    let shown = rows.iter().filter(|r| matches(r)).count();
    report("filtered", step, &format!("{shown} rows match \"0421\""));
    let peak = PeakResident::start();
    let text = |t: &str| Query::Text(t.to_owned());
    let loc = Query::Spans(SpanQuery { label: Some("LOC".into()), text: "korea".into(), ..SpanQuery::default() });
    let queries =
        [("\"Putin\"", text("Putin")), ("\"denuklirisasi\"", text("denuklirisasi")), ("LOC spans \"korea\"", loc)];
    for (name, query) in &queries {
        search_lazily(&layout, &listed.articles, name, query);
    }
    search_lazily(&layout, &listed.articles, "a phrase found nowhere", &text("no such phrase anywhere"));
    println!("{:>22}: {} MB while searching", "peak resident", peak.stop());

    let step = Instant::now();
    let corpus = load_corpus(&layout, &listed.articles);
    report("(whole corpus loaded)", step, &format!("{} documents, as the search did before", corpus.len()));
    let step = Instant::now();
    let hits = search_text(&corpus, "no such phrase anywhere", 500);
    report("(searched it)", step, &format!("{} hits for a phrase that is nowhere", hits.len()));
}

/// The app's search: the files read as it goes, hits handed over a chunk at a
/// time; the time to the first hit and to the end (limit 5,000, as the app's).
fn search_lazily(layout: &Layout, entries: &[ArticleEntry], name: &str, query: &Query) {
    let scope = Scope { project: Some((layout, entries)), open: None };
    let step = Instant::now();
    let cpu = cpu_ms();
    let mut first = None;
    let outcome = search_streaming(scope, query, 5_000, &AtomicBool::new(false), |found| {
        if first.is_none() && !found.hits.is_empty() {
            first = Some(step.elapsed());
        }
    });
    let complete = step.elapsed();
    let cpu = cpu_ms() - cpu;
    let first = first.map_or("none".to_owned(), |t| format!("{:.1} ms", t.as_secs_f64() * 1e3));
    let end = if outcome.limited { "limit reached" } else { "every document read" };
    println!(
        "{:>22}: first results {first:>9}, complete {:>8.1} ms (CPU {cpu:.0} ms)  {} hits for {name} ({end}, {} of {} documents)  resident {} MB",
        "searched lazily",
        complete.as_secs_f64() * 1e3,
        outcome.hits,
        outcome.searched,
        outcome.total,
        resident_mb()
    );
}

/// CPU time of the process so far (all threads, user and system), in ms.
fn cpu_ms() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct it is given and nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

/// The highest resident memory seen while it runs (sampled every 5 ms).
struct PeakResident {
    stop: std::sync::Arc<AtomicBool>,
    sampler: std::thread::JoinHandle<u64>,
}

impl PeakResident {
    fn start() -> Self {
        let stop = std::sync::Arc::new(AtomicBool::new(false));
        let flag = std::sync::Arc::clone(&stop);
        let sampler = std::thread::spawn(move || {
            let mut peak = 0;
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(resident_mb());
                std::thread::sleep(Duration::from_millis(5));
            }
            peak.max(resident_mb())
        });
        Self { stop, sampler }
    }

    fn stop(self) -> u64 {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.sampler.join().unwrap_or(0)
    }
}

fn report(what: &str, since: Instant, detail: &str) {
    println!("{what:>22}: {:>8.1} ms  {detail:<48} resident {} MB", since.elapsed().as_secs_f64() * 1e3, resident_mb());
}

/// VmRSS in MB (Linux), or 0 where there is no /proc.
fn resident_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .unwrap_or(0);
    kb / 1024
}
