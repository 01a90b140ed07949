//! `opends release`, `opends versions list|show|rm` and `opends tokens history`:
//! immutable snapshots with semver numbers and a generated changelog.

use crate::env_vars::EnvVars;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Context;
use crate::Outcome;
use crate::cli::{
    BumpChoice, HistoryArgs, ReleaseArgs, VersionRmArgs, VersionShowArgs, VersionsListArgs,
};
use crate::model::Status;
use crate::settings::Project;
use crate::store::{
    NewVersion, PendingChangelog, Snapshot, StagedChangelog, Store, StoreError, VersionInfo,
};
use crate::versions::render::{self, CHANGELOG_FILE};
use crate::versions::{Bump, Change, Changeset, plan};

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

fn sha256_hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// `CHANGELOG.md`'s text, `None` when there is none.
fn read_changelog(path: &Path) -> Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(anyhow!(e).context(format!("could not read `{CHANGELOG_FILE}`"))),
    }
}

/// Writes the changelog with `section` for `version` to a temp file beside it (synced
/// to disk); the store commits the version with the returned record, then the file is
/// renamed into place.
fn stage(changelog: &Path, version: &str, section: &str) -> Result<(PathBuf, StagedChangelog)> {
    let old = read_changelog(changelog)?;
    let text = render::write_section(old.as_deref(), version, section);
    let name = format!("{CHANGELOG_FILE}.{}.tmp", std::process::id());
    let tmp = changelog.with_file_name(&name);
    let written = fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(anyhow!(e).context(format!("could not write `{}`", tmp.display())));
    }
    let staged = StagedChangelog {
        temp_file: name,
        base_hash: old.map(|t| sha256_hex(t.as_bytes())),
        new_hash: sha256_hex(text.as_bytes()),
    };
    Ok((tmp, staged))
}

/// Whether `name` is a temp file of a changelog write: `CHANGELOG.md.PID.tmp` (a
/// release's staged file) or `.CHANGELOG.md.PID.tmp` (an atomic write's).
fn is_changelog_temp(name: &str) -> bool {
    let rest = name.strip_prefix('.').unwrap_or(name);
    rest.strip_prefix(CHANGELOG_FILE)
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Changelog temp files in `root`.
fn changelog_temps(root: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| is_changelog_temp(n))
        .collect()
}

fn remove_if_there(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(anyhow!(e).context(format!("could not remove `{}`", path.display()))),
    }
}

/// Puts one committed release's section into `CHANGELOG.md` if it is not there: the
/// staged file when the changelog is still the one it was made from, else the section
/// written into the changelog as it is now. Removes the staged file.
fn finish_one(root: &Path, p: &PendingChangelog) -> Result<()> {
    let changelog = root.join(CHANGELOG_FILE);
    // The store holds a bare file name; anything else is not ours to touch.
    let tmp = Path::new(&p.staged.temp_file)
        .file_name()
        .filter(|n| n.to_str() == Some(p.staged.temp_file.as_str()))
        .map(|n| root.join(n));
    if let Some(section) = &p.section {
        let current = read_changelog(&changelog)?;
        let unchanged = current.as_deref().map(|t| sha256_hex(t.as_bytes())) == p.staged.base_hash;
        let staged_intact = tmp
            .as_deref()
            .is_some_and(|t| fs::read(t).is_ok_and(|b| sha256_hex(&b) == p.staged.new_hash));
        match &tmp {
            // The changelog is the one the release read: its staged successor goes in.
            Some(t) if unchanged && staged_intact => fs::rename(t, &changelog)
                .with_context(|| format!("could not write `{CHANGELOG_FILE}`"))?,
            // Done already (or written by hand since): left as it is.
            _ if current
                .as_deref()
                .is_some_and(|t| render::has_section(t, &p.version)) => {}
            _ => {
                let text = render::write_section(current.as_deref(), &p.version, section);
                crate::output::write_atomic(&changelog, text.as_bytes())
                    .with_context(|| format!("could not write `{CHANGELOG_FILE}`"))?;
            }
        }
    }
    if let Some(t) = &tmp {
        remove_if_there(t)?;
    }
    Ok(())
}

