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

/// A quote whose speech verb the shipped word lists lack, with an emoji and CRLF.
const NEW_CUE: &str = "“Itu urusan nanti 😀,” seloroh Wulandari Kusumo.\r\nIa lalu pulang.\r\n";

#[test]
fn a_cue_the_annotator_marked_travels_with_the_model_to_analyze() {
    let dir = tempfile::tempdir().unwrap();
    let reviewed = reviewed_file(dir.path());
    // The annotator marks a quotation with a cue the lists lack in a second document.
    let path = reviewed.join("crlf.json");
    let mut json: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    json["text"] = NEW_CUE.into();
    json["entities"] = serde_json::json!([]);
    let chars = |needle: &str| NEW_CUE[..NEW_CUE.find(needle).unwrap()].chars().count();
    let (quoted, cue) = ("“Itu urusan nanti 😀,”", "seloroh");
    json["quotes"] = serde_json::json!([{
        "id": "q1", "start": chars(quoted), "end": chars(quoted) + quoted.chars().count(), "text": quoted,
        "kind": "direct", "cue": {"start": chars(cue), "end": chars(cue) + cue.chars().count(), "text": cue},
        "status": "manual", "source": "annotator"
    }]);
    std::fs::write(reviewed.join("cue.json"), serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    let model = dir.path().join("model.bin");
    let (o, e) = run(sorot().arg("learn").arg(&reviewed).arg("--out").arg(&model));
    assert!(o.status.success(), "{e}");
    assert!(e.contains("model.bin.lessons.json: 1 project cue(s)"), "{e}");

    let articles = dir.path().join("new");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("n.txt"), NEW_CUE).unwrap();
    let quotes = |extra: &[&std::ffi::OsStr]| {
        let out = dir.path().join("pred");
        let _ = std::fs::remove_dir_all(&out);
        let (o, e) = run(sorot().arg("analyze").arg(&articles).arg("--out").arg(&out).args(extra));
        assert!(o.status.success(), "{e}");
        let json: Value = serde_json::from_slice(&std::fs::read(out.join("n.json")).unwrap()).unwrap();
        (json["quotes"].as_array().unwrap().len(), e)
    };
    assert_eq!(quotes(&[]).0, 0, "the shipped lists do not know the cue");
    let (found, e) = quotes(&["--model".as_ref(), model.as_os_str()]);
    assert_eq!(found, 1, "the model's lessons know it: {e}");
    // Damaged lessons are named and left out; the model's weights still suggest.
    std::fs::write(dir.path().join("model.bin.lessons.json"), "{ not json").unwrap();
    let (found, e) = quotes(&["--model".as_ref(), model.as_os_str()]);
    assert_eq!(found, 0);
    assert!(e.contains("model.bin.lessons.json") && e.contains("without the model's quotation lessons"), "{e}");
}
