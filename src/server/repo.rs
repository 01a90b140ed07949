//! The server's data operations, written once for every [`Storage`](super::db::Storage):
//! accounts and credentials, tokens and components with a revision counter, versions,
//! the audit log and sync events.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::db::{Conn, DbError, Val, transaction};
use crate::store::{Entries, Snapshot};
pub use crate::sync::check::{Problem, check_state, checked_snapshot_from_json};
pub use crate::sync::protocol::{Applied, Changes, Conflict, Delta, EntryKind, ServerVersion};

pub use super::auth::Role;

/// Random bytes as lowercase hex.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::getrandom(&mut buf).expect("the OS random number generator");
    hex(&buf)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// sha256 as hex (for high-entropy secrets: refresh and API tokens).
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Seconds since the Unix epoch.
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn now_text() -> String {
    crate::clock::now_utc()
}

/// Creates the state row on a new database.
pub fn init(c: &mut dyn Conn) -> Result<(), DbError> {
    let layout = Snapshot::default().to_parts().0;
    transaction(c, |c| {
        if c.query("SELECT id FROM state WHERE id = 1", &[])?
            .is_empty()
        {
            // Servers starting at once on a new database: the first row wins.
            c.exec(
                "INSERT INTO state(id, revision, secret, layout, layout_revision, started)
                 VALUES (1, 0, $1, $2, 0, $3) ON CONFLICT (id) DO NOTHING",
                &[random_hex(32).into(), layout.into(), now_text().into()],
            )?;
        }
        Ok(())
    })
}

/// The key access tokens are signed with.
pub fn secret(c: &mut dyn Conn) -> Result<Vec<u8>, DbError> {
    let rows = c.query("SELECT secret FROM state WHERE id = 1", &[])?;
    rows.first()
        .map(|r| r[0].string().into_bytes())
        .ok_or_else(|| DbError::Query("the server's state row is missing".into()))
}

/// The current revision.
pub fn revision(c: &mut dyn Conn) -> Result<i64, DbError> {
    let rows = c.query("SELECT revision FROM state WHERE id = 1", &[])?;
    Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0))
}

// ---------------------------------------------------------------- accounts

/// A user account.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    /// Its id.
    pub id: String,
    /// Its e-mail address (the login name).
    pub email: String,
    /// Its role.
    pub role: Role,
    /// When it was created.
    pub created_at: String,
    /// Whether it can log in.
    pub disabled: bool,
    #[serde(skip)]
    password_hash: String,
}

impl User {
    /// Whether `password` is this user's.
    pub fn check_password(&self, password: &str) -> bool {
        super::auth::verify_password(&self.password_hash, password)
    }
}

const USER_COLUMNS: &str = "id, email, role, created_at, disabled, password_hash";

fn user_row(r: &[Val]) -> User {
    User {
        id: r[0].string(),
        email: r[1].string(),
        role: Role::parse(r[2].text().unwrap_or_default()).unwrap_or(Role::Viewer),
        created_at: r[3].string(),
        disabled: r[4].int().unwrap_or(0) != 0,
        password_hash: r[5].string(),
    }
}

/// Creates a user with a random one-time password; returns it with the password.
pub fn add_user(c: &mut dyn Conn, email: &str, role: Role) -> Result<(User, String), DbError> {
    let password = random_hex(12);
    let hash = super::auth::hash_password(&password);
    let id = random_hex(8);
    c.exec(
        "INSERT INTO users(id, email, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
        &[
            id.clone().into(),
            email.into(),
            role.as_str().into(),
            hash.into(),
            now_text().into(),
        ],
    )?;
    let user = user_by_id(c, &id)?.ok_or_else(|| DbError::Query("user vanished".into()))?;
    Ok((user, password))
}

/// The user with this e-mail address.
pub fn user_by_email(c: &mut dyn Conn, email: &str) -> Result<Option<User>, DbError> {
    let rows = c.query(
        &format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1"),
        &[email.into()],
    )?;
    Ok(rows.first().map(|r| user_row(r)))
}

/// The user with this id.
pub fn user_by_id(c: &mut dyn Conn, id: &str) -> Result<Option<User>, DbError> {
    let rows = c.query(
        &format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"),
        &[id.into()],
    )?;
    Ok(rows.first().map(|r| user_row(r)))
}

/// Every user.
pub fn users(c: &mut dyn Conn) -> Result<Vec<User>, DbError> {
    let rows = c.query(
        &format!("SELECT {USER_COLUMNS} FROM users ORDER BY created_at, email"),
        &[],
    )?;
    Ok(rows.iter().map(|r| user_row(r)).collect())
}

