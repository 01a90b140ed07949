//! `opends diff [FROM] [TO]`: the changeset between two states and the semver bump it
//! calls for. Exit 1 when there are differences (like `git diff --exit-code`).

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::{DiffArgs, DiffFormat};
use crate::model::{Component, Tokens};
use crate::tokens::{self as tok};
use crate::versions::{Bump, Change, Changeset, diff};

/// A state to compare: the working store or token files.
fn load(ctx: &Context, reference: &str) -> Result<(Tokens, Vec<Component>)> {
    if reference == "working" {
        let (_, store) = super::components::open(ctx)?;
        let tokens = store.load()?;
        let comps = store.components()?.into_iter().map(|c| c.spec).collect();
        return Ok((tokens, comps));
    }
    let path = ctx.cwd.join(reference);
    if !path.exists() {
        let looks_like_version = reference
            .trim_start_matches('v')
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        return Err(if looks_like_version {
            crate::hinted(
                format!("no version `{reference}`: released versions are not stored yet"),
                "compare token files or directories, or `working`",
            )
        } else {
            crate::hinted(
                format!("`{reference}` is neither `working` nor a token file or directory"),
                "pass a path such as `tokens/` or `old.tokens.json`",
            )
        });
    }
    let (files, mut findings) = super::read_files(ctx, &[PathBuf::from(reference)])?;
    let tokens = tok::load_files(&files, tok::Format::Auto, &mut findings);
    ctx.report(findings, reference)?;
    Ok((tokens, Vec::new()))
}

#[derive(Serialize)]
struct Report<'a> {
    from: &'a str,
    to: &'a str,
    bump: Bump,
    changes: &'a [Change],
}

/// `opends diff`.
pub fn run(ctx: &Context, args: DiffArgs) -> Result<Outcome> {
    let DiffArgs {
        from,
        to,
        format,
        values_minor,
    } = args;
    let Some(from) = from else {
        return Err(crate::hinted(
            "no FROM given, and there is no released version to compare with yet",
            "pass the older state: `opends diff old-tokens/ working`",
        ));
    };
    let to = to.unwrap_or_else(|| "working".into());
    let (old_t, old_c) = load(ctx, &from)?;
    let (new_t, new_c) = load(ctx, &to)?;
    let cs = diff(&old_t, &new_t, &old_c, &new_c);
    let bump = cs.bump(values_minor);
    match format {
        DiffFormat::Json => ctx.printer.json(&Report {
            from: &from,
            to: &to,
            bump,
            changes: &cs.changes,
        })?,
        DiffFormat::Markdown => ctx.printer.data(&markdown(&cs, bump, values_minor))?,
        DiffFormat::Text => {
            if cs.is_empty() {
                ctx.printer
                    .status(&format!("no differences between `{from}` and `{to}`"));
            } else {
                ctx.printer.data(&text(&cs, values_minor))?;
                ctx.printer.status(&format!(
                    "{} changes; semver bump: {}",
                    cs.changes.len(),
                    format!("{bump:?}").to_lowercase()
                ));
            }
        }
    }
    Ok(if cs.is_empty() {
        Outcome::Success
    } else {
        Outcome::Found
    })
}

fn short(v: &serde_json::Value) -> String {
    v.get("hex")
        .and_then(serde_json::Value::as_str)
        .map_or_else(|| v.to_string(), str::to_string)
}

fn line(c: &Change) -> String {
    match c {
        Change::TokenAdded { path, ty } => format!("+ token {path} ({ty})"),
        Change::TokenRemoved { path } => format!("- token {path}"),
        Change::TokenRenamed { from, to } => format!("~ token {from} -> {to} (renamed)"),
        Change::TokenValueChanged {
            path,
            mode,
            old,
            new,
            delta_e,
        } => format!(
            "~ token {path}{}: {} -> {}{}",
            mode.as_ref().map(|m| format!(" [{m}]")).unwrap_or_default(),
            short(old),
            short(new),
            delta_e
                .map(|d| format!(" (deltaE OK {d})"))
                .unwrap_or_default()
        ),
        Change::TokenTypeChanged { path, old, new } => {
            format!("~ token {path}: type {old} -> {new}")
        }
        Change::TokenDeprecated { path } => format!("! token {path} deprecated"),
        Change::ComponentAdded { name } => format!("+ component {name}"),
        Change::ComponentRemoved { name } => format!("- component {name}"),
        Change::PropAdded {
            component,
            prop,
            required,
        } => format!(
            "+ {component}.{prop}{}",
            if *required { " (required)" } else { "" }
        ),
        Change::PropRemoved { component, prop } => format!("- {component}.{prop}"),
        Change::PropChanged {
            component,
            prop,
            what,
            ..
        } => format!("~ {component}.{prop}: {what}"),
        Change::VariantAdded { component, variant } => format!("+ {component} variant {variant}"),
        Change::VariantRemoved { component, variant } => format!("- {component} variant {variant}"),
        Change::SlotAdded { component, slot } => format!("+ {component} slot {slot}"),
        Change::SlotRemoved { component, slot } => format!("- {component} slot {slot}"),
        Change::StatusChanged {
            component,
            old,
            new,
        } => format!("~ {component}: {old} -> {new}"),
    }
}

fn text(cs: &Changeset, values_minor: bool) -> String {
    let mut out = String::new();
    for c in &cs.changes {
        let _ = writeln!(
            out,
            "{:<6} {}",
            format!("{:?}", c.bump(values_minor)).to_lowercase(),
            line(c)
        );
    }
    out
}

fn markdown(cs: &Changeset, bump: Bump, values_minor: bool) -> String {
    let mut out = format!(
        "### Changes (semver: {})\n\n",
        format!("{bump:?}").to_lowercase()
    );
    if cs.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    out.push_str("| | change | bump |\n| --- | --- | --- |\n");
    for c in &cs.changes {
        let l = line(c);
        let (sign, rest) = l.split_at(1);
        let _ = writeln!(
            out,
            "| {sign} | {} | {} |",
            rest.trim().replace('|', "\\|"),
            format!("{:?}", c.bump(values_minor)).to_lowercase()
        );
    }
    out
}
