//! The project's document list: status, open suggestions, a filter, the
//! background analysis' progress and the files that could not be used.
//! Rows are virtualised, so 10,000 articles cost only the visible ones, and
//! the rows a filter shows are worked out again only when the filter or a row
//! changed (a text filter over 100,000 rows takes ~10 ms: too much per frame).

use egui::{pos2, vec2, Color32, ProgressBar, RichText, Role, ScrollArea, Sense, StrokeKind, TextStyle, WidgetInfo};

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use super::super::side_panel::shorten;
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
    let height = row_height(ui);
    let labels = RowLabels::of(ui);
    ScrollArea::vertical().id_salt("documents").auto_shrink(false).show_rows(
        ui,
        height + ui.spacing().item_spacing.y,
        shown.len(),
        |ui, range| {
            let mut labels = labels.0.lock().unwrap_or_else(PoisonError::into_inner);
            if labels.len() > 4 * range.len() + 64 {
                labels.clear();
            }
            for index in range.filter_map(|at| shown.get(at)) {
                if let Some(row) = project.rows.get(index) {
                    let chosen = project.current.as_ref() == Some(&row.id);
                    if row_ui(ui, label_of(&mut labels, index, row), chosen, height).clicked() {
                        actions.push(ProjectAction::OpenDocument(row.id.clone()));
                    }
                }
            }
        },
    );
    actions
}

/// The rows the filter shows: all of them (nothing to work out or allocate
/// for the list as it usually is), or those a filter picked, by index.
#[derive(Clone)]
enum Shown {
    All(usize),
    Picked(Arc<Vec<usize>>),
}

impl Shown {
    fn len(&self) -> usize {
        match self {
            Shown::All(rows) => *rows,
            Shown::Picked(picked) => picked.len(),
        }
    }

    /// The row index at `at` in the list as shown.
    fn get(&self, at: usize) -> Option<usize> {
        match self {
            Shown::All(rows) => (at < *rows).then_some(at),
            Shown::Picked(picked) => picked.get(at).copied(),
        }
    }
}

/// The rows the filter showed, by index, and for which filter and rows.
#[derive(Clone, Default)]
struct ShownRows {
    filter: Filter,
    rows: u64,
    shown: Arc<Vec<usize>>,
}

fn shown_rows(ui: &egui::Ui, project: &ProjectState) -> Shown {
    let filter = &project.filter;
    if *filter == Filter::default() {
        return Shown::All(project.rows.len());
    }
    let rows = rows_fingerprint(&project.rows, !filter.text.is_empty());
    let id = egui::Id::unique("documents-shown");
    let memo: Option<ShownRows> = ui.data(|d| d.get_temp(id));
    if let Some(memo) = memo.filter(|m| m.rows == rows && &m.filter == filter) {
        return Shown::Picked(memo.shown);
    }
    let matches = filter.matcher();
    let shown: Arc<Vec<usize>> =
        Arc::new(project.rows.iter().enumerate().filter(|(_, row)| matches(row)).map(|(i, _)| i).collect());
    ui.data_mut(|d| d.insert_temp(id, ShownRows { filter: filter.clone(), rows, shown: Arc::clone(&shown) }));
    Shown::Picked(shown)
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

/// A row's text and hover text, made when what the row shows changed rather
/// than every frame (formatting and shortening ~30 titles a frame was a tenth of
/// the list's cost).
struct RowLabel {
    /// What the text was made from (status, open count, title, problem).
    made_from: u64,
    /// Mark and title, and the open count after them: laid out apart, so that
    /// a re-suggested row (only its count changed) lays out a few characters
    /// anew, not the whole line (16 whole rows laid out in one frame made
    /// frames of 2.4-3.4 × `frame/small` while re-suggested rows came in).
    name: String,
    open: String,
    /// Both, for screen readers and tests.
    text: String,
    /// The article's path, shown on hover and given to screen readers.
    hover: String,
    problem: bool,
}

impl RowLabel {
    fn of(row: &DocSummary, made_from: u64) -> RowLabel {
        let hover = row.id.to_string();
        if row.problem.is_some() {
            let name = format!("✖ {hover}");
            return RowLabel { made_from, text: name.clone(), name, open: String::new(), hover, problem: true };
        }
        let mark = match row.status {
            DocStatus::New => "○",
            DocStatus::InProgress => "◐",
            DocStatus::Done => "✔",
        };
        let open = row.open_suggestions.map_or(String::new(), |n| format!(" · {n} open"));
        let name = if row.title.is_empty() { shorten(&hover, 34) } else { shorten(&row.title, 34) };
        let name = format!("{mark} {name}");
        RowLabel { made_from, text: format!("{name}{open}"), name, open, hover, problem: false }
    }
}

/// The labels of the rows shown lately, by row index, each checked against
/// what its row shows now; kept in egui's memory between frames. Emptied when
/// it holds a few screenfuls (after scrolling), so it stays small whatever the
/// project's size.
#[derive(Clone, Default)]
struct RowLabels(Arc<Mutex<FxHashMap<usize, RowLabel>>>);

impl RowLabels {
    fn of(ui: &egui::Ui) -> RowLabels {
        ui.data_mut(|d| d.get_temp_mut_or_default::<RowLabels>(egui::Id::unique("documents-row-labels")).clone())
    }
}

/// Row `index`'s label: the one made before if the row still shows the same.
fn label_of<'a>(labels: &'a mut FxHashMap<usize, RowLabel>, index: usize, row: &DocSummary) -> &'a RowLabel {
    let made_from = label_source(row);
    let label = labels.entry(index).or_insert_with(|| RowLabel::of(row, made_from));
    if label.made_from != made_from {
        *label = RowLabel::of(row, made_from);
    }
    label
}

