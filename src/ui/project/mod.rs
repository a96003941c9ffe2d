//! The app's side of a corpus project: the open folder, its document list,
//! the background work that keeps the list current, autosave and the lock.
//! The work itself is `crate::project`'s; this module only schedules it and
//! shows it.

mod background;
mod documents_panel;
mod project_state;

pub use documents_panel::documents_panel_ui;
pub use project_state::ProjectState;
