//! Learning from reviewed documents: online perceptron updates that start from
//! trained weights (the shipped model, or a project's base) instead of zero.
//!
//! Each reviewed sentence is decoded with the current weights; where the best path
//! breaks the review ([`super::partial`]), the weights move towards the best path
//! that keeps to it and away from the one that did not, by `rate`. The result is
//! the average of the weights over all steps, starting from the base, as in
//! training: one late correction cannot swing the model, a repeated one does.
//!
//! Reproducible: sentences are visited in an order drawn from a fixed-seed generator
//! over the examples in the order given, every sum runs in a fixed order, and no
//! result depends on a hash map's order, so the same examples in the same order
//! with the same [`LearnConfig`] give the same weights bit for bit.

use super::super::doc::Doc;
use super::acronyms;
use super::conll_reader::Article;
use super::domain;
use super::evidence::Evidence;
use super::features::FeatureMatrix;
use super::partial::{allowed_tags, constrained_path, respects, Allowed, Review};
use super::places::ListedPlaces;
use super::tags::{Tag, NUM_TAGS};
use super::training::Rng;
use super::viterbi::best_path;
use super::weights::Weights;
use std::collections::HashMap;
use std::ops::Range;

/// How the weights learn from reviewed documents.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnConfig {
    /// Passes over the reviewed sentences.
    pub epochs: usize,
    /// Size of one correction, in the units of the base weights.
    pub rate: f32,
    /// Seed of the sentence order.
    pub seed: u64,
    /// Adopt the conventions of the documents reviewed whole ([`adopt_conventions`]).
    pub conventions: bool,
}

impl Default for LearnConfig {
    /// Chosen by the learning simulation (`examples/learning_curve.rs`, README).
    fn default() -> Self {
        LearnConfig { epochs: 5, rate: 1.0, seed: 0x1EA2_2013, conventions: true }
    }
}

/// One reviewed document, ready to learn from: its features as the tagger will see
/// them, and the sentences the review says something about with their constraints.
pub struct Prepared {
    features: FeatureMatrix,
    sentences: Vec<Range<usize>>,
    allowed: Vec<Allowed>,
}

impl Prepared {
    /// Sentences the review constrains (the only ones learning visits).
    pub fn sentences(&self) -> usize {
        self.sentences.len()
    }
}

/// Tokenizes `text` as the analyser will, computes its features for the convention
/// `base` reads it in, and turns `review` into per-token constraints.
pub fn prepare(text: &str, review: &Review, evidence: &Evidence, base: &Weights) -> Prepared {
    let doc = Doc::new(text);
    let convention = base.domain.classify(&domain::buckets(&doc));
    let (features, _) = evidence.features(text, &doc, base.bits, base.domain.feature_domain(convention));
    let allowed = allowed_tags(&doc, review);
    let sentences = doc
        .sentences
        .iter()
        .filter(|r| allowed.get((*r).clone()).is_some_and(|a| a.iter().any(|x| !x.is_any())))
        .cloned()
        .collect();
    Prepared { features, sentences, allowed }
}

/// Fewest whole documents whose conventions a project model adopts.
pub const MIN_CONVENTION_DOCS: usize = 5;

/// Makes `weights` follow the annotation conventions of `whole` (documents reviewed
/// whole, as articles): whether an organisation takes in the acronym defined after
/// it ([`super::acronyms`]) and whether every mention of a listed place is tagged
/// ([`super::places`]). A project is one convention, whatever corpus its articles
/// read like, so the flags of every convention become the project's. Left alone
/// below [`MIN_CONVENTION_DOCS`] documents.
pub fn adopt_conventions(weights: &mut Weights, whole: &[Article]) {
    if whole.len() < MIN_CONVENTION_DOCS {
        return;
    }
    let as_one: Vec<Article> = whole.iter().map(|a| Article { domain: 0, ..a.clone() }).collect();
    let joins = acronyms::joining_conventions(&as_one).first().copied().unwrap_or(false);
    let places = ListedPlaces::new().tagging_conventions(&as_one).first().copied().unwrap_or(false);
    let d = &mut weights.domain;
    let n = d.joins_acronyms.len().max(d.tags_listed_places.len()).max(1);
    d.joins_acronyms = vec![joins; n];
    d.tags_listed_places = vec![places; n];
}

