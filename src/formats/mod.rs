//! Datasets in and out: readers and writers for the formats NLP engineers train
//! from, one file per format, all round-trip tested.
//!
//! Every exporter returns an [`ExportSummary`] that says what was written and
//! what the format could not hold; nothing is dropped silently. Every importer
//! is all-or-nothing: a malformed file gives a [`FormatError`] naming the file
//! and line, and no document.
//!
//! Quotations travel as spans labelled [`DIRECT_QUOTE`] / [`INDIRECT_QUOTE`],
//! their cue as a [`CUE`] span, the links as relations [`SAID_BY`]
//! (quote → speaker) and [`CUE_OF`] (cue → quote) wherever a format has relations.

mod brat;
mod conll;
mod doccano;
mod draft;
mod error;
mod flat;
mod import_summary;
mod label_fit;
mod label_studio;
mod losses;
mod msgpack_docbin;
mod options;
mod output;
mod quotes;
mod select;
mod sorot_jsonl;
mod spacy_docbin;
mod spacy_hash;
mod spacy_jsonl;
mod spacy_read;
mod spacy_tokens;
mod summary;
pub mod tokens;
pub mod utf16;

use std::path::{Path, PathBuf};

use crate::model::Document;

pub use error::FormatError;
pub use import_summary::ImportSummary;
pub use options::{DoccanoVariant, ExportOptions, OffsetUnit, TagScheme};
pub use output::first_free_name;
pub use summary::ExportSummary;

/// Span label of a direct quotation in span-based formats.
pub const DIRECT_QUOTE: &str = "DIRECT_QUOTE";
/// Span label of an indirect (reported) quotation.
pub const INDIRECT_QUOTE: &str = "INDIRECT_QUOTE";
/// Span label of a quotation's speech verb.
pub const CUE: &str = "CUE";
/// Relation from a quotation to its speaker's entity.
pub const SAID_BY: &str = "SAID_BY";
/// Relation from a cue to the quotation it introduces.
pub const CUE_OF: &str = "CUE_OF";

/// The dataset formats Sorot reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Sorot's own documents, one JSON object per line.
    Jsonl,
    /// doccano JSONL, `label` lists or `entities` + `relations`.
    Doccano,
    /// Label Studio tasks JSON, with `label-studio-config.xml` beside it.
    LabelStudio,
    /// brat standoff: a folder of `.txt` + `.ann` pairs and `annotation.conf`.
    Brat,
    /// CoNLL token-per-line tags (IOB2 or BIOES).
    Conll,
    /// spaCy `.spacy` DocBin.
    Spacy,
    /// spaCy / Prodigy JSONL: `{"text", "spans", "relations"}`.
    SpacyJsonl,
    /// One quotation per line with its speaker and cue (export only).
    QuotesJsonl,
    /// One quotation per row with its speaker and cue (export only).
    QuotesCsv,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Jsonl,
        Format::Doccano,
        Format::LabelStudio,
        Format::Brat,
        Format::Conll,
        Format::Spacy,
        Format::SpacyJsonl,
        Format::QuotesJsonl,
        Format::QuotesCsv,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Spacy => "spacy",
            Format::SpacyJsonl => "spacy-jsonl",
            Format::QuotesJsonl => "quotes-jsonl",
            Format::QuotesCsv => "quotes-csv",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What the format's offsets count.
    pub fn offset_unit(self) -> &'static str {
        match self {
            Format::Doccano => "UTF-16 code units (code points with --offsets codepoints)",
            Format::Conll => "none: tokens, one per line",
            Format::Spacy => "tokens, plus code-point character offsets in span groups",
            _ => "Unicode code points, end exclusive",
        }
    }

    /// What the format cannot express, in a few words.
    pub fn cannot_express(self) -> &'static str {
        match self {
            Format::Jsonl => "nothing: it is Sorot's own format",
            Format::Doccano => "review status, negatives; the `label` variant also drops quote links",
            Format::LabelStudio => "rejected spans (negatives); manual vs accepted; span ids",
            Format::Brat => "confidence scores, annotation sources, annotators, done marks",
            Format::Conll => "quotes, cues, links, overlapping entities, original whitespace",
            Format::Spacy => "review status of kept spans, confidence, sources",
            Format::SpacyJsonl => "review status, negatives, confidence",
            Format::QuotesJsonl | Format::QuotesCsv => "entities without quotes; not importable",
        }
    }

    /// Whether [`import`] reads this format.
    pub fn can_import(self) -> bool {
        !matches!(self, Format::QuotesJsonl | Format::QuotesCsv)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Writes `docs` to `out` in `format`: a file, or a folder for brat.
///
/// Only reviewed annotations go out unless `options` asks for more; the
/// summary lists what the format could not hold.
pub fn export(
    docs: &[Document],
    format: Format,
    options: &ExportOptions,
    out: &Path,
) -> Result<ExportSummary, FormatError> {
    output::refuse_inputs(docs, out)?;
    let mut summary = ExportSummary::new(format, docs.len());
    let mut selected: Vec<Document> = docs.iter().map(|doc| select::select(doc, options, &mut summary)).collect();
    if format != Format::Jsonl {
        losses::count_model_losses(&selected, format, &mut summary);
        label_fit::fit_labels(&mut selected, &mut summary);
    }
    match format {
        Format::Jsonl => sorot_jsonl::export(&selected, out, &mut summary),
        Format::Doccano => doccano::export(&selected, options, out, &mut summary),
        Format::LabelStudio => label_studio::export(&selected, out, &mut summary),
        Format::Brat => brat::export(&selected, out, &mut summary),
        Format::Conll => conll::export(&selected, options, out, &mut summary),
        Format::Spacy => spacy_docbin::export(&selected, out, &mut summary),
        Format::SpacyJsonl => spacy_jsonl::export(&selected, out, &mut summary),
        Format::QuotesJsonl => quotes::export_jsonl(&selected, out, &mut summary),
        Format::QuotesCsv => quotes::export_csv(&selected, out, &mut summary),
    }?;
    Ok(summary)
}

/// Reads documents from `paths` in `format`: every file must be valid, or
/// nothing is returned.
pub fn import(format: Format, paths: &[PathBuf]) -> Result<Vec<Document>, FormatError> {
    import_with_summary(format, paths).map(|(docs, _)| docs)
}

/// [`import`], with an account of what was read in another shape, kept
/// verbatim for the format's own export, or left out.
pub fn import_with_summary(format: Format, paths: &[PathBuf]) -> Result<(Vec<Document>, ImportSummary), FormatError> {
    let mut docs = Vec::new();
    let mut summary = ImportSummary::default();
    for path in paths {
        let read = match format {
            Format::Jsonl => sorot_jsonl::import(path),
            Format::Doccano => doccano::import(path, &mut summary),
            Format::LabelStudio => label_studio::import(path, &mut summary),
            Format::Brat => brat::import(path, &mut summary),
            Format::Conll => conll::import(path, &mut summary),
            Format::Spacy => spacy_docbin::import(path, &mut summary),
            Format::SpacyJsonl => spacy_jsonl::import(path, &mut summary),
            Format::QuotesJsonl | Format::QuotesCsv => Err(FormatError::ExportOnly(format)),
        }?;
        docs.extend(read);
    }
    summary.documents = docs.len();
    summary.spans = docs.iter().map(sorot_jsonl::span_count).sum();
    Ok((docs, summary))
}
