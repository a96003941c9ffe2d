//! Merge strategies to start curation from, and the gold document built from
//! what is agreed and settled.
//!
//! The gold document holds every agreed candidate and the candidates each
//! settled disagreement keeps; unsettled disagreements add nothing (the
//! caller can ask [`Adjudication::unsettled`] before saving). A kept quotation
//! brings its speaker mention along when no kept entity has those offsets, so
//! taking A's quote takes A's answer to who said it.

use std::collections::HashMap;

use super::candidates::CandidateSpan;
use super::disagreements::{Adjudication, AdjudicationError, Resolution};
use crate::model::{Document, Entity, Quote, Status};

/// Where curation starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeStrategy {
    /// Only what every annotator has; every disagreement left to settle.
    AllAgreed,
    /// In each disagreement, the candidates more than half of the annotators
    /// have; a disagreement where no candidate has a majority is left to settle.
    MajorityVote,
    /// One annotator's version of every disagreement (index into the annotators).
    Layer(usize),
}

impl Adjudication {
    /// Settles every disagreement as `strategy` says, replacing earlier settlements.
    pub fn start_from(&mut self, strategy: MergeStrategy) -> Result<(), AdjudicationError> {
        let annotators = self.annotators.len();
        if let MergeStrategy::Layer(a) = strategy {
            if a >= annotators {
                return Err(AdjudicationError::NoSuchAnnotator(a));
            }
        }
        for d in &mut self.disagreements {
            d.resolution = match strategy {
                MergeStrategy::AllAgreed => None,
                MergeStrategy::Layer(a) => Some(Resolution::Take(a)),
                MergeStrategy::MajorityVote => {
                    let majority: Vec<usize> = d
                        .candidates
                        .iter()
                        .copied()
                        .filter(|&c| 2 * self.candidates[c].holders.len() > annotators)
                        .collect();
                    let nobody_wants_any = d.versions.iter().filter(|v| v.is_empty()).count() * 2 > annotators;
                    match (majority.is_empty(), nobody_wants_any) {
                        (false, _) => Some(Resolution::Keep(majority)),
                        (true, true) => Some(Resolution::Neither),
                        (true, false) => None,
                    }
                }
            };
        }
        Ok(())
    }

    /// The candidates the gold document holds, in candidate order.
    pub fn kept(&self) -> Vec<usize> {
        let mut kept: Vec<usize> = self.agreed.clone();
        kept.extend(self.disagreements.iter().flat_map(|d| d.kept().iter().copied()));
        kept.sort_unstable();
        kept.dedup();
        kept
    }

    /// The gold document: agreed and kept candidates with fresh ids, all
    /// accepted (hand-made ones stay manual); title and labels from the first
    /// version, `source` as given.
    pub fn gold(&self, source: Option<std::path::PathBuf>) -> Result<Document, AdjudicationError> {
        let mut gold = Document::new(self.text.clone(), source);
        if let Some(first) = self.versions.first() {
            gold.title = first.title.clone();
            gold.labels = first.labels.clone();
        }
        let kept = self.kept();
        let spans = || kept.iter().map(|&c| &self.candidates[c].span);
        // Entities first, then each kept quotation's speaker that no kept
        // entity covers; numbered in reading order, so the same gold gets the
        // same ids however it was reached (a file saved again does not churn).
        let mut entities: Vec<Entity> = spans()
            .filter_map(|span| match span {
                CandidateSpan::Entity(entity) => Some(gold_entity(entity)),
                CandidateSpan::Quote { .. } => None,
            })
            .collect();
        for span in spans() {
            if let CandidateSpan::Quote { speaker: Some(speaker), .. } = span {
                if !entities.iter().any(|e| (e.start, e.end) == (speaker.start, speaker.end)) {
                    entities.push(gold_entity(speaker));
                }
            }
        }
        entities.sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
        let mut entity_ids: HashMap<(usize, usize), String> = HashMap::new();
        for (n, entity) in entities.iter_mut().enumerate() {
            entity.id = format!("e{}", n + 1).into();
            entity_ids.entry((entity.start, entity.end)).or_insert_with(|| entity.id.to_string());
        }
        let mut quotes = Vec::new();
        for span in spans() {
            let CandidateSpan::Quote { quote, speaker } = span else { continue };
            let speaker_id = speaker.as_ref().and_then(|entity| entity_ids.get(&(entity.start, entity.end)));
            quotes.push(Quote {
                id: format!("q{}", quotes.len() + 1).into(),
                speaker: speaker_id.map(|id| id.as_str().into()),
                status: reviewed(quote.status),
                ..(**quote).clone()
            });
        }
        for version in &self.versions {
            version.labels.iter().for_each(|l| gold.labels.ensure(&l.name));
        }
        Ok(gold.with_spans(entities, quotes).validated()?)
    }
}

fn gold_entity(entity: &Entity) -> Entity {
    Entity { status: reviewed(entity.status), ..entity.clone() }
}

