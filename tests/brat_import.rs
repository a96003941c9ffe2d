//! brat as brat writes it: events of any type, attributes, notes,
//! normalisations, equivalences, discontinuous spans and `[spans]`
//! configurations, read from fixtures made for these tests in the shape of
//! brat's example corpora; kept losslessly and written back on export.
//! Texts carry curly quotes, an emoji and CRLF line ends.

use std::path::{Path, PathBuf};

use sorot::formats::{self, ExportOptions, Format};
use sorot::model::{Document, Status};

const TEXT: &str = "Menteri 😀 Budi Santoso mengirim dana ke Bank Nusantara.\r\n\
“Kami siap membantu,” kata Budi di Jakarta.\r\n\
Polisi tidak menahan Ana maupun Citra.\r\n";

/// Code-point offsets of the `nth` (0-based) occurrence of `needle`.
fn at(needle: &str, nth: usize) -> (usize, usize) {
    let byte = TEXT.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?}")).0;
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn t(id: &str, label: &str, needle: &str, nth: usize) -> String {
    let (s, e) = at(needle, nth);
    format!("{id}\t{label} {s} {e}\t{needle}\n")
}

/// A news corpus in brat's layout: `corpus/annotation.conf` (with the old
/// `[spans]` section name) and `corpus/news/berita.{txt,ann}`.
fn corpus(ann_tail: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("corpus/news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(
        dir.path().join("corpus/annotation.conf"),
        "# a schema of this corpus\n[spans]\nPERSON\nORG\nLOC\nMoney\nDIRECT_QUOTE\nCUE\n\n[relations]\n\
         Located_in\tArg1:PERSON, Arg2:LOC\n<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n\n\
         [events]\nTransfer-money\tGiver-Arg:PERSON, Beneficiary-Arg:ORG, Money-Arg:Money\n\
         Say\tSpeaker:PERSON, Message:DIRECT_QUOTE\nArrest\tPerson-Arg:PERSON\n\n\
         [attributes]\nSpeculation\tArg:<EVENT>\nNegation\tArg:<EVENT>\nConfidence\tArg:<ENTITY>, Value:High|Low\n",
    )
    .unwrap();
    std::fs::write(news.join("berita.txt"), TEXT).unwrap();
    let (a, _) = at("Ana", 0);
    let (c, d) = at("Citra", 0);
    let mut ann = String::new();
    ann += &t("T1", "PERSON", "Budi Santoso", 0);
    ann += &t("T2", "ORG", "Bank Nusantara", 0);
    ann += &t("T3", "Transfer-money", "mengirim", 0);
    ann += &t("T4", "Money", "dana", 0);
    ann += "E1\tTransfer-money:T3 Giver-Arg:T1 Beneficiary-Arg:T2 Money-Arg:T4\n";
    ann += &t("T5", "DIRECT_QUOTE", "“Kami siap membantu,”", 0);
    ann += &t("T6", "Say", "kata", 0);
    ann += &t("T7", "PERSON", "Budi", 1);
    ann += "E2\tSay:T6 Speaker:T7 Message:T5\n";
    ann += &t("T8", "LOC", "Jakarta", 0);
    ann += "R1\tLocated_in Arg1:T7 Arg2:T8\t\n";
    ann += "A1\tSpeculation E1\n";
    ann += "A2\tConfidence T2 High\n";
    ann += "#1\tAnnotatorNotes T1\tjabatan “menteri” 😀 perlu dicek\n";
    ann += "N1\tReference T8 Wikipedia:1234\tJakarta\n";
    ann += &format!("T9\tPERSON {a} {};{c} {d}\tAna Citra\n", a + 3);
    ann += &t("T10", "Arrest", "menahan", 0);
    ann += "E3\tArrest:T10 Person-Arg:T9\n";
    ann += "A3\tNegation E3\n";
    ann += "*\tEquiv T1 T7\n";
    ann += &t("T11", "CUE", "tidak", 0);
    ann += "A4\tStatus T8 Manual\n";
    ann += ann_tail;
    std::fs::write(news.join("berita.ann"), ann).unwrap();
    let root = dir.path().join("corpus");
    (dir, root)
}

fn texts(doc: &Document, label: &str) -> Vec<String> {
    doc.entities().iter().filter(|e| e.label == label).map(|e| e.text.to_string()).collect()
}

