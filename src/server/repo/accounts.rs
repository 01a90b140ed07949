//! Accounts and credentials: users, refresh tokens, API tokens, login throttling,
//! and the audited account changes.

use serde::Serialize;

use super::{Actor, audit, now_text, random_hex, sha256_hex};
use crate::server::auth::Role;
use crate::server::db::{Conn, DbError, Val, transaction};

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
        crate::server::auth::verify_password(&self.password_hash, password)
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
    let hash = crate::server::auth::hash_password(&password);
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
