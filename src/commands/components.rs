//! `opends components import|list|show|rm|approve|deprecate` and `opends tokens usage`,
//! plus reading the project's component specs into the store when they change.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::{Context, Fnv};
use crate::Outcome;
use crate::cli::{
    ComponentNameArgs, ComponentShowArgs, ComponentsImportArgs, ComponentsListArgs, DeprecateArgs,
    UsageArgs,
};
use crate::components;
use crate::model::component::Review;
use crate::model::{Status, StoredComponent, Tokens};
use crate::printer::Style;
use crate::settings::Project;
use crate::store::Store;
use crate::tokens::Findings;

/// A YAML spec file.
struct SpecFile {
    name: String,
    text: String,
}

fn expand_yaml(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            for entry in
                std::fs::read_dir(p).with_context(|| format!("could not list `{}`", p.display()))?
            {
                let path = entry?.path();
                if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    found.push(path);
                }
            }
            found.sort();
            out.extend(found);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(crate::hinted(
                format!("`{}` does not exist", p.display()),
                "pass component spec files (`*.yaml`) or directories holding them",
            ));
        }
    }
    Ok(out)
}

fn read_specs(paths: &[PathBuf], display: impl Fn(&Path) -> String) -> Result<Vec<SpecFile>> {
    expand_yaml(paths)?
        .into_iter()
        .map(|p| {
            let text = crate::input::read_text(&p)
                .with_context(|| format!("could not read `{}`", p.display()))?;
            Ok(SpecFile {
                name: display(&p),
                text,
            })
        })
        .collect()
}

/// Parses and checks spec files against `tokens`; every problem goes to `findings`.
fn check_specs(
    files: &[SpecFile],
    tokens: &Tokens,
    findings: &mut Findings,
) -> Vec<StoredComponent> {
    let mut out: Vec<StoredComponent> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for f in files {
        match components::parse(&f.name, &f.text) {
            Err(e) => findings.extend(e),
            Ok(spec) => {
                findings.extend(components::check(&spec, tokens, &f.name, &f.text));
                if let Ok(ident) = components::ident::component_name(&spec.name) {
                    if let Some(other) = seen.insert(ident.clone(), f.name.clone()) {
                        findings.push(crate::tokens::Finding::error(
                            "duplicate-name",
                            &crate::tokens::Location {
                                file: Some(f.name.as_str().into()),
                                line: 1,
                                column: 1,
                            },
                            Some(&spec.name),
                            format!("component `{ident}` is also defined in `{other}`"),
                        ));
                    }
                }
                out.push(StoredComponent {
                    spec,
                    source: Some(f.name.clone()),
                    review: Review::default(),
                });
            }
        }
    }
    out
}

use crate::model::component::merge_imported as merge;

const FINGERPRINT_KEY: &str = "project.components.fingerprint";
const SOURCES_KEY: &str = "project.components.sources";

/// The project's component paths: `components:` in opends.yaml, else `components/` if it exists.
fn project_paths(project: &Project) -> Vec<PathBuf> {
    if let Some(list) = &project.config.components {
        list.iter().map(|p| project.path(p)).collect()
    } else {
        let dir = project.path("components");
        if dir.is_dir() { vec![dir] } else { Vec::new() }
    }
}

/// Imports the project's component specs when they (or the tokens) changed.
pub fn sync_project_components(
    ctx: &Context,
    project: &Project,
    store: &mut Store,
    force: bool,
) -> Result<()> {
    let paths = project_paths(project);
    if paths.is_empty() && store.meta(SOURCES_KEY)?.is_none() {
        return Ok(());
    }
    let files = read_specs(&paths, |p| project.display(p))?;
    let mut hash = Fnv::new();
    for f in &files {
        hash.write(f.name.as_bytes());
        hash.write(f.text.as_bytes());
    }
    // Specs are checked against the tokens: a token change can break (or fix) them.
    hash.write(
        store
            .meta(super::FINGERPRINT_KEY)?
            .unwrap_or_default()
            .as_bytes(),
    );
    let fingerprint = format!("{:016x}", hash.finish());
    if !force && store.meta(FINGERPRINT_KEY)?.as_deref() == Some(fingerprint.as_str()) {
        return Ok(());
    }
    let old_sources: Vec<String> = store
        .meta(SOURCES_KEY)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let new_sources: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let mut findings = Findings::default();
    let result = store.update_components(|current, tokens| {
        let incoming = check_specs(&files, tokens, &mut findings);
        if findings.has_errors() {
            return Err(());
        }
        let from_project = |c: &StoredComponent| {
            c.source
                .as_ref()
                .is_some_and(|s| old_sources.contains(s) || new_sources.contains(s))
        };
        Ok(Some(merge(current, incoming, &from_project)))
    })?;
    if result.is_err() {
        ctx.report(findings, "the project's component specs")?;
        return Err(crate::Reported("invalid component specs".into()).into());
    }
    for f in findings.iter() {
        ctx.printer.finding(f);
    }
    store.set_meta(FINGERPRINT_KEY, &fingerprint)?;
    store.set_meta(SOURCES_KEY, &serde_json::to_string(&new_sources)?)?;
    Ok(())
}

