//! Heap the app keeps alive with a document open: the sample article against
//! a 1 MB document with some 20,000 spans (issue target: the large document
//! costs under 10 × its text size beyond the app's baseline).
//!
//! ```sh
//! cargo run --release --example memory_footprint
//! ```
//!
//! Live bytes are counted by a wrapping global allocator, so the figure is
//! what the app holds, not what the C allocator has yet to give back.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicIsize, Ordering};

use egui_kittest::Harness;
use sorot::analysis::Analyzer;
use sorot::store::{annotation_path_for, save_annotations, write_atomically};
use sorot::ui::SorotApp;

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const SAMPLE: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

/// Live heap while the app shows `article`, minus what was live before it started.
fn app_heap(article: PathBuf) -> isize {
    let before = live();
    let mut harness = Harness::builder()
        .with_size([1280.0, 820.0])
        .with_max_steps(64)
        .build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, article));
    harness.run();
    let held = live() - before;
    drop(harness);
    held
}

fn write_large(dir: &Path, analyzer: &Analyzer) -> Result<(PathBuf, usize, usize), String> {
    let large = dir.join("large.txt");
    let mut document = sorot::synthetic::large_document(1_000_000, 20_000, analyzer).map_err(|e| e.to_string())?;
    document.source = Some(large.clone());
    write_atomically(&large, document.text.as_bytes()).map_err(|e| e.to_string())?;
    save_annotations(&document, &annotation_path_for(&large)).map_err(|e| e.to_string())?;
    Ok((large, document.text.len(), document.entities().len() + document.quotes().len()))
}

fn run() -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let small = dir.path().join("sample.txt");
    write_atomically(&small, SAMPLE.as_bytes()).map_err(|e| e.to_string())?;
    let (large, text_bytes, spans) = write_large(dir.path(), &Analyzer::new())?;
    // The first app pays for fonts and the analyser's tables; measure after it.
    app_heap(small.clone());
    let small_heap = app_heap(small);
    let large_heap = app_heap(large);
    let extra = large_heap - small_heap;
    println!("sample article: app holds {:.1} MB", small_heap as f64 / 1e6);
    println!("1 MB document ({text_bytes} bytes, {spans} spans): app holds {:.1} MB", large_heap as f64 / 1e6);
    println!("beyond the sample: {:.1} MB = {:.1} x the text", extra as f64 / 1e6, extra as f64 / text_bytes as f64);
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("memory_footprint: {error}");
            ExitCode::FAILURE
        }
    }
}
