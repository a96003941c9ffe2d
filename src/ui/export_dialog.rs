//! File ▸ Export…: choose a dataset format and its options, see what the
//! format keeps and loses, and read the summary of what was written.

use std::path::{Path, PathBuf};

use super::status_bar::Note;
use super::ShellAction;
use crate::formats::{DoccanoVariant, ExportOptions, Format, OffsetUnit, TagScheme};

/// The dialog's form, kept between openings.
#[derive(Debug, Default)]
pub struct ExportDialogState {
    pub open: bool,
    pub format: Option<Format>,
    pub options: ExportOptions,
    /// Where to write; filled with a default beside the article.
    pub path: String,
    /// The summary line of the last export, or its error.
    pub outcome: Option<Result<String, String>>,
    /// The path field takes the keyboard in the next frame.
    focus_path: bool,
}

impl ExportDialogState {
    /// Opens the dialog with a default output path beside `article`.
    pub fn show(&mut self, article: Option<&Path>) {
        self.open = true;
        self.focus_path = true;
        self.outcome = None;
        if self.path.is_empty() {
            self.path = default_path(article, self.format()).display().to_string();
        }
    }

    pub fn format(&self) -> Format {
        self.format.unwrap_or(Format::Jsonl)
    }

    /// Exports `document` as the form says; keeps the outcome for the dialog
    /// and returns the status line's note.
    pub fn export(&mut self, document: &crate::model::Document) -> Note {
        let target = Path::new(&self.path);
        match crate::formats::export(std::slice::from_ref(document), self.format(), &self.options, target) {
            Ok(summary) => {
                self.outcome = Some(Ok(summary.to_string()));
                Note::Info(format!("Exported to {}: {summary}", self.path))
            }
            Err(error) => {
                self.outcome = Some(Err(error.to_string()));
                Note::Error(format!("Not exported: {error}"))
            }
        }
    }
}

/// `<article stem>.<extension of the format>` beside the article (a folder for brat).
pub fn default_path(article: Option<&Path>, format: Format) -> PathBuf {
    let stem = article.and_then(Path::file_stem).map_or("export".into(), |s| s.to_string_lossy().into_owned());
    let name = match format {
        Format::Jsonl => format!("{stem}.sorot.jsonl"),
        Format::Doccano => format!("{stem}.doccano.jsonl"),
        Format::LabelStudio => format!("{stem}.label-studio.json"),
        Format::Brat => format!("{stem}-brat"),
        Format::Conll => format!("{stem}.conll"),
        Format::Spacy => format!("{stem}.spacy"),
        Format::SpacyJsonl => format!("{stem}.spacy.jsonl"),
        Format::QuotesJsonl => format!("{stem}.quotes.jsonl"),
        Format::QuotesCsv => format!("{stem}.quotes.csv"),
    };
    article.and_then(Path::parent).map_or(PathBuf::from(&name), |dir| dir.join(&name))
}

pub fn export_dialog_ui(
    ctx: &egui::Context,
    state: &mut ExportDialogState,
    article: Option<&Path>,
) -> Vec<ShellAction> {
    let mut actions = Vec::new();
    let mut open = state.open;
    egui::Window::new("Export").open(&mut open).resizable(false).show(ctx, |ui| {
        format_ui(ui, state, article);
        options_ui(ui, state);
        ui.separator();
        ui.horizontal(|ui| {
            let label = ui.label("To:");
            let field = ui.add(egui::TextEdit::singleline(&mut state.path).desired_width(360.0)).labelled_by(label.id);
            if std::mem::take(&mut state.focus_path) {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                actions.push(ShellAction::Export);
            }
            if ui.button("Choose…").clicked() {
                actions.push(ShellAction::ChooseExportPath);
            }
        });
        if ui.button("Export").clicked() {
            actions.push(ShellAction::Export);
        }
        match &state.outcome {
            Some(Ok(summary)) => {
                ui.label(format!("Written: {summary}"));
            }
            Some(Err(error)) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("Not exported: {error}"));
            }
            None => {}
        }
    });
    state.open = open;
    actions
}

fn format_ui(ui: &mut egui::Ui, state: &mut ExportDialogState, article: Option<&Path>) {
    let before = state.format();
    egui::ComboBox::from_label("Format").selected_text(before.name()).show_ui(ui, |ui| {
        for format in Format::ALL {
            ui.selectable_value(&mut state.format, Some(format), format.name()).on_hover_text(format.offset_unit());
        }
    });
    let format = state.format();
    if format != before {
        state.path = default_path(article, format).display().to_string();
        state.outcome = None;
    }
    ui.label(format!("Offsets: {}", format.offset_unit()));
    ui.label(format!("Cannot hold: {}", format.cannot_express()));
}

fn options_ui(ui: &mut egui::Ui, state: &mut ExportDialogState) {
    let options = &mut state.options;
    ui.checkbox(&mut options.with_suggestions, "Also open suggestions (not yet reviewed)");
    ui.checkbox(&mut options.with_rejected, "Also rejected spans, as negatives where the format can mark them");
    match state.format {
        Some(Format::Conll) => {
            ui.horizontal(|ui| {
                ui.label("Tags:");
                ui.radio_value(&mut options.scheme, TagScheme::Iob2, "IOB2");
                ui.radio_value(&mut options.scheme, TagScheme::Bioes, "BIOES");
            });
        }
        Some(Format::Doccano) => {
            ui.horizontal(|ui| {
                ui.label("Offsets:");
                ui.radio_value(&mut options.offsets, OffsetUnit::Utf16, "UTF-16 (doccano default)");
                ui.radio_value(&mut options.offsets, OffsetUnit::CodePoints, "code points");
            });
            ui.horizontal(|ui| {
                ui.label("Layout:");
                ui.radio_value(&mut options.doccano, DoccanoVariant::Relations, "entities + relations");
                ui.radio_value(&mut options.doccano, DoccanoVariant::Label, "label lists");
            });
        }
        _ => {}
    }
}
