//! Export → import round trips for every format that can hold the data, on
//! curly quotes, an astral emoji, combining accents, CRLF and the sample
//! article; malformed imports; the summary's account of what was lost.

use compact_str::CompactString;
use std::path::{Path, PathBuf};

use sorot::formats::{self, DoccanoVariant, ExportOptions, Format, FormatError, OffsetUnit, TagScheme};
use sorot::model::{Cue, Document, Entity, Quote, QuoteKind, Status};

fn entity(doc: &Document, id: &str, start: usize, end: usize, label: &str) -> Entity {
    Entity {
        id: id.into(),
        start,
        end,
        label: label.into(),
        text: doc.slice(start, end).unwrap().into(),
        status: Status::Accepted,
        source: "test".into(),
        confidence: Some(0.9),
        annotator: None,
        changed_at: None,
    }
}

fn at(doc: &Document, needle: &str) -> (usize, usize) {
    let byte = doc.text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = doc.text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Curly quotes, an emoji, a combining accent, CRLF, a multi-line quote.
fn tricky() -> Document {
    let text = "Berita 😀 hari ini\r\n“Kami siap 🇮🇩 membantu José\u{301},\r\nitu pasti,” kata Ana Müller di Jakarta.\r\nAna menuturkan, café itu tutup.\r\n";
    let doc = Document::new(text.into(), Some(PathBuf::from("berita.txt")));
    let (a, b) = at(&doc, "Ana Müller");
    let (j, k) = at(&doc, "Jakarta");
    let (p, r) = at(&doc, "José\u{301}");
    let entities =
        vec![entity(&doc, "e1", a, b, "PERSON"), entity(&doc, "e2", j, k, "LOC"), entity(&doc, "e3", p, r, "PERSON")];
    let (qs, qe) = at(&doc, "“Kami siap 🇮🇩 membantu José\u{301},\r\nitu pasti,”");
    let (cs, ce) = at(&doc, "kata");
    let (is, ie) = at(&doc, "café itu tutup");
    let quotes = vec![
        Quote {
            id: "q1".into(),
            start: qs,
            end: qe,
            text: doc.slice(qs, qe).unwrap().into(),
            kind: QuoteKind::Direct,
            speaker: Some("e1".into()),
            cue: Some(Cue { start: cs, end: ce, text: "kata".into() }),
            status: Status::Manual,
            source: "test".into(),
            confidence: None,
            annotator: None,
            changed_at: None,
        },
        Quote {
            id: "q2".into(),
            start: is,
            end: ie,
            text: doc.slice(is, ie).unwrap().into(),
            kind: QuoteKind::Indirect,
            speaker: None,
            cue: None,
            status: Status::Accepted,
            source: "test".into(),
            confidence: None,
            annotator: None,
            changed_at: None,
        },
    ];
    doc.with_spans(entities, quotes).validated().unwrap()
}

fn sample() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/teritorial-putin-kim.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = sorot::annotate::suggest_document(text, Some(path), &sorot::analysis::Analyzer::new());
    let entities = doc.entities().iter().map(|e| Entity { status: Status::Accepted, ..e.clone() }).collect();
    let quotes = doc.quotes().iter().map(|q| Quote { status: Status::Accepted, ..q.clone() }).collect();
    let doc = doc.clone().with_spans(entities, quotes);
    assert!(doc.quotes().iter().any(|q| q.speaker.is_some()));
    doc
}

/// What must survive: (start, end, label) of entities; quotes with kind, cue
/// and the speaker's span.
type Key = (
    Vec<(usize, usize, CompactString)>,
    Vec<(usize, usize, QuoteKind, Option<(usize, usize)>, Option<(usize, usize, CompactString)>)>,
);

fn key(doc: &Document) -> Key {
    let mut entities: Vec<_> = doc.entities().iter().map(|e| (e.start, e.end, e.label.clone())).collect();
    entities.sort();
    let mut quotes: Vec<_> = doc
        .quotes()
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_deref().and_then(|id| doc.entity(id)).map(|e| (e.start, e.end, e.label.clone()));
            (q.start, q.end, q.kind, q.cue.as_ref().map(|c| (c.start, c.end)), speaker)
        })
        .collect();
    quotes.sort_by_key(|q| (q.0, q.1));
    (entities, quotes)
}

