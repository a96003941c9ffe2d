//! What each command asks for, given what is selected: the bridge from the
//! command table (keys, menus) to the actions the shell hands out.

use super::action::{Action, ShellAction};
use super::command::Command;
use super::document_view::snap::{self, End};
use super::review::{ReviewAction, ReviewController};
use super::shortcuts::{pressed, KeyContext};
use super::ProjectAction;
use crate::model::{QuoteKind, SpanRef};

/// The actions of the keys pressed this frame. While `adjudicating`, the
/// curation view reads the plain keys: only global commands are listened for.
pub fn key_actions(ctx: &egui::Context, review: &ReviewController, adjudicating: bool) -> Vec<Action> {
    let context = KeyContext {
        has_document: review.session().is_some() && !adjudicating,
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
    let mut actions: Vec<Action> =
        keys.commands.into_iter().filter_map(|c| command_action(c, review, adjudicating)).collect();
    if let Some(digit) = keys.label_digit {
        actions.extend(label_action(digit, review));
    }
    actions
}

/// What a command asks for, given what is selected (and whether a document
/// is being curated: then saving saves the gold layer, Escape leaves, and the
/// document's own edits wait).
pub fn command_action(command: Command, review: &ReviewController, adjudicating: bool) -> Option<Action> {
    use Command as C;
    if adjudicating {
        match command {
            C::Save => return Some(ProjectAction::SaveGold.into()),
            C::Escape => return Some(ProjectAction::Adjudicate.into()),
            C::Undo | C::Redo | C::ToggleDone => return None,
            _ => {}
        }
    }
    let span = review.selection.clone();
    let text = review.text_selection;
    Some(match command {
        C::NextSuggestion => ReviewAction::SelectNeighbour { backwards: false }.into(),
        C::PreviousSuggestion => ReviewAction::SelectNeighbour { backwards: true }.into(),
        C::Accept => confirm_speaker(review).unwrap_or(ReviewAction::Accept(span?)).into(),
        C::Reject => ReviewAction::Reject(span?).into(),
        C::Remove => ReviewAction::Delete(span?).into(),
        C::MakeQuote => text.map(|(start, end)| ReviewAction::CreateQuote { start, end })?.into(),
        C::StartLeft => token_nudge(review, End::Start, false)?.into(),
        C::StartRight => token_nudge(review, End::Start, true)?.into(),
        C::EndLeft => token_nudge(review, End::End, false)?.into(),
        C::EndRight => token_nudge(review, End::End, true)?.into(),
        C::StartLeftChar => ReviewAction::Nudge { span: span?, start_by: -1, end_by: 0 }.into(),
        C::StartRightChar => ReviewAction::Nudge { span: span?, start_by: 1, end_by: 0 }.into(),
        C::EndLeftChar => ReviewAction::Nudge { span: span?, start_by: 0, end_by: -1 }.into(),
        C::EndRightChar => ReviewAction::Nudge { span: span?, start_by: 0, end_by: 1 }.into(),
        C::CycleQuoteKind | C::PickSpeaker | C::NoSpeaker | C::SetCue | C::SpeakerFromText => {
            quote_action(command, review)?.into()
        }
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
        C::Agreement => ProjectAction::ShowAgreement.into(),
        C::Adjudicate => ProjectAction::Adjudicate.into(),
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

/// A digit: relabel the selected entity, or label the selected text; with a
/// quotation selected, choose its speaker among the numbered candidates.
fn label_action(digit: usize, review: &ReviewController) -> Option<Action> {
    let document = review.document()?;
    if let (Some(SpanRef::Quote(id)), None) = (&review.selection, review.text_selection) {
        let index = digit.checked_sub(1).filter(|i| *i < review.speaker_candidates(id).len())?;
        return Some(ReviewAction::ChooseSpeaker { quote: id.to_string(), index }.into());
    }
    let label = document.labels.by_hotkey(digit)?.name.clone();
    if let Some((start, end)) = review.text_selection {
        return Some(ReviewAction::CreateEntity { start, end, label }.into());
    }
    match review.selection.clone()? {
        SpanRef::Entity(id) => Some(ReviewAction::Relabel { entity: id.to_string(), label }.into()),
        SpanRef::Quote(_) => None,
    }
}

/// Moves an end of the selected span by one token (see [`snap::token_step`]).
fn token_nudge(review: &ReviewController, which: End, forward: bool) -> Option<ReviewAction> {
    let span = review.selection.clone()?;
    let document = review.document()?;
    let by = snap::token_step(document, document.range_of(&span)?, which, forward)?;
    let (start_by, end_by) = if which == End::Start { (by, 0) } else { (0, by) };
    Some(ReviewAction::Nudge { span, start_by, end_by })
}

/// Enter while a speaker candidate is chosen: that candidate becomes the speaker.
fn confirm_speaker(review: &ReviewController) -> Option<ReviewAction> {
    let quote_id = review.picking_speaker_for.as_deref()?;
    let candidate = review.speaker_candidates(quote_id).into_iter().nth(review.speaker_choice?)?;
    Some(ReviewAction::SetSpeaker { quote: quote_id.to_owned(), speaker: Some(candidate.entity) })
}

/// The quotation keys, for the selected quotation.
fn quote_action(command: Command, review: &ReviewController) -> Option<ReviewAction> {
    let Some(SpanRef::Quote(id)) = &review.selection else { return None };
    let quote = review.document()?.quote(id)?;
    let id = id.to_string();
    let text = review.text_selection;
    Some(match command {
        Command::CycleQuoteKind => {
            let kind = if quote.kind == QuoteKind::Direct { QuoteKind::Indirect } else { QuoteKind::Direct };
            ReviewAction::SetQuoteKind { quote: id, kind }
        }
        Command::PickSpeaker => ReviewAction::PickSpeaker { quote: id },
        Command::NoSpeaker => ReviewAction::SetSpeaker { quote: id, speaker: None },
        Command::SetCue => text.map(|(start, end)| ReviewAction::SetCue { quote: id, start, end })?,
        Command::SpeakerFromText => text.map(|(start, end)| ReviewAction::CreateSpeaker { quote: id, start, end })?,
        _ => return None,
    })
}
