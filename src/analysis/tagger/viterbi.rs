//! Viterbi decoding over BIO tags with the transitions [`super::tags::allowed`] permits,
//! and per-token margins (how much worse the best path that changes a token's tag is).

use super::tags::{allowed, Tag, NUM_TAGS};

/// Emission scores of one token, by tag index.
pub type Scores = [f32; NUM_TAGS];

/// A score no allowed path reaches.
const FORBIDDEN: f32 = -1.0e30;

/// Transition scores: into the first tag of a sentence, and from tag to tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Transitions {
    pub start: Scores,
    pub pair: [Scores; NUM_TAGS],
}

impl Default for Transitions {
    fn default() -> Self {
        Transitions { start: [0.0; NUM_TAGS], pair: [[0.0; NUM_TAGS]; NUM_TAGS] }
    }
}

impl Transitions {
    /// Score of `next` after `prev`, or [`FORBIDDEN`] if BIO does not allow it.
    fn score(&self, prev: Option<usize>, next: usize) -> f32 {
        let (Some(n), p) = (Tag::from_index(next), prev.and_then(Tag::from_index)) else {
            return FORBIDDEN;
        };
        if !allowed(p, n) {
            return FORBIDDEN;
        }
        match prev {
            None => self.start.get(next).copied().unwrap_or(0.0),
            Some(p) => self.pair.get(p).and_then(|r| r.get(next)).copied().unwrap_or(0.0),
        }
    }

    /// The allowed-transition table, forbidden ones set to [`FORBIDDEN`].
    fn table(&self) -> ([f32; NUM_TAGS], [[f32; NUM_TAGS]; NUM_TAGS]) {
        let mut start = [0.0; NUM_TAGS];
        let mut pair = [[0.0; NUM_TAGS]; NUM_TAGS];
        for (y, slot) in start.iter_mut().enumerate() {
            *slot = self.score(None, y);
        }
        for (p, row) in pair.iter_mut().enumerate() {
            for (y, slot) in row.iter_mut().enumerate() {
                *slot = self.score(Some(p), y);
            }
        }
        (start, pair)
    }
}

/// Forward max scores: `alpha[t][y]` is the best score of a path ending in `y` at `t`.
fn forward(emissions: &[Scores], trans: &Transitions) -> (Vec<Scores>, Vec<[u8; NUM_TAGS]>) {
    let (start, pair) = trans.table();
    let mut alpha: Vec<Scores> = Vec::with_capacity(emissions.len());
    let mut back: Vec<[u8; NUM_TAGS]> = Vec::with_capacity(emissions.len());
    for (t, e) in emissions.iter().enumerate() {
        let mut a = [FORBIDDEN; NUM_TAGS];
        let mut b = [0u8; NUM_TAGS];
        for y in 0..NUM_TAGS {
            let (best, arg) =
                match t.checked_sub(1).and_then(|p| alpha.get(p)) {
                    None => (start[y], 0),
                    Some(prev) => (0..NUM_TAGS)
                        .map(|p| (prev[p] + pair[p][y], p))
                        .fold((FORBIDDEN * 2.0, 0), |acc, x| if x.0 > acc.0 { x } else { acc }),
                };
            a[y] = best + e[y];
            b[y] = u8::try_from(arg).unwrap_or(0);
        }
        alpha.push(a);
        back.push(b);
    }
    (alpha, back)
}

/// The best allowed tag sequence.
pub fn best_path(emissions: &[Scores], trans: &Transitions) -> Vec<Tag> {
    let (alpha, back) = forward(emissions, trans);
    trace(&alpha, &back)
}

fn argmax(s: &Scores) -> usize {
    (0..NUM_TAGS).fold(0, |best, y| if s[y] > s[best] { y } else { best })
}

fn trace(alpha: &[Scores], back: &[[u8; NUM_TAGS]]) -> Vec<Tag> {
    let Some(last) = alpha.last() else {
        return Vec::new();
    };
    let mut y = argmax(last);
    let mut out = vec![Tag::O; alpha.len()];
    for t in (0..alpha.len()).rev() {
        if let Some(slot) = out.get_mut(t) {
            *slot = Tag::from_index(y).unwrap_or(Tag::O);
        }
        y = back.get(t).map_or(0, |b| usize::from(b[y]));
    }
    out
}

