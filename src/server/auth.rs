//! Credentials: argon2 password hashes, signed short-lived access tokens, and the
//! roles table every endpoint checks.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Roles, from most to least allowed.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads.
    Viewer,
    /// Reads, pushes, approves, releases.
    Editor,
    /// Everything, including users, tokens, deletions and the audit log.
    Admin,
}

impl Role {
    /// Its name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Editor => "editor",
            Self::Admin => "admin",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "viewer" => Some(Self::Viewer),
            "editor" => Some(Self::Editor),
            "admin" => Some(Self::Admin),
            _ => None,
        }
    }
}

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

/// Who an access token was issued to: the claims of its JSON payload.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Claims {
    /// What the token is (`access`): other signed things never pass for one.
    pub typ: String,
    /// The user's id.
    pub sub: String,
    /// The user's e-mail (informational; the account is looked up by `sub`).
    pub email: String,
    /// The role at issue time (the account's current role decides).
    pub role: Role,
    /// Issued at, unix seconds.
    pub iat: i64,
    /// Expiry, unix seconds.
    pub exp: i64,
}

impl Claims {
    /// Access-token claims for a user, valid from `now` for [`ACCESS_TTL_SECS`].
    pub fn access(user_id: &str, email: &str, role: Role, now: i64) -> Self {
        Self {
            typ: ACCESS_TYPE.to_string(),
            sub: user_id.to_string(),
            email: email.to_string(),
            role,
            iat: now,
            exp: now + ACCESS_TTL_SECS,
        }
    }
}

/// The access-token prefix.
pub const ACCESS_PREFIX: &str = "odsa_";
/// The `typ` claim of an access token.
pub const ACCESS_TYPE: &str = "access";
/// Version 2 of the format: the MAC covers this label and the payload, so a token of
/// another format or version never verifies.
const MAC_LABEL: &[u8] = b"opends access token v2\0";

fn mac(secret: &[u8], body: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("any key length");
    mac.update(MAC_LABEL);
    mac.update(body.as_bytes());
    mac
}

/// Signs an access token: `odsa_` + base64url(JSON claims) + `.` + base64url(HMAC-SHA256).
/// The claims are one JSON object (serde), so no field can spill into another.
pub fn sign(secret: &[u8], claims: &Claims) -> String {
    let payload = serde_json::to_vec(claims).expect("claims serialize");
    let body = B64.encode(payload);
    let sig = B64.encode(mac(secret, &body).finalize().into_bytes());
    format!("{ACCESS_PREFIX}{body}.{sig}")
}

/// The claims of a valid, unexpired access token (signature first, then the JSON: the
/// payload is never parsed before it is authenticated).
pub fn verify(secret: &[u8], token: &str, now: i64) -> Option<Claims> {
    let rest = token.strip_prefix(ACCESS_PREFIX)?;
    let (body, sig) = rest.split_once('.')?;
    mac(secret, body)
        .verify_slice(&B64.decode(sig).ok()?)
        .ok()?;
    let claims: Claims = serde_json::from_slice(&B64.decode(body).ok()?).ok()?;
    (claims.typ == ACCESS_TYPE && claims.exp > now && !claims.sub.is_empty()).then_some(claims)
}

/// The longest e-mail address accepted (RFC 5321's path limit).
pub const EMAIL_MAX_LEN: usize = 254;

