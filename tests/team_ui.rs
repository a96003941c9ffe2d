//! A team project in the app, through egui_kittest: the annotator works in
//! their own layer, Project ▸ Agreement compares the layers in the background
//! and opens a document from its list, and the adjudication mode settles every
//! disagreement by keyboard into the gold layer, which exports then read.

use std::path::Path;
use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use sorot::formats::{export, ExportOptions, Format};
use sorot::model::{Document, QuoteKind};
use sorot::project::layers::{gold_or_layer, load_gold};
use sorot::project::layout::Layout;
use sorot::project::open::save_document;
use sorot::project::scan::{scan, ArticleId};
use sorot::project::settings::ProjectSettings;
use sorot::project::team::TeamSettings;
use sorot::ui::SorotApp;

mod common;
use common::*;

/// Curly quotes, an emoji and CRLF line ends.
const TEXT: &str = "“Kami 😀 siap,” kata Ana kepada Budi di Bandung.\r\nHujan turun sore itu.\r\n";

fn span_of(needle: &str) -> (usize, usize) {
    let start = TEXT[..TEXT.find(needle).expect(needle)].chars().count();
    (start, start + needle.chars().count())
}

/// One annotator's version: `entities` (text, label), the quote said by `speaker`.
fn version(entities: &[(&str, &str)], speaker: &str) -> Document {
    let mut doc = Document::new(TEXT.into(), Some("news/a.txt".into()));
    for (needle, label) in entities {
        let (start, end) = span_of(needle);
        doc.apply(&doc.add_entity_edit(start, end, label).unwrap()).unwrap();
    }
    let (start, end) = span_of("“Kami 😀 siap,”");
    doc.apply(&doc.add_quote_edit(start, end, QuoteKind::Direct).unwrap()).unwrap();
    let id = doc.entities().iter().find(|e| e.text == speaker).unwrap().id.to_string();
    doc.apply(&doc.speaker_edit("q1", Some(&id)).unwrap()).unwrap();
    doc
}

/// A team project where ana works: ana and budi agree on Ana, differ on
/// Bandung's label and on who said the quote (budi also marked Budi).
fn team_project(root: &Path, annotator: Option<&str>) -> ArticleId {
    std::fs::create_dir_all(root.join("news")).unwrap();
    std::fs::write(root.join("news/a.txt"), TEXT).unwrap();
    let layout = Layout::new(root);
    let settings = ProjectSettings {
        annotator: annotator.map(str::to_owned),
        team: Some(TeamSettings::default()),
        ..ProjectSettings::default()
    };
    settings.save(&layout).unwrap();
    let id = ArticleId { path: "news/a.txt".into(), line: None };
    let ana = version(&[("Ana", "PERSON"), ("Bandung", "LOC")], "Ana");
    let budi = version(&[("Ana", "PERSON"), ("Budi", "PERSON"), ("Bandung", "ORG")], "Budi");
    save_document(&layout.for_annotator("ana").unwrap(), &id, &ana).unwrap();
    save_document(&layout.for_annotator("budi").unwrap(), &id, &budi).unwrap();
    id
}

