//! The non-UI costs of a big project (what the app does before and while its
//! document list is on screen): listing, reading the summaries, filtering and
//! searching, with the resident memory after each step.
//!
//! `cargo run --release --example big_project -- FOLDER [--make N]`
//! (`--make N` first writes N short articles made of the samples' paragraphs
//! into FOLDER, in folders of 1,000, then measures).

use std::path::{Path, PathBuf};
use std::time::Instant;

use sorot::project::layout::Layout;
use sorot::project::scan::scan;
use sorot::project::search::{load_corpus, search_text};
use sorot::project::status::{summaries, Filter};

const PUTIN_KIM: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");
const HARBOUR: &str = include_str!("../assets/samples/harbour-bridge-vote.txt");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(folder) = args.first().map(PathBuf::from) else {
        eprintln!("usage: big_project FOLDER [--make N]");
        return;
    };
    if let Some(n) = args.iter().position(|a| a == "--make").and_then(|i| args.get(i + 1)?.parse().ok()) {
        if let Err(error) = make(&folder, n) {
            eprintln!("cannot write the articles: {error}");
            return;
        }
    }
    measure(&folder);
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
    let step = Instant::now();
    let corpus = load_corpus(&layout, &listed.articles);
    report("search corpus loaded", step, &format!("{} documents", corpus.len()));
    for needle in ["denuklirisasi", "Putin"] {
        let step = Instant::now();
        let hits = search_text(&corpus, needle, 500);
        report("searched", step, &format!("{} hits for {needle:?} (limit 500)", hits.len()));
    }
    let step = Instant::now();
    let hits = search_text(&corpus, "no such phrase anywhere", 500);
    report("searched", step, &format!("{} hits for a phrase that is nowhere (every text read)", hits.len()));
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
