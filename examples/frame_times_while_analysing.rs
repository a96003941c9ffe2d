//! Frame times of the app (headless, CPU only) while a project is analysed in
//! the background, and its resident memory:
//! `cargo run --release --example frame_times_while_analysing -- FOLDER [SECONDS]`.
//! For a big project, make one first with
//! `cargo run --release --example big_project -- FOLDER --make 100000`.

use std::path::PathBuf;
use std::time::Instant;

use egui_kittest::Harness;
use sorot::ui::SorotApp;

fn main() {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: frame_times_while_analysing FOLDER");
        return;
    };
    let started = Instant::now();
    let mut app = Harness::builder()
        .with_size([1400.0, 820.0])
        .with_max_steps(64)
        .build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, folder));
    let seconds: f32 = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(8.0);
    app.step();
    println!("first frame after {:?}, resident {} MB", started.elapsed(), resident_mb());
    let mut times = Vec::new();
    while started.elapsed().as_secs_f32() < seconds {
        let frame = Instant::now();
        app.step();
        times.push(frame.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(std::time::Duration::from_millis(16));
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{} frames while analysing: median {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms; resident {} MB",
        times.len(),
        at(0.5),
        at(0.95),
        at(0.99),
        at(1.0),
        resident_mb()
    );
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
