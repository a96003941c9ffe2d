//! The article as readable text with entities, quotes, cues and the selection
//! highlighted. Clicks select spans; dragging selects text (across lines too)
//! for a new entity or quote.
//!
//! The cost of a frame depends on what is on screen, not on the document's
//! length: the text is cut into [`blocks`] with known (estimated, then
//! measured) heights, only the blocks in the viewport are laid out, and spans
//! are looked up by position through the model's index (`entities_in`).
//! egui caches each galley by its layout job, so an edit relays out only the
//! blocks whose runs it changed.

mod block_job;
pub use block_job::is_shown;
mod blocks;
pub mod snap;

use std::sync::Arc;

use egui::{Align2, FontId, Galley, Pos2, Rect, ScrollArea, Sense, Vec2, WidgetInfo};

use self::block_job::{block_job, Highlights, BODY_SIZE};
use self::blocks::{Blocks, Metrics};
use super::colors::{self, QuoteColors};
use super::{ReviewAction, ScrollJump};
use crate::model::{Document, SpanRef};

const READING_WIDTH: f32 = 780.0;
const CAPTION_SIZE: f32 = 11.0;
const CAPTION_HEIGHT: f32 = 15.0;
/// Room between a block's last line and its captions, so that underlines
/// drawn below that line's text stay clear of the small print.
const CAPTION_GAP: f32 = 4.0;
/// Frames to keep correcting a jump while estimated heights become measured.
const SCROLL_SETTLE_FRAMES: u8 = 6;

/// What the view remembers between frames.
#[derive(Debug, Default)]
pub struct DocumentViewState {
    drag_anchor: Option<usize>,
    /// The blocks of the open document's text, with its length as a check.
    blocks: Option<(usize, Blocks)>,
    char_width: Option<f32>,
    viewport_height: f32,
    scroll_frames_left: u8,
    /// The scroll offset of the last frame, and a keyboard jump to make.
    offset: f32,
    pending_jump: Option<ScrollJump>,
    /// The first block on screen and how far the view is scrolled into it:
    /// when heights above change (measured, or rewrapped), the view follows
    /// the text rather than a pixel offset.
    anchor: Option<(usize, f32)>,
    /// How many blocks the last frame laid out: a measure of work, for tests.
    pub laid_out_last_frame: usize,
    /// The code points the last frame showed, from its first to its last block.
    pub shown_last_frame: (usize, usize),
    /// Where the article's text sat in the last frame: left edge and wrap
    /// width, in points (a selection must not move it).
    pub text_column_last_frame: (f32, f32),
}

impl DocumentViewState {
    /// Asks for a keyboard scroll in the next frame.
    pub fn jump(&mut self, jump: ScrollJump) {
        self.pending_jump = Some(jump);
    }

    /// How far the view is scrolled, in points (saved with the session).
    pub fn offset(&self) -> f32 {
        self.offset
    }
}

/// What the view shows this frame.
pub struct DocumentView<'a> {
    pub document: &'a Document,
    pub selection: Option<&'a SpanRef>,
    pub text_selection: Option<(usize, usize)>,
    /// Suggestions less sure than this are hidden.
    pub min_confidence: f32,
    pub quote_colors: QuoteColors,
    /// Set when the selection should be scrolled into view; cleared once it is.
    pub scroll_to_selection: &'a mut bool,
}

/// A block as placed on screen this frame.
struct Placed {
    rect: Rect,
    galley: Arc<Galley>,
    start: usize,
    end: usize,
}

