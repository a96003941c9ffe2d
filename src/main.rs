use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use sorot::analysis::tagger::training::TrainConfig;
use sorot::cli::{run_agreement, run_analyze, run_export, run_import, run_learn, run_train, Cli, Command, TrainArgs};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze(args)) => run_analyze(&args),
        Some(Command::Train { data, out, epochs, seed }) => {
            let config = TrainConfig { epochs, seed, ..TrainConfig::default() };
            run_train(&TrainArgs { data, out, config })
        }
        Some(Command::Export(args)) => run_export(&args),
        Some(Command::Import(args)) => run_import(&args),
        Some(Command::Agreement(args)) => run_agreement(&args),
        Some(Command::Learn(args)) => run_learn(&args),
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
