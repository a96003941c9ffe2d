//! Agreement on a synthetic team project: 200 documents, each annotated by 3
//! annotators who start from the analysis's suggestions and each drop,
//! relabel and re-attribute some of them in their own pattern.
//!
//! The target: the whole project's agreement in under 1 s.
//! `agreement/memory` times aligning and computing on documents in memory;
//! `agreement/project` adds what the app and `sorot agreement PROJECT` do
//! first: listing the project, reading 600 layer files and 200 articles.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use sorot::agreement::{agreement, Corpus, Layer, SpanFilter};
use sorot::analysis::Analyzer;
use sorot::annotate::suggest_document;
use sorot::model::{Document, Status};
use sorot::project::layers::load_layers;
use sorot::project::layout::Layout;
use sorot::project::open::save_document;
use sorot::project::scan::{scan, ArticleId};
use sorot::store::write_atomically;

const SAMPLES: [&str; 2] = [
    include_str!("../assets/samples/teritorial-putin-kim.txt"),
    include_str!("../assets/samples/harbour-bridge-vote.txt"),
];
const DOCUMENTS: usize = 200;
const ANNOTATORS: [&str; 3] = ["ana", "budi", "cici"];

/// Document `i`: a sample with a numbered closing line, suggestions from the analysis.
fn base_documents() -> Vec<Document> {
    let analyzer = Analyzer::new();
    let bases: Vec<Document> = SAMPLES.iter().map(|s| suggest_document((*s).to_owned(), None, &analyzer)).collect();
    (0..DOCUMENTS)
        .map(|i| {
            let base = &bases[i % bases.len()];
            Document::new(format!("{}\n\nDokumen {i}.", base.text), None)
                .with_spans(base.entities().to_vec(), base.quotes().to_vec())
        })
        .collect()
}

/// Annotator `a`'s version of document `i`: every span reviewed, some changed.
fn version(doc: &Document, i: usize, a: usize) -> Document {
    let labels = ["PERSON", "ORG", "LOC"];
    let (mut entities, mut quotes) = (doc.entities().to_vec(), doc.quotes().to_vec());
    for (j, entity) in entities.iter_mut().enumerate() {
        let turn = (i * 31 + j * 7 + a * 13) % 17;
        entity.status = if turn == 0 { Status::Rejected } else { Status::Accepted };
        if turn == 1 {
            entity.label = labels[(j + a) % labels.len()].into();
        }
    }
    for (j, quote) in quotes.iter_mut().enumerate() {
        quote.status = Status::Accepted;
        if (i + j + a).is_multiple_of(5) {
            quote.speaker = None;
        }
    }
    doc.clone().with_spans(entities, quotes)
}

fn layers(docs: &[Document]) -> Vec<Layer> {
    ANNOTATORS
        .iter()
        .enumerate()
        .map(|(a, name)| Layer {
            annotator: (*name).to_owned(),
            documents: docs.iter().enumerate().map(|(i, d)| (format!("news/{i:03}.txt"), version(d, i, a))).collect(),
        })
        .collect()
}

fn write_project(root: &Path, docs: &[Document]) -> Result<(), String> {
    let layout = Layout::new(root);
    for (i, doc) in docs.iter().enumerate() {
        let id = ArticleId { path: format!("news/{i:03}.txt"), line: None };
        let article = layout.article_path(&id);
        std::fs::create_dir_all(root.join("news")).map_err(|e| e.to_string())?;
        write_atomically(&article, doc.text.as_bytes()).map_err(|e| e.to_string())?;
        for (a, name) in ANNOTATORS.iter().enumerate() {
            let layer = layout.for_annotator(name).map_err(|e| e.to_string())?;
            save_document(&layer, &id, &version(doc, i, a)).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn bench_agreement(c: &mut Criterion) {
    let docs = base_documents();
    let mut group = c.benchmark_group("agreement");
    group.sample_size(10);
    group.bench_function("memory", |b| {
        b.iter_batched(
            || layers(&docs),
            |layers| {
                let corpus = Corpus::align(layers, &BTreeMap::new()).map_err(|e| e.to_string());
                corpus.map(|corpus| black_box(agreement(&corpus, SpanFilter::default())))
            },
            criterion::BatchSize::LargeInput,
        )
    });
    let Ok(dir) = tempfile::tempdir() else { return };
    if let Err(error) = write_project(dir.path(), &docs) {
        eprintln!("cannot write the synthetic project: {error}");
        return;
    }
    let names: Vec<String> = ANNOTATORS.iter().map(|n| (*n).to_owned()).collect();
    group.bench_function("project", |b| {
        b.iter(|| {
            let layout = Layout::new(dir.path());
            let found = scan(dir.path());
            let loaded = load_layers(&layout, &found.articles, &names);
            let corpus = Corpus::align(loaded.layers, &loaded.texts).map_err(|e| e.to_string());
            corpus.map(|corpus| black_box(agreement(&corpus, SpanFilter::default())))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_agreement);
criterion_main!(benches);