/// What one run of learning did.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LearnStats {
    /// Sentences visited per epoch.
    pub sentences: usize,
    /// Sentences whose best path broke their review, over all epochs.
    pub corrections: usize,
}

/// `base` after learning from `examples`.
pub fn learn(base: &Weights, examples: &[Prepared], config: &LearnConfig) -> (Weights, LearnStats) {
    let mut order: Vec<(usize, usize)> =
        examples.iter().enumerate().flat_map(|(d, p)| (0..p.sentences.len()).map(move |s| (d, s))).collect();
    let mut rng = Rng(config.seed | 1);
    let mut learner = Learner::new(base, config.rate);
    let mut stats = LearnStats { sentences: order.len(), corrections: 0 };
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &(d, s) in &order {
            let Some((ex, range)) = examples.get(d).and_then(|p| Some((p, p.sentences.get(s)?.clone()))) else {
                continue;
            };
            if learner.step(ex, range) {
                stats.corrections += 1;
            }
        }
    }
    (learner.averaged(), stats)
}

/// The weights being learned: current values, and for averaging the running sum
/// of `step × delta` of each weight that changed (few do, so a map holds them).
struct Learner {
    current: Weights,
    rate: f64,
    sums: HashMap<usize, f64>,
    /// Transitions as the perceptron keeps them: starts, then pairs.
    trans: Vec<f64>,
    trans_sums: Vec<f64>,
    step: f64,
}

impl Learner {
    fn new(base: &Weights, rate: f32) -> Learner {
        let t = &base.transitions;
        let trans: Vec<f64> = t.start.iter().chain(t.pair.iter().flatten()).map(|&x| f64::from(x)).collect();
        Learner {
            current: base.clone(),
            rate: f64::from(rate),
            sums: HashMap::new(),
            trans_sums: vec![0.0; trans.len()],
            trans,
            step: 1.0,
        }
    }

    /// One sentence; true if it needed a correction.
    fn step(&mut self, ex: &Prepared, range: Range<usize>) -> bool {
        let allowed = ex.allowed.get(range.clone()).unwrap_or(&[]);
        let emissions = self.current.emissions(&ex.features, range.clone());
        let pred = best_path(&emissions, &self.current.transitions);
        let corrected = !respects(&pred, allowed);
        if corrected {
            let gold = constrained_path(&emissions, allowed, &self.current.transitions);
            self.update(&ex.features, range, &gold, &pred);
        }
        self.step += 1.0;
        corrected
    }

    fn update(&mut self, features: &FeatureMatrix, tokens: Range<usize>, gold: &[Tag], pred: &[Tag]) {
        for (k, i) in tokens.enumerate() {
            let (Some(&g), Some(&p)) = (gold.get(k), pred.get(k)) else {
                continue;
            };
            if g != p {
                for &b in features.token(i) {
                    self.add_row(b, g, self.rate);
                    self.add_row(b, p, -self.rate);
                }
            }
            let prev = |s: &[Tag]| k.checked_sub(1).and_then(|j| s.get(j).copied());
            let (gp, pp) = (prev(gold), prev(pred));
            if g != p || gp != pp {
                self.add_transition(gp, g, self.rate);
                self.add_transition(pp, p, -self.rate);
            }
        }
        self.sync_transitions();
    }

    fn add_row(&mut self, bucket: u32, tag: Tag, delta: f64) {
        let at = bucket as usize * NUM_TAGS + tag.index();
        if let Some(w) = self.current.rows.get_mut(at) {
            *w = (f64::from(*w) + delta) as f32;
            *self.sums.entry(at).or_insert(0.0) += self.step * delta;
        }
    }

    fn add_transition(&mut self, prev: Option<Tag>, next: Tag, delta: f64) {
        let at = match prev {
            None => next.index(),
            Some(p) => NUM_TAGS + p.index() * NUM_TAGS + next.index(),
        };
        if let (Some(w), Some(u)) = (self.trans.get_mut(at), self.trans_sums.get_mut(at)) {
            *w += delta;
            *u += self.step * delta;
        }
    }

    fn sync_transitions(&mut self) {
        let t = &mut self.current.transitions;
        for (slot, v) in t.start.iter_mut().chain(t.pair.iter_mut().flatten()).zip(&self.trans) {
            *slot = *v as f32;
        }
    }