fn round_trip(docs: &[Document], format: Format, options: &ExportOptions) -> (Vec<Document>, formats::ExportSummary) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(match format {
        Format::Brat => "brat".to_owned(),
        other => format!("export.{}", other.name()),
    });
    let summary = formats::export(docs, format, options, &out).unwrap();
    let back = formats::import(format, &[out]).unwrap();
    (back, summary)
}

const LOSSLESS: [Format; 6] =
    [Format::Jsonl, Format::Doccano, Format::LabelStudio, Format::Brat, Format::Spacy, Format::SpacyJsonl];

#[test]
fn every_lossless_format_gives_back_spans_labels_and_links() {
    let docs = vec![tricky(), sample()];
    for format in LOSSLESS {
        let (back, summary) = round_trip(&docs, format, &ExportOptions::default());
        assert_eq!(back.len(), 2, "{format}");
        for (original, read) in docs.iter().zip(&back) {
            assert_eq!(read.text, original.text, "{format}: text kept exactly");
            assert_eq!(key(read), key(original), "{format}");
        }
        // What these documents hold beyond spans, labels and links, counted.
        let counted = ["confidence", "span sources", "manual statuses"];
        assert!(summary.lost.iter().all(|l| counted.iter().any(|c| l.contains(c))), "{format}: {summary}");
    }
}

#[test]
fn doccano_counts_utf16_by_default_and_code_points_on_request() {
    let doc = tricky();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.jsonl");
    formats::export(std::slice::from_ref(&doc), Format::Doccano, &ExportOptions::default(), &out).unwrap();
    let line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&out).unwrap().lines().next().unwrap()).unwrap();
    let ana = line["entities"].as_array().unwrap().iter().find(|e| e["label"] == "PERSON").unwrap();
    let e = &doc.entities()[0];
    let utf16_start: usize = doc.text.chars().take(e.start).map(char::len_utf16).sum();
    assert_eq!(ana["start_offset"], utf16_start);
    assert_ne!(utf16_start, e.start, "the emoji and flag shift UTF-16 offsets");
    let options = ExportOptions { offsets: OffsetUnit::CodePoints, ..Default::default() };
    let (back, _) = round_trip(std::slice::from_ref(&doc), Format::Doccano, &options);
    assert_eq!(key(&back[0]), key(&doc));
}

#[test]
fn doccano_label_variant_keeps_spans_and_reports_lost_links() {
    let doc = tricky();
    let options = ExportOptions { doccano: DoccanoVariant::Label, ..Default::default() };
    let (back, summary) = round_trip(std::slice::from_ref(&doc), Format::Doccano, &options);
    assert_eq!(key(&back[0]).0, key(&doc).0);
    assert_eq!(back[0].quotes().len(), 2);
    assert!(back[0].quotes().iter().all(|q| q.speaker.is_none()));
    assert_eq!(summary.lost_count("links"), 2, "{summary}");
}

#[test]
fn conll_splits_tokens_at_span_boundaries_in_both_schemes() {
    let doc = tricky();
    // "Jakar" ends inside the token "Jakarta": the token is split, not the span lost.
    let (j, _) = at(&doc, "Jakarta");
    let mut entities: Vec<Entity> = doc.entities().iter().filter(|e| e.label != "LOC").cloned().collect();
    entities.push(entity(&doc, "e9", j, j + 5, "LOC"));
    let quotes = doc.quotes().to_vec();
    let doc = doc.with_spans(entities, quotes).validated().unwrap();
    for scheme in [TagScheme::Iob2, TagScheme::Bioes] {
        let options = ExportOptions { scheme, ..Default::default() };
        let (back, summary) = round_trip(std::slice::from_ref(&doc), Format::Conll, &options);
        let texts = |d: &Document| d.entities().iter().map(|e| (e.text.clone(), e.label.clone())).collect::<Vec<_>>();
        assert_eq!(texts(&back[0]), texts(&doc), "{scheme:?}");
        assert!(summary.adjusted.iter().any(|a| a == "1 tokens split at span boundaries"), "{summary}");
        assert_eq!(summary.lost_count("quotes"), 3, "{summary}");
        assert!(summary.to_string().contains("tokens split"), "{summary}");
    }
}

