//! Push and pull with a remote: the store remembers, per remote, the revision and the
//! state it last synced with (the base). A push sends the working state's changes
//! against the base; a pull merges what the server changed since ([`super::plan`]),
//! checks the result like an import ([`super::check`]) and writes it in one
//! transaction. Nothing here prints.

use super::SyncError;
use super::client::{Client, PushAnswer, PutVersionAnswer};
use super::plan::{self, Collision, Outgoing, Resolution, State};
use super::protocol::{Applied, ErrorEnvelope, ReleaseRequest, ServerVersion};
use crate::store::{NewVersion, PullWrite, Remote, RemoteBase, Store};

/// The remote named `name`, or the only one.
pub fn pick(store: &Store, name: Option<&str>) -> Result<Remote, SyncError> {
    let remotes = store.remotes()?;
    match name {
        Some(n) => {
            let known: Vec<String> = remotes.iter().map(|r| r.name.clone()).collect();
            remotes
                .into_iter()
                .find(|r| r.name == n)
                .ok_or_else(|| SyncError::UnknownRemote(n.to_string(), known))
        }
        None => match remotes.len() {
            1 => Ok(remotes.into_iter().next().expect("one")),
            0 => Err(SyncError::NoRemote),
            _ => Err(SyncError::WhichRemote),
        },
    }
}

/// What a push came to.
#[derive(Debug, Clone)]
pub enum Pushed {
    /// Nothing changed here since the last sync.
    Nothing {
        /// The remote's revision.
        revision: i64,
    },
    /// A dry run: what would be pushed.
    WouldPush {
        /// `N token changes, M component changes[, layout]`.
        summary: String,
    },
    /// Pushed: the remote is now at `applied.revision`.
    Done {
        /// What was pushed.
        summary: String,
        /// The server's answer.
        applied: Applied,
    },
    /// Refused: the server has changes newer than the base (nothing was pushed).
    Stale(ErrorEnvelope),
}

/// Pushes the working state's changes against the base of `remote`.
pub fn push(store: &mut Store, remote: &Remote, dry_run: bool) -> Result<Pushed, SyncError> {
    let base = store.remote_base(&remote.name)?;
    let working = State::of(&store.working()?);
    let out = Outgoing::between(&base, &working);
    if out.is_empty() {
        return Ok(Pushed::Nothing {
            revision: remote.revision,
        });
    }
    let summary = out.summary();
    if dry_run {
        return Ok(Pushed::WouldPush { summary });
    }
    let client = Client::new(remote)?;
    match client.push(&out.request(remote.revision))? {
        PushAnswer::Applied(applied) => {
            store.finish_push(
                &remote.name,
                &RemoteBase {
                    layout: Some(working.layout),
                    tokens: working.tokens,
                    components: working.components,
                },
                applied.revision,
            )?;
            Ok(Pushed::Done { summary, applied })
        }
        PushAnswer::Stale(e) => Ok(Pushed::Stale(e)),
    }
}

/// One version number released with different content in two places.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VersionConflict {
    /// The number.
    pub version: String,
    /// What the server said (both content hashes), or the hashes compared on a pull.
    pub message: String,
}

/// What sending the versions made here came to.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct VersionsPushed {
    /// Versions the server recorded now.
    pub sent: Vec<String>,
    /// Versions the server refused (another release of the same number, or out of order).
    pub conflicts: Vec<VersionConflict>,
}

/// The versions here that `remote` does not have with the same content: what a push
/// sends (`dry_run`: only lists them).
pub fn push_versions(
    store: &Store,
    remote: &Remote,
    dry_run: bool,
) -> Result<VersionsPushed, SyncError> {
    let local = store.versions()?;
    if local.is_empty() {
        return Ok(VersionsPushed::default());
    }
    let client = Client::new(remote)?;
    let there = client.versions()?;
    let mut out = VersionsPushed::default();
    for v in local {
        if there
            .iter()
            .any(|s| s.version == v.version && s.content_hash == v.content_hash)
        {
            continue;
        }
        if dry_run {
            out.sent.push(v.version);
            continue;
        }
        let (layout, tokens, components) = store.snapshot(&v)?.to_parts();
        let sent = ServerVersion {
            version: v.version.clone(),
            seq: 0,
            created_at: v.created_at,
            author: v.author,
            message: v.message,
            content_hash: v.content_hash,
            bump: v.bump,
            forced: v.forced,
            changelog: v.changelog,
            snapshot: Some(crate::server::repo::snapshot_json(
                &layout,
                &tokens,
                &components,
            )),
        };
        match client.put_version(&sent)? {
            PutVersionAnswer::Created => out.sent.push(v.version),
            PutVersionAnswer::Same => {}
            PutVersionAnswer::Conflict(message) => out.conflicts.push(VersionConflict {
                version: v.version,
                message,
            }),
        }
    }
    Ok(out)
}