    /// The average over all steps: `current − sums / steps` for every weight that
    /// moved (each computed on its own, so the map's order does not matter).
    fn averaged(mut self) -> Weights {
        for (&at, &sum) in &self.sums {
            if let Some(w) = self.current.rows.get_mut(at) {
                *w = (f64::from(*w) - sum / self.step) as f32;
            }
        }
        for (w, u) in self.trans.iter_mut().zip(&self.trans_sums) {
            *w -= u / self.step;
        }
        self.sync_transitions();
        self.current
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::lexicon::Lexicon;
    use super::super::super::Label;
    use super::super::conll_reader::read_articles;
    use super::super::model_io::to_bytes;
    use super::super::training::{train, TrainConfig};
    use super::*;
    use std::sync::Arc;

    const TINY: &str = "Presiden B-PER\nJoko I-PER\ndatang O\nke O\nBandung B-LOC\n. O\n\n\
Kata O\nAni B-PER\n, O\nKPK B-ORG\nbekerja O\ndi O\nSurabaya B-LOC\n. O\n";

    fn tiny_base(ev: &Evidence) -> Weights {
        let articles = read_articles(TINY).expect("reads");
        train(&articles, ev, &TrainConfig { epochs: 5, seed: 7, bits: 12, conventions: true }, &mut |_, _| {})
    }

    fn spans_of(weights: &Weights, ev: &Evidence, text: &str) -> Vec<(String, Label)> {
        let doc = Doc::new(text);
        let p = prepare(text, &Review::default(), ev, weights);
        let mut out = Vec::new();
        for r in &doc.sentences {
            let path = best_path(&weights.emissions(&p.features, r.clone()), &weights.transitions);
            for (s, e, l) in super::super::tags::spans_from_tags(&path) {
                out.push(((r.start + s..r.start + e).map(|i| doc.word(i)).collect::<Vec<_>>().join(" "), l));
            }
        }
        out
    }

    #[test]
    fn a_done_document_teaches_its_names_and_learning_is_reproducible() {
        let ev = Evidence::new(&Arc::new(Lexicon::new()));
        let base = tiny_base(&ev);
        let text = "Kata “Wulan” 🙂, Zorbax bekerja di Kuningan.\r\nWulan datang ke Kuningan.";
        let chars: Vec<char> = text.chars().collect();
        let find = |w: &str, from: usize| {
            let n = w.chars().count();
            (from..chars.len()).find(|&i| chars.get(i..i + n).is_some_and(|c| c.iter().collect::<String>() == w))
        };
        let (w1, z, k1) =
            (find("Wulan", 0).expect("w"), find("Zorbax", 0).expect("z"), find("Kuningan", 0).expect("k"));
        let w2 = find("Wulan", w1 + 1).expect("w2");
        let k2 = find("Kuningan", k1 + 1).expect("k2");
        let review = Review {
            names: vec![
                (w1, w1 + 5, Label::Person),
                (z, z + 6, Label::Org),
                (k1, k1 + 8, Label::Loc),
                (w2, w2 + 5, Label::Person),
                (k2, k2 + 8, Label::Loc),
            ],
            not_names: vec![],
            whole: true,
        };
        let examples = [prepare(text, &review, &ev, &base)];
        let config = LearnConfig { epochs: 8, ..LearnConfig::default() };
        let (a, stats) = learn(&base, &examples, &config);
        let (b, _) = learn(&base, &examples, &config);
        assert_eq!(to_bytes(&a), to_bytes(&b));
        assert!(stats.corrections > 0);
        let found = spans_of(&a, &ev, text);
        for name in [("Wulan", Label::Person), ("Zorbax", Label::Org), ("Kuningan", Label::Loc)] {
            assert!(found.contains(&(name.0.to_string(), name.1)), "{name:?} in {found:?}");
        }
    }

    #[test]
    fn unreviewed_text_teaches_nothing() {
        let ev = Evidence::new(&Arc::new(Lexicon::new()));
        let base = tiny_base(&ev);
        let examples = [prepare("Kata Ani di Bandung.", &Review::default(), &ev, &base)];
        assert_eq!(examples[0].sentences(), 0);
        let (after, stats) = learn(&base, &examples, &LearnConfig::default());
        assert_eq!(stats, LearnStats::default());
        assert_eq!(to_bytes(&after), to_bytes(&base));
    }
}
