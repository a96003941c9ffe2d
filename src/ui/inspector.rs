//! The selected span in detail, with every correction the mouse can make:
//! accept, reject, relabel, move boundaries, delete, set a quote's speaker;
//! and for a text selection, making a new entity or quote.

use egui::RichText;

use super::command::Command;
use super::side_panel::shorten;
use super::speaker_reasons::reasons;
use super::{colors, ReviewAction};
use crate::model::{Document, Entity, Quote, QuoteKind, SpanRef};
use crate::speaker_ranking::RankedSpeaker;

/// What the inspector shows this frame.
pub struct InspectorView<'a> {
    pub document: &'a Document,
    pub selection: Option<&'a SpanRef>,
    pub text_selection: Option<(usize, usize)>,
    /// The next clicked entity becomes the selected quote's speaker.
    pub picking_speaker: bool,
    /// The speaker candidate chosen by digit, awaiting Enter.
    pub speaker_choice: Option<usize>,
    /// The selected quotation's speaker candidates, best first.
    pub speaker_candidates: &'a [RankedSpeaker],
}

pub fn inspector_ui(ui: &mut egui::Ui, view: &InspectorView<'_>) -> Vec<ReviewAction> {
    let mut actions = Vec::new();
    let document = view.document;
    if let Some((start, end)) = view.text_selection {
        new_span_ui(ui, document, start, end, &mut actions);
        ui.separator();
    }
    match view.selection {
        Some(SpanRef::Entity(id)) => match document.entity(id) {
            Some(entity) => entity_ui(ui, document, entity, &mut actions),
            None => nothing_selected_ui(ui),
        },
        Some(SpanRef::Quote(id)) => match document.quote(id) {
            Some(quote) => quote_ui(ui, view, quote, &mut actions),
            None => nothing_selected_ui(ui),
        },
        None if view.text_selection.is_none() => nothing_selected_ui(ui),
        None => {}
    }
    actions
}

fn nothing_selected_ui(ui: &mut egui::Ui) {
    ui.heading("Nothing selected");
    ui.label(
        "Press Tab to go to the next suggestion, click a highlighted span, or drag over text to mark a new one \
         (it snaps to whole words; hold Alt to place the ends exactly).",
    );
}

fn new_span_ui(ui: &mut egui::Ui, document: &Document, start: usize, end: usize, actions: &mut Vec<ReviewAction>) {
    ui.heading("New span");
    ui.label(RichText::new(shorten(document.slice(start, end).unwrap_or_default(), 80)).italics());
    ui.label("Label (key):");
    ui.horizontal_wrapped(|ui| {
        for (i, label) in document.labels.iter().enumerate() {
            let text = RichText::new(format!("{} {}", i + 1, label.name))
                .color(colors::label_color(&document.labels, &label.name));
            if ui.button(text).on_hover_text(&label.description).clicked() {
                actions.push(ReviewAction::CreateEntity { start, end, label: label.name.clone() });
            }
        }
    });
    if ui.button("Q  Mark as quote").clicked() {
        actions.push(ReviewAction::CreateQuote { start, end });
    }
}

fn review_buttons_ui(ui: &mut egui::Ui, span: &SpanRef, actions: &mut Vec<ReviewAction>) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("✔ Accept").on_hover_text("Enter").clicked() {
            actions.push(ReviewAction::Accept(span.clone()));
        }
        if ui.button("✖ Reject").on_hover_text("Delete").clicked() {
            actions.push(ReviewAction::Reject(span.clone()));
        }
        if ui.button("Remove span").on_hover_text("Shift+Delete: remove entirely, not kept as a negative").clicked() {
            actions.push(ReviewAction::Delete(span.clone()));
        }
    });
}

fn bounds_ui(ui: &mut egui::Ui, span: &SpanRef, actions: &mut Vec<ReviewAction>) {
    let nudge = |start_by, end_by| ReviewAction::Nudge { span: span.clone(), start_by, end_by };
    ui.horizontal_wrapped(|ui| {
        ui.label("Start");
        let buttons = [
            ("◀", Command::StartLeftChar, (-1, 0)),
            ("▶", Command::StartRightChar, (1, 0)),
            ("◀", Command::EndLeftChar, (0, -1)),
            ("▶", Command::EndRightChar, (0, 1)),
        ];
        for (i, (arrow, command, (start_by, end_by))) in buttons.into_iter().enumerate() {
            if i == 2 {
                ui.label("End");
            }
            let keys = format!("{} (by a token: without Ctrl)", command.shortcut_text());
            if ui.small_button(arrow).on_hover_text(keys).clicked() {
                actions.push(nudge(start_by, end_by));
            }
        }
    });
}

