//! Span agreement as F1 with exact offsets and label, the way brat's `bratiaa`
//! computes it: the first annotator is taken as reference, a span both have is
//! a true positive, one only the second has a false positive, one only the
//! first has a false negative; F1 = 2·tp / (2·tp + fp + fn), which does not
//! depend on who is the reference. Counts are pooled over documents before F1
//! is taken, per label and over all labels.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::spans::EntitySpan;

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// F1; `None` when neither annotator has a span (0/0).
    pub fn f1(self) -> Option<f64> {
        let denominator = 2 * self.tp + self.fp + self.fn_;
        (denominator > 0).then(|| (2 * self.tp) as f64 / denominator as f64)
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// Counts over all labels and per label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanCounts {
    pub overall: Counts,
    pub labels: BTreeMap<String, Counts>,
}

impl SpanCounts {
    pub fn add(&mut self, other: &SpanCounts) {
        self.overall.add(other.overall);
        for (label, counts) in &other.labels {
            self.labels.entry(label.clone()).or_default().add(*counts);
        }
    }
}

/// Compares two annotators' entities (`first` taken as reference).
pub fn compare_spans(first: &[EntitySpan], second: &[EntitySpan]) -> SpanCounts {
    let in_first: HashSet<&EntitySpan> = first.iter().collect();
    let in_second: HashSet<&EntitySpan> = second.iter().collect();
    let mut counts = SpanCounts::default();
    let mut note = |span: &EntitySpan, bump: fn(&mut Counts)| {
        bump(&mut counts.overall);
        bump(counts.labels.entry(span.label.to_string()).or_default());
    };
    for span in &in_first {
        if in_second.contains(span) {
            note(span, |c| c.tp += 1);
        } else {
            note(span, |c| c.fn_ += 1);
        }
    }
    for span in in_second.iter().filter(|s| !in_first.contains(*s)) {
        note(span, |c| c.fp += 1);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> EntitySpan {
        EntitySpan { start, end, label: label.into() }
    }

    #[test]
    fn exact_offsets_and_label_must_both_match() {
        let a = [span(0, 3, "PERSON"), span(8, 12, "PERSON"), span(16, 23, "LOC")];
        let b = [span(0, 3, "PERSON"), span(8, 12, "ORG"), span(15, 23, "LOC"), span(30, 33, "LOC")];
        let counts = compare_spans(&a, &b);
        assert_eq!(counts.overall, Counts { tp: 1, fp: 3, fn_: 2 });
        assert_eq!(counts.overall.f1(), Some(2.0 / 7.0));
        assert_eq!(counts.labels["PERSON"], Counts { tp: 1, fp: 0, fn_: 1 });
        assert_eq!(counts.labels["PERSON"].f1(), Some(2.0 / 3.0));
        assert_eq!(counts.labels["ORG"].f1(), Some(0.0));
        assert_eq!(counts.labels["LOC"], Counts { tp: 0, fp: 2, fn_: 1 });
        let swapped = compare_spans(&b, &a);
        assert_eq!(swapped.overall.f1(), counts.overall.f1(), "F1 does not depend on the reference");
    }

    #[test]
    fn pooled_counts_and_empty_layers() {
        let mut pooled = compare_spans(&[span(0, 3, "PERSON")], &[span(0, 3, "PERSON")]);
        pooled.add(&compare_spans(&[span(5, 9, "PERSON")], &[]));
        assert_eq!(pooled.overall, Counts { tp: 1, fp: 0, fn_: 1 });
        assert_eq!(pooled.overall.f1(), Some(2.0 / 3.0), "pooled before F1, not averaged per document");
        assert_eq!(compare_spans(&[], &[]).overall.f1(), None);
    }
}
