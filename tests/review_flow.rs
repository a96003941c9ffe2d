//! The app driven through egui_kittest, by keys and by labels, with no display:
//! open, accept, reject, undo, redo, relabel, make a span, save.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use sorot::model::{SpanRef, Status};
use sorot::ui::{ReviewAction, SorotApp};

/// A copy of the bundled sample in a fresh folder, so saves land there.
fn article_copy(dir: &Path) -> PathBuf {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/teritorial-putin-kim.txt");
    let article = dir.join("berita.txt");
    std::fs::copy(sample, &article).unwrap();
    article
}

fn app_on(article: PathBuf) -> Harness<'static, SorotApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 820.0])
        .with_max_steps(64)
        .build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, article));
    harness.run();
    harness
}

fn press(harness: &mut Harness<'static, SorotApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn status_of(harness: &Harness<'static, SorotApp>, span: &SpanRef) -> Status {
    let document = &harness.state().session().unwrap().document;
    match span {
        SpanRef::Entity(id) => document.entity(id).unwrap().status,
        SpanRef::Quote(id) => document.quote(id).unwrap().status,
    }
}

#[test]
fn keyboard_review_accept_reject_undo_redo_save() {
    let dir = tempfile::tempdir().unwrap();
    let article = article_copy(dir.path());
    let original = std::fs::read(&article).unwrap();
    let mut app = app_on(article.clone());
    assert!(app.state().selection().is_none());

    press(&mut app, Modifiers::NONE, Key::Tab);
    let first = app.state().selection().cloned().expect("Tab selects the first suggestion");
    press(&mut app, Modifiers::NONE, Key::Enter);
    assert_eq!(status_of(&app, &first), Status::Accepted);
    let advanced = app.state().selection().cloned().unwrap();
    assert_ne!(advanced, first, "Enter moves on to the next suggestion");

    press(&mut app, Modifiers::NONE, Key::Tab);
    let third = app.state().selection().cloned().unwrap();
    press(&mut app, Modifiers::NONE, Key::Delete);
    assert_eq!(status_of(&app, &third), Status::Rejected);
    assert_eq!(status_of(&app, &advanced), Status::Suggested, "skipped with Tab, untouched");

    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(status_of(&app, &third), Status::Suggested, "undo");
    press(&mut app, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(status_of(&app, &third), Status::Rejected, "redo");
    assert!(app.state().session().unwrap().is_dirty());

    press(&mut app, Modifiers::COMMAND, Key::S);
    assert!(!app.state().session().unwrap().is_dirty());
    let saved = sorot::store::load_annotations(&dir.path().join("berita.txt.sorot.json")).unwrap();
    let statuses: Vec<Status> =
        saved.entities().iter().map(|e| e.status).chain(saved.quotes().iter().map(|q| q.status)).collect();
    assert_eq!(statuses.iter().filter(|s| **s == Status::Accepted).count(), 1);
    assert_eq!(statuses.iter().filter(|s| **s == Status::Rejected).count(), 1);
    assert_eq!(std::fs::read(&article).unwrap(), original, "the article is never written");

    // Reopening loads the saved annotations instead of re-analysing.
    let reopened = app_on(article);
    assert_eq!(reopened.state().session().unwrap().document, saved);
}

#[test]
fn digits_relabel_and_buttons_accept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(article_copy(dir.path()));
    // Find an entity suggestion by Tab.
    let entity = loop {
        press(&mut app, Modifiers::NONE, Key::Tab);
        if let Some(SpanRef::Entity(id)) = app.state().selection() {
            break id.clone();
        }
    };
    press(&mut app, Modifiers::NONE, Key::Num2);
    let document = &app.state().session().unwrap().document;
    assert_eq!(document.entity(&entity).unwrap().label, "ORG");
    assert_eq!(document.entity(&entity).unwrap().status, Status::Accepted, "relabelling reviews");

    press(&mut app, Modifiers::NONE, Key::Tab);
    let next = app.state().selection().cloned().unwrap();
    app.get_by_label("✖ Reject").click();
    app.run();
    assert_eq!(status_of(&app, &next), Status::Rejected);
}