#[test]
fn conll_writes_docstart_and_bioes_tags() {
    let doc = tricky();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.conll");
    let options = ExportOptions { scheme: TagScheme::Bioes, ..Default::default() };
    formats::export(&[doc.clone(), doc], Format::Conll, &options, &out).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.matches("-DOCSTART- O").count(), 2);
    assert!(text.contains("Ana B-PERSON\nMüller E-PERSON\n"), "{text}");
    assert!(text.contains("Jakarta S-LOC\n"));
    assert!(text.contains("😀 O\n"));
}

#[test]
fn conll_keeps_the_longer_of_overlapping_entities_and_says_so() {
    let doc = tricky();
    let (a, _) = at(&doc, "Ana Müller");
    let mut entities = doc.entities().to_vec();
    entities.push(entity(&doc, "e8", a, a + 3, "MISC"));
    let quotes = doc.quotes().to_vec();
    let doc = doc.with_spans(entities, quotes).validated().unwrap();
    let (back, summary) = round_trip(std::slice::from_ref(&doc), Format::Conll, &ExportOptions::default());
    assert_eq!(back[0].entities().len(), 3);
    assert_eq!(summary.lost_count("overlapping"), 1, "{summary}");
}

#[test]
fn only_reviewed_spans_by_default_and_negatives_on_request() {
    let mut doc = tricky();
    for (i, status) in [(1, Status::Rejected), (2, Status::Suggested)] {
        let span = sorot::model::SpanRef::Entity(doc.entities()[i].id.clone());
        doc.apply(&doc.set_status_edit(&span, status).unwrap()).unwrap();
    }
    let (back, _) = round_trip(std::slice::from_ref(&doc), Format::Jsonl, &ExportOptions::default());
    assert_eq!(back[0].entities().len(), 1);
    let all = ExportOptions { with_suggestions: true, with_rejected: true, ..Default::default() };
    for format in [Format::Jsonl, Format::Brat, Format::Spacy] {
        let (back, _) = round_trip(std::slice::from_ref(&doc), format, &all);
        let statuses: Vec<Status> = back[0].entities().iter().map(|e| e.status).collect();
        assert!(statuses.contains(&Status::Rejected), "{format}: {statuses:?}");
        assert_eq!(key(&back[0]), key(&doc), "{format}");
    }
    let (back, summary) = round_trip(std::slice::from_ref(&doc), Format::LabelStudio, &all);
    assert_eq!(back[0].entities().iter().filter(|e| e.status == Status::Suggested).count(), 1);
    assert_eq!(summary.lost_count("rejected"), 1, "{summary}");
}

#[test]
fn quote_datasets_have_a_row_per_quote_with_speaker_and_cue() {
    let doc = tricky();
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("q.jsonl");
    formats::export(std::slice::from_ref(&doc), Format::QuotesJsonl, &ExportOptions::default(), &jsonl).unwrap();
    let rows: Vec<serde_json::Value> =
        std::fs::read_to_string(&jsonl).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["speaker"], "Ana Müller");
    assert_eq!(rows[0]["cue"], "kata");
    assert_eq!(rows[0]["kind"], "direct");
    let csv = dir.path().join("q.csv");
    formats::export(std::slice::from_ref(&doc), Format::QuotesCsv, &ExportOptions::default(), &csv).unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("document,quote_id,quote,kind,"));
    assert!(text.contains("\"“Kami siap 🇮🇩 membantu José\u{301},\r\nitu pasti,”\""), "{text}");
    assert!(matches!(formats::import(Format::QuotesCsv, &[csv]), Err(FormatError::ExportOnly(_))));
}

fn import_error(format: Format, name: &str, content: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    let error = formats::import(format, std::slice::from_ref(&path)).unwrap_err();
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    message
}

