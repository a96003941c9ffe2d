//! The document model: an article's text and its annotations, and the edits that
//! change them. Knows nothing of egui or of how suggestions are made.
//!
//! Offsets are Unicode code points into `Document::text`, end exclusive.

pub mod anchor;
mod annotation;
mod document;
mod edit;
mod history;
mod labels;
mod review;
mod shared_list;
mod shared_text;
mod sorted_spans;
mod span_lookup;
mod text_index;

pub use annotation::{Cue, Detached, Entity, Quote, QuoteKind, SpanRef, Status};
pub use document::{Document, DocumentError, DoneMark};
pub use edit::{Edit, EditError};
pub use history::{History, Selection};
pub use labels::{validate_label_name, LabelDef, LabelNameError, LabelSet, RESERVED_LABEL_NAMES};
pub use review::ReviewError;
pub use shared_text::SharedText;
pub use text_index::TextIndex;
