//! Team projects from the command line: `sorot agreement` on folders and on a
//! project's layers, `sorot import --annotator`, adjudication saved as gold.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use sorot::adjudication::{Adjudication, MergeStrategy, Resolution};
use sorot::agreement::SpanFilter;
use sorot::model::{Document, QuoteKind};
use sorot::project::layers::{annotators, gold_or_layer, load_gold, open_adjudication, save_gold};
use sorot::project::layout::Layout;
use sorot::project::open::save_document;
use sorot::project::scan::{scan, ArticleId};

const TEXT: &str = "“Kami 😀 siap,” kata Ana di Bandung.\r\nBudi pulang ke Jakarta.\r\n";

fn sorot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sorot")).args(args).output().unwrap()
}

fn span_of(needle: &str) -> (usize, usize) {
    let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
    (start, start + needle.chars().count())
}

/// Ana, Bandung as `city_label`, Budi, Jakarta (or Medan); the quote said by `speaker`.
fn version(text: &str, city_label: &str, speaker: &str) -> Document {
    let mut doc = Document::new(text.into(), Some("news/a.txt".into()));
    let spans = [("Ana", "PERSON"), ("Bandung", city_label), ("Budi", "PERSON"), ("Jakarta", "LOC"), ("Medan", "LOC")];
    for (needle, label) in spans {
        let Some(found) = text.find(needle) else { continue };
        let start = text[..found].chars().count();
        doc.apply(&doc.add_entity_edit(start, start + needle.chars().count(), label).unwrap()).unwrap();
    }
    let (s, e) = span_of("“Kami 😀 siap,”");
    doc.apply(&doc.add_quote_edit(s, e, QuoteKind::Direct).unwrap()).unwrap();
    let id = doc.entities().iter().find(|e| e.text == speaker).unwrap().id.to_string();
    doc.apply(&doc.speaker_edit("q1", Some(&id)).unwrap()).unwrap();
    doc
}

/// Saves `doc` at `path`, creating its folder.
fn save_annotations(doc: &Document, path: &Path) -> Result<(), sorot::store::AnnotationFileError> {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    sorot::store::save_annotations(doc, path)
}

fn json_of(output: &Output) -> Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn agreement_of_two_folders_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("ana"), dir.path().join("budi"));
    save_annotations(&version(TEXT, "LOC", "Ana"), &a.join("news/a.json")).unwrap();
    save_annotations(&version(TEXT, "ORG", "Budi"), &b.join("news/a.json")).unwrap();
    save_annotations(&version(TEXT, "LOC", "Ana"), &a.join("only-ana.json")).unwrap();
    let report = json_of(&sorot(&["agreement", a.to_str().unwrap(), b.to_str().unwrap(), "--json"]));
    let pair = &report["pairs"][0];
    assert_eq!(pair["annotators"][0].as_str(), a.to_str());
    // 3 of 4 entities agree: F1 = 6 / 8.
    assert_eq!(pair["span_f1"]["overall"], 0.75);
    assert_eq!(pair["span_f1"]["labels"]["ORG"], 0.0);
    assert_eq!(pair["span_f1"]["counts"]["overall"]["fn"], 1);
    assert!(pair["cohen_kappa"]["overall"].as_f64().unwrap() < 1.0);
    assert_eq!(pair["quotes"]["f1"], 1.0);
    assert_eq!(pair["quotes"]["speaker_agreement"], 0.0);
    assert!(report["krippendorff_alpha"]["overall"].is_number());
    assert_eq!(report["documents"][0]["document"], "news/a.json");
    assert_eq!(report["not_compared"][0]["document"], "only-ana.json");
    let text = sorot(&["agreement", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("span F1"));
}

#[test]
fn unreadable_files_and_too_few_annotators_fail_loudly() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("ana"), dir.path().join("budi"));
    save_annotations(&version(TEXT, "LOC", "Ana"), &a.join("a.json")).unwrap();
    save_annotations(&version(TEXT, "LOC", "Ana"), &b.join("a.json")).unwrap();
    std::fs::write(b.join("broken.json"), "{ not json").unwrap();
    let output = sorot(&["agreement", a.to_str().unwrap(), b.to_str().unwrap(), "--json"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("broken.json"));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["pairs"][0]["span_f1"]["overall"], 1.0, "the readable files are still compared");
    let alone = sorot(&["agreement", a.to_str().unwrap()]);
    assert!(!alone.status.success());
    assert!(String::from_utf8_lossy(&alone.stderr).contains("at least two annotators"));
}

/// A team project: the article, ana's and budi's layers (budi's saved on an
/// older text of the article).
fn team_project(root: &Path) -> ArticleId {
    std::fs::create_dir_all(root.join("news")).unwrap();
    std::fs::write(root.join("news/a.txt"), TEXT).unwrap();
    let id = ArticleId { path: "news/a.txt".into(), line: None };
    let layout = Layout::new(root);
    save_document(&layout.for_annotator("ana").unwrap(), &id, &version(TEXT, "LOC", "Ana")).unwrap();
    let older = TEXT.replace("Jakarta", "Medan");
    save_document(&layout.for_annotator("budi").unwrap(), &id, &version(&older, "ORG", "Budi")).unwrap();
    id
}

