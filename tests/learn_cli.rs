//! `sorot learn` and `sorot analyze --model`, run as a user would.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn sorot() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sorot"))
}

fn run(cmd: &mut Command) -> (Output, String) {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stderr)
}

const ARTICLE: &str = "“Kami siap 😀 membantu,” kata Wulandari Kusumo di Kuningan.\r\n\r\nWulandari Kusumo datang ke Kuningan kemarin.\r\n";

/// Analyses the article into `dir/crlf.json`, then accepts every suggestion and
/// marks the document done, as an annotator would.
fn reviewed_file(dir: &Path) -> std::path::PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("crlf.txt"), ARTICLE).unwrap();
    let out = dir.join("reviewed");
    let (o, e) = run(sorot().arg("analyze").arg(&articles).arg("--out").arg(&out));
    assert!(o.status.success(), "{e}");
    let path = out.join("crlf.json");
    let mut json: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    for e in json["entities"].as_array_mut().unwrap() {
        e["status"] = "accepted".into();
    }
    json["done"] = serde_json::json!({"annotator": "tester"});
    std::fs::write(&path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    out
}

#[test]
fn learn_names_an_unreadable_file_and_learns_from_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let reviewed = reviewed_file(dir.path());
    std::fs::write(reviewed.join("broken.json"), "{ not json").unwrap();
    let model = dir.path().join("model.bin");
    let (o, e) = run(sorot().arg("learn").arg(&reviewed).arg("--out").arg(&model));
    assert!(!o.status.success(), "an unreadable input makes the exit code fail: {e}");
    assert!(e.contains("broken.json"), "{e}");
    assert!(e.contains("learned from 1 document(s) (1 whole, 0 partial)"), "{e}");
    assert!(e.contains("wrote") && model.exists(), "{e}");
    // Learning again from the same documents gives the same model, byte for byte.
    let again = dir.path().join("again.bin");
    std::fs::remove_file(reviewed.join("broken.json")).unwrap();
    let (o, e) = run(sorot().arg("learn").arg(&reviewed).arg("--out").arg(&again).arg("--base").arg(&model));
    assert!(o.status.success(), "{e}");
    let (o, e) = run(sorot().arg("learn").arg(&reviewed).arg("--out").arg(&again));
    assert!(o.status.success(), "{e}");
    assert_eq!(std::fs::read(&model).unwrap(), std::fs::read(&again).unwrap());
    // And the learned model suggests.
    let out = dir.path().join("pred");
    let (o, e) =
        run(sorot().arg("analyze").arg(dir.path().join("articles")).arg("--out").arg(&out).arg("--model").arg(&model));
    assert!(o.status.success() && !e.contains("warning"), "{e}");
    let json: Value = serde_json::from_slice(&std::fs::read(out.join("crlf.json")).unwrap()).unwrap();
    assert_eq!(json["text"], ARTICLE);
}

#[test]
fn a_bad_model_is_refused_with_its_reason_and_the_shipped_model_used() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), ARTICLE).unwrap();
    let bad = dir.path().join("bad.bin");
    std::fs::write(&bad, b"SOROTNER\x01").unwrap();
    let out = dir.path().join("pred");
    let (o, e) = run(sorot().arg("analyze").arg(&articles).arg("--out").arg(&out).arg("--model").arg(&bad));
    assert!(o.status.success(), "{e}");
    assert!(e.contains("bad.bin") && e.contains("truncated") && e.contains("shipped model"), "{e}");
    let shipped = dir.path().join("shipped");
    let (o, _) = run(sorot().arg("analyze").arg(&articles).arg("--out").arg(&shipped));
    assert!(o.status.success());
    assert_eq!(std::fs::read(out.join("a.json")).unwrap(), std::fs::read(shipped.join("a.json")).unwrap());
}

#[test]
fn learning_from_nothing_reviewed_writes_no_model() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), ARTICLE).unwrap();
    let suggested = dir.path().join("suggested");
    let (o, _) = run(sorot().arg("analyze").arg(&articles).arg("--out").arg(&suggested));
    assert!(o.status.success());
    let model = dir.path().join("model.bin");
    let (o, e) = run(sorot().arg("learn").arg(&suggested).arg("--out").arg(&model));
    assert!(!o.status.success() && e.contains("nothing to learn from"), "{e}");
    assert!(!model.exists());
}
