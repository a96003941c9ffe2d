//! Adjudication: the annotators' versions of one document merged into a gold
//! one. Pure functions on [`Document`](crate::model::Document)s, no egui: the
//! curation view sits on top of [`Adjudication`].
//!
//! - [`candidates`]: every distinct entity and quotation (with its kind,
//!   speaker and cue) of any version, with who has it;
//! - [`disagreements`]: candidates not every annotator has, grouped where they
//!   overlap; each is settled by taking one annotator's version, neither, or a
//!   chosen set of candidates;
//! - [`merge`]: strategies to start from (all agreed spans, majority vote, one
//!   annotator's layer) and the gold document built from the settled state;
//! - [`resume`]: the settlements read back from a saved gold document.

pub mod candidates;
pub mod disagreements;
pub mod merge;
pub mod resume;
#[cfg(test)]
pub(crate) mod test_fixtures;

pub use candidates::{Candidate, CandidateKey, CandidateSpan};
pub use disagreements::{Adjudication, AdjudicationError, Disagreement, Resolution};
pub use merge::MergeStrategy;
pub use resume::Resumed;
