//! How sure the analyser is of a quotation, per pattern, as a project has taught
//! it: a pattern is the cue word (lower case), the quote's kind and the side of
//! the quote the cue stands on. A pattern the annotator keeps rejecting gets a
//! factor below 1 (the learning module decides which and how much); the analyser
//! only applies the factors, so every way of suggesting — the app, its background
//! refresh, `sorot analyze --model` — suggests the same.

use std::collections::BTreeMap;

use super::QuoteKind;

/// A quotation pattern: cue word (lower case), direct quote?, cue after the quote?
pub type Pattern = (String, bool, bool);

/// Confidence factors (0..=1) of quotation patterns; patterns without one keep
/// the rules' confidence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteConfidence {
    factors: BTreeMap<Pattern, f32>,
}

impl QuoteConfidence {
    /// Factors outside 0..=1 (or not numbers) are clamped into it: a factor never
    /// makes a suggestion surer than the rules are.
    pub fn new(factors: BTreeMap<Pattern, f32>) -> QuoteConfidence {
        let factors = factors.into_iter().map(|(p, f)| (p, if f.is_nan() { 1.0 } else { f.clamp(0.0, 1.0) })).collect();
        QuoteConfidence { factors }
    }

    pub fn is_empty(&self) -> bool {
        self.factors.is_empty()
    }

    /// The factor for a quote of `kind` whose cue is `cue_word` (any case), on the
    /// quote's far side when `cue_after`.
    pub fn factor(&self, cue_word: &str, kind: QuoteKind, cue_after: bool) -> f32 {
        if self.factors.is_empty() {
            return 1.0;
        }
        let key = (cue_word.to_lowercase(), kind == QuoteKind::Direct, cue_after);
        self.factors.get(&key).copied().unwrap_or(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_taught_pattern_changes_and_never_upwards() {
        let mut factors = BTreeMap::new();
        factors.insert(("seloroh".to_owned(), true, true), 0.25);
        factors.insert(("ujar".to_owned(), false, true), 7.0);
        factors.insert(("said".to_owned(), true, true), f32::NAN);
        let confidence = QuoteConfidence::new(factors);
        assert_eq!(confidence.factor("Seloroh", QuoteKind::Direct, true), 0.25);
        assert_eq!(confidence.factor("seloroh", QuoteKind::Indirect, true), 1.0, "another kind");
        assert_eq!(confidence.factor("seloroh", QuoteKind::Direct, false), 1.0, "the other side");
        assert_eq!(confidence.factor("ujar", QuoteKind::Indirect, true), 1.0, "clamped to 1");
        assert_eq!(confidence.factor("said", QuoteKind::Direct, true), 1.0, "not a number reads as 1");
    }
}
