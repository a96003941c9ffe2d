//! The native window around the app: its title (the document's name, a dot
//! while changes are unsaved) and keyboard focus on a bare X server.

use std::path::Path;

use egui::ViewportCommand;

use crate::session::Session;

pub struct WindowChrome {
    shown_title: String,
    /// Frames left in which to try taking keyboard focus (see `x11_focus`).
    focus_attempts_left: u8,
}

impl Default for WindowChrome {
    fn default() -> Self {
        Self { shown_title: String::new(), focus_attempts_left: 30 }
    }
}

impl WindowChrome {
    pub fn update_title(&mut self, ctx: &egui::Context, session: Option<&Session>) {
        let title = match session {
            Some(session) => {
                let name = session
                    .document
                    .source
                    .as_deref()
                    .and_then(Path::file_name)
                    .map_or("untitled".into(), |n| n.to_string_lossy());
                let dirty = if session.is_dirty() { "● " } else { "" };
                format!("{dirty}{name} — Sorot")
            }
            None => "Sorot".to_owned(),
        };
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// On a bare X server nobody gives the window keyboard focus; take it
    /// while the window appears (a few frames, until it is mapped).
    pub fn claim_keyboard_focus(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        if self.focus_attempts_left == 0 || ctx.input(|i| i.viewport().focused) == Some(true) {
            return;
        }
        self.focus_attempts_left -= 1;
        #[cfg(target_os = "linux")]
        if super::x11_focus::take_focus_without_window_manager(frame) {
            self.focus_attempts_left = 0;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        #[cfg(not(target_os = "linux"))]
        let _ = frame;
    }
}
