//! What the views ask for. Views never change the document or touch files:
//! they return actions, and the shell ([`super::SorotApp`]) performs them.

use std::path::PathBuf;

use crate::model::SpanRef;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Ask for an article with the file dialog.
    OpenDialog,
    Open(PathBuf),
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
    /// Select text with the mouse, awaiting a label (None: clear).
    SelectText(Option<(usize, usize)>),
    ToggleHelp,
    /// The window's close button, or File ▸ Quit.
    RequestClose,
}
