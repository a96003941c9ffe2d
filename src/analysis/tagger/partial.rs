//! What an annotator's review says about each token, as a set of allowed tags, and
//! the best path that respects it.
//!
//! A document marked done is the whole truth: its spans are names, every other token
//! is outside one. A document in progress says only what was reviewed: an accepted
//! span is a name with exactly those bounds (so the token after it does not continue
//! it), a rejected one is no name, and the unreviewed rest says nothing: its tokens
//! may take any tag. Learning then compares the tagger's own best path with the
//! best path *within* these constraints (a latent-variable perceptron update), so an
//! unreviewed token never pushes the weights either way.

use super::super::doc::Doc;
use super::super::Label;
use super::tags::{Tag, NUM_TAGS};
use super::viterbi::{best_path, Scores, Transitions};

/// Allowed tags of one token, one bit per tag index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowed(u8);

impl Allowed {
    /// Every tag: nothing is known about the token.
    pub const ANY: Allowed = Allowed((1 << NUM_TAGS) - 1);
    /// Outside every name.
    pub const OUTSIDE: Allowed = Allowed(1);

    pub fn only(tag: Tag) -> Allowed {
        Allowed(1 << tag.index())
    }

    pub fn without(self, tag: Tag) -> Allowed {
        Allowed(self.0 & !(1 << tag.index()))
    }

    pub fn permits(self, tag_index: usize) -> bool {
        tag_index < NUM_TAGS && self.0 & (1 << tag_index) != 0
    }

    pub fn is_any(self) -> bool {
        self == Allowed::ANY
    }
}

/// What a review says about a text, in code points (end exclusive).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    /// Names with their label, exactly so bounded.
    pub names: Vec<(usize, usize, Label)>,
    /// Spans that are no name (rejected suggestions).
    pub not_names: Vec<(usize, usize)>,
    /// Whether the review covers the whole text (a done document): then every token
    /// outside `names` is outside a name.
    pub whole: bool,
}

/// Per token of `doc`, the tags the review allows.
pub fn allowed_tags(doc: &Doc, review: &Review) -> Vec<Allowed> {
    let base = if review.whole { Allowed::OUTSIDE } else { Allowed::ANY };
    let mut allowed = vec![base; doc.tokens.len()];
    let mut named = vec![false; doc.tokens.len()];
    for &(s, e) in &review.not_names {
        for slot in allowed.get_mut(token_range(doc, s, e)).into_iter().flatten() {
            *slot = Allowed::OUTSIDE;
        }
    }
    for &(s, e, label) in &review.names {
        let (Some(begin), Some(inside)) = (Tag::begin(label), Tag::inside(label)) else {
            continue;
        };
        let range = token_range(doc, s, e);
        if range.is_empty() || named.get(range.clone()).is_none_or(|r| r.iter().any(|&n| n)) {
            continue;
        }
        for t in range.clone() {
            if let (Some(slot), Some(n)) = (allowed.get_mut(t), named.get_mut(t)) {
                *slot = Allowed::only(if t == range.start { begin } else { inside });
                *n = true;
            }
        }
        // The name ends here: the next token does not continue it.
        if let (Some(slot), Some(false)) = (allowed.get_mut(range.end), named.get(range.end)) {
            *slot = slot.without(inside);
        }
    }
    allowed
}

/// The tokens that start inside `start..end` (code points), as training reads spans.
fn token_range(doc: &Doc, start: usize, end: usize) -> std::ops::Range<usize> {
    let a = doc.token_at_or_after(start);
    let b = doc.token_at_or_after(end);
    a..b.max(a)
}

/// A score that keeps a disallowed tag off every path.
const BARRED: f32 = -1.0e9;

/// The best path whose every tag `allowed` permits (where the constraints leave one).
pub fn constrained_path(emissions: &[Scores], allowed: &[Allowed], trans: &Transitions) -> Vec<Tag> {
    let masked: Vec<Scores> = emissions
        .iter()
        .zip(allowed)
        .map(|(e, a)| {
            let mut m = *e;
            for (y, slot) in m.iter_mut().enumerate() {
                if !a.permits(y) {
                    *slot += BARRED;
                }
            }
            m
        })
        .collect();
    best_path(&masked, trans)
}

/// Does `path` keep to `allowed`?
pub fn respects(path: &[Tag], allowed: &[Allowed]) -> bool {
    path.iter().zip(allowed).all(|(t, a)| a.permits(t.index()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(names: Vec<(usize, usize, Label)>, not_names: Vec<(usize, usize)>, whole: bool) -> Review {
        Review { names, not_names, whole }
    }

    #[test]
    fn a_done_review_fixes_every_token() {
        // “Ani” ke Bandung 🙂\r\n
        let text = "“Ani” ke Bandung 🙂\r\nlagi.";
        let doc = Doc::new(text);
        let bandung = text.chars().collect::<Vec<_>>();
        let start = (0..bandung.len()).find(|&i| bandung[i] == 'B').expect("B");
        let allowed =
            allowed_tags(&doc, &review(vec![(1, 4, Label::Person), (start, start + 7, Label::Loc)], vec![], true));
        let tags: Vec<Option<Tag>> = allowed
            .iter()
            .map(|a| (0..NUM_TAGS).filter(|&y| a.permits(y)).map(Tag::from_index).collect::<Option<Vec<_>>>())
            .map(|v| v.filter(|v| v.len() == 1).and_then(|v| v.first().copied()))
            .collect();
        assert!(tags.iter().all(Option::is_some), "{tags:?}");
        let names: Vec<&str> =
            (0..doc.tokens.len()).filter(|&i| tags[i] != Some(Tag::O)).map(|i| doc.word(i)).collect();
        assert_eq!(names, ["Ani", "Bandung"]);
    }

    #[test]
    fn a_partial_review_leaves_the_rest_free() {
        let text = "Kata Budi di Medan kemarin.";
        let doc = Doc::new(text);
        let allowed = allowed_tags(&doc, &review(vec![(5, 9, Label::Person)], vec![(13, 18)], false));
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.word(i)).collect();
        let at = |w: &str| words.iter().position(|x| *x == w).expect("word");
        assert!(allowed[at("Kata")].is_any());
        assert_eq!(allowed[at("Budi")], Allowed::only(Tag::begin(Label::Person).expect("tag")));
        assert!(!allowed[at("di")].permits(Tag::inside(Label::Person).expect("tag").index()));
        assert!(allowed[at("di")].permits(0));
        assert_eq!(allowed[at("Medan")], Allowed::OUTSIDE);
        assert!(allowed[at("kemarin")].is_any());
    }

    #[test]
    fn the_constrained_path_keeps_to_the_review() {
        let mut e = [[0.0; NUM_TAGS]; 2];
        e[0][Tag::begin(Label::Loc).expect("tag").index()] = 5.0;
        e[1][0] = 1.0;
        let allowed = [Allowed::OUTSIDE, Allowed::ANY];
        let path = constrained_path(&e, &allowed, &Transitions::default());
        assert_eq!(path, vec![Tag::O, Tag::O]);
        assert!(respects(&path, &allowed));
        assert!(!respects(&best_path(&e, &Transitions::default()), &allowed));
    }
}
