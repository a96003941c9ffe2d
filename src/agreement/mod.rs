//! Inter-annotator agreement: how much several annotators' versions of the same
//! documents agree, on entities, on BIO tags of tokens and on quotations.
//!
//! Pure computation on [`Document`](crate::model::Document)s: no files, no egui.
//! The pieces, one concept each:
//! - [`corpus`]: the annotators' layers matched up by document, each version
//!   re-anchored onto one text; what could not be matched is reported and the
//!   edited stretch of text left out of every figure;
//! - [`spans`]: which spans count (reviewed ones; suggestions when asked);
//! - [`span_f1`]: exact-match span F1 (offsets and label) with counts, as bratiaa;
//! - [`bio`]: BIO tags of Sorot's tokens, cut at every span boundary of the
//!   annotators compared (as the CoNLL export cuts at its own spans');
//! - [`kappa`]: Cohen's κ of two annotators' tags;
//! - [`alpha`]: Krippendorff's α (nominal) over any number of annotators;
//! - [`quotes`]: quotations matched at 80 % overlap, their kind and speaker;
//! - [`compute`] and [`report`]: every figure per pair, overall and per document.
//!
//! The entry point is [`agreement`]: layers in, an [`AgreementReport`] out.

pub mod alpha;
pub mod bio;
pub mod compute;
pub mod corpus;
pub mod kappa;
pub mod quotes;
pub mod report;
pub mod span_f1;
pub mod spans;

pub use compute::agreement;
pub use corpus::{AgreementError, AlignedDocument, Corpus, Layer, Unanchored};
pub use report::{AgreementReport, DocumentReport, PairReport};
pub use spans::SpanFilter;
