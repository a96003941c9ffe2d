//! Round-trip properties, one per format: a document made of curly quotes,
//! emoji and CRLF lines, with spans of every status, confidences, sources,
//! annotators and a done mark, is exported with everything and imported
//! back; every field is compared, and each difference must be one the
//! export summary counts.

use std::collections::HashMap;

use proptest::prelude::*;
use sorot::formats::{self, ExportOptions, ExportSummary, Format};
use sorot::model::{Cue, Document, DoneMark, Entity, Quote, QuoteKind, Status};

/// Words of the generated texts; separators come from `SEPARATORS`.
const WORDS: [&str; 10] = ["“Kami", "siap,”", "kata", "Ana", "😀", "Budi", "di", "Jakarta.", "café", "‘ya’"];
const SEPARATORS: [&str; 3] = [" ", "\r\n", " \u{a0}"];
const LABELS: [&str; 5] = ["PERSON", "LOC", "ORG", "Tokoh😀", "MY LABEL"];
const STATUSES: [Status; 4] = [Status::Suggested, Status::Accepted, Status::Rejected, Status::Manual];

/// First word, word count, label, status, has confidence, has annotator, source.
type EntityPlan = (usize, usize, usize, usize, bool, bool, bool);
/// First word, word count, direct, status, speaker, cue word, has confidence.
type QuotePlan = (usize, usize, bool, usize, Option<usize>, Option<usize>, bool);

#[derive(Debug, Clone)]
struct Plan {
    /// Word and the separator before it.
    words: Vec<(usize, usize)>,
    entities: Vec<EntityPlan>,
    quotes: Vec<QuotePlan>,
    done: bool,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec((0..WORDS.len(), 0..SEPARATORS.len()), 4..16),
        prop::collection::vec(
            (0..16usize, 1..3usize, 0..LABELS.len(), 0..4usize, any::<bool>(), any::<bool>(), any::<bool>()),
            0..6,
        ),
        prop::collection::vec(
            (
                0..16usize,
                1..4usize,
                any::<bool>(),
                0..4usize,
                prop::option::of(0..6usize),
                prop::option::of(0..16usize),
                any::<bool>(),
            ),
            0..3,
        ),
        any::<bool>(),
    )
        .prop_map(|(words, entities, quotes, done)| Plan { words, entities, quotes, done })
}

/// The document a plan describes: spans on word boundaries, entity ranges unique.
fn document(plan: &Plan) -> Document {
    let mut text = String::new();
    let mut bounds = Vec::new();
    let mut at = 0;
    for (i, &(w, s)) in plan.words.iter().enumerate() {
        if i > 0 {
            text.push_str(SEPARATORS[s]);
            at += SEPARATORS[s].chars().count();
        }
        text.push_str(WORDS[w]);
        bounds.push((at, at + WORDS[w].chars().count()));
        at += WORDS[w].chars().count();
    }
    let mut doc = Document::new(text, None);
    let n = bounds.len();
    let range = |first: usize, len: usize| {
        let first = first % n;
        let last = (first + len - 1).min(n - 1);
        (bounds[first].0, bounds[last].1)
    };
    for &(first, len, label, status, confident, reviewed_by, src) in &plan.entities {
        let (start, end) = range(first, len);
        if doc.entities().iter().any(|e| (e.start, e.end) == (start, end)) {
            continue;
        }
        let id = format!("e{}", doc.entities().len() + 1);
        let entity = Entity {
            id: id.into(),
            start,
            end,
            label: LABELS[label].into(),
            text: doc.slice(start, end).unwrap().into(),
            status: STATUSES[status],
            source: if src { "annotator" } else { "rules:gazetteer" }.into(),
            confidence: confident.then_some(0.75),
            annotator: reviewed_by.then(|| "ana".to_owned()),
            changed_at: reviewed_by.then(|| "2026-11-28T08:00:00Z".to_owned()),
        };
        let quotes = doc.quotes().to_vec();
        let mut entities = doc.entities().to_vec();
        entities.push(entity);
        doc = doc.with_spans(entities, quotes);
    }
    for &(first, len, direct, status, speaker, cue, confident) in &plan.quotes {
        let (start, end) = range(first, len);
        if doc.quotes().iter().any(|q| (q.start, q.end) == (start, end)) {
            continue;
        }
        let speaker = speaker.and_then(|i| doc.entities().get(i % doc.entities().len().max(1))).map(|e| e.id.clone());
        let cue =
            cue.map(|w| bounds[w % n]).map(|(s, e)| Cue { start: s, end: e, text: doc.slice(s, e).unwrap().into() });
        let id = format!("q{}", doc.quotes().len() + 1);
        let quote = Quote {
            id: id.into(),
            start,
            end,
            text: doc.slice(start, end).unwrap().into(),
            kind: if direct { QuoteKind::Direct } else { QuoteKind::Indirect },
            speaker,
            cue,
            status: STATUSES[status],
            source: "rules:quotes".into(),
            confidence: confident.then_some(0.5),
            annotator: None,
            changed_at: None,
        };
        let mut quotes = doc.quotes().to_vec();
        quotes.push(quote);
        let entities = doc.entities().to_vec();
        doc = doc.with_spans(entities, quotes);
    }
    if plan.done {
        doc.done = Some(DoneMark { annotator: Some("ana".into()), at: Some("2026-11-28T08:00:00Z".into()) });
    }
    doc.validated().unwrap()
}

