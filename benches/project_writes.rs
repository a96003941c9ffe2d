//! How the app's background analysis writes a project's suggestions: each
//! file flushed to disk on its own (as before), or as a batch — no flush per
//! file, one sync of the file system at the end — both creating files only
//! where none exists (a hard link that fails if one does).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use sorot::analysis::Analyzer;
use sorot::annotate::suggest_document;
use sorot::project::layout::Layout;
use sorot::project::open::{save_new_document, save_new_document_in_batch};
use sorot::project::scan::ArticleId;
use sorot::store::sync_folder;

const PUTIN_KIM: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");

/// Files written per iteration.
const FILES: usize = 200;

fn writes(c: &mut Criterion) {
    let document = suggest_document(PUTIN_KIM.to_owned(), None, &Analyzer::new());
    let ids: Vec<ArticleId> =
        (0..FILES).map(|i| ArticleId { path: format!("{:02}/{i:04}.txt", i / 100), line: None }).collect();
    let mut group = c.benchmark_group("project_writes");
    group.sample_size(10);
    // A folder of its own per iteration (`None` if none can be made: nothing written).
    let fresh = || tempfile::tempdir().ok();
    group.bench_function(format!("fsync_each_{FILES}_files"), |b| {
        b.iter_batched(
            fresh,
            |dir| {
                let layout = Layout::new(dir.as_ref()?.path());
                let written = ids.iter().filter(|id| matches!(save_new_document(&layout, id, &document), Ok(true)));
                Some((written.count(), dir))
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function(format!("batch_{FILES}_files_one_sync"), |b| {
        b.iter_batched(
            fresh,
            |dir| {
                let layout = Layout::new(dir.as_ref()?.path());
                let written =
                    ids.iter().filter(|id| matches!(save_new_document_in_batch(&layout, id, &document), Ok(true)));
                let written = written.count();
                Some((written, sync_folder(&layout.annotations_dir()).is_ok(), dir))
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, writes);
criterion_main!(benches);
