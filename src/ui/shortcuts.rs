//! Keyboard review: keys become actions before any widget sees them, so that
//! Tab, Enter and Delete drive the review instead of moving widget focus.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Action, ScrollJump};
use crate::model::{Document, SpanRef};

/// Every shortcut, for the help panel: (keys, what they do).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Tab / Shift+Tab", "next / previous open suggestion"),
    ("Enter", "accept the selected span, go to the next"),
    ("Delete", "reject the selected span, go to the next"),
    ("Shift+Delete", "remove the selected span entirely"),
    ("1 … 9", "label: relabel the selected entity, or make one from selected text"),
    ("Q", "make a quote from the selected text"),
    ("Alt+Left / Alt+Right", "move the selected span's start"),
    ("Shift+Left / Shift+Right", "move the selected span's end"),
    ("Escape", "clear the selection"),
    ("Page Up / Page Down", "scroll the article by a screen"),
    ("Ctrl+Home / Ctrl+End", "go to the start / end of the article"),
    ("Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y)", "undo / redo"),
    ("Ctrl+S", "save the annotations"),
    ("Ctrl+O", "open an article"),
    ("Ctrl+Shift+O", "open a folder of articles as a project"),
    ("Alt+Down / Alt+Up", "next / previous document of the project"),
    ("Ctrl+D", "mark the document done (or not)"),
    ("Ctrl+F", "search the project: text or spans, bulk accept / reject"),
    ("Ctrl+E", "export a dataset (JSONL, doccano, Label Studio, brat, CoNLL, spaCy …)"),
    ("F1", "show or hide this help"),
];

const DIGITS: [Key; 9] =
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];

/// Consumes the review shortcuts pressed this frame and returns their actions.
///
/// egui matches modifiers loosely (plain Tab also matches Shift+Tab), so the
/// variants with more modifiers are consumed first.
pub fn shortcut_actions(
    ctx: &egui::Context,
    document: Option<&Document>,
    selection: Option<&SpanRef>,
    text_selection: Option<(usize, usize)>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let pressed =
        |modifiers: Modifiers, key: Key| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key)));
    let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
    if pressed(ctrl_shift, Key::Z) || pressed(Modifiers::COMMAND, Key::Y) {
        actions.push(Action::Redo);
    }
    if pressed(Modifiers::COMMAND, Key::Z) {
        actions.push(Action::Undo);
    }
    if pressed(Modifiers::COMMAND, Key::S) {
        actions.push(Action::Save);
    }
    if pressed(Modifiers::COMMAND | Modifiers::SHIFT, Key::O) {
        actions.push(Action::OpenFolderDialog);
    }
    if pressed(Modifiers::COMMAND, Key::O) {
        actions.push(Action::OpenDialog);
    }
    if pressed(Modifiers::ALT, Key::ArrowDown) {
        actions.push(Action::NeighbourDocument { backwards: false });
    }
    if pressed(Modifiers::ALT, Key::ArrowUp) {
        actions.push(Action::NeighbourDocument { backwards: true });
    }
    if pressed(Modifiers::COMMAND, Key::D) {
        actions.push(Action::ToggleDone);
    }
    if pressed(Modifiers::COMMAND, Key::F) {
        actions.push(Action::ShowSearch);
    }
    if pressed(Modifiers::COMMAND, Key::E) {
        actions.push(Action::ShowExport);
    }
    if pressed(Modifiers::NONE, Key::F1) {
        actions.push(Action::ToggleHelp);
    }
    let Some(document) = document else { return actions };
    let jumps = [
        (Modifiers::COMMAND, Key::Home, ScrollJump::Top),
        (Modifiers::COMMAND, Key::End, ScrollJump::Bottom),
        (Modifiers::NONE, Key::PageUp, ScrollJump::PageUp),
        (Modifiers::NONE, Key::PageDown, ScrollJump::PageDown),
    ];
    for (modifiers, key, jump) in jumps {
        if pressed(modifiers, key) {
            actions.push(Action::Scroll(jump));
        }
    }
    if pressed(Modifiers::SHIFT, Key::Tab) {
        actions.push(Action::SelectNeighbour { backwards: true });
    }
    if pressed(Modifiers::NONE, Key::Tab) {
        actions.push(Action::SelectNeighbour { backwards: false });
    }
    if pressed(Modifiers::NONE, Key::Escape) {
        actions.push(Action::Select(None));
        actions.push(Action::SelectText(None));
    }
    if let Some((start, end)) = text_selection {
        for (i, key) in DIGITS.iter().enumerate() {
            if let Some(label) = document.labels.by_hotkey(i + 1).filter(|_| pressed(Modifiers::NONE, *key)) {
                actions.push(Action::CreateEntity { start, end, label: label.name.clone() });
            }
        }
        if pressed(Modifiers::NONE, Key::Q) {
            actions.push(Action::CreateQuote { start, end });
        }
        return actions;
    }
    let Some(span) = selection.cloned() else { return actions };
    if pressed(Modifiers::SHIFT, Key::Delete) {
        actions.push(Action::Delete(span.clone()));
    }
    if pressed(Modifiers::NONE, Key::Enter) {
        actions.push(Action::Accept(span.clone()));
    }
    if pressed(Modifiers::NONE, Key::Delete) || pressed(Modifiers::NONE, Key::Backspace) {
        actions.push(Action::Reject(span.clone()));
    }
    let nudges = [
        (Modifiers::ALT, Key::ArrowLeft, -1, 0),
        (Modifiers::ALT, Key::ArrowRight, 1, 0),
        (Modifiers::SHIFT, Key::ArrowLeft, 0, -1),
        (Modifiers::SHIFT, Key::ArrowRight, 0, 1),
    ];
    for (modifiers, key, start_by, end_by) in nudges {
        if pressed(modifiers, key) {
            actions.push(Action::Nudge { span: span.clone(), start_by, end_by });
        }
    }
    if let SpanRef::Entity(id) = &span {
        for (i, key) in DIGITS.iter().enumerate() {
            if let Some(label) = document.labels.by_hotkey(i + 1).filter(|_| pressed(Modifiers::NONE, *key)) {
                actions.push(Action::Relabel { entity: id.to_string(), label: label.name.clone() });
            }
        }
    }
    actions
}
