//! The article as readable text, one galley per line, with entities, quotes,
//! cues and the selection highlighted. Clicks select spans; dragging selects
//! text (across lines too) for a new entity or quote.

use std::sync::Arc;

use egui::text::ByteIndex;
use egui::text::{CCursor, LayoutJob, LayoutSection};
use egui::{Align, FontId, Galley, Pos2, Rect, RichText, Sense, TextFormat, Vec2, WidgetInfo};

use super::colors;
use super::Action;
use crate::model::{Document, SpanRef};

/// What the view remembers between frames: where a text drag began.
#[derive(Debug, Default)]
pub struct DocumentViewState {
    drag_anchor: Option<usize>,
}

/// What the view shows this frame.
pub struct DocumentView<'a> {
    pub document: &'a Document,
    pub selection: Option<&'a SpanRef>,
    pub text_selection: Option<(usize, usize)>,
    /// Set when the selection should be scrolled into view; cleared once done.
    pub scroll_to_selection: &'a mut bool,
}

/// A line of the text as laid out this frame.
struct PlacedLine {
    rect: Rect,
    galley: Arc<Galley>,
    start: usize,
    end: usize,
}

const BODY_SIZE: f32 = 16.0;
const READING_WIDTH: f32 = 780.0;

pub fn document_view_ui(ui: &mut egui::Ui, view: DocumentView<'_>, state: &mut DocumentViewState) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut placed = Vec::new();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(READING_WIDTH.min(ui.available_width()));
        for (start, end) in lines_of(view.document) {
            if start == end {
                ui.add_space(BODY_SIZE * 0.6);
                continue;
            }
            let line = line_ui(ui, &view, start, end, &mut actions);
            if *view.scroll_to_selection && scroll_if_selected(ui, &view, &line) {
                *view.scroll_to_selection = false;
            }
            captions_ui(ui, view.document, start, end);
            placed.push(line);
        }
    });
    if let Some(selection) = view.selection {
        // The selection is not on any line (e.g. it was deleted): stop trying.
        if view.document.range_of(selection).is_none() {
            *view.scroll_to_selection = false;
        }
    }
    track_text_drag(ui, &placed, state, &mut actions);
    actions
}

/// Code-point ranges of the text's lines, without their line terminators.
fn lines_of(document: &Document) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut previous = '\0';
    for (i, c) in document.text.chars().enumerate() {
        if c == '\n' {
            let end = if previous == '\r' { i - 1 } else { i };
            lines.push((start, end.max(start)));
            start = i + 1;
        }
        previous = c;
    }
    lines.push((start, document.char_len()));
    lines
}

fn line_ui(
    ui: &mut egui::Ui,
    view: &DocumentView<'_>,
    start: usize,
    end: usize,
    actions: &mut Vec<Action>,
) -> PlacedLine {
    let job = line_job(ui, view, start, end);
    let galley = ui.painter().layout_job(job);
    let size = Vec2::new(ui.available_width(), galley.size().y);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    ui.painter().galley(rect.min, galley.clone(), ui.visuals().text_color());
    let text = view.document.slice(start, end).unwrap_or_default().to_owned();
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, text.clone()));
    let line = PlacedLine {
        rect,
        galley,
        start,
        end,
    };
    if response.clicked() {
        if let Some(at) = response.interact_pointer_pos().map(|p| char_at(&line, p)) {
            let span = view
                .document
                .span_at(at)
                .or_else(|| at.checked_sub(1).and_then(|a| view.document.span_at(a)));
            actions.push(Action::SelectText(None));
            actions.push(Action::Select(span));
        }
    }
    line
}

/// One layout section per run of text that shares the same spans.
fn line_job(ui: &egui::Ui, view: &DocumentView<'_>, start: usize, end: usize) -> LayoutJob {
    let document = view.document;
    let mut cuts = vec![start, end];
    let mut add = |s: usize, e: usize| {
        for point in [s, e] {
            if start < point && point < end {
                cuts.push(point);
            }
        }
    };
    document.entities.iter().for_each(|e| add(e.start, e.end));
    for quote in &document.quotes {
        add(quote.start, quote.end);
        if let Some(cue) = &quote.cue {
            add(cue.start, cue.end);
        }
    }
    if let Some((s, e)) = view.text_selection {
        add(s, e);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let base = TextFormat {
        font_id: FontId::proportional(BODY_SIZE),
        color: ui.visuals().text_color(),
        line_height: Some(BODY_SIZE * 1.6),
        ..Default::default()
    };
    let index = document.index();
    let line_byte = index.byte_of(start).unwrap_or(0);
    let mut job = LayoutJob {
        text: document.slice(start, end).unwrap_or_default().to_owned(),
        ..Default::default()
    };
    job.wrap.max_width = ui.available_width();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (Some(byte_a), Some(byte_b)) = (index.byte_of(a), index.byte_of(b)) else {
            continue;
        };
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(byte_a - line_byte)..ByteIndex(byte_b - line_byte),
            format: run_format(view, a, b, base.clone()),
        });
    }
    job
}

