//! Why the ranker put a speaker candidate where it did, in the annotator's
//! words: the features that weighed, shown under each candidate in the
//! inspector so that a runner-up can be judged at a glance.

use crate::analysis::{Agreement, CandidateFeatures};

/// The notable features of a candidate, most telling first, joined by ` · `
/// (empty when none stands out).
pub fn reasons(features: &CandidateFeatures) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut flag = |on: bool, text: &str| {
        if on {
            out.push(text.to_owned());
        }
    };
    flag(features.named_at_cue, "named at the cue");
    flag(features.last_speaker, "the last speaker");
    flag(features.speech_subject && !features.last_speaker, "introduced as a speaker");
    flag(features.paragraph_speaker, "spoke in this paragraph");
    flag(features.goes_on_next, "goes on in the next sentence");
    flag(features.titled, "with a title or role");
    flag(features.agreement == Agreement::Agrees, "fits the pronoun");
    flag(features.agreement == Agreement::Clashes, "does not fit the pronoun");
    match features.paragraphs_back {
        0 => out.push("same paragraph".to_owned()),
        1 => out.push("1 paragraph back".to_owned()),
        n => out.push(format!("{n} paragraphs back")),
    }
    if features.mentions > 1 {
        out.push(format!("named {}×", features.mentions));
    }
    out.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_features_that_weigh_are_named() {
        let features = CandidateFeatures {
            speech_subject: true,
            paragraphs_back: 2,
            mentions: 3,
            agreement: Agreement::Agrees,
            ..CandidateFeatures::default()
        };
        assert_eq!(reasons(&features), "introduced as a speaker · fits the pronoun · 2 paragraphs back · named 3×");
        let named = CandidateFeatures { named_at_cue: true, same_paragraph: true, ..CandidateFeatures::default() };
        assert_eq!(reasons(&named), "named at the cue · same paragraph");
        let adds = CandidateFeatures { goes_on_next: true, paragraphs_back: 1, ..CandidateFeatures::default() };
        assert_eq!(reasons(&adds), "goes on in the next sentence · 1 paragraph back");
    }
}
