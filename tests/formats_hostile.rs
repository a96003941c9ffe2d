//! Datasets as other tools write them, and files built to hurt: BOMs, UTF-16,
//! JSON arrays and pretty-printed records, Label Studio results that disagree
//! with their offsets, labels formats cannot carry, FIFOs, huge spans.
//! Texts carry curly quotes, an emoji and CRLF.

use std::path::{Path, PathBuf};

use sorot::formats::{self, ExportOptions, Format};
use sorot::model::{Document, Entity, Status};

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn error(format: Format, path: &Path) -> String {
    formats::import(format, &[path.to_owned()]).unwrap_err().to_string()
}

const LINE: &str = r#"{"text": "“Ya 😀,” kata Ana.\r\nBaris dua", "entities": [{"id": 1, "label": "PERSON", "start_offset": 14, "end_offset": 17}], "relations": []}"#;

#[test]
fn doccano_reads_a_json_array_and_pretty_printed_records() {
    let dir = tempfile::tempdir().unwrap();
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(LINE).unwrap()).unwrap();
    for (name, content) in [
        ("array.json", format!("[\n{LINE},\n{LINE}\n]\n")),
        ("pretty.jsonl", format!("{pretty}\n{pretty}\n")),
        ("bom.jsonl", format!("\u{feff}{LINE}\n{LINE}\n")),
    ] {
        let path = write(dir.path(), name, content);
        let docs = formats::import(Format::Doccano, &[path]).unwrap();
        assert_eq!(docs.len(), 2, "{name}");
        assert_eq!(docs[1].entities()[0].text, "Ana", "{name}: the emoji counts two UTF-16 units");
    }
    let joined = write(dir.path(), "joined.jsonl", format!("\u{feff}{LINE}\n\u{feff}{LINE}\n"));
    let message = error(Format::Doccano, &joined);
    assert!(message.contains("joined.jsonl:2:") && message.contains("byte order mark"), "{message}");
    let bad = write(dir.path(), "bad.jsonl", format!("{pretty}\n{{\n  \"text\": 5\n}}\n"));
    let message = error(Format::Doccano, &bad);
    let line = pretty.lines().count() + 2;
    assert!(message.contains(&format!("bad.jsonl:{line}:")), "{message}");
}

#[test]
fn a_bom_does_not_shift_conll_or_spacy_jsonl_spans() {
    let dir = tempfile::tempdir().unwrap();
    let conll = write(dir.path(), "a.conll", "\u{feff}-DOCSTART- O\n\n“Ya O\n😀 O\nAna B-PERSON\n");
    let docs = formats::import(Format::Conll, &[conll]).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, "“Ya 😀 Ana");
    assert_eq!((docs[0].entities()[0].start, docs[0].entities()[0].text.as_str()), (6, "Ana"));
    let jsonl = write(
        dir.path(),
        "s.jsonl",
        "\u{feff}{\"text\": \"“Ya 😀” Ana\\r\\n\", \"spans\": [{\"start\": 7, \"end\": 10, \"label\": \"PERSON\"}]}\n",
    );
    assert_eq!(formats::import(Format::SpacyJsonl, &[jsonl]).unwrap()[0].entities()[0].text, "Ana");
}

#[test]
fn utf16_files_are_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain(LINE.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let path = write(dir.path(), "u.jsonl", utf16);
    let message = error(Format::Doccano, &path);
    assert!(message.contains("UTF-16LE text, not UTF-8"), "{message}");
}

fn label_studio_task(result: &str) -> String {
    format!("[\n{{\"data\": {{\"text\": \"“Ya 😀,” kata Ana.\\r\\nDi Jakarta\"}},\n \"annotations\": [{{\"result\": [{result}]}}]}}\n]")
}

#[test]
fn label_studio_checks_value_text_splits_labels_and_reads_scores() {
    let dir = tempfile::tempdir().unwrap();
    let shifted =
        r#"{"id": "a", "type": "labels", "value": {"start": 12, "end": 15, "text": "Ana", "labels": ["PERSON"]}}"#;
    let path = write(dir.path(), "shifted.json", label_studio_task(shifted));
    let message = error(Format::LabelStudio, &path);
    assert!(message.contains("shifted.json:2:") && message.contains("value.text"), "{message}");
    let two = r#"{"id": "a", "type": "labels", "score": 0.25, "value": {"start": 22, "end": 29, "text": "Jakarta", "labels": ["LOC", "ORG"]}}"#;
    let path = write(dir.path(), "two.json", label_studio_task(two));
    let (docs, summary) = formats::import_with_summary(Format::LabelStudio, &[path]).unwrap();
    let labels: Vec<&str> = docs[0].entities().iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["LOC", "ORG"]);
    assert!(docs[0].entities().iter().all(|e| e.text == "Jakarta" && e.confidence == Some(0.25)));
    assert_eq!(summary.converted_count("extra labels"), 1);
    let choice =
        r#"{"id": "c", "type": "choices", "from_name": "topic", "to_name": "text", "value": {"choices": ["Politik"]}}"#;
    let path = write(dir.path(), "choice.json", label_studio_task(&format!("{two}, {choice}")));
    let (docs, summary) = formats::import_with_summary(Format::LabelStudio, &[path]).unwrap();
    assert_eq!(docs[0].entities().len(), 2);
    assert_eq!(summary.dropped_count("results that are not labelled spans"), 1);
}

