//! `opends components import|list|show|rm|approve|deprecate` and `opends tokens usage`.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::{
    ComponentNameArgs, ComponentShowArgs, ComponentsImportArgs, ComponentsListArgs, DeprecateArgs,
    UsageArgs,
};
use crate::model::component::Review;
use crate::model::{Status, StoredComponent};
use crate::printer::Style;
use crate::project;

/// `opends components import`.
pub fn import(ctx: &Context, args: ComponentsImportArgs) -> Result<Outcome> {
    let ComponentsImportArgs {
        paths,
        dry_run,
        json,
    } = args;
    let (project, mut store) = ctx.open_tokens()?;
    if paths.is_empty() {
        let Some(p) = &project else {
            return Err(crate::hinted(
                "nothing to import: no paths given and no opends.yaml",
                "pass component specs, e.g. `opends components import components/`",
            ));
        };
        if dry_run {
            let (count, findings) = project::check_project_specs(p, &store)?;
            ctx.report(findings, "the project's component specs")?;
            dry_run_summary(ctx, count, json)?;
            return Ok(Outcome::Success);
        }
        ctx.import_specs(p, &mut store, true)?;
        let n = store.components()?.len();
        summary(ctx, n, n, json)?;
        return Ok(Outcome::Success);
    }
    let abs: Vec<PathBuf> = paths.iter().map(|p| ctx.cwd.join(p)).collect();
    let files = project::read_specs(&abs, |p| ctx.display(p))?;
    let imported = ctx.reported(project::import_specs(&mut store, &files, dry_run))?;
    ctx.print_findings(&imported.findings);
    if dry_run {
        dry_run_summary(ctx, imported.components, json)?;
        return Ok(Outcome::Success);
    }
    let total = store.components()?.len();
    summary(ctx, imported.components, total, json)?;
    Ok(Outcome::Success)
}

/// What a dry run found: `--json` prints a result too (`{"dry_run": true, "valid": N}`).
fn dry_run_summary(ctx: &Context, valid: usize, json: bool) -> Result<()> {
    if json {
        ctx.printer
            .json(&serde_json::json!({"dry_run": true, "valid": valid, "imported": 0}))?;
    } else {
        ctx.printer.status(&format!(
            "dry run: {valid} component{} valid; nothing was written",
            if valid == 1 { " is" } else { "s are" }
        ));
    }
    Ok(())
}

fn summary(ctx: &Context, imported: usize, total: usize, json: bool) -> Result<()> {
    if json {
        ctx.printer
            .json(&serde_json::json!({"imported": imported, "total": total}))?;
    } else {
        ctx.printer.status(&format!(
            "{} {imported} component{} ({total} in the store)",
            ctx.printer.paint(Style::Green, "imported"),
            if imported == 1 { "" } else { "s" }
        ));
    }
    Ok(())
}

#[derive(Serialize)]
struct ComponentJson<'a> {
    name: &'a str,
    category: &'a str,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    review: &'a Review,
    props: usize,
    variants: usize,
    tokens: Vec<String>,
}

fn component_json(c: &StoredComponent) -> ComponentJson<'_> {
    let mut tokens: Vec<String> = c.spec.token_uses().into_iter().map(|u| u.token).collect();
    tokens.sort();
    tokens.dedup();
    ComponentJson {
        name: &c.spec.name,
        category: &c.spec.category,
        status: c.spec.status,
        description: c.spec.description.as_deref(),
        source: c.source.as_deref(),
        review: &c.review,
        props: c.spec.props.len(),
        variants: c.spec.variants.len(),
        tokens,
    }
}

