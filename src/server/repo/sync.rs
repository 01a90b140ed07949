//! Writes with a revision counter (`apply`: checked, audited, refused when stale) and
//! the delta a pull reads.

use std::collections::HashMap;

use serde_json::Value;

use super::{Actor, audit, now_text, parse_entry, revision, snapshot, versions};
use crate::server::db::{Conn, DbError, transaction};
use crate::sync::check::{Problem, check_state};
use crate::sync::protocol::{Applied, Changes, Conflict, Delta, EntryKind};

/// Why changes were not applied.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// The base revision is not the current one.
    #[error("the base revision {base} is stale: the server is at {current}; pull first")]
    Stale {
        /// The client's base.
        base: i64,
        /// The server's revision.
        current: i64,
        /// Keys changed on both sides, with both values.
        conflicts: Vec<Conflict>,
    },
    /// The result would be invalid: what `opends` would refuse, with every problem.
    #[error("the changes leave the design system invalid: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    /// A key is malformed.
    #[error("{0}")]
    BadRequest(String),
    /// A version the server holds with other content, or one older than its newest.
    #[error("{0}")]
    VersionConflict(String),
}

/// Checks that the state with `changes` applied is a valid design system.
fn validate(
    layout: &str,
    tokens: &HashMap<String, String>,
    components: &HashMap<String, String>,
) -> Result<(), ApplyError> {
    check_state(layout, tokens, components)
        .map(drop)
        .map_err(ApplyError::Invalid)
}

/// Applies `changes` in one transaction: refused (nothing written) when the base is
/// stale or the result invalid; every write is audited with old and new values.
pub fn apply(c: &mut dyn Conn, actor: &Actor, changes: &Changes) -> Result<Applied, ApplyError> {
    for (k, _) in changes.tokens.iter().chain(&changes.components) {
        if k.is_empty() || k.len() > 512 {
            return Err(ApplyError::BadRequest(format!("bad key `{k}`")));
        }
    }
    transaction(c, |c| {
        // Take the write lock first (SQLite: the database; PostgreSQL: the state row).
        c.exec("UPDATE state SET revision = revision WHERE id = 1", &[])?;
        let current = revision(c)?;
        if let Some(base) = changes.base_revision.filter(|b| *b != current) {
            let mut conflicts = Vec::new();
            for (table, key_col, kind, items) in [
                ("tokens", "path", EntryKind::Token, &changes.tokens),
                (
                    "components",
                    "name",
                    EntryKind::Component,
                    &changes.components,
                ),
            ] {
                for (key, ours) in items {
                    let rows = c.query(
                        &format!("SELECT entry, revision FROM {table} WHERE {key_col} = $1"),
                        &[key.clone().into()],
                    )?;
                    if let Some(r) = rows.first() {
                        let theirs = r[0].text().and_then(parse_entry);
                        if r[1].int().unwrap_or(0) > base && &theirs != ours {
                            conflicts.push(Conflict {
                                kind,
                                key: key.clone(),
                                ours: ours.clone(),
                                theirs,
                            });
                        }
                    }
                }
            }
            return Err(ApplyError::Stale {
                base,
                current,
                conflicts,
            });
        }
        let (layout, mut tokens, mut components) = snapshot(c)?;
        let mut token_writes = Vec::new();
        for (path, entry) in &changes.tokens {
            let new = entry.as_ref().map(Value::to_string);
            let old = match &new {
                Some(n) => tokens.insert(path.clone(), n.clone()),
                None => tokens.remove(path),
            };
            if old != new {
                token_writes.push((path.clone(), old, new));
            }
        }
        let mut comp_writes = Vec::new();
        for (name, entry) in &changes.components {
            let new = entry.as_ref().map(Value::to_string);
            let old = match &new {
                Some(n) => components.insert(name.clone(), n.clone()),
                None => components.remove(name),
            };
            if old != new {
                comp_writes.push((name.clone(), old, new));
            }
        }
        let new_layout = changes.layout.as_ref().map(Value::to_string);
        let layout_changed = new_layout.as_ref().is_some_and(|l| *l != layout);
        if token_writes.is_empty() && comp_writes.is_empty() && !layout_changed {
            return Ok(Applied {
                revision: current,
                tokens: 0,
                components: 0,
            });
        }
        validate(
            new_layout.as_deref().unwrap_or(&layout),
            &tokens,
            &components,
        )?;
        let next = current + 1;
        let now = now_text();
        for (table, key_col, kind, writes) in [
            ("tokens", "path", "token", &token_writes),
            ("components", "name", "component", &comp_writes),
        ] {
            for (key, old, new) in writes {
                c.exec(
                    &format!(
                        "INSERT INTO {table}({key_col}, entry, revision, updated_by, updated_at)
                         VALUES ($1, $2, $3, $4, $5)
                         ON CONFLICT ({key_col}) DO UPDATE SET entry = $2, revision = $3,
                             updated_by = $4, updated_at = $5"
                    ),
                    &[
                        key.clone().into(),
                        new.clone().into(),
                        next.into(),
                        actor.name.clone().into(),
                        now.clone().into(),
                    ],
                )?;
                let action = match (old, new) {
                    (None, _) => format!("{kind}.create"),
                    (_, None) => format!("{kind}.delete"),
                    _ => format!("{kind}.update"),
                };
                audit(c, actor, &action, key, old.clone(), new.clone())?;
            }
        }
        if let (true, Some(l)) = (layout_changed, &new_layout) {
            c.exec(
                "UPDATE state SET layout = $1, layout_revision = $2 WHERE id = 1",
                &[l.clone().into(), next.into()],
            )?;
        }
        c.exec(
            "UPDATE state SET revision = $1 WHERE id = 1",
            &[next.into()],
        )?;
        Ok(Applied {
            revision: next,
            tokens: token_writes.len(),
            components: comp_writes.len(),
        })
    })
}

/// Everything changed after `since`, consistently (one read transaction).
pub fn delta(c: &mut dyn Conn, since: i64, versions_after: i64) -> Result<Delta, DbError> {
    transaction(c, |c| {
        let state = c.query(
            "SELECT revision, layout, layout_revision FROM state WHERE id = 1",
            &[],
        )?;
        let st = state
            .first()
            .ok_or_else(|| DbError::Query("no state row".into()))?;
        let entries = |c: &mut dyn Conn,
                       table: &str,
                       key: &str|
         -> Result<Vec<(String, Option<Value>)>, DbError> {
            Ok(c.query(
                &format!("SELECT {key}, entry FROM {table} WHERE revision > $1 ORDER BY {key}"),
                &[since.into()],
            )?
            .iter()
            .map(|r| (r[0].string(), r[1].text().and_then(parse_entry)))
            .collect())
        };
        let tokens = entries(c, "tokens", "path")?;
        let components = entries(c, "components", "name")?;
        let versions = versions(c, Some(versions_after), true)?;
        Ok(Delta {
            revision: st[0].int().unwrap_or(0),
            tokens,
            components,
            layout: (st[2].int().unwrap_or(0) > since)
                .then(|| st[1].text().and_then(parse_entry))
                .flatten(),
            versions,
        })
    })
}
