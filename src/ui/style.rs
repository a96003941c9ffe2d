//! The app's look, set once at start: light theme, fonts that can draw any
//! article (emoji included) on any machine.

use egui::{FontDefinitions, FontFamily};

pub fn setup_style(ctx: &egui::Context) {
    // Highlights are tuned for dark text on light paper, as articles are read.
    ctx.set_theme(egui::Theme::Light);
    ctx.set_fonts(bundled_fonts());
}

/// egui's bundled fonts, with the monospace font (which has geometric symbols
/// such as ○ ▲ ◀) as a fallback for proportional text. Together with the
/// bundled emoji fonts this draws articles without relying on system fonts.
fn bundled_fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        let position = family.iter().position(|f| f == "Ubuntu-Light").map_or(0, |p| p + 1);
        family.insert(position, "Hack".to_owned());
    }
    fonts
}
