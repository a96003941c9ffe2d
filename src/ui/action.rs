//! What the views ask for. Views never change the document or touch files:
//! they return actions, and the shell ([`super::SorotApp`]) performs them.

use std::path::PathBuf;

use crate::model::{QuoteKind, SpanRef};
use crate::project::scan::ArticleId;
use crate::project::search::{Decision, Hit};
use crate::project::settings::LabelUsage;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Ask for an article with the file dialog.
    OpenDialog,
    /// Open an article file, or a folder as a project.
    Open(PathBuf),
    /// Ask for a project folder with the folder dialog.
    OpenFolderDialog,
    /// Open one article of the project.
    OpenDocument(ArticleId),
    /// The next (or previous) document of the project's list.
    NeighbourDocument {
        backwards: bool,
    },
    /// Mark the open project document done, or not done any more.
    ToggleDone,
    Save,
    Undo,
    Redo,
    /// Select a span (None: clear), scrolling it into view.
    Select(Option<SpanRef>),
    /// Select the next (or previous) open suggestion.
    SelectNeighbour {
        backwards: bool,
    },
    Accept(SpanRef),
    Reject(SpanRef),
    /// Remove a span entirely (a rejected suggestion stays as a negative; this does not).
    Delete(SpanRef),
    Relabel {
        entity: String,
        label: String,
    },
    /// Move a span's boundaries by code points (negative: left).
    Nudge {
        span: SpanRef,
        start_by: isize,
        end_by: isize,
    },
    SetSpeaker {
        quote: String,
        speaker: Option<String>,
    },
    /// The next entity clicked becomes this quote's speaker.
    PickSpeaker {
        quote: String,
    },
    SetQuoteKind {
        quote: String,
        kind: QuoteKind,
    },
    /// Make the text selection the quote's cue (speech verb).
    SetCue {
        quote: String,
        start: usize,
        end: usize,
    },
    /// Make the text selection a PERSON entity and the quote's speaker.
    CreateSpeaker {
        quote: String,
        start: usize,
        end: usize,
    },
    /// Make an entity from the text selection.
    CreateEntity {
        start: usize,
        end: usize,
        label: String,
    },
    /// Make a direct quotation from the text selection.
    CreateQuote {
        start: usize,
        end: usize,
    },
    /// Select text with the mouse, awaiting a label (None: clear). A selected
    /// quote stays selected, so the text can become its cue or speaker.
    SelectText(Option<(usize, usize)>),
    /// Open the project search (Ctrl+F).
    ShowSearch,
    /// Run the search the search window describes.
    Search,
    /// Go to a search result (opening its document if needed).
    JumpTo(Box<Hit>),
    /// Accept (as `label`) or reject every suggested entity reading `surface`,
    /// in the open document (undoably) and across the project.
    BulkReview {
        surface: String,
        label: String,
        decision: Decision,
    },
    /// Open the project statistics.
    ShowStats,
    /// Open the project settings (label schema, annotator).
    ShowSettings,
    /// Save the project settings as edited.
    SaveSettings,
    /// Rename a label in the schema and in every span of the project.
    RenameLabel {
        from: String,
        to: String,
    },
    /// Delete a label from the schema; one in use needs its usage confirmed.
    DeleteLabel {
        name: String,
        confirmed: Option<LabelUsage>,
    },
    /// Open the export dialog.
    ShowExport,
    /// Ask for the export destination with a file dialog.
    ChooseExportPath,
    /// Export the document as the export dialog says.
    Export,
    /// Scroll the document by keyboard.
    Scroll(ScrollJump),
    ToggleHelp,
    /// The window's close button, or File ▸ Quit.
    RequestClose,
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