/// Finishes what a release that was interrupted left: a committed version whose
/// section is not in `CHANGELOG.md` yet gets it (exactly once); the temp file of a
/// release that never committed is removed. Cheap when there is nothing to do.
pub fn finish_changelog(root: &Path, store: &mut Store) -> Result<()> {
    if changelog_temps(root).is_empty() && !store.has_pending_changelog()? {
        return Ok(());
    }
    // Under the store's write lock: no release stages or commits meanwhile, so a temp
    // file without a pending record belongs to a release that died before its commit.
    store.finish_changelogs(|pending| -> Result<()> {
        for p in pending {
            finish_one(root, p)?;
        }
        if !pending.is_empty() {
            crate::store::crash_point("release-renamed");
        }
        for name in changelog_temps(root) {
            remove_if_there(&root.join(name))?;
        }
        Ok(())
    })
}

/// For tests of the roll-back: `OPENDS_TEST_FAIL=release` makes a release fail after
/// the changelog is staged and before the version is committed.
fn injected_failure() -> Result<()> {
    if std::env::var(EnvVars::TEST_FAIL).is_ok_and(|v| v == "release") {
        return Err(anyhow!(
            "release failed on purpose (OPENDS_TEST_FAIL=release)"
        ));
    }
    Ok(())
}

/// How often a release is tried again when other processes wrote meanwhile.
const DEFAULT_RETRIES: u32 = 5;
/// The most retries `OPENDS_RELEASE_RETRIES` may ask for.
const MAX_RETRIES: u32 = 100;

/// `OPENDS_RELEASE_RETRIES`, or the default.
fn release_retries() -> Result<u32> {
    match std::env::var(EnvVars::RELEASE_RETRIES) {
        Err(_) => Ok(DEFAULT_RETRIES),
        Ok(v) => match v.trim().parse::<u32>() {
            Ok(n) if n <= MAX_RETRIES => Ok(n),
            _ => Err(crate::hinted(
                format!("OPENDS_RELEASE_RETRIES is `{v}`, not a number from 0 to {MAX_RETRIES}"),
                format!("set it to a number of retries (default {DEFAULT_RETRIES}), or unset it"),
            )),
        },
    }
}

/// What a release attempt will record: planned from the working state as stored now.
struct Plan {
    working: Snapshot,
    hash: String,
    latest: Option<String>,
    changes: Changeset,
    required: Bump,
    forced: bool,
    section: String,
    info: NewVersion,
}

/// Plans the release of the working state: checks, number, changelog section.
fn plan_release(store: &Store, project: &Project, args: &ReleaseArgs) -> Result<Plan> {
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
    let cs = crate::versions::changes(previous.as_ref().unwrap_or(&Snapshot::default()), &working);
    let values_minor = values_minor(Some(project));
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
    let (required, forced) = (planned.required, planned.forced);
    let date = crate::clock::now_utc();
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
        version: planned.version.to_string(),
        created_at: date,
        author: crate::settings::author(),
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
    Ok(Plan {
        hash,
        latest: latest.map(|l| l.version.clone()),
        changes: cs,
        required,
        forced,
        section,
        info,
        working,
    })
}

/// Whether a failed release attempt may be tried again: the store was busy, or the
/// working state (or the newest version) changed between planning and committing.
fn retryable(e: &anyhow::Error) -> bool {
    e.downcast_ref::<StoreError>()
        .is_some_and(|s| s.is_busy() || matches!(s, StoreError::Conflict { .. }))
}

