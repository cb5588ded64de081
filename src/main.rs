//! The `kenes` binary: parse the command line, hand over to the library.

fn main() -> std::process::ExitCode {
    // An empty variable counts as unset; a malformed one is reported by its name.
    let cli = kenes::cli::parse();
    match kenes::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kenes: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
