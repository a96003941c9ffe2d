//! Stream mode on short news articles (the shape of a pre-annotation corpus):
//! JSON Lines in, documents out, on one thread and on two, and the cost of one
//! line alone. Throughput is in bytes of input.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sorot::analysis::Analyzer;
use sorot::stream::{analyze_line, analyze_stream, StreamOptions};
use std::hint::black_box;

const PUTIN_KIM: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");
const HARBOUR: &str = include_str!("../assets/samples/harbour-bridge-vote.txt");

/// `count` short articles (~1.6 KB: a few paragraphs of the samples each) as JSON Lines.
fn corpus(count: usize) -> String {
    let paragraphs: Vec<&str> = PUTIN_KIM.split("\n\n").chain(HARBOUR.split("\n\n")).collect();
    let mut cycle = paragraphs.iter().cycle();
    let mut out = String::new();
    for i in 0..count {
        let mut text = String::new();
        while text.len() < 1_600 {
            text.push_str(cycle.next().copied().unwrap_or_default());
            text.push_str("\n\n");
        }
        out.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        out.push('\n');
    }
    out
}

fn stream(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    let input = corpus(200);
    let mut group = c.benchmark_group("stream");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(input.len() as u64));
    for threads in [1, 2] {
        let options = StreamOptions::with_threads(threads);
        group.bench_function(format!("short_articles_{threads}_threads"), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(input.len() * 4);
                analyze_stream(black_box(input.as_bytes()), &mut out, &analyzer, &options, |_| {}).map(|r| r.lines)
            })
        });
    }
    group.finish();
    let line = corpus(1);
    let mut group = c.benchmark_group("stream");
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.bench_function("one_line", |b| b.iter(|| analyze_line(1, black_box(line.trim_end().as_bytes()), &analyzer)));
    group.finish();
}

criterion_group!(benches, stream);
criterion_main!(benches);
