//! The `opends` binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = opends::cli::Cli::parse();
    opends::run(cli)
}
