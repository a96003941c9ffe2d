//! The annotation records: entities, quotations and their review status.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// Where an annotation stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Proposed by the analysis, not yet reviewed.
    Suggested,
    /// A suggestion the annotator confirmed (possibly after correcting it).
    Accepted,
    /// A suggestion the annotator refused; kept as a negative example.
    Rejected,
    /// Created by the annotator.
    Manual,
}

impl Status {
    /// Reviewed spans are the ones a dataset is made of.
    pub fn is_reviewed(self) -> bool {
        matches!(self, Status::Accepted | Status::Manual)
    }
}

/// A named-entity span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: CompactString,
    pub start: usize,
    pub end: usize,
    pub label: CompactString,
    /// The covered text, `text[start..end]` in code points.
    pub text: CompactString,
    pub status: Status,
    /// Who proposed it: an analysis source such as `rules:gazetteer`, or `annotator`.
    pub source: CompactString,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Who last changed it in review (the project's annotator name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
    /// When it was last changed in review, RFC 3339 UTC (`2024-05-01T09:30:00Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words reproduced inside quotation marks.
    Direct,
    /// Reported speech: `Putin mengatakan …`, `Menurut Putin, …`.
    Indirect,
}

/// The speech verb that attributes a quotation (`kata`, `ujarnya`, `said`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub text: CompactString,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: CompactString,
    pub start: usize,
    pub end: usize,
    pub text: CompactString,
    pub kind: QuoteKind,
    /// The `id` of the speaker's entity.
    pub speaker: Option<CompactString>,
    pub cue: Option<Cue>,
    pub status: Status,
    pub source: CompactString,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Who last changed it in review (the project's annotator name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
    /// When it was last changed in review, RFC 3339 UTC (`2024-05-01T09:30:00Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<String>,
}

/// A span whose text no longer occurs in its edited article: kept with its old
/// offsets so that no work is lost, and shown to the annotator as flagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Detached {
    Entity(Entity),
    Quote(Quote),
}

/// A reference to one annotation of a document, by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SpanRef {
    Entity(CompactString),
    Quote(CompactString),
}

impl SpanRef {
    pub fn id(&self) -> &str {
        match self {
            SpanRef::Entity(id) | SpanRef::Quote(id) => id,
        }
    }
}