fn round_trip(doc: &Document, format: Format) -> (Document, ExportSummary) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(if format == Format::Brat { "brat".to_owned() } else { format!("x.{}", format.name()) });
    let options = ExportOptions { with_suggestions: true, with_rejected: true, ..Default::default() };
    let summary = formats::export(std::slice::from_ref(doc), format, &options, &out).unwrap();
    let mut back = formats::import(format, &[out]).unwrap();
    assert_eq!(back.len(), 1);
    (back.remove(0), summary)
}

/// Asserts that a difference in `what` is one the summary counts under one
/// of `reasons` (prefixes of its lost or adjusted entries).
fn explained(summary: &ExportSummary, what: &str, reasons: &[&str]) -> Result<(), TestCaseError> {
    let counted = reasons.iter().any(|r| {
        summary.lost_count(r) > 0
            || summary.adjusted.iter().any(|a| a.split_once(' ').is_some_and(|(_, w)| w.starts_with(r)))
    });
    prop_assert!(counted, "{what} changed but the summary does not say so: {summary}");
    Ok(())
}

fn status_reasons(before: Status) -> &'static [&'static str] {
    match before {
        Status::Manual => &["manual statuses"],
        Status::Suggested => &["review statuses of suggestions"],
        Status::Rejected | Status::Accepted => &[],
    }
}

fn compare(original: &Document, back: &Document, summary: &ExportSummary, format: Format) -> Result<(), TestCaseError> {
    if format == Format::Jsonl {
        prop_assert_eq!(back, original);
        return Ok(());
    }
    prop_assert_eq!(&back.text, &original.text);
    if original.title.chars().count() <= 120 {
        prop_assert_eq!(&back.title, &original.title);
    }
    if back.done != original.done {
        explained(summary, "done mark", &["done marks"])?;
    }
    let by_range: HashMap<(usize, usize), &Entity> = back.entities().iter().map(|e| ((e.start, e.end), e)).collect();
    prop_assert!(back.entities().len() <= original.entities().len(), "spans appeared: {:?}", back.entities());
    for e in original.entities() {
        let Some(b) = by_range.get(&(e.start, e.end)) else {
            explained(summary, "an entity", &["rejected spans"])?;
            continue;
        };
        if b.label != e.label {
            explained(summary, "a label", &["entity labels renamed"])?;
        }
        if b.status != e.status {
            explained(summary, "a status", status_reasons(e.status))?;
        }
        compare_meta(summary, (&e.source, e.confidence, &e.annotator), (&b.source, b.confidence, &b.annotator))?;
    }
    let speaker_range =
        |doc: &Document, q: &Quote| q.speaker.as_deref().and_then(|id| doc.entity(id)).map(|e| (e.start, e.end));
    for q in original.quotes() {
        let Some(b) = back.quotes().iter().find(|b| (b.start, b.end) == (q.start, q.end)) else {
            explained(summary, "a quote", &["rejected spans"])?;
            continue;
        };
        prop_assert_eq!(b.kind, q.kind);
        prop_assert_eq!(&b.text, &q.text);
        if speaker_range(back, b) != speaker_range(original, q) {
            explained(summary, "a speaker link", &["links", "speaker links"])?;
        }
        if b.cue != q.cue {
            explained(summary, "a cue", &["links", "cues"])?;
        }
        if b.status != q.status {
            explained(summary, "a quote status", status_reasons(q.status))?;
        }
        compare_meta(summary, (&q.source, q.confidence, &q.annotator), (&b.source, b.confidence, &b.annotator))?;
    }
    Ok(())
}

