//! Quotations learn too, where it is cheap and safe:
//! - a speech verb the annotator marked as the cue of a reviewed quotation, which
//!   the word lists lack, becomes a cue of the project (after or before the quote,
//!   where the annotator put it);
//! - a pattern the annotator keeps rejecting — the same cue word, quote kind and
//!   side of the quote — is suggested with lower confidence, in proportion to how
//!   often it was rejected rather than kept.
//!
//! - the speaker ranker's weights follow the annotator's speaker choices
//!   ([`speaker_lessons`](super::speaker_lessons)).

use std::collections::{BTreeMap, BTreeSet};

use super::speaker_lessons::{learn_speaker_weights_cached, ExampleCache};
use crate::analysis::lexicon::Lexicon;
use crate::analysis::quote_confidence::Pattern;
use crate::analysis::{Analyzer, QuoteConfidence, SpeakerWeights};
use crate::model::{Document, Quote, Status};

/// Rejections of a pattern before its confidence is lowered: one may be a slip.
const MIN_REJECTIONS: usize = 2;

/// What a project's reviewed quotations teach.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteLessons {
    /// New cues after a quote (`,” seloroh Budi`), lower case, sorted.
    pub cues_after: BTreeSet<String>,
    /// New cues before a quote (`Budi menyindir, “…”`).
    pub cues_before: BTreeSet<String>,
    /// Confidence factor (0..1) of patterns rejected more often than kept.
    pub factors: BTreeMap<Pattern, f32>,
    /// The speaker ranker's weights after the annotator's speaker choices, where
    /// they differ from the shipped ones ([`speaker_lessons`](super::speaker_lessons)).
    pub speaker_weights: Option<SpeakerWeights>,
}

impl QuoteLessons {
    /// Learns from the quotations of `docs`; `lex` says which cues are known.
    pub fn learn(docs: &[&Document], lex: &Lexicon) -> QuoteLessons {
        QuoteLessons::learn_cached(docs, lex, &mut ExampleCache::default())
    }

    /// [`QuoteLessons::learn`], keeping the speaker lessons of unchanged
    /// documents in `cache` between calls (the app's learning worker).
    pub fn learn_cached(docs: &[&Document], lex: &Lexicon, cache: &mut ExampleCache) -> QuoteLessons {
        let mut lessons = QuoteLessons::default();
        let mut counts: BTreeMap<Pattern, (usize, usize)> = BTreeMap::new();
        for doc in docs {
            for q in doc.quotes() {
                let Some((word, after)) = cue_of(q) else { continue };
                let counted =
                    counts.entry((word.clone(), q.kind == crate::model::QuoteKind::Direct, after)).or_default();
                match q.status {
                    Status::Rejected => counted.1 += 1,
                    Status::Accepted | Status::Manual => {
                        counted.0 += 1;
                        let known = lex.is_cue_after(&word) || lex.cues_before.contains(&word);
                        let single = !word.is_empty() && word.chars().all(char::is_alphabetic);
                        match (known || !single, after) {
                            (true, _) => {}
                            (false, true) => _ = lessons.cues_after.insert(word),
                            (false, false) => _ = lessons.cues_before.insert(word),
                        }
                    }
                    Status::Suggested => {}
                }
            }
        }
        for (pattern, (kept, rejected)) in counts {
            if rejected >= MIN_REJECTIONS && rejected > kept {
                lessons.factors.insert(pattern, (kept + 1) as f32 / (kept + rejected + 2) as f32);
            }
        }
        let shipped = SpeakerWeights::default();
        // Speakers are read with the project's cues, as the analysis then suggests.
        cache.read_with_cues(&lessons.cues_after, &lessons.cues_before);
        let (learned, _) = learn_speaker_weights_cached(docs, shipped, cache);
        lessons.speaker_weights = (learned != shipped).then_some(learned);
        lessons
    }

    pub fn is_empty(&self) -> bool {
        self.cues_after.is_empty()
            && self.cues_before.is_empty()
            && self.factors.is_empty()
            && self.speaker_weights.is_none()
    }

    /// `analyzer` with the project's cues added and the rejected patterns made
    /// less sure.
    pub fn extend(&self, analyzer: Analyzer) -> Analyzer {
        let analyzer = analyzer
            .with_quote_confidence(QuoteConfidence::new(self.factors.clone()))
            .with_speaker_weights(self.speaker_weights.unwrap_or_default());
        if self.cues_after.is_empty() && self.cues_before.is_empty() {
            return analyzer;
        }
        let after: Vec<String> = self.cues_after.iter().cloned().collect();
        let before: Vec<String> = self.cues_before.iter().cloned().collect();
        analyzer.with_extra_cues(&after, &before)
    }
}

