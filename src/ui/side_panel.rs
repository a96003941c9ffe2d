//! The list of annotations, in three tabs: entities grouped by label and,
//! within a label, by surface form (`Putin (11)`, folded: expanding it lists
//! its mentions); quotes with their speakers; and speakers with how often and
//! what they are quoted. A group's ✔ / ✖ accepts or rejects its open
//! suggestions as one undoable edit. Clicking an entry selects it and scrolls
//! to it. Rows are virtualised (`show_rows`): a list of 20,000 spans costs
//! only its visible rows.

use std::collections::{BTreeMap, HashSet};

use egui::{RichText, ScrollArea};

use super::{colors, ReviewAction};
use crate::model::{Document, Quote, SpanRef, Status};
use crate::session::Session;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Entities,
    Quotes,
    Speakers,
}

/// What the panel remembers: the open tab, the collapsed groups, and the
/// rows it last listed (rebuilt only when the annotations or the view change,
/// so a frame costs the visible rows, not the 20,000 spans).
#[derive(Debug, Default)]
pub struct SidePanelState {
    tab: Tab,
    collapsed: HashSet<String>,
    /// The surface-form groups unfolded (they start folded).
    expanded: HashSet<String>,
    /// Counts toggles of `collapsed`, so the rows know when to rebuild.
    collapse_generation: usize,
    cached: Option<(RowsKey, Vec<Row>)>,
    facts: GroupFacts,
}

/// What the visible group headers show that depends on review statuses and
/// the selection (open count, holds the selected span), computed once per
/// header and kept until the annotations or the selection change: a label's
/// group of a 20,000-span document must not be rescanned every frame.
#[derive(Debug, Default)]
struct GroupFacts {
    revision: u64,
    selection: Option<SpanRef>,
    by_key: std::collections::HashMap<String, (usize, bool)>,
}

impl GroupFacts {
    /// Forgets what no longer holds.
    fn keep_if(&mut self, revision: u64, selection: Option<&SpanRef>) {
        if self.revision != revision || self.selection.as_ref() != selection {
            *self = Self { revision, selection: selection.cloned(), by_key: Default::default() };
        }
    }

    /// (open suggestions, holds the selection) of `header`'s spans.
    fn of(&mut self, document: &Document, header: &GroupHeader) -> (usize, bool) {
        if let Some(facts) = self.by_key.get(&header.key) {
            return *facts;
        }
        let open = header.members.iter().filter(|m| m.is_open(document)).count();
        let facts = (open, self.selection.as_ref().is_some_and(|s| header.spans.contains(s)));
        self.by_key.insert(header.key.clone(), facts);
        facts
    }
}

/// What the rows depend on (review statuses are read as rows are drawn).
#[derive(Debug, Clone, PartialEq)]
struct RowsKey {
    structure_revision: u64,
    tab: Tab,
    collapsed: usize,
    spans: usize,
}

/// One line of the list; spans by index into the document's lists, so that
/// a row of a 20,000-span document costs 16 bytes (headers are boxed: few).
#[derive(Debug, Clone)]
enum Row {
    Group(Box<GroupHeader>),
    /// The mentions of one surface form under a label (two or more).
    Surface(Box<GroupHeader>),
    Entity(usize),
    /// One mention of an unfolded surface group.
    Mention(usize),
    Quote(usize),
}

/// A label's or a speaker's header row, which folds its members.
#[derive(Debug, Clone)]
struct GroupHeader {
    key: String,
    title: String,
    color: egui::Color32,
    count: usize,
    /// The group's spans, which its ✔ / ✖ review (empty: no buttons).
    spans: Vec<SpanRef>,
    /// The same spans as positions in the document's lists, for reading their
    /// statuses without a lookup by id (rows live until the structure changes,
    /// and a status change moves no span).
    members: Vec<Member>,
}

/// A span of a group by its position in the document's entity or quote list.
#[derive(Debug, Clone, Copy)]
enum Member {
    Entity(usize),
    Quote(usize),
}

impl Member {
    fn is_open(self, document: &Document) -> bool {
        let status = match self {
            Member::Entity(i) => document.entities().get(i).map(|e| e.status),
            Member::Quote(i) => document.quotes().get(i).map(|q| q.status),
        };
        status == Some(Status::Suggested)
    }
}

