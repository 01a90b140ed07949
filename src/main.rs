//! The `opends` binary: parse the command line, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

// Token files allocate many small values; mimalloc makes that markedly cheaper
// than the system allocator (see docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = opends::cli::Cli::parse();
    opends::run(cli)
}
