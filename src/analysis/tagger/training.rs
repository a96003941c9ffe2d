//! Training: rebuilt articles in, averaged-perceptron weights out.
//!
//! Reproducible: sentences are visited in an order drawn from a fixed-seed generator,
//! every sum runs in a fixed order, and nothing iterates a hash map, so the same
//! data and [`TrainConfig`] give the same weights bit for bit.

use super::super::doc::Doc;
use super::super::Label;
use super::acronyms;
use super::conll_reader::Article;
use super::domain::{self, DomainModel};
use super::evidence::Evidence;
use super::features::FeatureMatrix;
use super::perceptron::Perceptron;
use super::places::ListedPlaces;
use super::tags::{tags_from_spans, Tag};
use super::viterbi::best_path;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
    /// The feature table has `2^bits` rows.
    pub bits: u32,
    /// Give the name-list features and the next word a copy per corpus's annotation
    /// conventions ([`super::domain`]). The convention classifier itself is always
    /// trained: it also says whether an article's convention joins acronyms to
    /// organisations.
    pub conventions: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { epochs: 25, seed: 0x5030_7254, bits: 20, conventions: true }
    }
}

/// One article ready for training: features, sentences and gold tags per token.
pub struct Prepared {
    features: FeatureMatrix,
    sentences: Vec<Range<usize>>,
    gold: Vec<Tag>,
}

/// Tokenizes an article as the analyser will and puts its gold spans on the tokens.
pub fn prepare(article: &Article, evidence: &Evidence, bits: u32, domain: Option<usize>) -> Prepared {
    let doc = Doc::new(&article.text);
    let (features, _) = evidence.features(&article.text, &doc, bits, domain);
    let spans = token_spans(&doc, &article.entities);
    Prepared { features, gold: tags_from_spans(doc.tokens.len(), &spans), sentences: doc.sentences }
}

/// Char spans to token spans: the tokens that start inside each span.
fn token_spans(doc: &Doc, entities: &[(usize, usize, Label)]) -> Vec<(usize, usize, Label)> {
    entities
        .iter()
        .filter_map(|&(s, e, label)| {
            let a = doc.token_at_or_after(s);
            let b = doc.token_at_or_after(e);
            (b > a).then_some((a, b, label))
        })
        .collect()
}

/// Progress after each epoch: epoch number (from 1) and the share of training
/// sentences decoded without a mistake during it.
pub type Progress<'a> = &'a mut dyn FnMut(usize, f64);

/// Trains on `articles`.
pub fn train(
    articles: &[Article],
    evidence: &Evidence,
    config: &TrainConfig,
    progress: Progress,
) -> super::weights::Weights {
    let docs: Vec<Prepared> =
        articles.iter().map(|a| prepare(a, evidence, config.bits, config.conventions.then_some(a.domain))).collect();
    let mut rng = Rng(config.seed | 1);
    let domain = DomainModel {
        feature_copies: config.conventions,
        joins_acronyms: acronyms::joining_conventions(articles),
        tags_listed_places: ListedPlaces::new().tagging_conventions(articles),
        ..train_domains(articles, &mut Rng((config.seed ^ DOMAIN_SEED) | 1))
    };
    let mut order: Vec<(usize, usize)> =
        docs.iter().enumerate().flat_map(|(d, p)| (0..p.sentences.len()).map(move |s| (d, s))).collect();
    let mut model = Perceptron::new(config.bits);
    let mut current = model.current();
    for epoch in 1..=config.epochs {
        rng.shuffle(&mut order);
        let mut right = 0usize;
        for &(d, s) in &order {
            let Some((doc, range)) = docs.get(d).and_then(|p| Some((p, p.sentences.get(s)?.clone()))) else {
                continue;
            };
            let gold = doc.gold.get(range.clone()).unwrap_or(&[]);
            let emissions = current.emissions(&doc.features, range.clone());
            let pred = best_path(&emissions, &current.transitions);
            if pred == gold {
                right += 1;
            }
            model.update(&doc.features, range.clone(), gold, &pred);
            if pred != gold {
                let touched: Vec<u32> = range.flat_map(|i| doc.features.token(i).iter().copied()).collect();
                model.sync(&mut current, &touched);
            }
        }
        progress(epoch, right as f64 / order.len().max(1) as f64);
    }
    let mut weights = model.averaged();
    weights.domain = domain;
    weights
}

/// Mixed into the seed for the convention classifier's own article order, so that
/// training it leaves the sentence order alone.
const DOMAIN_SEED: u64 = 0xD0_3A17_0001;

/// Passes of the convention classifier over the articles: it separates the training
/// corpora after two or three.
const DOMAIN_EPOCHS: usize = 8;

/// The convention classifier, from the articles in a shuffled order.
fn train_domains(articles: &[Article], rng: &mut Rng) -> DomainModel {
    let mut docs: Vec<(Vec<u32>, usize)> =
        articles.iter().map(|a| (domain::buckets(&Doc::new(&a.text)), a.domain)).collect();
    rng.shuffle(&mut docs);
    DomainModel::train(&docs, DOMAIN_EPOCHS)
}

/// xorshift64*: a small generator whose sequence is fixed by its seed.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Fisher–Yates.
    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::lexicon::Lexicon;
    use super::super::conll_reader::read_articles;
    use super::super::model_io::to_bytes;
    use super::*;
    use std::sync::Arc;

    fn evidence() -> Evidence {
        Evidence::new(&Arc::new(Lexicon::new()))
    }

    const TINY: &str = "Presiden B-PER\nJoko I-PER\ndatang O\nke O\nBandung B-LOC\n. O\n\n\
Kata O\nAni B-PER\n, O\nKPK B-ORG\nbekerja O\ndi O\nSurabaya B-LOC\n. O\n";

    fn tiny_config() -> TrainConfig {
        TrainConfig { epochs: 5, seed: 7, bits: 12, conventions: true }
    }

    #[test]
    fn training_is_deterministic() {
        let ev = evidence();
        let articles = read_articles(TINY).expect("reads");
        let a = train(&articles, &ev, &tiny_config(), &mut |_, _| {});
        let b = train(&articles, &ev, &tiny_config(), &mut |_, _| {});
        assert_eq!(to_bytes(&a), to_bytes(&b));
        assert!(a.rows.iter().any(|&x| x != 0.0));
    }

    #[test]
    fn learns_its_training_sentences() {
        let ev = evidence();
        let articles = read_articles(TINY).expect("reads");
        let mut last = 0.0;
        let _ = train(&articles, &ev, &tiny_config(), &mut |_, acc| last = acc);
        assert!(last > 0.99, "{last}");
    }

    #[test]
    fn gold_spans_land_on_tokens() {
        let ev = evidence();
        let articles = read_articles(TINY).expect("reads");
        let p = prepare(&articles[0], &ev, 12, None);
        let labels: Vec<Option<Label>> = p.gold.iter().map(|t| t.label()).collect();
        assert_eq!(labels.get(..2), Some(&[Some(Label::Person), Some(Label::Person)][..]));
        assert_eq!(labels.get(4), Some(&Some(Label::Loc)));
    }
}
