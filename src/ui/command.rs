//! The command table: every command the annotator can give by key or menu,
//! with its keys, its menu label and its help text in one place, so the
//! shortcut handler, the menus, the F1 window and the status-bar hint cannot
//! disagree. (Label digits 1…9 depend on the document's schema: see
//! [`label_keys_text`].)

use egui::{Key, KeyboardShortcut, Modifiers};

use super::action::{Panel, ScrollJump};

/// When a command's keys are listened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Always, even while typing in a field (they carry Ctrl, Alt or are F-keys).
    Global,
    /// While a document is open and no text field has the keyboard.
    Document,
    /// While a span is selected (and no text field has the keyboard).
    Span,
    /// While text is selected in the article (and no text field has the keyboard).
    TextSelection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    NextSuggestion,
    PreviousSuggestion,
    Accept,
    Reject,
    Remove,
    MakeQuote,
    StartLeft,
    StartRight,
    EndLeft,
    EndRight,
    StartLeftChar,
    StartRightChar,
    EndLeftChar,
    EndRightChar,
    CycleQuoteKind,
    PickSpeaker,
    NoSpeaker,
    SetCue,
    SpeakerFromText,
    Escape,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Undo,
    Redo,
    Save,
    Open,
    OpenFolder,
    NextDocument,
    PreviousDocument,
    ToggleDone,
    RefreshSuggestions,
    Model,
    Search,
    Statistics,
    Settings,
    Agreement,
    Adjudicate,
    Export,
    ToggleList,
    ToggleInspector,
    Help,
    Quit,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const CTRL: Modifiers = Modifiers::COMMAND;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };
const CTRL_ALT: Modifiers = Modifiers { alt: true, ..Modifiers::COMMAND };

impl Command {
    /// Every command, in the order the F1 window lists them.
    pub const ALL: [Command; 44] = [
        Command::NextSuggestion,
        Command::PreviousSuggestion,
        Command::Accept,
        Command::Reject,
        Command::Remove,
        Command::MakeQuote,
        Command::StartLeft,
        Command::StartRight,
        Command::EndLeft,
        Command::EndRight,
        Command::StartLeftChar,
        Command::StartRightChar,
        Command::EndLeftChar,
        Command::EndRightChar,
        Command::CycleQuoteKind,
        Command::PickSpeaker,
        Command::NoSpeaker,
        Command::SetCue,
        Command::SpeakerFromText,
        Command::Escape,
        Command::PageUp,
        Command::PageDown,
        Command::Top,
        Command::Bottom,
        Command::Undo,
        Command::Redo,
        Command::Save,
        Command::Open,
        Command::OpenFolder,
        Command::NextDocument,
        Command::PreviousDocument,
        Command::ToggleDone,
        Command::RefreshSuggestions,
        Command::Model,
        Command::Search,
        Command::Statistics,
        Command::Settings,
        Command::Agreement,
        Command::Adjudicate,
        Command::Export,
        Command::ToggleList,
        Command::ToggleInspector,
        Command::Help,
        Command::Quit,
    ];

    /// The commands the status bar reminds of, before the label digits.
    pub const HINTED: [Command; 3] = [Command::NextSuggestion, Command::Accept, Command::Reject];
    /// The commands the status bar reminds of, after the label digits.
    pub const HINTED_AFTER: [Command; 3] = [Command::Undo, Command::Save, Command::Help];

