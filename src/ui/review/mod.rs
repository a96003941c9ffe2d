//! Reviewing the open document: what the annotator asks ([`ReviewAction`])
//! and the part that owns the document and its selection and performs them
//! ([`ReviewController`]).

mod action;
mod controller;
mod speaker_cache;

pub use action::ReviewAction;
pub use controller::ReviewController;