/// Checks an e-mail address (account names: `POST /api/v1/users`, `opends server user
/// add`, login) and returns it normalised (surrounding spaces removed, lowercase).
/// Refused: control characters (C0, DEL, C1), line and paragraph separators, bidi
/// controls, any whitespace, `<` `>`, more than [`EMAIL_MAX_LEN`] bytes, and anything but
/// one `@` between a local part and a domain of this grammar:
///
/// - local part: ASCII letters, digits and ``.!#$%*+-/?^_`|~``, dots not first, last or
///   doubled (RFC 5322's dot-atom without the characters that are markup or syntax
///   elsewhere: `" ' & \ ; ( ) { } = ,`);
/// - domain: dot-separated labels of ASCII letters, digits and hyphens (not first or
///   last), each 1 to 63 characters. International domains are accepted in their ASCII
///   form (`xn--...` labels) only: Unicode labels bring look-alike and fullwidth forms.
pub fn normalize_email(input: &str) -> Result<String, EmailError> {
    let email = input.trim_matches(' ').to_lowercase();
    if email.is_empty() {
        return Err(EmailError::Empty);
    }
    if email.len() > EMAIL_MAX_LEN {
        return Err(EmailError::TooLong(email.len()));
    }
    if let Some(c) = email.chars().find(|&c| {
        c.is_control()
            || c.is_whitespace()
            || matches!(c, '<' | '>' | '\u{2028}' | '\u{2029}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    }) {
        return Err(EmailError::Forbidden(c));
    }
    let Some((local, domain)) = email
        .split_once('@')
        .filter(|(l, d)| !l.is_empty() && !d.is_empty() && !d.contains('@'))
    else {
        return Err(EmailError::NoAt);
    };
    let local_ok = |c: char| c.is_ascii_alphanumeric() || "._!#$%*+-/?^`|~".contains(c);
    if let Some(c) = local.chars().find(|&c| !local_ok(c)) {
        return Err(EmailError::LocalChar(c));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(EmailError::LocalDots);
    }
    for label in domain.split('.') {
        if label.is_empty() {
            return Err(EmailError::EmptyLabel(domain.to_string()));
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(EmailError::DomainChar(domain.to_string(), c));
        }
        if label.starts_with('-') || label.ends_with('-') || label.len() > 63 {
            return Err(EmailError::BadLabel(label.to_string()));
        }
    }
    Ok(email)
}

/// Why an e-mail address is refused; the message says what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing but spaces.
    #[error("the e-mail address is empty")]
    Empty,
    /// Longer than [`EMAIL_MAX_LEN`] bytes.
    #[error("the e-mail address is {0} bytes long; at most {EMAIL_MAX_LEN} are allowed")]
    TooLong(usize),
    /// A control, whitespace, separator, bidi or zero-width character, or `<>`.
    #[error(
        "the e-mail address contains {}, which is not allowed (no control characters, whitespace, line separators or `<>`)",
        .0.escape_unicode()
    )]
    Forbidden(char),
    /// Not one `@` between a local part and a domain.
    #[error("an e-mail address needs one `@` between a name and a domain, e.g. `ada@example.com`")]
    NoAt,
    /// A character the local part may not hold.
    #[error(
        "the e-mail address contains `{}` before the `@`, which is not allowed (letters, digits and .!#$%*+-/?^_`|~)",
        .0.escape_default()
    )]
    LocalChar(char),
    /// A dot first, last or doubled in the local part.
    #[error("the part before the `@` may not start or end with a dot or hold two in a row")]
    LocalDots,
    /// An empty domain label.
    #[error("the domain `{0}` has an empty label (two dots in a row, or a dot at either end)")]
    EmptyLabel(String),
    /// A character a domain label may not hold.
    #[error(
        "the domain `{}` contains `{}`, which is not allowed (ASCII letters, digits and hyphens; international domains in their `xn--` form)",
        .0.escape_default(),
        .1.escape_default()
    )]
    DomainChar(String, char),
    /// A label too long, or with a hyphen first or last.
    #[error("the domain label `{0}` is not valid (1 to 63 characters, no hyphen first or last)")]
    BadLabel(String),
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
            exp: 1_000,
            ..Claims::access("u1", "a@b.c", Role::Editor, 0)
        };
        let t = sign(b"k", &claims);
        assert!(t.starts_with(ACCESS_PREFIX));
        assert_eq!(verify(b"k", &t, 999), Some(claims.clone()));
        assert_eq!(verify(b"k", &t, 1_000), None);
        assert_eq!(verify(b"other", &t, 10), None);
        let admin = sign(
            b"k",
            &Claims {
                role: Role::Admin,
                ..claims.clone()
            },
        );
        let forged = format!(
            "{}.{}",
            admin.split('.').next().unwrap(),
            t.split('.').nth(1).unwrap()
        );
        assert_eq!(verify(b"k", &forged, 10), None);
        // Another `typ` never passes for an access token.
        let other = sign(
            b"k",
            &Claims {
                typ: "refresh".into(),
                ..claims
            },
        );
        assert_eq!(verify(b"k", &other, 10), None);
    }

    #[test]
    fn the_old_newline_format_does_not_verify() {
        let body = B64.encode("1\nu1\na@b.c\nadmin\n99999999999");
        let mut m = Hmac::<Sha256>::new_from_slice(b"k").unwrap();
        m.update(body.as_bytes());
        let old = format!(
            "{ACCESS_PREFIX}{body}.{}",
            B64.encode(m.finalize().into_bytes())
        );
        assert_eq!(verify(b"k", &old, 10), None);
    }

    #[test]
    fn email_addresses_are_checked_in_one_place() {
        assert_eq!(
            normalize_email(" Ada@Example.com ").unwrap(),
            "ada@example.com"
        );
        for bad in [
            "a\n@b.c",
            "v@x.com\nadmin",
            "a\r\n@b.c",
            "a\u{2028}@b.c",
            "a\u{85}@b.c",
            "a\u{7f}@b.c",
            "<script>@b.c",
            "a b@c.d",
            "a\t@b.c",
            "@b.c",
            "a@",
            "a@b@c",
            "abc",
            "",
            "a\u{202e}@b.c",
            "a\"b@c.d",
            "a'b@c.d",
            "a&b@c.d",
            "a\\b@c.d",
            "a;b@c.d",
            "a(b)@c.d",
            "a{b}@c.d",
            "a=b@c.d",
            "\u{ff41}@b.c",
            "a@\u{ff42}.c",
            "x@y..io",
            "x@.y.io",
            "x@y.io.",
            "x@-y.io",
            ".x@y.io",
            "x.@y.io",
            "x..y@z.io",
            "x@b\u{fc}cher.de",
        ] {
            assert!(normalize_email(bad).is_err(), "{bad:?}");
        }
        for good in [
            "a.b+tag@example.co.uk",
            "o'k@x.io".replace('\'', "_").as_str(),
            "x@xn--bcher-kva.de",
            "admin@localhost",
            "a!#$%*+-/?^_`|~z@x-y.io",
        ] {
            assert!(normalize_email(good).is_ok(), "{good:?}");
        }
        let long = format!("{}@b.c", "a".repeat(251));
        assert!(normalize_email(&long).is_err());
        assert!(normalize_email(&format!("{}@b.c", "a".repeat(250))).is_ok());
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
