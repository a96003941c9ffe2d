//! Cohen's κ of two annotators' tags: observed agreement corrected for the
//! agreement expected by chance from each annotator's own tag frequencies,
//! κ = (p_o − p_e) / (1 − p_e), as scikit-learn's `cohen_kappa_score` (unweighted).

use std::collections::HashMap;

use super::bio::Tag;

/// How often the first annotator's tag was `a` where the second's was `b`.
/// Kept whole so that per-label κ comes from the same counts (see [`Confusion::kappa`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Confusion {
    cells: HashMap<(Tag, Tag), usize>,
}

impl Confusion {
    /// The confusion of two equally long tag sequences.
    pub fn of(first: &[Tag], second: &[Tag]) -> Self {
        let mut confusion = Confusion::default();
        for (&a, &b) in first.iter().zip(second) {
            *confusion.cells.entry((a, b)).or_default() += 1;
        }
        confusion
    }

    pub fn add(&mut self, other: &Confusion) {
        for (&cell, &count) in &other.cells {
            *self.cells.entry(cell).or_default() += count;
        }
    }

    /// The number of tokens compared.
    pub fn tokens(&self) -> usize {
        self.cells.values().sum()
    }

    /// κ with every tag seen through `view` (the identity for all labels,
    /// [`only_label`](super::bio::only_label) for one); `None` when undefined:
    /// no tokens, or both annotators gave one and the same tag throughout.
    pub fn kappa(&self, view: impl Fn(Tag) -> Tag) -> Option<f64> {
        let mut first: HashMap<Tag, usize> = HashMap::new();
        let mut second: HashMap<Tag, usize> = HashMap::new();
        let (mut n, mut agreed) = (0usize, 0usize);
        for (&(a, b), &count) in &self.cells {
            let (a, b) = (view(a), view(b));
            *first.entry(a).or_default() += count;
            *second.entry(b).or_default() += count;
            n += count;
            agreed += if a == b { count } else { 0 };
        }
        let chance: f64 = first.iter().map(|(tag, &c)| c as f64 * *second.get(tag).unwrap_or(&0) as f64).sum();
        let n = n as f64;
        let denominator = n * n - chance;
        (n > 0.0 && denominator > 0.0).then(|| (n * agreed as f64 - chance) / denominator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::bio::only_label;

    #[test]
    fn kappa_of_a_known_case() {
        // p_o = 4/5, p_e = (2·3 + 3·2) / 25: κ = 8/13.
        let confusion = Confusion::of(&[0, 1, 1, 0, 1], &[0, 1, 0, 0, 1]);
        assert_eq!(confusion.tokens(), 5);
        assert!((confusion.kappa(|t| t).unwrap() - 8.0 / 13.0).abs() < 1e-12);
    }

    #[test]
    fn perfect_chance_level_and_undefined() {
        assert_eq!(Confusion::of(&[0, 1, 2], &[0, 1, 2]).kappa(|t| t), Some(1.0));
        // Agreement no better than chance: 0.
        assert_eq!(Confusion::of(&[0, 0, 1, 1], &[0, 1, 0, 1]).kappa(|t| t), Some(0.0));
        assert_eq!(Confusion::of(&[0, 0], &[0, 0]).kappa(|t| t), None, "both all O: undefined, as in scikit-learn");
        assert_eq!(Confusion::default().kappa(|t| t), None);
    }

    #[test]
    fn per_label_kappa_sees_other_labels_as_outside() {
        // Tags: 1 = B-LOC, 3 = B-PERSON (label 1). The annotators agree on the
        // person and disagree on the place.
        let mut confusion = Confusion::of(&[0, 1, 3, 0], &[0, 0, 3, 0]);
        confusion.add(&Confusion::of(&[0], &[0]));
        assert_eq!(confusion.kappa(|t| only_label(t, 1)), Some(1.0));
        let loc = confusion.kappa(|t| only_label(t, 0)).unwrap();
        assert_eq!(loc, 0.0, "one annotator never tags LOC: no agreement beyond chance");
    }
}
