//! The app's side of a corpus project: the open folder, its document list,
//! the background work that keeps the list current, autosave (written by a
//! worker thread), the lock, and the project's model learning in the background. [`ProjectController`] owns all of it and
//! performs [`ProjectAction`]s; the work itself is `crate::project`'s — this
//! module only schedules it and shows it.

mod action;
mod agreement_window;
mod background;
mod controller;
mod corpus_source;
mod documents_panel;
mod first_document;
mod learning;
mod learning_actions;
mod model_window;
mod project_actions;
mod project_state;
mod reviewed_cache;
mod save_worker;
mod search_window;
mod settings_actions;
mod settings_window;
mod stats_window;
mod team_actions;

pub use action::ProjectAction;
pub use agreement_window::{agreement_window_ui, AgreementState};
pub use background::Job;
pub use controller::ProjectController;
pub use corpus_source::CorpusSource;
pub use documents_panel::documents_panel_ui;
pub use model_window::{model_window_ui, ModelWindowState};
pub use project_state::ProjectState;
pub use search_window::{search_window_ui, SearchState};
pub use settings_window::{settings_window_ui, SettingsState};
pub use stats_window::{stats_window_ui, StatsState};
