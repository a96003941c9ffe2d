//! The speaker ranker: a linear score over a candidate's
//! [`CandidateFeatures`] with few weights, set by hand and stored with a project
//! (serde), which can learn from an annotator's corrections by perceptron steps.

use super::candidate_features::{CandidateFeatures, FEATURE_COUNT};
use serde::{Deserialize, Serialize};

/// How far one correction moves the weights: small against the hand-set weights,
/// so that one correction nudges and a repeated one wins.
pub const LEARNING_RATE: f32 = 0.25;

/// The shipped weight of [`CandidateFeatures::goes_on_next`]: going on in the next
/// sentence counts as much as being the subject of a speech verb. Set by hand: on
/// pfsa-dev half A every weight from 2 to 20 gives the same speakers, and from 4 up
/// the same as the override this feature replaced, on both halves.
pub const GOES_ON_NEXT: f32 = 4.0;

/// The weight of each feature of [`CandidateFeatures`] (one field each, same names).
/// Set by hand on half A of pfsa-dev and polnear-dev (the analysis' earlier five
/// weights, then one feature at a time over a few values, kept where half A gained;
/// most move nothing there); a project may store its own.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpeakerWeights {
    /// Decisive: a name written at the cue outweighs everything else together.
    pub named_at_cue: f32,
    /// Subject of a verb, introduced as a speaker, or an earlier quote's speaker.
    pub speech_subject: f32,
    pub last_speaker: f32,
    pub last_direct_speaker: f32,
    pub paragraph_speaker: f32,
    pub titled: f32,
    pub same_paragraph: f32,
    /// Per paragraph back (negative: nearer is likelier).
    pub paragraphs_back: f32,
    /// Per sentence back.
    pub sentences_back: f32,
    /// Per candidate named nearer to the cue.
    pub distance_rank: f32,
    /// Per log of the times named.
    pub mentions: f32,
    /// Times +1 for a pronoun that fits, −1 for one that clashes.
    pub agreement: f32,
    /// The one who goes on speaking in the next sentence (`Budi menambahkan`).
    pub goes_on_next: f32,
}

impl Default for SpeakerWeights {
    fn default() -> Self {
        SpeakerWeights {
            named_at_cue: 20.0,
            speech_subject: 4.0,
            last_speaker: 0.5,
            last_direct_speaker: 0.0,
            paragraph_speaker: 0.0,
            titled: 0.0,
            same_paragraph: 3.0,
            paragraphs_back: -2.0,
            sentences_back: 0.0,
            distance_rank: -0.5,
            mentions: 0.2,
            agreement: 3.0,
            goes_on_next: GOES_ON_NEXT,
        }
    }
}

impl SpeakerWeights {
    /// The weights in the order of [`CandidateFeatures::values`].
    pub fn values(&self) -> [f32; FEATURE_COUNT] {
        [
            self.named_at_cue,
            self.speech_subject,
            self.last_speaker,
            self.last_direct_speaker,
            self.paragraph_speaker,
            self.titled,
            self.same_paragraph,
            self.paragraphs_back,
            self.sentences_back,
            self.distance_rank,
            self.mentions,
            self.agreement,
            self.goes_on_next,
        ]
    }

    /// The weights from numbers in the order of [`SpeakerWeights::values`].
    pub fn from_values(v: [f32; FEATURE_COUNT]) -> SpeakerWeights {
        let [a, b, c, c2, d, e, f, g, h, i, j, k, l] = v;
        SpeakerWeights {
            named_at_cue: a,
            speech_subject: b,
            last_speaker: c,
            last_direct_speaker: c2,
            paragraph_speaker: d,
            titled: e,
            same_paragraph: f,
            paragraphs_back: g,
            sentences_back: h,
            distance_rank: i,
            mentions: j,
            agreement: k,
            goes_on_next: l,
        }
    }

    /// The candidate's score: the weighted sum of its features.
    pub fn score(&self, features: &CandidateFeatures) -> f32 {
        self.values().iter().zip(features.values()).map(|(w, x)| w * x).sum()
    }

    /// One perceptron step after the annotator chose `chosen` where the ranker put
    /// `ranked_first` first: the weights move towards the chosen candidate's features
    /// and away from the other's. Deterministic; nothing moves when they are alike.
    pub fn learn_from_choice(&mut self, chosen: &CandidateFeatures, ranked_first: &CandidateFeatures) {
        let (good, bad) = (chosen.values(), ranked_first.values());
        let mut w = self.values();
        for ((w, g), b) in w.iter_mut().zip(good).zip(bad) {
            let step = LEARNING_RATE * (g - b);
            if step.is_finite() {
                *w += step;
            }
        }
        *self = SpeakerWeights::from_values(w);
    }
}

/// A candidate with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored<T> {
    pub who: T,
    pub score: f32,
    pub features: CandidateFeatures,
}