    /// Its keys; the first is the one menus and hints show.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        use Command as C;
        match self {
            C::NextSuggestion => const { &[key(NONE, Key::Tab)] },
            C::PreviousSuggestion => const { &[key(SHIFT, Key::Tab)] },
            C::Accept => const { &[key(NONE, Key::Enter)] },
            C::Reject => const { &[key(NONE, Key::Delete), key(NONE, Key::Backspace)] },
            C::Remove => const { &[key(SHIFT, Key::Delete)] },
            C::MakeQuote => const { &[key(NONE, Key::Q)] },
            C::StartLeft => const { &[key(ALT, Key::ArrowLeft)] },
            C::StartRight => const { &[key(ALT, Key::ArrowRight)] },
            C::EndLeft => const { &[key(SHIFT, Key::ArrowLeft)] },
            C::EndRight => const { &[key(SHIFT, Key::ArrowRight)] },
            C::StartLeftChar => const { &[key(CTRL_ALT, Key::ArrowLeft)] },
            C::StartRightChar => const { &[key(CTRL_ALT, Key::ArrowRight)] },
            C::EndLeftChar => const { &[key(CTRL_SHIFT, Key::ArrowLeft)] },
            C::EndRightChar => const { &[key(CTRL_SHIFT, Key::ArrowRight)] },
            C::CycleQuoteKind => const { &[key(NONE, Key::K)] },
            C::PickSpeaker => const { &[key(NONE, Key::S)] },
            C::NoSpeaker => const { &[key(NONE, Key::Num0)] },
            C::SetCue => const { &[key(NONE, Key::C)] },
            C::SpeakerFromText => const { &[key(NONE, Key::W)] },
            C::Escape => const { &[key(NONE, Key::Escape)] },
            C::PageUp => const { &[key(NONE, Key::PageUp)] },
            C::PageDown => const { &[key(NONE, Key::PageDown)] },
            C::Top => const { &[key(CTRL, Key::Home)] },
            C::Bottom => const { &[key(CTRL, Key::End)] },
            C::Undo => const { &[key(CTRL, Key::Z)] },
            C::Redo => const { &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)] },
            C::Save => const { &[key(CTRL, Key::S)] },
            C::Open => const { &[key(CTRL, Key::O)] },
            C::OpenFolder => const { &[key(CTRL_SHIFT, Key::O)] },
            C::NextDocument => const { &[key(ALT, Key::ArrowDown)] },
            C::PreviousDocument => const { &[key(ALT, Key::ArrowUp)] },
            C::ToggleDone => const { &[key(CTRL, Key::D)] },
            C::RefreshSuggestions => const { &[key(CTRL, Key::R)] },
            C::Model => const { &[] },
            C::Search => const { &[key(CTRL, Key::F)] },
            C::Statistics => const { &[key(CTRL_SHIFT, Key::S)] },
            C::Settings => const { &[key(CTRL, Key::Comma)] },
            C::Agreement => const { &[key(CTRL_SHIFT, Key::A)] },
            C::Adjudicate => const { &[key(CTRL, Key::J)] },
            C::Export => const { &[key(CTRL, Key::E)] },
            C::ToggleList => const { &[key(NONE, Key::F2)] },
            C::ToggleInspector => const { &[key(NONE, Key::F3)] },
            C::Help => const { &[key(NONE, Key::F1)] },
            C::Quit => const { &[key(CTRL, Key::Q)] },
        }
    }

    /// The menu entry's text.
    pub fn label(self) -> &'static str {
        use Command as C;
        match self {
            C::NextSuggestion => "Next suggestion",
            C::PreviousSuggestion => "Previous suggestion",
            C::Accept => "Accept",
            C::Reject => "Reject",
            C::Remove => "Remove span",
            C::MakeQuote => "Make quotation",
            C::StartLeft => "Start left",
            C::StartRight => "Start right",
            C::EndLeft => "End left",
            C::EndRight => "End right",
            C::StartLeftChar => "Start left by a character",
            C::StartRightChar => "Start right by a character",
            C::EndLeftChar => "End left by a character",
            C::EndRightChar => "End right by a character",
            C::CycleQuoteKind => "Next quotation kind",
            C::PickSpeaker => "Pick speaker",
            C::NoSpeaker => "No speaker",
            C::SetCue => "Selected text is the cue",
            C::SpeakerFromText => "Selected text is the speaker",
            C::Escape => "Close window / clear selection",
            C::PageUp => "Page up",
            C::PageDown => "Page down",
            C::Top => "Top of the article",
            C::Bottom => "End of the article",
            C::Undo => "Undo",
            C::Redo => "Redo",
            C::Save => "Save",
            C::Open => "Open…",
            C::OpenFolder => "Open Folder…",
            C::NextDocument => "Next document",
            C::PreviousDocument => "Previous document",
            C::ToggleDone => "Mark document done",
            C::RefreshSuggestions => "Refresh suggestions",
            C::Model => "Model…",
            C::Search => "Search…",
            C::Statistics => "Statistics…",
            C::Settings => "Settings…",
            C::Agreement => "Agreement…",
            C::Adjudicate => "Adjudicate",
            C::Export => "Export…",
            C::ToggleList => "Documents and annotations panel",
            C::ToggleInspector => "Inspector panel",
            C::Help => "Keyboard shortcuts",
            C::Quit => "Quit",
        }
    }

    /// The F1 window's explanation.
    pub fn help(self) -> &'static str {
        use Command as C;
        match self {
            C::NextSuggestion => "select the next open suggestion",
            C::PreviousSuggestion => "select the previous open suggestion",
            C::Accept => "accept the selected span, go to the next (picking a speaker: confirm the chosen one)",
            C::Reject => "reject the selected span (kept as a negative example), go to the next",
            C::Remove => "remove the selected span entirely",
            C::MakeQuote => "make a quotation from the selected text",
            C::StartLeft => "move the selected span's start one token left",
            C::StartRight => "move the selected span's start one token right",
            C::EndLeft => "move the selected span's end one token left",
            C::EndRight => "move the selected span's end one token right",
            C::StartLeftChar => "move the selected span's start one character left",
            C::StartRightChar => "move the selected span's start one character right",
            C::EndLeftChar => "move the selected span's end one character left",
            C::EndRightChar => "move the selected span's end one character right",
            C::CycleQuoteKind => "with a quotation selected: its next kind (direct, indirect)",
            C::PickSpeaker => {
                "with a quotation selected: pick its speaker — digits choose among the numbered \
                 candidates (nearest first), Enter confirms, or click an entity in the text"
            }
            C::NoSpeaker => "with a quotation selected: it has no speaker",
            C::SetCue => "with a quotation selected: the selected text is its cue (speech verb)",
            C::SpeakerFromText => "with a quotation selected: the selected text is its speaker (a new PERSON)",
            C::Escape => "close the topmost window; else clear the selection (and stop picking a speaker)",
            C::PageUp => "scroll the article up by a screen",
            C::PageDown => "scroll the article down by a screen",
            C::Top => "go to the start of the article",
            C::Bottom => "go to the end of the article",
            C::Undo => "undo the last change (the selection comes back too)",
            C::Redo => "redo what was undone",
            C::Save => "save the annotations (projects also save by themselves)",
            C::Open => "open an article",
            C::OpenFolder => "open a folder of articles as a project",
            C::NextDocument => "open the next document of the project",
            C::PreviousDocument => "open the previous document of the project",
            C::ToggleDone => "mark the document done, or not done (undoable)",
            C::RefreshSuggestions => {
                "replace the open suggestions with the project model's (undoable; reviewed spans stay)"
            }
            C::Model => "what the project's model learned from, its learning curve, time per document",
            C::Search => "search the project: text or spans, bulk accept / reject",
            C::Statistics => "documents by status, spans by label, most quoted speakers",
            C::Settings => "the project's label schema and annotator name",
            C::Agreement => "how much a team's annotators agree: span F1, κ, α, quotations; worst documents first",
            C::Adjudicate => {
                "curate the open document of a team project into its gold layer (A/B take, N neither, Enter keep); again to leave"
            }
            C::Export => "export a dataset (JSONL, doccano, Label Studio, brat, CoNLL, spaCy …)",
            C::ToggleList => "show or hide the documents and annotations panel",
            C::ToggleInspector => "show or hide the inspector panel",
            C::Help => "show or hide this help",
            C::Quit => "close Sorot (asks first about unsaved changes)",
        }
    }

    /// A short word for the status-bar hint.
    fn hint(self) -> &'static str {
        match self {
            Command::NextSuggestion => "next",
            Command::Accept => "accept",
            Command::Reject => "reject",
            Command::Undo => "undo",
            Command::Save => "save",
            Command::Help => "help",
            other => other.label(),
        }
    }

    pub fn scope(self) -> Scope {
        use Command as C;
        match self {
            C::Accept | C::Reject | C::Remove | C::StartLeft | C::StartRight | C::EndLeft | C::EndRight => Scope::Span,
            C::StartLeftChar | C::StartRightChar | C::EndLeftChar | C::EndRightChar => Scope::Span,
            C::CycleQuoteKind | C::PickSpeaker | C::NoSpeaker => Scope::Span,
            C::MakeQuote | C::SetCue | C::SpeakerFromText => Scope::TextSelection,
            C::NextSuggestion | C::PreviousSuggestion | C::PageUp | C::PageDown => Scope::Document,
            _ => Scope::Global,
        }
    }

    /// Its first key as text: `Ctrl+Shift+Z`, `Alt+↓`, `Tab`.
    pub fn shortcut_text(self) -> String {
        self.shortcuts().first().map(shortcut_text).unwrap_or_default()
    }

    /// The scroll it asks for, if it is a scrolling command.
    pub fn scroll(self) -> Option<ScrollJump> {
        match self {
            Command::PageUp => Some(ScrollJump::PageUp),
            Command::PageDown => Some(ScrollJump::PageDown),
            Command::Top => Some(ScrollJump::Top),
            Command::Bottom => Some(ScrollJump::Bottom),
            _ => None,
        }
    }

    /// The panel it shows or hides, if it is a panel command.
    pub fn panel(self) -> Option<Panel> {
        match self {
            Command::ToggleList => Some(Panel::List),
            Command::ToggleInspector => Some(Panel::Inspector),
            _ => None,
        }
    }

    /// A menu button showing its label and key; true when clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        ui.add_enabled(enabled, egui::Button::new(self.label()).shortcut_text(self.shortcut_text())).clicked()
    }
}