pub fn side_panel_ui(
    ui: &mut egui::Ui,
    session: &Session,
    selection: Option<&SpanRef>,
    state: &mut SidePanelState,
) -> Vec<ReviewAction> {
    let mut actions = Vec::new();
    let document = &session.document;
    let key = RowsKey {
        structure_revision: session.structure_revision(),
        tab: state.tab,
        collapsed: state.collapse_generation,
        spans: document.entities().len() + document.quotes().len(),
    };
    if state.cached.as_ref().is_none_or(|(cached, _)| *cached != key) {
        state.cached = Some((key, rows_of(document, state)));
    }
    let Some((key, rows)) = state.cached.take() else { return actions };
    state.facts.keep_if(session.revision(), selection);
    ui.heading("Annotations");
    ui.label(format!("{} open suggestion(s)", session.open_suggestions()));
    ui.horizontal(|ui| {
        let counts = [
            (Tab::Entities, format!("Entities ({})", document.entities().len())),
            (Tab::Quotes, format!("Quotes ({})", document.quotes().len())),
            (Tab::Speakers, "Speakers".to_owned()),
        ];
        for (tab, title) in counts {
            ui.selectable_value(&mut state.tab, tab, title);
        }
    });
    ui.separator();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    ScrollArea::vertical().auto_shrink(false).show_rows(ui, row_height, rows.len(), |ui, range| {
        for row in rows.get(range).unwrap_or_default() {
            row_ui(ui, document, row, selection, state, &mut actions);
        }
    });
    // Put the rows back; if a group was toggled meanwhile, the key no longer
    // matches and they are rebuilt next frame.
    state.cached = Some((key, rows));
    actions
}

fn rows_of(document: &Document, state: &SidePanelState) -> Vec<Row> {
    match state.tab {
        Tab::Entities => entity_rows(document, &state.collapsed, &state.expanded),
        Tab::Quotes => (0..document.quotes().len()).map(Row::Quote).collect(),
        Tab::Speakers => speaker_rows(document, &state.collapsed),
    }
}

fn entity_rows(document: &Document, collapsed: &HashSet<String>, expanded: &HashSet<String>) -> Vec<Row> {
    let mut by_label: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, entity) in document.entities().iter().enumerate() {
        by_label.entry(entity.label.as_str()).or_default().push(index);
    }
    let mut rows = Vec::new();
    for label in document.labels.iter() {
        let members = by_label.remove(label.name.as_str()).unwrap_or_default();
        if members.is_empty() {
            continue;
        }
        let key = format!("label:{}", label.name);
        let open = !collapsed.contains(&key);
        let color = colors::label_color(&document.labels, &label.name);
        let (title, count) = (label.name.clone(), members.len());
        let header = GroupHeader { title, color, count, key, spans: Vec::new(), members: Vec::new() };
        rows.push(Row::Group(Box::new(header)));
        if open {
            surface_rows(document, &label.name, members, color, expanded, &mut rows);
        }
    }
    rows
}

/// A label's mentions grouped by surface form, in order of first mention; a
/// form mentioned once is a plain row.
fn surface_rows(
    document: &Document,
    label: &str,
    members: Vec<usize>,
    color: egui::Color32,
    expanded: &HashSet<String>,
    rows: &mut Vec<Row>,
) {
    let mut forms: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut form_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for index in members {
        let Some(text) = document.entities().get(index).map(|e| e.text.as_str()) else { continue };
        match form_of.get(text) {
            Some(&at) => forms[at].1.push(index),
            None => {
                form_of.insert(text, forms.len());
                forms.push((text, vec![index]));
            }
        }
    }
    for (form, mentions) in forms {
        if let [single] = mentions.as_slice() {
            rows.push(Row::Entity(*single));
            continue;
        }
        let key = format!("surface:{label}:{form}");
        let open = expanded.contains(&key);
        let spans = mentions.iter().filter_map(|i| document.entities().get(*i)).map(|e| SpanRef::Entity(e.id.clone()));
        let spans = spans.collect();
        rows.push(Row::Surface(Box::new(GroupHeader {
            key,
            title: form.to_owned(),
            color,
            count: mentions.len(),
            spans,
            members: mentions.iter().map(|&i| Member::Entity(i)).collect(),
        })));
        if open {
            rows.extend(mentions.into_iter().map(Row::Mention));
        }
    }
}

