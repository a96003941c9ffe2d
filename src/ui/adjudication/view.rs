//! The curation panel, in place of the article: who the annotators are (with
//! their key letters), how to start (all agreed, majority vote, one layer),
//! the agreed spans accepted, and the disagreements in reading order, each
//! with every annotator's version and how it was settled. Its keys are read
//! here, before any widget: A/B/… take, N neither, 1–9 pick, Enter keep the
//! picked, ↑/↓ or Tab/Shift+Tab move, Backspace unsettle.

use egui::{Color32, Key, Modifiers, RichText};

use super::curation::{AdjudicationState, Curation, CurationKey};
use crate::adjudication::{Adjudication, Disagreement, MergeStrategy, Resolution};
use crate::ui::{Action, ProjectAction};

const DIGITS: [Key; 9] =
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];

/// The curation keys pressed this frame (none while a text field has the keyboard).
fn keys_pressed(ctx: &egui::Context, annotators: usize) -> Vec<CurationKey> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    let mut keys = Vec::new();
    let press = |modifiers: Modifiers, key: Key| ctx.input_mut(|i| i.consume_key(modifiers, key));
    // Shift+Tab before Tab: egui matches modifiers loosely.
    let moves = [
        (Modifiers::SHIFT, Key::Tab, CurationKey::Previous),
        (Modifiers::NONE, Key::Tab, CurationKey::Next),
        (Modifiers::NONE, Key::ArrowUp, CurationKey::Previous),
        (Modifiers::NONE, Key::ArrowDown, CurationKey::Next),
        (Modifiers::NONE, Key::N, CurationKey::Neither),
        (Modifiers::NONE, Key::Enter, CurationKey::KeepChosen),
        (Modifiers::NONE, Key::Backspace, CurationKey::Unsettle),
    ];
    for (modifiers, key, meaning) in moves {
        if press(modifiers, key) {
            keys.push(meaning);
        }
    }
    for (annotator, letter) in (0..annotators).filter_map(|a| Curation::letter(a).map(|l| (a, l))) {
        if Key::from_name(&letter.to_string()).is_some_and(|key| press(Modifiers::NONE, key)) {
            keys.push(CurationKey::Take(annotator));
        }
    }
    for (n, key) in DIGITS.iter().enumerate() {
        if press(Modifiers::NONE, *key) {
            keys.push(CurationKey::Toggle(n));
        }
    }
    if keys.iter().any(|k| matches!(k, CurationKey::Next | CurationKey::Previous)) {
        // Tab is ours here: cancel the focus move egui read from it.
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    }
    keys
}

/// Draws the curation of the open document; returns what it asks of the project.
pub fn adjudication_panel_ui(ui: &mut egui::Ui, state: &mut AdjudicationState) -> Vec<Action> {
    let annotators = state.curation.as_ref().map_or(0, |c| c.adjudication.annotators.len());
    for key in keys_pressed(ui.ctx(), annotators) {
        state.apply(key);
    }
    let mut actions = Vec::new();
    let mut start_from = None;
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(curation) = state.curation.as_ref() else { return };
        start_from = header_ui(ui, curation, &mut actions);
        if let Some(problem) = &state.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| list_ui(ui, curation));
    });
    if let Some(strategy) = start_from {
        state.apply(CurationKey::StartFrom(strategy));
    }
    actions.into_iter().map(Action::from).collect()
}

