//! A 1 MB document with some 20,000 spans: the view's work per frame stays
//! bounded by what is on screen (a measure of work, not of time).

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use sorot::analysis::Analyzer;
use sorot::model::{SpanRef, Status};
use sorot::store::{annotation_path_for, save_annotations, write_atomically};
use sorot::ui::{ReviewAction, SorotApp};

/// Most blocks a 820-pixel-high view can show at once, with room to spare.
const MAX_BLOCKS_ON_SCREEN: usize = 60;

fn large_app(dir: &std::path::Path) -> Harness<'static, SorotApp> {
    let article = dir.join("large.txt");
    let mut document = sorot::synthetic::large_document(1_000_000, 20_000, &Analyzer::new()).unwrap();
    document.source = Some(article.clone());
    write_atomically(&article, document.text.as_bytes()).unwrap();
    save_annotations(&document, &annotation_path_for(&article)).unwrap();
    let mut harness = Harness::builder()
        .with_size([1280.0, 820.0])
        .with_max_steps(64)
        .build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, article));
    harness.run();
    harness
}

#[test]
fn work_per_frame_is_bounded_on_a_large_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = large_app(dir.path());
    let document = &app.state().session().unwrap().document;
    assert!(document.text.len() >= 1_000_000);
    assert!(document.entities().len() + document.quotes().len() >= 20_000);
    let first = app.state().blocks_laid_out_last_frame();
    assert!(0 < first && first <= MAX_BLOCKS_ON_SCREEN, "{first} blocks laid out");

    // Jump to a span in the middle, as the side panel would.
    let middle = document.entities()[document.entities().len() / 2].clone();
    let ctx = app.ctx.clone();
    app.state_mut().perform(&ctx, ReviewAction::Select(Some(SpanRef::Entity(middle.id.clone()))).into());
    app.run();
    let after_jump = app.state().blocks_laid_out_last_frame();
    assert!(0 < after_jump && after_jump <= MAX_BLOCKS_ON_SCREEN, "{after_jump} blocks laid out");
    let (shown_from, shown_to) = app.state().text_shown_last_frame();
    assert!(shown_from <= middle.start && middle.end <= shown_to, "{:?} not in {shown_from}..{shown_to}", middle);

    // An edit in the middle still lays out only what is visible.
    app.key_press_modifiers(Modifiers::NONE, Key::Enter);
    app.run();
    let document = &app.state().session().unwrap().document;
    assert_eq!(document.entity(&middle.id).unwrap().status, Status::Accepted);
    assert!(app.state().blocks_laid_out_last_frame() <= MAX_BLOCKS_ON_SCREEN);
}

#[test]
fn a_long_article_shows_at_once_and_gets_its_suggestions_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("long.txt");
    let document = sorot::synthetic::large_document(300_000, 0, &Analyzer::new()).unwrap();
    write_atomically(&article, document.text.as_bytes()).unwrap();
    let mut app = Harness::builder()
        .with_size([1280.0, 820.0])
        .with_max_steps(64)
        .build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, article));
    app.step();
    let session = app.state().session().expect("the text is open before its analysis");
    assert_eq!(session.document.text, document.text);
    for _ in 0..1500 {
        app.step();
        if app.state().session().is_some_and(|s| !s.document.entities().is_empty()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let suggested = &app.state().session().unwrap().document;
    // The whole text analysed at once (document-level passes see every copy),
    // not the synthetic document's per-sample suggestions.
    let up_front = sorot::annotate::suggest_document(document.text.to_string(), None, &Analyzer::new());
    assert_eq!(suggested.entities(), up_front.entities(), "the same suggestions as analysing up front");
    assert_eq!(suggested.quotes(), up_front.quotes());
}
