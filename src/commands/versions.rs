//! `opends release`, `opends versions list|show|rm` and `opends tokens history`:
//! immutable snapshots with semver numbers and a generated changelog.

use std::fmt::Write as _;

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::{
    BumpChoice, HistoryArgs, ReleaseArgs, VersionRmArgs, VersionShowArgs, VersionsListArgs,
};
use crate::project::{self, ReleaseRequest, find_version, finish_changelog, unknown_version};
use crate::store::{Store, VersionInfo};
use crate::versions::render::{self, CHANGELOG_FILE};
use crate::versions::{Bump, Change};

fn bump_of(choice: BumpChoice) -> Option<Bump> {
    match choice {
        BumpChoice::Auto => None,
        BumpChoice::Major => Some(Bump::Major),
        BumpChoice::Minor => Some(Bump::Minor),
        BumpChoice::Patch => Some(Bump::Patch),
    }
}

#[derive(Serialize)]
struct ReleaseReport<'a> {
    #[serde(flatten)]
    version: &'a VersionInfo,
    dry_run: bool,
    changelog: &'a str,
    changes: &'a [Change],
}

/// `opends release --remote NAME`: the server releases its own state.
fn release_remote(ctx: &Context, name: &str, args: &ReleaseArgs) -> Result<Outcome> {
    let (_, store) = ctx.open_released(false)?;
    let remote = crate::sync::remote::pick(&store, Some(name))
        .map_err(crate::sync::SyncError::into_report)?;
    if !args.yes {
        let ok = ctx.printer.interactive()
            && super::restore_cursor_on_interrupt()
            && dialoguer::Confirm::new()
                .with_prompt(format!("Release the current state of {name} there?"))
                .default(false)
                .wait_for_newline(true)
                .interact()?;
        if !ok {
            return Err(crate::hinted(
                format!("not releasing on {name} without confirmation"),
                "pass `--yes` (no terminal to ask on)",
            ));
        }
    }
    let request = crate::sync::protocol::ReleaseRequest {
        version: args.version.clone(),
        bump: args.version.is_none().then(|| {
            match args.bump {
                BumpChoice::Auto => "auto",
                BumpChoice::Major => "major",
                BumpChoice::Minor => "minor",
                BumpChoice::Patch => "patch",
            }
            .to_string()
        }),
        pre: args.pre.clone(),
        message: args.message.clone(),
        force: args.force,
        allow_drafts: args.allow_drafts,
    };
    let made = crate::sync::remote::release_remote(&remote, &request)
        .map_err(crate::sync::SyncError::into_report)?;
    if args.json {
        ctx.printer.json(&made)?;
    }
    ctx.printer.status(&format!(
        "released {} on {name}; `opends pull` brings it here (and writes releases/{})",
        made.version,
        crate::versions::file::file_name(&made.version)
    ));
    Ok(Outcome::Success)
}

