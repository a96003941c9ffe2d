//! The 0.2 shell through egui_kittest: a project opens ready to review and
//! keeps what was accepted on disk by itself; every change is undoable,
//! selection included; Escape closes the topmost window first; unsaved work of
//! a single article is never dropped without asking.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use sorot::model::{SpanRef, Status};
use sorot::project::layout::Layout;
use sorot::project::scan::ArticleId;
use sorot::ui::{ShellAction, SorotApp};

mod common;
use common::*;

fn accepted_on_disk(path: &Path) -> usize {
    let Ok(saved) = sorot::store::load_annotations(path) else { return 0 };
    let statuses = saved.entities().iter().map(|e| e.status).chain(saved.quotes().iter().map(|q| q.status));
    statuses.filter(|s| *s == Status::Accepted).count()
}

#[test]
fn a_folder_opens_ready_to_review_and_what_is_accepted_reaches_the_disk_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("teritorial-putin-kim.txt"), dir.path().join("a-putin.txt")).unwrap();
    std::fs::copy(sample("harbour-bridge-vote.txt"), dir.path().join("b-harbour.txt")).unwrap();
    let mut app = app_on(dir.path());
    assert!(app.state().session().is_some(), "the first unfinished document is open");
    assert!(app.state().selection().is_some(), "with its first open suggestion selected");

    press(&mut app, Modifiers::NONE, Key::Tab);
    press(&mut app, Modifiers::NONE, Key::Enter);
    press(&mut app, Modifiers::NONE, Key::Enter);
    let file = Layout::new(dir.path()).annotation_path(&ArticleId { path: "a-putin.txt".into(), line: None });
    // No save, no close: the autosave alone must put both on disk within 3 s
    // (what a `kill -9` three seconds later would leave).
    let deadline = Instant::now() + Duration::from_secs(3);
    while accepted_on_disk(&file) < 2 && Instant::now() < deadline {
        app.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(accepted_on_disk(&file), 2);
}

#[test]
fn marking_done_is_undone_like_any_other_change() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("teritorial-putin-kim.txt"), dir.path().join("a-putin.txt")).unwrap();
    let mut app = app_on(dir.path());
    press(&mut app, Modifiers::COMMAND, Key::D);
    assert!(app.state().session().unwrap().document.done.is_some(), "marked done");
    assert!(app.state().session().unwrap().is_dirty(), "a change to save");
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert!(app.state().session().unwrap().document.done.is_none(), "undo: not done any more");
}

#[test]
fn undoing_a_relabel_brings_back_the_label_and_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("berita.txt");
    std::fs::copy(sample("teritorial-putin-kim.txt"), &article).unwrap();
    let mut app = app_on(&article);
    press(&mut app, Modifiers::NONE, Key::Tab);
    let mut entity = app.state().selection().cloned().unwrap();
    while !matches!(entity, SpanRef::Entity(_)) {
        press(&mut app, Modifiers::NONE, Key::Tab);
        entity = app.state().selection().cloned().unwrap();
    }
    let label_of = |app: &Harness<'static, SorotApp>| {
        app.state().session().unwrap().document.entity(entity.id()).unwrap().label.to_string()
    };
    let before = label_of(&app);
    let digit = if before == "ORG" { Key::Num1 } else { Key::Num2 };
    press(&mut app, Modifiers::NONE, digit);
    assert_ne!(label_of(&app), before, "relabelled");
    press(&mut app, Modifiers::NONE, Key::Escape);
    assert!(app.state().selection().is_none(), "Escape with no window open clears the selection");

    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(label_of(&app), before);
    assert_eq!(app.state().selection(), Some(&entity), "undo selects the span it changed");
}

#[test]
fn escape_closes_the_help_window_before_touching_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("berita.txt");
    std::fs::copy(sample("teritorial-putin-kim.txt"), &article).unwrap();
    let mut app = app_on(&article);
    press(&mut app, Modifiers::NONE, Key::Tab);
    let selected = app.state().selection().cloned();
    press(&mut app, Modifiers::NONE, Key::F1);
    assert!(app.query_by_label("Keyboard shortcuts").is_some(), "F1 opens the help");
    assert!(app.query_by_label("1–7").is_some(), "the label keys follow the schema (7 labels)");
    press(&mut app, Modifiers::NONE, Key::Escape);
    assert!(app.query_by_label("Keyboard shortcuts").is_none(), "Escape closed it");
    assert_eq!(app.state().selection().cloned(), selected, "and left the selection alone");
}