/// Deletes a user and revokes their refresh tokens.
pub fn delete_user(c: &mut dyn Conn, id: &str) -> Result<bool, DbError> {
    c.exec(
        "UPDATE refresh_tokens SET revoked = 1 WHERE user_id = $1",
        &[id.into()],
    )?;
    Ok(c.exec("DELETE FROM users WHERE id = $1", &[id.into()])? > 0)
}

/// Records a refresh token (by hash) of a login's `family`.
pub fn store_refresh(
    c: &mut dyn Conn,
    token: &str,
    user_id: &str,
    family: &str,
    expires_at: i64,
) -> Result<(), DbError> {
    c.exec(
        "INSERT INTO refresh_tokens(hash, user_id, family, expires_at) VALUES ($1, $2, $3, $4)",
        &[
            sha256_hex(token).into(),
            user_id.into(),
            family.into(),
            expires_at.into(),
        ],
    )?;
    Ok(())
}

/// What presenting a refresh token found.
#[derive(Debug)]
pub enum Refresh {
    /// Valid: it is now used up; here is its user and family.
    Valid(User, String),
    /// Unknown, expired or revoked.
    Invalid,
    /// Already used once: a stolen copy; the whole family is now revoked.
    Reused,
}

/// Uses up a refresh token (rotation); a token used twice revokes its family.
pub fn use_refresh(c: &mut dyn Conn, token: &str, now: i64) -> Result<Refresh, DbError> {
    transaction(c, |c| {
        let rows = c.query(
            "SELECT user_id, family, expires_at, used, revoked FROM refresh_tokens WHERE hash = $1",
            &[sha256_hex(token).into()],
        )?;
        let Some(r) = rows.first() else {
            return Ok(Refresh::Invalid);
        };
        let (user_id, family) = (r[0].string(), r[1].string());
        if r[4].int() != Some(0) || r[2].int().unwrap_or(0) < now {
            return Ok(Refresh::Invalid);
        }
        if r[3].int() != Some(0) {
            c.exec(
                "UPDATE refresh_tokens SET revoked = 1 WHERE family = $1",
                &[family.into()],
            )?;
            return Ok(Refresh::Reused);
        }
        c.exec(
            "UPDATE refresh_tokens SET used = 1 WHERE hash = $1",
            &[sha256_hex(token).into()],
        )?;
        match user_by_id(c, &user_id)? {
            Some(u) if !u.disabled => Ok(Refresh::Valid(u, family)),
            _ => Ok(Refresh::Invalid),
        }
    })
}

/// Revokes the family of a refresh token (logout); whether it was known.
pub fn revoke_refresh(c: &mut dyn Conn, token: &str) -> Result<bool, DbError> {
    let rows = c.query(
        "SELECT family FROM refresh_tokens WHERE hash = $1",
        &[sha256_hex(token).into()],
    )?;
    let Some(r) = rows.first() else {
        return Ok(false);
    };
    c.exec(
        "UPDATE refresh_tokens SET revoked = 1 WHERE family = $1",
        &[r[0].clone()],
    )?;
    Ok(true)
}

/// A long-lived API token's record (never the token itself).
#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    /// Its id.
    pub id: String,
    /// Its role.
    pub role: Role,
    /// A label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// When it was created.
    pub created_at: String,
    /// Whether it was revoked.
    pub revoked: bool,
}

/// The prefix every API token starts with (so scanners can spot leaked ones).
pub const API_TOKEN_PREFIX: &str = "odst_";

/// Creates an API token; returns its record and the token (shown once).
pub fn create_api_token(
    c: &mut dyn Conn,
    role: Role,
    name: Option<&str>,
) -> Result<(ApiToken, String), DbError> {
    let id = random_hex(6);
    let token = format!("{API_TOKEN_PREFIX}{}", random_hex(24));
    let created = now_text();
    c.exec(
        "INSERT INTO api_tokens(id, hash, role, name, created_at) VALUES ($1, $2, $3, $4, $5)",
        &[
            id.clone().into(),
            sha256_hex(&token).into(),
            role.as_str().into(),
            name.map(str::to_string).into(),
            created.clone().into(),
        ],
    )?;
    Ok((
        ApiToken {
            id,
            role,
            name: name.map(str::to_string),
            created_at: created,
            revoked: false,
        },
        token,
    ))
}