#[test]
fn malformed_imports_name_the_file_and_line() {
    let good = r#"{"text": "Ana pergi.", "label": [[0, 3, "PERSON"]]}"#;
    let message = import_error(Format::Doccano, "bad.jsonl", &format!("{good}\n{{\"text\": "));
    assert!(message.contains("bad.jsonl:2:"), "{message}");
    let message = import_error(Format::Doccano, "range.jsonl", r#"{"text": "Ana", "label": [[0, 9, "PERSON"]]}"#);
    assert!(message.contains(":1:") && message.contains("outside the text"), "{message}");
    let message =
        import_error(Format::Doccano, "surrogate.jsonl", r#"{"text": "😀 Ana", "label": [[1, 6, "PERSON"]]}"#);
    assert!(message.contains("inside a character"), "{message}");
    let message = import_error(
        Format::SpacyJsonl,
        "label.jsonl",
        r#"{"text": "Ana", "spans": [{"start": 0, "end": 3, "label": "NO PE"}]}"#,
    );
    assert!(message.contains("unknown label"), "{message}");
    let message = import_error(Format::Conll, "x.conll", "Ana B-PER\npergi X-PER\n");
    assert!(message.contains("x.conll:2:"), "{message}");
    let message = import_error(Format::LabelStudio, "ls.json", "[\n{\"data\": {\"text\": \"Ana\"}, \"annotations\": [{\"result\": [{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 4, \"labels\": [\"PERSON\"]}}]}]}\n]");
    assert!(message.contains("ls.json:2:") && message.contains("outside"), "{message}");
    let message = import_error(Format::Spacy, "x.spacy", "not zlib");
    assert!(message.contains("zlib"), "{message}");
}

#[test]
fn brat_rejects_shifted_offsets_unknown_labels_and_reads_events() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "“Ya,” kata Ana.\r\n").unwrap();
    std::fs::write(
        dir.path().join("a.ann"),
        "T1\tPERSON 11 14\tAna\nT2\tDIRECT_QUOTE 0 5\t“Ya,”\nT3\tSay 6 10\tkata\nE1\tSay:T3 Speaker:T1 Message:T2\n",
    )
    .unwrap();
    let docs = formats::import(Format::Brat, &[dir.path().to_owned()]).unwrap();
    let quote = &docs[0].quotes()[0];
    assert_eq!(quote.speaker.as_deref().and_then(|id| docs[0].entity(id)).unwrap().text, "Ana");
    assert_eq!(quote.cue.as_ref().unwrap().text, "kata");
    std::fs::write(dir.path().join("a.ann"), "T1\tPERSON 10 13\tAna\n").unwrap();
    let message = formats::import(Format::Brat, &[dir.path().to_owned()]).unwrap_err().to_string();
    assert!(message.contains("a.ann:1:"), "{message}");
    std::fs::write(dir.path().join("a.ann"), "T1\tPERSON 11 14\tAna\nT2\tWEAPON 0 1\t“\n").unwrap();
    std::fs::write(dir.path().join("annotation.conf"), "[entities]\nPERSON\n[relations]\n").unwrap();
    let message = formats::import(Format::Brat, &[dir.path().to_owned()]).unwrap_err().to_string();
    assert!(message.contains("a.ann:2:") && message.contains("unknown label"), "{message}");
}

#[test]
fn import_is_all_or_nothing_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jsonl");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&good, "{\"text\": \"Ana\", \"spans\": []}\n").unwrap();
    std::fs::write(&bad, "{\"text\": \"Ana\", \"spans\": [{\"start\": 2, \"end\": 1, \"label\": \"X\"}]}\n").unwrap();
    assert!(formats::import(Format::SpacyJsonl, &[good, bad]).is_err());
}

#[test]
fn export_refuses_to_write_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Ana").unwrap();
    let doc = Document::new("Ana".into(), Some(article.clone()));
    let error = formats::export(&[doc], Format::Jsonl, &ExportOptions::default(), &article).unwrap_err();
    assert!(matches!(error, FormatError::WouldOverwriteInput(_)));
    assert_eq!(std::fs::read_to_string(&article).unwrap(), "Ana");
}
