//! What views, menus and shortcuts ask for. Views never change the document or
//! touch files: they return actions, and the shell ([`super::SorotApp`]) hands
//! each to the part that owns what it changes — review actions to the review
//! controller, project actions to the project controller, the rest to itself.

use std::path::PathBuf;

pub use super::project::ProjectAction;
pub use super::review::ReviewAction;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Review(ReviewAction),
    Project(ProjectAction),
    Shell(ShellAction),
}

/// What the shell itself does: files, dialogs, windows and panels.
#[derive(Debug, Clone, PartialEq)]
pub enum ShellAction {
    /// Ask for an article with the file dialog.
    OpenDialog,
    /// Open an article file, or a folder as a project.
    Open(PathBuf),
    /// Ask for a project folder with the folder dialog.
    OpenFolderDialog,
    Save,
    /// Open the export dialog.
    ShowExport,
    /// Ask for the export destination with a file dialog.
    ChooseExportPath,
    /// Export the document as the export dialog says.
    Export,
    /// Scroll the document by keyboard.
    Scroll(ScrollJump),
    ToggleHelp,
    /// Show or hide a side panel.
    TogglePanel(Panel),
    /// Escape: close the topmost window, or else clear the selection.
    Escape,
    /// The window's close button, or File ▸ Quit.
    RequestClose,
}

/// The panels beside the article, each of which can be folded away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// Documents and annotations share the left side, as tabs.
    List,
    /// The selected span's details, on the right.
    Inspector,
}

/// Keyboard scrolling of the document view (and restoring a saved position).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScrollJump {
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// A vertical offset in points, as saved with the session.
    To(f32),
}

impl From<ReviewAction> for Action {
    fn from(action: ReviewAction) -> Self {
        Action::Review(action)
    }
}

impl From<ProjectAction> for Action {
    fn from(action: ProjectAction) -> Self {
        Action::Project(action)
    }
}

impl From<ShellAction> for Action {
    fn from(action: ShellAction) -> Self {
        Action::Shell(action)
    }
}
