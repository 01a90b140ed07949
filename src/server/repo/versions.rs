//! Versions: their rows, snapshots as JSON, release records and deletion.

use std::collections::HashMap;

use serde_json::Value;

use super::{Actor, ApplyError, audit, parse_entry};
use crate::server::db::{Conn, DbError, Val, transaction};
use crate::store::{Entries, Snapshot};
use crate::sync::protocol::ServerVersion;

/// A snapshot as JSON.
pub fn snapshot_json(layout: &str, tokens: &Entries, components: &Entries) -> Value {
    let layout: Value = serde_json::from_str(layout).unwrap_or(Value::Null);
    let map = |items: &Entries| -> Value {
        Value::Object(
            items
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap_or(Value::Null)))
                .collect(),
        )
    };
    serde_json::json!({"layout": layout, "tokens": map(tokens), "components": map(components)})
}

/// A snapshot from its JSON.
pub fn snapshot_from_json(v: &Value) -> Result<Snapshot, crate::store::SnapshotError> {
    let layout = v.get("layout").map(Value::to_string).unwrap_or_default();
    let entries = |key: &str| -> HashMap<String, String> {
        v.get(key)
            .and_then(Value::as_object)
            .map(|m| m.iter().map(|(k, e)| (k.clone(), e.to_string())).collect())
            .unwrap_or_default()
    };
    Snapshot::decode(&layout, &entries("tokens"), &entries("components"))
}

fn version_row(r: &[Val], with_snapshot: bool) -> ServerVersion {
    ServerVersion {
        version: r[0].string(),
        seq: r[1].int().unwrap_or(0),
        created_at: r[2].string(),
        author: r[3].string(),
        message: r[4].opt_string(),
        content_hash: r[5].string(),
        bump: r[6].string(),
        forced: r[7].int().unwrap_or(0) != 0,
        changelog: r[8].string(),
        snapshot: if with_snapshot {
            r.get(9).and_then(|v| v.text()).and_then(parse_entry)
        } else {
            None
        },
    }
}

const VERSION_COLUMNS: &str =
    "version, seq, created_at, author, message, content_hash, bump, forced, changelog";

/// Versions after sequence number `after` (all when `None`), oldest first.
pub fn versions(
    c: &mut dyn Conn,
    after: Option<i64>,
    with_snapshot: bool,
) -> Result<Vec<ServerVersion>, DbError> {
    let cols = if with_snapshot {
        format!("{VERSION_COLUMNS}, snapshot")
    } else {
        VERSION_COLUMNS.to_string()
    };
    let rows = c.query(
        &format!("SELECT {cols} FROM versions WHERE seq > $1 ORDER BY seq"),
        &[after.unwrap_or(0).into()],
    )?;
    Ok(rows.iter().map(|r| version_row(r, with_snapshot)).collect())
}

/// One version.
pub fn version(
    c: &mut dyn Conn,
    v: &str,
    with_snapshot: bool,
) -> Result<Option<ServerVersion>, DbError> {
    let rows = c.query(
        &format!("SELECT {VERSION_COLUMNS}, snapshot FROM versions WHERE version = $1"),
        &[v.trim_start_matches('v').into()],
    )?;
    Ok(rows.first().map(|r| version_row(r, with_snapshot)))
}

/// Records a version (its seq is the next one).
pub fn insert_version(
    c: &mut dyn Conn,
    actor: &Actor,
    v: &ServerVersion,
    revision: i64,
) -> Result<ServerVersion, DbError> {
    // A counter, not max(seq) + 1: a deleted version's number is never handed out again,
    // so clients that pulled up to it still see every later release.
    c.exec(
        "UPDATE state SET version_seq = version_seq + 1 WHERE id = 1",
        &[],
    )?;
    let seq = c
        .query("SELECT version_seq FROM state WHERE id = 1", &[])?
        .first()
        .and_then(|r| r[0].int())
        .unwrap_or(1);
    c.exec(
        "INSERT INTO versions(version, seq, created_at, author, message, content_hash, bump, forced,
                              changelog, snapshot, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        &[
            v.version.clone().into(),
            seq.into(),
            v.created_at.clone().into(),
            v.author.clone().into(),
            v.message.clone().into(),
            v.content_hash.clone().into(),
            v.bump.clone().into(),
            v.forced.into(),
            v.changelog.clone().into(),
            v.snapshot.as_ref().map(Value::to_string).into(),
            revision.into(),
        ],
    )?;
    audit(
        c,
        actor,
        "version.create",
        &v.version,
        None,
        Some(
            serde_json::json!({"bump": v.bump, "forced": v.forced, "content_hash": v.content_hash})
                .to_string(),
        ),
    )?;
    Ok(ServerVersion { seq, ..v.clone() })
}

/// Deletes a version; whether it existed.
pub fn delete_version(c: &mut dyn Conn, actor: &Actor, v: &str) -> Result<bool, DbError> {
    transaction(c, |c| {
        let v = v.trim_start_matches('v');
        let n = c.exec("DELETE FROM versions WHERE version = $1", &[v.into()])?;
        if n > 0 {
            audit(c, actor, "version.delete", v, None, None)?;
        }
        Ok(n > 0)
    })
}

/// Records a version released elsewhere (`PUT /api/v1/versions/{version}`, sent by
/// `opends push`): `(version, created)`. The same number with the same content is
/// already there (`created` false); with other content it is refused naming both
/// content hashes, and so is a number older than the newest version (versions are
/// numbered in release order).
pub fn put_version(
    c: &mut dyn Conn,
    actor: &Actor,
    v: &ServerVersion,
) -> Result<(ServerVersion, bool), ApplyError> {
    transaction(c, |c| {
        c.exec("UPDATE state SET revision = revision WHERE id = 1", &[])?;
        if let Some(have) = version(c, &v.version, false)? {
            if have.content_hash == v.content_hash {
                return Ok((have, false));
            }
            return Err(ApplyError::VersionConflict(format!(
                "version {} is already released here with content hash {}; the one sent has content hash {}: two different releases of one number",
                v.version, have.content_hash, v.content_hash
            )));
        }
        let sent = crate::versions::semver::Version::parse(&v.version)
            .map_err(|e| ApplyError::BadRequest(e.to_string()))?;
        let newest = versions(c, None, false)?
            .into_iter()
            .filter_map(|s| {
                crate::versions::semver::Version::parse(&s.version)
                    .ok()
                    .map(|p| (p, s.version))
            })
            .max();
        if let Some((_, name)) = newest.filter(|(n, _)| *n > sent) {
            return Err(ApplyError::VersionConflict(format!(
                "version {} is older than {name}, the newest version here; versions are released in order",
                v.version
            )));
        }
        let revision = super::revision(c)?;
        let mut made = insert_version(c, actor, v, revision)?;
        made.snapshot = None;
        Ok((made, true))
    })
}
