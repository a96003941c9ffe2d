//! Position lookups over spans in logarithmic time, so that per-token and per-quote
//! questions ("is this inside a quote?", "which entity covers this char?") do not
//! scan the whole document's spans and analysis stays linear in its length.

use super::{Entity, Label};

/// Spans `[a, b)` in any order, sorted by start with the running maximum of their
/// ends: whether some span covers a point or a range is then a binary search.
pub struct Cover {
    starts: Vec<usize>,
    /// `max_end[k]`: the largest end among the first `k + 1` spans by start.
    max_end: Vec<usize>,
}

impl Cover {
    pub fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Cover {
        let mut sorted: Vec<(usize, usize)> = spans.into_iter().collect();
        sorted.sort_unstable();
        let starts = sorted.iter().map(|&(a, _)| a).collect();
        let max_end = sorted
            .iter()
            .scan(0, |m, &(_, b)| {
                *m = (*m).max(b);
                Some(*m)
            })
            .collect();
        Cover { starts, max_end }
    }

    /// The largest end among spans starting at or before `pos`.
    fn reach(&self, pos: usize) -> Option<usize> {
        let k = self.starts.partition_point(|&a| a <= pos);
        self.max_end.get(k.checked_sub(1)?).copied()
    }

    /// Is there a span with `a <= pos < b`?
    pub fn covers_point(&self, pos: usize) -> bool {
        self.reach(pos).is_some_and(|b| b > pos)
    }

    /// Is there a span with `a <= start && end <= b`?
    pub fn covers_range(&self, start: usize, end: usize) -> bool {
        self.reach(start).is_some_and(|b| b >= end)
    }
}

/// Entities looked up by char position. The analysis keeps its entities sorted and
/// disjoint, so at most one covers a char and a binary search finds it; for any
/// other list the lookups fall back to a scan, with the same answers.
pub struct EntityIndex<'a> {
    pub entities: &'a [Entity],
    ordered: bool,
}

impl<'a> EntityIndex<'a> {
    pub fn new(entities: &'a [Entity]) -> EntityIndex<'a> {
        let ordered = entities.iter().all(|e| e.start <= e.end)
            && entities.windows(2).all(|w| matches!(w, [x, y] if x.end <= y.start));
        EntityIndex { entities, ordered }
    }

    /// Sorted by start, each starting at or after the previous one's end (so the
    /// ends are sorted too).
    pub fn is_ordered(&self) -> bool {
        self.ordered
    }

    /// The first entity with `start <= pos < end`.
    pub fn at(&self, pos: usize) -> Option<usize> {
        if !self.ordered {
            return self.entities.iter().position(|e| e.start <= pos && pos < e.end);
        }
        let k = self.entities.partition_point(|e| e.end <= pos);
        self.entities.get(k).filter(|e| e.start <= pos).map(|_| k)
    }

    /// The first PERSON entity with `start <= pos < end`.
    pub fn person_at(&self, pos: usize) -> Option<usize> {
        if !self.ordered {
            return self.entities.iter().position(|e| e.is(Label::Person) && e.start <= pos && pos < e.end);
        }
        self.at(pos).filter(|&i| self.entities.get(i).is_some_and(|e| e.is(Label::Person)))
    }

    /// The last of `candidates` (entity indices, ascending) ending at or before `pos`.
    pub fn last_ending_by(&self, candidates: &[usize], pos: usize) -> Option<usize> {
        let ends_by = |i: &usize| self.entities.get(*i).is_some_and(|e| e.end <= pos);
        if !self.ordered {
            return candidates.iter().rev().find(|i| ends_by(i)).copied();
        }
        let k = candidates.partition_point(ends_by);
        candidates.get(k.checked_sub(1)?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(start: usize, end: usize, label: Label) -> Entity {
        Entity { start, end, label, source: "test", confidence: 1.0 }
    }

    #[test]
    fn cover_answers_like_a_scan() {
        let spans = [(10, 20), (2, 5), (12, 30), (40, 41)];
        let cover = Cover::new(spans);
        for p in 0..50 {
            assert_eq!(cover.covers_point(p), spans.iter().any(|&(a, b)| a <= p && p < b), "{p}");
            for q in p..50 {
                let scan = spans.iter().any(|&(a, b)| a <= p && q <= b);
                assert_eq!(cover.covers_range(p, q), scan, "{p}..{q}");
            }
        }
    }

    #[test]
    fn entity_lookups_answer_like_a_scan_in_either_mode() {
        let ordered = [
            entity(0, 3, Label::Person),
            entity(5, 5, Label::Org),
            entity(5, 9, Label::Org),
            entity(12, 15, Label::Person),
        ];
        let unordered = [entity(5, 9, Label::Org), entity(0, 3, Label::Person), entity(2, 7, Label::Person)];
        for list in [&ordered[..], &unordered[..]] {
            let index = EntityIndex::new(list);
            let persons: Vec<usize> = (0..list.len()).filter(|&i| list[i].label == Label::Person).collect();
            for p in 0..20 {
                assert_eq!(index.at(p), list.iter().position(|e| e.start <= p && p < e.end));
                let person = list.iter().position(|e| e.is(Label::Person) && e.start <= p && p < e.end);
                assert_eq!(index.person_at(p), person);
                let last = persons.iter().rev().find(|&&i| list[i].end <= p).copied();
                assert_eq!(index.last_ending_by(&persons, p), last);
            }
        }
        assert!(EntityIndex::new(&ordered).is_ordered());
    }
}
