//! The desktop app. Views (`*_ui` functions) draw and return [`Action`]s; the
//! shell, [`SorotApp`], performs them: edits, files, dialogs.

mod action;
mod app;
mod colors;
mod dialogs;
mod document_view;
mod export_dialog;
mod freed_memory;
mod help;
mod inspector;
mod menu_bar;
mod project;
mod shortcuts;
mod side_panel;
mod style;
#[cfg(target_os = "linux")]
mod x11_focus;

use std::path::PathBuf;

pub use action::{Action, ScrollJump};
pub use app::SorotApp;

/// Opens the app window on `file`.
pub fn run(file: PathBuf) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Sorot")
            .with_inner_size([1280.0, 820.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native("Sorot", options, Box::new(move |cc| Ok(Box::new(SorotApp::new(&cc.egui_ctx, file)))))
}