/// A fingerprint of what a row's label is made from (the row, by index,
/// may be another article after sorting).
fn label_source(row: &DocSummary) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    (&row.id, row.status, row.open_suggestions, &row.title, row.problem.is_some()).hash(&mut hasher);
    hasher.finish()
}

/// The height of a row: a selectable label's (text and padding, at least the
/// height of an interactive widget).
fn row_height(ui: &egui::Ui) -> f32 {
    let text = ui.text_style_height(&TextStyle::Body);
    (text + 2.0 * ui.spacing().button_padding.y).max(ui.spacing().interact_size.y)
}

/// One document, drawn as a selectable label is (highlighted when chosen or
/// under the pointer) but as one widget painting one line of text: egui's
/// general button (its atoms measured and laid out every frame) was half of
/// the list's cost. Its path shows on hover and is its accessible description;
/// a file that cannot be read is marked in the warning colour.
fn row_ui(ui: &mut egui::Ui, label: &RowLabel, chosen: bool, height: f32) -> egui::Response {
    let padding = ui.spacing().button_padding;
    let font = TextStyle::Body.resolve(ui.style());
    let open = (!label.open.is_empty())
        .then(|| ui.painter().layout_no_wrap(label.open.clone(), font.clone(), Color32::PLACEHOLDER));
    let open_width = open.as_ref().map_or(0.0, |g| g.size().x);
    let width = ui.available_width();
    // The count always shows; the title gives way, ending in `…` (egui keeps
    // the laid-out line while the panel's width stays the same).
    let title_width = (width - 2.0 * padding.x - open_width).max(0.0);
    let galley = ui.painter().layout_job(one_line(&label.name, font, title_width));
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, ui.is_enabled(), chosen, &label.text));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, chosen);
        if chosen || response.hovered() || response.has_focus() || response.is_pointer_button_down_on() {
            let frame = rect.expand(visuals.expansion);
            ui.painter().rect(
                frame,
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                StrokeKind::Inside,
            );
        }
        let color = if label.problem { ui.visuals().warn_fg_color } else { visuals.text_color() };
        let at = pos2(rect.left() + padding.x, rect.center().y - galley.size().y / 2.0);
        let open_at = at + vec2(galley.size().x, 0.0);
        ui.painter().galley(at, galley, color);
        if let Some(open) = open {
            ui.painter().galley(open_at, open, color);
        }
    }
    response_with_description(ui, response, label)
}

/// A job laying `text` out on one line no wider than `width`, ending in `…`
/// where it is cut.
fn one_line(text: &str, font: egui::FontId, width: f32) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, Color32::PLACEHOLDER);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    job
}

/// The row's path as its accessible description and, under the pointer, its tip.
fn response_with_description(ui: &egui::Ui, response: egui::Response, label: &RowLabel) -> egui::Response {
    if ui.ctx().has_accesskit_node(response.id) {
        ui.ctx().accesskit_node_builder(response.id, |node| node.set_description(label.hover.as_str()));
    }
    // Only a row under the pointer (or whose tip is showing) can show a tip:
    // asking for the others cost as much as drawing them.
    if response.hovered() || response.is_tooltip_open() {
        return response.on_hover_text(label.hover.as_str());
    }
    response
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
