//! Curation picked up where a saved gold document left it.
//!
//! The gold file holds only what was kept, so resuming asks of each
//! disagreement which of its candidates the gold holds: those are kept again.
//! A disagreement none of whose candidates is in the gold stays unsettled —
//! the gold cannot tell "neither" from "not settled yet", and leaving it open
//! keeps the next save identical to the last one until the adjudicator acts.

use std::collections::HashSet;

use super::candidates::{candidates, CandidateKey};
use super::disagreements::{Adjudication, Resolution};
use crate::agreement::SpanFilter;
use crate::model::Document;

/// What resuming from a gold document found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Resumed {
    /// Disagreements settled as the gold had them.
    pub settled: usize,
    /// Spans of the gold that are no candidate of this curation (the article
    /// or a layer changed since), so a new save would drop them.
    pub not_placed: usize,
}

impl Adjudication {
    /// Settles the disagreements as `gold` (a saved gold version of this
    /// document) has them, replacing earlier settlements.
    pub fn resume_from(&mut self, gold: &Document) -> Resumed {
        let in_gold: HashSet<CandidateKey> =
            candidates(&[gold], SpanFilter::default()).into_iter().map(|c| c.key).collect();
        let mut resumed = Resumed::default();
        for d in &mut self.disagreements {
            let kept: Vec<usize> =
                d.candidates.iter().copied().filter(|&c| in_gold.contains(&self.candidates[c].key)).collect();
            d.resolution = settled_as(&d.versions, kept);
            resumed.settled += usize::from(d.resolution.is_some());
        }
        let here: HashSet<&CandidateKey> = self.candidates.iter().map(|c| &c.key).collect();
        resumed.not_placed = in_gold.iter().filter(|key| !here.contains(key)).count();
        resumed
    }
}

/// What keeping `kept` amounts to: one annotator's whole version reads as
/// taking it (so the list says whose version the gold holds), anything else
/// as the picked candidates; nothing kept stays unsettled.
fn settled_as(versions: &[Vec<usize>], kept: Vec<usize>) -> Option<Resolution> {
    if kept.is_empty() {
        return None;
    }
    let whole_version = versions.iter().position(|version| {
        let mut version = version.clone();
        version.sort_unstable();
        version == kept
    });
    Some(whole_version.map_or(Resolution::Keep(kept), Resolution::Take))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adjudication::test_fixtures;

    const TEXT: &str = "“Kami 😀 siap,” ujar Sari.\r\nDodi datang ke Medan.";

    /// Sari and Dodi as people, Medan as `city` (or nothing), the quote said by `speaker`.
    fn version(city: Option<&str>, speaker: &str) -> Document {
        let entities = [("Sari", Some("PERSON")), ("Dodi", Some("PERSON")), ("Medan", city)];
        test_fixtures::version(TEXT, &entities, "“Kami 😀 siap,”", speaker)
    }

    fn adjudication() -> Adjudication {
        let versions =
            vec![("sari".to_owned(), version(Some("LOC"), "Sari")), ("dodi".to_owned(), version(Some("ORG"), "Dodi"))];
        Adjudication::new(versions, SpanFilter::default()).unwrap()
    }

    #[test]
    fn a_saved_gold_settles_the_disagreements_it_decided_and_saves_the_same_again() {
        let mut first = adjudication();
        let (quote, city) = (0, 1);
        first.settle(quote, Some(Resolution::Take(1))).unwrap();
        first.settle(city, Some(Resolution::Take(0))).unwrap();
        let gold = first.gold(Some("a.txt".into())).unwrap();

        let mut again = adjudication();
        let resumed = again.resume_from(&gold);
        assert_eq!(resumed, Resumed { settled: 2, not_placed: 0 });
        assert_eq!(again.unsettled(), 0);
        assert_eq!(again.disagreements[quote].resolution, Some(Resolution::Take(1)), "whose version it is shows");
        assert_eq!(again.disagreements[city].resolution, Some(Resolution::Take(0)));
        assert_eq!(again.gold(Some("a.txt".into())).unwrap(), gold);
    }

    #[test]
    fn a_disagreement_the_gold_left_out_stays_open_and_foreign_spans_are_counted() {
        let mut first = adjudication();
        first.settle(0, Some(Resolution::Take(0))).unwrap();
        let mut gold = first.gold(None).unwrap();
        let (s, e) = test_fixtures::span(TEXT, "Kami");
        gold.apply(&gold.add_entity_edit(s, e, "ORG").unwrap()).unwrap();

        let mut again = adjudication();
        let resumed = again.resume_from(&gold);
        assert_eq!(resumed, Resumed { settled: 1, not_placed: 1 });
        assert_eq!(again.next_unsettled(None), Some(1), "the city was never settled");
    }
}
