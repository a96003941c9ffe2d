//! The project model in the app, through egui_kittest: a document marked done
//! teaches the model in the background and the unopened documents are re-suggested
//! with it; "Refresh suggestions" replaces the open document's suggestions as one
//! undoable step; Project ▸ Model shows what the model learned from.
//!
//! The name taught is a made-up one written in lower case, which the shipped model
//! does not take for a person.

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use sorot::analysis::Analyzer;
use sorot::annotate::suggest_document;
use sorot::model::{Document, Entity, SpanRef, Status};
use sorot::project::layout::Layout;
use sorot::project::scan::ArticleId;
use sorot::ui::{ProjectAction, ReviewAction};

mod common;
use common::*;

const NAME: &str = "gading rumbaka";
/// Curly quotes, an emoji and CRLF line ends; the name three times.
const TAUGHT: &str = "“Jembatan itu harus selesai 😀,” kata bupati dalam rapat.\r\n\
Menurut gading rumbaka, warga menunggu sejak lama. Warga menyambut gading rumbaka di balai desa.\r\n\
Kemarin gading rumbaka meninjau sungai bersama camat.\r\n";
/// Another article with the name, not opened by the annotator.
const UNOPENED: &str = "Pagi ini gading rumbaka membuka pasar baru.\r\n“Kami senang 😀,” ujar seorang pedagang.\r\n";

fn id(path: &str) -> ArticleId {
    ArticleId { path: path.into(), line: None }
}

fn occurrences(text: &str, word: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let n = word.chars().count();
    (0..chars.len()).filter(|&i| chars[i..].iter().take(n).collect::<String>() == word).map(|s| (s, s + n)).collect()
}

fn saved(root: &Path, path: &str) -> Option<Document> {
    sorot::store::load_annotations(&Layout::new(root).annotation_path(&id(path))).ok()
}

fn tags_name_as_person(doc: &Document) -> bool {
    doc.entities().iter().any(|e| e.text == NAME && e.label == "PERSON")
}

#[test]
fn a_document_marked_done_teaches_the_suggestions_of_an_unopened_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-taught.txt"), TAUGHT).unwrap();
    std::fs::write(dir.path().join("b-unopened.txt"), UNOPENED).unwrap();
    let mut app = project_app(dir.path());
    wait_until(&mut app, "the first analysis", |_| saved(dir.path(), "b-unopened.txt").is_some());
    let before = saved(dir.path(), "b-unopened.txt").unwrap();
    assert!(!tags_name_as_person(&before), "the shipped model does not know the name: {:?}", before.entities());

    // a-taught.txt is open: the annotator accepts what the model found, marks the
    // name a person wherever it is, and marks the document done.
    let ctx = app.ctx.clone();
    let found: Vec<SpanRef> =
        app.state().session().unwrap().document.entities().iter().map(|e| SpanRef::Entity(e.id.clone())).collect();
    assert!(!found.is_empty(), "the shipped model suggests something in the taught article");
    for span in found {
        app.state_mut().perform(&ctx, ReviewAction::Accept(span).into());
    }
    for (start, end) in occurrences(TAUGHT, NAME) {
        let create = ReviewAction::CreateEntity { start, end, label: "PERSON".into() };
        app.state_mut().perform(&ctx, create.into());
    }
    app.run();
    app.key_press_modifiers(Modifiers::COMMAND, Key::D);
    app.run();

    assert!(app.state().learning_busy(), "marked done: the model is to learn");
    wait_until(&mut app, "the model learned and re-suggested", |app| !app.state().learning_busy());
    let after = saved(dir.path(), "b-unopened.txt").unwrap();
    assert!(tags_name_as_person(&after), "re-suggested with the new model: {:?}", after.entities());
    assert!(after.entities().iter().all(|e| e.status == Status::Suggested), "still only suggestions");
    assert_eq!(after.text, UNOPENED);
    assert!(Layout::new(dir.path()).dot_dir().join("model/tagger.bin").exists(), "the model is kept in the project");

    // Project ▸ Model shows what it learned from and the curve of the reviewed document.
    app.get_by_label("Project").click();
    app.run();
    app.get_by_label_contains("Model…").click();
    app.run();
    wait_until(&mut app, "the model window's figures", |app| {
        app.query_by_label_contains("1 reviewed document(s)").is_some()
    });
    assert!(app.query_by_label_contains("Learned from 1 document(s)").is_some());
    assert!(app.query_by_label("All entities").is_some());
    assert!(app.query_by_label_contains("min active over 1 document(s)").is_some());
}

#[test]
fn refresh_suggestions_replaces_open_ones_and_one_undo_brings_them_back() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), UNOPENED).unwrap();
    // Saved earlier: one reviewed span and a suggestion the model would not make.
    let mut doc = suggest_document(UNOPENED.to_owned(), Some("b.txt".into()), &Analyzer::new());
    doc.labels.ensure("LOC");
    let (s, e) = occurrences(UNOPENED, "pasar")[0];
    let (ps, pe) = occurrences(UNOPENED, "Pagi")[0];
    let entity = |id: &str, start, end, text: &str, status| Entity {
        id: id.into(),
        start,
        end,
        label: "LOC".into(),
        text: text.into(),
        status,
        source: "tagger".into(),
        confidence: Some(0.9),
        annotator: None,
        changed_at: None,
    };
    let entities = vec![entity("e1", ps, pe, "Pagi", Status::Suggested), entity("e2", s, e, "pasar", Status::Accepted)];
    let doc = doc.with_spans(entities, Vec::new()).validated().unwrap();
    sorot::project::open::save_document(&Layout::new(dir.path()), &id("b.txt"), &doc).unwrap();

    let mut app = project_app(dir.path());
    let opened = app.state().session().unwrap().document.entities().to_vec();
    assert_eq!(opened, doc.entities());
    app.key_press_modifiers(Modifiers::COMMAND, Key::R);
    wait_until(&mut app, "the refreshed suggestions", |app| {
        app.state().message().is_some_and(|m| m.starts_with("Suggestions refreshed"))
    });
    let refreshed = &app.state().session().unwrap().document;
    let spans: Vec<(&str, &str, Status)> =
        refreshed.entities().iter().map(|e| (e.text.as_str(), e.label.as_str(), e.status)).collect();
    assert!(!spans.contains(&("Pagi", "LOC", Status::Suggested)), "{spans:?}");
    assert!(spans.contains(&("pasar", "LOC", Status::Accepted)), "the reviewed span stays: {spans:?}");
    assert!(spans.contains(&("seorang pedagang", "PERSON", Status::Suggested)), "{spans:?}");

    app.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    app.run();
    assert_eq!(app.state().session().unwrap().document.entities(), opened, "one undo restores the suggestions");
    let ctx = app.ctx.clone();
    app.state_mut().perform(&ctx, ProjectAction::RefreshSuggestions.into());
    wait_until(&mut app, "the second refresh", |app| app.state().session().unwrap().document.entities() != opened);
}

#[test]
fn a_damaged_model_is_named_on_the_status_line_and_the_shipped_one_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.txt"), UNOPENED).unwrap();
    let model = Layout::new(dir.path()).dot_dir().join("model");
    std::fs::create_dir_all(&model).unwrap();
    std::fs::write(model.join("tagger.bin"), b"not a model at all").unwrap();
    let app = project_app(dir.path());
    let message = app.state().message().unwrap_or_default().to_owned();
    assert!(message.contains("using the shipped model instead"), "{message}");
    assert!(app.state().session().is_some(), "the project opens anyway");
}
