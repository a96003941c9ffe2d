//! How a candidate speaker of a quotation is described to the [`ranker`](super::ranker):
//! general facts about where and how the text names it, never about one sentence.
//!
//! Each feature is a number (a flag is 0 or 1) so that a linear score and a
//! perceptron step read them alike ([`CandidateFeatures::values`]).

use super::gender::{Gender, Pronoun};
use serde::{Deserialize, Serialize};

/// Sentences counted back at most: further is "far" alike.
pub const MAX_SENTENCES_BACK: u32 = 12;

/// What kind of speaker a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CandidateKind {
    Person,
    Organisation,
    /// An unnamed source (`officials`, `polisi`, `a spokesperson`).
    Source {
        plural: bool,
    },
}

/// Does the candidate fit the pronoun standing for the speaker?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Agreement {
    Agrees,
    #[default]
    Unknown,
    Clashes,
}

impl Agreement {
    fn value(self) -> f32 {
        match self {
            Agreement::Agrees => 1.0,
            Agreement::Unknown => 0.0,
            Agreement::Clashes => -1.0,
        }
    }
}

/// Whether `kind` (with `gender` for a person) fits `pronoun`: `he`/`she` want a
/// person of that gender (unknown gender neither fits nor clashes); `they` prefers an
/// organisation or a plural unnamed source; `ia`, `dia`, `beliau` and `-nya` want a person.
pub fn agreement(pronoun: Pronoun, kind: CandidateKind, gender: Option<Gender>) -> Agreement {
    let person = kind == CandidateKind::Person;
    let gendered = |want: Gender| match (person, gender) {
        (false, _) => Agreement::Clashes,
        (true, Some(g)) if g == want => Agreement::Agrees,
        (true, Some(_)) => Agreement::Clashes,
        (true, None) => Agreement::Unknown,
    };
    match pronoun {
        Pronoun::He => gendered(Gender::Male),
        Pronoun::She => gendered(Gender::Female),
        Pronoun::They => match kind {
            CandidateKind::Organisation | CandidateKind::Source { plural: true } => Agreement::Agrees,
            CandidateKind::Source { plural: false } => Agreement::Unknown,
            CandidateKind::Person => Agreement::Clashes,
        },
        Pronoun::Person if person => Agreement::Unknown,
        Pronoun::Person => Agreement::Clashes,
        Pronoun::None => Agreement::Unknown,
    }
}

/// The description of one candidate speaker of one quotation.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct CandidateFeatures {
    /// The cue names this candidate (`kata Budi`, `Budi mengatakan`): decisive.
    pub named_at_cue: bool,
    /// Subject of a verb or introduced as a speaker (`Budi menilai`, `menurut Budi`),
    /// or the speaker of an earlier quote.
    pub speech_subject: bool,
    /// The speaker of the latest quote before this one.
    pub last_speaker: bool,
    /// The speaker of the latest direct quote before this one (reports between may
    /// name others).
    pub last_direct_speaker: bool,
    /// Spoke a quote earlier in the same paragraph.
    pub paragraph_speaker: bool,
    /// Introduced with a title or role (`Menteri Budi`, `Mr. Doe`).
    pub titled: bool,
    /// Named in the quotation's paragraph.
    pub same_paragraph: bool,
    /// Paragraphs between its nearest mention and the quotation's cue.
    pub paragraphs_back: u32,
    /// Sentences between its nearest mention and the cue, at most [`MAX_SENTENCES_BACK`].
    pub sentences_back: u32,
    /// Candidates named nearer to the cue than this one.
    pub distance_rank: u32,
    /// Times it is named before the cue.
    pub mentions: u32,
    /// Fit with the pronoun standing for the speaker.
    pub agreement: Agreement,
    /// The subject of a continuation verb in the sentence right after the quotation
    /// (`Budi menambahkan, …`, `Namun, lanjut Budi, …`): only the one speaking can
    /// "add" to what was said.
    #[serde(default)]
    pub goes_on_next: bool,
    pub kind: Option<CandidateKind>,
}

/// How many numbers [`CandidateFeatures::values`] gives.
pub const FEATURE_COUNT: usize = 13;

impl CandidateFeatures {
    /// The features as numbers, in the order of [`SpeakerWeights`](super::ranker::SpeakerWeights)'s fields.
    pub fn values(&self) -> [f32; FEATURE_COUNT] {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        [
            flag(self.named_at_cue),
            flag(self.speech_subject),
            flag(self.last_speaker),
            flag(self.last_direct_speaker),
            flag(self.paragraph_speaker),
            flag(self.titled),
            flag(self.same_paragraph),
            self.paragraphs_back as f32,
            self.sentences_back.min(MAX_SENTENCES_BACK) as f32,
            self.distance_rank as f32,
            // Mentions help less the more there are.
            (self.mentions.max(1) as f32).ln(),
            self.agreement.value(),
            flag(self.goes_on_next),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronoun_agreement_rules() {
        let person = CandidateKind::Person;
        let org = CandidateKind::Organisation;
        let officials = CandidateKind::Source { plural: true };
        assert_eq!(agreement(Pronoun::He, person, Some(Gender::Male)), Agreement::Agrees);
        assert_eq!(agreement(Pronoun::She, person, Some(Gender::Male)), Agreement::Clashes);
        assert_eq!(agreement(Pronoun::She, person, None), Agreement::Unknown);
        assert_eq!(agreement(Pronoun::He, org, None), Agreement::Clashes);
        assert_eq!(agreement(Pronoun::They, org, None), Agreement::Agrees);
        assert_eq!(agreement(Pronoun::They, officials, None), Agreement::Agrees);
        assert_eq!(agreement(Pronoun::They, person, Some(Gender::Female)), Agreement::Clashes);
        assert_eq!(agreement(Pronoun::Person, org, None), Agreement::Clashes);
        assert_eq!(agreement(Pronoun::Person, person, Some(Gender::Female)), Agreement::Unknown);
    }

    #[test]
    fn values_follow_the_fields() {
        let f = CandidateFeatures {
            named_at_cue: true,
            paragraphs_back: 2,
            sentences_back: 40,
            mentions: 0,
            agreement: Agreement::Clashes,
            goes_on_next: true,
            ..CandidateFeatures::default()
        };
        let v = f.values();
        assert_eq!(v[0], 1.0);
        assert_eq!(v[7], 2.0);
        assert_eq!(v[8], MAX_SENTENCES_BACK as f32, "far is capped");
        assert_eq!(v[10], 0.0, "no mention counts as one");
        assert_eq!(v[11], -1.0);
        assert_eq!(v[12], 1.0);
    }
}