/// `opends release`.
pub fn release(ctx: &Context, args: ReleaseArgs) -> Result<Outcome> {
    if let Some(name) = args.remote.clone() {
        return release_remote(ctx, &name, &args);
    }
    let (project, mut store) = ctx.open()?;
    let project = project.ok_or_else(|| {
        crate::hinted(
            "`opends release` needs a project: it writes CHANGELOG.md beside opends.yaml",
            "run it in a project (or pass `-C DIR`)",
        )
    })?;
    finish_changelog(&project.root, &mut store)
        .context("an earlier release's changelog could not be finished")?;
    let retries = project::release_retries()?;
    let request = ReleaseRequest {
        version: args.version.clone(),
        bump: bump_of(args.bump),
        pre: args.pre.clone(),
        force: args.force,
        allow_drafts: args.allow_drafts,
        message: args.message.clone(),
    };
    let plan = project::plan_release(&store, &project, &request)?;
    let n = plan.changes.changes.len();
    let summary = format!(
        "{} {}{} ({n} change{}, {} bump{})",
        if args.dry_run {
            "would release"
        } else {
            "releasing"
        },
        plan.info.version,
        plan.latest
            .as_ref()
            .map(|l| format!(" after {l}"))
            .unwrap_or_default(),
        if n == 1 { "" } else { "s" },
        render::bump_name(plan.required),
        if plan.forced { ", forced" } else { "" }
    );
    if args.dry_run {
        if args.json {
            ctx.printer.json(&ReleaseReport {
                version: &plan.preview(),
                dry_run: true,
                changelog: &plan.section,
                changes: &plan.changes.changes,
            })?;
        } else {
            ctx.printer.status(&summary);
            ctx.printer.data(plan.section.trim_end())?;
        }
        return Ok(Outcome::Success);
    }
    let next = plan.info.version.clone();
    if !args.yes {
        if !ctx.printer.interactive() {
            return Err(crate::hinted(
                format!("not releasing {next} without confirmation"),
                "pass `--yes` (no terminal to ask on), or `--dry-run` to preview",
            ));
        }
        ctx.printer
            .status(&format!("{summary}\n\n{}\n", plan.section.trim_end()));
        super::restore_cursor_on_interrupt();
        let ok = dialoguer::Confirm::new()
            .with_prompt(format!("Release {next}?"))
            .default(false)
            .wait_for_newline(true)
            .interact()?;
        if !ok {
            ctx.printer.status("release cancelled; nothing written");
            return Ok(Outcome::Found);
        }
    }
    let (version, plan) =
        project::commit_release(&mut store, &project, &request, plan, retries, |why| {
            ctx.printer.detail(why);
        })?;
    crate::store::crash_point("release-committed");
    finish_changelog(&project.root, &mut store).with_context(|| {
        format!(
            "released {}, but {CHANGELOG_FILE} could not be updated; the next `opends release` or `opends versions list` tries again",
            version.version
        )
    })?;
    // Versions released before releases were files (or whose file was lost) get theirs
    // now, so that a clone lists them too.
    let earlier = project::write_release_files(&project.root, &store, &store.versions()?)?;
    if !earlier.is_empty() {
        ctx.printer.status(&format!(
            "wrote the release files of earlier versions: {}",
            earlier.join(", ")
        ));
    }
    if args.json {
        ctx.printer.json(&ReleaseReport {
            version: &version,
            dry_run: false,
            changelog: &plan.section,
            changes: &plan.changes.changes,
        })?;
    } else {
        ctx.printer.status(&format!(
            "released {} ({}, {}); {CHANGELOG_FILE} updated",
            version.version,
            crate::printer::count(version.tokens, "token"),
            crate::printer::count(version.components, "component")
        ));
    }
    Ok(Outcome::Success)
}

/// The store, for reading released versions: the working files are not read (they
/// may be mid-edit, and versions do not depend on them).
/// An interrupted release's changelog is finished first (a failure to is a warning).
fn released_store(ctx: &Context) -> Result<Store> {
    let project = ctx.project_opt()?;
    let mut store = ctx.store(project.as_ref())?;
    if let Some(p) = &project {
        if let Err(e) = finish_changelog(&p.root, &mut store) {
            ctx.printer.warn(&format!(
                "an earlier release's {CHANGELOG_FILE} could not be finished: {e:#}"
            ));
        }
    }
    Ok(store)
}

/// `opends versions list`.
pub fn list(ctx: &Context, args: VersionsListArgs) -> Result<Outcome> {
    let store = released_store(ctx)?;
    let versions = store.versions()?;
    if args.json {
        ctx.printer.json(&versions)?;
        return Ok(Outcome::Success);
    }
    if versions.is_empty() {
        ctx.printer
            .status("no released versions yet; `opends release` records one");
        return Ok(Outcome::Success);
    }
    let mut out = String::new();
    for v in versions.iter().rev() {
        let _ = writeln!(
            out,
            "{:<16} {}  {:<6}{}  {:>6} tokens {:>4} components  {}{}",
            v.version,
            &v.created_at[..v.created_at.len().min(10)],
            v.bump,
            if v.forced { "!" } else { " " },
            v.tokens,
            v.components,
            v.author,
            v.message
                .as_deref()
                .map(|m| format!("  {}", m.lines().next().unwrap_or_default()))
                .unwrap_or_default()
        );
    }
    ctx.printer.data(out.trim_end())?;
    Ok(Outcome::Success)
}

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    version: &'a VersionInfo,
    changelog: &'a str,
}

