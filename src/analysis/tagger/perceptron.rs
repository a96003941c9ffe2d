//! Averaged structured perceptron: on every mistaken sentence, add the gold path's
//! features and subtract the predicted path's; the shipped weights are the average
//! over all steps, which generalises far better than the last weights.
//!
//! Averaging uses the usual trick: alongside `w`, keep `u += step × delta`; the
//! average after `c` steps is `w − u / c`. Sums are f64 so that long runs do not
//! lose the small updates.

use super::domain::DomainModel;
use super::features::FeatureMatrix;
use super::tags::{Tag, NUM_TAGS};
use super::viterbi::Transitions;
use super::weights::Weights;
use std::ops::Range;

pub struct Perceptron {
    bits: u32,
    w: Vec<f64>,
    u: Vec<f64>,
    /// `NUM_TAGS` start scores, then `NUM_TAGS × NUM_TAGS` pair scores.
    tw: Vec<f64>,
    tu: Vec<f64>,
    step: f64,
}

impl Perceptron {
    pub fn new(bits: u32) -> Perceptron {
        let n = (1usize << bits) * NUM_TAGS;
        let t = NUM_TAGS * (NUM_TAGS + 1);
        Perceptron { bits, w: vec![0.0; n], u: vec![0.0; n], tw: vec![0.0; t], tu: vec![0.0; t], step: 1.0 }
    }

    /// The current (not averaged) weights, for decoding during training.
    pub fn current(&self) -> Weights {
        Weights {
            bits: self.bits,
            rows: self.w.iter().map(|&x| x as f32).collect(),
            transitions: transitions(&self.tw),
            domain: DomainModel::default(),
        }
    }

    /// Copies the current weights into `w` where they changed since the last call;
    /// cheaper than [`Perceptron::current`] on every sentence.
    pub fn sync(&self, w: &mut Weights, touched: &[u32]) {
        for &b in touched {
            let at = b as usize * NUM_TAGS;
            if let (Some(dst), Some(src)) = (w.rows.get_mut(at..at + NUM_TAGS), self.w.get(at..at + NUM_TAGS)) {
                for (d, s) in dst.iter_mut().zip(src) {
                    *d = *s as f32;
                }
            }
        }
        w.transitions = transitions(&self.tw);
    }

    /// One training step on the sentence `tokens` of a document.
    pub fn update(&mut self, features: &FeatureMatrix, tokens: Range<usize>, gold: &[Tag], pred: &[Tag]) {
        if gold != pred {
            for (k, i) in tokens.enumerate() {
                let (Some(&g), Some(&p)) = (gold.get(k), pred.get(k)) else {
                    continue;
                };
                if g != p {
                    for &b in features.token(i) {
                        self.add_row(b, g, 1.0);
                        self.add_row(b, p, -1.0);
                    }
                }
                let prev = |s: &[Tag]| k.checked_sub(1).and_then(|j| s.get(j).copied());
                let (gp, pp) = (prev(gold), prev(pred));
                if g != p || gp != pp {
                    self.add_transition(gp, g, 1.0);
                    self.add_transition(pp, p, -1.0);
                }
            }
        }
        self.step += 1.0;
    }

    fn add_row(&mut self, bucket: u32, tag: Tag, delta: f64) {
        let at = bucket as usize * NUM_TAGS + tag.index();
        if let (Some(w), Some(u)) = (self.w.get_mut(at), self.u.get_mut(at)) {
            *w += delta;
            *u += self.step * delta;
        }
    }

    fn add_transition(&mut self, prev: Option<Tag>, next: Tag, delta: f64) {
        let at = match prev {
            None => next.index(),
            Some(p) => NUM_TAGS + p.index() * NUM_TAGS + next.index(),
        };
        if let (Some(w), Some(u)) = (self.tw.get_mut(at), self.tu.get_mut(at)) {
            *w += delta;
            *u += self.step * delta;
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Weights {
        let avg = |w: &[f64], u: &[f64]| -> Vec<f64> { w.iter().zip(u).map(|(w, u)| w - u / self.step).collect() };
        Weights {
            bits: self.bits,
            rows: avg(&self.w, &self.u).into_iter().map(|x| x as f32).collect(),
            transitions: transitions(&avg(&self.tw, &self.tu)),
            domain: DomainModel::default(),
        }
    }
}

fn transitions(t: &[f64]) -> Transitions {
    let mut out = Transitions::default();
    for (slot, v) in out.start.iter_mut().chain(out.pair.iter_mut().flatten()).zip(t) {
        *slot = *v as f32;
    }
    out
}