pub fn document_view_ui(
    ui: &mut egui::Ui,
    mut view: DocumentView<'_>,
    state: &mut DocumentViewState,
) -> Vec<ReviewAction> {
    let mut actions = Vec::new();
    let width = READING_WIDTH.min(ui.available_width() - 16.0).max(100.0);
    let metrics = Metrics {
        row_height: BODY_SIZE * 1.6,
        char_width: *state.char_width.get_or_insert_with(|| average_char_width(ui)),
        width,
        line_gap: ui.spacing().item_spacing.y + BODY_SIZE * 0.4,
    };
    let document = view.document;
    if state.blocks.as_ref().is_none_or(|(len, _)| *len != document.char_len()) {
        state.blocks = Some((document.char_len(), Blocks::of(&document.text)));
    }
    let Some((_, blocks)) = state.blocks.as_mut() else { return actions };
    blocks.set_width(width);

    let mut scroll_area = ScrollArea::vertical().auto_shrink(false);
    let target = target_start(&view).and_then(|start| blocks.block_of(start));
    if let Some((block, into)) = state.anchor.filter(|_| !*view.scroll_to_selection) {
        let wanted = blocks.top(block, &metrics) + into;
        if (wanted - state.offset).abs() > 0.5 {
            scroll_area = scroll_area.vertical_scroll_offset(wanted);
        }
    }
    if let Some(jump) = state.pending_jump.take() {
        let page = state.viewport_height * 0.9;
        let offset = match jump {
            ScrollJump::PageUp => state.offset - page,
            ScrollJump::PageDown => state.offset + page,
            ScrollJump::Top => 0.0,
            ScrollJump::Bottom => blocks.total_height(&metrics),
            ScrollJump::To(offset) => offset,
        };
        scroll_area = scroll_area.vertical_scroll_offset(offset.max(0.0));
    }
    if *view.scroll_to_selection {
        if state.scroll_frames_left == 0 {
            state.scroll_frames_left = SCROLL_SETTLE_FRAMES;
        }
        if let Some(block) = target {
            let top = blocks.top(block, &metrics);
            scroll_area = scroll_area.vertical_scroll_offset((top - state.viewport_height / 3.0).max(0.0));
        }
    }
    let text_color = ui.visuals().text_color();
    let highlights =
        Highlights::new(document, view.selection, view.text_selection, view.min_confidence, view.quote_colors);
    let mut placed = Vec::new();
    let mut heights_changed = false;
    scroll_area.show_viewport(ui, |ui, viewport| {
        ui.set_height(blocks.total_height(&metrics));
        ui.set_width(width);
        state.viewport_height = viewport.height();
        state.offset = viewport.min.y;
        let origin = ui.max_rect().min;
        state.text_column_last_frame = (origin.x, width);
        let visible = blocks.visible(viewport.min.y, viewport.max.y, &metrics);
        state.anchor = Some((visible.start, viewport.min.y - blocks.top(visible.start, &metrics)));
        for index in visible {
            let Some(block) = blocks.blocks.get(index).copied() else { continue };
            if block.start == block.end {
                continue;
            }
            let top = blocks.top(index, &metrics);
            let galley = ui.painter().layout_job(block_job(&highlights, block.start, block.end, width, text_color));
            let rect = Rect::from_min_size(origin + Vec2::new(0.0, top), Vec2::new(width, galley.size().y));
            let captions = captions_ui(ui, document, block.start, block.end, rect.left_bottom());
            let old = blocks.height(index, &metrics);
            blocks.record_height(index, galley.size().y + captions_height(captions));
            heights_changed |= (blocks.height(index, &metrics) - old).abs() > 0.5;
            let line = Placed { rect, galley, start: block.start, end: block.end };
            block_interaction_ui(ui, &line, document, index, &mut actions);
            placed.push(line);
        }
    });
    state.laid_out_last_frame = placed.len();
    state.shown_last_frame = (placed.first().map_or(0, |p| p.start), placed.last().map_or(0, |p| p.end));
    settle_scroll(ui, &mut view, state, target, &placed);
    if heights_changed {
        ui.ctx().request_repaint();
    }
    track_text_drag(ui, document, &placed, state, &mut actions);
    actions
}

/// Where a jump goes: the selected span, else the selected text (a search hit).
fn target_start(view: &DocumentView<'_>) -> Option<usize> {
    let span = view.selection.and_then(|s| view.document.range_of(s)).map(|(start, _)| start);
    span.or(view.text_selection.map(|(start, _)| start))
}

/// Keeps a jump going for a few frames, since heights measured on the way
/// move the target; stops once the target is on screen.
fn settle_scroll(
    ui: &egui::Ui,
    view: &mut DocumentView<'_>,
    state: &mut DocumentViewState,
    target: Option<usize>,
    placed: &[Placed],
) {
    if !*view.scroll_to_selection {
        return;
    }
    let on_screen = target.is_none()
        || target_start(view).is_some_and(|start| {
            placed.iter().any(|p| p.start <= start && start <= p.end && ui.clip_rect().contains(p.rect.center_top()))
        });
    state.scroll_frames_left = state.scroll_frames_left.saturating_sub(1);
    if on_screen || state.scroll_frames_left == 0 {
        *view.scroll_to_selection = false;
        state.scroll_frames_left = 0;
    } else {
        ui.ctx().request_repaint();
    }
}

