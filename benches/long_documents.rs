//! Frame and edit cost of the app on the sample article and on a 1 MB
//! document with some 20,000 spans, and analysis cost per character on both.
//!
//! The targets are ratios within one run: `frame/large` ≤ 2 ×
//! `frame/small`, `edit/large` ≤ 3 × `frame/small`, and `analyze/1mb` per byte
//! ≤ 1.2 × `analyze/article` per byte (criterion reports bytes per second);
//! `frame/autosave/large` (the frame in which an edit's autosave starts) ≤ 2 ×
//! `frame/small`, the write itself (`save/large`) happening on a worker.
//! `frame/project/large` (the same project app at rest) and
//! `frame/held/large` (the same edits with autosave held back) show what the
//! autosave itself adds.
//! Frames run headless through egui_kittest: the app's whole UI pass, CPU only.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use egui_kittest::Harness;
use sorot::analysis::Analyzer;
use sorot::model::SpanRef;
use sorot::store::{annotation_path_for, save_annotations, write_atomically};
use sorot::ui::{ReviewAction, SorotApp};

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
    let entities = &app.state().session()?.document.entities();
    let middle = SpanRef::Entity(entities.get(entities.len() / 2)?.id.clone());
    let ctx = app.ctx.clone();
    app.state_mut().perform(&ctx, ReviewAction::Select(Some(middle.clone())).into());
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
    let mut edit = move |app: &mut Harness<'static, SorotApp>| {
        let action = if accept { ReviewAction::Accept(middle.clone()) } else { ReviewAction::Undo };
        accept = !accept;
        app.state_mut().perform(&ctx, action.into());
        app.step();
    };
    c.bench_function("edit/large", |b| b.iter(|| edit(&mut large_app)));

    // The same three on the CPU time of this thread: on a machine shared
    // with other builds, wall time counts the time the frame waited for a
    // core; this does not, so ratios hold across runs.
    let mut group = c.benchmark_group("cpu");
    group.bench_function("frame/small", |b| b.iter_custom(|n| cpu_time(|| (0..n).for_each(|_| small_app.step()))));
    group.bench_function("frame/large", |b| b.iter_custom(|n| cpu_time(|| (0..n).for_each(|_| large_app.step()))));
    group.bench_function("edit/large", |b| b.iter_custom(|n| cpu_time(|| (0..n).for_each(|_| edit(&mut large_app)))));
    group.finish();
}

/// The CPU time this thread spends in `work`.
fn cpu_time(work: impl FnOnce()) -> std::time::Duration {
    let start = thread_cpu_clock();
    work();
    thread_cpu_clock().saturating_sub(start)
}

fn thread_cpu_clock() -> std::time::Duration {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec, which `now` is.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    std::time::Duration::new(now.tv_sec.max(0) as u64, now.tv_nsec.clamp(0, 999_999_999) as u32)
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

/// The large document in a project folder, so that edits autosave.
fn write_project(dir: &Path) -> Result<PathBuf, String> {
    let root = dir.join("project");
    let mut document =
        sorot::synthetic::large_document(LARGE_BYTES, LARGE_SPANS, &Analyzer::new()).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&root).map_err(|e| e.to_string())?;
    write_atomically(&root.join("large.txt"), document.text.as_bytes()).map_err(|e| e.to_string())?;
    let id = sorot::project::scan::ArticleId { path: "large.txt".into(), line: None };
    document.source = Some(PathBuf::from("large.txt"));
    sorot::project::open::save_document(&sorot::project::layout::Layout::new(&root), &id, &document)
        .map_err(|e| e.to_string())?;
    Ok(root)
}

/// Saving off the UI thread: writing the large document (what the worker
/// does), and the frames of edits that each make an autosave due at once
/// (what the annotator feels: a snapshot handed over, not a write).
fn saving(c: &mut Criterion) {
    let prepared = tempfile::tempdir().map_err(|e| e.to_string()).and_then(|dir| Ok((write_project(dir.path())?, dir)));
    let (root, _dir) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => return eprintln!("cannot prepare the project: {error}"),
    };
    let mut app = app_on(root.clone());
    let Some(document) = app.state().session().map(|s| s.document.clone()) else {
        return eprintln!("the large document did not open");
    };
    let path = root.join("copy.sorot.json");
    c.bench_function("save/large", |b| b.iter(|| save_annotations(black_box(&document), &path)));

    // Each sample: an edit shown with autosave held back (untimed), then the
    // frame in which the autosave becomes due and hands a snapshot over (timed).
    let Some(middle) = scroll_to_middle(&mut app) else { return };
    let ctx = app.ctx.clone();
    let policy = |secs| sorot::project::autosave::AutosavePolicy {
        quiet: std::time::Duration::from_secs(secs),
        max_delay: std::time::Duration::from_secs(secs),
    };
    let mut accept = true;
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    // The same project app at rest, and the same edit-then-frame sequence
    // with autosave held back: what the autosave frame is to be compared with.
    group.bench_function("project/large", |b| b.iter(|| app.step()));
    for (name, saves) in [("autosave/large", true), ("held/large", false)] {
        group.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                let mut timed = std::time::Duration::ZERO;
                for _ in 0..iterations {
                    app.state_mut().set_autosave_policy(policy(3600));
                    let action = if accept { ReviewAction::Accept(middle.clone()) } else { ReviewAction::Undo };
                    accept = !accept;
                    app.state_mut().perform(&ctx, action.into());
                    app.step();
                    while app.state().saves_pending() {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                        app.step();
                    }
                    if saves {
                        app.state_mut().set_autosave_policy(policy(0));
                    }
                    let start = std::time::Instant::now();
                    app.step();
                    timed += start.elapsed();
                }
                timed
            })
        });
    }
    group.finish();
}

criterion_group!(benches, frames, saving, analysis);
criterion_main!(benches);