fn wait_for_label(app: &mut Harness<'static, SorotApp>, text: &str) {
    for _ in 0..500 {
        app.step();
        if app.query_by_label_contains(text).is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{text:?} never showed");
}

#[test]
fn a_team_project_opens_the_annotators_own_layer() {
    let dir = tempfile::tempdir().unwrap();
    let id = team_project(dir.path(), Some("ana"));
    let app = project_app(dir.path());
    let session = app.state().session().expect("the document opens");
    let ana = Layout::new(dir.path()).for_annotator("ana").unwrap();
    assert_eq!(session.annotation_path, ana.annotation_path(&id));
    assert!(session.document.entities().iter().any(|e| e.text == "Bandung" && e.label == "LOC"), "ana's version");

    let nameless = tempfile::tempdir().unwrap();
    team_project(nameless.path(), None);
    let app = project_app(nameless.path());
    assert!(app.state().session().is_none(), "no layer to write to");
    assert!(app.state().message().unwrap_or_default().contains("annotator name"), "{:?}", app.state().message());
}

#[test]
fn the_agreement_window_compares_the_layers_and_opens_a_document() {
    let dir = tempfile::tempdir().unwrap();
    team_project(dir.path(), Some("ana"));
    let mut app = project_app(dir.path());
    press(&mut app, Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    // Ana agrees; Bandung (LOC / ORG) and budi's Budi do not: F1 = 2 / (2 + 2 + 1).
    wait_for_label(&mut app, "ana – budi: span F1 0.400");
    assert!(app.query_by_label_contains("Quotations: F1 1.000 (1 matched").is_some());
    assert!(app.query_by_label_contains("speaker 0.000").is_some(), "the quote's speakers differ");
    assert!(app.query_by_label_contains("Krippendorff's α").is_some());
    app.get_by_label("news/a.txt").click();
    app.run();
    assert!(app.state().message().unwrap_or_default().contains("Opened news/a.txt"), "{:?}", app.state().message());
}

#[test]
fn adjudication_settles_each_disagreement_by_key_into_the_gold_layer() {
    let dir = tempfile::tempdir().unwrap();
    let id = team_project(dir.path(), Some("ana"));
    let mut app = project_app(dir.path());
    press(&mut app, Modifiers::COMMAND, Key::J);
    assert!(app.query_by_label("Adjudicating news/a.txt").is_some());
    assert!(app.query_by_label("Annotators: A ana · B budi").is_some());
    let hint = "Ctrl+S save gold · Ctrl+J leave · F1 help";
    assert!(app.query_by_label(hint).is_some(), "the status bar names the keys that work while curating");
    assert!(app.query_by_label_contains("Enter accept").is_none());
    assert!(app.query_by_label_contains("1 agreed span(s) accepted · 3 disagreement(s), 0 settled").is_some());
    // In reading order: the quote (speaker Ana / Budi), budi's Budi, Bandung (LOC / ORG).
    assert!(app.query_by_label_contains("B budi: direct quotation “Kami 😀 siap,” · said by Budi").is_some());
    press(&mut app, Modifiers::NONE, Key::B); // the quote: budi's, said by Budi
    press(&mut app, Modifiers::NONE, Key::Num1); // Budi: pick the one candidate…
    press(&mut app, Modifiers::NONE, Key::Enter); // …and keep it
    press(&mut app, Modifiers::NONE, Key::A); // Bandung: ana's LOC
    assert!(app.query_by_label_contains("3 settled, 0 unsettled").is_some());
    press(&mut app, Modifiers::NONE, Key::ArrowUp);
    press(&mut app, Modifiers::NONE, Key::Backspace); // unsettle Budi again…
    assert!(app.query_by_label_contains("2 settled, 1 unsettled").is_some());
    press(&mut app, Modifiers::NONE, Key::N); // …and take neither: the quote brings its speaker anyway
    press(&mut app, Modifiers::COMMAND, Key::S);
    assert!(app.state().message().unwrap_or_default().contains("Saved the gold layer"), "{:?}", app.state().message());

    let layout = Layout::new(dir.path());
    let gold = load_gold(&layout, &id).unwrap().expect("the gold layer on disk");
    assert_eq!(gold.text, TEXT);
    let labelled: Vec<(&str, &str)> = gold.entities().iter().map(|e| (e.text.as_str(), e.label.as_str())).collect();
    assert!(labelled.contains(&("Ana", "PERSON")) && labelled.contains(&("Bandung", "LOC")), "{labelled:?}");
    assert!(!labelled.contains(&("Bandung", "ORG")));
    let speaker = gold.entity(gold.quotes()[0].speaker.as_deref().unwrap()).unwrap();
    assert_eq!(speaker.text, "Budi");
    let ana = sorot::store::load_annotations(&layout.for_annotator("ana").unwrap().annotation_path(&id)).unwrap();
    assert_eq!(
        ana.quotes()[0].speaker.as_deref(),
        ana.entities().iter().find(|e| e.text == "Ana").map(|e| e.id.as_str())
    );

    let documents = gold_or_layer(&layout, &scan(dir.path()).articles, Some("ana")).unwrap();
    let out = dir.path().join("gold.jsonl");
    let docs: Vec<Document> = documents.into_iter().map(|(_, d)| d).collect();
    export(&docs, Format::Jsonl, &ExportOptions::default(), &out).unwrap();
    let exported = std::fs::read_to_string(&out).unwrap();
    let bandung = r#""label":"LOC","text":"Bandung""#;
    assert!(exported.contains(bandung) && !exported.contains(r#""label":"ORG""#), "{exported}");

    press(&mut app, Modifiers::COMMAND, Key::J);
    assert!(app.query_by_label("Adjudicating news/a.txt").is_none(), "Ctrl+J leaves");

    // Coming back picks the saved gold up: nothing left to settle, and saving
    // again writes the same spans.
    press(&mut app, Modifiers::COMMAND, Key::J);
    let note = app.state().message().unwrap_or_default();
    assert!(
        note.contains("resumed from the saved gold layer (3 settled)") && note.contains("0 disagreement(s) to settle"),
        "{note}"
    );
    assert!(app.query_by_label_contains("3 settled, 0 unsettled").is_some());
    assert!(app.query_by_label_contains("took ana's").is_some(), "a resumed whole version is named by its annotator");
    press(&mut app, Modifiers::COMMAND, Key::S);
    let again = load_gold(&layout, &id).unwrap().expect("the gold layer on disk");
    assert_eq!((again.entities(), again.quotes()), (gold.entities(), gold.quotes()));
}
