//! Tagging throughput (tokens per second on one core) and the latency of analysing
//! one ~4,000-character article end to end (tokenizer, dates, tagger, quotes).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sorot::analysis::doc::Doc;
use sorot::analysis::lexicon::Lexicon;
use sorot::analysis::tagger::Tagger;
use sorot::analysis::Analyzer;
use std::hint::black_box;

const PUTIN_KIM: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");
const HARBOUR: &str = include_str!("../assets/samples/harbour-bridge-vote.txt");

/// The samples' paragraphs, repeated until the text has at least `chars` characters.
fn article_of_about(chars: usize) -> String {
    let paragraphs: Vec<&str> = PUTIN_KIM.split("\n\n").chain(HARBOUR.split("\n\n")).collect();
    let mut out = String::new();
    for p in paragraphs.iter().cycle().take(10_000) {
        if out.chars().count() >= chars {
            break;
        }
        out.push_str(p);
        out.push_str("\n\n");
    }
    out
}

fn tagging(c: &mut Criterion) {
    let lex = std::sync::Arc::new(Lexicon::new());
    let Ok(tagger) = Tagger::builtin(&lex) else {
        eprintln!("the shipped tagger model does not load");
        return;
    };
    let text = article_of_about(40_000);
    let doc = Doc::new(&text);
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(doc.tokens.len() as u64));
    group.bench_function("tag_40k_chars", |b| b.iter(|| tagger.tag(black_box(&text), black_box(&doc), &lex)));
    group.finish();
}

fn article(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    let text = article_of_about(4_000);
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("article_4k_chars", |b| b.iter(|| analyzer.analyze(black_box(&text))));
    group.finish();
}

fn loading(c: &mut Criterion) {
    let lex = std::sync::Arc::new(Lexicon::new());
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("tagger_builtin", |b| b.iter(|| Tagger::builtin(&lex).is_ok()));
    group.finish();
}

criterion_group!(benches, tagging, article, loading);
criterion_main!(benches);