/// The best path and, per token, the margin between it and the best path that
/// gives that token another tag (0 when two paths tie).
pub fn decode_with_margins(emissions: &[Scores], trans: &Transitions) -> (Vec<Tag>, Vec<f32>) {
    let (alpha, back) = forward(emissions, trans);
    let path = trace(&alpha, &back);
    let (_, pair) = trans.table();
    let n = emissions.len();
    let mut beta = vec![[0.0f32; NUM_TAGS]; n];
    for t in (0..n.saturating_sub(1)).rev() {
        let (Some(next_e), Some(next_b)) = (emissions.get(t + 1), beta.get(t + 1).copied()) else {
            continue;
        };
        let mut row = [FORBIDDEN; NUM_TAGS];
        for (y, slot) in row.iter_mut().enumerate() {
            *slot = (0..NUM_TAGS).map(|z| pair[y][z] + next_e[z] + next_b[z]).fold(FORBIDDEN * 2.0, f32::max);
        }
        if let Some(b) = beta.get_mut(t) {
            *b = row;
        }
    }
    let margins = (0..n)
        .map(|t| {
            let (Some(a), Some(b), Some(y)) = (alpha.get(t), beta.get(t), path.get(t)) else {
                return 0.0;
            };
            let chosen = a[y.index()] + b[y.index()];
            let other = (0..NUM_TAGS).filter(|&z| z != y.index()).map(|z| a[z] + b[z]).fold(FORBIDDEN * 2.0, f32::max);
            (chosen - other).max(0.0)
        })
        .collect();
    (path, margins)
}

#[cfg(test)]
mod tests {
    use super::super::super::Label;
    use super::*;

    fn tag(l: Label, inside: bool) -> usize {
        let t = if inside { Tag::inside(l) } else { Tag::begin(l) };
        t.map_or(0, Tag::index)
    }

    #[test]
    fn never_inside_after_outside() {
        // Token 1 prefers I-PER on its own, but after an O only B-PER is allowed.
        let mut e = [[0.0; NUM_TAGS]; 2];
        e[0][0] = 5.0;
        e[1][tag(Label::Person, true)] = 3.0;
        e[1][tag(Label::Person, false)] = 1.0;
        let path = best_path(&e, &Transitions::default());
        assert_eq!(path.first(), Some(&Tag::O));
        assert_eq!(path.get(1).copied(), Tag::begin(Label::Person));
    }

    #[test]
    fn sentence_cannot_start_inside_and_labels_do_not_mix() {
        let mut e = [[0.0; NUM_TAGS]; 2];
        e[0][tag(Label::Org, true)] = 9.0;
        e[0][tag(Label::Person, false)] = 1.0;
        e[1][tag(Label::Org, true)] = 9.0;
        let path = best_path(&e, &Transitions::default());
        assert!(path
            .iter()
            .zip(std::iter::once(None).chain(path.iter().map(Some)))
            .all(|(&n, p)| allowed(p.copied(), n)));
        assert_eq!(path, vec![Tag::begin(Label::Org).unwrap(), Tag::inside(Label::Org).unwrap()]);
    }

    #[test]
    fn margins_are_zero_on_ties_and_grow_with_evidence() {
        let mut e = [[0.0; NUM_TAGS]; 2];
        e[0][0] = 1.0;
        e[1][tag(Label::Loc, false)] = 4.0;
        let (path, margins) = decode_with_margins(&e, &Transitions::default());
        assert_eq!(path.get(1).copied(), Tag::begin(Label::Loc));
        assert!((margins[0] - 1.0).abs() < 1e-6, "{margins:?}");
        assert!((margins[1] - 4.0).abs() < 1e-6, "{margins:?}");
        let (_, flat) = decode_with_margins(&[[0.0; NUM_TAGS]], &Transitions::default());
        assert_eq!(flat, vec![0.0]);
    }
}
