//! `opends release`, `opends versions list|show|rm` and `opends tokens history`:
//! immutable snapshots with semver numbers and a generated changelog.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use anyhow::{Context as _, Result, anyhow};
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::{
    BumpChoice, HistoryArgs, ReleaseArgs, VersionRmArgs, VersionShowArgs, VersionsListArgs,
};
use crate::model::{Status, StoredComponent};
use crate::store::{NewVersion, Snapshot, Store, VersionInfo};
use crate::versions::render::{self, CHANGELOG_FILE};
use crate::versions::{Bump, Change, Changeset, diff, plan};

/// The version named `reference` (`1.2.0`, `v1.2.0` or `latest`), if it is one.
pub fn find_version(store: &Store, reference: &str) -> Result<Option<VersionInfo>> {
    if reference == "latest" {
        let latest = store.versions()?.pop();
        if latest.is_none() {
            return Err(crate::hinted(
                "there is no released version yet",
                "run `opends release` to record one",
            ));
        }
        return Ok(latest);
    }
    Ok(store.version(reference)?)
}

/// The snapshot of version `reference`, or an error naming the versions there are.
pub fn snapshot_of(store: &Store, reference: &str) -> Result<Snapshot> {
    match find_version(store, reference)? {
        Some(v) => Ok(store.snapshot(&v)?),
        None => Err(unknown_version(store, reference)),
    }
}

fn unknown_version(store: &Store, reference: &str) -> anyhow::Error {
    let known: Vec<String> = store
        .versions()
        .map(|vs| vs.into_iter().rev().take(5).map(|v| v.version).collect())
        .unwrap_or_default();
    crate::hinted(
        format!("no version `{reference}`"),
        if known.is_empty() {
            "nothing has been released yet: run `opends release`".to_string()
        } else {
            format!(
                "released versions (newest first): {}; `opends versions list` shows all",
                known.join(", ")
            )
        },
    )
}

/// Whether value changes count as minor (`value_changes: minor` in opends.yaml).
pub fn values_minor(project: Option<&crate::settings::Project>) -> bool {
    project.is_some_and(|p| p.config.value_changes == Some(crate::settings::ValueChanges::Minor))
}

fn specs(components: &[StoredComponent]) -> Vec<crate::model::Component> {
    components.iter().map(|c| c.spec.clone()).collect()
}

/// The changes from `old` to `new`.
pub fn changes(old: &Snapshot, new: &Snapshot) -> Changeset {
    diff(
        &old.tokens,
        &new.tokens,
        &specs(&old.components),
        &specs(&new.components),
    )
}

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

/// Writes `text` to `path` through a temp file beside it; returns the temp path to
/// rename (so the caller picks the moment the new content appears).
fn stage(path: &Path, text: &str) -> Result<std::path::PathBuf> {
    let tmp = path.with_extension(format!("md.{}.tmp", std::process::id()));
    fs::write(&tmp, text).with_context(|| format!("could not write `{}`", tmp.display()))?;
    Ok(tmp)
}

/// For tests of the roll-back: `OPENDS_TEST_FAIL=release` makes a release fail after
/// the changelog is in place and before the version is committed.
fn injected_failure() -> Result<()> {
    if std::env::var("OPENDS_TEST_FAIL").is_ok_and(|v| v == "release") {
        return Err(anyhow!(
            "release failed on purpose (OPENDS_TEST_FAIL=release)"
        ));
    }
    Ok(())
}

