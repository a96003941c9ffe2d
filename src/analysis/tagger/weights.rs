//! The trained weights: a hashed feature table with one row of tag scores per
//! bucket, the tag transitions, and the classifier of annotation conventions.

use super::domain::DomainModel;
use super::features::FeatureMatrix;
use super::tags::NUM_TAGS;
use super::viterbi::{Scores, Transitions};

#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// The table has `2^bits` rows.
    pub bits: u32,
    /// `NUM_TAGS` scores per row, rows one after another.
    pub rows: Vec<f32>,
    pub transitions: Transitions,
    /// Which corpus's conventions an article follows.
    pub domain: DomainModel,
}

impl Weights {
    /// All-zero weights for a table of `2^bits` rows.
    pub fn zeros(bits: u32) -> Weights {
        Weights {
            bits,
            rows: vec![0.0; (1usize << bits) * NUM_TAGS],
            transitions: Transitions::default(),
            domain: DomainModel::default(),
        }
    }

    /// Emission scores of each token.
    pub fn emissions(&self, features: &FeatureMatrix, tokens: std::ops::Range<usize>) -> Vec<Scores> {
        tokens.map(|i| self.token_scores(features.token(i))).collect()
    }

    fn token_scores(&self, buckets: &[u32]) -> Scores {
        let mut s = [0.0; NUM_TAGS];
        for &b in buckets {
            let at = b as usize * NUM_TAGS;
            if let Some(row) = self.rows.get(at..at + NUM_TAGS) {
                for (acc, w) in s.iter_mut().zip(row) {
                    *acc += w;
                }
            }
        }
        s
    }
}
