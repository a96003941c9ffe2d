//! Project ▸ Model: what the project's model learned from, and whether it helps —
//! the learning curve (precision and recall of the suggestions each reviewed
//! document had when first opened, in review order) and the active annotation
//! time per document.

use std::collections::BTreeMap;

use egui::{Color32, FontId, Pos2, Sense, Stroke, Vec2};

use super::background::Job;
use super::learning::ModelSummary;
use crate::learn::{learning_curve, Counts, CurvePoint, ReviewLog};
use crate::model::Document;
use crate::project::layout::Layout;
use crate::project::open::load_saved;
use crate::project::scan::{ArticleEntry, ArticleId};
use crate::project::status::DocStatus;

const PRECISION: Color32 = Color32::from_rgb(60, 120, 220);
const RECALL: Color32 = Color32::from_rgb(230, 140, 30);

#[derive(Default)]
pub struct ModelWindowState {
    pub open: bool,
    pub running: Option<Job<ModelFigures>>,
    pub figures: Option<ModelFigures>,
}

impl ModelWindowState {
    pub fn poll(&mut self) {
        if let Some(figures) = self.running.as_ref().and_then(Job::take) {
            self.figures = Some(figures);
            self.running = None;
        }
    }
}

/// The window's figures, computed off the UI thread (they read the saved files).
#[derive(Debug, Clone, Default)]
pub struct ModelFigures {
    /// One point per reviewed document, in review order.
    pub curve: Vec<CurvePoint>,
    /// Totals over the curve: all entities, per label, quotations.
    pub entities: Counts,
    pub by_label: BTreeMap<String, Counts>,
    pub quotes: Counts,
    /// Active minutes per document opened, in the order opened.
    pub minutes: Vec<(String, f64)>,
    /// Files that could not be read, named.
    pub problems: Vec<String>,
}

impl ModelFigures {
    /// Scores each logged opening against the document as saved (the open one
    /// as it is now); documents not reviewed yet are left out of the curve.
    pub fn compute(
        layout: &Layout,
        entries: &[ArticleEntry],
        log: &ReviewLog,
        open: Option<(ArticleId, Document)>,
    ) -> ModelFigures {
        let mut figures = ModelFigures::default();
        let mut saved = Vec::new();
        for opened in &log.opened {
            let Some(entry) = entries.iter().find(|e| e.id.to_string() == opened.id) else { continue };
            let document = match open.as_ref().filter(|(id, _)| id == &entry.id) {
                Some((_, document)) => Some(document.clone()),
                None => load_saved(layout, &entry.id).unwrap_or_else(|error| {
                    figures.problems.push(error.to_string());
                    None
                }),
            };
            if let Some(document) = document.filter(|d| DocStatus::of(Some(d)) != DocStatus::New) {
                saved.push((opened, document));
            }
        }
        let pairs: Vec<_> = saved.iter().map(|(o, d)| (*o, d)).collect();
        figures.curve = learning_curve(&pairs);
        for point in &figures.curve {
            add(&mut figures.entities, point.entities);
            add(&mut figures.quotes, point.quotes);
            for (label, counts) in &point.by_label {
                add(figures.by_label.entry(label.clone()).or_default(), *counts);
            }
        }
        figures.minutes = log
            .opened
            .iter()
            .map(|o| (o.id.clone(), log.active_seconds.get(&o.id).copied().unwrap_or(0.0) / 60.0))
            .collect();
        figures
    }
}

fn add(total: &mut Counts, more: Counts) {
    total.matched += more.matched;
    total.suggested += more.suggested;
    total.saved += more.saved;
}