/// `opends versions show`.
pub fn show(ctx: &Context, args: VersionShowArgs) -> Result<Outcome> {
    let store = released_store(ctx)?;
    let v = find_version(&store, &args.version)?
        .ok_or_else(|| unknown_version(&store, &args.version))?;
    if args.json {
        ctx.printer.json(&Shown {
            version: &v,
            changelog: &v.changelog,
        })?;
        return Ok(Outcome::Success);
    }
    let mut out = format!(
        "version: {}\nreleased: {}\nauthor: {}\nbump: {}{}\ntokens: {}\ncomponents: {}\nhash: {}\n",
        v.version,
        v.created_at,
        v.author,
        v.bump,
        if v.forced {
            " (a smaller bump was forced)"
        } else {
            ""
        },
        v.tokens,
        v.components,
        v.content_hash
    );
    if let Some(m) = &v.message {
        let _ = writeln!(out, "message: {m}");
    }
    let _ = write!(out, "\n{}", v.changelog.trim_end());
    ctx.printer.data(&out)?;
    Ok(Outcome::Success)
}

/// `opends versions rm`.
pub fn rm(ctx: &Context, args: VersionRmArgs) -> Result<Outcome> {
    let mut store = released_store(ctx)?;
    let v = find_version(&store, &args.version)?
        .ok_or_else(|| unknown_version(&store, &args.version))?;
    if !args.yes {
        let ok = ctx.printer.interactive()
            && super::restore_cursor_on_interrupt()
            && dialoguer::Confirm::new()
                .with_prompt(format!(
                    "Delete version {}? Consumers pinned to it can no longer build it here",
                    v.version
                ))
                .default(false)
                .wait_for_newline(true)
                .interact()?;
        if !ok {
            return Err(crate::hinted(
                format!("version {} not deleted", v.version),
                "pass `--yes` to delete without asking",
            ));
        }
    }
    store.remove_version(&v)?;
    let file = match ctx.project_opt()? {
        Some(p) if project::remove_release_file(&p.root, &v.version)? => {
            format!(
                " and {}/{}",
                crate::versions::file::RELEASES_DIR,
                crate::versions::file::file_name(&v.version)
            )
        }
        _ => String::new(),
    };
    ctx.printer.status(&format!(
        "deleted version {}{file} (CHANGELOG.md is left as it is)",
        v.version
    ));
    Ok(Outcome::Success)
}

#[derive(Serialize)]
struct HistoryEntry {
    version: String,
    released: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<serde_json::Value>,
    present: bool,
}

/// `opends tokens history`.
pub fn history(ctx: &Context, args: HistoryArgs) -> Result<Outcome> {
    let store = released_store(ctx)?;
    let history = store.token_history(&args.path)?;
    if history.iter().all(|(_, t)| t.is_none()) {
        return Err(crate::hinted(
            format!("token `{}` is in no released version", args.path),
            if history.is_empty() {
                "nothing has been released yet: run `opends release`"
            } else {
                "check the path with `opends tokens list`"
            },
        ));
    }
    let entries: Vec<HistoryEntry> = history
        .into_iter()
        .map(|(v, t)| HistoryEntry {
            version: v.version,
            released: v.created_at,
            present: t.is_some(),
            value: t.map(|t| t.value_in(args.mode.as_deref()).clone()),
        })
        .collect();
    if args.json {
        ctx.printer.json(&entries)?;
        return Ok(Outcome::Success);
    }
    let mut out = String::new();
    let mut last: Option<&serde_json::Value> = None;
    for e in &entries {
        let shown = match &e.value {
            None => "(not in this version)".to_string(),
            Some(v) => render::short_value(v),
        };
        let mark = if e.value.as_ref() == last { " " } else { "*" };
        let _ = writeln!(
            out,
            "{mark} {:<16} {}  {shown}",
            e.version,
            &e.released[..e.released.len().min(10)]
        );
        last = e.value.as_ref();
    }
    ctx.printer.data(out.trim_end())?;
    ctx.printer
        .detail("* marks the versions where the value changed");
    Ok(Outcome::Success)
}
