//! What each command asks for, given what is selected: the bridge from the
//! command table (keys, menus) to the actions the shell hands out.

use super::action::{Action, ShellAction};
use super::command::Command;
use super::review::{ReviewAction, ReviewController};
use super::shortcuts::{pressed, KeyContext};
use super::ProjectAction;
use crate::model::SpanRef;

/// The actions of the keys pressed this frame.
pub fn key_actions(ctx: &egui::Context, review: &ReviewController) -> Vec<Action> {
    let context = KeyContext {
        has_document: review.session().is_some(),
        has_selection: review.selection.is_some(),
        has_text_selection: review.text_selection.is_some(),
        typing: ctx.egui_wants_keyboard_input(),
    };
    let keys = pressed(ctx, context);
    if keys.commands.iter().any(|c| matches!(c, Command::NextSuggestion | Command::PreviousSuggestion)) {
        // egui read that Tab as "focus the next widget" before we
        // consumed it; Tab is ours, so cancel the move.
        ctx.memory_mut(|m| {
            m.move_focus(egui::FocusDirection::None);
            if let Some(id) = m.focused() {
                m.surrender_focus(id);
            }
        });
    }
    let mut actions: Vec<Action> = keys.commands.into_iter().filter_map(|c| command_action(c, review)).collect();
    if let Some(digit) = keys.label_digit {
        actions.extend(label_action(digit, review));
    }
    actions
}

/// What a command asks for, given what is selected.
pub fn command_action(command: Command, review: &ReviewController) -> Option<Action> {
    use Command as C;
    let span = review.selection.clone();
    let text = review.text_selection;
    Some(match command {
        C::NextSuggestion => ReviewAction::SelectNeighbour { backwards: false }.into(),
        C::PreviousSuggestion => ReviewAction::SelectNeighbour { backwards: true }.into(),
        C::Accept => ReviewAction::Accept(span?).into(),
        C::Reject => ReviewAction::Reject(span?).into(),
        C::Remove => ReviewAction::Delete(span?).into(),
        C::MakeQuote => text.map(|(start, end)| ReviewAction::CreateQuote { start, end })?.into(),
        C::StartLeft => ReviewAction::Nudge { span: span?, start_by: -1, end_by: 0 }.into(),
        C::StartRight => ReviewAction::Nudge { span: span?, start_by: 1, end_by: 0 }.into(),
        C::EndLeft => ReviewAction::Nudge { span: span?, start_by: 0, end_by: -1 }.into(),
        C::EndRight => ReviewAction::Nudge { span: span?, start_by: 0, end_by: 1 }.into(),
        C::Undo => ReviewAction::Undo.into(),
        C::Redo => ReviewAction::Redo.into(),
        C::ToggleDone => ReviewAction::ToggleDone.into(),
        C::NextDocument | C::PreviousDocument => {
            ProjectAction::NeighbourDocument { backwards: command == C::PreviousDocument }.into()
        }
        C::RefreshSuggestions => ProjectAction::RefreshSuggestions.into(),
        C::Model => ProjectAction::ShowModel.into(),
        C::Search => ProjectAction::ShowSearch.into(),
        C::Statistics => ProjectAction::ShowStats.into(),
        C::Settings => ProjectAction::ShowSettings.into(),
        C::Escape => ShellAction::Escape.into(),
        C::Save => ShellAction::Save.into(),
        C::Open => ShellAction::OpenDialog.into(),
        C::OpenFolder => ShellAction::OpenFolderDialog.into(),
        C::Export => ShellAction::ShowExport.into(),
        C::Help => ShellAction::ToggleHelp.into(),
        C::Quit => ShellAction::RequestClose.into(),
        C::PageUp | C::PageDown | C::Top | C::Bottom => ShellAction::Scroll(command.scroll()?).into(),
        C::ToggleList | C::ToggleInspector => ShellAction::TogglePanel(command.panel()?).into(),
    })
}

/// A label digit: relabel the selected entity, or label the selected text.
fn label_action(digit: usize, review: &ReviewController) -> Option<Action> {
    let label = review.document()?.labels.by_hotkey(digit)?.name.clone();
    if let Some((start, end)) = review.text_selection {
        return Some(ReviewAction::CreateEntity { start, end, label }.into());
    }
    match review.selection.clone()? {
        SpanRef::Entity(id) => Some(ReviewAction::Relabel { entity: id.to_string(), label }.into()),
        SpanRef::Quote(_) => None,
    }
}
