//! Sorot: review suggested entities and quotations in news articles.
//!
//! Layers, from the core out (see ARCHITECTURE.md):
//! - [`model`]: documents, spans, edits with inverses; no I/O, no egui.
//! - [`analysis`]: text in, suggestions out.
//! - [`store`]: article and annotation files, atomic writes.
//! - [`annotate`] and [`session`]: an article opened for review;
//!   [`speaker_ranking`]: the analysis' speaker ranker over a document under review.
//! - [`project`]: a folder of articles: listing, status, autosave, lock, corpus-wide work.
//! - [`agreement`] and [`adjudication`]: several annotators' layers compared and merged.
//! - [`learn`]: a project's own tagger, learned from its reviewed documents.
//! - [`stream`]: JSON Lines in, documents out, in order and bounded memory.
//! - [`cli`] and [`ui`]: the command line and the app shell.

pub mod adjudication;
pub mod agreement;
pub mod analysis;
pub mod annotate;
pub mod cli;
pub mod formats;
pub mod learn;
pub mod model;
pub mod project;
pub mod session;
pub mod speaker_ranking;
pub mod store;
pub mod stream;
pub mod synthetic;
pub mod ui;

/// The Indonesian article opened when no file is given.
pub const BUNDLED_SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/teritorial-putin-kim.txt");
