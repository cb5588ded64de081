//! The `kenes` binary: parse the command line, hand over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = kenes::cli::Cli::parse();
    match kenes::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kenes: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