fn describe_plan(p: &Plan) -> String {
    format!(
        "{} with {} change{}",
        p.info.version,
        p.changes.changes.len(),
        if p.changes.changes.len() == 1 {
            ""
        } else {
            "s"
        }
    )
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
    finish_changelog(&project.root, &mut store)
        .context("an earlier release's changelog could not be finished")?;
    let retries = release_retries()?;
    let mut plan = plan_release(&store, &project, &args)?;
    let latest = plan.latest.clone();
    let summary = format!(
        "{} {}{} ({} change{}, {} bump{})",
        if args.dry_run {
            "would release"
        } else {
            "releasing"
        },
        plan.info.version,
        latest
            .as_ref()
            .map(|l| format!(" after {l}"))
            .unwrap_or_default(),
        plan.changes.changes.len(),
        if plan.changes.changes.len() == 1 {
            ""
        } else {
            "s"
        },
        render::bump_name(plan.required),
        if plan.forced { ", forced" } else { "" }
    );
    if args.dry_run {
        if args.json {
            let preview = preview_info(&plan.info, &plan.hash, &plan.working);
            ctx.printer.json(&ReleaseReport {
                version: &preview,
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
    let mut attempt = 0;
    let version = loop {
        crate::store::pause_point("release-planned");
        let mut staged: Option<PathBuf> = None;
        let result = store.release(&plan.info, &plan.hash, latest.as_deref(), || {
            let (tmp, record) = stage(&changelog, &plan.info.version, &plan.section)?;
            staged = Some(tmp);
            injected_failure()?;
            Ok::<_, anyhow::Error>(record)
        });
        let e = match result {
            Ok(v) => break v,
            Err(e) => e,
        };
        if let Some(tmp) = &staged {
            let _ = fs::remove_file(tmp);
        }
        if !retryable(&e) {
            return Err(e.context("nothing was released"));
        }
        if attempt >= retries {
            return Err(crate::hinted(
                format!(
                    "gave up releasing {next} after {} attempt{} ({e}); nothing was released",
                    attempt + 1,
                    if attempt == 0 { "" } else { "s" }
                ),
                format!(
                    "other processes kept writing to the store; run the release again when they are done, or raise OPENDS_RELEASE_RETRIES (now {retries})"
                ),
            ));
        }
        attempt += 1;
        std::thread::sleep(std::time::Duration::from_millis(50 << (attempt - 1).min(5)));
        // Another process wrote. Go on only when the release is still the one planned
        // (and confirmed): same number, same changes.
        let again = plan_release(&store, &project, &args)
            .map_err(|e2| e2.context("the tokens or components changed while releasing"))
            .map_err(|e2| e2.context("nothing was released"))?;
        if again.info.version != plan.info.version
            || again.changes != plan.changes
            || again.latest != latest
        {
            return Err(crate::hinted(
                format!(
                    "the tokens or components changed while releasing: it would now be {} instead of {}; nothing was released",
                    describe_plan(&again),
                    describe_plan(&plan)
                ),
                "run `opends release` again to review the new changes (`opends diff` shows them)",
            ));
        }
        ctx.printer.detail(&format!(
            "the store changed while releasing ({e}); the release is unchanged, trying again"
        ));
        plan = again;
    };
    crate::store::crash_point("release-committed");
    finish_changelog(&project.root, &mut store).with_context(|| {
        format!(
            "released {}, but {CHANGELOG_FILE} could not be updated; the next `opends release` or `opends versions list` tries again",
            version.version
        )
    })?;
    if args.json {
        ctx.printer.json(&ReleaseReport {
            version: &version,
            dry_run: false,
            changelog: &plan.section,
            changes: &plan.changes.changes,
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

#[cfg(test)]
mod tests {
    use super::is_changelog_temp;

    #[test]
    fn only_changelog_temp_files_count_as_leftovers() {
        assert!(is_changelog_temp("CHANGELOG.md.4242.tmp"));
        assert!(is_changelog_temp(".CHANGELOG.md.7.tmp"));
        for name in [
            "CHANGELOG.md",
            "CHANGELOG.md.tmp",
            "CHANGELOG.md.backup.tmp",
            "CHANGELOG.md.12.tmp.keep",
            "NOTES.md.12.tmp",
        ] {
            assert!(!is_changelog_temp(name), "{name}");
        }
    }
}