/// The title, the annotators' letters, the strategies and the save button;
/// returns the strategy clicked.
fn header_ui(ui: &mut egui::Ui, curation: &Curation, actions: &mut Vec<ProjectAction>) -> Option<MergeStrategy> {
    let adjudication = &curation.adjudication;
    ui.heading(format!("Adjudicating {}", curation.id));
    let letters: Vec<String> = adjudication
        .annotators
        .iter()
        .enumerate()
        .map(|(i, name)| format!("{} {name}", Curation::letter(i).unwrap_or(' ')))
        .collect();
    ui.label(format!("Annotators: {}", letters.join(" · ")));
    let mut strategy = None;
    ui.horizontal(|ui| {
        ui.label("Start from:");
        if ui.button("All agreed").clicked() {
            strategy = Some(MergeStrategy::AllAgreed);
        }
        if ui.button("Majority vote").clicked() {
            strategy = Some(MergeStrategy::MajorityVote);
        }
        for (i, name) in adjudication.annotators.iter().enumerate() {
            if ui.button(format!("{name}'s layer")).clicked() {
                strategy = Some(MergeStrategy::Layer(i));
            }
        }
        ui.separator();
        if ui.button("Save gold layer (Ctrl+S)").clicked() {
            actions.push(ProjectAction::SaveGold);
        }
        if ui.button("Leave (Ctrl+J)").clicked() {
            actions.push(ProjectAction::Adjudicate);
        }
    });
    let settled = adjudication.disagreements.len() - adjudication.unsettled();
    let saved = if curation.saved { " · gold layer saved" } else { "" };
    ui.label(format!(
        "{} agreed span(s) accepted · {} disagreement(s), {settled} settled, {} unsettled{saved}",
        adjudication.agreed.len(),
        adjudication.disagreements.len(),
        adjudication.unsettled()
    ));
    ui.weak("A/B/… take that annotator's · N neither · 1–9 pick, Enter keep the picked · ↑↓ or Tab move · Backspace unsettle");
    for problem in &curation.unanchored {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    }
    strategy
}

/// The disagreements in reading order, then the agreed spans.
fn list_ui(ui: &mut egui::Ui, curation: &Curation) {
    let adjudication = &curation.adjudication;
    for (index, disagreement) in adjudication.disagreements.iter().enumerate() {
        let focused = index == curation.current;
        let frame = egui::Frame::group(ui.style());
        let frame = if focused { frame.stroke((2.0, ui.visuals().selection.stroke.color)) } else { frame };
        let response = frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            disagreement_ui(ui, curation, index, disagreement);
        });
        if focused {
            response.response.scroll_to_me(None);
        }
    }
    egui::CollapsingHeader::new(format!("Agreed ({})", adjudication.agreed.len())).show(ui, |ui| {
        for &candidate in &adjudication.agreed {
            ui.label(curation.describe(candidate));
        }
    });
}

/// One disagreement: what it is about, each annotator's version, its candidates
/// to pick from, and how it was settled.
fn disagreement_ui(ui: &mut egui::Ui, curation: &Curation, index: usize, disagreement: &Disagreement) {
    let adjudication = &curation.adjudication;
    let what = if disagreement.quotes { "Quotation" } else { "Entities" };
    let (start, end) = disagreement.range;
    ui.horizontal(|ui| {
        ui.strong(format!("{}. {what} at {start}–{end}:", index + 1));
        match settlement_text(adjudication, disagreement) {
            Some(text) => ui.label(text),
            None => ui.colored_label(Color32::from_rgb(200, 120, 0), "unsettled"),
        };
    });
    if let Some(context) = curation.contexts.get(index) {
        ui.weak(context);
    }
    for (annotator, version) in disagreement.versions.iter().enumerate() {
        let letter = Curation::letter(annotator).unwrap_or(' ');
        let name = &adjudication.annotators[annotator];
        let spans: Vec<String> = version.iter().map(|&c| curation.describe(c)).collect();
        let spans = if spans.is_empty() { "(nothing)".to_owned() } else { spans.join("; ") };
        ui.label(format!("{letter} {name}: {spans}"));
    }
    if index == curation.current {
        for (n, &candidate) in disagreement.candidates.iter().enumerate().take(9) {
            let picked = curation.chosen.contains(&candidate);
            let mark = if picked { "☑" } else { "☐" };
            let text = format!("{mark} {} {}", n + 1, curation.describe(candidate));
            ui.label(if picked { RichText::new(text).strong() } else { RichText::new(text) });
        }
    }
}

/// How a disagreement was settled, in words; `None` while unsettled.
fn settlement_text(adjudication: &Adjudication, disagreement: &Disagreement) -> Option<String> {
    Some(match disagreement.resolution.as_ref()? {
        Resolution::Take(a) => format!("took {}'s", adjudication.annotators.get(*a).map_or("?", String::as_str)),
        Resolution::Neither => "neither".to_owned(),
        Resolution::Keep(chosen) => format!("kept {} picked", chosen.len()),
    })
}
