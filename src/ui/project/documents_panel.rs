//! The project's document list: status, open suggestions, a filter, the
//! background analysis' progress and the files that could not be used.
//! Rows are virtualised, so 10,000 articles cost only the visible ones.

use egui::{ProgressBar, RichText, ScrollArea};

use super::ProjectAction;
use super::ProjectState;
use crate::project::status::{DocStatus, DocSummary, SortKey};

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
    let matches = project.filter.matcher();
    let shown: Vec<usize> = (0..project.rows.len()).filter(|&i| matches(&project.rows[i])).collect();
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
