//! Panel content that cannot widen its panel. An egui side panel grows to
//! fit what it draws, so an inspector showing a long heading would push the
//! article over and re-wrap every paragraph under the pointer. Drawn through
//! [`fixed_width_ui`], the content wraps (and scrolls) within the width the
//! annotator gave the panel, and only the annotator's drag changes it.

use egui::{Layout, ScrollArea, UiBuilder};

/// Draws `add_contents` in the panel's current width, scrolling when tall.
pub fn fixed_width_ui<R>(ui: &mut egui::Ui, id_salt: &str, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let mut child = fixed_child(ui);
    let rect = child.max_rect();
    ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink(false)
        .show(&mut child, |ui| {
            ui.set_max_width(rect.width());
            add_contents(ui)
        })
        .inner
}

/// Like [`fixed_width_ui`] for content that scrolls by itself (virtualised
/// lists): wrapped in a second scroll area, a list would get unbounded height
/// and lay out every row each frame.
pub fn fixed_width_unscrolled_ui<R>(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let mut child = fixed_child(ui);
    let width = child.max_rect().width();
    child.set_max_width(width);
    add_contents(&mut child)
}

/// A child exactly the size of the panel, claimed whole so the panel never grows.
fn fixed_child(ui: &mut egui::Ui) -> egui::Ui {
    let rect = ui.max_rect();
    // The panel measures what its content claimed: claim exactly its rect.
    ui.expand_to_include_rect(rect);
    let mut child = ui.new_child(UiBuilder::new().max_rect(rect).layout(Layout::top_down(egui::Align::Min)));
    child.shrink_clip_rect(rect);
    child
}
