//! `opends init`: scaffold `opends.yaml`, a small valid starter token set (light and
//! dark modes) and the store. Prompts on a terminal; `--yes` (or no terminal) takes
//! flags and defaults.

use std::fmt::Write as _;

use anyhow::{Context as _, Result};

use super::Context;
use crate::Outcome;
use crate::cli::{Framework, InitArgs};
use crate::export::ExportFormat;
use crate::output;
use crate::printer::Style;
use crate::settings::{self, CONFIG_FILE};

const CORE: &str = include_str!("../../templates/init/core.json");
const SEMANTIC: &str = include_str!("../../templates/init/semantic.json");
const DARK: &str = include_str!("../../templates/init/dark.json");
const BUTTON: &str = include_str!("../../templates/init/button.yaml");

/// `opends init`.
pub fn run(ctx: &Context, args: InitArgs) -> Result<Outcome> {
    let InitArgs {
        dir,
        name,
        framework,
        outputs,
        yes,
        force,
    } = args;
    let shown = dir.display().to_string();
    let dir = ctx.cwd.join(dir);
    if dir.join(CONFIG_FILE).exists() && !force {
        return Err(crate::hinted(
            format!("`{}` already has an opends.yaml", dir.display()),
            "pass `--force` to overwrite the project's opends.yaml and starter files",
        ));
    }
    // The directory's own name (it may not exist yet); `.` means the current directory.
    let default_name = dir
        .components()
        .rfind(|c| !matches!(c, std::path::Component::CurDir))
        .and_then(|c| match c {
            std::path::Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .unwrap_or_else(|| "design-system".into());
    let ask = ctx.printer.interactive() && !yes;
    let name = match name {
        Some(n) => n,
        None if ask => dialoguer::Input::<String>::new()
            .with_prompt("Design system name")
            .default(default_name)
            .interact_text()?,
        None => default_name,
    };
    if name.trim().is_empty() {
        anyhow::bail!("the name cannot be empty");
    }
    let framework = match framework {
        Some(f) => f,
        None if ask => {
            let items = ["vue", "react", "svelte"];
            let i = dialoguer::Select::new()
                .with_prompt("Default framework for `opends generate`")
                .items(&items)
                .default(0)
                .interact()?;
            [Framework::Vue, Framework::React, Framework::Svelte][i]
        }
        None => Framework::Vue,
    };
    let outputs = if !outputs.is_empty() {
        outputs
    } else if ask {
        let all = ExportFormat::ALL;
        let labels: Vec<&str> = all.iter().map(|f| f.as_str()).collect();
        let defaults: Vec<bool> = all
            .iter()
            .map(|f| matches!(f, ExportFormat::Css | ExportFormat::Ts))
            .collect();
        let chosen = dialoguer::MultiSelect::new()
            .with_prompt("Token outputs (space to toggle, enter to accept)")
            .items(&labels)
            .defaults(&defaults)
            .interact()?;
        chosen.into_iter().map(|i| all[i]).collect()
    } else {
        vec![ExportFormat::Css, ExportFormat::Ts]
    };
    let config = config_text(&name, framework, &outputs);
    // Check the generated file parses: a bad name must not produce a broken project.
    settings::parse(&config, CONFIG_FILE).context("the generated opends.yaml is invalid")?;
    let files: [(&str, &str); 5] = [
        (CONFIG_FILE, &config),
        ("tokens/core.json", CORE),
        ("tokens/semantic.json", SEMANTIC),
        ("tokens/modes/dark.json", DARK),
        ("components/button.yaml", BUTTON),
    ];
    for (rel, text) in files {
        output::write_file(&dir.join(rel), text)?;
    }
    output::write_file(&dir.join(".opends/.gitignore"), "*\n")?;
    let project = settings::load(&dir)?;
    let mut store = ctx.store(Some(&project))?;
    let summary = ctx
        .import_tokens(&project, &mut store, true, false)?
        .unwrap_or_default();
    ctx.import_specs(&project, &mut store, true)?;
    ctx.printer.status(&format!(
        "{} design system `{name}` in `{shown}`: {} tokens, modes light and dark",
        ctx.printer.paint(Style::Green, "created"),
        summary.total
    ));
    ctx.printer.status(&format!(
        "\nnext:\n  opends tokens list\n  opends export tokens          # writes {}\n  {:<30}# components/button.yaml -> generated/{}/",
        outputs
            .iter()
            .map(|o| format!("dist/{}", o.default_file()))
            .collect::<Vec<_>>()
            .join(", "),
        format!("opends generate {}", framework.as_str()),
        framework.as_str()
    ));
    Ok(Outcome::Success)
}

fn config_text(name: &str, framework: Framework, outputs: &[ExportFormat]) -> String {
    let quoted = serde_json::to_string(name).unwrap_or_else(|_| "\"design-system\"".into());
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# opends project file; every key is described in docs/config.md."
    );
    let _ = writeln!(s, "name: {quoted}");
    let _ = writeln!(s, "framework: {}", framework.as_str());
    let _ = writeln!(s, "# Token files or directories, read in order.");
    let _ = writeln!(s, "tokens:\n  - tokens/core.json\n  - tokens/semantic.json");
    let _ = writeln!(
        s,
        "# Modes: the first is the default; others list files that override it."
    );
    let _ = writeln!(
        s,
        "modes:\n  light: []\n  dark:\n    - tokens/modes/dark.json"
    );
    let _ = writeln!(s, "# What `opends export tokens` writes.");
    if outputs.is_empty() {
        let _ = writeln!(s, "outputs: []");
    } else {
        let _ = writeln!(s, "outputs:");
    }
    for o in outputs {
        let _ = writeln!(
            s,
            "  - format: {}\n    path: dist/{}",
            o.as_str(),
            o.default_file()
        );
        if *o == ExportFormat::Css {
            let _ = writeln!(s, "    media_query: true");
        }
    }
    s
}
