//! Speaker attribution learns from the annotator: every reviewed quotation whose
//! speaker the annotator kept or chose is a lesson for the speaker ranker. Where
//! the ranker (with the weights so far) would have put another candidate first,
//! the weights take one perceptron step towards the annotator's choice
//! ([`SpeakerWeights::learn_from_choice`]), so a project whose news attribute
//! speech in its own way (the last speaker more often than the nearest name, say)
//! gets suggestions that follow it. Documents are read in the order given and
//! quotations in reading order, so the same reviews give the same weights.

use crate::analysis::SpeakerWeights;
use crate::model::{Document, Quote, Status};
use crate::speaker_ranking::rank_document_speakers;

/// Passes over the reviewed quotations, at most: the perceptron stops early once
/// a pass makes no mistake.
const PASSES: usize = 2;

/// What the speaker corrections of `docs` taught, starting from `base`, and how
/// many quotations taught (had a reviewed speaker among the candidates).
pub fn learn_speaker_weights(docs: &[&Document], base: SpeakerWeights) -> (SpeakerWeights, usize) {
    let mut weights = base;
    let mut taught = 0;
    for pass in 0..PASSES {
        let mut mistakes = 0;
        for doc in docs {
            for quote in doc.quotes().iter().filter(|q| is_reviewed_with_speaker(q)) {
                match step(doc, quote, &mut weights) {
                    Step::NotACandidate => {}
                    Step::Agreed => taught += usize::from(pass == 0),
                    Step::Corrected => {
                        taught += usize::from(pass == 0);
                        mistakes += 1;
                    }
                }
            }
        }
        if mistakes == 0 {
            break;
        }
    }
    (weights, taught)
}

fn is_reviewed_with_speaker(quote: &Quote) -> bool {
    matches!(quote.status, Status::Accepted | Status::Manual) && quote.speaker.is_some()
}

enum Step {
    /// The annotator's speaker is no candidate of the ranker (outside its window,
    /// or a label it does not rank): nothing to learn.
    NotACandidate,
    Agreed,
    Corrected,
}

/// One lesson: the ranking with `weights`, and a step if it put another first.
fn step(doc: &Document, quote: &Quote, weights: &mut SpeakerWeights) -> Step {
    let ranked = rank_document_speakers(doc, quote, weights);
    let Some(truth) = quote.speaker.as_deref().and_then(|id| doc.entity(id)) else { return Step::NotACandidate };
    // The ranker offers one mention per name: the annotator's may be another
    // mention of the same name.
    let same_name = |id: &str| doc.entity(id).is_some_and(|e| e.id == truth.id || e.text == truth.text);
    let Some(chosen) = ranked.iter().find(|c| same_name(&c.entity)) else { return Step::NotACandidate };
    let Some(first) = ranked.first() else { return Step::NotACandidate };
    if same_name(&first.entity) {
        return Step::Agreed;
    }
    weights.learn_from_choice(&chosen.features, &first.features);
    Step::Corrected
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;

    /// Curly quotes, an emoji and CRLF: a report by Sari, then Dodi named, then a
    /// quote whose `-nya` cue the ranker gives to Sari — but in this project the
    /// annotator says such quotes go to the nearest name.
    const TEXT: &str = "Sari Wulan mengatakan jalan itu rusak.\r\nDodi Hartono 😀 tiba sore.\r\n\
        “Kami segera memperbaikinya,” ujarnya.\r\n";

    fn document(speaker: &str, status: Status) -> Document {
        let mut doc = Document::new(TEXT.to_owned(), None);
        let offset = |needle: &str| TEXT[..TEXT.find(needle).unwrap()].chars().count();
        for name in ["Sari Wulan", "Dodi Hartono"] {
            let start = offset(name);
            doc.apply(&doc.add_entity_edit(start, start + name.chars().count(), "PERSON").unwrap()).unwrap();
        }
        let quoted = "“Kami segera memperbaikinya,”";
        let start = offset(quoted);
        let id = doc.fresh_id("q");
        doc.apply(&doc.add_quote_edit(start, start + quoted.chars().count(), QuoteKind::Direct).unwrap()).unwrap();
        let who = doc.entities().iter().find(|e| e.text == speaker).unwrap().id.to_string();
        doc.apply(&doc.speaker_edit(&id, Some(&who)).unwrap()).unwrap();
        let quotes = doc.quotes().iter().map(|q| Quote { status, ..q.clone() }).collect();
        let entities = doc.entities().to_vec();
        doc.with_spans(entities, quotes)
    }

    fn leader(doc: &Document, weights: &SpeakerWeights) -> String {
        let quote = &doc.quotes()[0];
        let ranked = rank_document_speakers(doc, quote, weights);
        doc.entity(&ranked[0].entity).unwrap().text.to_string()
    }

    #[test]
    fn repeated_corrections_move_the_ranking_and_the_same_reviews_give_the_same_weights() {
        let base = SpeakerWeights::default();
        let corrected = document("Dodi Hartono", Status::Manual);
        assert_eq!(leader(&corrected, &base), "Sari Wulan", "the shipped ranking");
        let docs = vec![&corrected; 6];
        let (learned, taught) = learn_speaker_weights(&docs, base);
        assert_eq!(taught, 6);
        assert_ne!(learned, base);
        assert_eq!(leader(&corrected, &learned), "Dodi Hartono", "the project's convention won");
        assert_eq!(learn_speaker_weights(&docs, base).0, learned, "reproducible");
    }

    #[test]
    fn agreement_and_unreviewed_quotes_teach_nothing() {
        let base = SpeakerWeights::default();
        let kept = document("Sari Wulan", Status::Accepted);
        assert_eq!(learn_speaker_weights(&[&kept], base), (base, 1));
        let unreviewed = document("Dodi Hartono", Status::Suggested);
        assert_eq!(learn_speaker_weights(&[&unreviewed], base), (base, 0));
    }
}
