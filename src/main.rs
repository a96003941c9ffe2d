use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use sorot::cli::{run_analyze, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze { paths, out }) => run_analyze(&paths, &out),
        None => {
            let file = cli.file.unwrap_or_else(|| PathBuf::from(sorot::BUNDLED_SAMPLE));
            match sorot::ui::run(file) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("sorot: cannot start the window: {error}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
