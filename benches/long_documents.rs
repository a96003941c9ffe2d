//! Frame and edit cost of the app on the sample article and on a 1 MB
//! document with some 20,000 spans, and analysis cost per character on both.
//!
//! The targets are ratios within one run: `frame/large` ≤ 2 ×
//! `frame/small`, `edit/large` ≤ 3 × `frame/small`, and `analyze/1mb` per byte
//! ≤ 1.2 × `analyze/article` per byte (criterion reports bytes per second).
//! Frames run headless through egui_kittest: the app's whole UI pass, CPU only.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use egui_kittest::Harness;
use sorot::analysis::Analyzer;
use sorot::model::SpanRef;
use sorot::store::{annotation_path_for, save_annotations, write_atomically};
use sorot::ui::{Action, SorotApp};

const SAMPLE: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");
const LARGE_BYTES: usize = 1_000_000;
const LARGE_SPANS: usize = 20_000;

fn app_on(article: PathBuf) -> Harness<'static, SorotApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 820.0])
        .with_max_steps(64)
        .build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, article));
    harness.run();
    harness
}

/// Writes the sample and the large document (with its annotations) into `dir`.
fn write_articles(dir: &Path) -> Result<(PathBuf, PathBuf), String> {
    let small = dir.join("sample.txt");
    write_atomically(&small, SAMPLE.as_bytes()).map_err(|e| e.to_string())?;
    let large = dir.join("large.txt");
    let mut document =
        sorot::synthetic::large_document(LARGE_BYTES, LARGE_SPANS, &Analyzer::new()).map_err(|e| e.to_string())?;
    document.source = Some(large.clone());
    write_atomically(&large, document.text.as_bytes()).map_err(|e| e.to_string())?;
    save_annotations(&document, &annotation_path_for(&large)).map_err(|e| e.to_string())?;
    Ok((small, large))
}

/// Selects the entity in the middle of the document and lets the view settle there.
fn scroll_to_middle(app: &mut Harness<'static, SorotApp>) -> Option<SpanRef> {
    let entities = &app.state().session()?.document.entities;
    let middle = SpanRef::Entity(entities.get(entities.len() / 2)?.id.clone());
    let ctx = app.ctx.clone();
    app.state_mut().perform(&ctx, Action::Select(Some(middle.clone())));
    app.run();
    Some(middle)
}

fn frames(c: &mut Criterion) {
    let prepared =
        tempfile::tempdir().map_err(|e| e.to_string()).and_then(|dir| Ok((write_articles(dir.path())?, dir)));
    let ((small, large), _dir) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return eprintln!("cannot prepare the documents: {error}"),
    };
    let mut small_app = app_on(small);
    let mut large_app = app_on(large);
    let Some(middle) = scroll_to_middle(&mut large_app) else {
        return eprintln!("the large document did not open");
    };

    let mut group = c.benchmark_group("frame");
    group.bench_function("small", |b| b.iter(|| small_app.step()));
    group.bench_function("large", |b| b.iter(|| large_app.step()));
    group.finish();

    // Accept the middle suggestion, then undo it: every iteration is one edit
    // and the frame that shows it.
    let ctx = large_app.ctx.clone();
    let mut accept = true;
    c.bench_function("edit/large", |b| {
        b.iter(|| {
            let action = if accept { Action::Accept(middle.clone()) } else { Action::Undo };
            accept = !accept;
            large_app.state_mut().perform(&ctx, action);
            large_app.step();
        })
    });
}

fn analysis(c: &mut Criterion) {
    let analyzer = Analyzer::new();
    let large = sorot::synthetic::large_document(LARGE_BYTES, 0, &analyzer).map(|d| d.text).unwrap_or_default();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    group.bench_function("article", |b| b.iter(|| analyzer.analyze(black_box(SAMPLE))));
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.bench_function("1mb", |b| b.iter(|| analyzer.analyze(black_box(&large))));
    group.finish();
}

criterion_group!(benches, frames, analysis);
criterion_main!(benches);
