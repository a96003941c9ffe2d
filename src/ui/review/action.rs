//! What the annotator asks of the open document: selection and review. The
//! review controller ([`super::ReviewController`]) performs these.

use crate::model::{QuoteKind, SpanRef};

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewAction {
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
    /// Mark the quote's `index`th speaker candidate (from 0, nearest first)
    /// for Enter to confirm.
    ChooseSpeaker {
        quote: String,
        index: usize,
    },
    /// Accept (or reject) the open suggestions among a group's spans, as one edit.
    ReviewGroup {
        spans: Vec<SpanRef>,
        accept: bool,
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
    /// Mark the document done, or not done any more (an undoable edit).
    ToggleDone,
    Undo,
    Redo,
}
