//! The list of annotations, in three tabs: entities grouped by label, quotes
//! with their speakers, and speakers with how often and what they are quoted.
//! Clicking an entry selects it and scrolls to it. Rows are virtualised
//! (`show_rows`): a list of 20,000 spans costs only its visible rows.

use std::collections::{BTreeMap, HashSet};

use egui::{RichText, ScrollArea};

use super::{colors, Action};
use crate::model::{Document, Quote, SpanRef, Status};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Entities,
    Quotes,
    Speakers,
}

/// What the panel remembers: the open tab and the collapsed groups.
#[derive(Debug, Default)]
pub struct SidePanelState {
    tab: Tab,
    collapsed: HashSet<String>,
}

/// One line of the list.
enum Row<'d> {
    Group { key: String, title: String, color: egui::Color32, count: usize },
    Entity(&'d crate::model::Entity),
    Quote(&'d Quote),
}

pub fn side_panel_ui(
    ui: &mut egui::Ui,
    document: &Document,
    selection: Option<&SpanRef>,
    state: &mut SidePanelState,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.heading("Annotations");
    ui.label(format!("{} open suggestion(s)", document.open_suggestions().len()));
    ui.horizontal(|ui| {
        let counts = [
            (Tab::Entities, format!("Entities ({})", document.entities.len())),
            (Tab::Quotes, format!("Quotes ({})", document.quotes.len())),
            (Tab::Speakers, "Speakers".to_owned()),
        ];
        for (tab, title) in counts {
            ui.selectable_value(&mut state.tab, tab, title);
        }
    });
    ui.separator();
    let rows = match state.tab {
        Tab::Entities => entity_rows(document, &state.collapsed),
        Tab::Quotes => document.quotes.iter().map(Row::Quote).collect(),
        Tab::Speakers => speaker_rows(document, &state.collapsed),
    };
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    ScrollArea::vertical().auto_shrink(false).show_rows(ui, row_height, rows.len(), |ui, range| {
        for row in rows.get(range).unwrap_or_default() {
            row_ui(ui, document, row, selection, state, &mut actions);
        }
    });
    actions
}

fn entity_rows<'d>(document: &'d Document, collapsed: &HashSet<String>) -> Vec<Row<'d>> {
    let mut rows = Vec::new();
    for label in document.labels.iter() {
        let members: Vec<_> = document.entities.iter().filter(|e| e.label == label.name).collect();
        if members.is_empty() {
            continue;
        }
        let key = format!("label:{}", label.name);
        let open = !collapsed.contains(&key);
        let color = colors::label_color(&document.labels, &label.name);
        rows.push(Row::Group { title: label.name.clone(), color, count: members.len(), key });
        if open {
            rows.extend(members.into_iter().map(Row::Entity));
        }
    }
    rows
}

/// Quotes grouped by who said them, most quoted first.
fn speaker_rows<'d>(document: &'d Document, collapsed: &HashSet<String>) -> Vec<Row<'d>> {
    let mut by_speaker: BTreeMap<String, Vec<&Quote>> = BTreeMap::new();
    for quote in document.quotes.iter().filter(|q| q.status != Status::Rejected) {
        by_speaker.entry(speaker_name(document, quote).to_owned()).or_default().push(quote);
    }
    let mut groups: Vec<_> = by_speaker.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let mut rows = Vec::new();
    for (speaker, quotes) in groups {
        let key = format!("speaker:{speaker}");
        let open = !collapsed.contains(&key);
        rows.push(Row::Group { title: speaker, color: colors::CUE_COLOR, count: quotes.len(), key });
        if open {
            rows.extend(quotes.into_iter().map(Row::Quote));
        }
    }
    rows
}

fn speaker_name<'d>(document: &'d Document, quote: &Quote) -> &'d str {
    quote.speaker.as_deref().and_then(|id| document.entity(id)).map_or("(no speaker)", |e| e.text.as_str())
}

fn row_ui(
    ui: &mut egui::Ui,
    document: &Document,
    row: &Row<'_>,
    selection: Option<&SpanRef>,
    state: &mut SidePanelState,
    actions: &mut Vec<Action>,
) {
    match row {
        Row::Group { key, title, color, count } => {
            let open = !state.collapsed.contains(key);
            let arrow = if open { "▼" } else { "▶" };
            let text = RichText::new(format!("{arrow} {title} ({count})")).color(*color).strong();
            if ui.selectable_label(false, text).clicked() && !state.collapsed.remove(key) {
                state.collapsed.insert(key.clone());
            }
        }
        Row::Entity(entity) => {
            let span = SpanRef::Entity(entity.id.clone());
            let text = format!("   {} {}", status_mark(entity.status), entity.text);
            if ui.selectable_label(selection == Some(&span), text).clicked() {
                actions.push(Action::Select(Some(span)));
            }
        }
        Row::Quote(quote) => {
            let span = SpanRef::Quote(quote.id.clone());
            let speaker = speaker_name(document, quote);
            let text = format!("{} {speaker}: {}", status_mark(quote.status), shorten(&quote.text, 40));
            let label = RichText::new(text).background_color(colors::QUOTE_TINT);
            if ui.selectable_label(selection == Some(&span), label).on_hover_text(&quote.text).clicked() {
                actions.push(Action::Select(Some(span)));
            }
        }
    }
}

fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Suggested => "○",
        Status::Accepted => "✔",
        Status::Manual => "✚",
        Status::Rejected => "✖",
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