/// The project (if any) and its store, with tokens and components up to date.
pub fn open(ctx: &Context) -> Result<(Option<Project>, Store)> {
    let project = ctx.project_opt()?;
    let mut store = ctx.store(project.as_ref())?;
    if let Some(p) = &project {
        super::sync_project_files(ctx, p, &mut store, false)?;
        sync_project_components(ctx, p, &mut store, false)?;
    }
    Ok((project, store))
}

/// `opends components import`.
pub fn import(ctx: &Context, args: ComponentsImportArgs) -> Result<Outcome> {
    let ComponentsImportArgs {
        paths,
        dry_run,
        json,
    } = args;
    let project = ctx.project_opt()?;
    let mut store = ctx.store(project.as_ref())?;
    if let Some(p) = &project {
        super::sync_project_files(ctx, p, &mut store, false)?;
    }
    if paths.is_empty() {
        let Some(p) = &project else {
            return Err(crate::hinted(
                "nothing to import: no paths given and no opends.yaml",
                "pass component specs, e.g. `opends components import components/`",
            ));
        };
        if dry_run {
            let paths = project_paths(p);
            let files = read_specs(&paths, |x| p.display(x))?;
            let tokens = store.load()?;
            let mut findings = Findings::default();
            let specs = check_specs(&files, &tokens, &mut findings);
            ctx.report(findings, "the project's component specs")?;
            ctx.printer.status(&format!(
                "dry run: {} components are valid; nothing was written",
                specs.len()
            ));
            return Ok(Outcome::Success);
        }
        sync_project_components(ctx, p, &mut store, true)?;
        let n = store.components()?.len();
        summary(ctx, n, n, json)?;
        return Ok(Outcome::Success);
    }
    let abs: Vec<PathBuf> = paths.iter().map(|p| ctx.cwd.join(p)).collect();
    let files = read_specs(&abs, |p| super::display_path(&ctx.cwd, p))?;
    let mut findings = Findings::default();
    let mut imported = 0;
    let result = store.update_components(|current, tokens| {
        let incoming = check_specs(&files, tokens, &mut findings);
        if findings.has_errors() {
            return Err(());
        }
        imported = incoming.len();
        if dry_run {
            return Ok(None);
        }
        Ok(Some(merge(current, incoming, &|_| false)))
    })?;
    if result.is_err() {
        ctx.report(findings, "component import")?;
        return Err(crate::Reported("invalid component specs".into()).into());
    }
    for f in findings.iter() {
        ctx.printer.finding(f);
    }
    let total = store.components()?.len();
    if dry_run {
        ctx.printer.status(&format!(
            "dry run: {imported} components are valid; nothing was written"
        ));
        return Ok(Outcome::Success);
    }
    summary(ctx, imported, total, json)?;
    Ok(Outcome::Success)
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
    let (_, store) = open(ctx)?;
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

fn find<'a>(all: &'a [StoredComponent], name: &str) -> Result<&'a StoredComponent> {
    all.iter()
        .find(|c| {
            c.spec.name == name
                || components::ident::component_name(&c.spec.name).is_ok_and(|i| i == name)
        })
        .ok_or_else(|| {
            crate::hinted(
                format!("no component `{name}`"),
                "run `opends components list` to see the components",
            )
        })
}

/// `opends components show`.
pub fn show(ctx: &Context, args: ComponentShowArgs) -> Result<Outcome> {
    let ComponentShowArgs { name, json } = args;
    let (_, store) = open(ctx)?;
    let all = store.components()?;
    let c = find(&all, &name)?;
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
    let (_, mut store) = open(ctx)?;
    let who = crate::settings::author();
    let at = crate::clock::now_utc();
    let mut shown = String::new();
    let result = store.update_components(|mut all, _| -> Result<_, ()> {
        let i = all
            .iter()
            .position(|c| {
                c.spec.name == name
                    || components::ident::component_name(&c.spec.name).is_ok_and(|i| i == name)
            })
            .ok_or(())?;
        all[i].spec.status = status;
        all[i].review = Review {
            by: Some(who.clone()),
            at: Some(at.clone()),
            reason: reason.clone(),
        };
        shown.clone_from(&all[i].spec.name);
        Ok(Some(all))
    })?;
    if result.is_err() {
        return Err(crate::hinted(
            format!("no component `{name}`"),
            "run `opends components list` to see the components",
        ));
    }
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
    let (project, mut store) = open(ctx)?;
    let mut removed = None;
    let result = store.update_components(|mut all, _| -> Result<_, ()> {
        let i = all
            .iter()
            .position(|c| {
                c.spec.name == args.name
                    || components::ident::component_name(&c.spec.name).is_ok_and(|i| i == args.name)
            })
            .ok_or(())?;
        removed = Some(all.remove(i));
        Ok(Some(all))
    })?;
    if result.is_err() {
        return Err(crate::hinted(
            format!("no component `{}`", args.name),
            "run `opends components list` to see the components",
        ));
    }
    let c = removed.expect("removed above");
    ctx.printer.status(&format!(
        "{} `{}`",
        ctx.printer.paint(Style::Green, "removed"),
        c.spec.name
    ));
    let from_project = project.as_ref().is_some_and(|p| {
        c.source.as_ref().is_some_and(|s| {
            project_paths(p)
                .iter()
                .any(|dir| p.path(s).starts_with(dir))
        })
    });
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
    let (_, store) = open(ctx)?;
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