/// The candidates best first; at equal scores the one named nearer the cue first.
pub fn rank<T>(
    candidates: impl IntoIterator<Item = (T, CandidateFeatures)>,
    weights: &SpeakerWeights,
) -> Vec<Scored<T>> {
    let mut out: Vec<Scored<T>> = candidates
        .into_iter()
        .map(|(who, features)| Scored { who, score: weights.score(&features), features })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.features.distance_rank.cmp(&b.features.distance_rank)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::speakers::candidate_features::Agreement;

    fn near_passing() -> CandidateFeatures {
        CandidateFeatures { mentions: 1, ..CandidateFeatures::default() }
    }

    fn far_subject() -> CandidateFeatures {
        CandidateFeatures {
            speech_subject: true,
            distance_rank: 2,
            sentences_back: 3,
            mentions: 2,
            ..CandidateFeatures::default()
        }
    }

    #[test]
    fn a_salient_person_outranks_a_nearer_passing_name() {
        let ranked = rank([("near", near_passing()), ("subject", far_subject())], &SpeakerWeights::default());
        let order: Vec<&str> = ranked.iter().map(|s| s.who).collect();
        assert_eq!(order, ["subject", "near"]);
        assert!(ranked[0].score > ranked[1].score);
    }

    #[test]
    fn the_named_candidate_is_decisive() {
        let named = CandidateFeatures { named_at_cue: true, paragraphs_back: 1, distance_rank: 5, ..near_passing() };
        let best = CandidateFeatures { last_speaker: true, agreement: Agreement::Agrees, ..far_subject() };
        let ranked = rank([("other", best), ("named", named)], &SpeakerWeights::default());
        assert_eq!(ranked[0].who, "named");
    }

    #[test]
    fn learning_from_a_correction_moves_towards_the_chosen_and_is_deterministic() {
        let mut a = SpeakerWeights::default();
        let chosen = near_passing();
        let first = far_subject();
        let before = a.score(&chosen) - a.score(&first);
        a.learn_from_choice(&chosen, &first);
        let after = a.score(&chosen) - a.score(&first);
        assert!(after > before, "{before} -> {after}");
        let mut b = SpeakerWeights::default();
        b.learn_from_choice(&chosen, &first);
        assert_eq!(a, b);
        let mut c = SpeakerWeights::default();
        c.learn_from_choice(&chosen, &chosen);
        assert_eq!(c, SpeakerWeights::default(), "no step when the ranker was right");
        let mut d = SpeakerWeights::default();
        for _ in 0..40 {
            d.learn_from_choice(&chosen, &first);
        }
        assert_eq!(rank([("near", chosen), ("subject", first)], &d)[0].who, "near", "repeated corrections win");
    }

    #[test]
    fn weights_round_trip_through_json_and_missing_fields_take_the_defaults() {
        let w = SpeakerWeights { titled: 1.5, ..SpeakerWeights::default() };
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(serde_json::from_str::<SpeakerWeights>(&json).unwrap(), w);
        let partial: SpeakerWeights = serde_json::from_str(r#"{"agreement": 9.0}"#).unwrap();
        assert_eq!(partial, SpeakerWeights { agreement: 9.0, ..SpeakerWeights::default() });
    }

    #[test]
    fn weights_stored_before_goes_on_next_load_with_its_default() {
        // A project's weights as stored before the feature existed: every other field.
        let old = r#"{"named_at_cue": 20.0, "speech_subject": 4.5, "last_speaker": 0.75,
            "last_direct_speaker": 0.0, "paragraph_speaker": 0.25, "titled": 0.0, "same_paragraph": 3.0,
            "paragraphs_back": -2.0, "sentences_back": 0.0, "distance_rank": -0.5, "mentions": 0.2,
            "agreement": 3.0}"#;
        let w: SpeakerWeights = serde_json::from_str(old).unwrap();
        assert_eq!(w.speech_subject, 4.5);
        assert_eq!(w.goes_on_next, GOES_ON_NEXT);
        assert_eq!(SpeakerWeights::from_values(w.values()), w);
    }

    #[test]
    fn the_one_who_goes_on_next_outranks_a_nearer_speaker() {
        let nearer = CandidateFeatures { speech_subject: true, paragraphs_back: 1, ..near_passing() };
        let earlier = CandidateFeatures { paragraphs_back: 2, ..far_subject() };
        let goes_on = CandidateFeatures { goes_on_next: true, ..earlier };
        let ranked = rank([("nearer", nearer), ("goes on", goes_on)], &SpeakerWeights::default());
        assert_eq!(ranked[0].who, "goes on");
        let ranked = rank([("nearer", nearer), ("earlier", earlier)], &SpeakerWeights::default());
        assert_eq!(ranked[0].who, "nearer", "without going on, the nearer speaker leads");
    }
}
