//! Krippendorff's α for nominal data over any number of annotators, with
//! missing values: each token is a unit, each annotator who annotated its
//! document gives it one value (its tag). α = 1 − D_o / D_e, from the
//! coincidence matrix of values paired within units.

use std::collections::HashMap;

use super::bio::Tag;

/// Coincidences of values within units: `o[(c, k)]` sums, over units, the
/// ordered pairs of values `c`, `k` from different annotators, each weighted
/// 1 / (values in the unit − 1). Kept whole so that per-label α comes from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coincidence {
    cells: HashMap<(Tag, Tag), f64>,
    /// Units with at least two values.
    units: usize,
}

impl Coincidence {
    /// Adds one unit's values (one per annotator who coded it). Units with
    /// fewer than two values carry no information and are skipped.
    pub fn add_unit(&mut self, values: &[Tag]) {
        let m = values.len();
        if m < 2 {
            return;
        }
        let weight = 1.0 / (m - 1) as f64;
        for (i, &c) in values.iter().enumerate() {
            for (j, &k) in values.iter().enumerate() {
                if i != j {
                    *self.cells.entry((c, k)).or_default() += weight;
                }
            }
        }
        self.units += 1;
    }

    pub fn add(&mut self, other: &Coincidence) {
        for (&cell, &weight) in &other.cells {
            *self.cells.entry(cell).or_default() += weight;
        }
        self.units += other.units;
    }

    pub fn units(&self) -> usize {
        self.units
    }

    /// α with every value seen through `view`; `None` when undefined (fewer
    /// than two pairable values, or a single value throughout).
    pub fn alpha(&self, view: impl Fn(Tag) -> Tag) -> Option<f64> {
        let mut totals: HashMap<Tag, f64> = HashMap::new();
        let mut disagreeing = 0.0;
        for (&(c, k), &weight) in &self.cells {
            let (c, k) = (view(c), view(k));
            *totals.entry(c).or_default() += weight;
            if c != k {
                disagreeing += weight;
            }
        }
        let n: f64 = totals.values().sum();
        let expected = n * n - totals.values().map(|t| t * t).sum::<f64>();
        (n > 1.0 && expected > 1e-9).then(|| 1.0 - (n - 1.0) * disagreeing / expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coincidence(units: &[&[Tag]]) -> Coincidence {
        let mut o = Coincidence::default();
        units.iter().for_each(|u| o.add_unit(u));
        o
    }

    #[test]
    fn alpha_of_two_coders_by_hand() {
        // o_aa = 2, o_ab = o_ba = 1, o_bb = 4; n = 8: α = 1 − 7·2 / (64 − 9 − 25).
        let o = coincidence(&[&[0, 0], &[0, 1], &[1, 1], &[1, 1]]);
        assert!((o.alpha(|t| t).unwrap() - (1.0 - 14.0 / 30.0)).abs() < 1e-12);
        assert_eq!(o.units(), 4);
    }

    #[test]
    fn krippendorffs_own_example_with_missing_values() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability":
        // four observers, twelve units, missing values; nominal α = 0.743.
        let units: [&[Tag]; 12] = [
            &[1, 1, 1],
            &[2, 2, 3, 2],
            &[3, 3, 3, 3],
            &[3, 3, 3, 3],
            &[2, 2, 2, 2],
            &[1, 2, 3, 4],
            &[4, 4, 4, 4],
            &[1, 1, 2, 1],
            &[2, 2, 2, 2],
            &[5, 5, 5],
            &[1, 1],
            &[3],
        ];
        let alpha = coincidence(&units).alpha(|t| t).unwrap();
        assert!((alpha - 0.743).abs() < 0.0005, "{alpha}");
    }

    #[test]
    fn perfect_and_undefined() {
        assert_eq!(coincidence(&[&[0, 0, 0], &[1, 1]]).alpha(|t| t), Some(1.0));
        assert_eq!(coincidence(&[&[0, 0], &[0, 0]]).alpha(|t| t), None);
        assert_eq!(coincidence(&[&[0]]).alpha(|t| t), None);
    }
}
