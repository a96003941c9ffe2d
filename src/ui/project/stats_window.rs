//! Project statistics: documents by status, spans by label (a bar chart of
//! reviewed and open spans), quotations, and the most quoted speakers.

use egui::{Color32, Rect, Sense, Vec2};

use super::background::Job;
use crate::model::LabelSet;
use crate::project::stats::{ProjectStats, StatusCounts};
use crate::ui::colors::label_color;

#[derive(Default)]
pub struct StatsState {
    pub open: bool,
    pub running: Option<Job<ProjectStats>>,
    pub stats: Option<ProjectStats>,
}

impl StatsState {
    pub fn poll(&mut self) -> bool {
        let Some(stats) = self.running.as_ref().and_then(Job::take) else { return false };
        self.stats = Some(stats);
        self.running = None;
        true
    }
}

pub fn stats_window_ui(ctx: &egui::Context, state: &mut StatsState, labels: &LabelSet) {
    let mut open = state.open;
    egui::Window::new("Project statistics").open(&mut open).default_width(420.0).show(ctx, |ui| {
        if state.running.is_some() {
            ui.spinner();
        }
        let Some(stats) = &state.stats else { return };
        ui.heading("Documents");
        for (status, count) in &stats.documents_by_status {
            ui.label(format!("{}: {count}", status.name()));
        }
        ui.heading("Spans by label (reviewed · open)");
        let reviewed = |c: &StatusCounts| c.accepted + c.manual;
        let widest = stats.spans_by_label.values().map(|c| reviewed(c) + c.suggested).max().unwrap_or(1).max(1);
        for (label, counts) in &stats.spans_by_label {
            bar_ui(ui, label, label_color(labels, label), reviewed(counts), counts.suggested, widest);
        }
        ui.label(format!(
            "Quotations: {} reviewed, {} open, {} rejected",
            reviewed(&stats.quotes),
            stats.quotes.suggested,
            stats.quotes.rejected
        ));
        ui.heading("Most quoted");
        for (speaker, count) in &stats.top_speakers {
            ui.label(format!("{speaker}: {count}"));
        }
    });
    state.open = open;
}

/// One bar: reviewed spans filled, open suggestions paler, scaled to `widest`.
fn bar_ui(ui: &mut egui::Ui, label: &str, color: Color32, reviewed: usize, open: usize, widest: usize) {
    ui.horizontal(|ui| {
        ui.add_sized([70.0, 16.0], egui::Label::new(label));
        let width = 240.0;
        let (rect, _) = ui.allocate_exact_size(Vec2::new(width, 14.0), Sense::hover());
        let scale = width / widest as f32;
        let reviewed_width = reviewed as f32 * scale;
        let reviewed_rect = Rect::from_min_size(rect.min, Vec2::new(reviewed_width, rect.height()));
        let open_size = Vec2::new(open as f32 * scale, rect.height());
        let open_rect = Rect::from_min_size(rect.min + Vec2::new(reviewed_width, 0.0), open_size);
        ui.painter().rect_filled(reviewed_rect, 2.0, color);
        ui.painter().rect_filled(open_rect, 2.0, color.gamma_multiply(0.3));
        ui.label(format!("{reviewed} · {open}"));
    });
}
