//! Project ▸ Agreement: how much a team project's annotators agree, per pair
//! (span F1 overall and per label with its counts, Cohen's κ, quotations),
//! over all of them (Krippendorff's α), and per document, worst first, each
//! opening with a click. Computed on a background thread ([`Job`]): reading
//! every layer of a large project must never hold up the window.

use std::collections::HashMap;

use super::background::Job;
use super::ProjectAction;
use crate::agreement::report::{DocumentReport, PairReport};
use crate::agreement::{agreement, AgreementReport, Corpus, SpanFilter};
use crate::project::layers::{annotators, load_layers};
use crate::project::layout::Layout;
use crate::project::scan::{ArticleEntry, ArticleId};

/// One finished agreement run, as the window shows it.
#[derive(Debug)]
pub struct AgreementRun {
    pub report: AgreementReport,
    /// Files that could not be read, each with its reason (in no figure).
    pub problems: Vec<String>,
    /// Each compared document's article, by the report's document key.
    ids: HashMap<String, ArticleId>,
}

#[derive(Default)]
pub struct AgreementState {
    pub open: bool,
    pub running: Option<Job<Result<AgreementRun, String>>>,
    pub run: Option<Result<AgreementRun, String>>,
}

impl AgreementState {
    /// Shows the window and computes the figures of `layout`'s layers afresh.
    pub fn start(&mut self, ctx: &egui::Context, layout: Layout, entries: Vec<ArticleEntry>) {
        self.open = true;
        self.running = Some(Job::spawn(ctx, move || compute(&layout, &entries)));
    }

    /// Takes in a finished run; true if one arrived.
    pub fn poll(&mut self) -> bool {
        let Some(run) = self.running.as_ref().and_then(Job::take) else { return false };
        self.run = Some(run);
        self.running = None;
        true
    }
}

/// Reads every annotator's layer of the project at `layout` and compares them.
pub fn compute(layout: &Layout, entries: &[ArticleEntry]) -> Result<AgreementRun, String> {
    let names = annotators(layout).map_err(|e| e.to_string())?;
    if names.len() < 2 {
        return Err(format!(
            "agreement needs at least two annotators' layers; this project has {} ({})",
            names.len(),
            names.join(", ")
        ));
    }
    let loaded = load_layers(layout, entries, &names);
    let corpus = Corpus::align(loaded.layers, &loaded.texts).map_err(|e| e.to_string())?;
    let report = agreement(&corpus, SpanFilter::default());
    let ids = entries.iter().map(|e| (e.id.to_string(), e.id.clone())).collect();
    Ok(AgreementRun { report, problems: loaded.problems, ids })
}

/// A figure to three decimals, or a dash where it is undefined (nothing to compare).
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"))
}

pub fn agreement_window_ui(ctx: &egui::Context, state: &mut AgreementState) -> Vec<ProjectAction> {
    let mut actions = Vec::new();
    let mut open = state.open;
    egui::Window::new("Agreement").open(&mut open).default_width(620.0).default_height(560.0).show(ctx, |ui| {
        if state.running.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading every annotator's layer…");
            });
        }
        match &state.run {
            None => {}
            Some(Err(error)) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("No agreement figures: {error}"));
            }
            Some(Ok(run)) => {
                egui::ScrollArea::vertical().show(ui, |ui| actions.extend(run_ui(ui, run)));
            }
        }
    });
    state.open = open;
    actions
}

fn run_ui(ui: &mut egui::Ui, run: &AgreementRun) -> Vec<ProjectAction> {
    let report = &run.report;
    ui.label(format!("Annotators: {}", report.annotators.join(", ")));
    let alpha = &report.krippendorff_alpha;
    ui.label(format!("Krippendorff's α (all annotators): {} on {} tokens", figure(alpha.overall), alpha.units));
    for pair in &report.pairs {
        pair_ui(ui, pair);
    }
    left_out_ui(ui, run);
    ui.separator();
    ui.heading("Documents, worst first");
    documents_ui(ui, run)
}

