//! The list of annotations: entities grouped by label and quotations with their
//! speakers, with counts. Clicking an entry selects it and scrolls to it.

use egui::{CollapsingHeader, RichText};

use super::{colors, Action};
use crate::model::{Document, SpanRef, Status};

pub fn side_panel_ui(ui: &mut egui::Ui, document: &Document, selection: Option<&SpanRef>) -> Vec<Action> {
    let mut actions = Vec::new();
    let open = document.open_suggestions().len();
    ui.heading("Annotations");
    ui.label(format!("{open} open suggestion(s)"));
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        quotes_ui(ui, document, selection, &mut actions);
        entities_ui(ui, document, selection, &mut actions);
    });
    actions
}

fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Suggested => "○",
        Status::Accepted => "✔",
        Status::Manual => "✚",
        Status::Rejected => "✖",
    }
}

fn quotes_ui(ui: &mut egui::Ui, document: &Document, selection: Option<&SpanRef>, actions: &mut Vec<Action>) {
    let title = format!("Quotes ({})", document.quotes.len());
    CollapsingHeader::new(title).default_open(true).show(ui, |ui| {
        for quote in &document.quotes {
            let speaker = quote
                .speaker
                .as_deref()
                .and_then(|id| document.entity(id))
                .map_or("?", |e| e.text.as_str());
            let text = format!("{} {speaker}: {}", status_mark(quote.status), shorten(&quote.text, 48));
            let span = SpanRef::Quote(quote.id.clone());
            let chosen = selection == Some(&span);
            let label = RichText::new(text).background_color(colors::QUOTE_TINT);
            if ui.selectable_label(chosen, label).clicked() {
                actions.push(Action::Select(Some(span)));
            }
        }
    });
}

fn entities_ui(ui: &mut egui::Ui, document: &Document, selection: Option<&SpanRef>, actions: &mut Vec<Action>) {
    for label in document.labels.iter() {
        let members: Vec<_> = document.entities.iter().filter(|e| e.label == label.name).collect();
        if members.is_empty() {
            continue;
        }
        let color = colors::label_color(&document.labels, &label.name);
        let title = RichText::new(format!("{} ({})", label.name, members.len()))
            .color(color)
            .strong();
        CollapsingHeader::new(title)
            .id_salt(&label.name)
            .default_open(true)
            .show(ui, |ui| {
                for entity in members {
                    let span = SpanRef::Entity(entity.id.clone());
                    let text = format!("{} {}", status_mark(entity.status), entity.text);
                    if ui.selectable_label(selection == Some(&span), text).clicked() {
                        actions.push(Action::Select(Some(span)));
                    }
                }
            });
    }
}

/// The first `max` characters of `text` on one line, with an ellipsis if cut.
pub fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    format!("{cut}…")
}
