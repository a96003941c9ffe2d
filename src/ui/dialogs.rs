//! Native file dialogs. Only the shell calls these, in answer to an action, so
//! tests check the action and never open a dialog.

use std::path::PathBuf;

pub fn pick_article() -> Option<PathBuf> {
    rfd::FileDialog::new().add_filter("Articles", &["txt"]).set_title("Open an article").pick_file()
}
