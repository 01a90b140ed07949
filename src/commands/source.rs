//! `opends source add|list|rm`: the `sources:` of opends.yaml, edited in place so that
//! the file's comments and layout survive.

use anyhow::{Context as _, Result};

use super::Context;
use crate::Outcome;
use crate::cli::{SourceAddArgs, SourceListArgs, SourceRmArgs};
use crate::printer::Style;
use crate::settings::sources as edit;
use crate::sources::{self, Provider, SourceConfig};

/// `opends source add`.
pub fn add(ctx: &Context, args: SourceAddArgs) -> Result<Outcome> {
    let SourceAddArgs {
        provider,
        file,
        name,
        base_url,
    } = args;
    let project = ctx.project()?;
    let entry = entry(&project.config.sources, provider, &file, name, base_url)?;
    let name = entry.name.clone();
    let path = project.config_path();
    let text = crate::input::read_text(&path)
        .with_context(|| format!("could not read `{}`", path.display()))?;
    let next = edit::add_source(&text, &entry)?;
    crate::output::write_file(&path, &next)?;
    ctx.printer.status(&format!(
        "{} source `{name}` ({} file `{}`)",
        ctx.printer.paint(Style::Green, "added"),
        provider.as_str(),
        entry.file
    ));
    ctx.printer.status(&format!(
        "next: opends auth login {} && opends sync {name}",
        provider.as_str()
    ));
    Ok(Outcome::Success)
}

/// The `sources:` entry for `file` (a key, id or URL) of `provider`, checked against the
/// sources `configured` already (its name defaults to the provider's, made unique).
pub(crate) fn entry(
    configured: &[SourceConfig],
    provider: Provider,
    file: &str,
    name: Option<String>,
    base_url: Option<String>,
) -> Result<SourceConfig> {
    let (file, url_base) = match provider {
        Provider::Figma => (sources::figma_file_key(file)?, None),
        Provider::Penpot => sources::penpot_file_id(file)?,
    };
    let base_url = base_url
        .or(url_base)
        .map(|b| b.trim_end_matches('/').to_string());
    if let Some(b) = &base_url {
        if !(b.starts_with("https://") || b.starts_with("http://")) {
            anyhow::bail!(
                "base URL `{b}` must start with https:// (or http:// for a local server)"
            );
        }
    }
    let name = name.unwrap_or_else(|| {
        let base = provider.as_str().to_string();
        if configured.iter().any(|s| s.name == base) {
            format!("{base}-{}", &file[..file.len().min(8)])
        } else {
            base
        }
    });
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        anyhow::bail!("source name `{name}` may only hold letters, digits, `-` and `_`");
    }
    if configured.iter().any(|s| s.name == name) {
        return Err(crate::hinted(
            format!("a source named `{name}` exists already"),
            "pick another with `--name`, or remove it first with `opends source rm`",
        ));
    }
    Ok(SourceConfig {
        name,
        provider,
        file,
        base_url,
        write: crate::sources::WriteTo::default(),
        path: None,
    })
}

/// `opends source list`.
pub fn list(ctx: &Context, args: SourceListArgs) -> Result<Outcome> {
    let project = ctx.project()?;
    let sources = &project.config.sources;
    if args.json {
        ctx.printer.json(sources)?;
        return Ok(Outcome::Success);
    }
    if sources.is_empty() {
        ctx.printer
            .status("no sources; add one with `opends source add figma FILE_URL`");
        return Ok(Outcome::Success);
    }
    let w = sources.iter().map(|s| s.name.len()).max().unwrap_or(0);
    let lines: Vec<String> = sources
        .iter()
        .map(|s| {
            format!(
                "{:w$}  {:6}  {}{}",
                s.name,
                s.provider.as_str(),
                s.file,
                s.base_url
                    .as_ref()
                    .map(|b| format!("  ({b})"))
                    .unwrap_or_default()
            )
        })
        .collect();
    ctx.printer.data(&lines.join("\n"))?;
    Ok(Outcome::Success)
}

/// `opends source rm`.
pub fn rm(ctx: &Context, args: SourceRmArgs) -> Result<Outcome> {
    let project = ctx.project()?;
    let path = project.config_path();
    let text = crate::input::read_text(&path)
        .with_context(|| format!("could not read `{}`", path.display()))?;
    let Some(next) = edit::remove_source(&text, &args.name)? else {
        return Err(crate::hinted(
            format!("no source `{}`", args.name),
            crate::suggest::hint(
                &args.name,
                project.config.sources.iter().map(|s| s.name.as_str()),
                "run `opends source list` to see the sources",
            ),
        ));
    };
    crate::output::write_file(&path, &next)?;
    ctx.printer.status(&format!(
        "{} source `{}`",
        ctx.printer.paint(Style::Green, "removed"),
        args.name
    ));
    Ok(Outcome::Success)
}
