//! Which training corpus's annotation conventions an article follows.
//!
//! The two training sets disagree on conventions: idner-news-2k tags a country as a
//! place only where it is one (`di Indonesia`) and leaves it untagged as a modifier
//! or an actor (`masyarakat Indonesia`, `Indonesia tak punya …`), while NERGrit tags
//! every mention; they also differ on titles and organisation bounds. Trained on both
//! as one, the tagger averages the two and matches neither. This small bag-of-words
//! classifier, trained on the same training articles, picks the convention of a new
//! article from its words (news reports with quotes read like idner-news-2k,
//! encyclopaedic text like NERGrit). The model then follows that convention for
//! acronyms defined after organisations ([`super::acronyms`]) and listed places
//! ([`super::places`]) and, if trained with `conventions` (the default), through a
//! per-convention copy of the name-list features and the next word
//! ([`super::features`]). Those copies learn idner-news-2k's untagged countries too,
//! which Sorot's own examples want tagged where a country is introduced with its
//! short form ([`super::defined_places`]).

use super::super::doc::Doc;
use super::super::tokenizer::TokenKind;
use super::hashing::{bucket, hash_str, mix};

/// Conventions the classifier tells apart: corpus files beyond the last share it.
pub const NUM_DOMAINS: usize = 2;
/// Table size of the classifier: `2^BITS` rows of [`NUM_DOMAINS`] scores.
pub const BITS: u32 = 14;
const SALT: u64 = 0xD0_3A17;

/// The classifier's weights (empty in models without one) and what the model does
/// with its answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DomainModel {
    pub rows: Vec<f32>,
    /// The name-list features and the next word have a copy per convention
    /// (`TrainConfig::conventions`).
    pub feature_copies: bool,
    /// Per convention: does it take an acronym defined in parentheses into the
    /// organisation's name (`Mahkamah Konstitusi (MK)` as one name, as idner-news-2k
    /// does) rather than make it a name of its own (as NERGrit does)?
    pub joins_acronyms: Vec<bool>,
    /// Per convention: does it tag every mention of a listed place, modifiers too
    /// (as NERGrit does; idner-news-2k tags only the places)? See [`super::places`].
    pub tags_listed_places: Vec<bool>,
}

/// The classifier's features of a document: its distinct lower-case words, hashed.
pub fn buckets(doc: &Doc) -> Vec<u32> {
    let mut out: Vec<u32> = (0..doc.tokens.len())
        .filter(|&i| doc.kind(i) == Some(TokenKind::Word))
        .map(|i| bucket(mix(SALT, hash_str(doc.low(i))), BITS))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl DomainModel {
    /// The convention of a document with features `buckets` (ties go to the lower);
    /// none when the model was trained without conventions.
    pub fn classify(&self, buckets: &[u32]) -> Option<usize> {
        if self.rows.is_empty() {
            return None;
        }
        let scores = scores(&self.rows, buckets);
        Some((1..NUM_DOMAINS).fold(0, |best, d| if scores[d] > scores[best] { d } else { best }))
    }

    /// The convention the tagger's features are copied for, if the model has copies.
    pub fn feature_domain(&self, convention: Option<usize>) -> Option<usize> {
        convention.filter(|_| self.feature_copies)
    }

    /// Does `convention` join defined acronyms to their organisation's name?
    pub fn joins_acronyms(&self, convention: Option<usize>) -> bool {
        convention.and_then(|d| self.joins_acronyms.get(d)).copied().unwrap_or(false)
    }

    /// Does `convention` tag every mention of a listed place?
    pub fn tags_listed_places(&self, convention: Option<usize>) -> bool {
        convention.and_then(|d| self.tags_listed_places.get(d)).copied().unwrap_or(false)
    }

    /// An averaged perceptron over `docs` (features, convention), visited in order.
    pub fn train(docs: &[(Vec<u32>, usize)], epochs: usize) -> DomainModel {
        let n = (1usize << BITS) * NUM_DOMAINS;
        let (mut w, mut u) = (vec![0.0f64; n], vec![0.0f64; n]);
        let mut step = 1.0;
        for _ in 0..epochs {
            for (features, gold) in docs {
                let gold = (*gold).min(NUM_DOMAINS - 1);
                let s = scores(&w, features);
                // Ties count as mistakes, so that the first documents teach too.
                let wrong = (0..NUM_DOMAINS).fold(gold, |b, d| if d != gold && s[d] >= s[gold] { d } else { b });
                if wrong != gold {
                    for &b in features {
                        for (d, delta) in [(gold, 1.0), (wrong, -1.0)] {
                            let at = b as usize * NUM_DOMAINS + d;
                            if let (Some(x), Some(y)) = (w.get_mut(at), u.get_mut(at)) {
                                *x += delta;
                                *y += step * delta;
                            }
                        }
                    }
                }
                step += 1.0;
            }
        }
        let rows = w.iter().zip(&u).map(|(w, u)| (w - u / step) as f32).collect();
        DomainModel { rows, ..DomainModel::default() }
    }
}

fn scores<T: Copy + Into<f64>>(rows: &[T], buckets: &[u32]) -> [f64; NUM_DOMAINS] {
    let mut s = [0.0; NUM_DOMAINS];
    for &b in buckets {
        let at = b as usize * NUM_DOMAINS;
        if let Some(row) = rows.get(at..at + NUM_DOMAINS) {
            for (acc, &w) in s.iter_mut().zip(row) {
                *acc += w.into();
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_two_styles_apart() {
        let news = |t: &str| (buckets(&Doc::new(t)), 0);
        let wiki = |t: &str| (buckets(&Doc::new(t)), 1);
        let docs = vec![
            news("Kami siap, kata Budi di Jakarta."),
            wiki("Desa itu adalah desa kecil di Jawa."),
            news("Kita menunggu, ujar Ani kepada wartawan."),
            wiki("Kota ini adalah ibu kota provinsi."),
        ];
        let m = DomainModel::train(&docs, 5);
        assert_eq!(m.classify(&buckets(&Doc::new("Kami menunggu, kata Ani."))), Some(0));
        assert_eq!(m.classify(&buckets(&Doc::new("Sungai itu adalah sungai kecil."))), Some(1));
        assert_eq!(DomainModel::default().classify(&[1, 2, 3]), None);
    }
}
