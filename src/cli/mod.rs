//! The command line: with no subcommand Sorot opens the app; subcommands run
//! the same code without a window.

mod analyze;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use analyze::run_analyze;

/// Sorot: review suggested entities and quotations in news articles.
///
/// With no subcommand, opens FILE (a UTF-8 .txt article) in the app, or the
/// bundled Indonesian sample when FILE is omitted. Annotations are saved beside
/// the article as `<article>.sorot.json`; the article itself is never written.
#[derive(Debug, Parser)]
#[command(name = "sorot", version, about, long_about)]
pub struct Cli {
    /// Article to open in the app.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Suggest entities and quotations for articles and write them as JSON.
    ///
    /// Each PATH is an article file or a folder whose `.txt` files are all
    /// analysed. For every article, writes DIR/<file stem>.json in the saved
    /// annotation format (offsets in Unicode code points, end exclusive).
    /// Exits non-zero if any article could not be read; the others are still written.
    Analyze {
        /// Article files or folders of `.txt` articles.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Folder to write the JSON files to (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
}