pub fn model_window_ui(ctx: &egui::Context, state: &mut ModelWindowState, summary: Option<ModelSummary>) {
    let mut open = state.open;
    egui::Window::new("Project model").open(&mut open).default_width(460.0).show(ctx, |ui| {
        match summary {
            Some(s) if s.documents > 0 => ui.label(format!(
                "Learned from {} document(s): {} name(s), {} rejected span(s)",
                s.documents, s.names, s.not_names
            )),
            Some(_) => ui.label("The shipped model: nothing learned yet (mark a document done to teach it)"),
            None => ui.label("The project model is for projects (open a folder)"),
        };
        if state.running.is_some() {
            ui.spinner();
        }
        let Some(figures) = &state.figures else { return };
        ui.heading("Learning curve");
        ui.label(format!(
            "{} reviewed document(s), suggestions at first opening against what was saved",
            figures.curve.len()
        ));
        curve_plot(ui, &figures.curve);
        ui.horizontal(|ui| {
            ui.colored_label(PRECISION, "— precision");
            ui.colored_label(RECALL, "— recall");
        });
        counts_grid(ui, figures);
        ui.heading("Time per document");
        time_list(ui, &figures.minutes);
        for problem in &figures.problems {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
    });
    state.open = open;
}

/// Precision and recall of the entity suggestions, one point per document.
fn curve_plot(ui: &mut egui::Ui, curve: &[CurvePoint]) {
    let (response, painter) = ui.allocate_painter(Vec2::new(ui.available_width().min(440.0), 120.0), Sense::hover());
    let rect = response.rect;
    painter.rect_stroke(rect, 0.0, Stroke::new(1.0, ui.visuals().weak_text_color()), egui::StrokeKind::Inside);
    if curve.is_empty() {
        return;
    }
    let at = |i: usize, value: f64| -> Pos2 {
        let x = if curve.len() == 1 { 0.5 } else { i as f32 / (curve.len() - 1) as f32 };
        Pos2::new(
            rect.left() + 4.0 + x * (rect.width() - 8.0),
            rect.bottom() - 4.0 - value as f32 * (rect.height() - 8.0),
        )
    };
    for (measure, color) in [(Counts::precision as fn(&Counts) -> Option<f64>, PRECISION), (Counts::recall, RECALL)] {
        let points: Vec<Pos2> =
            curve.iter().enumerate().filter_map(|(i, p)| measure(&p.entities).map(|v| at(i, v))).collect();
        painter.add(egui::Shape::line(points.clone(), Stroke::new(2.0, color)));
        for point in points {
            painter.circle_filled(point, 2.5, color);
        }
    }
    let weak = ui.visuals().weak_text_color();
    painter.text(rect.left_top() + Vec2::new(4.0, 2.0), egui::Align2::LEFT_TOP, "100 %", FontId::monospace(9.0), weak);
}

fn percent(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |v| format!("{:.0} %", v * 100.0))
}

/// Totals overall, per label and for quotations.
fn counts_grid(ui: &mut egui::Ui, figures: &ModelFigures) {
    egui::Grid::new("model-counts").striped(true).show(ui, |ui| {
        for header in ["", "suggested", "saved", "right", "precision", "recall"] {
            ui.strong(header);
        }
        ui.end_row();
        let row = |ui: &mut egui::Ui, name: &str, c: &Counts| {
            ui.label(name);
            ui.label(c.suggested.to_string());
            ui.label(c.saved.to_string());
            ui.label(c.matched.to_string());
            ui.label(percent(c.precision()));
            ui.label(percent(c.recall()));
            ui.end_row();
        };
        row(ui, "All entities", &figures.entities);
        for (label, counts) in &figures.by_label {
            row(ui, label, counts);
        }
        row(ui, "Quotations", &figures.quotes);
    });
}

fn time_list(ui: &mut egui::Ui, minutes: &[(String, f64)]) {
    if minutes.is_empty() {
        ui.label("No document opened yet");
        return;
    }
    let total: f64 = minutes.iter().map(|(_, m)| m).sum();
    ui.label(format!(
        "{:.1} min active over {} document(s), {:.1} min each on average",
        total,
        minutes.len(),
        total / minutes.len() as f64
    ));
    egui::ScrollArea::vertical().id_salt("model-time").max_height(140.0).show(ui, |ui| {
        for (id, m) in minutes {
            ui.label(format!("{id}: {m:.1} min"));
        }
    });
}
