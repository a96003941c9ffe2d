//! What an export wrote and what the format could not hold.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::Format;

/// Returned by every exporter.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportSummary {
    pub format: Format,
    pub documents: usize,
    /// Entities, quotes and cues written.
    pub spans_written: usize,
    /// Files written.
    pub files: Vec<PathBuf>,
    /// Changes made so that spans fit the format, with counts
    /// (e.g. tokens split at span boundaries for CoNLL).
    pub adjusted: Vec<String>,
    /// What was left out, with counts: `"3 quotes: CoNLL holds entity tags only"`.
    pub lost: Vec<String>,
    lost_counts: BTreeMap<String, usize>,
    adjusted_counts: BTreeMap<String, usize>,
}

impl ExportSummary {
    pub(crate) fn new(format: Format, documents: usize) -> Self {
        Self {
            format,
            documents,
            spans_written: 0,
            files: Vec::new(),
            adjusted: Vec::new(),
            lost: Vec::new(),
            lost_counts: BTreeMap::new(),
            adjusted_counts: BTreeMap::new(),
        }
    }

    /// Records `count` things of a kind the format dropped.
    pub(crate) fn lose(&mut self, count: usize, what: &str) {
        if count > 0 {
            *self.lost_counts.entry(what.to_owned()).or_default() += count;
            self.lost = render(&self.lost_counts);
        }
    }

    /// Records `count` changes of a kind made to fit the format.
    pub(crate) fn adjust(&mut self, count: usize, what: &str) {
        if count > 0 {
            *self.adjusted_counts.entry(what.to_owned()).or_default() += count;
            self.adjusted = render(&self.adjusted_counts);
        }
    }

    /// Number of things lost under the reason `what`.
    pub fn lost_count(&self, what_starts_with: &str) -> usize {
        self.lost_counts.iter().filter(|(what, _)| what.starts_with(what_starts_with)).map(|(_, n)| n).sum()
    }
}

fn render(counts: &BTreeMap<String, usize>) -> Vec<String> {
    counts.iter().map(|(what, n)| format!("{n} {what}")).collect()
}

impl std::fmt::Display for ExportSummary {
    /// One line: `conll: 2 documents, 40 spans written; adjusted: …; lost: …`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} document(s), {} span(s) written", self.format, self.documents, self.spans_written)?;
        if !self.adjusted.is_empty() {
            write!(f, "; adjusted: {}", self.adjusted.join(", "))?;
        }
        if self.lost.is_empty() {
            write!(f, "; nothing lost")
        } else {
            write!(f, "; lost: {}", self.lost.join(", "))
        }
    }
}
