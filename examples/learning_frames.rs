//! Frame times of the app (headless, CPU only, through egui_kittest) while the
//! project model learns in the background: a 1,000-document project is opened,
//! the first document is reviewed and marked done, and every frame is timed until
//! the learning worker has updated the model and re-suggested the unopened
//! documents. The target: no frame over 2 × `frame/small` (the app on
//! the sample article, stepped the same way in the same run).
//!
//! `cargo run --release --example learning_frames -- [DOCUMENTS] [CYCLES]`
//! (defaults 1,000 and 2). Each cycle toggles the first document's done mark, so
//! the model relearns (done: its whole text; back in progress: only its reviewed
//! spans) and the others are re-suggested. Frames are stepped at most every 16 ms,
//! as a window repainting at 60 Hz would be while the annotator scrolls.
//!
//! Every article carries a made-up lower-case name the shipped model does not
//! take for a person; the annotator marks it a person in the first document, so
//! the new model changes the suggestions of every other document and each of
//! them is rewritten.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use sorot::analysis::Analyzer;
use sorot::annotate::suggest_document;
use sorot::model::SpanRef;
use sorot::project::autosave::AutosavePolicy;
use sorot::project::layout::Layout;
use sorot::project::open::save_document;
use sorot::project::scan::ArticleId;
use sorot::store::write_atomically;
use sorot::ui::{ReviewAction, SorotApp};

const SAMPLE: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");
const HARBOUR: &str = include_str!("../assets/samples/harbour-bridge-vote.txt");
const NAME: &str = "gading rumbaka";
/// Paragraphs of the samples per article (about 2,000 characters with the name's).
const PARAGRAPHS: usize = 4;
/// A frame at most this often, as a window repainting at 60 Hz.
const FRAME_PERIOD: Duration = Duration::from_millis(16);
/// Frames timed for each baseline.
const BASELINE_FRAMES: usize = 400;

type App = Harness<'static, SorotApp>;

fn main() {
    let mut args = std::env::args().skip(1);
    let documents: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let cycles: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2);
    if let Err(error) = run(documents, cycles) {
        eprintln!("learning_frames: {error}");
        std::process::exit(1);
    }
}

fn run(documents: usize, cycles: usize) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| format!("no temporary folder: {e}"))?;
    let small = dir.path().join("sample.txt");
    write_atomically(&small, SAMPLE.as_bytes()).map_err(|e| e.to_string())?;
    let root = dir.path().join("project");
    let started = Instant::now();
    write_project(&root, documents)?;
    println!("{documents} documents written with their suggestions in {:.1} s", started.elapsed().as_secs_f64());

    let mut small_app = app_on(small);
    let small_frames = baseline(&mut small_app);
    drop(small_app);
    let mut app = app_on(root.clone());
    let settled = wait_idle(&mut app)?;
    println!("project open and the model's first check done after {} frames", settled.len());
    let project_frames = baseline(&mut app);
    let small_median = median(&small_frames);
    report("frame/small (sample article)", &small_frames, small_median);
    report("frame/project (1,000 documents, idle)", &project_frames, small_median);

    review_first_document(&mut app)?;
    for cycle in 1..=cycles {
        let (frames, toggle) = learning_cycle(&mut app)?;
        println!("cycle {cycle}: {}", app.state().message().unwrap_or("(no message)"));
        println!("  the frame of the done toggle itself: {:.2} ms ({:.2}×)", ms(toggle), ratio(toggle, small_median));
        let times: Vec<Duration> = frames.iter().map(|f| f.0).collect();
        report("  frames while learning and re-suggesting", &times, small_median);
        slowest(&frames, small_median);
    }
    let small_after = baseline(&mut app_on(dir.path().join("sample.txt")));
    report("frame/small again (after the cycles)", &small_after, small_median);
    Ok(())
}

/// `n` articles `NNNN.txt`, each some paragraphs of the samples and two
/// sentences with the name, saved with the shipped model's suggestions.
fn write_project(root: &Path, n: usize) -> Result<(), String> {
    std::fs::create_dir_all(root).map_err(|e| e.to_string())?;
    let paragraphs: Vec<&str> =
        SAMPLE.split("\n\n").chain(HARBOUR.split("\n\n")).filter(|p| p.trim().len() > 40).collect();
    let layout = Layout::new(root);
    let analyzer = Analyzer::new();
    for i in 0..n {
        let mut text = format!("Kabar desa {i}\r\n\r\nPagi itu {NAME} membuka balai warga 😀.\r\n\r\n");
        for j in 0..PARAGRAPHS {
            text.push_str(paragraphs.get((i * 7 + j * 11) % paragraphs.len().max(1)).copied().unwrap_or(""));
            text.push_str("\r\n\r\n");
        }
        text.push_str(&format!("“Kami menunggu jawaban,” kata {NAME} kepada warga.\r\n"));
        let path = format!("{i:04}.txt");
        write_atomically(&root.join(&path), text.as_bytes()).map_err(|e| e.to_string())?;
        let document = suggest_document(text, Some(PathBuf::from(&path)), &analyzer);
        save_document(&layout, &ArticleId { path: path.into(), line: None }, &document).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn app_on(path: PathBuf) -> App {
    let mut app = Harness::builder()
        .with_size([1400.0, 820.0])
        .with_max_steps(64)
        .build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, path));
    app.run();
    app
}

