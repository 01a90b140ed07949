//! Access tokens for design tools: `OPENDS_<PROVIDER>_TOKEN` always wins (CI), else the
//! OS keyring (service `opends`, account = provider). The only module that touches the
//! keyring. Secrets are never printed, logged or put in errors.

use crate::env_vars::EnvVars;
use crate::sources::provider::Provider;

/// The keyring service name.
pub const SERVICE: &str = "opends";

/// Where a credential comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The `OPENDS_*_TOKEN` environment variable.
    Env,
    /// The OS keyring.
    Keyring,
}

/// A secret with where it came from; `Debug` never shows the secret.
#[derive(Clone)]
pub struct Credential {
    secret: String,
    /// Where it came from.
    pub origin: Origin,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential")
            .field("secret", &"<redacted>")
            .field("origin", &self.origin)
            .finish()
    }
}

impl Credential {
    /// The secret, for an `Authorization` header.
    pub fn secret(&self) -> &str {
        &self.secret
    }
}

/// Keyring problems.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// No usable keyring on this machine (headless Linux, containers).
    #[error("no OS keyring is available here ({reason}); set {env} instead")]
    NoKeyring {
        /// The variable to use.
        env: &'static str,
        /// What the keyring said.
        reason: String,
    },
    /// The keyring failed.
    #[error("the OS keyring failed: {0}")]
    Keyring(String),
}

static DISABLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Behaves as if this machine had no keyring (tests of the headless path).
pub fn disable_keyring() {
    DISABLED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Which keyring entry a credential lives in, and the variable that overrides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The keyring account (`figma`, `penpot`, `server:NAME`).
    pub account: String,
    /// The environment variable that wins over the keyring.
    pub env: &'static str,
}

impl From<Provider> for Key {
    fn from(p: Provider) -> Self {
        Self {
            account: p.as_str().to_string(),
            env: p.token_env(),
        }
    }
}

/// The key of a team server remote's token.
pub fn server_key(remote: &str) -> Key {
    Key {
        account: format!("server:{remote}"),
        env: EnvVars::SERVER_TOKEN,
    }
}

fn entry(key: &Key) -> Result<keyring::Entry, CredentialError> {
    if DISABLED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(CredentialError::NoKeyring {
            env: key.env,
            reason: "the keyring is disabled (OPENDS_KEYRING=none)".into(),
        });
    }
    keyring::Entry::new(SERVICE, &key.account).map_err(|e| map_err(key, &e))
}

fn map_err(key: &Key, e: &keyring::Error) -> CredentialError {
    match e {
        keyring::Error::NoStorageAccess(_) | keyring::Error::PlatformFailure(_) => {
            CredentialError::NoKeyring {
                env: key.env,
                reason: e.to_string(),
            }
        }
        other => CredentialError::Keyring(other.to_string()),
    }
}

/// The credential for `provider`: `env_value` (the `OPENDS_*_TOKEN` variable, read by the
/// caller) when set, else the keyring's, else `None`.
pub fn get(
    provider: impl Into<Key>,
    env_value: Option<String>,
) -> Result<Option<Credential>, CredentialError> {
    let key: Key = provider.into();
    if let Some(secret) = env_value.filter(|s| !s.trim().is_empty()) {
        return Ok(Some(Credential {
            secret: secret.trim().to_string(),
            origin: Origin::Env,
        }));
    }
    match entry(&key)?.get_password() {
        Ok(secret) => Ok(Some(Credential {
            secret,
            origin: Origin::Keyring,
        })),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(map_err(&key, &e)),
    }
}

/// Stores `secret` in the keyring.
pub fn store(provider: impl Into<Key>, secret: &str) -> Result<(), CredentialError> {
    let key: Key = provider.into();
    let entry = entry(&key)?;
    match entry.set_password(secret) {
        // Linux keyutils without a session keyring (containers, sandboxes, CI) cannot
        // hold the key: that is "no keyring here", not a missing entry.
        Err(keyring::Error::NoEntry) => Err(CredentialError::NoKeyring {
            env: key.env,
            reason: "the session keyring is not available".into(),
        }),
        Err(e) => Err(map_err(&key, &e)),
        Ok(()) => {
            // Read it back: some backends accept a write they cannot keep.
            match entry.get_password() {
                Ok(stored) if stored == secret => Ok(()),
                Ok(_) | Err(keyring::Error::NoEntry) => Err(CredentialError::NoKeyring {
                    env: key.env,
                    reason: "the keyring did not keep the token".into(),
                }),
                Err(e) => Err(map_err(&key, &e)),
            }
        }
    }
}

/// Removes the keyring entry; `Ok(false)` when there was none.
pub fn delete(provider: impl Into<Key>) -> Result<bool, CredentialError> {
    let key: Key = provider.into();
    match entry(&key)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(map_err(&key, &e)),
    }
}

/// Uses the in-memory mock keyring for this process (tests).
pub fn use_mock_keyring() {
    keyring::set_default_credential_builder(keyring::mock::default_credential_builder());
}

/// Honours `OPENDS_KEYRING`: `mock` (an in-process keyring, for tests) or `none` (as if
/// there were no keyring).
pub fn keyring_from_env() {
    match std::env::var(EnvVars::KEYRING).as_deref() {
        Ok("mock") => use_mock_keyring(),
        Ok("none") => disable_keyring(),
        _ => {}
    }
}

/// The credential for `provider`: its `OPENDS_*_TOKEN` variable first, then the keyring.
pub fn for_provider(provider: Provider) -> Result<Option<Credential>, CredentialError> {
    keyring_from_env();
    get(provider, std::env::var(provider.token_env()).ok())
}

/// The credential for the team server `remote`: `OPENDS_SERVER_TOKEN` first, then the
/// keyring (`opends auth login server`).
pub fn for_server(remote: &str) -> Result<Option<Credential>, CredentialError> {
    keyring_from_env();
    get(
        server_key(remote),
        std::env::var(EnvVars::SERVER_TOKEN).ok(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_wins_and_debug_hides_the_secret() {
        let c = get(Provider::Figma, Some(" figd_secret ".into()))
            .unwrap()
            .unwrap();
        assert_eq!(c.secret(), "figd_secret");
        assert_eq!(c.origin, Origin::Env);
        assert!(!format!("{c:?}").contains("figd_secret"));
    }

    #[test]
    fn mock_keyring_round_trip() {
        use_mock_keyring();
        // The mock keeps entries per `Entry` value only, so a stored secret is not read
        // back through a new entry: this checks the calls succeed and nothing leaks.
        store(Provider::Penpot, "tok").unwrap();
        let _ = delete(Provider::Penpot);
    }
}