fn reviewed(status: Status) -> Status {
    if status == Status::Manual {
        Status::Manual
    } else {
        Status::Accepted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adjudication::test_fixtures;
    use crate::agreement::SpanFilter;

    const TEXT: &str = "“Kami 😀 siap,” kata Ana.\r\nBudi tiba di Bandung.";

    /// A version with Ana and Budi, Bandung as `city`, and the quote said by `speaker`.
    fn version(city: Option<&str>, speaker: &str) -> Document {
        let entities = [("Ana", Some("PERSON")), ("Budi", Some("PERSON")), ("Bandung", city)];
        test_fixtures::version(TEXT, &entities, "“Kami 😀 siap,”", speaker)
    }

    fn two() -> Adjudication {
        let versions =
            vec![("ana".to_owned(), version(Some("LOC"), "Ana")), ("budi".to_owned(), version(Some("ORG"), "Budi"))];
        Adjudication::new(versions, SpanFilter::default()).unwrap()
    }

    fn speaker_of(gold: &Document) -> Option<&str> {
        let id = gold.quotes()[0].speaker.as_deref()?;
        gold.entity(id).map(|e| e.text.as_str())
    }

    #[test]
    fn one_agreed_pair_one_conflict_and_a_quote_whose_speakers_differ() {
        let mut adjudication = two();
        assert_eq!(adjudication.agreed.len(), 2, "Ana and Budi");
        assert_eq!(adjudication.disagreements.len(), 2);
        let (quote, city) = (0, 1);
        assert!(adjudication.disagreements[quote].quotes && adjudication.disagreements[quote].range == (0, 14));
        assert_eq!(adjudication.disagreements[city].range, (39, 46));
        assert_eq!(adjudication.holders(adjudication.disagreements[city].versions[1][0]), ["budi"]);
        assert_eq!(adjudication.next_unsettled(None), Some(0));
        // Take budi's quote (said by Budi), neither label for the city.
        adjudication.settle(quote, Some(Resolution::Take(1))).unwrap();
        assert_eq!(adjudication.next_unsettled(Some(0)), Some(1));
        adjudication.settle(city, Some(Resolution::Neither)).unwrap();
        assert_eq!(adjudication.unsettled(), 0);
        let gold = adjudication.gold(Some("news/a.txt".into())).unwrap();
        assert_eq!(gold.entities().iter().map(|e| e.text.as_str()).collect::<Vec<_>>(), ["Ana", "Budi"]);
        assert_eq!(speaker_of(&gold), Some("Budi"));
        assert_eq!(gold.slice(gold.quotes()[0].start, gold.quotes()[0].end), Some("“Kami 😀 siap,”"));
        assert!(gold.entities().iter().all(|e| e.status == Status::Manual), "hand-made spans stay manual");
    }

    #[test]
    fn taking_one_layer_reproduces_it() {
        let mut adjudication = two();
        adjudication.start_from(MergeStrategy::Layer(0)).unwrap();
        let gold = adjudication.gold(None).unwrap();
        let labels: Vec<(&str, &str)> = gold.entities().iter().map(|e| (e.text.as_str(), e.label.as_str())).collect();
        assert_eq!(labels, [("Ana", "PERSON"), ("Budi", "PERSON"), ("Bandung", "LOC")]);
        assert_eq!(speaker_of(&gold), Some("Ana"));
        assert_eq!(adjudication.start_from(MergeStrategy::Layer(2)), Err(AdjudicationError::NoSuchAnnotator(2)));
    }

    #[test]
    fn all_agreed_leaves_every_disagreement_open() {
        let mut adjudication = two();
        adjudication.start_from(MergeStrategy::AllAgreed).unwrap();
        assert_eq!(adjudication.unsettled(), 2);
        let gold = adjudication.gold(None).unwrap();
        assert_eq!(gold.entities().len(), 2);
        assert!(gold.quotes().is_empty());
    }

    #[test]
    fn majority_vote_of_three() {
        let versions = vec![
            ("ana".to_owned(), version(Some("LOC"), "Ana")),
            ("budi".to_owned(), version(Some("ORG"), "Budi")),
            ("cici".to_owned(), version(Some("LOC"), "Ana")),
        ];
        let mut adjudication = Adjudication::new(versions, SpanFilter::default()).unwrap();
        adjudication.start_from(MergeStrategy::MajorityVote).unwrap();
        assert_eq!(adjudication.unsettled(), 0);
        let gold = adjudication.gold(None).unwrap();
        assert!(gold.entities().iter().any(|e| e.text == "Bandung" && e.label == "LOC"));
        assert_eq!(speaker_of(&gold), Some("Ana"));
        // Two of three left the city unlabelled: neither.
        let versions = vec![
            ("ana".to_owned(), version(Some("LOC"), "Ana")),
            ("budi".to_owned(), version(None, "Ana")),
            ("cici".to_owned(), version(None, "Ana")),
        ];
        let mut adjudication = Adjudication::new(versions, SpanFilter::default()).unwrap();
        adjudication.start_from(MergeStrategy::MajorityVote).unwrap();
        assert_eq!(adjudication.disagreements[0].resolution, Some(Resolution::Neither));
    }

    #[test]
    fn bad_settlements_and_versions_are_refused() {
        let mut adjudication = two();
        assert_eq!(adjudication.settle(9, None), Err(AdjudicationError::NoSuchDisagreement(9)));
        assert_eq!(adjudication.settle(0, Some(Resolution::Take(5))), Err(AdjudicationError::NoSuchAnnotator(5)));
        let foreign = adjudication.disagreements[1].candidates[0];
        assert_eq!(
            adjudication.settle(0, Some(Resolution::Keep(vec![foreign]))),
            Err(AdjudicationError::NotInDisagreement(foreign))
        );
        let other = Document::new("Lain.".into(), None);
        let refused =
            Adjudication::new(vec![("a".into(), version(None, "Ana")), ("b".into(), other)], SpanFilter::default());
        assert_eq!(refused.unwrap_err(), AdjudicationError::DifferentText { annotator: "b".into() });
    }
}