/// `Ctrl+Shift+Z`-style text for a shortcut, arrows as arrows.
pub fn shortcut_text(shortcut: &KeyboardShortcut) -> String {
    let m = shortcut.modifiers;
    let mut text = String::new();
    for (on, name) in [(m.command || m.ctrl, "Ctrl+"), (m.shift, "Shift+"), (m.alt, "Alt+")] {
        if on {
            text.push_str(name);
        }
    }
    let key = match shortcut.logical_key {
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Comma => ",",
        other => other.name(),
    };
    text.push_str(key);
    text
}

/// The label keys for a schema of `labels` labels: `1–7` (at most nine).
pub fn label_keys_text(labels: usize) -> String {
    match labels.min(9) {
        0 => String::new(),
        1 => "1".to_owned(),
        n => format!("1–{n}"),
    }
}

/// The status bar's reminder of the main keys, for a schema of `labels` labels.
pub fn hint_text(labels: usize) -> String {
    let part = |c: Command| format!("{} {}", c.shortcut_text(), c.hint());
    let mut parts: Vec<String> = Command::HINTED.iter().map(|c| part(*c)).collect();
    if labels > 0 {
        parts.push(format!("{} label", label_keys_text(labels)));
    }
    parts.extend(Command::HINTED_AFTER.iter().map(|c| part(*c)));
    parts.join(" · ")
}