#[test]
fn a_corpus_with_events_attributes_and_notes_is_read_whole() {
    let (_dir, root) = corpus("");
    let (docs, summary) = formats::import_with_summary(Format::Brat, &[root]).unwrap();
    let doc = &docs[0];
    assert_eq!(doc.text, TEXT, "text kept exactly, CRLF included");
    assert_eq!(texts(doc, "PERSON"), ["Budi Santoso", "Budi"]);
    assert_eq!(texts(doc, "Transfer-money"), ["mengirim"], "a trigger of another event is a span with its type");
    assert_eq!(texts(doc, "Arrest"), ["menahan"]);
    assert_eq!(doc.entities().iter().find(|e| e.label == "LOC").unwrap().status, Status::Manual);
    assert!(doc.labels.get("Money").is_some(), "the dataset's labels join the label set");
    let quote = &doc.quotes()[0];
    assert_eq!(quote.text, "“Kami siap membantu,”");
    assert_eq!(quote.cue.as_ref().unwrap().text, "kata");
    assert_eq!(doc.entity(quote.speaker.as_deref().unwrap()).unwrap().text, "Budi");
    // The discontinuous span is not swallowed into one span over the gap.
    assert!(doc.entities().iter().all(|e| !e.text.contains("maupun")), "{:?}", doc.entities());
    assert_eq!(summary.converted_count("attribution events"), 1);
    for (what, n) in [
        ("events", 2),
        ("attributes", 3),
        ("relations", 1),
        ("notes", 1),
        ("normalizations", 1),
        ("equivalences", 1),
        ("discontinuous spans", 1),
        ("cues linked to no quote", 1),
    ] {
        assert_eq!(summary.kept_count(what), n, "{what}: {}", summary.line(Format::Brat));
    }
    assert_eq!(summary.dropped_count(""), 0, "{}", summary.line(Format::Brat));
    assert_eq!(doc.extras["brat"]["lines"].as_array().unwrap().len(), 11);
}

fn ann_lines(folder: &Path) -> Vec<String> {
    std::fs::read_to_string(folder.join("berita.ann")).unwrap().lines().map(str::to_owned).collect()
}

/// The text of the `T` line with id `id` in `lines`.
fn t_text<'a>(lines: &'a [String], id: &str) -> &'a str {
    let line = lines.iter().find(|l| l.split('\t').next() == Some(id)).unwrap_or_else(|| panic!("{id}: {lines:?}"));
    line.split('\t').nth(2).unwrap()
}

#[test]
fn kept_lines_are_written_back_with_their_references_renumbered() {
    let (dir, root) = corpus("");
    let docs = formats::import(Format::Brat, &[root]).unwrap();
    let options = ExportOptions { with_suggestions: true, with_rejected: true, ..Default::default() };
    let first = dir.path().join("first");
    let summary = formats::export(&docs, Format::Brat, &options, &first).unwrap();
    assert_eq!(summary.lost_count("kept brat lines"), 0, "{summary}");
    let lines = ann_lines(&first);
    let event = lines.iter().find(|l| l.contains("\tTransfer-money:")).unwrap();
    let words: Vec<&str> = event.split('\t').nth(1).unwrap().split(' ').collect();
    let id_of = |word: &str| word.rsplit(':').next().unwrap().to_owned();
    assert_eq!(t_text(&lines, &id_of(words[0])), "mengirim");
    assert_eq!(t_text(&lines, &id_of(words[1])), "Budi Santoso");
    assert_eq!(t_text(&lines, &id_of(words[3])), "dana");
    let arrest = lines.iter().find(|l| l.contains("\tArrest:")).unwrap();
    assert_eq!(t_text(&lines, &id_of(arrest.rsplit(' ').next().unwrap())), "Ana Citra");
    let event_id = event.split('\t').next().unwrap();
    assert!(lines.iter().any(|l| l.ends_with(&format!("Speculation {event_id}"))), "{lines:?}");
    assert!(lines.iter().any(|l| l.ends_with("\tjabatan “menteri” 😀 perlu dicek")), "{lines:?}");
    // Re-imported and exported again: the same file, nothing lost.
    let again = formats::import(Format::Brat, std::slice::from_ref(&first)).unwrap();
    let second = dir.path().join("second");
    formats::export(&again, Format::Brat, &options, &second).unwrap();
    assert_eq!(ann_lines(&second), lines);
    let conf = std::fs::read_to_string(first.join("annotation.conf")).unwrap();
    assert!(conf.contains("[events]\nArrest\t") && conf.contains("Transfer-money\t"), "{conf}");
    assert!(conf.contains("Located_in\t") && conf.contains("Speculation\t"), "{conf}");
}

#[test]
fn kept_lines_referring_to_a_deleted_span_are_left_out_and_counted() {
    let (dir, root) = corpus("");
    let mut docs = formats::import(Format::Brat, &[root]).unwrap();
    let kept = docs[0].entities().iter().filter(|e| e.label != "ORG").cloned().collect();
    let quotes = docs[0].quotes().to_vec();
    docs[0] = docs[0].clone().with_spans(kept, quotes);
    let summary = formats::export(&docs, Format::Brat, &ExportOptions::default(), &dir.path().join("out")).unwrap();
    // A2 (Confidence T2), and E1 with the Speculation attribute on it.
    assert_eq!(summary.lost_count("kept brat lines referring to spans deleted"), 3, "{summary}");
}

