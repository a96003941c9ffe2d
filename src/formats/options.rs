//! What an export includes and how it encodes it.

/// Export settings: one struct instead of flags passed around.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Also export open suggestions (status `suggested`).
    pub with_suggestions: bool,
    /// Also export rejected spans, as negatives where the format can mark them
    /// (brat attribute, spaCy `incorrect_spans`, Sorot JSONL, quote datasets).
    pub with_rejected: bool,
    /// CoNLL tag scheme.
    pub scheme: TagScheme,
    /// doccano offset unit.
    pub offsets: OffsetUnit,
    /// doccano layout.
    pub doccano: DoccanoVariant,
}

/// How CoNLL tags mark a span's tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TagScheme {
    /// `B-` first token, `I-` the others.
    #[default]
    Iob2,
    /// `B-` first, `I-` inside, `E-` last, `S-` single-token span.
    Bioes,
}

/// What offsets count, for formats where that varies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OffsetUnit {
    /// UTF-16 code units, as JavaScript strings count (doccano's default).
    #[default]
    Utf16,
    /// Unicode code points, as Python strings count.
    CodePoints,
}

/// The two doccano JSONL layouts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DoccanoVariant {
    /// `{"text", "entities": [{id, label, start_offset, end_offset}], "relations": [...]}`:
    /// keeps quote → speaker links.
    #[default]
    Relations,
    /// `{"text", "label": [[start, end, label], ...]}`: spans only.
    Label,
}
