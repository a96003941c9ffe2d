//! Corpus projects: a folder of articles worked through over days.
//!
//! The non-UI core the app's project panels sit on:
//! - [`scan`]: which files of a folder are articles (fast: no contents read);
//! - [`decode`]: article bytes to text, with warnings and clear refusals;
//! - [`layout`]: where a project keeps annotations, settings and the session;
//! - [`open`]: an article of a project opened for review (saved or suggested);
//! - [`settings`]: the label schema and the annotator's name;
//! - [`status`]: new / in progress / done, summaries for the document list;
//! - [`team`], [`layers`]: annotators' layers, documents for several of them, gold;
//! - [`autosave`], [`lock`]: never lose work, never clobber another window's;
//! - [`analyze_all`], [`search`], [`search_stream`], [`stats`]: corpus-wide work
//!   (a search reads the files as it goes, never the whole corpus at once).

pub mod analyze_all;
pub mod autosave;
pub mod clock;
pub mod decode;
pub mod layers;
pub mod layout;
pub mod lock;
pub mod open;
pub mod scan;
pub mod search;
pub mod search_stream;
pub mod settings;
pub mod stats;
pub mod status;
pub mod team;
