//! `sorot analyze --jsonl`, run as a pipeline step would run it: stdin to stdout
//! and file to file, with bad lines in the middle.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

fn sorot() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sorot"))
}

fn code_point_slice(text: &str, start: &Value, end: &Value) -> String {
    let (s, e) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
    text.chars().skip(s).take(e - s).collect()
}

fn corpus() -> String {
    let lines = [
        json!({"id": "a", "text": "“Kami siap 😀,” ujar Joko Widodo saat meninjau pasar di Jakarta.\r\nIa lalu ke Bandung."})
            .to_string(),
        "{\"id\": \"b\", \"text\": \"no closing quote}".to_owned(),
        json!({"id": "c", "lang": "en", "text": "\u{feff}“We are ready,” said Mayor Helen Carter in Boston."})
            .to_string(),
        json!({"id": "d", "body": "no text field"}).to_string(),
        json!({"id": "e", "text": "Menurut Gubernur Ridwan Kamil, warga Bandung aman."}).to_string(),
    ];
    // A BOM before the first line, as some editors save JSON Lines.
    format!("\u{feff}{}\n", lines.join("\n"))
}

fn check(out: &str) {
    let docs: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap_or("")).collect();
    assert_eq!(ids, ["a", "", "c", "d", "e"], "{out}");
    assert_eq!(docs[1], json!({"line": 2, "error": docs[1]["error"]}));
    assert!(docs[1]["error"].as_str().unwrap().starts_with("not valid JSON"));
    assert_eq!(docs[3]["line"], 4);
    assert_eq!(docs[2]["lang"], "en");
    for doc in [&docs[0], &docs[2], &docs[4]] {
        let text = doc["text"].as_str().unwrap();
        assert!(!doc["entities"].as_array().unwrap().is_empty(), "{doc}");
        for span in doc["entities"].as_array().unwrap().iter().chain(doc["quotes"].as_array().unwrap()) {
            assert_eq!(span["text"].as_str().unwrap(), code_point_slice(text, &span["start"], &span["end"]));
        }
    }
    assert_eq!(docs[0]["quotes"][0]["text"], "“Kami siap 😀,”");
    assert_eq!(docs[2]["quotes"][0]["start"], 1, "the BOM inside the string is a code point of the text");
}

#[test]
fn stdin_to_stdout_keeps_order_and_reports_bad_lines() {
    let mut child = sorot()
        .args(["analyze", "--jsonl", "-", "--out", "-", "--threads", "4"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(corpus().as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1), "some lines failed");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2: not valid JSON"), "{stderr}");
    assert!(stderr.contains("line 4 (id \"d\"): no \"text\" field"), "{stderr}");
    check(&String::from_utf8(output.stdout).unwrap());
}

#[test]
fn file_to_file_and_a_clean_stream_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in.jsonl"), dir.path().join("out.jsonl"));
    std::fs::write(&input, corpus()).unwrap();
    let status = sorot().args(["analyze", "--jsonl"]).arg(&input).arg("--out").arg(&out).status().unwrap();
    assert_eq!(status.code(), Some(1));
    check(&std::fs::read_to_string(&out).unwrap());

    let clean = dir.path().join("clean.jsonl");
    std::fs::write(&clean, json!({"id": 1, "text": "Warga Surabaya senang."}).to_string() + "\n").unwrap();
    let output = sorot().args(["analyze", "--jsonl"]).arg(&clean).args(["--out", "-"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["id"], 1);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 3, "no temporary file left behind: {names:?}");
}

#[test]
fn refuses_to_write_over_its_input_and_fails_on_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, "{\"text\": \"Ada di Bali.\"}\n").unwrap();
    let output = sorot().args(["analyze", "--jsonl"]).arg(&input).arg("--out").arg(&input).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "{\"text\": \"Ada di Bali.\"}\n");
    let missing = dir.path().join("missing.jsonl");
    let output = sorot().args(["analyze", "--jsonl"]).arg(&missing).args(["--out", "-"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.jsonl"));
}

#[test]
fn export_reads_the_stream_and_import_writes_one() {
    let dir = tempfile::tempdir().unwrap();
    let (input, stream) = (dir.path().join("in.jsonl"), dir.path().join("docs.jsonl"));
    std::fs::write(&input, corpus()).unwrap();
    sorot().args(["analyze", "--jsonl"]).arg(&input).arg("--out").arg(&stream).output().unwrap();

    let exported = dir.path().join("export.jsonl");
    let output = sorot()
        .args(["export", "--format", "jsonl", "--with-suggestions", "--jsonl"])
        .arg(&stream)
        .arg("--out")
        .arg(&exported)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stderr).contains("skipped 2 error record(s)"));
    let docs: Vec<Value> =
        std::fs::read_to_string(&exported).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["quotes"][0]["text"], "“Kami siap 😀,”");

    // The stream from standard input, to another format.
    let conll = dir.path().join("out.conll");
    let mut child = sorot()
        .args(["export", "--format", "conll", "--with-suggestions", "--jsonl", "-", "--out"])
        .arg(&conll)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&std::fs::read(&stream).unwrap()).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(std::fs::read_to_string(&conll).unwrap().contains("B-PERSON"));

    let output = sorot().args(["import", "--format", "jsonl"]).arg(&exported).args(["--out", "-"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let lines: Vec<Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|l| l["format"] == "sorot" && l["id"].is_string()));
    assert_eq!(lines[2]["text"], docs[2]["text"]);
}
