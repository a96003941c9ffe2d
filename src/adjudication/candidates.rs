//! The distinct annotations of several versions of one document, each with
//! the versions that have it.
//!
//! An entity is its offsets and label. A quotation is its offsets, kind,
//! speaker mention (offsets: entity ids differ from one annotator's file to
//! another's) and cue, so two annotators who differ only on who said a quote
//! hold two candidates, and the difference is a disagreement to settle.

use std::collections::BTreeMap;

use crate::agreement::SpanFilter;
use crate::model::{Cue, Document, Entity, Quote, QuoteKind};

/// What makes two annotations the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CandidateKey {
    Entity { start: usize, end: usize, label: String },
    Quote { start: usize, end: usize, direct: bool, speaker: Option<(usize, usize)>, cue: Option<(usize, usize)> },
}

impl CandidateKey {
    pub fn range(&self) -> (usize, usize) {
        match self {
            CandidateKey::Entity { start, end, .. } | CandidateKey::Quote { start, end, .. } => (*start, *end),
        }
    }

    pub fn is_quote(&self) -> bool {
        matches!(self, CandidateKey::Quote { .. })
    }
}

/// The record a candidate stands for, as its first holder saved it.
#[derive(Debug, Clone, PartialEq)]
pub enum CandidateSpan {
    Entity(Entity),
    /// A quotation with the entity its speaker link points to (boxed: a
    /// quote record is much larger than an entity's).
    Quote {
        quote: Box<Quote>,
        speaker: Option<Entity>,
    },
}

/// One distinct annotation and the versions (indices) that have it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub key: CandidateKey,
    pub holders: Vec<usize>,
    pub span: CandidateSpan,
}

/// The candidates of `versions` (all on one text), sorted by key.
pub fn candidates(versions: &[&Document], filter: SpanFilter) -> Vec<Candidate> {
    let mut found: BTreeMap<CandidateKey, Candidate> = BTreeMap::new();
    for (holder, doc) in versions.iter().enumerate() {
        for entity in doc.entities().iter().filter(|e| filter.counts(e.status)) {
            let key = CandidateKey::Entity { start: entity.start, end: entity.end, label: entity.label.to_string() };
            hold(&mut found, key, holder, || CandidateSpan::Entity(entity.clone()));
        }
        for quote in doc.quotes().iter().filter(|q| filter.counts(q.status)) {
            let speaker = quote.speaker.as_deref().and_then(|id| doc.entity(id));
            let key = CandidateKey::Quote {
                start: quote.start,
                end: quote.end,
                direct: quote.kind == QuoteKind::Direct,
                speaker: speaker.map(|e| (e.start, e.end)),
                cue: quote.cue.as_ref().map(|c: &Cue| (c.start, c.end)),
            };
            hold(&mut found, key, holder, || CandidateSpan::Quote {
                quote: Box::new(quote.clone()),
                speaker: speaker.cloned(),
            });
        }
    }
    found.into_values().collect()
}

fn hold(
    found: &mut BTreeMap<CandidateKey, Candidate>,
    key: CandidateKey,
    holder: usize,
    span: impl FnOnce() -> CandidateSpan,
) {
    let candidate = found.entry(key.clone()).or_insert_with(|| Candidate { key, holders: Vec::new(), span: span() });
    if candidate.holders.last() != Some(&holder) {
        candidate.holders.push(holder);
    }
}