/// Quotes grouped by who said them, most quoted first.
fn speaker_rows(document: &Document, collapsed: &HashSet<String>) -> Vec<Row> {
    let mut by_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // Rejected quotes stay listed (marked ✖): rows depend on structure only.
    for (index, quote) in document.quotes().iter().enumerate() {
        by_speaker.entry(speaker_name(document, quote).to_owned()).or_default().push(index);
    }
    let mut groups: Vec<_> = by_speaker.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let mut rows = Vec::new();
    for (speaker, quotes) in groups {
        let key = format!("speaker:{speaker}");
        let open = !collapsed.contains(&key);
        let spans = quotes.iter().filter_map(|i| document.quotes().get(*i)).map(|q| SpanRef::Quote(q.id.clone()));
        rows.push(Row::Group(Box::new(GroupHeader {
            title: speaker,
            color: colors::CUE_COLOR,
            count: quotes.len(),
            key,
            spans: spans.collect(),
            members: quotes.iter().map(|&i| Member::Quote(i)).collect(),
        })));
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
    row: &Row,
    selection: Option<&SpanRef>,
    state: &mut SidePanelState,
    actions: &mut Vec<ReviewAction>,
) {
    match row {
        Row::Group(header) => {
            let open = !state.collapsed.contains(&header.key);
            let facts = state.facts.of(document, header);
            let title = format!("{} {} ({}){}", arrow(open), header.title, header.count, open_mark(facts.0));
            let title = RichText::new(title).color(header.color).strong();
            group_row_ui(ui, header, title, facts, actions, || {
                if !state.collapsed.remove(&header.key) {
                    state.collapsed.insert(header.key.clone());
                }
                state.collapse_generation += 1;
            });
        }
        Row::Surface(header) => {
            let open = state.expanded.contains(&header.key);
            let facts = state.facts.of(document, header);
            let title = format!("   {} {} ({}){}", arrow(open), header.title, header.count, open_mark(facts.0));
            let title = RichText::new(title);
            group_row_ui(ui, header, title, facts, actions, || {
                if !state.expanded.remove(&header.key) {
                    state.expanded.insert(header.key.clone());
                }
                state.collapse_generation += 1;
            });
        }
        Row::Entity(index) | Row::Mention(index) => {
            let Some(entity) = document.entities().get(*index) else { return };
            let span = SpanRef::Entity(entity.id.clone());
            let text = match row {
                Row::Mention(_) => {
                    format!("         {} {} · at {}", status_mark(entity.status), entity.text, entity.start)
                }
                _ => format!("   {} {}", status_mark(entity.status), entity.text),
            };
            if ui.selectable_label(selection == Some(&span), text).clicked() {
                actions.push(ReviewAction::Select(Some(span)));
            }
        }
        Row::Quote(index) => {
            let Some(quote) = document.quotes().get(*index) else { return };
            let span = SpanRef::Quote(quote.id.clone());
            let speaker = speaker_name(document, quote);
            let text = format!("{} {speaker}: {}", status_mark(quote.status), shorten(&quote.text, 40));
            let label = RichText::new(text).background_color(colors::QUOTE_TINT);
            if ui.selectable_label(selection == Some(&span), label).on_hover_text(&*quote.text).clicked() {
                actions.push(ReviewAction::Select(Some(span)));
            }
        }
    }
}

fn arrow(open: bool) -> &'static str {
    if open {
        "▼"
    } else {
        "▶"
    }
}

/// How many of a group's suggestions are open, for its title (nothing when none).
fn open_mark(open: usize) -> String {
    match open {
        0 => String::new(),
        n => format!("  {} {n}", status_mark(Status::Suggested)),
    }
}

/// A group's header: its title (with the open count) folds or unfolds it;
/// with spans, ✔ / ✖ accept or reject its open suggestions, as one edit.
/// A screenful of headers is drawn every frame, so each is kept to three
/// widgets, and the buttons' hints are built only under the pointer.
fn group_row_ui(
    ui: &mut egui::Ui,
    header: &GroupHeader,
    title: RichText,
    (open, holds_selection): (usize, bool),
    actions: &mut Vec<ReviewAction>,
    toggle: impl FnOnce(),
) {
    ui.horizontal(|ui| {
        // A folded group shows that the selected span is among its members.
        if ui.selectable_label(holds_selection, title).clicked() {
            toggle();
        }
        if open == 0 {
            return;
        }
        let review = |accept| ReviewAction::ReviewGroup { spans: header.spans.clone(), accept };
        let title = &header.title;
        if hinted(ui.small_button("✔"), || format!("Accept the {open} open {title}")).clicked() {
            actions.push(review(true));
        }
        if hinted(ui.small_button("✖"), || format!("Reject the {open} open {title}")).clicked() {
            actions.push(review(false));
        }
    });
}

/// `response` with a hover hint, made only while the pointer is on it.
fn hinted(response: egui::Response, hint: impl FnOnce() -> String) -> egui::Response {
    if response.hovered() {
        response.on_hover_text(hint())
    } else {
        response
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