/// The status bar's reminder while a document is adjudicated: the review keys
/// do not apply there (the curation lists its own), so only the commands that
/// still do: saving the gold layer, leaving, help.
pub fn curation_hint_text() -> String {
    let part = |c: Command, what: &str| format!("{} {what}", c.shortcut_text());
    [part(Command::Save, "save gold"), part(Command::Adjudicate, "leave"), part(Command::Help, "help")].join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen = std::collections::HashMap::new();
        for command in Command::ALL {
            for shortcut in command.shortcuts() {
                let text = shortcut_text(shortcut);
                if let Some(other) = seen.insert(text.clone(), command) {
                    panic!("{text} is bound to {other:?} and {command:?}");
                }
            }
        }
    }

    #[test]
    fn the_hint_counts_the_labels_the_schema_has() {
        assert_eq!(
            hint_text(9),
            "Tab next · Enter accept · Delete reject · 1–9 label · Ctrl+Z undo · Ctrl+S save · F1 help"
        );
        assert!(hint_text(3).contains("1–3 label"));
        assert!(!hint_text(0).contains("label"));
    }

    #[test]
    fn the_curation_hint_names_only_the_keys_that_work_there() {
        assert_eq!(curation_hint_text(), "Ctrl+S save gold · Ctrl+J leave · F1 help");
    }

    #[test]
    fn shortcut_texts_read_as_people_write_them() {
        assert_eq!(Command::Redo.shortcut_text(), "Ctrl+Shift+Z");
        assert_eq!(Command::NextDocument.shortcut_text(), "Alt+↓");
        assert_eq!(Command::Settings.shortcut_text(), "Ctrl+,");
    }
}
