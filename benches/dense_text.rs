//! Analysis of hostile text dense with quotes and names: one short quoted sentence
//! with a cue and a speaker, repeated to 1, 4 and 16 MiB. Every analysis pass must be
//! linear (or n log n) in the text, so the time per byte at 16 MiB stays within 1.5 ×
//! that at 1 MiB (criterion reports bytes per second for each size).
//!
//! Before measuring, each size is analysed once and the process's peak resident
//! memory (VmHWM) during it is printed against the text size (target: the growth
//! over the resident size before the text was made, text included, stays under
//! 20 × the text). The peak is reset before each size (`/proc/self/clear_refs`),
//! so that neither building the analyser nor an earlier size hides it.
//!
//! ```sh
//! cargo bench --bench dense_text
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use sorot::analysis::Analyzer;

/// A sentence of our own making: a direct quote, its cue and a named speaker.
const SENTENCE: &str = "“Kami siap,” kata Joko Widodo. ";
const MIB: usize = 1024 * 1024;
const SIZES_MIB: [usize; 3] = [1, 4, 16];

/// `SENTENCE` repeated to at most `bytes` bytes, ending on a whole sentence.
fn dense_text(bytes: usize) -> String {
    SENTENCE.repeat(bytes / SENTENCE.len())
}

/// A figure of this process's /proc status in bytes (Linux only): `VmHWM` is the
/// peak resident set size, `VmRSS` the current one.
fn status_bytes(field: &str) -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Resets the peak resident size to the current one; false where Linux does not
/// allow it (then peaks are measured against the first baseline).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Analyses each size once, smallest first, and prints how far the peak rose
/// over the resident size before its text was made.
fn report_memory(analyzer: &Analyzer) {
    black_box(analyzer.analyze(&dense_text(64 * 1024)));
    let Some(first_baseline) = status_bytes("VmRSS:") else { return eprintln!("VmRSS is not available here") };
    for mib in SIZES_MIB {
        let baseline = if reset_peak() { status_bytes("VmRSS:").unwrap_or(first_baseline) } else { first_baseline };
        let text = dense_text(mib * MIB);
        black_box(analyzer.analyze(&text));
        if let Some(peak) = status_bytes("VmHWM:") {
            let growth = peak.saturating_sub(baseline) as f64 / text.len() as f64;
            eprintln!("dense {mib} MiB: peak {} MiB, {growth:.1} × the text over the baseline", peak / MIB);
        }
    }
}

fn dense(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    report_memory(&analyzer);
    let mut group = c.benchmark_group("dense");
    group.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_millis(1));
    for mib in SIZES_MIB {
        let text = dense_text(mib * MIB);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.measurement_time(Duration::from_secs(3 * mib as u64));
        group.bench_function(format!("{mib}mib"), |b| b.iter(|| black_box(analyzer.analyze(black_box(&text)))));
    }
    group.finish();
}

criterion_group!(benches, dense);
criterion_main!(benches);