#[test]
fn selected_text_becomes_an_entity_with_a_digit() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(article_copy(dir.path()));
    let document = &app.state().session().unwrap().document;
    let byte = document.text.find("program nuklirnya").unwrap();
    let start = document.char_of(byte).unwrap();
    // A sloppy selection with a space on each side: the span is trimmed.
    let ctx = app.ctx.clone();
    app.state_mut().perform(&ctx, ReviewAction::SelectText(Some((start - 1, start + 18))).into());
    app.run();
    assert!(app.query_by_label("New span").is_some());
    press(&mut app, Modifiers::NONE, Key::Num7);
    let document = &app.state().session().unwrap().document;
    let made = document.entities().iter().find(|e| e.status == Status::Manual).unwrap();
    assert_eq!((made.text.as_str(), made.label.as_str()), ("program nuklirnya", "MISC"));
    assert_eq!(app.state().selection(), Some(&SpanRef::Entity(made.id.clone())));
}

#[test]
fn side_panel_selects_and_inspector_sets_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(article_copy(dir.path()));
    let document = &app.state().session().unwrap().document;
    let quote = document.quotes().iter().find(|q| q.text.starts_with("“Mereka")).unwrap().clone();
    let speaker = quote.speaker.clone().expect("the analysis links a speaker");
    app.get_by_label_contains("Quotes (").click();
    app.run();
    app.get_by_label_contains("Putin: “Mereka (Korut)").click();
    app.run();
    assert_eq!(app.state().selection(), Some(&SpanRef::Quote(quote.id.clone())));
    app.get_by_label("(none)").click();
    app.run();
    let document = &app.state().session().unwrap().document;
    assert_eq!(document.quote(&quote.id).unwrap().speaker, None);
    press(&mut app, Modifiers::COMMAND, Key::Z);
    let document = &app.state().session().unwrap().document;
    assert_eq!(document.quote(&quote.id).unwrap().speaker, Some(speaker));
}

#[test]
fn a_bad_article_shows_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("latin1.txt");
    std::fs::write(&article, b"Caf\xe9 di Bandung").unwrap();
    let app = app_on(article);
    assert!(app.state().session().is_none());
    let message = app.state().message().unwrap();
    assert!(message.contains("not valid UTF-8"), "{message}");
    app.get_by_label_contains("not valid UTF-8");
}

#[test]
fn export_dialog_writes_the_dataset_and_says_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(article_copy(dir.path()));
    press(&mut app, Modifiers::NONE, Key::Tab);
    press(&mut app, Modifiers::NONE, Key::Enter); // one reviewed span to export
    press(&mut app, Modifiers::COMMAND, Key::E);
    app.get_by_role_and_label(egui::accesskit::Role::Button, "Export").click();
    app.run();
    let written = dir.path().join("berita.sorot.jsonl");
    let line = std::fs::read_to_string(&written).unwrap();
    let exported: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    let spans = exported["entities"].as_array().unwrap().len() + exported["quotes"].as_array().unwrap().len();
    assert_eq!(spans, 1, "only the reviewed span by default");
    assert!(app.query_by_label_contains("Written: jsonl: 1 document(s), 1 span(s) written").is_some());
}

#[test]
fn quote_editing_kind_and_speaker_by_click_all_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(article_copy(dir.path()));
    let document = &app.state().session().unwrap().document;
    let quote = document.quotes().iter().find(|q| q.text.starts_with("“Saya sangat")).unwrap().clone();
    let other = document.entities().iter().find(|e| e.text == "Donald Trump").unwrap().clone();
    let ctx = app.ctx.clone();
    app.state_mut().perform(&ctx, ReviewAction::Select(Some(SpanRef::Quote(quote.id.clone()))).into());
    app.run();

    app.get_by_label("Indirect").click();
    app.run();
    app.get_by_label("Pick speaker in text").click();
    app.run();
    // The next entity clicked becomes the speaker; the quote stays selected.
    app.state_mut().perform(&ctx, ReviewAction::Select(Some(SpanRef::Entity(other.id.clone()))).into());
    app.run();
    let edited = app.state().session().unwrap().document.quote(&quote.id).unwrap().clone();
    assert_eq!(edited.kind, sorot::model::QuoteKind::Indirect);
    assert_eq!(edited.speaker.as_deref(), Some(other.id.as_str()));
    assert_eq!(edited.status, Status::Accepted, "a corrected suggestion counts as reviewed");
    assert_eq!(app.state().selection(), Some(&SpanRef::Quote(quote.id.clone())));

    press(&mut app, Modifiers::COMMAND, Key::Z);
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(app.state().session().unwrap().document.quote(&quote.id).unwrap(), &quote);
}