/// Paints a block and turns clicks on it into selections.
fn block_interaction_ui(
    ui: &mut egui::Ui,
    line: &Placed,
    document: &Document,
    index: usize,
    actions: &mut Vec<ReviewAction>,
) {
    let response = ui.interact(line.rect, ui.scope_id().with(("block", index)), Sense::click_and_drag());
    ui.painter().galley(line.rect.min, line.galley.clone(), ui.visuals().text_color());
    let text = document.slice(line.start, line.end).unwrap_or_default();
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, text));
    let at = response.interact_pointer_pos().map(|p| char_at(line, p));
    if response.double_clicked() {
        // One word, exactly as a drag over it would snap (Alt: no snapping).
        let exact = ui.input(|i| i.modifiers.alt);
        let word = at.and_then(|at| if exact { None } else { snap::word_at(document, at) });
        if word.is_some() {
            actions.push(ReviewAction::SelectText(word));
        }
        return;
    }
    if !response.clicked() {
        return;
    }
    if let Some(at) = at {
        let span = document.span_at(at).or_else(|| at.checked_sub(1).and_then(|a| document.span_at(a)));
        actions.push(ReviewAction::SelectText(None));
        actions.push(ReviewAction::Select(span));
    }
}

/// Under the block where a quotation ends: who said it, in small print.
/// Returns how many caption lines it drew.
fn captions_ui(ui: &egui::Ui, document: &Document, start: usize, end: usize, at: Pos2) -> usize {
    let ending = document.quotes_touching(start, end).filter(|q| start < q.end && q.end <= end);
    let mut count = 0;
    for quote in ending {
        let speaker = quote
            .speaker
            .as_deref()
            .and_then(|id| document.entity(id))
            .map_or("no speaker".to_owned(), |e| format!("speaker: {}", e.text));
        let cue = quote.cue.as_ref().map_or(String::new(), |c| format!(" · cue: {}", c.text));
        let kind = format!("{:?}", quote.kind).to_lowercase();
        let status = format!("{:?}", quote.status).to_lowercase();
        let caption = format!("▲ {kind} quote {} · {speaker}{cue} · {status}", quote.id);
        let pos = at + Vec2::new(0.0, CAPTION_GAP + count as f32 * CAPTION_HEIGHT);
        ui.painter().text(pos, Align2::LEFT_TOP, caption, FontId::proportional(CAPTION_SIZE), colors::CUE_COLOR);
        count += 1;
    }
    count
}

/// The height `count` caption lines add under a block.
fn captions_height(count: usize) -> f32 {
    if count == 0 {
        0.0
    } else {
        CAPTION_GAP + count as f32 * CAPTION_HEIGHT
    }
}

/// The average advance of body text, for estimating heights of blocks not yet laid out.
fn average_char_width(ui: &egui::Ui) -> f32 {
    let sample = "Presiden Rusia Vladimir Putin menyatakan Korea Utara bersedia, kata Reuters.";
    let galley = ui.painter().layout_no_wrap(sample.to_owned(), FontId::proportional(BODY_SIZE), egui::Color32::BLACK);
    galley.size().x / sample.chars().count() as f32
}

/// The code point nearest to `pos` on `line`.
fn char_at(line: &Placed, pos: Pos2) -> usize {
    let cursor = line.galley.cursor_from_pos(pos - line.rect.min);
    (line.start + cursor.index.0).min(line.end)
}

/// The code point nearest to `pos` among the placed blocks (above the first: its start).
fn char_at_any(lines: &[Placed], pos: Pos2) -> Option<usize> {
    let first = lines.first()?;
    if pos.y < first.rect.top() {
        return Some(first.start);
    }
    let line = lines.iter().rev().find(|l| l.rect.top() <= pos.y).unwrap_or(first);
    Some(char_at(line, pos))
}

/// Dragging over the text selects a range, possibly over several blocks; its
/// ends snap to whole tokens unless Alt is held.
fn track_text_drag(
    ui: &egui::Ui,
    document: &Document,
    lines: &[Placed],
    state: &mut DocumentViewState,
    actions: &mut Vec<ReviewAction>,
) {
    let (origin, latest, down) =
        ui.input(|i| (i.pointer.press_origin(), i.pointer.latest_pos(), i.pointer.primary_down()));
    let over_text = |p: Pos2| lines.iter().any(|l| l.rect.contains(p));
    if state.drag_anchor.is_none() && down && ui.input(|i| i.pointer.is_decidedly_dragging()) {
        state.drag_anchor = origin.filter(|p| over_text(*p)).and_then(|p| char_at_any(lines, p));
    }
    let Some(anchor) = state.drag_anchor else { return };
    if let Some(here) = latest.and_then(|p| char_at_any(lines, p)) {
        let (start, end) = (anchor.min(here), anchor.max(here));
        let exact = ui.input(|i| i.modifiers.alt);
        let range = if exact || start == end { (start, end) } else { snap::snap_range(document, start, end) };
        actions.push(ReviewAction::SelectText((range.0 < range.1).then_some(range)));
    }
    if !down {
        state.drag_anchor = None;
    }
}
