//! The app on a folder of articles (a project), through egui_kittest: the
//! document list shows at once, unusable files say why, review moves from
//! document to document by keyboard, and nothing reviewed is lost on the way.

use std::path::Path;
use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use sorot::model::Status;
use sorot::project::layout::Layout;
use sorot::project::scan::ArticleId;
use sorot::ui::SorotApp;

mod common;
use common::*;

fn project(dir: &Path) {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    std::fs::copy(samples.join("teritorial-putin-kim.txt"), dir.join("a-putin.txt")).unwrap();
    std::fs::copy(samples.join("harbour-bridge-vote.txt"), dir.join("b-harbour.txt")).unwrap();
    std::fs::write(dir.join("c-image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
}

/// Runs frames until the background analysis has filled the document list.
fn wait_for_analysis(app: &mut Harness<'static, SorotApp>) {
    for _ in 0..1500 {
        app.step();
        if app.query_by_label_contains("✖ c-image.txt").is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the background analysis did not finish");
}

#[test]
fn review_across_documents_of_a_project_keeps_every_acceptance() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let mut app = project_app(dir.path());
    assert!(app.query_by_label("3 articles").is_some(), "the list shows at once");
    wait_for_analysis(&mut app);
    assert!(app.query_by_label_contains("file(s) not usable").is_some());

    assert!(app.state().selection().is_some(), "the first document opens, its first suggestion selected");
    press(&mut app, Modifiers::NONE, Key::Tab);
    press(&mut app, Modifiers::NONE, Key::Enter);
    press(&mut app, Modifiers::NONE, Key::Enter);
    press(&mut app, Modifiers::ALT, Key::ArrowDown); // switching saves the first
    press(&mut app, Modifiers::COMMAND, Key::D); // mark the second done

    let layout = Layout::new(dir.path());
    let first = ArticleId { path: "a-putin.txt".into(), line: None };
    let saved = sorot::store::load_annotations(&layout.annotation_path(&first)).unwrap();
    let accepted = saved.entities().iter().map(|e| e.status).chain(saved.quotes().iter().map(|q| q.status));
    assert_eq!(accepted.filter(|s| *s == Status::Accepted).count(), 2);
    let session = std::fs::read_to_string(layout.session_path()).unwrap();
    assert!(session.contains("b-harbour.txt"), "{session}");
    assert_eq!(
        std::fs::read(dir.path().join("a-putin.txt")).unwrap(),
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/teritorial-putin-kim.txt")).unwrap(),
        "articles are never written"
    );
}

#[test]
fn search_spans_and_bulk_accept_across_the_project() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    std::fs::copy(dir.path().join("a-putin.txt"), dir.path().join("d-putin-again.txt")).unwrap();
    let mut app = project_app(dir.path());
    wait_for_analysis(&mut app);
    press(&mut app, Modifiers::COMMAND, Key::F); // in a-putin.txt, open from the start
    app.get_by_label("Spans").click();
    app.run();
    let field = app.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find:");
    field.focus();
    field.type_text("Korut");
    app.run();
    app.get_by_label("Label").click();
    app.run();
    app.get_by_label("LOC").click();
    app.run();
    app.get_by_role_and_label(egui::accesskit::Role::Button, "Search").click();
    for _ in 0..1500 {
        app.step();
        if app.query_all_by_label_contains("d-putin-again.txt ·").next().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(app.query_all_by_label_contains("d-putin-again.txt ·").next().is_some(), "hits in the other document too");

    app.get_by_label("Accept every suggested “Korut” as LOC").click();
    for _ in 0..1500 {
        app.step();
        if app.state().message().is_some_and(|m| m.starts_with("Bulk review:")) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let open = &app.state().session().unwrap().document;
    let korut = |d: &sorot::model::Document| {
        d.entities().iter().filter(|e| e.text == "Korut").map(|e| e.status).collect::<Vec<_>>()
    };
    assert!(korut(open).iter().all(|s| *s == Status::Accepted) && !korut(open).is_empty());
    let other = ArticleId { path: "d-putin-again.txt".into(), line: None };
    let saved = sorot::store::load_annotations(&Layout::new(dir.path()).annotation_path(&other)).unwrap();
    assert!(korut(&saved).iter().all(|s| *s == Status::Accepted) && !korut(&saved).is_empty());
    // In the open document the bulk review is one undoable step.
    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert!(korut(&app.state().session().unwrap().document).iter().all(|s| *s == Status::Suggested));
}

#[test]
fn settings_name_the_annotator_and_rename_a_label_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let mut app = project_app(dir.path());
    wait_for_analysis(&mut app);
    let ctx = app.ctx.clone(); // a-putin.txt is open from the start
    app.state_mut().perform(&ctx, sorot::ui::ProjectAction::ShowSettings.into());
    app.run();
    let field = app.get_by_role_and_label(egui::accesskit::Role::TextInput, "Annotator:");
    field.focus();
    field.type_text("Sari");
    app.run();
    app.get_by_label("Save settings").click();
    app.run();

    press(&mut app, Modifiers::NONE, Key::Tab);
    press(&mut app, Modifiers::NONE, Key::Enter);
    let document = &app.state().session().unwrap().document;
    let stamped = document.entities().iter().find(|e| e.status == Status::Accepted).unwrap();
    assert_eq!(stamped.annotator.as_deref(), Some("Sari"));
    assert!(stamped.changed_at.as_deref().is_some_and(|t| t.ends_with('Z')));

    app.state_mut()
        .perform(&ctx, sorot::ui::ProjectAction::RenameLabel { from: "LOC".into(), to: "PLACE".into() }.into());
    for _ in 0..1500 {
        app.step();
        if app.state().message().is_some_and(|m| m.starts_with("Labels changed")) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let document = &app.state().session().unwrap().document;
    assert!(
        document.entities().iter().any(|e| e.label == "PLACE") && !document.entities().iter().any(|e| e.label == "LOC")
    );
    let other = ArticleId { path: "b-harbour.txt".into(), line: None };
    let saved = sorot::store::load_annotations(&Layout::new(dir.path()).annotation_path(&other)).unwrap();
    assert!(saved.entities().iter().any(|e| e.label == "PLACE") && !saved.entities().iter().any(|e| e.label == "LOC"));
    let settings = std::fs::read_to_string(Layout::new(dir.path()).settings_path()).unwrap();
    assert!(settings.contains("\"PLACE\"") && !settings.contains("Sari"), "the name is the user's own: {settings}");
    let user = std::fs::read_to_string(Layout::new(dir.path()).user_settings_path()).unwrap();
    assert!(user.contains("Sari"), "{user}");
}

#[test]
fn a_second_window_on_the_same_project_only_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let mut first = project_app(dir.path());
    wait_for_analysis(&mut first);
    let mut second = project_app(dir.path());
    assert!(second.query_by_label_contains("Read-only: open in Sorot").is_some());
    press(&mut second, Modifiers::NONE, Key::Tab);
    press(&mut second, Modifiers::NONE, Key::Enter);
    let document = &second.state().session().unwrap().document;
    assert!(document.entities().iter().all(|e| e.status == Status::Suggested), "no edits in a read-only window");
    assert!(second.state().message().is_some_and(|m| m.starts_with("Read-only")));
    drop(first);
}
