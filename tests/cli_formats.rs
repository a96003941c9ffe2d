//! `sorot export` and `sorot import`, run as a user would.

use std::path::Path;
use std::process::Command;

fn sorot() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sorot"))
}

/// Analyses the sample into `dir/suggested/` and returns that folder.
fn suggested(dir: &Path) -> std::path::PathBuf {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/teritorial-putin-kim.txt");
    let out = dir.join("suggested");
    assert!(sorot().arg("analyze").arg(sample).arg("--out").arg(&out).status().unwrap().success());
    out
}

#[test]
fn help_lists_every_format_with_its_offsets() {
    let output = sorot().args(["export", "--help"]).output().unwrap();
    let help = String::from_utf8(output.stdout).unwrap();
    for name in
        ["jsonl", "doccano", "label-studio", "brat", "conll", "spacy", "spacy-jsonl", "quotes-jsonl", "quotes-csv"]
    {
        assert!(help.contains(name), "{name} missing from:\n{help}");
    }
    assert!(help.contains("UTF-16") && help.contains("code points"), "{help}");
}

#[test]
fn export_then_import_round_trips_through_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = suggested(dir.path());
    let out = dir.path().join("all.jsonl");
    let export = sorot()
        .args(["export", "--format", "spacy-jsonl", "--with-suggestions"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let summary = String::from_utf8_lossy(&export.stderr);
    assert!(summary.contains("spacy-jsonl: 1 document(s)"), "{summary}");
    let imported = dir.path().join("imported");
    let import =
        sorot().args(["import", "--format", "spacy-jsonl"]).arg(&out).arg("--out").arg(&imported).output().unwrap();
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    let doc = sorot::store::load_annotations(&imported.join("all-0001.json")).unwrap();
    let original = sorot::store::load_annotations(&input.join("teritorial-putin-kim.json")).unwrap();
    assert_eq!(doc.text, original.text);
    assert_eq!(doc.entities().len(), original.entities().len());
    assert_eq!(doc.quotes().len(), original.quotes().len());
}

#[test]
fn reviewed_only_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let input = suggested(dir.path());
    let out = dir.path().join("q.csv");
    let status =
        sorot().args(["export", "--format", "quotes-csv"]).arg(&input).arg("--out").arg(&out).status().unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 1, "header only: nothing reviewed");
}

#[test]
fn malformed_import_names_file_and_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"text\": \"Ana\", \"label\": [[0, 3, \"PERSON\"]]}\n{\"text\": \"Budi\", \"label\": [[0, 9, \"PERSON\"]]}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = sorot().args(["import", "--format", "doccano"]).arg(&bad).arg("--out").arg(&out).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.jsonl:2:"), "{stderr}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn export_refuses_to_overwrite_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = suggested(dir.path()).join("teritorial-putin-kim.json");
    let before = std::fs::read(&input).unwrap();
    let status = sorot().args(["export", "--format", "jsonl"]).arg(&input).arg("--out").arg(&input).status().unwrap();
    assert!(!status.success());
    assert_eq!(std::fs::read(&input).unwrap(), before);
}
