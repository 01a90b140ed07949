//! `opends completions SHELL|man`: shell completions and the man page on stdout.

use anyhow::Result;
use clap::CommandFactory;

use super::Context;
use crate::Outcome;
use crate::cli::{Cli, CompletionTarget, CompletionsArgs};

/// Renders completions for `target` (or the man page) as bytes.
pub fn render(target: CompletionTarget) -> Result<Vec<u8>> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    let shell = match target {
        CompletionTarget::Bash => clap_complete::Shell::Bash,
        CompletionTarget::Zsh => clap_complete::Shell::Zsh,
        CompletionTarget::Fish => clap_complete::Shell::Fish,
        CompletionTarget::Powershell => clap_complete::Shell::PowerShell,
        CompletionTarget::Man => {
            clap_mangen::Man::new(cmd).render(&mut out)?;
            return Ok(out);
        }
    };
    clap_complete::generate(shell, &mut cmd, "opends", &mut out);
    Ok(out)
}

/// `opends completions`.
pub fn run(ctx: &Context, args: &CompletionsArgs) -> Result<Outcome> {
    let bytes = render(args.shell)?;
    ctx.printer.raw(&bytes)?;
    Ok(Outcome::Success)
}