/// The cue word of a quotation (lower case) and whether it follows the quote.
fn cue_of(q: &Quote) -> Option<(String, bool)> {
    let cue = q.cue.as_ref()?;
    Some((cue.text.trim().to_lowercase(), cue.start >= q.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::suggest_document;
    use crate::learn::test_fixtures::{self as fixtures, span_of};
    use crate::model::{Cue, Entity};

    /// A short direct quote whose speech verb the word lists lack, with an emoji
    /// and CRLF.
    const TEXT: &str = "“Itu urusan nanti 😀,” seloroh Budi Santoso.\r\nIa lalu pulang.";

    fn quote(text: &str, quoted: &str, cue: &str, status: Status) -> Quote {
        let (start, end) = span_of(text, cue);
        Quote {
            cue: Some(Cue { start, end, text: cue.into() }),
            source: "annotator".into(),
            ..fixtures::quote("q1", text, quoted, status)
        }
    }

    #[test]
    fn a_marked_cue_the_lexicon_lacks_becomes_a_project_cue() {
        let analyzer = Analyzer::new();
        assert!(analyzer.analyze(TEXT).quotes.is_empty(), "the shipped lists do not know the cue");
        let reviewed = fixtures::document(
            TEXT,
            Vec::new(),
            vec![quote(TEXT, "“Itu urusan nanti 😀,”", "seloroh", Status::Manual)],
        );
        let lessons = QuoteLessons::learn(&[&reviewed], analyzer.lexicon());
        assert_eq!(lessons.cues_after.iter().collect::<Vec<_>>(), ["seloroh"]);
        let taught = lessons.extend(analyzer);
        let quotes = taught.analyze(TEXT).quotes;
        assert_eq!(quotes.len(), 1, "{quotes:?}");
        assert_eq!(quotes[0].cue, Some(span_of(TEXT, "seloroh")));
        assert_eq!((quotes[0].start, quotes[0].end), span_of(TEXT, "“Itu urusan nanti 😀,”"));
    }

    #[test]
    fn a_pattern_rejected_again_and_again_is_suggested_less_surely() {
        let analyzer = Analyzer::new();
        let text = "“Kami siap membantu warga 😀,” kata Budi Santoso.\r\nIa lalu pulang.";
        let suggested = suggest_document(text.to_owned(), None, &analyzer);
        assert_eq!(suggested.quotes().len(), 1);
        let rejected = |d: &Document| {
            let quotes = d.quotes().iter().map(|q| Quote { status: Status::Rejected, ..q.clone() }).collect();
            d.clone().with_spans(d.entities().to_vec(), quotes)
        };
        let (a, b) = (rejected(&suggested), rejected(&suggested));
        let once = QuoteLessons::learn(&[&a], analyzer.lexicon());
        assert!(once.factors.is_empty(), "one rejection may be a slip");
        let lessons = QuoteLessons::learn(&[&a, &b], analyzer.lexicon());
        let before = analyzer.analyze(text).quotes[0].confidence;
        let taught = lessons.extend(Analyzer::new());
        let after = taught.analyze(text).quotes[0].confidence;
        assert!(after < before * 0.5, "{after} vs {before}");
        let other = "“Kami siap membantu warga,” ujar Budi Santoso.";
        let kept = analyzer.analyze(other).quotes.first().map(|q| q.confidence);
        assert_eq!(taught.analyze(other).quotes.first().map(|q| q.confidence), kept, "another cue is left alone");
    }

    #[test]
    fn speaker_choices_change_who_the_project_suggests_as_speaker() {
        // A `-nya` quote after a report by Sari and a mention of Dodi; the
        // annotator of this project gives such quotes to the nearest name.
        let text = "Sari Wulan mengatakan jalan itu rusak.\r\nDodi Hartono 😀 tiba sore.\r\n“Kami segera memperbaikinya,” ujarnya.\r\n";
        let analyzer = Analyzer::new();
        let suggested = suggest_document(text.to_owned(), None, &analyzer);
        let speaker_of = |d: &Document| {
            let id = d.quotes().last().and_then(|q| q.speaker.clone());
            id.and_then(|id| d.entity(&id)).map(|e| e.text.to_string())
        };
        assert_eq!(speaker_of(&suggested).as_deref(), Some("Sari Wulan"), "the shipped ranking");
        let dodi = suggested.entities().iter().find(|e| e.text == "Dodi Hartono").map(|e| e.id.clone());
        let corrected = {
            let quotes = suggested
                .quotes()
                .iter()
                .map(|q| match q.cue.as_ref().is_some_and(|c| c.text == "ujarnya") {
                    true => Quote { status: Status::Accepted, speaker: dodi.clone(), ..q.clone() },
                    false => Quote { status: Status::Accepted, ..q.clone() },
                })
                .collect();
            let entities =
                suggested.entities().iter().map(|e| Entity { status: Status::Accepted, ..e.clone() }).collect();
            suggested.clone().with_spans(entities, quotes)
        };
        let lessons = QuoteLessons::learn(&[&corrected; 6], analyzer.lexicon());
        assert!(lessons.speaker_weights.is_some(), "the choices taught the ranker");
        let taught = lessons.extend(Analyzer::new());
        let again = suggest_document(text.to_owned(), None, &taught);
        assert_eq!(speaker_of(&again).as_deref(), Some("Dodi Hartono"));
    }
}