/// `opends components list`.
pub fn list(ctx: &Context, args: ComponentsListArgs) -> Result<Outcome> {
    let ComponentsListArgs { status, json } = args;
    let (_, store) = ctx.open()?;
    let all = store.components()?;
    let selected: Vec<&StoredComponent> = all
        .iter()
        .filter(|c| status.is_none_or(|s| c.spec.status == s))
        .collect();
    if json {
        let out: Vec<ComponentJson<'_>> = selected.iter().map(|c| component_json(c)).collect();
        ctx.printer.json(&out)?;
        return Ok(Outcome::Success);
    }
    if selected.is_empty() {
        ctx.printer.status("no components");
        return Ok(Outcome::Success);
    }
    let w = selected
        .iter()
        .map(|c| c.spec.name.len())
        .max()
        .unwrap_or(0);
    let cw = selected
        .iter()
        .map(|c| c.spec.category.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for c in selected {
        let status = match c.spec.status {
            Status::Approved => ctx.printer.paint_out(Style::Green, "approved  "),
            Status::Draft => ctx.printer.paint_out(Style::Dim, "draft     "),
            Status::Deprecated => ctx.printer.paint_out(Style::Yellow, "deprecated"),
        };
        let _ = writeln!(
            out,
            "{:w$}  {status}  {:cw$}  {}",
            c.spec.name,
            c.spec.category,
            c.spec.description.as_deref().unwrap_or_default()
        );
    }
    ctx.printer.data(out.trim_end())?;
    Ok(Outcome::Success)
}

/// `opends components show`.
pub fn show(ctx: &Context, args: ComponentShowArgs) -> Result<Outcome> {
    let ComponentShowArgs { name, json } = args;
    let (_, store) = ctx.open()?;
    let all = store.components()?;
    let c = project::find(&all, &name).ok_or_else(|| project::no_component(&name, &all))?;
    if json {
        #[derive(Serialize)]
        struct Full<'a> {
            #[serde(flatten)]
            summary: ComponentJson<'a>,
            spec: &'a crate::model::Component,
        }
        ctx.printer.json(&Full {
            summary: component_json(c),
            spec: &c.spec,
        })?;
        return Ok(Outcome::Success);
    }
    let mut out = String::new();
    let s = &c.spec;
    let _ = writeln!(
        out,
        "{}  ({}, {})",
        ctx.printer.paint_out(Style::Bold, &s.name),
        s.category,
        s.spec_status()
    );
    if let Some(d) = &s.description {
        let _ = writeln!(out, "  {d}");
    }
    if let Some(by) = &c.review.by {
        let _ = writeln!(
            out,
            "  {} by {by} at {}",
            s.status.as_str(),
            c.review.at.as_deref().unwrap_or("?")
        );
    }
    if let Some(r) = &c.review.reason {
        let _ = writeln!(out, "  reason: {r}");
    }
    if !s.props.is_empty() {
        let _ = writeln!(out, "props:");
        for p in &s.props {
            let ty = if p.values.is_empty() {
                format!("{:?}", p.ty).to_lowercase()
            } else {
                p.values.join(" | ")
            };
            let _ = writeln!(
                out,
                "  {}{}: {ty}{}",
                p.name,
                if p.required { "" } else { "?" },
                p.default
                    .as_ref()
                    .map(|d| format!(" = {}", serde_json::to_string(d).unwrap_or_default()))
                    .unwrap_or_default()
            );
        }
    }
    for (label, names) in [
        (
            "variants",
            s.variants
                .iter()
                .map(|v| v.name.clone())
                .collect::<Vec<_>>(),
        ),
        ("slots", s.slots.iter().map(|v| v.name.clone()).collect()),
        ("events", s.events.iter().map(|v| v.name.clone()).collect()),
        ("states", s.states.keys().cloned().collect()),
    ] {
        if !names.is_empty() {
            let _ = writeln!(out, "{label}: {}", names.join(", "));
        }
    }
    let uses = s.token_uses();
    if !uses.is_empty() {
        let _ = writeln!(out, "tokens:");
        for u in uses {
            let _ = writeln!(out, "  {} <- {}", u.property, u.token);
        }
    }
    if let Some(src) = &c.source {
        let _ = writeln!(out, "source: {src}");
    }
    ctx.printer.data(out.trim_end())?;
    Ok(Outcome::Success)
}

fn set_status(
    ctx: &Context,
    name: &str,
    status: Status,
    reason: Option<String>,
) -> Result<Outcome> {
    let (_, mut store) = ctx.open()?;
    let who = crate::settings::author();
    let at = crate::clock::now_utc();
    let review = Review {
        by: Some(who.clone()),
        at: Some(at.clone()),
        reason,
    };
    let Some(shown) = project::set_status(&mut store, name, status, review)? else {
        return Err(project::no_component(name, &store.components()?));
    };
    ctx.printer.status(&format!(
        "{} `{shown}` ({who}, {at})",
        ctx.printer.paint(Style::Green, status.as_str())
    ));
    Ok(Outcome::Success)
}

/// `opends components approve`.
pub fn approve(ctx: &Context, args: ComponentNameArgs) -> Result<Outcome> {
    set_status(ctx, &args.name, Status::Approved, None)
}

/// `opends components deprecate`.
pub fn deprecate(ctx: &Context, args: DeprecateArgs) -> Result<Outcome> {
    set_status(ctx, &args.name, Status::Deprecated, args.reason)
}

/// `opends components rm`.
pub fn rm(ctx: &Context, args: ComponentNameArgs) -> Result<Outcome> {
    let (project, mut store) = ctx.open()?;
    let Some(c) = project::remove(&mut store, &args.name)? else {
        return Err(project::no_component(&args.name, &store.components()?));
    };
    ctx.printer.status(&format!(
        "{} `{}`",
        ctx.printer.paint(Style::Green, "removed"),
        c.spec.name
    ));
    let from_project = project
        .as_ref()
        .is_some_and(|p| project::from_project_specs(p, &c));
    if let (Some(src), true) = (&c.source, from_project) {
        ctx.printer.warn(&format!(
            "`{}` comes from `{src}`; it comes back when the project's specs are next imported: delete the file to keep it removed",
            c.spec.name
        ));
    }
    Ok(Outcome::Success)
}

/// `opends tokens usage`.
pub fn usage(ctx: &Context, args: UsageArgs) -> Result<Outcome> {
    let UsageArgs { path, json } = args;
    let (_, store) = ctx.open()?;
    let uses = store.token_usage(&path)?;
    if json {
        ctx.printer.json(&uses)?;
        return Ok(Outcome::Success);
    }
    if uses.is_empty() {
        ctx.printer.status(&format!("no component uses `{path}`"));
        return Ok(Outcome::Success);
    }
    let w = uses.iter().map(|u| u.token.len()).max().unwrap_or(0);
    let cw = uses.iter().map(|u| u.component.len()).max().unwrap_or(0);
    let mut out = String::new();
    for u in &uses {
        let _ = writeln!(out, "{:w$}  {:cw$}  {}", u.token, u.component, u.property);
    }
    ctx.printer.data(out.trim_end())?;
    Ok(Outcome::Success)
}
