//! Search across the project (Ctrl+F): text, or spans by label and text, with
//! results to jump to; and bulk review of one surface form ("accept every
//! suggested `Jakarta` as LOC"). A search runs on a worker that reads the
//! project's files as it goes (`project::search_stream`): its hits appear while
//! it runs, and a new search stops the one before.

use egui::{RichText, ScrollArea};

use super::background::Worker;
use super::{CorpusSource, ProjectAction};
use crate::model::{LabelSet, Status};
use crate::project::search::{Decision, Hit, SpanQuery};
use crate::project::search_stream::{Found, Outcome, Query};

/// Hits kept of one search (the window says when there may be more).
pub const HIT_LIMIT: usize = 5_000;

/// What a running search reports.
pub enum SearchReport {
    Found(Found),
    Finished(Outcome),
}

/// The search form, its running search and its results.
#[derive(Default)]
pub struct SearchState {
    pub open: bool,
    pub query: String,
    /// Spans rather than text.
    pub spans: bool,
    pub label: Option<String>,
    pub only_suggested: bool,
    /// The search under way; dropping it stops it.
    running: Option<Worker<SearchReport>>,
    /// Hits so far, in corpus order.
    pub hits: Vec<Hit>,
    /// Documents searched so far, of how many.
    pub progress: (usize, usize),
    /// How the last search ended (`None` while one runs).
    pub outcome: Option<Outcome>,
    /// The query field takes the keyboard in the next frame.
    focus_query: bool,
}

impl SearchState {
    /// Opens the window with the keyboard in its query field.
    pub fn show(&mut self) {
        self.open = true;
        self.focus_query = true;
    }

    /// The query the form describes.
    pub fn form_query(&self) -> Query {
        let text = self.query.trim().to_owned();
        if !self.spans {
            return Query::Text(text);
        }
        Query::Spans(SpanQuery { label: self.label.clone(), text, exact: false, status: status_filter(self) })
    }

    /// Starts searching `source` for the form's query, stopping the search
    /// before (its later hits are dropped with it).
    pub fn start(&mut self, ctx: &egui::Context, source: CorpusSource) {
        self.running = None;
        self.hits.clear();
        self.outcome = None;
        self.progress = (0, source.document_count());
        let query = self.form_query();
        self.running = Some(Worker::spawn(ctx, move |stop, mut report| {
            let outcome = source.search(&query, HIT_LIMIT, stop, |found| report(SearchReport::Found(found)));
            report(SearchReport::Finished(outcome));
        }));
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Takes in what the running search found; true when anything arrived.
    pub fn poll(&mut self) -> bool {
        let Some(running) = &self.running else { return false };
        let reports = running.drain();
        let arrived = !reports.is_empty();
        for report in reports {
            match report {
                SearchReport::Found(found) => {
                    self.hits.extend(found.hits);
                    self.progress = (found.searched, found.total);
                }
                SearchReport::Finished(outcome) => {
                    self.progress = (outcome.searched, outcome.total);
                    self.outcome = Some(outcome);
                    self.running = None;
                }
            }
        }
        arrived
    }
}

pub fn search_window_ui(ctx: &egui::Context, state: &mut SearchState, labels: &LabelSet) -> Vec<ProjectAction> {
    let mut actions = Vec::new();
    let mut open = state.open;
    egui::Window::new("Search the project").open(&mut open).default_width(460.0).show(ctx, |ui| {
        form_ui(ui, state, labels, &mut actions);
        bulk_ui(ui, state, &mut actions);
        ui.separator();
        results_ui(ui, state, &mut actions);
    });
    state.open = open;
    actions
}

fn form_ui(ui: &mut egui::Ui, state: &mut SearchState, labels: &LabelSet, actions: &mut Vec<ProjectAction>) {
    ui.horizontal(|ui| {
        ui.radio_value(&mut state.spans, false, "Text");
        ui.radio_value(&mut state.spans, true, "Spans");
    });
    ui.horizontal(|ui| {
        let label = ui.label("Find:");
        let field = ui.add(egui::TextEdit::singleline(&mut state.query).desired_width(240.0)).labelled_by(label.id);
        if std::mem::take(&mut state.focus_query) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Search").clicked() || entered {
            actions.push(ProjectAction::Search);
        }
    });
    if state.spans {
        ui.horizontal(|ui| {
            let shown = state.label.clone().unwrap_or_else(|| "any label".into());
            egui::ComboBox::from_label("Label").selected_text(shown).show_ui(ui, |ui| {
                ui.selectable_value(&mut state.label, None, "any label");
                for label in labels.iter() {
                    ui.selectable_value(&mut state.label, Some(label.name.clone()), &label.name);
                }
            });
            ui.checkbox(&mut state.only_suggested, "only open suggestions");
        });
    }
}

