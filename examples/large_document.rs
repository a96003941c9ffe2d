//! Writes a long synthetic article and its annotations, to try Sorot on a
//! large document:
//!
//! ```sh
//! cargo run --release --example large_document -- /tmp/large.txt
//! target/release/sorot /tmp/large.txt
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use sorot::analysis::Analyzer;
use sorot::store::{annotation_path_for, save_annotations, write_atomically};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: large_document ARTICLE.txt [BYTES [SPANS]]");
        return ExitCode::FAILURE;
    };
    let bytes = std::env::args().nth(2).and_then(|b| b.parse().ok()).unwrap_or(1_000_000);
    let spans = std::env::args().nth(3).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let mut document = match sorot::synthetic::large_document(bytes, spans, &Analyzer::new()) {
        Ok(document) => document,
        Err(error) => {
            eprintln!("large_document: {error}");
            return ExitCode::FAILURE;
        }
    };
    document.source = Some(path.clone());
    let written = write_atomically(&path, document.text.as_bytes())
        .map_err(|e| e.to_string())
        .and_then(|()| save_annotations(&document, &annotation_path_for(&path)).map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            let spans = document.entities().len() + document.quotes().len();
            println!("{}: {} bytes, {spans} spans", path.display(), document.text.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("large_document: {error}");
            ExitCode::FAILURE
        }
    }
}
