//! What tests may read of the shell beyond the open document: the text
//! selection, where the article's text sits, and whether the project model is
//! still learning.

use super::SorotApp;

impl SorotApp {
    /// The text selected in the article (code points), if any.
    pub fn text_selection(&self) -> Option<(usize, usize)> {
        self.review.text_selection
    }

    /// The side panels' widths in the last frame, in points.
    pub fn panel_widths(&self) -> crate::project::autosave::PanelWidths {
        self.workspace.widths
    }

    /// The article text's left edge and wrap width in the last frame, in points.
    pub fn article_column(&self) -> (f32, f32) {
        self.workspace.view.text_column_last_frame
    }

    /// Whether the project model is learning or re-suggesting in the background
    /// (or will as soon as the open document is saved).
    pub fn learning_busy(&self) -> bool {
        self.project.learning_busy()
    }
}
