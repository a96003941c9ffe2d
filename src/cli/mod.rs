//! The command line: with no subcommand Sorot opens the app; subcommands run
//! the same code without a window.

mod agreement;
mod analyze;
mod export;
mod import;
mod learn;
mod train;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use agreement::{run_agreement, AgreementArgs};
pub use analyze::{run_analyze, AnalyzeArgs};
pub use export::{run_export, ExportArgs};
pub use import::{run_import, ImportArgs};
pub use learn::{run_learn, LearnArgs};
pub use train::{run_train, TrainArgs};

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
    /// Each PATH is an article file or a folder whose articles are all analysed.
    /// For every article, writes DIR/<file stem>.json in the saved annotation
    /// format (offsets in Unicode code points, end exclusive). Exits non-zero if
    /// any article could not be read; the others are still written.
    ///
    /// With `--jsonl IN` (a file or `-` for stdin), reads one article per line
    /// (`{"id", "text", …}`) and writes one Sorot document per line to OUT (a
    /// file or `-` for stdout), same order, other fields kept; a bad line becomes
    /// an error record `{"id", "line", "error"}` in its place. Exit status: 0 all
    /// lines analysed, 1 some became error records, 2 the stream could not be
    /// read or written.
    Analyze(AnalyzeArgs),
    /// Train the entity tagger and write its weights.
    ///
    /// Each DATA is a token-per-line corpus (`token [POS] TAG`, blank line between
    /// sentences, BIO tags over PER/PERSON, ORG/ORGANISATION, LOC/PLACE) or a folder
    /// whose `train*.txt` files are all read. The same data and options give the same
    /// weights byte for byte. The shipped model is trained with
    /// `sorot train --data ../shared/data/ner --out assets/models/ner-id.bin`.
    Train {
        /// Corpus files or folders of them.
        #[arg(long, required = true, num_args = 1..)]
        data: Vec<PathBuf>,
        /// Weight file to write (its folder is created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Passes over the training sentences.
        #[arg(long, default_value_t = crate::analysis::tagger::training::TrainConfig::default().epochs)]
        epochs: usize,
        /// Seed of the order in which sentences are visited.
        #[arg(long, default_value_t = crate::analysis::tagger::training::TrainConfig::default().seed)]
        seed: u64,
    },
    /// Export saved annotations as a dataset (only reviewed spans unless asked).
    ///
    /// Formats and their offsets: jsonl (Sorot documents, code points), doccano
    /// (UTF-16 units; --offsets codepoints), label-studio (code points, plus
    /// label-studio-config.xml beside), brat (folder of .txt/.ann, code points),
    /// conll (tokens; --scheme iob2|bioes), spacy (.spacy DocBin: tokens, code-point
    /// characters), spacy-jsonl (code points), quotes-jsonl and quotes-csv (code
    /// points). Prints one summary line: what was written and what the format lost.
    Export(ExportArgs),
    /// Import a dataset as Sorot annotation JSON, one file per document.
    ///
    /// All-or-nothing: a malformed input (bad JSON, offsets out of range, unknown
    /// labels) is reported with its file and line and nothing is written.
    /// With --annotator NAME, --out is a project folder and the documents go to
    /// NAME's layer, each placed on the article of the same file name or text.
    Import(ImportArgs),
    /// Inter-annotator agreement: span F1, Cohen's κ, Krippendorff's α, quotations.
    ///
    /// Each PATH is one annotator's folder of Sorot annotation files (documents
    /// matched by their path inside the folder) or a project folder, meaning its
    /// annotators' layers. Only reviewed spans count unless --with-suggestions.
    /// Exits non-zero if a file could not be read (listed on stderr).
    Agreement(AgreementArgs),
    /// Learn a tagger model from reviewed annotation files.
    ///
    /// Each PATH is a Sorot annotation file, a folder of them or a project folder.
    /// A document marked done (or imported: every span accepted or manual) teaches
    /// its whole text; one in progress only its reviewed spans (accepted, manual,
    /// relabelled, re-bounded as names; rejected as no name). Starts from the shipped
    /// model or --base; the same documents give the same model byte for byte.
    /// Prints the documents and spans used and the time taken.
    Learn(LearnArgs),
}