fn entity_ui(ui: &mut egui::Ui, document: &Document, entity: &Entity, actions: &mut Vec<ReviewAction>) {
    let span = SpanRef::Entity(entity.id.clone());
    ui.heading(format!("Entity {}", entity.id));
    ui.label(RichText::new(&*entity.text).strong().size(18.0));
    let confidence = entity.confidence.map_or(String::new(), |c| format!(" · confidence {c:.2}"));
    ui.label(format!("{:?}{confidence} · from {} · {}..{}", entity.status, entity.source, entity.start, entity.end));
    ui.label("Label (key):");
    ui.horizontal_wrapped(|ui| {
        for (i, label) in document.labels.iter().enumerate() {
            let text = RichText::new(format!("{} {}", i + 1, label.name))
                .color(colors::label_color(&document.labels, &label.name));
            if ui.selectable_label(entity.label == label.name, text).on_hover_text(&label.description).clicked() {
                actions.push(ReviewAction::Relabel { entity: entity.id.to_string(), label: label.name.clone() });
            }
        }
    });
    bounds_ui(ui, &span, actions);
    review_buttons_ui(ui, &span, actions);
    let spoken: Vec<&Quote> = document.quotes().iter().filter(|q| q.speaker.as_deref() == Some(&entity.id)).collect();
    if !spoken.is_empty() {
        ui.separator();
        ui.label(format!("Speaker of {} quote(s)", spoken.len()));
    }
}

fn quote_ui(ui: &mut egui::Ui, view: &InspectorView<'_>, quote: &Quote, actions: &mut Vec<ReviewAction>) {
    let span = SpanRef::Quote(quote.id.clone());
    ui.heading(format!("Quote {}", quote.id));
    ui.label(RichText::new(shorten(&quote.text, 240)).italics());
    let cue = quote.cue.as_ref().map_or("none".to_owned(), |c| c.text.to_string());
    // A learned lesson lowers a rejected construction's confidence: show it, as for entities.
    let confidence = quote.confidence.map_or(String::new(), |c| format!(" · confidence {c:.2}"));
    ui.label(format!("{:?}{confidence} · cue: {cue} · from {}", quote.status, quote.source));
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Kind ({}):", Command::CycleQuoteKind.shortcut_text()));
        for kind in [QuoteKind::Direct, QuoteKind::Indirect] {
            if ui.radio(quote.kind == kind, format!("{kind:?}")).clicked() && quote.kind != kind {
                actions.push(ReviewAction::SetQuoteKind { quote: quote.id.to_string(), kind });
            }
        }
    });
    speaker_ui(ui, view, quote, actions);
    let pick = match view.picking_speaker {
        true => "Click the speaker in the text, or press its digit and Enter…",
        false => "Pick speaker in text",
    };
    let keys = format!("{}, then a digit and Enter", Command::PickSpeaker.shortcut_text());
    if ui.selectable_label(view.picking_speaker, pick).on_hover_text(keys).clicked() {
        actions.push(ReviewAction::PickSpeaker { quote: quote.id.to_string() });
    }
    if let Some((start, end)) = view.text_selection {
        ui.horizontal_wrapped(|ui| {
            if ui.button(format!("{}  Selected text is the cue", Command::SetCue.shortcut_text())).clicked() {
                actions.push(ReviewAction::SetCue { quote: quote.id.to_string(), start, end });
            }
            let speaker = format!("{}  Selected text is the speaker", Command::SpeakerFromText.shortcut_text());
            if ui.button(speaker).clicked() {
                actions.push(ReviewAction::CreateSpeaker { quote: quote.id.to_string(), start, end });
            }
        });
    }
    bounds_ui(ui, &span, actions);
    review_buttons_ui(ui, &span, actions);
}

/// The speaker, and the candidates numbered for the digit keys, best first as
/// the speaker ranker scores them, each with its score and why.
fn speaker_ui(ui: &mut egui::Ui, view: &InspectorView<'_>, quote: &Quote, actions: &mut Vec<ReviewAction>) {
    let document = view.document;
    let current = quote.speaker.as_deref().and_then(|id| document.entity(id));
    let shown = current.map_or("(none)".to_owned(), |e| format!("{} ({})", e.text, e.id));
    ui.label(RichText::new(format!("Speaker: {shown}")).strong());
    let (pick, none) = (Command::PickSpeaker.shortcut_text(), Command::NoSpeaker.shortcut_text());
    ui.weak(format!("Keys: a candidate's digit, then Enter ({pick} first to click one in the text); {none}: none"));
    let quote_id = quote.id.to_string();
    let none = ui.selectable_label(current.is_none(), "(none)");
    if none.on_hover_text(Command::NoSpeaker.shortcut_text()).clicked() {
        actions.push(ReviewAction::SetSpeaker { quote: quote_id.clone(), speaker: None });
    }
    for (i, candidate) in view.speaker_candidates.iter().enumerate() {
        let Some(entity) = document.entity(&candidate.entity) else { continue };
        let is_current = quote.speaker.as_deref() == Some(entity.id.as_str());
        let chosen = view.picking_speaker && view.speaker_choice == Some(i);
        let mark = if chosen { "  ◀ Enter confirms" } else { "" };
        let text = format!(
            "{}  {} · {} ({}) · score {:.1}{mark}",
            i + 1,
            entity.text,
            entity.label,
            entity.id,
            candidate.score
        );
        if ui.selectable_label(is_current || chosen, text).clicked() {
            actions.push(ReviewAction::SetSpeaker { quote: quote_id.clone(), speaker: Some(entity.id.to_string()) });
        }
        ui.weak(format!("     {}", reasons(&candidate.features)));
    }
}
