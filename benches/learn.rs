//! Learning from reviewed documents: the full update of a 1,000-document project
//! (every document done, relearned from the shipped model, as the project model
//! does after a document is marked done) and the learning of one document (which
//! includes copying the base weights, as every update does). Also what replacing
//! the app's suggester costs: building an analyser with learned weights (on the
//! worker) and freeing the old one (on a thread of its own, not the UI's: see
//! `examples/learning_frames.rs` for the frames while a project learns).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use sorot::analysis::Analyzer;
use sorot::annotate::suggest_document;
use sorot::learn::{LearnDoc, Learner};
use sorot::model::{Document, DoneMark, Status};
use std::hint::black_box;

const PUTIN_KIM: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");
const HARBOUR: &str = include_str!("../assets/samples/harbour-bridge-vote.txt");

/// Paragraphs per made-up article (about 2,500 characters).
const PARAGRAPHS: usize = 6;

/// `n` done documents, each a different choice of the samples' paragraphs with the
/// analysis' suggestions reviewed.
fn project(n: usize, analyzer: &Analyzer) -> Vec<(String, Document)> {
    let paragraphs: Vec<&str> =
        PUTIN_KIM.split("\n\n").chain(HARBOUR.split("\n\n")).filter(|p| p.trim().len() > 40).collect();
    (0..n)
        .map(|i| {
            let mut text = format!("Berita {i}\n\n");
            for j in 0..PARAGRAPHS {
                let k = (i * 7 + j * 11) % paragraphs.len().max(1);
                text.push_str(paragraphs.get(k).copied().unwrap_or(""));
                text.push_str("\n\n");
            }
            let doc = suggest_document(text, None, analyzer);
            // The annotator keeps two suggestions in three and rejects the third, so
            // that learning has corrections to make, as it would on another corpus.
            let mut entities = doc.entities().to_vec();
            for (k, e) in entities.iter_mut().enumerate() {
                e.status = if (i + k) % 3 == 0 { Status::Rejected } else { Status::Accepted };
            }
            let quotes = doc.quotes().to_vec();
            let mut doc = doc.with_spans(entities, quotes);
            doc.done = Some(DoneMark::default());
            (format!("doc-{i:04}"), doc)
        })
        .collect()
}

fn learning(c: &mut Criterion) {
    let Ok(learner) = Learner::shipped() else {
        eprintln!("the shipped tagger model does not load");
        return;
    };
    let docs = project(1_000, &Analyzer::new());
    let refs: Vec<LearnDoc> = docs.iter().map(|(id, document)| LearnDoc { id, document }).collect();
    let mut group = c.benchmark_group("learn");
    group.sample_size(10);
    group.throughput(Throughput::Elements(refs.len() as u64));
    group.bench_function("full_update_1000_docs", |b| b.iter(|| learner.learn(black_box(&refs))));
    group.throughput(Throughput::Elements(1));
    let one = refs.get(..1).unwrap_or(&[]);
    group.bench_function("one_document", |b| b.iter(|| learner.learn(black_box(one))));
    let weights = learner.base().clone();
    group.bench_function("build_analyzer", |b| b.iter(|| Analyzer::with_weights(black_box(weights.clone()))));
    group.bench_function("free_analyzer", |b| {
        b.iter_batched(|| Analyzer::with_weights(weights.clone()), drop, BatchSize::PerIteration)
    });
    group.finish();
}

criterion_group!(benches, learning);
criterion_main!(benches);
