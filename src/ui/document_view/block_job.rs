//! One block of text as an egui layout job: a section per run of characters
//! that share the same spans, styled by label, status and selection.

use egui::text::{ByteIndex, LayoutJob, LayoutSection};
use egui::{FontId, TextFormat};

use super::super::colors::{self, QuoteColors};
use crate::model::{Document, Entity, Quote, SpanRef, Status};

/// What decides how a run of text looks.
pub struct Highlights<'a> {
    pub document: &'a Document,
    pub text_selection: Option<(usize, usize)>,
    /// Suggestions less sure than this are not shown.
    pub min_confidence: f32,
    pub quote_colors: QuoteColors,
    selected_entity: Option<&'a str>,
    /// The selected quote, whose speaker and cue are highlighted with it.
    selected_quote: Option<&'a Quote>,
}

impl<'a> Highlights<'a> {
    pub fn new(
        document: &'a Document,
        selection: Option<&'a SpanRef>,
        text_selection: Option<(usize, usize)>,
        min_confidence: f32,
        quote_colors: QuoteColors,
    ) -> Self {
        let (selected_entity, selected_quote) = match selection {
            Some(SpanRef::Entity(id)) => (Some(id.as_str()), None),
            Some(SpanRef::Quote(id)) => (None, document.quote(id)),
            None => (None, None),
        };
        Self { document, text_selection, min_confidence, quote_colors, selected_entity, selected_quote }
    }
}

pub const BODY_SIZE: f32 = 16.0;

pub fn block_job(
    highlights: &Highlights<'_>,
    start: usize,
    end: usize,
    wrap_width: f32,
    text_color: egui::Color32,
) -> LayoutJob {
    let document = highlights.document;
    let mut cuts = vec![start, end];
    let mut cut = |s: usize, e: usize| cuts.extend([s, e].into_iter().filter(|p| start < *p && *p < end));
    document.entities_in(start, end).for_each(|e| cut(e.start, e.end));
    for quote in document.quotes_touching(start, end) {
        cut(quote.start, quote.end);
        if let Some(c) = &quote.cue {
            cut(c.start, c.end);
        }
    }
    if let Some((s, e)) = highlights.text_selection {
        cut(s, e);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let base = TextFormat {
        font_id: FontId::proportional(BODY_SIZE),
        color: text_color,
        line_height: Some(BODY_SIZE * 1.6),
        ..Default::default()
    };
    let block_byte = document.byte_of(start).unwrap_or(0);
    let mut job = LayoutJob { text: document.slice(start, end).unwrap_or_default().to_owned(), ..Default::default() };
    job.wrap.max_width = wrap_width;
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (Some(byte_a), Some(byte_b)) = (document.byte_of(a), document.byte_of(b)) else { continue };
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(byte_a - block_byte)..ByteIndex(byte_b - block_byte),
            format: run_format(highlights, a, b, base.clone()),
        });
    }
    job
}

/// The format of the run `a..b`, layered: quote, cue, entity, selection.
fn run_format(highlights: &Highlights<'_>, a: usize, b: usize, mut format: TextFormat) -> TextFormat {
    let document = highlights.document;
    let covers = |s: usize, e: usize| s <= a && b <= e;
    let selected_quote = highlights.selected_quote;
    let mut selected = false;
    let mut related = false;
    for quote in document.quotes_touching(a, b) {
        if covers(quote.start, quote.end) {
            colors::style_quote(&mut format, quote.status, highlights.quote_colors.tint(quote.kind));
            selected |= selected_quote.is_some_and(|q| q.id == quote.id);
        }
        if let Some(cue) = quote.cue.as_ref().filter(|c| covers(c.start, c.end)) {
            colors::style_cue(&mut format);
            related |= selected_quote.is_some_and(|q| q.cue.as_ref() == Some(cue));
        }
    }
    let shown = |e: &&Entity| covers(e.start, e.end) && is_shown(e, highlights.min_confidence);
    if let Some(entity) = document.entities_in(a, b).filter(shown).min_by_key(|e| e.end - e.start) {
        let color = colors::label_color(&document.labels, &entity.label);
        colors::style_entity(&mut format, color, entity.status, entity.confidence);
        selected |= highlights.selected_entity == Some(entity.id.as_str());
        related |= selected_quote.is_some_and(|q| q.speaker.as_deref() == Some(entity.id.as_str()));
    }
    if selected {
        colors::style_selected(&mut format);
    } else if related {
        colors::style_related(&mut format);
    }
    if highlights.text_selection.is_some_and(|(s, e)| covers(s, e)) {
        colors::style_text_selection(&mut format);
    }
    format
}

/// Whether an entity passes the confidence threshold (reviewed ones always do).
pub fn is_shown(entity: &Entity, min_confidence: f32) -> bool {
    entity.status != Status::Suggested || entity.confidence.unwrap_or(1.0) >= min_confidence
}
