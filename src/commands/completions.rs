//! `opends completions SHELL|man [--dir DIR]`: shell completions and the man pages.

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use super::Context;
use crate::Outcome;
use crate::cli::{Cli, CompletionTarget, CompletionsArgs};

/// Renders completions for `target` (or the main man page) as bytes.
pub fn render(target: CompletionTarget) -> Result<Vec<u8>> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    let shell = match target {
        CompletionTarget::Bash => clap_complete::Shell::Bash,
        CompletionTarget::Zsh => clap_complete::Shell::Zsh,
        CompletionTarget::Fish => clap_complete::Shell::Fish,
        CompletionTarget::Powershell => clap_complete::Shell::PowerShell,
        CompletionTarget::Man => return Ok(crate::man::main_page()?.text),
    };
    clap_complete::generate(shell, &mut cmd, "opends", &mut out);
    Ok(out)
}

/// `opends completions`.
pub fn run(ctx: &Context, args: &CompletionsArgs) -> Result<Outcome> {
    if let Some(dir) = &args.dir {
        if args.shell != CompletionTarget::Man {
            return Err(crate::hinted(
                "`--dir` writes the man pages",
                "use `opends completions man --dir DIR`, or redirect a shell's completions to its file",
            ));
        }
        let dir = ctx.cwd.join(dir);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("could not create `{}`", dir.display()))?;
        let pages = crate::man::pages()?;
        for page in &pages {
            let path = dir.join(&page.file_name);
            crate::output::write_atomic(&path, &page.text)
                .with_context(|| format!("could not write `{}`", path.display()))?;
        }
        ctx.printer.status(&format!(
            "wrote {} man pages to {}",
            pages.len(),
            dir.display()
        ));
        return Ok(Outcome::Success);
    }
    let bytes = render(args.shell)?;
    ctx.printer.raw(&bytes)?;
    Ok(Outcome::Success)
}