/// The live API token with this value.
pub fn api_token(c: &mut dyn Conn, token: &str) -> Result<Option<ApiToken>, DbError> {
    let rows = c.query(
        "SELECT id, role, name, created_at, revoked FROM api_tokens WHERE hash = $1 AND revoked = 0",
        &[sha256_hex(token).into()],
    )?;
    Ok(rows.first().map(|r| api_token_row(r)))
}

fn api_token_row(r: &[Val]) -> ApiToken {
    ApiToken {
        id: r[0].string(),
        role: Role::parse(r[1].text().unwrap_or_default()).unwrap_or(Role::Viewer),
        name: r[2].opt_string(),
        created_at: r[3].string(),
        revoked: r[4].int().unwrap_or(0) != 0,
    }
}

/// Every API token's record.
pub fn api_tokens(c: &mut dyn Conn) -> Result<Vec<ApiToken>, DbError> {
    let rows = c.query(
        "SELECT id, role, name, created_at, revoked FROM api_tokens ORDER BY created_at, id",
        &[],
    )?;
    Ok(rows.iter().map(|r| api_token_row(r)).collect())
}

/// Revokes an API token; whether it existed.
pub fn revoke_api_token(c: &mut dyn Conn, id: &str) -> Result<bool, DbError> {
    Ok(c.exec(
        "UPDATE api_tokens SET revoked = 1 WHERE id = $1",
        &[id.into()],
    )? > 0)
}

/// Records a failed login for each key (account, client address).
pub fn record_login_failure(c: &mut dyn Conn, keys: &[String], now: i64) -> Result<(), DbError> {
    for k in keys {
        c.exec(
            "INSERT INTO login_failures(key, at) VALUES ($1, $2)",
            &[k.clone().into(), now.into()],
        )?;
    }
    c.exec(
        "DELETE FROM login_failures WHERE at < $1",
        &[(now - 86_400).into()],
    )?;
    Ok(())
}

/// Failed logins for `key` since `since`.
pub fn login_failures(c: &mut dyn Conn, key: &str, since: i64) -> Result<i64, DbError> {
    let rows = c.query(
        "SELECT count(*) FROM login_failures WHERE key = $1 AND at >= $2",
        &[key.into(), since.into()],
    )?;
    Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0))
}

/// Records a login attempt for each key (account, client address) before its password is
/// checked, and returns the attempt's id with the most attempts any key has had since
/// `since`, this one included. The rows are committed before they are counted, so of
/// concurrent attempts (on any server sharing the database) the k-th to commit counts at
/// least k: no more than the limit get through, on SQLite and PostgreSQL alike.
pub fn reserve_login_attempt(
    c: &mut dyn Conn,
    keys: &[String],
    now: i64,
    since: i64,
) -> Result<(String, i64), DbError> {
    let attempt = random_hex(8);
    transaction(c, |c| {
        for k in keys {
            c.exec(
                "INSERT INTO login_failures(key, at, attempt) VALUES ($1, $2, $3)",
                &[k.clone().into(), now.into(), attempt.clone().into()],
            )?;
        }
        c.exec(
            "DELETE FROM login_failures WHERE at < $1",
            &[(now - 86_400).into()],
        )
    })?;
    let mut worst = 0;
    for k in keys {
        worst = worst.max(login_failures(c, k, since)?);
    }
    Ok((attempt, worst))
}

/// Removes an attempt's rows (it was refused before its password was checked).
pub fn forget_login_attempt(c: &mut dyn Conn, attempt: &str) -> Result<(), DbError> {
    c.exec(
        "DELETE FROM login_failures WHERE attempt = $1",
        &[attempt.into()],
    )?;
    Ok(())
}

/// After a successful login: removes its attempt and the account's failures.
pub fn login_succeeded(c: &mut dyn Conn, account: &str, attempt: &str) -> Result<(), DbError> {
    c.exec(
        "DELETE FROM login_failures WHERE key = $1 OR attempt = $2",
        &[account.into(), attempt.into()],
    )?;
    Ok(())
}

/// Forgets the failures of `key` (after a successful login).
pub fn clear_login_failures(c: &mut dyn Conn, key: &str) -> Result<(), DbError> {
    c.exec("DELETE FROM login_failures WHERE key = $1", &[key.into()])?;
    Ok(())
}

// ---------------------------------------------------------------- audit and events

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

// ---------------------------------------------------------------- tokens and components