#[test]
fn agreement_of_a_project_reports_what_an_edited_article_left_unplaced() {
    let dir = tempfile::tempdir().unwrap();
    team_project(dir.path());
    assert_eq!(annotators(&Layout::new(dir.path())).unwrap(), ["ana", "budi"]);
    let report = json_of(&sorot(&["agreement", dir.path().to_str().unwrap(), "--json"]));
    assert_eq!(report["annotators"], serde_json::json!(["ana", "budi"]));
    assert_eq!(report["unanchored"][0]["text"], "Medan");
    assert_eq!(report["unanchored"][0]["annotator"], "budi");
    // The edited line (Budi, Jakarta / Medan) is left out: Ana agrees, Bandung does not.
    assert_eq!(report["pairs"][0]["span_f1"]["counts"]["overall"], serde_json::json!({"tp": 1, "fp": 1, "fn": 1}));
    assert_eq!(report["documents"][0]["document"], "news/a.txt");
}

#[test]
fn adjudication_settled_saved_as_gold_and_exported_from_gold() {
    let dir = tempfile::tempdir().unwrap();
    let id = team_project(dir.path());
    let layout = Layout::new(dir.path());
    let entries = scan(dir.path()).articles;
    let entry = entries.iter().find(|e| e.id == id).unwrap();
    let names = annotators(&layout).unwrap();
    let mut opened = open_adjudication(&layout, entry, &names, SpanFilter::default()).unwrap();
    assert_eq!(opened.aligned.unanchored.len(), 1, "budi's Medan is not on the article");
    let adjudication: &mut Adjudication = &mut opened.adjudication;
    adjudication.start_from(MergeStrategy::AllAgreed).unwrap();
    while let Some(next) = adjudication.next_unsettled(None) {
        let quotes = adjudication.disagreements[next].quotes;
        let take = if quotes { Resolution::Take(1) } else { Resolution::Take(0) };
        adjudication.settle(next, Some(take)).unwrap();
    }
    let gold = adjudication.gold(Some(id.path.clone().into())).unwrap();
    save_gold(&layout, &id, &gold).unwrap();
    let saved = load_gold(&layout, &id).unwrap().unwrap();
    let quote = &saved.quotes()[0];
    assert_eq!(saved.entity(quote.speaker.as_deref().unwrap()).unwrap().text, "Budi");
    assert!(saved.entities().iter().any(|e| e.text == "Bandung" && e.label == "LOC"));
    let docs = gold_or_layer(&layout, &entries, Some("ana")).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].1.entities(), saved.entities(), "exports read the gold version first");

    // `sorot export` on the team project writes the gold layer, not every layer.
    let settings = sorot::project::settings::ProjectSettings {
        annotator: Some("ana".into()),
        team: Some(sorot::project::team::TeamSettings::default()),
        ..Default::default()
    };
    settings.save(&layout).unwrap();
    let out = dir.path().join("gold.jsonl");
    let project = dir.path().to_str().unwrap();
    let exported = sorot(&["export", "--format", "jsonl", project, "--out", out.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let lines = std::fs::read_to_string(&out).unwrap();
    assert_eq!(lines.lines().count(), 1, "one document, its gold version: {lines}");
    assert!(lines.contains("Bandung") && lines.contains("\"LOC\""), "{lines}");
}

#[test]
fn import_into_an_annotators_layer() {
    let dir = tempfile::tempdir().unwrap();
    let id = team_project(dir.path());
    let elsewhere = tempfile::tempdir().unwrap();
    let brat = elsewhere.path().join("brat-out");
    let source = elsewhere.path().join("source");
    save_annotations(&version(TEXT, "LOC", "Ana"), &source.join("a.json")).unwrap();
    let exported = sorot(&["export", "--format", "brat", source.to_str().unwrap(), "--out", brat.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let args = ["import", "--format", "brat", brat.to_str().unwrap(), "--annotator", "rudi", "--out"];
    let imported = sorot(&[&args[..], &[dir.path().to_str().unwrap()]].concat());
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    let layer = Layout::new(dir.path()).for_annotator("rudi").unwrap();
    let saved = sorot::store::load_annotations(&layer.annotation_path(&id)).unwrap();
    assert_eq!(saved.text, TEXT);
    assert_eq!(saved.entities().len(), 4);
    // A second import would overwrite rudi's work: refused.
    let again = sorot(&[&args[..], &[dir.path().to_str().unwrap()]].concat());
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has"));
    let bad_name =
        sorot(&["import", "--format", "brat", brat.to_str().unwrap(), "--annotator", "../x", "--out", "/tmp"]);
    assert!(!bad_name.status.success());
}
