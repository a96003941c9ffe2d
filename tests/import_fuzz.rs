//! Hostile input for every importer: valid exports (curly quotes, emoji,
//! CRLF) mutated at random, bounded in size. An import may refuse a file,
//! but never panics, and every span of a document it returns covers exactly
//! the text it claims; quotes' speakers exist and cues match their text.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use sorot::formats::{self, ExportOptions, Format};
use sorot::model::{Cue, Document, Entity, Quote, QuoteKind, Status};

const TEXT: &str = "“Kami siap 😀,” kata Ana di Jakarta.\r\nAna menuturkan, café itu tutup.\r\n";

fn span(doc: &Document, needle: &str) -> (usize, usize) {
    let byte = doc.text.find(needle).unwrap();
    let start = doc.text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn seed() -> Document {
    let doc = Document::new(TEXT.into(), Some(PathBuf::from("berita.txt")));
    let mut entities = Vec::new();
    for (id, needle, label) in [("e1", "Ana", "PERSON"), ("e2", "Jakarta", "LOC")] {
        let (start, end) = span(&doc, needle);
        entities.push(Entity {
            id: id.into(),
            start,
            end,
            label: label.into(),
            text: needle.into(),
            status: Status::Accepted,
            source: "test".into(),
            confidence: Some(0.5),
            annotator: None,
            changed_at: None,
        });
    }
    let (start, end) = span(&doc, "“Kami siap 😀,”");
    let (cs, ce) = span(&doc, "kata");
    let quote = Quote {
        id: "q1".into(),
        start,
        end,
        text: "“Kami siap 😀,”".into(),
        kind: QuoteKind::Direct,
        speaker: Some("e1".into()),
        cue: Some(Cue { start: cs, end: ce, text: "kata".into() }),
        status: Status::Suggested,
        source: "test".into(),
        confidence: None,
        annotator: None,
        changed_at: None,
    };
    doc.with_spans(entities, vec![quote]).validated().unwrap()
}

/// The seed exported in `format` into `dir`: the path to import.
fn exported(format: Format, dir: &Path) -> PathBuf {
    let out = dir.join(if format == Format::Brat { "brat".to_owned() } else { format!("x.{}", format.name()) });
    let options = ExportOptions { with_suggestions: true, with_rejected: true, ..Default::default() };
    formats::export(&[seed()], format, &options, &out).unwrap();
    out
}

/// Pieces a mutation inserts: the characters formats split and count on.
const PIECES: [&str; 16] =
    ["0", "9", "-1", "99999999999999999999", ";", ":", "\t", "\n", "\r\n", "\"", "{", "]", "😀", "“", "\u{feff}", " "];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, usize),
    Delete(usize, usize),
    Flip(usize, u8),
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let one = prop_oneof![
        (any::<usize>(), 0..PIECES.len()).prop_map(|(at, p)| Mutation::Insert(at, p)),
        (any::<usize>(), 1..8usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
    ];
    prop::collection::vec(one, 1..6)
}

fn mutate(bytes: &mut Vec<u8>, mutations: &[Mutation]) {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Insert(at, p) => {
                let at = at % len;
                bytes.splice(at..at, PIECES[p].bytes());
            }
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            Mutation::Flip(at, b) => {
                if let Some(byte) = bytes.get_mut(at % len) {
                    *byte = b;
                }
            }
        }
    }
}

/// The file of an export that mutations target (brat: the `.ann`).
fn target(format: Format, out: &Path) -> PathBuf {
    if format == Format::Brat {
        out.join("berita.ann")
    } else {
        out.to_owned()
    }
}

fn spans_hold(docs: &[Document]) -> Result<(), TestCaseError> {
    for doc in docs {
        for e in doc.entities() {
            prop_assert_eq!(doc.slice(e.start, e.end), Some(e.text.as_str()));
        }
        for q in doc.quotes() {
            prop_assert_eq!(doc.slice(q.start, q.end), Some(q.text.as_str()));
            if let Some(cue) = &q.cue {
                prop_assert_eq!(doc.slice(cue.start, cue.end), Some(cue.text.as_str()));
            }
            if let Some(speaker) = &q.speaker {
                prop_assert!(doc.entity(speaker).is_some());
            }
        }
    }
    Ok(())
}

