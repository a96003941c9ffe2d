//! Native file dialogs. Only the shell calls these, in answer to an action, so
//! tests check the action and never open a dialog.

use std::path::{Path, PathBuf};

pub fn pick_article() -> Option<PathBuf> {
    rfd::FileDialog::new().add_filter("Articles", &["txt"]).set_title("Open an article").pick_file()
}

pub fn pick_folder() -> Option<PathBuf> {
    rfd::FileDialog::new().set_title("Open a folder of articles as a project").pick_folder()
}

/// Where to export: a folder for formats made of several files, else a file.
pub fn pick_export_path(suggested: &Path, folder: bool) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new().set_title("Export to");
    if let Some(dir) = suggested.parent() {
        dialog = dialog.set_directory(dir);
    }
    if folder {
        return dialog.pick_folder();
    }
    if let Some(name) = suggested.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    dialog.save_file()
}
