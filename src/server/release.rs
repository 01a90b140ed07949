//! Releases made on the server (`POST /api/v1/versions`): the same numbering rules and
//! changelog section as `opends release`, over the server's current state.

use serde_json::Value;

use super::db::{Conn, transaction};
use super::repo::{self, Actor, ApplyError, Problem, ServerVersion};
use crate::model::Status;
use crate::store::Snapshot;
use crate::versions::{Bump, plan};

/// What the releaser asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// An explicit version.
    pub version: Option<String>,
    /// An explicit bump.
    pub bump: Option<Bump>,
    /// A pre-release id.
    pub pre: Option<String>,
    /// The message.
    pub message: Option<String>,
    /// Allow a smaller bump than the changes call for.
    pub force: bool,
    /// Release draft components too.
    pub allow_drafts: bool,
}

/// Refuses what `opends release` refuses: a version that is not semver, a pre-release id
/// that is not letters, digits and `-` (`../x`), both at once.
fn check_request(req: &Request) -> Result<(), ApplyError> {
    let mut problems = Vec::new();
    if let Some(v) = &req.version {
        if let Err(e) = crate::versions::semver::Version::parse(v) {
            problems.push(Problem::new("invalid-version", "version", e.to_string()));
        }
        if req.pre.is_some() {
            problems.push(Problem::new(
                "invalid-version",
                "pre",
                "send `version` or `pre`, not both",
            ));
        }
    }
    if let Some(id) = &req.pre {
        if let Err(e) = crate::cli::pre_id(id) {
            problems.push(Problem::new(
                "invalid-version",
                "pre",
                format!("`{}`: {e}", id.escape_debug()),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApplyError::Invalid(problems))
    }
}

/// Releases the current state as the next version.
pub fn release(
    c: &mut dyn Conn,
    actor: &Actor,
    author: &str,
    req: &Request,
) -> Result<ServerVersion, ApplyError> {
    check_request(req)?;
    transaction(c, |c| {
        c.exec("UPDATE state SET revision = revision WHERE id = 1", &[])?;
        let revision = repo::revision(c)?;
        let (layout, tokens, components) = repo::snapshot(c)?;
        // What was stored before every write was checked is checked now: a release
        // never publishes what `opends` would refuse to read.
        let current =
            repo::check_state(&layout, &tokens, &components).map_err(ApplyError::Invalid)?;
        let latest = repo::versions(c, None, true)?.pop();
        let previous = match latest.as_ref().and_then(|v| v.snapshot.as_ref()) {
            Some(s) => repo::snapshot_from_json(s).map_err(|e| {
                ApplyError::Invalid(vec![Problem::new(
                    "invalid-state",
                    "versions",
                    e.to_string(),
                )])
            })?,
            None => Snapshot::default(),
        };
        let hash = current.content_hash();
        if let Some(l) = latest.as_ref().filter(|l| l.content_hash == hash) {
            return Err(ApplyError::BadRequest(format!(
                "nothing to release: the state is that of {}",
                l.version
            )));
        }
        let drafts: Vec<&str> = current
            .components
            .iter()
            .filter(|c| c.spec.status == Status::Draft)
            .map(|c| c.spec.name.as_str())
            .collect();
        if !drafts.is_empty() && !req.allow_drafts {
            return Err(ApplyError::Invalid(vec![Problem::new(
                "draft-components",
                "allow_drafts",
                format!(
                    "draft components would be released: {} (approve them, or send allow_drafts)",
                    drafts.join(", ")
                ),
            )]));
        }
        let cs = crate::versions::changes(&previous, &current);
        let request = plan::Request {
            version: req.version.as_deref(),
            bump: req.bump,
            pre: req.pre.as_deref(),
            force: req.force,
        };
        let planned = plan::plan(
            latest.as_ref().map(|l| l.version.as_str()),
            &cs,
            false,
            &request,
        )
        .map_err(|e| {
            ApplyError::Invalid(vec![Problem::new(
                "invalid-version",
                "version",
                e.to_string(),
            )])
        })?;
        let date = crate::clock::now_utc();
        let section = plan::section(
            &planned,
            &date[..10],
            req.message.as_deref(),
            &cs,
            latest
                .is_none()
                .then_some((current.tokens.len(), current.components.len())),
        );
        let (layout, tokens, components) = current.to_parts();
        let snapshot: Value = repo::snapshot_json(&layout, &tokens, &components);
        let v = ServerVersion {
            version: planned.version.to_string(),
            seq: 0,
            created_at: date,
            author: author.to_string(),
            message: req.message.clone(),
            content_hash: hash,
            bump: crate::versions::render::bump_name(planned.required).to_string(),
            forced: planned.forced,
            changelog: section,
            snapshot: Some(snapshot),
        };
        let mut made = repo::insert_version(c, actor, &v, revision)?;
        made.snapshot = None;
        Ok(made)
    })
}
