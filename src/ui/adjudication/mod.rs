//! Adjudication in the app: a curation mode for the open document of a team
//! project. The annotators' versions are compared (`crate::adjudication`);
//! what all of them have is accepted in one step, the disagreements are listed
//! in reading order and each is settled with one key, and the result is saved
//! as the document's gold layer.
//!
//! - [`curation`]: the state of one document's curation and the keys' effect
//!   on it (no egui drawing, testable alone);
//! - [`view`]: the curation panel, shown in place of the article, reading its
//!   own keys.

mod curation;
mod view;

pub use curation::{AdjudicationState, Curation};
pub use view::adjudication_panel_ui;
