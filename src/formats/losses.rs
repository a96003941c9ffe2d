//! What every format but Sorot's own JSONL loses of the model, counted in
//! the export summary: sources, confidences, who changed a span and when,
//! done marks, detached spans, custom label definitions, manual statuses and
//! another format's extras. Format-specific losses are counted by each writer.

use super::{ExportSummary, Format};
use crate::model::{Document, LabelSet, Status};

/// Counts, in `summary`, what `format` cannot hold of `docs`.
pub(crate) fn count_model_losses(docs: &[Document], format: Format, summary: &mut ExportSummary) {
    for doc in docs {
        count_span_fields(doc, format, summary);
        count_document_fields(doc, format, summary);
        count_statuses(doc, format, summary);
    }
}

/// The source an import of `format` gives every span.
pub(crate) fn import_source(format: Format) -> String {
    format!("import:{format}")
}

fn count_span_fields(doc: &Document, format: Format, summary: &mut ExportSummary) {
    let entities = doc.entities().iter().map(|e| (&e.source, e.confidence, &e.annotator, &e.changed_at));
    let quotes = doc.quotes().iter().map(|q| (&q.source, q.confidence, &q.annotator, &q.changed_at));
    let (mut sources, mut confidences, mut who) = (0, 0, 0);
    let read_back_as = import_source(format);
    for (source, confidence, annotator, changed_at) in entities.chain(quotes) {
        sources += usize::from(source.as_str() != read_back_as);
        confidences += usize::from(confidence.is_some());
        who += usize::from(annotator.is_some() || changed_at.is_some());
    }
    summary.lose(sources, &format!("span sources (read back as {read_back_as})"));
    // Label Studio carries confidence as a result's `score`.
    if format != Format::LabelStudio {
        summary.lose(confidences, &format!("confidence scores ({format} has none)"));
    }
    summary.lose(who, "annotators and change times of spans");
}

fn count_document_fields(doc: &Document, format: Format, summary: &mut ExportSummary) {
    summary.lose(usize::from(doc.done.is_some()), "done marks of documents");
    summary.lose(doc.detached.len(), "detached spans (kept in Sorot JSON only)");
    let foreign = doc.extras.keys().filter(|key| key.as_str() != format.name()).count();
    summary.lose(foreign, "extras kept from another format's import (only that format writes them back)");
    let defaults = LabelSet::default();
    let custom = doc
        .labels
        .iter()
        .filter(|l| defaults.get(&l.name) != Some(l))
        .filter(|l| !(l.description.is_empty() && l.color == [128, 128, 128]))
        .count();
    summary.lose(custom, "label colours and descriptions (only names are exported)");
}

/// Review statuses a format reads back differently. Suggested and rejected
/// spans are counted where each writer decides what to do with them.
fn count_statuses(doc: &Document, format: Format, summary: &mut ExportSummary) {
    let statuses = doc.entities().iter().map(|e| e.status).chain(doc.quotes().iter().map(|q| q.status));
    let manual = statuses.filter(|s| *s == Status::Manual).count();
    match format {
        Format::Brat | Format::Jsonl | Format::QuotesJsonl | Format::QuotesCsv => {}
        Format::Doccano | Format::LabelStudio | Format::Spacy | Format::SpacyJsonl | Format::Conll => {
            summary.lose(manual, "manual statuses (read back as accepted)");
        }
    }
}
