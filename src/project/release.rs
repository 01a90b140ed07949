//! Releases: finding versions, planning a release of the working state (checks,
//! number, changelog section) and committing it with its changelog.

use std::path::PathBuf;

use anyhow::{Result, anyhow};

use crate::env_vars::EnvVars;
use crate::model::Status;
use crate::settings::Project;
use crate::store::{NewVersion, Snapshot, Store, StoreError, VersionInfo};
use crate::versions::render::{self, CHANGELOG_FILE};
use crate::versions::{Bump, Changeset, plan};

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

/// The error for a version that does not exist: it names the newest ones.
pub fn unknown_version(store: &Store, reference: &str) -> anyhow::Error {
    let all: Vec<String> = store
        .versions()
        .map(|vs| vs.into_iter().rev().map(|v| v.version).collect())
        .unwrap_or_default();
    let near = crate::suggest::nearest(reference, all.iter().map(String::as_str));
    if !near.is_empty() {
        return crate::hinted(
            format!("no version `{reference}`"),
            crate::suggest::hint(reference, near, "`opends versions list` shows them"),
        );
    }
    let known: Vec<&str> = all.iter().take(5).map(String::as_str).collect();
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
pub fn values_minor(project: Option<&Project>) -> bool {
    project.is_some_and(|p| p.config.value_changes == Some(crate::settings::ValueChanges::Minor))
}

/// What to release.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// An explicit version number.
    pub version: Option<String>,
    /// A chosen bump (`None`: what the changes call for).
    pub bump: Option<Bump>,
    /// A pre-release tag.
    pub pre: Option<String>,
    /// Release with a smaller bump than the changes call for.
    pub force: bool,
    /// Release draft components too.
    pub allow_drafts: bool,
    /// The release message.
    pub message: Option<String>,
}

/// What a release attempt will record: planned from the working state as stored now.
pub struct ReleasePlan {
    /// The working state.
    pub working: Snapshot,
    /// Its content hash.
    pub hash: String,
    /// The newest version before this one.
    pub latest: Option<String>,
    /// The changes since `latest`.
    pub changes: Changeset,
    /// The bump the changes call for.
    pub required: Bump,
    /// Whether a smaller bump was forced.
    pub forced: bool,
    /// The changelog section.
    pub section: String,
    /// The version to record.
    pub info: NewVersion,
}

impl ReleasePlan {
    /// `1.2.0 with 3 changes`.
    pub fn describe(&self) -> String {
        let n = self.changes.changes.len();
        format!(
            "{} with {n} change{}",
            self.info.version,
            if n == 1 { "" } else { "s" }
        )
    }

    /// The version as it would be listed, before it is recorded.
    pub fn preview(&self) -> VersionInfo {
        let info = &self.info;
        VersionInfo {
            id: 0,
            version: info.version.clone(),
            created_at: info.created_at.clone(),
            author: info.author.clone(),
            message: info.message.clone(),
            content_hash: self.hash.clone(),
            bump: info.bump.clone(),
            forced: info.forced,
            tokens: self.working.tokens.len(),
            components: self.working.components.len(),
            changelog: info.changelog.clone(),
        }
    }
}

/// Plans the release of the working state: checks, number, changelog section.
pub fn plan_release(store: &Store, project: &Project, request: &Request) -> Result<ReleasePlan> {
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
    if !drafts.is_empty() && !request.allow_drafts {
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
    let plan_request = plan::Request {
        version: request.version.as_deref(),
        bump: request.bump,
        pre: request.pre.as_deref(),
        force: request.force,
    };
    let planned = match plan::plan(
        latest.map(|l| l.version.as_str()),
        &cs,
        values_minor,
        &plan_request,
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
        request.message.as_deref(),
        &cs,
        latest
            .is_none()
            .then_some((working.tokens.len(), working.components.len())),
    );
    let info = NewVersion {
        version: planned.version.to_string(),
        created_at: date,
        author: crate::settings::author(),
        message: request.message.clone(),
        bump: render::bump_name(if latest.is_none() {
            Bump::Major
        } else {
            required
        })
        .into(),
        forced,
        changelog: section.clone(),
    };
    Ok(ReleasePlan {
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
pub fn release_retries() -> Result<u32> {
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

/// Records the planned release: stages its release file and `CHANGELOG.md`, commits the version, and tries
/// again (up to `retries` times) when other processes wrote meanwhile, as long as the
/// release is still the one planned; `on_retry` hears why. Returns the version and the
/// plan it was made from. The changelog is finished by [`super::finish_changelog`].
pub fn commit_release(
    store: &mut Store,
    project: &Project,
    request: &Request,
    mut plan: ReleasePlan,
    retries: u32,
    mut on_retry: impl FnMut(&str),
) -> Result<(VersionInfo, ReleasePlan)> {
    let changelog = project.root.join(CHANGELOG_FILE);
    let latest = plan.latest.clone();
    let next = plan.info.version.clone();
    let mut attempt = 0;
    loop {
        crate::store::pause_point("release-planned");
        let mut staged: Vec<PathBuf> = Vec::new();
        let result = store.release(&plan.info, &plan.hash, latest.as_deref(), || {
            // The release file first, then the changelog: both are renamed into place
            // once the version is committed (`finish_changelog`).
            staged.push(super::release_files::stage(
                &project.root,
                &plan.info,
                &plan.hash,
                &plan.working,
            )?);
            let (tmp, record) =
                super::changelog::stage(&changelog, &plan.info.version, &plan.section)?;
            staged.push(tmp);
            injected_failure()?;
            Ok::<_, anyhow::Error>(record)
        });
        let e = match result {
            Ok(v) => return Ok((v, plan)),
            Err(e) => e,
        };
        for tmp in &staged {
            let _ = std::fs::remove_file(tmp);
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
        let again = plan_release(store, project, request)
            .map_err(|e2| e2.context("the tokens or components changed while releasing"))
            .map_err(|e2| e2.context("nothing was released"))?;
        if again.info.version != plan.info.version
            || again.changes != plan.changes
            || again.latest != latest
        {
            return Err(crate::hinted(
                format!(
                    "the tokens or components changed while releasing: it would now be {} instead of {}; nothing was released",
                    again.describe(),
                    plan.describe()
                ),
                "run `opends release` again to review the new changes (`opends diff` shows them)",
            ));
        }
        on_retry(&format!(
            "the store changed while releasing ({e}); the release is unchanged, trying again"
        ));
        plan = again;
    }
}
