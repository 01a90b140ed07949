//! Credentials: argon2 password hashes, signed short-lived access tokens, and the
//! roles table every endpoint checks.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::repo::Role;

/// How long an access token lives.
pub const ACCESS_TTL_SECS: i64 = 15 * 60;
/// How long a refresh token lives.
pub const REFRESH_TTL_SECS: i64 = 7 * 24 * 3600;
/// Failed logins allowed per account and per client address in the window.
pub const LOGIN_FAILURES: i64 = 5;
/// The login-throttling window.
pub const LOGIN_WINDOW_SECS: i64 = 15 * 60;

/// An argon2id hash (PHC string) of `password`.
pub fn hash_password(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).expect("the OS random number generator");
    let salt = SaltString::encode_b64(&salt).expect("a 16-byte salt");
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters")
        .to_string()
}

/// Whether `password` matches the PHC `hash`.
pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Who an access token was issued to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claims {
    /// The user's id.
    pub user_id: String,
    /// The user's e-mail.
    pub email: String,
    /// The role at issue time.
    pub role: Role,
    /// Expiry, unix seconds.
    pub expires: i64,
}

/// The access-token prefix.
pub const ACCESS_PREFIX: &str = "odsa_";

/// Signs an access token: `odsa_` + base64url(payload) + `.` + base64url(HMAC-SHA256).
pub fn sign(secret: &[u8], claims: &Claims) -> String {
    let payload = format!(
        "1\n{}\n{}\n{}\n{}",
        claims.user_id,
        claims.email,
        claims.role.as_str(),
        claims.expires
    );
    let body = B64.encode(payload.as_bytes());
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("any key length");
    mac.update(body.as_bytes());
    format!(
        "{ACCESS_PREFIX}{body}.{}",
        B64.encode(mac.finalize().into_bytes())
    )
}

/// The claims of a valid, unexpired access token.
pub fn verify(secret: &[u8], token: &str, now: i64) -> Option<Claims> {
    let rest = token.strip_prefix(ACCESS_PREFIX)?;
    let (body, sig) = rest.split_once('.')?;
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    mac.update(body.as_bytes());
    mac.verify_slice(&B64.decode(sig).ok()?).ok()?;
    let payload = String::from_utf8(B64.decode(body).ok()?).ok()?;
    let mut parts = payload.split('\n');
    if parts.next()? != "1" {
        return None;
    }
    let claims = Claims {
        user_id: parts.next()?.to_string(),
        email: parts.next()?.to_string(),
        role: Role::parse(parts.next()?)?,
        expires: parts.next()?.parse().ok()?,
    };
    (claims.expires > now).then_some(claims)
}

/// The actions of the roles table (docs/api.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read tokens, components, versions, sync events.
    Read,
    /// Push changes, approve components, release.
    Write,
    /// Delete components or versions.
    Delete,
    /// Manage users and API tokens, read the audit log.
    Admin,
}

/// Whether `role` may do `action`.
pub fn allowed(role: Role, action: Action) -> bool {
    match action {
        Action::Read => true,
        Action::Write => role >= Role::Editor,
        Action::Delete | Action::Admin => role == Role::Admin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_until_they_expire_and_not_when_tampered() {
        let claims = Claims {
            user_id: "u1".into(),
            email: "a@b.c".into(),
            role: Role::Editor,
            expires: 1_000,
        };
        let t = sign(b"k", &claims);
        assert_eq!(verify(b"k", &t, 999), Some(claims.clone()));
        assert_eq!(verify(b"k", &t, 1_000), None);
        assert_eq!(verify(b"other", &t, 10), None);
        let admin = sign(
            b"k",
            &Claims {
                role: Role::Admin,
                ..claims
            },
        );
        let forged = format!(
            "{}.{}",
            admin.split('.').next().unwrap(),
            t.split('.').nth(1).unwrap()
        );
        assert_eq!(verify(b"k", &forged, 10), None);
    }

    #[test]
    fn passwords_hash_with_a_salt_and_verify() {
        let h = hash_password("correct horse");
        assert!(h.starts_with("$argon2id$"));
        assert_ne!(h, hash_password("correct horse"));
        assert!(verify_password(&h, "correct horse"));
        assert!(!verify_password(&h, "wrong"));
    }
}
