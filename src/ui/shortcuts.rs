//! Keys become commands before any widget sees them, so that Tab, Enter and
//! Delete drive the review instead of moving widget focus. Which keys exist is
//! the command table's business ([`Command::shortcuts`]); this file only listens.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{Command, Scope};

/// What is on screen, which decides the keys listened for.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyContext {
    pub has_document: bool,
    pub has_selection: bool,
    pub has_text_selection: bool,
    /// A text field has the keyboard: plain keys are its own.
    pub typing: bool,
}

impl KeyContext {
    fn listens(&self, scope: Scope) -> bool {
        match scope {
            Scope::Global => true,
            _ if self.typing || !self.has_document => false,
            Scope::Document => true,
            Scope::Span => self.has_selection && !self.has_text_selection,
            Scope::TextSelection => self.has_text_selection,
        }
    }
}

/// What was pressed this frame: commands, and a label digit (1…9).
#[derive(Debug, Default, PartialEq)]
pub struct Pressed {
    pub commands: Vec<Command>,
    pub label_digit: Option<usize>,
}

const DIGITS: [Key; 9] =
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];

/// Consumes the shortcuts pressed this frame that apply in `context`.
///
/// egui matches modifiers loosely (plain Tab also matches Shift+Tab), so the
/// shortcuts with more modifiers are tried first.
pub fn pressed(ctx: &egui::Context, context: KeyContext) -> Pressed {
    let mut bindings: Vec<(KeyboardShortcut, Command)> = Command::ALL
        .iter()
        .filter(|c| context.listens(c.scope()))
        .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, *c)))
        .collect();
    bindings.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
    let mut result = Pressed::default();
    for (shortcut, command) in bindings {
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) && !result.commands.contains(&command) {
            result.commands.push(command);
        }
    }
    let digits_apply = context.has_document && !context.typing && (context.has_selection || context.has_text_selection);
    if digits_apply {
        let digit = DIGITS
            .iter()
            .position(|key| ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::NONE, *key))));
        result.label_digit = digit.map(|i| i + 1);
    }
    result
}

fn modifier_count(m: Modifiers) -> usize {
    usize::from(m.alt) + usize::from(m.shift) + usize::from(m.command || m.ctrl)
}