/// `opends release`.
pub fn release(ctx: &Context, args: ReleaseArgs) -> Result<Outcome> {
    let (project, mut store) = super::components::open(ctx)?;
    let project = project.ok_or_else(|| {
        crate::hinted(
            "`opends release` needs a project: it writes CHANGELOG.md beside opends.yaml",
            "run it in a project (or pass `-C DIR`)",
        )
    })?;
    let working = store.working()?;
    let hash = working.content_hash();
    let versions = store.versions()?;
    let latest = versions.last();
    if let Some(l) = latest.filter(|l| l.content_hash == hash) {
        return Err(crate::hinted(
            format!(
                "nothing to release: the tokens and components are those of {}",
                l.version
            ),
            "change tokens or components first; `opends diff` shows what changed",
        ));
    }
    let drafts: Vec<&str> = working
        .components
        .iter()
        .filter(|c| c.spec.status == Status::Draft)
        .map(|c| c.spec.name.as_str())
        .collect();
    if !drafts.is_empty() && !args.allow_drafts {
        return Err(crate::hinted(
            format!(
                "{} draft component{} would be released: {}",
                drafts.len(),
                if drafts.len() == 1 { "" } else { "s" },
                drafts.join(", ")
            ),
            "approve them (`opends components approve NAME`), or pass `--allow-drafts`",
        ));
    }
    let previous = latest.map(|l| store.snapshot(l)).transpose()?;
    let cs = changes(previous.as_ref().unwrap_or(&Snapshot::default()), &working);
    let values_minor = values_minor(Some(&project));
    let request = plan::Request {
        version: args.version.as_deref(),
        bump: bump_of(args.bump),
        pre: args.pre.as_deref(),
        force: args.force,
    };
    let planned = match plan::plan(
        latest.map(|l| l.version.as_str()),
        &cs,
        values_minor,
        &request,
    ) {
        Ok(p) => p,
        Err(e @ plan::PlanError::TooSmall { chosen, .. }) => {
            let breaking: Vec<String> = cs
                .changes
                .iter()
                .filter(|c| c.bump(values_minor) > chosen)
                .take(10)
                .map(|c| format!("  {} {}", render::sign(c), render::describe(c, false)))
                .collect();
            return Err(crate::hinted(
                format!("{e}:\n{}", breaking.join("\n")),
                "release with `--bump auto`, or pass `--force` to override (it is recorded)",
            ));
        }
        Err(e @ plan::PlanError::NotNewer { .. }) => {
            return Err(crate::hinted(
                e.to_string(),
                "pick a higher version, or let `--bump` choose",
            ));
        }
        Err(e) => return Err(crate::hinted(e.to_string(), "e.g. `opends release 2.0.0`")),
    };
    let (next, required, forced) = (&planned.version, planned.required, planned.forced);
    let date = super::components::now_utc();
    let section = plan::section(
        &planned,
        &date[..10],
        args.message.as_deref(),
        &cs,
        latest
            .is_none()
            .then_some((working.tokens.len(), working.components.len())),
    );
    let info = NewVersion {
        version: next.to_string(),
        created_at: date,
        author: super::components::author(),
        message: args.message.clone(),
        bump: render::bump_name(if latest.is_none() {
            Bump::Major
        } else {
            required
        })
        .into(),
        forced,
        changelog: section.clone(),
    };
    let summary = format!(
        "{} {}{} ({} change{}, {} bump{})",
        if args.dry_run {
            "would release"
        } else {
            "releasing"
        },
        next,
        latest
            .map(|l| format!(" after {}", l.version))
            .unwrap_or_default(),
        cs.changes.len(),
        if cs.changes.len() == 1 { "" } else { "s" },
        render::bump_name(required),
        if forced { ", forced" } else { "" }
    );
    if args.dry_run {
        if args.json {
            let preview = preview_info(&info, &hash, &working);
            ctx.printer.json(&ReleaseReport {
                version: &preview,
                dry_run: true,
                changelog: &section,
                changes: &cs.changes,
            })?;
        } else {
            ctx.printer.status(&summary);
            ctx.printer.data(section.trim_end())?;
        }
        return Ok(Outcome::Success);
    }
    if !args.yes {
        if !ctx.printer.interactive() {
            return Err(crate::hinted(
                format!("not releasing {next} without confirmation"),
                "pass `--yes` (no terminal to ask on), or `--dry-run` to preview",
            ));
        }
        ctx.printer
            .status(&format!("{summary}\n\n{}\n", section.trim_end()));
        let ok = dialoguer::Confirm::new()
            .with_prompt(format!("Release {next}?"))
            .default(false)
            .interact()?;
        if !ok {
            ctx.printer.status("release cancelled; nothing written");
            return Ok(Outcome::Found);
        }
    }
    let changelog = project.root.join(CHANGELOG_FILE);
    let old = match fs::read_to_string(&changelog) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(anyhow!(e).context(format!("could not read `{CHANGELOG_FILE}`"))),
    };
    let tmp = stage(
        &changelog,
        &render::prepend_changelog(old.as_deref(), &section),
    )?;
    let mut renamed = false;
    let result = store.release(&info, &hash, || -> Result<()> {
        fs::rename(&tmp, &changelog)
            .with_context(|| format!("could not write `{CHANGELOG_FILE}`"))?;
        renamed = true;
        injected_failure()
    });
    let version = match result {
        Ok(v) => v,
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            if renamed {
                // The version was not committed: put the changelog back as it was.
                let restored = match &old {
                    Some(text) => super::export::write_atomic(&changelog, text.as_bytes()),
                    None => fs::remove_file(&changelog),
                };
                if let Err(r) = restored {
                    return Err(e.context(format!(
                        "and {CHANGELOG_FILE} could not be restored ({r}); check it by hand"
                    )));
                }
            }
            return Err(e.context("nothing was released"));
        }
    };
    if args.json {
        ctx.printer.json(&ReleaseReport {
            version: &version,
            dry_run: false,
            changelog: &section,
            changes: &cs.changes,
        })?;
    } else {
        ctx.printer.status(&format!(
            "released {} ({} tokens, {} components); {CHANGELOG_FILE} updated",
            version.version, version.tokens, version.components
        ));
    }
    Ok(Outcome::Success)
}

fn preview_info(info: &NewVersion, hash: &str, working: &Snapshot) -> VersionInfo {
    VersionInfo {
        id: 0,
        version: info.version.clone(),
        created_at: info.created_at.clone(),
        author: info.author.clone(),
        message: info.message.clone(),
        content_hash: hash.to_string(),
        bump: info.bump.clone(),
        forced: info.forced,
        tokens: working.tokens.len(),
        components: working.components.len(),
        changelog: info.changelog.clone(),
    }
}

/// The store, for reading released versions: the working files are not read (they
/// may be mid-edit, and versions do not depend on them).
fn released_store(ctx: &Context) -> Result<Store> {
    let project = ctx.project_opt()?;
    ctx.store(project.as_ref())
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
            && dialoguer::Confirm::new()
                .with_prompt(format!(
                    "Delete version {}? Consumers pinned to it can no longer build it here",
                    v.version
                ))
                .default(false)
                .interact()?;
        if !ok {
            return Err(crate::hinted(
                format!("version {} not deleted", v.version),
                "pass `--yes` to delete without asking",
            ));
        }
    }
    store.remove_version(&v)?;
    ctx.printer.status(&format!(
        "deleted version {} (CHANGELOG.md is left as it is)",
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