/// One pair: span F1 per label with counts and κ, then quotations.
fn pair_ui(ui: &mut egui::Ui, pair: &PairReport) {
    let [a, b] = &pair.annotators;
    let title = format!("{a} – {b}: span F1 {} · κ {}", figure(pair.span_f1.overall), figure(pair.cohen_kappa.overall));
    egui::CollapsingHeader::new(title).id_salt(("pair", a, b)).default_open(true).show(ui, |ui| {
        ui.label(format!("{} document(s), {} tokens", pair.documents, pair.cohen_kappa.tokens));
        egui::Grid::new(("pair grid", a, b)).striped(true).num_columns(6).show(ui, |ui| {
            let heads = [
                "label".to_owned(),
                "span F1".into(),
                "both".into(),
                format!("only {b}"),
                format!("only {a}"),
                "κ".into(),
            ];
            for head in heads {
                ui.strong(head);
            }
            ui.end_row();
            let counts = &pair.span_f1.counts;
            let overall = (pair.span_f1.overall, counts.overall, pair.cohen_kappa.overall);
            let labels = pair.span_f1.labels.iter().map(|(label, f1)| {
                let kappa = pair.cohen_kappa.labels.get(label).copied().flatten();
                (label.as_str(), (*f1, counts.labels.get(label).copied().unwrap_or_default(), kappa))
            });
            for (label, (f1, counts, kappa)) in std::iter::once(("overall", overall)).chain(labels) {
                ui.label(label);
                ui.label(figure(f1));
                ui.label(counts.tp.to_string());
                ui.label(counts.fp.to_string());
                ui.label(counts.fn_.to_string());
                ui.label(figure(kappa));
                ui.end_row();
            }
        });
        let q = &pair.quotes;
        ui.label(format!(
            "Quotations: F1 {} ({} matched, {} only {a}, {} only {b}) · kind {} · speaker {}",
            figure(q.f1),
            q.counts.matched,
            q.counts.only_first,
            q.counts.only_second,
            figure(q.kind_agreement),
            figure(q.speaker_agreement)
        ));
    });
}

/// What is in no figure: unplaced spans, documents one annotator has, unreadable files.
fn left_out_ui(ui: &mut egui::Ui, run: &AgreementRun) {
    let report = &run.report;
    let count = report.unanchored.len() + report.not_compared.len() + run.problems.len();
    if count == 0 {
        return;
    }
    egui::CollapsingHeader::new(format!("Left out of the figures ({count})")).show(ui, |ui| {
        for span in &report.unanchored {
            ui.label(format!(
                "{}: {}'s {} “{}” is not on the article",
                span.document, span.annotator, span.span, span.text
            ));
        }
        for doc in &report.not_compared {
            ui.label(format!("{}: only {} has it", doc.document, doc.annotator));
        }
        for problem in &run.problems {
            ui.label(problem);
        }
    });
}

/// The compared documents, least agreeing first; a click opens one.
fn documents_ui(ui: &mut egui::Ui, run: &AgreementRun) -> Vec<ProjectAction> {
    let mut actions = Vec::new();
    let documents: Vec<&DocumentReport> = run.report.worst_first();
    egui::Grid::new("agreement documents").striped(true).num_columns(6).show(ui, |ui| {
        for head in ["document", "span F1", "κ", "α", "quotes F1", "speaker"] {
            ui.strong(head);
        }
        ui.end_row();
        for doc in documents {
            let id = run.ids.get(&doc.document);
            if ui.add_enabled(id.is_some(), egui::Link::new(&doc.document)).clicked() {
                actions.extend(id.cloned().map(ProjectAction::OpenDocument));
            }
            for value in [doc.span_f1, doc.cohen_kappa, doc.krippendorff_alpha, doc.quotes_f1, doc.speaker_agreement] {
                ui.label(figure(value));
            }
            ui.end_row();
        }
    });
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::project::open::save_document;
    use crate::project::scan::scan;

    #[test]
    fn figures_read_as_numbers_or_a_dash() {
        assert_eq!(figure(Some(0.75)), "0.750");
        assert_eq!(figure(None), "—");
    }

    #[test]
    fn compares_the_layers_and_names_each_documents_article() {
        let dir = tempfile::tempdir().unwrap();
        let text = "“Siap 😀,” kata Ana di Bandung.\r\nRudi pulang.\r\n";
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        let layout = Layout::new(dir.path());
        let id = ArticleId { path: "a.txt".into(), line: None };
        for (who, label) in [("ana", "LOC"), ("budi", "ORG")] {
            let mut doc = Document::new(text.into(), None);
            doc.apply(&doc.add_entity_edit(15, 18, "PERSON").unwrap()).unwrap();
            doc.apply(&doc.add_entity_edit(22, 29, label).unwrap()).unwrap();
            save_document(&layout.for_annotator(who).unwrap(), &id, &doc).unwrap();
        }
        let run = compute(&layout, &scan(dir.path()).articles).unwrap();
        let pair = run.report.pair("ana", "budi").unwrap();
        assert_eq!(pair.span_f1.overall, Some(0.5));
        assert_eq!(run.ids.get(&run.report.documents[0].document), Some(&id));
        let alone = tempfile::tempdir().unwrap();
        assert!(compute(&Layout::new(alone.path()), &[]).unwrap_err().contains("at least two"));
    }
}