/// One page of tokens: `(path, entry JSON)`.
pub fn list_tokens(
    c: &mut dyn Conn,
    prefix: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<(String, String)>, DbError> {
    let prefix = prefix.unwrap_or_default();
    // `path >= prefix AND path < prefix || '\u{10ffff}'`: a range scan on the key.
    let rows = c.query(
        "SELECT path, entry FROM tokens
         WHERE entry IS NOT NULL AND path > $1 AND path >= $2 AND path < $3
         ORDER BY path LIMIT $4",
        &[
            after.unwrap_or_default().into(),
            prefix.into(),
            format!("{prefix}\u{10ffff}").into(),
            limit.into(),
        ],
    )?;
    Ok(rows
        .iter()
        .map(|r| (r[0].string(), r[1].string()))
        .collect())
}

/// One token's entry.
pub fn get_token(c: &mut dyn Conn, path: &str) -> Result<Option<String>, DbError> {
    let rows = c.query(
        "SELECT entry FROM tokens WHERE path = $1 AND entry IS NOT NULL",
        &[path.into()],
    )?;
    Ok(rows.first().map(|r| r[0].string()))
}

/// Every live component: `(name, entry JSON)`, in name order.
pub fn list_components(c: &mut dyn Conn) -> Result<Vec<(String, String)>, DbError> {
    let rows = c.query(
        "SELECT name, entry FROM components WHERE entry IS NOT NULL ORDER BY name",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| (r[0].string(), r[1].string()))
        .collect())
}

/// One component's entry.
pub fn get_component(c: &mut dyn Conn, name: &str) -> Result<Option<String>, DbError> {
    let rows = c.query(
        "SELECT entry FROM components WHERE name = $1 AND entry IS NOT NULL",
        &[name.into()],
    )?;
    Ok(rows.first().map(|r| r[0].string()))
}

/// The layout and the entries of tokens and components by key.
pub type StateParts = (String, HashMap<String, String>, HashMap<String, String>);

/// The whole current state.
pub fn snapshot(c: &mut dyn Conn) -> Result<StateParts, DbError> {
    let layout = c
        .query("SELECT layout FROM state WHERE id = 1", &[])?
        .first()
        .map(|r| r[0].string())
        .unwrap_or_default();
    let tokens = c
        .query(
            "SELECT path, entry FROM tokens WHERE entry IS NOT NULL",
            &[],
        )?
        .into_iter()
        .map(|r| (r[0].string(), r[1].string()))
        .collect();
    let components = c
        .query(
            "SELECT name, entry FROM components WHERE entry IS NOT NULL",
            &[],
        )?
        .into_iter()
        .map(|r| (r[0].string(), r[1].string()))
        .collect();
    Ok((layout, tokens, components))
}

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
}

fn parse_entry(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
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
                ("components", "name", EntryKind::Component, &changes.components),
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

// ---------------------------------------------------------------- versions

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
pub fn snapshot_from_json(v: &Value) -> Result<Snapshot, String> {
    let layout = v.get("layout").map(Value::to_string).unwrap_or_default();
    let entries = |key: &str| -> HashMap<String, String> {
        v.get(key)
            .and_then(Value::as_object)
            .map(|m| m.iter().map(|(k, e)| (k.clone(), e.to_string())).collect())
            .unwrap_or_default()
    };
    Snapshot::from_parts(&layout, &entries("tokens"), &entries("components"))
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

// ---------------------------------------------------------------- audited account changes

/// Creates an account and audits it, in one transaction.
pub fn add_user_audited(
    c: &mut dyn Conn,
    actor: &Actor,
    email: &str,
    role: Role,
) -> Result<(User, String), DbError> {
    transaction(c, |c| {
        let made = add_user(c, email, role)?;
        let new = serde_json::json!({"role": role}).to_string();
        audit(c, actor, "user.create", email, None, Some(new))?;
        Ok(made)
    })
}

/// Creates an API token and audits it, in one transaction.
pub fn create_api_token_audited(
    c: &mut dyn Conn,
    actor: &Actor,
    role: Role,
    name: Option<&str>,
) -> Result<(ApiToken, String), DbError> {
    transaction(c, |c| {
        let made = create_api_token(c, role, name)?;
        let new = serde_json::json!({"role": role, "name": name}).to_string();
        audit(c, actor, "api-token.create", &made.0.id, None, Some(new))?;
        Ok(made)
    })
}

/// Runs a removal (`op` says whether there was something to remove) and audits it when
/// there was, in one transaction.
pub fn remove_audited(
    c: &mut dyn Conn,
    actor: &Actor,
    action: &str,
    target: &str,
    op: impl FnOnce(&mut dyn Conn, &str) -> Result<bool, DbError>,
) -> Result<bool, DbError> {
    transaction(c, |c| {
        let gone = op(c, target)?;
        if gone {
            audit(c, actor, action, target, None, None)?;
        }
        Ok(gone)
    })
}