fn import_error(ann_tail: &str) -> String {
    let (_dir, root) = corpus(ann_tail);
    formats::import(Format::Brat, &[root]).unwrap_err().to_string()
}

#[test]
fn duplicates_and_dangling_references_are_errors_naming_the_line() {
    let base = 22; // lines in the fixture
    let message = import_error(&t("T1", "PERSON", "Ana", 0));
    assert!(
        message.contains(&format!("berita.ann:{}:", base + 1)) && message.contains("first is on line 1"),
        "{message}"
    );
    let message = import_error("A9\tStatus T99 Manual\n");
    assert!(message.contains(&format!(":{}:", base + 1)) && message.contains("T99"), "{message}");
    let message = import_error("R9\tSAID_BY Arg1:T5 Arg2:T1\t\n");
    assert!(message.contains(&format!(":{}:", base + 1)) && message.contains("second SAID_BY"), "{message}");
    let (s, e) = at("Ana", 0);
    let message = import_error(&format!("T99\tPERSON {s} x y {e}\tAna\n"));
    assert!(message.contains("bad offsets"), "{message}");
    let message = import_error(&format!("T99\tPERSON {e} {s}\tAna\n"));
    assert!(message.contains("reversed"), "{message}");
    let message = import_error("A9\tStatus T8 Maybe\n");
    assert!(message.contains("unknown Status value"), "{message}");
    let message = import_error("A9\tStatus T1 Rejected\nA10\tStatus T1 Manual\n");
    assert!(message.contains(&format!(":{}:", base + 2)) && message.contains("second Status"), "{message}");
    let message = import_error(&t("T99", "WEAPON", "Ana", 0));
    assert!(message.contains("unknown label") && message.contains("annotation.conf"), "{message}");
}

#[test]
fn a_bom_before_the_ann_file_is_skipped() {
    let (_dir, root) = corpus("");
    let ann = root.join("news/berita.ann");
    let content = std::fs::read_to_string(&ann).unwrap();
    std::fs::write(&ann, format!("\u{feff}{content}")).unwrap();
    let docs = formats::import(Format::Brat, &[root]).unwrap();
    assert_eq!(texts(&docs[0], "PERSON"), ["Budi Santoso", "Budi"]);
}

#[test]
fn a_span_across_a_crlf_is_one_span_as_sorot_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "“Ya 😀,\r\nbetul,” kata Ana.").unwrap();
    std::fs::write(dir.path().join("a.ann"), "T1\tDIRECT_QUOTE 0 6;8 15\t“Ya 😀, betul,”\n").unwrap();
    let docs = formats::import(Format::Brat, &[dir.path().to_owned()]).unwrap();
    assert_eq!(docs[0].quotes()[0].text, "“Ya 😀,\r\nbetul,”");
    assert!(docs[0].extras.is_empty());
}

#[test]
fn a_bom_before_the_text_counts_as_the_file_counted_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "“Ya 😀,” kata Ana.\r\n";
    std::fs::write(dir.path().join("a.txt"), format!("\u{feff}{text}")).unwrap();
    // Offsets counted without the BOM: the text is read without it.
    std::fs::write(dir.path().join("a.ann"), "T1\tPERSON 13 16\tAna\n").unwrap();
    let docs = formats::import(Format::Brat, &[dir.path().to_owned()]).unwrap();
    assert_eq!((docs[0].text.as_str(), docs[0].entities()[0].start), (text, 13));
    // Offsets counted with the BOM as a character: it is kept, so they stay true.
    std::fs::write(dir.path().join("a.ann"), "T1\tPERSON 14 17\tAna\n").unwrap();
    let docs = formats::import(Format::Brat, &[dir.path().to_owned()]).unwrap();
    assert_eq!(docs[0].text, format!("\u{feff}{text}"));
    assert_eq!(docs[0].entities()[0].text, "Ana");
}

#[test]
fn said_by_like_relations_link_a_quote_to_its_speaker() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "“Ya 😀,” kata Ana.\r\n").unwrap();
    std::fs::write(
        dir.path().join("a.ann"),
        "T1\tPERSON 13 16\tAna\nT2\tDIRECT_QUOTE 0 7\t“Ya 😀,”\nR1\tSaid-By Arg1:T2 Arg2:T1\t\n",
    )
    .unwrap();
    let (docs, summary) = formats::import_with_summary(Format::Brat, &[dir.path().to_owned()]).unwrap();
    assert_eq!(docs[0].quotes()[0].speaker.as_deref().and_then(|id| docs[0].entity(id)).unwrap().text, "Ana");
    assert_eq!(summary.converted_count("SAID_BY-like"), 1, "{}", summary.line(Format::Brat));
}
