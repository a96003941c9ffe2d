//! The project's document list: status, open suggestions, a filter, the
//! background analysis' progress and the files that could not be used.
//! Rows are virtualised, so 10,000 articles cost only the visible ones, and
//! the rows a filter shows are worked out again only when the filter or a row
//! changed (a text filter over 100,000 rows takes ~10 ms: too much per frame).

use egui::{ProgressBar, RichText, ScrollArea};

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::ProjectAction;
use super::ProjectState;
use crate::project::status::{DocStatus, DocSummary, Filter, SortKey};

pub fn documents_panel_ui(ui: &mut egui::Ui, project: &mut ProjectState) -> Vec<ProjectAction> {
    let mut actions = Vec::new();
    ui.heading(project.name());
    ui.label(format!("{} articles", project.entries.len()));
    if let Some(holder) = project.read_only() {
        ui.colored_label(ui.visuals().warn_fg_color, format!("Read-only: open in {holder}"));
    }
    if let Some((done, total)) = project.progress {
        let fraction = if total == 0 { 1.0 } else { done as f32 / total as f32 };
        ui.add(ProgressBar::new(fraction).text(format!("analysing {done} / {total}")));
    }
    ui.horizontal(|ui| {
        let label = ui.label("Filter:");
        ui.add(egui::TextEdit::singleline(&mut project.filter.text).desired_width(140.0)).labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        for (status, name) in [
            (None, "all"),
            (Some(DocStatus::New), "new"),
            (Some(DocStatus::InProgress), "in progress"),
            (Some(DocStatus::Done), "done"),
        ] {
            ui.selectable_value(&mut project.filter.status, status, name);
        }
    });
    sort_ui(ui, project);
    ui.separator();
    problems_ui(ui, project);
    let shown = shown_rows(ui, project);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    ScrollArea::vertical().id_salt("documents").auto_shrink(false).show_rows(
        ui,
        row_height,
        shown.len(),
        |ui, range| {
            for &index in shown.get(range).unwrap_or_default() {
                if let Some(row) = project.rows.get(index) {
                    let chosen = project.current.as_ref() == Some(&row.id);
                    if row_ui(ui, row, chosen).clicked() {
                        actions.push(ProjectAction::OpenDocument(row.id.clone()));
                    }
                }
            }
        },
    );
    actions
}

/// The rows the filter showed, by index, and for which filter and rows.
#[derive(Clone, Default)]
struct ShownRows {
    filter: Filter,
    rows: u64,
    shown: Arc<Vec<usize>>,
}

fn shown_rows(ui: &egui::Ui, project: &ProjectState) -> Arc<Vec<usize>> {
    let filter = &project.filter;
    if *filter == Filter::default() {
        return Arc::new((0..project.rows.len()).collect()); // every row: nothing to work out
    }
    let rows = rows_fingerprint(&project.rows, !filter.text.is_empty());
    let id = egui::Id::unique("documents-shown");
    let memo: Option<ShownRows> = ui.data(|d| d.get_temp(id));
    if let Some(memo) = memo.filter(|m| m.rows == rows && &m.filter == filter) {
        return memo.shown;
    }
    let matches = filter.matcher();
    let shown: Arc<Vec<usize>> =
        Arc::new(project.rows.iter().enumerate().filter(|(_, row)| matches(row)).map(|(i, _)| i).collect());
    ui.data_mut(|d| d.insert_temp(id, ShownRows { filter: filter.clone(), rows, shown: Arc::clone(&shown) }));
    shown
}

/// What a filter looks at in every row, in order (titles only for a text
/// filter: hashing 100,000 of them takes about a millisecond).
fn rows_fingerprint(rows: &[DocSummary], titles: bool) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    rows.len().hash(&mut hasher);
    for row in rows {
        (&row.id, row.status, row.open_suggestions).hash(&mut hasher);
        if titles {
            row.title.hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// One document: status, title, open suggestions; a file that cannot be read
/// is marked, with the reason on hover.
fn row_ui(ui: &mut egui::Ui, row: &DocSummary, chosen: bool) -> egui::Response {
    if let Some(why) = &row.problem {
        let text = RichText::new(format!("✖ {}", row.id)).color(ui.visuals().warn_fg_color);
        return ui.selectable_label(chosen, text).on_hover_text(why);
    }
    let mark = match row.status {
        DocStatus::New => "○",
        DocStatus::InProgress => "◐",
        DocStatus::Done => "✔",
    };
    let open = row.open_suggestions.map_or(String::new(), |n| format!(" · {n} open"));
    let name = if row.title.is_empty() { row.id.to_string() } else { row.title.clone() };
    let text = format!("{mark} {}{open}", super::super::side_panel::shorten(&name, 34));
    ui.selectable_label(chosen, text).on_hover_text(row.id.to_string())
}

fn sort_ui(ui: &mut egui::Ui, project: &mut ProjectState) {
    ui.horizontal(|ui| {
        let names = [
            (SortKey::Path, "path"),
            (SortKey::Title, "title"),
            (SortKey::Status, "status"),
            (SortKey::OpenSuggestions, "open suggestions"),
        ];
        let shown = names.iter().find(|(k, _)| *k == project.sort.0).map_or("path", |(_, n)| n);
        egui::ComboBox::from_label("Sort").selected_text(shown).show_ui(ui, |ui| {
            for (key, name) in names {
                ui.selectable_value(&mut project.sort.0, key, name);
            }
        });
        ui.checkbox(&mut project.sort.1, "descending");
    });
    project.apply_sort();
}

fn problems_ui(ui: &mut egui::Ui, project: &ProjectState) {
    if project.problems.is_empty() {
        return;
    }
    let title =
        RichText::new(format!("{} file(s) not usable", project.problems.len())).color(ui.visuals().warn_fg_color);
    egui::CollapsingHeader::new(title).id_salt("problems").show(ui, |ui| {
        ScrollArea::vertical().id_salt("problem-list").max_height(160.0).show(ui, |ui| {
            for problem in &project.problems {
                ui.label(RichText::new(problem).small());
            }
        });
    });
}
