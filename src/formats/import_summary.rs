//! What an import read, and what it did with what Sorot's model cannot hold.

use std::collections::BTreeMap;

use super::Format;

/// Returned by every import with its documents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportSummary {
    pub documents: usize,
    /// Entities, quotes and cues read.
    pub spans: usize,
    /// Read into the model in another shape, with counts
    /// (`attribution events read as quotes`).
    converted: BTreeMap<String, usize>,
    /// Held verbatim in the documents' `extras` and written back by an export
    /// in the same format (`events`, `attributes`, `notes` …).
    kept: BTreeMap<String, usize>,
    /// Left out, with counts (`cues linked to no quote`).
    dropped: BTreeMap<String, usize>,
}

impl ImportSummary {
    /// Records `count` things read in another shape.
    pub(crate) fn convert(&mut self, count: usize, what: &str) {
        add(&mut self.converted, count, what);
    }

    /// Records `count` things kept verbatim for the format's own export.
    pub(crate) fn keep(&mut self, count: usize, what: &str) {
        add(&mut self.kept, count, what);
    }

    /// Records `count` things left out.
    pub(crate) fn leave_out(&mut self, count: usize, what: &str) {
        add(&mut self.dropped, count, what);
    }

    /// How many things were kept verbatim under a reason starting so.
    pub fn kept_count(&self, what_starts_with: &str) -> usize {
        count(&self.kept, what_starts_with)
    }

    /// How many things were read in another shape under a reason starting so.
    pub fn converted_count(&self, what_starts_with: &str) -> usize {
        count(&self.converted, what_starts_with)
    }

    /// How many things were left out under a reason starting so.
    pub fn dropped_count(&self, what_starts_with: &str) -> usize {
        count(&self.dropped, what_starts_with)
    }

    /// One line: `brat: 2 document(s), 9 span(s) read; converted: …; kept for brat export: …`.
    pub fn line(&self, format: Format) -> String {
        let mut line = format!("{format}: {} document(s), {} span(s) read", self.documents, self.spans);
        for (title, counts) in [
            ("converted".to_owned(), &self.converted),
            (format!("kept for {format} export"), &self.kept),
            ("dropped".to_owned(), &self.dropped),
        ] {
            if !counts.is_empty() {
                let items: Vec<String> = counts.iter().map(|(what, n)| format!("{n} {what}")).collect();
                line.push_str(&format!("; {title}: {}", items.join(", ")));
            }
        }
        line
    }
}

fn add(counts: &mut BTreeMap<String, usize>, count: usize, what: &str) {
    if count > 0 {
        *counts.entry(what.to_owned()).or_default() += count;
    }
}

fn count(counts: &BTreeMap<String, usize>, what_starts_with: &str) -> usize {
    counts.iter().filter(|(what, _)| what.starts_with(what_starts_with)).map(|(_, n)| n).sum()
}