#[test]
fn the_status_bar_names_the_keys_the_schema_really_has() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("berita.txt");
    std::fs::copy(sample("teritorial-putin-kim.txt"), &article).unwrap();
    let app = app_on(&article);
    let labels = app.state().session().unwrap().document.labels.len();
    let hint = sorot::ui::command::hint_text(labels);
    assert!(app.query_by_label(&hint).is_some(), "status bar shows: {hint}");
}

#[test]
fn unsaved_changes_ask_before_another_article_opens() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("satu.txt"), dir.path().join("dua.txt"));
    std::fs::copy(sample("teritorial-putin-kim.txt"), &first).unwrap();
    std::fs::copy(sample("harbour-bridge-vote.txt"), &second).unwrap();
    let mut app = app_on(&first);
    press(&mut app, Modifiers::NONE, Key::Tab);
    press(&mut app, Modifiers::NONE, Key::Enter);
    let open_second = |app: &mut Harness<'static, SorotApp>| {
        let ctx = app.ctx.clone();
        app.state_mut().perform(&ctx, ShellAction::Open(second.clone()).into());
        app.run();
    };
    let source = |app: &Harness<'static, SorotApp>| app.state().session().unwrap().document.source.clone().unwrap();

    open_second(&mut app);
    assert!(app.query_by_label("Unsaved changes").is_some(), "asks first");
    app.get_by_label("Cancel").click();
    app.run();
    assert_eq!(source(&app), first, "cancel: still on the first article");
    assert!(app.state().session().unwrap().is_dirty());

    open_second(&mut app);
    app.get_by_label("Save").click();
    app.run();
    assert_eq!(source(&app), second, "saved, then opened the other");
    assert_eq!(accepted_on_disk(&dir.path().join("satu.txt.sorot.json")), 1);

    press(&mut app, Modifiers::NONE, Key::Tab);
    press(&mut app, Modifiers::NONE, Key::Enter);
    let ctx = app.ctx.clone();
    app.state_mut().perform(&ctx, ShellAction::Open(first.clone()).into());
    app.run();
    app.get_by_label("Discard changes").click();
    app.run();
    assert_eq!(source(&app), first, "discarded, then opened the other");
    assert!(!dir.path().join("dua.txt.sorot.json").exists(), "nothing of the discarded changes was written");
}

#[test]
fn a_project_remembers_how_wide_the_annotator_made_the_side_panels() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("teritorial-putin-kim.txt"), dir.path().join("a-putin.txt")).unwrap();
    let layout = Layout::new(dir.path());
    let widths = sorot::project::autosave::PanelWidths { list: 380.0, inspector: 260.0 };
    let session = sorot::project::autosave::SessionState { panels: Some(widths), ..Default::default() };
    session.save(&layout).unwrap();

    let app = app_on(dir.path());
    let shown = app.state().panel_widths();
    assert!((shown.list - 380.0).abs() < 2.0 && (shown.inspector - 260.0).abs() < 2.0, "{shown:?}");
    // The session written as the document opened keeps them too.
    drop(app);
    let saved = std::fs::read_to_string(layout.session_path()).unwrap();
    assert!(saved.contains("\"panels\""), "{saved}");
}

#[test]
fn a_mostly_done_project_opens_its_list_at_once_and_then_the_first_unfinished_document() {
    let dir = tempfile::tempdir().unwrap();
    let layout = Layout::new(dir.path());
    let text = std::fs::read_to_string(sample("teritorial-putin-kim.txt")).unwrap();
    for i in 0..20 {
        let name = format!("berita-{i:02}.txt");
        std::fs::write(dir.path().join(&name), &text).unwrap();
        if i < 15 {
            // Marked done, as a finished document's file is.
            let mut done = sorot::model::Document::new(text.clone(), None);
            let mark = done.done_edit(true).unwrap().stamped(Some("ayu"), "2026-11-28T08:00:00Z");
            done.apply(&mark).unwrap();
            sorot::project::open::save_document(&layout, &ArticleId { path: name, line: None }, &done).unwrap();
        }
    }
    let mut app = app_on(dir.path());
    let opened = |app: &Harness<SorotApp>| app.state().session().is_some() && app.state().selection().is_some();
    wait_until(&mut app, "the first unfinished document, ready", opened);
    let first_unfinished =
        Layout::new(dir.path()).annotation_path(&ArticleId { path: "berita-15.txt".into(), line: None });
    assert_eq!(app.state().session().unwrap().annotation_path, first_unfinished);
    assert!(app.state().session().unwrap().document.done.is_none());
}