fn fuzz(format: Format, mutations: &[Mutation]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let out = exported(format, dir.path());
    let file = target(format, &out);
    let mut bytes = std::fs::read(&file).unwrap();
    if format == Format::Spacy {
        // Mutate the msgpack inside, so that mutations reach the parser.
        let mut packed = Vec::new();
        flate2::read::ZlibDecoder::new(bytes.as_slice()).read_to_end(&mut packed).unwrap();
        mutate(&mut packed, mutations);
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(&packed).unwrap();
        bytes = encoder.finish().unwrap();
    } else {
        mutate(&mut bytes, mutations);
    }
    std::fs::write(&file, &bytes).unwrap();
    if let Ok(docs) = formats::import(format, &[out]) {
        spans_hold(&docs)?;
        exported_again_reads_back(format, &docs, dir.path())?;
    }
    Ok(())
}

/// What Sorot imported, Sorot exports in the same format and reads back.
fn exported_again_reads_back(format: Format, docs: &[Document], dir: &Path) -> Result<(), TestCaseError> {
    let again = dir.join(if format == Format::Brat { "again".to_owned() } else { format!("again.{}", format.name()) });
    let options = ExportOptions { with_suggestions: true, with_rejected: true, ..Default::default() };
    let exported = formats::export(docs, format, &options, &again);
    prop_assert!(exported.is_ok(), "{:?}", exported.err());
    let back = formats::import(format, &[again]);
    prop_assert!(back.is_ok(), "Sorot refused its own export: {:?}", back.err());
    Ok(())
}

/// A brat file as annotation tools write them: events, attributes, notes,
/// normalisations, equivalences, a discontinuous span, an attribution event.
const RICH_ANN: &str = "T1\tPERSON 20 23\tAna\nT2\tLOC 27 34\tJakarta\nT3\tDIRECT_QUOTE 0 14\t“Kami siap 😀,”\n\
T4\tSay 15 19\tkata\nE1\tSay:T4 Speaker:T1 Message:T3\nT5\tVisit 24 26\tdi\nE2\tVisit:T5 Agent:T1 Place:T2\n\
A1\tNegation E2\nA2\tStatus T2 Manual\n#1\tAnnotatorNotes T2\tibu kota\nN1\tReference T2 Wikipedia:1\tJakarta\n\
T6\tPERSON 20 23;37 40\tAna Ana\n*\tEquiv T1 T6\nR1\tNear Arg1:T1 Arg2:T2\t\n";

fn fuzz_rich_brat(mutations: &[Mutation]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("berita.txt"), TEXT).unwrap();
    let mut bytes = RICH_ANN.as_bytes().to_vec();
    mutate(&mut bytes, mutations);
    std::fs::write(dir.path().join("berita.ann"), &bytes).unwrap();
    if let Ok(docs) = formats::import(Format::Brat, &[dir.path().to_owned()]) {
        spans_hold(&docs)?;
        let out = tempfile::tempdir().unwrap();
        exported_again_reads_back(Format::Brat, &docs, out.path())?;
    }
    Ok(())
}

#[test]
fn the_rich_brat_seed_reads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("berita.txt"), TEXT).unwrap();
    std::fs::write(dir.path().join("berita.ann"), RICH_ANN).unwrap();
    let (docs, summary) = formats::import_with_summary(Format::Brat, &[dir.path().to_owned()]).unwrap();
    assert_eq!(docs[0].quotes().len(), 1, "{}", summary.line(Format::Brat));
    assert_eq!(summary.kept_count(""), 7, "{}", summary.line(Format::Brat));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn jsonl_import_survives_mutations(m in mutations()) { fuzz(Format::Jsonl, &m)?; }

    #[test]
    fn doccano_import_survives_mutations(m in mutations()) { fuzz(Format::Doccano, &m)?; }

    #[test]
    fn label_studio_import_survives_mutations(m in mutations()) { fuzz(Format::LabelStudio, &m)?; }

    #[test]
    fn brat_import_survives_mutations(m in mutations()) { fuzz(Format::Brat, &m)?; }

    #[test]
    fn rich_brat_import_survives_mutations(m in mutations()) { fuzz_rich_brat(&m)?; }

    #[test]
    fn conll_import_survives_mutations(m in mutations()) { fuzz(Format::Conll, &m)?; }

    #[test]
    fn spacy_import_survives_mutations(m in mutations()) { fuzz(Format::Spacy, &m)?; }

    #[test]
    fn spacy_jsonl_import_survives_mutations(m in mutations()) { fuzz(Format::SpacyJsonl, &m)?; }
}
