//! Quotation agreement: two annotators' quotations matched one to one where
//! they overlap by at least 80 % of the longer of the two (annotators often
//! differ by a closing mark or a comma, rarely by a clause); F1 over the
//! matches, then on the matched pairs how often the kind and the speaker agree.
//!
//! Two speakers agree when both quotes have none, or their mentions overlap
//! (`Ana` and `Menteri Ana`), or the mentions read the same (two annotators
//! linking two mentions of one name); speaker entity ids never match across
//! annotators, so ids are not compared.

use serde::Serialize;

use super::spans::{Mention, QuoteSpan};

/// Matches of one comparison, summable over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct QuoteCounts {
    pub matched: usize,
    /// Quotes of the first annotator with no match.
    pub only_first: usize,
    pub only_second: usize,
    /// Matched pairs of the same kind.
    pub same_kind: usize,
    /// Matched pairs whose speakers agree.
    pub same_speaker: usize,
}

impl QuoteCounts {
    pub fn add(&mut self, other: QuoteCounts) {
        self.matched += other.matched;
        self.only_first += other.only_first;
        self.only_second += other.only_second;
        self.same_kind += other.same_kind;
        self.same_speaker += other.same_speaker;
    }

    /// F1 of the match; `None` when neither annotator marked a quotation.
    pub fn f1(&self) -> Option<f64> {
        let denominator = 2 * self.matched + self.only_first + self.only_second;
        (denominator > 0).then(|| (2 * self.matched) as f64 / denominator as f64)
    }

    /// Share of matched quotations of the same kind; `None` without matches.
    pub fn kind_agreement(&self) -> Option<f64> {
        (self.matched > 0).then(|| self.same_kind as f64 / self.matched as f64)
    }

    /// Share of matched quotations whose speakers agree; `None` without matches.
    pub fn speaker_agreement(&self) -> Option<f64> {
        (self.matched > 0).then(|| self.same_speaker as f64 / self.matched as f64)
    }
}

/// True when `a` and `b` overlap by at least 80 % of the longer one.
pub fn overlaps_enough(a: (usize, usize), b: (usize, usize)) -> bool {
    let overlap = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let longer = (a.1 - a.0).max(b.1 - b.0);
    overlap > 0 && 5 * overlap >= 4 * longer
}

/// One-to-one matches `(index in first, index in second)`: the pairs that
/// overlap enough, largest overlap first (then the closest in extent).
pub fn match_quotes(first: &[QuoteSpan], second: &[QuoteSpan]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(std::cmp::Reverse<usize>, usize, usize, usize)> = Vec::new();
    for (i, a) in first.iter().enumerate() {
        for (j, b) in second.iter().enumerate() {
            if overlaps_enough((a.start, a.end), (b.start, b.end)) {
                let overlap = a.end.min(b.end) - a.start.max(b.start);
                let union = a.end.max(b.end) - a.start.min(b.start);
                candidates.push((std::cmp::Reverse(overlap), union, i, j));
            }
        }
    }
    candidates.sort_unstable();
    let (mut used_first, mut used_second) = (vec![false; first.len()], vec![false; second.len()]);
    let mut matches = Vec::new();
    for (_, _, i, j) in candidates {
        if !used_first[i] && !used_second[j] {
            used_first[i] = true;
            used_second[j] = true;
            matches.push((i, j));
        }
    }
    matches.sort_unstable();
    matches
}

/// True when two speaker mentions name the same speaker (see the module docs).
pub fn same_speaker(a: Option<&Mention>, b: Option<&Mention>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a.start < b.end && b.start < a.end) || a.text.to_lowercase() == b.text.to_lowercase(),
        _ => false,
    }
}

/// Compares two annotators' quotations.
pub fn compare_quotes(first: &[QuoteSpan], second: &[QuoteSpan]) -> QuoteCounts {
    let matches = match_quotes(first, second);
    let mut counts = QuoteCounts {
        matched: matches.len(),
        only_first: first.len() - matches.len(),
        only_second: second.len() - matches.len(),
        ..QuoteCounts::default()
    };
    for (a, b) in matches.iter().map(|&(i, j)| (&first[i], &second[j])) {
        counts.same_kind += usize::from(a.kind == b.kind);
        counts.same_speaker += usize::from(same_speaker(a.speaker.as_ref(), b.speaker.as_ref()));
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;

    fn quote(start: usize, end: usize, kind: QuoteKind, speaker: Option<(usize, usize, &str)>) -> QuoteSpan {
        let speaker = speaker.map(|(start, end, text)| Mention { start, end, text: text.into() });
        QuoteSpan { start, end, kind, speaker }
    }

    #[test]
    fn eighty_percent_of_the_longer_quote() {
        assert!(overlaps_enough((0, 10), (0, 8)));
        assert!(!overlaps_enough((0, 10), (0, 7)));
        assert!(overlaps_enough((0, 10), (1, 11)), "9 of 10");
        assert!(!overlaps_enough((0, 10), (10, 20)));
    }

    #[test]
    fn matched_quotes_their_kinds_and_speakers() {
        use QuoteKind::{Direct, Indirect};
        let a = [
            quote(0, 20, Direct, Some((30, 33, "Ana"))),
            quote(40, 60, Direct, Some((61, 65, "Budi"))),
            quote(70, 90, Indirect, None),
            quote(100, 110, Direct, None),
        ];
        let b = [
            quote(1, 20, Direct, Some((25, 33, "Menteri Ana"))),
            quote(40, 59, Indirect, Some((5, 9, "budi"))),
            quote(70, 90, Indirect, Some((91, 95, "Cici"))),
            quote(104, 110, Direct, None),
            quote(200, 210, Direct, None),
        ];
        let counts = compare_quotes(&a, &b);
        assert_eq!(counts, QuoteCounts { matched: 3, only_first: 1, only_second: 2, same_kind: 2, same_speaker: 2 });
        assert_eq!(counts.f1(), Some(6.0 / 9.0));
        assert_eq!(counts.kind_agreement(), Some(2.0 / 3.0));
        assert_eq!(counts.speaker_agreement(), Some(2.0 / 3.0));
        assert_eq!(compare_quotes(&[], &[]).f1(), None);
        assert_eq!(compare_quotes(&a, &[]).speaker_agreement(), None);
    }

    #[test]
    fn each_quote_is_matched_once_to_its_best_partner() {
        let a = [quote(0, 10, QuoteKind::Direct, None), quote(0, 9, QuoteKind::Direct, None)];
        let b = [quote(0, 9, QuoteKind::Direct, None)];
        assert_eq!(match_quotes(&a, &b), vec![(1, 0)]);
    }
}