/// The format of the run `a..b`, layered: quote, cue, entity, selection.
fn run_format(view: &DocumentView<'_>, a: usize, b: usize, mut format: TextFormat) -> TextFormat {
    let document = view.document;
    let covers = |s: usize, e: usize| s <= a && b <= e;
    let mut selected = false;
    for quote in document.quotes.iter().filter(|q| covers(q.start, q.end)) {
        colors::style_quote(&mut format, quote.status);
        selected |= view.selection == Some(&SpanRef::Quote(quote.id.clone()));
    }
    if document
        .quotes
        .iter()
        .filter_map(|q| q.cue.as_ref())
        .any(|c| covers(c.start, c.end))
    {
        colors::style_cue(&mut format);
    }
    let entity = document
        .entities
        .iter()
        .filter(|e| covers(e.start, e.end))
        .min_by_key(|e| e.end - e.start);
    if let Some(entity) = entity {
        colors::style_entity(
            &mut format,
            colors::label_color(&document.labels, &entity.label),
            entity.status,
        );
        selected |= view.selection == Some(&SpanRef::Entity(entity.id.clone()));
    }
    if selected {
        colors::style_selected(&mut format);
    }
    if view.text_selection.is_some_and(|(s, e)| covers(s, e)) {
        colors::style_text_selection(&mut format);
    }
    format
}

/// Under the line where a quotation ends: who said it, in small print.
fn captions_ui(ui: &mut egui::Ui, document: &Document, start: usize, end: usize) {
    for quote in document.quotes.iter().filter(|q| start < q.end && q.end <= end) {
        let speaker = quote
            .speaker
            .as_deref()
            .and_then(|id| document.entity(id))
            .map_or("no speaker".to_owned(), |e| format!("speaker: {}", e.text));
        let cue = quote
            .cue
            .as_ref()
            .map_or(String::new(), |c| format!(" · cue: {}", c.text));
        let kind = format!("{:?}", quote.kind).to_lowercase();
        let status = format!("{:?}", quote.status).to_lowercase();
        let caption = format!("▲ {} quote {} · {speaker}{cue} · {status}", kind, quote.id);
        ui.label(RichText::new(caption).small().color(colors::CUE_COLOR));
    }
}

/// Scrolls to the selection if it starts on `line`; says whether it did.
fn scroll_if_selected(ui: &egui::Ui, view: &DocumentView<'_>, line: &PlacedLine) -> bool {
    let Some((start, _)) = view.selection.and_then(|s| view.document.range_of(s)) else {
        return false;
    };
    if !(line.start <= start && start <= line.end) {
        return false;
    }
    let local = line.galley.pos_from_cursor(CCursor::new(start - line.start));
    ui.scroll_to_rect(local.translate(line.rect.min.to_vec2()), Some(Align::Center));
    true
}

/// The code point nearest to `pos` on `line`.
fn char_at(line: &PlacedLine, pos: Pos2) -> usize {
    let cursor = line.galley.cursor_from_pos(pos - line.rect.min);
    (line.start + cursor.index.0).min(line.end)
}

/// The code point nearest to `pos` among all lines (above the first: its start).
fn char_at_any(lines: &[PlacedLine], pos: Pos2) -> Option<usize> {
    let first = lines.first()?;
    if pos.y < first.rect.top() {
        return Some(first.start);
    }
    let line = lines.iter().rev().find(|l| l.rect.top() <= pos.y).unwrap_or(first);
    Some(char_at(line, pos))
}

/// Dragging over the text selects a range, possibly over several lines.
fn track_text_drag(ui: &egui::Ui, lines: &[PlacedLine], state: &mut DocumentViewState, actions: &mut Vec<Action>) {
    let (origin, latest, down) = ui.input(|i| {
        (
            i.pointer.press_origin(),
            i.pointer.latest_pos(),
            i.pointer.primary_down(),
        )
    });
    let over_text = |p: Pos2| lines.iter().any(|l| l.rect.contains(p));
    if state.drag_anchor.is_none() && down && ui.input(|i| i.pointer.is_decidedly_dragging()) {
        state.drag_anchor = origin.filter(|p| over_text(*p)).and_then(|p| char_at_any(lines, p));
    }
    let Some(anchor) = state.drag_anchor else { return };
    if let Some(here) = latest.and_then(|p| char_at_any(lines, p)) {
        let range = (anchor.min(here), anchor.max(here));
        actions.push(Action::SelectText((range.0 < range.1).then_some(range)));
    }
    if !down {
        state.drag_anchor = None;
    }
}
