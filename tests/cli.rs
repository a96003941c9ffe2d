//! The command line, run as a user would: `sorot analyze` on the samples and on bad input.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn sorot() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sorot"))
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples").join(name)
}

/// `text[start..end]` in code points, as Python would slice it.
fn code_point_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

fn check_spans_match_text(doc: &Value) {
    let text = doc["text"].as_str().unwrap();
    let spans = doc["entities"].as_array().unwrap().iter().chain(doc["quotes"].as_array().unwrap());
    for span in spans {
        let (start, end) = (span["start"].as_u64().unwrap(), span["end"].as_u64().unwrap());
        assert_eq!(span["text"].as_str().unwrap(), code_point_slice(text, start, end), "{span}");
    }
}

#[test]
fn analyze_writes_json_true_to_the_article() {
    let out = tempfile::tempdir().unwrap();
    let article = sample("teritorial-putin-kim.txt");
    let status = sorot().arg("analyze").arg(&article).arg("--out").arg(out.path()).status().unwrap();
    assert!(status.success());
    let json: Value =
        serde_json::from_slice(&std::fs::read(out.path().join("teritorial-putin-kim.json")).unwrap()).unwrap();
    assert_eq!(json["text"].as_str().unwrap(), std::fs::read_to_string(&article).unwrap());
    assert_eq!(json["format"], "sorot");
    assert!(json["entities"].as_array().unwrap().len() > 10);
    assert_eq!(json["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] == "direct").count(), 2);
    check_spans_match_text(&json);
}

#[test]
fn analyze_a_folder_with_curly_quotes_emoji_and_crlf() {
    let articles = tempfile::tempdir().unwrap();
    let text = "“Kami siap 😀 membantu,” ujar Joko Widodo saat meninjau pasar di Jakarta.\r\n\r\n“We are ready,” said Mayor Helen Carter.\r\n";
    std::fs::write(articles.path().join("crlf.txt"), text).unwrap();
    std::fs::write(articles.path().join("notes.csv"), "not an article").unwrap();
    let out = tempfile::tempdir().unwrap();
    let status = sorot().arg("analyze").arg(articles.path()).arg("--out").arg(out.path()).status().unwrap();
    assert!(status.success());
    let written: Vec<_> = std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(written, vec!["crlf.json"], "only article kinds (.txt, .md, .html, .json, .jsonl) are read");
    let json: Value = serde_json::from_slice(&std::fs::read(out.path().join("crlf.json")).unwrap()).unwrap();
    assert_eq!(json["text"], text, "CRLF kept");
    check_spans_match_text(&json);
    let quotes = json["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2, "{json}");
    assert_eq!(quotes[0]["start"], 0);
    assert_eq!(quotes[0]["text"], "“Kami siap 😀 membantu,”");
}

#[test]
fn unreadable_articles_fail_clearly_and_the_rest_are_written() {
    let articles = tempfile::tempdir().unwrap();
    std::fs::write(articles.path().join("good.txt"), "Presiden Joko Widodo tiba di Bandung.").unwrap();
    std::fs::write(articles.path().join("latin1.txt"), b"Caf\xe9 di Bandung").unwrap();
    std::fs::write(articles.path().join("binary.txt"), b"\x00\x01\x02PNG").unwrap();
    let out = tempfile::tempdir().unwrap();
    let missing = articles.path().join("missing.txt");
    let output =
        sorot().arg("analyze").arg(articles.path()).arg(&missing).arg("--out").arg(out.path()).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("latin1.txt") && stderr.contains("UTF-8"), "{stderr}");
    assert!(stderr.contains("binary.txt") && stderr.contains("binary"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert!(out.path().join("good.json").exists());
    // Latin-1 is decoded (with the warning above), not refused.
    let latin1: Value = serde_json::from_slice(&std::fs::read(out.path().join("latin1.json")).unwrap()).unwrap();
    assert_eq!(latin1["text"], "Café di Bandung");
}

#[test]
fn a_folder_of_bad_input_names_each_bad_file_and_writes_the_good_ones() {
    let articles = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
    std::fs::write(articles.path().join("image.txt"), png).unwrap();
    std::fs::write(articles.path().join("latin1.txt"), b"Caf\xe9 di Bandung, kata Ana.").unwrap();
    std::fs::write(articles.path().join("empty.txt"), b"").unwrap();
    std::fs::write(articles.path().join("broken.json"), "{\"text\": \"Ana\",\n oops}").unwrap();
    std::fs::create_dir(articles.path().join("nested")).unwrap();
    std::fs::write(articles.path().join("nested/good.md"), "Presiden Joko Widodo tiba di Bandung.").unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = sorot().arg("analyze").arg(articles.path()).arg("--out").arg(out.path()).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line_of = |name: &str| stderr.lines().find(|l| l.contains(name)).unwrap_or_default().to_owned();
    assert!(line_of("image.txt").contains("binary"), "{stderr}");
    assert!(line_of("empty.txt").contains("empty"), "{stderr}");
    assert!(line_of("broken.json").contains("line 2, column 2"), "{stderr}");
    assert!(line_of("latin1.txt").contains("warning") && line_of("latin1.txt").contains("Windows-1252"), "{stderr}");
    assert!(stderr.contains("3 article(s) failed"), "{stderr}");
    let mut written: Vec<_> = std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    written.sort();
    assert_eq!(written, vec!["good.json", "latin1.json"]);
}

#[test]
fn help_documents_analyze() {
    let output = sorot().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(help.contains("analyze"), "{help}");
    let output = sorot().args(["analyze", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("--out") && help.contains("code points"), "{help}");
}
