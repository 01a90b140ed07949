//! The audit log (every write, with old and new values) and sync events.

use serde::Serialize;
use serde_json::Value;

use super::now_text;
use crate::server::db::{Conn, DbError, Val};

/// Who did something, for the audit log.
#[derive(Debug, Clone)]
pub struct Actor {
    /// `user:EMAIL`, `token:ID` or `cli`.
    pub name: String,
    /// The request it happened in.
    pub request_id: Option<String>,
}

/// Appends an audit entry.
pub fn audit(
    c: &mut dyn Conn,
    actor: &Actor,
    action: &str,
    target: &str,
    old: Option<String>,
    new: Option<String>,
) -> Result<(), DbError> {
    c.exec(
        "INSERT INTO audit(at, actor, action, target, old_value, new_value, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            now_text().into(),
            actor.name.clone().into(),
            action.into(),
            target.into(),
            old.into(),
            new.into(),
            actor.request_id.clone().into(),
        ],
    )?;
    Ok(())
}

/// An audit entry.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    /// Its sequence number.
    pub id: i64,
    /// When.
    pub at: String,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// On what.
    pub target: Option<String>,
    /// The value before (JSON), if any.
    pub old: Option<Value>,
    /// The value after (JSON), if any.
    pub new: Option<Value>,
    /// The request.
    pub request_id: Option<String>,
}

fn json_or_text(v: &Val) -> Option<Value> {
    v.text()
        .map(|t| serde_json::from_str(t).unwrap_or_else(|_| Value::String(t.to_string())))
}

/// Audit entries, newest first, before `before` (an id) if given.
pub fn audit_log(
    c: &mut dyn Conn,
    limit: i64,
    before: Option<i64>,
) -> Result<Vec<AuditEntry>, DbError> {
    let rows = c.query(
        "SELECT id, at, actor, action, target, old_value, new_value, request_id FROM audit
         WHERE id < $1 ORDER BY id DESC LIMIT $2",
        &[before.unwrap_or(i64::MAX).into(), limit.into()],
    )?;
    Ok(rows
        .iter()
        .map(|r| AuditEntry {
            id: r[0].int().unwrap_or(0),
            at: r[1].string(),
            actor: r[2].string(),
            action: r[3].string(),
            target: r[4].opt_string(),
            old: json_or_text(&r[5]),
            new: json_or_text(&r[6]),
            request_id: r[7].opt_string(),
        })
        .collect())
}

/// A sync event (webhooks, pushes).
#[derive(Debug, Clone, Serialize)]
pub struct SyncEvent {
    /// Its sequence number.
    pub id: i64,
    /// The design source or client.
    pub source: String,
    /// `webhook`, `push`, ...
    pub trigger: String,
    /// `queued`, `ok`, `rejected`, ...
    pub status: String,
    /// Details.
    pub detail: Option<String>,
    /// When.
    pub at: String,
}

/// Records a sync event.
pub fn record_event(
    c: &mut dyn Conn,
    source: &str,
    trigger: &str,
    status: &str,
    detail: Option<String>,
) -> Result<(), DbError> {
    c.exec(
        "INSERT INTO sync_events(source, trigger, status, detail, at) VALUES ($1, $2, $3, $4, $5)",
        &[
            source.into(),
            trigger.into(),
            status.into(),
            detail.into(),
            now_text().into(),
        ],
    )?;
    Ok(())
}

/// Sync events, newest first.
pub fn events(c: &mut dyn Conn, limit: i64) -> Result<Vec<SyncEvent>, DbError> {
    let rows = c.query(
        "SELECT id, source, trigger, status, detail, at FROM sync_events ORDER BY id DESC LIMIT $1",
        &[limit.into()],
    )?;
    Ok(rows
        .iter()
        .map(|r| SyncEvent {
            id: r[0].int().unwrap_or(0),
            source: r[1].string(),
            trigger: r[2].string(),
            status: r[3].string(),
            detail: r[4].opt_string(),
            at: r[5].string(),
        })
        .collect())
}
