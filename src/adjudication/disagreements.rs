//! Where the annotators differ, and how each difference was settled.
//!
//! A candidate every annotator has is agreed. The others are grouped where
//! they overlap (entities with entities, quotations with quotations): one
//! group is one disagreement, shown with each annotator's version of that
//! stretch (possibly nothing) and settled with one key: take A's, take B's,
//! neither, or a chosen set of candidates (what an edit leaves).

use super::candidates::{candidates, Candidate};
use crate::agreement::SpanFilter;
use crate::model::{Document, DocumentError};

/// How one disagreement was settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// That annotator's version (index into [`Adjudication::annotators`]).
    Take(usize),
    /// None of the versions: the stretch has no annotation in the gold layer.
    Neither,
    /// These candidates (indices into [`Adjudication::candidates`]).
    Keep(Vec<usize>),
}

/// One stretch of text where the annotators differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The code points it covers (the union of its candidates), to scroll to.
    pub range: (usize, usize),
    /// True for quotations, false for entities.
    pub quotes: bool,
    /// Its candidates (indices into [`Adjudication::candidates`]).
    pub candidates: Vec<usize>,
    /// Per annotator, the candidates of this stretch they have (maybe none).
    pub versions: Vec<Vec<usize>>,
    /// `None` until settled.
    pub resolution: Option<Resolution>,
}

impl Disagreement {
    /// The candidates the resolution keeps (none while unsettled).
    pub fn kept(&self) -> &[usize] {
        match &self.resolution {
            Some(Resolution::Take(annotator)) => self.versions.get(*annotator).map_or(&[], Vec::as_slice),
            Some(Resolution::Keep(chosen)) => chosen,
            Some(Resolution::Neither) | None => &[],
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AdjudicationError {
    #[error("adjudication needs at least two versions, got {0}")]
    TooFewVersions(usize),
    #[error("{annotator}'s version is of another text; align the layers first (agreement::Corpus::align)")]
    DifferentText { annotator: String },
    #[error("there is no disagreement {0}")]
    NoSuchDisagreement(usize),
    #[error("there is no annotator {0}")]
    NoSuchAnnotator(usize),
    #[error("candidate {0} is not part of this disagreement")]
    NotInDisagreement(usize),
    #[error("the gold document is not valid: {0}")]
    Gold(#[from] DocumentError),
}

/// The curation of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjudication {
    pub text: String,
    pub annotators: Vec<String>,
    pub candidates: Vec<Candidate>,
    /// Candidates every annotator has.
    pub agreed: Vec<usize>,
    /// In reading order.
    pub disagreements: Vec<Disagreement>,
    /// The versions, kept for the gold document's title and labels.
    pub(super) versions: Vec<Document>,
}

impl Adjudication {
    /// Compares `versions` (annotator name, document), all on the same text,
    /// counting the spans `filter` counts. Nothing is settled yet.
    pub fn new(versions: Vec<(String, Document)>, filter: SpanFilter) -> Result<Self, AdjudicationError> {
        let Some((_, first)) = versions.first() else { return Err(AdjudicationError::TooFewVersions(0)) };
        if versions.len() < 2 {
            return Err(AdjudicationError::TooFewVersions(versions.len()));
        }
        if let Some((annotator, _)) = versions.iter().find(|(_, d)| d.text != first.text) {
            return Err(AdjudicationError::DifferentText { annotator: annotator.clone() });
        }
        let text = first.text.to_string();
        let (annotators, documents): (Vec<String>, Vec<Document>) = versions.into_iter().unzip();
        let all: Vec<&Document> = documents.iter().collect();
        let candidates = candidates(&all, filter);
        let everyone = annotators.len();
        let agreed = (0..candidates.len()).filter(|&i| candidates[i].holders.len() == everyone).collect();
        let disagreements = group(&candidates, everyone);
        Ok(Self { text, annotators, candidates, agreed, disagreements, versions: documents })
    }

    /// Settles disagreement `index` (or unsettles it with `None`).
    pub fn settle(&mut self, index: usize, resolution: Option<Resolution>) -> Result<(), AdjudicationError> {
        let annotators = self.annotators.len();
        let disagreement = self.disagreements.get_mut(index).ok_or(AdjudicationError::NoSuchDisagreement(index))?;
        match &resolution {
            Some(Resolution::Take(a)) if *a >= annotators => return Err(AdjudicationError::NoSuchAnnotator(*a)),
            Some(Resolution::Keep(chosen)) => {
                if let Some(&c) = chosen.iter().find(|c| !disagreement.candidates.contains(c)) {
                    return Err(AdjudicationError::NotInDisagreement(c));
                }
            }
            _ => {}
        }
        disagreement.resolution = resolution;
        Ok(())
    }

    /// How many disagreements are still to settle.
    pub fn unsettled(&self) -> usize {
        self.disagreements.iter().filter(|d| d.resolution.is_none()).count()
    }

    /// The next unsettled disagreement after `after` (from the start with
    /// `None`), wrapping around; `None` when all are settled.
    pub fn next_unsettled(&self, after: Option<usize>) -> Option<usize> {
        let n = self.disagreements.len();
        let start = after.map_or(0, |i| i + 1);
        (0..n).map(|k| (start + k) % n).find(|&i| self.disagreements[i].resolution.is_none())
    }

    /// Which annotators have candidate `index`, by name (for "who has it" marks).
    pub fn holders(&self, index: usize) -> Vec<&str> {
        self.candidates
            .get(index)
            .map(|c| c.holders.iter().filter_map(|&h| self.annotators.get(h).map(String::as_str)).collect())
            .unwrap_or_default()
    }
}

/// Candidates not everyone has, grouped where they overlap, in reading order.
fn group(candidates: &[Candidate], everyone: usize) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for quotes in [false, true] {
        let mut open: Option<Disagreement> = None;
        let disputed = (0..candidates.len())
            .filter(|&i| candidates[i].key.is_quote() == quotes && candidates[i].holders.len() < everyone);
        let mut disputed: Vec<usize> = disputed.collect();
        disputed.sort_by_key(|&i| candidates[i].key.range());
        for i in disputed {
            let (start, end) = candidates[i].key.range();
            match &mut open {
                Some(d) if start < d.range.1 => {
                    d.range.1 = d.range.1.max(end);
                    d.candidates.push(i);
                }
                _ => {
                    out.extend(open.take());
                    open = Some(Disagreement {
                        range: (start, end),
                        quotes,
                        candidates: vec![i],
                        versions: vec![Vec::new(); everyone],
                        resolution: None,
                    });
                }
            }
        }
        out.extend(open);
    }
    for d in &mut out {
        for &c in &d.candidates {
            for &h in &candidates[c].holders {
                d.versions[h].push(c);
            }
        }
    }
    out.sort_by_key(|d| (d.range, d.quotes));
    out
}
