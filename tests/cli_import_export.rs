//! `sorot import` / `sorot export` / `sorot analyze` on the cases issue 15
//! names: reviewed work never overwritten, project folders exported, empty
//! inputs refused, FIFOs never waited on.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use sorot::model::{Document, Entity, Status};

fn sorot() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sorot"))
}

/// Runs `command`; a run that does not end within a generous bound is killed
/// and reported as hung (this guards against hangs, it measures nothing).
fn run(mut command: Command) -> Output {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("sorot hung: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn reviewed() -> Document {
    let entity = Entity {
        id: "e1".into(),
        start: 13,
        end: 16,
        label: "PERSON".into(),
        text: "Ana".into(),
        status: Status::Manual,
        source: "annotator".into(),
        confidence: None,
        annotator: Some("ana".into()),
        changed_at: Some("2026-11-28T08:00:00Z".into()),
    };
    Document::new("“Ya 😀,” kata Ana.\r\n".into(), None).with_spans(vec![entity], Vec::new()).validated().unwrap()
}

fn doccano_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("data.jsonl");
    std::fs::write(&path, "{\"text\": \"“Ya 😀,” kata Ana.\\r\\n\", \"label\": [[14, 17, \"PERSON\"]]}\n").unwrap();
    path
}

#[test]
fn import_never_overwrites_reviewed_work_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = doccano_file(dir.path());
    let out = dir.path().join("out");
    let import = |force: bool| {
        let mut command = sorot();
        command.args(["import", "--format", "doccano"]).arg(&input).arg("--out").arg(&out);
        if force {
            command.arg("--force");
        }
        run(command)
    };
    assert!(import(false).status.success());
    let target = out.join("data-0001.json");
    sorot::store::save_annotations(&reviewed(), &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    let refused = import(false);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(std::fs::read(&target).unwrap(), before, "reviewed work untouched");
    assert!(import(true).status.success());
    assert_ne!(std::fs::read(&target).unwrap(), before);
}

#[test]
fn export_reads_a_project_folder_and_refuses_an_empty_input() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    let saved = project.join(".sorot/annotations/news/a.txt.json");
    std::fs::create_dir_all(saved.parent().unwrap()).unwrap();
    sorot::store::save_annotations(&reviewed(), &saved).unwrap();
    let out = dir.path().join("out.jsonl");
    let mut command = sorot();
    command.args(["export", "--format", "spacy-jsonl"]).arg(&project).arg("--out").arg(&out);
    let output = run(command);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("1 document(s), 1 span(s)"), "{}", stderr(&output));

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let mut command = sorot();
    command.args(["export", "--format", "jsonl"]).arg(&empty).arg("--out").arg(dir.path().join("e.jsonl"));
    let output = run(command);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("no annotation files"), "{}", stderr(&output));
}

#[test]
fn an_import_without_documents_fails() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "\n\n").unwrap();
    let mut command = sorot();
    command.args(["import", "--format", "doccano"]).arg(&empty).arg("--out").arg(dir.path().join("out"));
    let output = run(command);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("no documents"), "{}", stderr(&output));
}

#[test]
fn the_import_summary_says_what_was_kept() {
    let dir = tempfile::tempdir().unwrap();
    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).unwrap();
    std::fs::write(brat.join("a.txt"), "“Ya 😀,” kata Ana.\r\n").unwrap();
    std::fs::write(brat.join("a.ann"), "T1\tPERSON 13 16\tAna\n#1\tAnnotatorNotes T1\tcek lagi\n").unwrap();
    let mut command = sorot();
    command.args(["import", "--format", "brat"]).arg(&brat).arg("--out").arg(dir.path().join("out"));
    let output = run(command);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("kept for brat export: 1 notes"), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn analyze_and_import_skip_or_refuse_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), "“Kami siap 😀,” kata Ana.\r\n").unwrap();
    let fifo = folder.join("x.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mut command = sorot();
    command.arg("analyze").arg(&folder).arg("--out").arg(dir.path().join("out"));
    let output = run(command);
    assert!(stderr(&output).contains("FIFO"), "{}", stderr(&output));
    assert!(stderr(&output).contains("wrote 1 of 2 article(s)"), "the FIFO counts as found: {}", stderr(&output));
    assert!(!output.status.success());
    assert!(dir.path().join("out/a.json").exists(), "the other article is still analysed");
    let mut command = sorot();
    command.arg("analyze").arg(&fifo).arg("--out").arg(dir.path().join("out2"));
    let output = run(command);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("FIFO"), "{}", stderr(&output));
    let mut command = sorot();
    command.args(["import", "--format", "conll"]).arg(&fifo).arg("--out").arg(dir.path().join("out3"));
    let output = run(command);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("FIFO"), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn export_refuses_a_fifo_among_annotation_files_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("saved");
    std::fs::create_dir(&folder).unwrap();
    sorot::store::save_annotations(&reviewed(), &folder.join("a.json")).unwrap();
    assert!(Command::new("mkfifo").arg(folder.join("x.json")).status().unwrap().success());
    let mut command = sorot();
    command.args(["export", "--format", "jsonl"]).arg(&folder).arg("--out").arg(dir.path().join("out.jsonl"));
    let output = run(command);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("FIFO"), "{}", stderr(&output));
}
