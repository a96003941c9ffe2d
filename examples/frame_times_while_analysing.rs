//! Frame times of the app (headless, CPU only) while a project is analysed in
//! the background: `cargo run --release --example frame_times_while_analysing -- FOLDER`.

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
    app.step();
    println!("first frame after {:?}", started.elapsed());
    let mut times = Vec::new();
    while started.elapsed().as_secs_f32() < 8.0 {
        let frame = Instant::now();
        app.step();
        times.push(frame.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(std::time::Duration::from_millis(16));
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{} frames while analysing: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}