/// Bulk review of the exact surface form searched for, as the chosen label.
fn bulk_ui(ui: &mut egui::Ui, state: &SearchState, actions: &mut Vec<ProjectAction>) {
    let (Some(label), true) = (state.label.as_ref(), state.spans && !state.query.trim().is_empty()) else { return };
    let surface = state.query.trim().to_owned();
    ui.horizontal(|ui| {
        if ui.button(format!("Accept every suggested “{surface}” as {label}")).clicked() {
            actions.push(ProjectAction::BulkReview {
                surface: surface.clone(),
                label: label.clone(),
                decision: Decision::Accept,
            });
        }
        if ui.button(format!("Reject every suggested {label} “{surface}”")).clicked() {
            actions.push(ProjectAction::BulkReview {
                surface: surface.clone(),
                label: label.clone(),
                decision: Decision::Reject,
            });
        }
    });
}

fn results_ui(ui: &mut egui::Ui, state: &SearchState, actions: &mut Vec<ProjectAction>) {
    ui.horizontal(|ui| {
        if state.is_running() {
            ui.spinner();
        }
        ui.label(summary(state));
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    ScrollArea::vertical().id_salt("search-results").max_height(360.0).auto_shrink([false, true]).show_rows(
        ui,
        row_height,
        state.hits.len(),
        |ui, range| {
            for hit in state.hits.get(range).unwrap_or_default() {
                let context = crate::ui::side_panel::shorten(&hit.context, 90);
                let text = RichText::new(format!("{} · {context}", hit.article));
                if ui.selectable_label(false, text).clicked() {
                    actions.push(ProjectAction::JumpTo(Box::new(hit.clone())));
                }
            }
        },
    );
}

/// "12 result(s) so far, 3,072 of 100,000 documents searched", or how it ended.
fn summary(state: &SearchState) -> String {
    let (searched, total) = state.progress;
    let Some(outcome) = &state.outcome else {
        if !state.is_running() {
            return String::new();
        }
        return format!("{} result(s) so far, {searched} of {total} documents searched", state.hits.len());
    };
    let mut text = format!("{} result(s)", state.hits.len());
    if outcome.limited {
        text.push_str(&format!(" (the first {HIT_LIMIT}: there may be more; narrow the search)"));
    } else if outcome.cancelled {
        text.push_str(&format!(" (stopped after {searched} of {total} documents)"));
    }
    if outcome.unreadable > 0 {
        text.push_str(&format!(", {} document(s) could not be read", outcome.unreadable));
    }
    text
}

/// The status filter of a span search.
fn status_filter(state: &SearchState) -> Option<Status> {
    state.only_suggested.then_some(Status::Suggested)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::layout::Layout;
    use crate::project::scan::scan;

    /// Polls until the running search ends (or a minute passes).
    fn finish(state: &mut SearchState) -> Outcome {
        let started = std::time::Instant::now();
        while state.is_running() && started.elapsed() < std::time::Duration::from_secs(60) {
            state.poll();
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        state.outcome.unwrap_or_default()
    }

    #[test]
    fn a_new_search_replaces_the_one_before_and_its_hits() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..300 {
            let text = format!("{i}. “Siap 😀,” kata Ana di Bandung.\r\nAna lagi di Surabaya.\r\n");
            std::fs::write(dir.path().join(format!("a{i:03}.txt")), text).unwrap();
        }
        let source =
            || CorpusSource { project: Some((Layout::new(dir.path()), scan(dir.path()).articles)), open: None };
        let ctx = egui::Context::default();
        let mut state = SearchState { query: "ana".into(), ..SearchState::default() };
        state.start(&ctx, source());
        state.query = "surabaya".into();
        state.start(&ctx, source());
        let outcome = finish(&mut state);
        assert_eq!((outcome.searched, outcome.total, outcome.hits), (300, 300, 300));
        assert!(state.hits.iter().all(|h| h.context.contains("Surabaya")), "no hit of the first search is left");
        assert_eq!(state.hits.first().map(|h| (h.start, h.end)), Some((47, 55)));
        assert!(summary(&state).starts_with("300 result(s)"));
    }
}