/// Releases `remote`'s state there (`opends release --remote`).
pub fn release_remote(
    remote: &Remote,
    request: &ReleaseRequest,
) -> Result<ServerVersion, SyncError> {
    Client::new(remote)?.release(request)
}

/// What a pull came to.
#[derive(Debug, Clone)]
pub enum Pulled {
    /// Keys changed here and on the server, and no resolution: nothing was written.
    Conflicts(Vec<Collision>),
    /// Written.
    Done(PullReport),
}

/// A pull that was written.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PullReport {
    /// The remote.
    pub remote: String,
    /// Its revision now.
    pub revision: i64,
    /// Entries taken from it.
    pub taken: usize,
    /// Keys changed on both sides.
    pub conflicts: usize,
    /// `theirs` or `ours` when there were conflicts.
    pub resolved: Option<&'static str>,
    /// Versions recorded.
    pub versions: Vec<String>,
    /// Versions the server holds with other content than here: not recorded.
    pub version_conflicts: Vec<VersionConflict>,
}

/// Pulls what `remote` changed since the last sync and merges it into the working
/// state; conflicts stop it unless `resolution` settles them.
pub fn pull(
    store: &mut Store,
    remote: &Remote,
    resolution: Resolution,
) -> Result<Pulled, SyncError> {
    let client = Client::new(remote)?;
    let delta = client.pull(remote.revision, remote.versions_seq)?;
    let working_snap = store.working()?;
    let working_hash = working_snap.content_hash();
    let base = store.remote_base(&remote.name)?;
    let plan = plan::plan(&base, &State::of(&working_snap), &delta, resolution);
    if plan.blocked() {
        return Ok(Pulled::Conflicts(plan.conflicts));
    }
    // What comes from the server is checked like an import before anything is written.
    let snapshot = super::check::check_state(
        &plan.working.layout,
        &plan.working.tokens,
        &plan.working.components,
    )
    .map_err(|problems| SyncError::RefusedContent {
        what: "changes".into(),
        problems,
    })?;
    let mut versions = Vec::new();
    let mut version_conflicts = Vec::new();
    let mut last_seq = remote.versions_seq;
    // Where the next pull starts again: before the first conflicting version, so a
    // conflict is reported until it is settled.
    let mut conflict_seq: Option<i64> = None;
    for server in delta.versions {
        last_seq = last_seq.max(server.seq);
        if let Err(e) = crate::versions::semver::Version::parse(&server.version) {
            return Err(SyncError::NotAVersion(e.to_string()));
        }
        if let Some(here) = store.version(&server.version)? {
            if here.content_hash != server.content_hash {
                version_conflicts.push(VersionConflict {
                    message: format!(
                        "version {} is content hash {} here and {} on {}",
                        server.version, here.content_hash, server.content_hash, remote.name
                    ),
                    version: server.version,
                });
                conflict_seq = Some(conflict_seq.map_or(server.seq, |s| s.min(server.seq)));
            }
            continue;
        }
        let snap = server
            .snapshot
            .as_ref()
            .map(super::check::checked_snapshot_from_json)
            .transpose()
            .map_err(|problems| SyncError::RefusedContent {
                what: format!("version {}", server.version),
                problems,
            })?
            .unwrap_or_default();
        versions.push((
            NewVersion {
                version: server.version,
                created_at: server.created_at,
                author: server.author,
                message: server.message,
                bump: server.bump,
                forced: server.forced,
                changelog: server.changelog,
            },
            snap,
        ));
    }
    if let Some(seq) = conflict_seq {
        last_seq = (seq - 1).max(remote.versions_seq);
    }
    let made = store.finish_pull(
        &PullWrite {
            remote: &remote.name,
            working: &snapshot,
            base: &plan.base,
            revision: delta.revision,
            versions_seq: last_seq,
            versions,
        },
        &working_hash,
    )?;
    Ok(Pulled::Done(PullReport {
        remote: remote.name.clone(),
        revision: delta.revision,
        taken: plan.taken,
        conflicts: plan.conflicts.len(),
        resolved: match (plan.conflicts.is_empty(), resolution) {
            (true, _) => None,
            (false, Resolution::Theirs) => Some("theirs"),
            (false, _) => Some("ours"),
        },
        versions: made.into_iter().map(|v| v.version).collect(),
        version_conflicts,
    }))
}