fn with_entity(label: &str) -> Document {
    let entity = Entity {
        id: "e1".into(),
        start: 13,
        end: 16,
        label: label.into(),
        text: "Ana".into(),
        status: Status::Accepted,
        source: "annotator".into(),
        confidence: None,
        annotator: None,
        changed_at: None,
    };
    Document::new("“Ya 😀,” kata Ana.\r\n".into(), None).with_spans(vec![entity], Vec::new()).validated().unwrap()
}

#[test]
fn labels_a_format_cannot_carry_are_renamed_counted_and_read_back() {
    for label in ["MY LABEL", "CUE", "DIRECT_QUOTE", "", "a\tb", "[PER]", "#TAG", "<ANY>", "!X"] {
        let doc = with_entity(label);
        for format in
            [Format::Doccano, Format::LabelStudio, Format::Brat, Format::Conll, Format::Spacy, Format::SpacyJsonl]
        {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path().join("out");
            let summary = formats::export(std::slice::from_ref(&doc), format, &ExportOptions::default(), &out).unwrap();
            assert!(
                summary.adjusted.iter().any(|a| a.contains("entity labels renamed")),
                "{format} {label:?}: {summary}"
            );
            let back = formats::import(format, &[out]).unwrap_or_else(|e| panic!("{format} {label:?}: {e}"));
            assert_eq!(back[0].entities().len(), 1, "{format} {label:?}");
            assert!(back[0].quotes().is_empty(), "{format} {label:?}: read back as a quote");
            assert_eq!(sorot::model::validate_label_name(&back[0].entities()[0].label), Ok(()));
        }
    }
}

#[test]
fn errors_on_huge_spans_stay_short() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("“{}”", "kata ".repeat(200_000));
    let claimed = format!("“{}”", "kata ".repeat(199_999) + "kat! ");
    let task = serde_json::json!([{
        "data": {"text": text},
        "annotations": [{"result": [{"id": "a", "type": "labels",
            "value": {"start": 0, "end": text.chars().count(), "text": claimed, "labels": ["DIRECT_QUOTE"]}}]}]
    }]);
    let path = write(dir.path(), "huge.json", task.to_string());
    let message = error(Format::LabelStudio, &path);
    assert!(message.len() < 1_000, "{} bytes", message.len());
    assert!(message.contains("characters)"), "{message}");
}

#[test]
fn a_docbin_that_inflates_too_far_is_refused() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    // Zeros compress a thousandfold: a small file, far past the limit inflated.
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..(130 + 2) {
        encoder.write_all(&chunk).unwrap();
    }
    let path = write(dir.path(), "bomb.spacy", encoder.finish().unwrap());
    let message = error(Format::Spacy, &path);
    assert!(message.contains("inflates to more than"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.jsonl");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for format in
        [Format::Jsonl, Format::Doccano, Format::LabelStudio, Format::Conll, Format::Spacy, Format::SpacyJsonl]
    {
        let message = error(format, &fifo);
        assert!(message.contains("FIFO"), "{format}: {message}");
    }
    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).unwrap();
    std::fs::write(brat.join("x.ann"), "T1\tPERSON 0 3\tAna\n").unwrap();
    assert!(std::process::Command::new("mkfifo").arg(brat.join("x.txt")).status().unwrap().success());
    let message = error(Format::Brat, &brat);
    assert!(message.contains("FIFO"), "{message}");
}

#[test]
fn an_empty_span_and_a_reversed_one_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let reversed = write(
        dir.path(),
        "r.jsonl",
        "{\"text\": \"“Ya 😀”\\r\\nAna\", \"spans\": [{\"start\": 9, \"end\": 6, \"label\": \"PERSON\"}]}\n",
    );
    assert!(error(Format::SpacyJsonl, &reversed).contains("reversed"));
    let doc = with_entity("PERSON");
    let mut line = serde_json::to_value(&doc).unwrap();
    line["format"] = "sorot".into();
    line["version"] = 1.into();
    line["entities"][0]["start"] = 20.into();
    let path = write(dir.path(), "s.jsonl", format!("{line}\n"));
    let message = error(Format::Jsonl, &path);
    assert!(message.contains("s.jsonl:1:") && message.contains("reversed"), "{message}");
}
