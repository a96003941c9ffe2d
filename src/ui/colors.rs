//! How spans look: label colours turned into egui formats per review status.

use egui::{Color32, Stroke, TextFormat};

use crate::model::{LabelSet, QuoteKind, Status};
use crate::project::settings::{ProjectSettings, QuoteKindSpec};

pub fn label_color(labels: &LabelSet, label: &str) -> Color32 {
    let [r, g, b] = labels.get(label).map_or([128, 128, 128], |l| l.color);
    Color32::from_rgb(r, g, b)
}

/// Suggestions are outlined (underlined, faint fill; paler the less sure the
/// analysis is), reviewed spans filled, rejected ones struck through: status
/// and confidence are readable at a glance.
pub fn style_entity(format: &mut TextFormat, color: Color32, status: Status, confidence: Option<f32>) {
    match status {
        Status::Suggested => {
            let sureness = 0.3 + 0.7 * confidence.unwrap_or(1.0).clamp(0.0, 1.0);
            format.background = color.gamma_multiply(0.18 * sureness);
            format.underline = Stroke::new(2.0, color.gamma_multiply(sureness));
        }
        Status::Accepted | Status::Manual => {
            format.background = color.gamma_multiply(0.55);
        }
        Status::Rejected => {
            format.strikethrough = Stroke::new(1.0, Color32::GRAY);
            format.color = Color32::GRAY;
        }
    }
}

/// Quotations are set apart by italics and a tint of their kind's colour,
/// entities by their label's colour.
pub fn style_quote(format: &mut TextFormat, status: Status, tint: Color32) {
    format.italics = true;
    if status != Status::Rejected {
        format.background = tint;
    }
}

/// The tint of each quotation kind, from the project's schema.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuoteColors {
    direct: Color32,
    indirect: Color32,
}

impl Default for QuoteColors {
    fn default() -> Self {
        Self::from_specs(&ProjectSettings::default().quote_kinds)
    }
}

impl QuoteColors {
    pub fn from_specs(specs: &[QuoteKindSpec]) -> Self {
        let tint = |kind: QuoteKind| {
            let rgb = specs.iter().find(|s| s.kind == kind).map_or([240, 190, 40], |s| s.color);
            // A light wash of the colour (mixed with white): dark text stays readable on it.
            let [r, g, b] = rgb.map(|c| 255 - ((255 - u16::from(c)) / 4) as u8);
            Color32::from_rgb(r, g, b)
        };
        Self { direct: tint(QuoteKind::Direct), indirect: tint(QuoteKind::Indirect) }
    }

    pub fn tint(&self, kind: QuoteKind) -> Color32 {
        match kind {
            QuoteKind::Direct => self.direct,
            QuoteKind::Indirect => self.indirect,
        }
    }
}

pub fn style_cue(format: &mut TextFormat) {
    format.underline = Stroke::new(1.5, CUE_COLOR);
    format.color = CUE_COLOR;
}

pub fn style_selected(format: &mut TextFormat) {
    format.background = SELECTED;
    format.underline = Stroke::new(2.5, Color32::BLACK);
}

/// The speaker and cue of the selected quote.
pub fn style_related(format: &mut TextFormat) {
    format.background = RELATED;
    format.underline = Stroke::new(2.5, CUE_COLOR);
}

pub fn style_text_selection(format: &mut TextFormat) {
    format.background = TEXT_SELECTION;
}

pub const QUOTE_TINT: Color32 = Color32::from_rgb(255, 243, 205);
pub const CUE_COLOR: Color32 = Color32::from_rgb(160, 60, 0);
const SELECTED: Color32 = Color32::from_rgb(255, 214, 10);
const RELATED: Color32 = Color32::from_rgb(255, 236, 150);
const TEXT_SELECTION: Color32 = Color32::from_rgb(173, 214, 255);
