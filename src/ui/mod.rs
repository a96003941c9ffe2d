//! The desktop app. Views (`*_ui` functions) draw and return actions; menus
//! and keys give commands from one table ([`command`]); the shell,
//! [`SorotApp`], hands each action to the part that owns what it changes:
//! the review controller (the open document), the project controller (the
//! folder, its settings, autosave, background work), or itself (files,
//! dialogs, windows, panels).

mod action;
mod adjudication;
mod app;
mod colors;
pub mod command;
mod command_actions;
mod dialogs;
mod document_view;
mod export_dialog;
mod fixed_width;
mod freed_memory;
mod group_review;
mod help;
mod inspector;
mod menu_bar;
mod project;
mod review;
mod shortcuts;
mod side_panel;
mod speaker_reasons;
mod status_bar;
mod style;
mod unsaved_prompt;
mod window_chrome;
mod windows;
mod workspace;
#[cfg(target_os = "linux")]
mod x11_focus;

use std::path::PathBuf;

pub use action::{Action, Panel, ProjectAction, ReviewAction, ScrollJump, ShellAction};
pub use app::SorotApp;
pub use review::ReviewController;

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