type Meta<'a> = (&'a compact_str::CompactString, Option<f32>, &'a Option<String>);

fn compare_meta(summary: &ExportSummary, before: Meta, after: Meta) -> Result<(), TestCaseError> {
    if before.0 != after.0 {
        explained(summary, "a source", &["span sources"])?;
    }
    if before.1 != after.1 {
        explained(summary, "a confidence", &["confidence scores"])?;
    }
    if before.2 != after.2 {
        explained(summary, "an annotator", &["annotators and change times"])?;
    }
    Ok(())
}

/// CoNLL keeps entity tags only: the entities read back are original ones
/// (same text, same label), and the rest is counted.
fn compare_conll(original: &Document, back: &Document, summary: &ExportSummary) -> Result<(), TestCaseError> {
    // CoNLL keeps tokens, not the whitespace between them.
    let squeezed = |text: &str| text.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut texts: Vec<(String, String)> =
        original.entities().iter().map(|e| (squeezed(&e.text), e.label.replace(' ', "_"))).collect();
    for b in back.entities() {
        let found = texts.iter().position(|t| *t == (squeezed(&b.text), b.label.to_string()));
        prop_assert!(found.is_some(), "{:?} was not an entity of the original", b);
        if let Some(i) = found {
            texts.remove(i);
        }
    }
    if !texts.is_empty() {
        explained(summary, "an entity", &["rejected spans", "overlapping entities"])?;
    }
    if !original.quotes().is_empty() {
        explained(summary, "quotes", &["quotes and cues"])?;
    }
    Ok(())
}

fn check(format: Format, plan: &Plan) -> Result<(), TestCaseError> {
    let doc = document(plan);
    let (back, summary) = round_trip(&doc, format);
    for e in back.entities() {
        prop_assert_eq!(back.slice(e.start, e.end), Some(e.text.as_str()));
    }
    if format == Format::Conll {
        compare_conll(&doc, &back, &summary)
    } else {
        compare(&doc, &back, &summary, format)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn jsonl_round_trip_is_exact(plan in plan()) { check(Format::Jsonl, &plan)?; }

    #[test]
    fn doccano_round_trip_loses_only_what_it_counts(plan in plan()) { check(Format::Doccano, &plan)?; }

    #[test]
    fn label_studio_round_trip_loses_only_what_it_counts(plan in plan()) { check(Format::LabelStudio, &plan)?; }

    #[test]
    fn brat_round_trip_loses_only_what_it_counts(plan in plan()) { check(Format::Brat, &plan)?; }

    #[test]
    fn conll_round_trip_loses_only_what_it_counts(plan in plan()) { check(Format::Conll, &plan)?; }

    #[test]
    fn spacy_round_trip_loses_only_what_it_counts(plan in plan()) { check(Format::Spacy, &plan)?; }

    #[test]
    fn spacy_jsonl_round_trip_loses_only_what_it_counts(plan in plan()) { check(Format::SpacyJsonl, &plan)?; }
}
