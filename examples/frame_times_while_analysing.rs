//! Frame times of the app (headless, CPU only) while a project is analysed in
//! the background, as ratios to an idle frame of the same window, and its
//! resident memory:
//! `cargo run --release --example frame_times_while_analysing -- FOLDER [SECONDS]`.
//! For a big project, make one first with
//! `cargo run --release --example big_project -- FOLDER --make 100000`.
//!
//! Idle frames first: the project is opened while this process holds its lock,
//! so the window opens it read-only — the same list, nothing analysed. Then the
//! lock is let go and the project opened again: its articles without
//! suggestions are analysed on all cores while the frames are timed. Both runs
//! draw the same window for the same number of seconds, so their ratio is the
//! cost of the background work to the UI (say how loaded the machine was).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use sorot::project::layout::Layout;
use sorot::project::lock::{acquire, LockOutcome};
use sorot::ui::SorotApp;

fn main() {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: frame_times_while_analysing FOLDER [SECONDS]");
        return;
    };
    let seconds: f32 = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(8.0);
    let layout = Layout::new(&folder);
    let before = annotation_files(&layout);
    let idle = match acquire(&layout) {
        Ok(LockOutcome::Acquired(lock)) => {
            let idle = frames(&folder, seconds, "idle (read-only, nothing analysed)");
            drop(lock);
            idle
        }
        Ok(LockOutcome::HeldBy(holder)) => {
            eprintln!("the project is open in {holder}: close it first");
            return;
        }
        Err(error) => {
            eprintln!("{error}");
            return;
        }
    };
    let busy = frames(&folder, seconds, "while analysing");
    let analysed = annotation_files(&layout).saturating_sub(before);
    println!("{analysed} articles analysed in the background during the second run");
    let ratio = |q: f64| busy.at(q) / idle.at(q).max(1e-6);
    println!(
        "frame time while analysing / idle: median {:.2}×, p95 {:.2}×, p99 {:.2}×, max {:.2}× (to the idle median: p95 {:.2}×, max {:.2}×)",
        ratio(0.5),
        ratio(0.95),
        ratio(0.99),
        ratio(1.0),
        busy.at(0.95) / idle.at(0.5).max(1e-6),
        busy.at(1.0) / idle.at(0.5).max(1e-6),
    );
}

/// Frame times in milliseconds, sorted.
struct Frames(Vec<f64>);

impl Frames {
    fn at(&self, q: f64) -> f64 {
        let last = self.0.len().saturating_sub(1);
        self.0.get((last as f64 * q) as usize).copied().unwrap_or(0.0)
    }
}

/// Opens the app on `folder` and times its frames for `seconds` (a frame
/// every 16 ms, as a window at 60 Hz asks for them while something changes).
fn frames(folder: &Path, seconds: f32, name: &str) -> Frames {
    let started = Instant::now();
    let folder = folder.to_owned();
    let mut app = Harness::builder()
        .with_size([1400.0, 820.0])
        .with_max_steps(64)
        .build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, folder));
    app.step();
    println!("{name}: first frame after {:?}, resident {} MB", started.elapsed(), resident_mb());
    let mut times = Vec::new();
    let timed = Instant::now();
    while timed.elapsed().as_secs_f32() < seconds {
        let frame = Instant::now();
        app.step();
        times.push(frame.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(16));
    }
    times.sort_by(f64::total_cmp);
    let frames = Frames(times);
    println!(
        "{name}: {} frames, median {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms; resident {} MB",
        frames.0.len(),
        frames.at(0.5),
        frames.at(0.95),
        frames.at(0.99),
        frames.at(1.0),
        resident_mb()
    );
    frames
}

/// How many annotation files the project has (articles analysed or saved).
fn annotation_files(layout: &Layout) -> usize {
    fn count(folder: &Path) -> usize {
        let Ok(entries) = std::fs::read_dir(folder) else { return 0 };
        entries
            .flatten()
            .map(|e| match e.file_type() {
                Ok(t) if t.is_dir() => count(&e.path()),
                Ok(_) => usize::from(e.path().extension().is_some_and(|x| x == "json")),
                Err(_) => 0,
            })
            .sum()
    }
    count(&layout.annotations_dir())
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