/// One frame, timed; then a pause to the next 60 Hz tick.
fn frame(app: &mut App) -> Duration {
    let start = Instant::now();
    app.step();
    let took = start.elapsed();
    std::thread::sleep(FRAME_PERIOD.saturating_sub(took));
    took
}

/// Frames of an app with nothing to do, timed after a warm-up.
fn baseline(app: &mut App) -> Vec<Duration> {
    (0..50).for_each(|_| _ = frame(app));
    (0..BASELINE_FRAMES).map(|_| frame(app)).collect()
}

/// Steps until the learning worker is idle; the frames taken, each with the
/// status line after it.
fn wait_idle(app: &mut App) -> Result<Vec<(Duration, String)>, String> {
    let started = Instant::now();
    let mut frames = Vec::new();
    // A few frames first: the worker's first request is sent as the project opens.
    while frames.len() < 5 || app.state().learning_busy() {
        let took = frame(app);
        frames.push((took, app.state().message().unwrap_or_default().to_owned()));
        if started.elapsed() > Duration::from_secs(600) {
            return Err(format!("the learning worker did not finish; status: {:?}", app.state().message()));
        }
    }
    Ok(frames)
}

/// The annotator accepts the first document's suggestions and marks the name a
/// person wherever it stands. Autosave is held back meanwhile, so that the model
/// first learns the name when the document is marked done.
fn review_first_document(app: &mut App) -> Result<(), String> {
    app.state_mut().set_autosave_policy(autosave_after(Duration::from_secs(3600)));
    let ctx = app.ctx.clone();
    let session = app.state().session().ok_or("no document opened")?;
    let text = session.document.text.clone();
    let found: Vec<SpanRef> = session.document.entities().iter().map(|e| SpanRef::Entity(e.id.clone())).collect();
    for span in found {
        app.state_mut().perform(&ctx, ReviewAction::Accept(span).into());
    }
    for (start, end) in occurrences(&text, NAME) {
        app.state_mut().perform(&ctx, ReviewAction::CreateEntity { start, end, label: "PERSON".into() }.into());
    }
    app.step();
    Ok(())
}

fn autosave_after(delay: Duration) -> AutosavePolicy {
    AutosavePolicy { quiet: delay, max_delay: delay }
}

/// Toggles the open document's done mark and times every frame until the
/// model has relearned and the unopened documents are re-suggested; the frames
/// after the toggle's own, and the toggle's.
fn learning_cycle(app: &mut App) -> Result<(Vec<(Duration, String)>, Duration), String> {
    let ctx = app.ctx.clone();
    app.state_mut().set_autosave_policy(autosave_after(Duration::ZERO));
    let start = Instant::now();
    app.state_mut().perform(&ctx, ReviewAction::ToggleDone.into());
    app.step();
    let toggle = start.elapsed();
    let frames = wait_idle(app)?;
    Ok((frames, toggle))
}

/// The slowest frames, each with the status line it left (what the frame took in).
fn slowest(frames: &[(Duration, String)], small: Duration) {
    let mut order: Vec<usize> = (0..frames.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(frames[i].0));
    for &i in order.iter().take(5) {
        let (took, message) = &frames[i];
        println!("    frame {i}: {:.2} ms ({:.2}×) — {message}", ms(*took), ratio(*took, small));
    }
}

fn occurrences(text: &str, word: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = word.chars().collect();
    chars
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle.as_slice())
        .map(|(s, _)| (s, s + needle.len()))
        .collect()
}

fn median(frames: &[Duration]) -> Duration {
    let mut sorted = frames.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn ratio(d: Duration, to: Duration) -> f64 {
    d.as_secs_f64() / to.as_secs_f64().max(1e-9)
}

/// Median, 99th percentile and worst, in ms and as multiples of `small`.
fn report(what: &str, frames: &[Duration], small: Duration) {
    let mut sorted = frames.to_vec();
    sorted.sort();
    let at = |q: f64| sorted.get(((sorted.len().saturating_sub(1)) as f64 * q).round() as usize).copied();
    let (Some(p50), Some(p99), Some(max)) = (at(0.5), at(0.99), at(1.0)) else {
        return println!("{what}: no frames");
    };
    println!(
        "{what}: {} frames, median {:.2} ms ({:.2}×), p99 {:.2} ms ({:.2}×), worst {:.2} ms ({:.2}×)",
        frames.len(),
        ms(p50),
        ratio(p50, small),
        ms(p99),
        ratio(p99, small),
        ms(max),
        ratio(max, small)
    );
}
