//! `opends init`: scaffold `opends.yaml`, a small valid starter token set (light and
//! dark modes) and the store; or, `--from` a Figma or Penpot file, a project without
//! starter content whose source is that file, synced at once. Prompts on a terminal;
//! `--yes` (or no terminal) takes flags and defaults (the starter content unless
//! `--from` names a file).

use std::fmt::Write as _;

use anyhow::{Context as _, Result};

use super::Context;
use crate::Outcome;
use crate::cli::{Framework, InitArgs};
use crate::export::ExportFormat;
use crate::output;
use crate::printer::{Style, count};
use crate::settings::{self, CONFIG_FILE};
use crate::sources::merge::{self, Options};
use crate::sources::{Provider, SourceConfig};

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
        from,
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
    if ask {
        super::restore_cursor_on_interrupt();
    }
    // Without a terminal and without `--yes`, the defaults taken are said, never guessed
    // silently.
    let defaulted = !yes
        && !ask
        && from.is_none()
        && (name.is_none() || framework.is_none() || outputs.is_empty());
    let from = match from {
        Some(f) => Some(f),
        None if ask => ask_from()?,
        None => None,
    };
    // The design file is read, and its credential found, before anything is written.
    let source = from.as_deref().map(source_of).transpose()?;
    if let Some(s) = &source {
        let provider = s.provider.as_str();
        if crate::credentials::for_provider(s.provider)?.is_none() {
            return Err(crate::hinted(
                format!("no {provider} credential to read the design file; nothing was written"),
                format!(
                    "run `opends auth login {provider}` (or set {}), then run `opends init --from` again",
                    s.provider.token_env()
                ),
            ));
        }
    }
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
    let mut config = config_text(&name, framework, &outputs, source.is_none());
    if let Some(s) = &source {
        config = settings::sources::add_source(&config, s)?;
    }
    // Check the generated file parses: a bad name must not produce a broken project.
    settings::parse(&config, CONFIG_FILE).context("the generated opends.yaml is invalid")?;
    let starter: &[(&str, &str)] = if source.is_some() {
        &[]
    } else {
        &[
            ("tokens/core.json", CORE),
            ("tokens/semantic.json", SEMANTIC),
            ("tokens/modes/dark.json", DARK),
            ("components/button.yaml", BUTTON),
        ]
    };
    output::write_file(&dir.join(CONFIG_FILE), &config)?;
    for (rel, text) in starter {
        output::write_file(&dir.join(rel), text)?;
    }
    output::write_file(&dir.join(".opends/.gitignore"), "*\n")?;
    let project = settings::load(&dir)?;
    let mut store = ctx.store(Some(&project))?;
    if let Some(source) = &source {
        return from_source(ctx, &project, &mut store, source, &name, &shown, framework);
    }
    let summary = ctx
        .import_tokens(&project, &mut store, true, false)?
        .unwrap_or_default();
    ctx.import_specs(&project, &mut store, true)?;
    if defaulted {
        ctx.printer.status(&format!(
            "no terminal to ask on: took the defaults (name `{name}`, framework {}, outputs {}); pass `--yes` to take them without this note, or the flags to choose",
            framework.as_str(),
            outputs.iter().map(|o| o.as_str()).collect::<Vec<_>>().join(", ")
        ));
    }
    ctx.printer.status(&format!(
        "{} design system `{name}` in `{shown}`: {}, modes light and dark",
        ctx.printer.paint(Style::Green, "created"),
        count(summary.total, "token")
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

/// The wizard's question: start from the starter content or from a design file
/// (`None`: the starter content).
fn ask_from() -> Result<Option<String>> {
    let items = [
        "starter tokens (light and dark) and a Button component",
        "a Figma or Penpot file (no starter content; the file is synced)",
    ];
    let i = dialoguer::Select::new()
        .with_prompt("Start from")
        .items(&items)
        .default(0)
        .interact()?;
    if i == 0 {
        return Ok(None);
    }
    let url = dialoguer::Input::<String>::new()
        .with_prompt("Figma or Penpot file URL")
        .interact_text()?;
    Ok(Some(url))
}

/// The source `--from` names: a Figma file URL, a Penpot workspace URL (with its
/// `file-id`), or `figma:KEY` / `penpot:ID`. Anything else is refused, never guessed.
fn source_of(from: &str) -> Result<SourceConfig> {
    let from = from.trim();
    let (provider, file) = if let Some(key) = from.strip_prefix("figma:") {
        (Provider::Figma, key)
    } else if let Some(id) = from.strip_prefix("penpot:") {
        (Provider::Penpot, id)
    } else if from.contains("figma.com/") {
        (Provider::Figma, from)
    } else if (from.starts_with("https://") || from.starts_with("http://"))
        && from.contains("file-id=")
    {
        (Provider::Penpot, from)
    } else {
        return Err(crate::hinted(
            format!("`{from}` is not a Figma or Penpot file URL"),
            "pass a Figma file URL (https://www.figma.com/design/KEY/...), a Penpot workspace URL (...#/workspace?...&file-id=ID), or `figma:KEY` / `penpot:ID`",
        ));
    };
    super::source::entry(&[], provider, file, None, None)
}

/// The rest of `opends init --from`: sync the new project's source and say what came in.
fn from_source(
    ctx: &Context,
    project: &settings::Project,
    store: &mut crate::store::Store,
    source: &SourceConfig,
    name: &str,
    shown: &str,
    framework: Framework,
) -> Result<Outcome> {
    let base = source.api_base(&project.config.sources);
    let report = merge::sync_source(store, &project.root, source, &base, Options::default())?;
    // What the source wrote to the project's files reaches the store by the import.
    if !report.files.is_empty() {
        ctx.import_tokens(project, store, true, false)?;
        ctx.import_specs(project, store, true)?;
    }
    let provider = source.provider.as_str();
    if report.status == "failed" {
        return Err(crate::hinted(
            format!(
                "created design system `{name}` in `{shown}`, but syncing its {provider} file failed: {}",
                report.error.as_deref().unwrap_or_default()
            ),
            "fix the cause, then run `opends sync` in the project (`opends source list` shows the source)",
        ));
    }
    for w in &report.warnings {
        ctx.printer.warn(&format!("{}: {w}", source.name));
    }
    ctx.printer.status(&format!(
        "{} design system `{name}` in `{shown}` from {provider} file `{}`: {}, {} (drafts)",
        ctx.printer.paint(Style::Green, "created"),
        source.file,
        count(report.summary.total, "token"),
        count(report.components, "component")
    ));
    ctx.printer.status(&format!(
        "\nnext:\n  opends tokens list\n  opends export tokens\n  {:<30}# the file's components are drafts\n  opends sync                   # again when the design changes",
        format!("opends generate {} --include-drafts", framework.as_str()),
    ));
    Ok(Outcome::Success)
}

fn config_text(
    name: &str,
    framework: Framework,
    outputs: &[ExportFormat],
    starter: bool,
) -> String {
    let quoted = serde_json::to_string(name).unwrap_or_else(|_| "\"design-system\"".into());
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# opends project file; every key is described in docs/config.md."
    );
    let _ = writeln!(s, "name: {quoted}");
    let _ = writeln!(s, "framework: {}", framework.as_str());
    let _ = writeln!(s, "# Token files or directories, read in order.");
    if starter {
        let _ = writeln!(s, "tokens:\n  - tokens/core.json\n  - tokens/semantic.json");
        let _ = writeln!(
            s,
            "# Modes: the first is the default; others list files that override it."
        );
        let _ = writeln!(
            s,
            "modes:\n  light: []\n  dark:\n    - tokens/modes/dark.json"
        );
    } else {
        let _ = writeln!(s, "tokens: []");
    }
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
