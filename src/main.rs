//! The `opends` binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::{CommandFactory as _, Parser};

// Token files allocate many small values; mimalloc makes that markedly cheaper
// than the system allocator (see docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `COMPLETE=<shell> opends ...`: the shell asks for completions (dynamic values
    // included) and the process ends here; otherwise this does nothing.
    clap_complete::CompleteEnv::with_factory(opends::cli::Cli::command).complete();
    let cli = opends::cli::Cli::parse();
    opends::run(cli)
}
