//! The team-server client: one remote, its credential, and the `/api/v1` calls sync
//! makes, on the shared HTTP client (timeouts, retries of idempotent requests,
//! `Retry-After`). Answers are the wire types of [`super::protocol`]; failures are
//! [`SyncError`]s.

use std::time::Duration;

use serde::de::DeserializeOwned;

use super::SyncError;
use super::protocol::{
    Applied, Changes, Delta, ErrorBody, ErrorEnvelope, Items, Me, ReleaseRequest, ServerVersion,
};
use crate::credentials;
use crate::env_vars::EnvVars;
use crate::sources::http::{Http, HttpError, Reply};
use crate::store::Remote;

/// How the client names the server in errors.
const SERVER: &str = "the team server";

/// A blocking client for one remote.
pub struct Client {
    url: String,
    token: String,
    http: Http,
}

/// What a push came to.
#[derive(Debug, Clone)]
pub enum PushAnswer {
    /// Applied: the new revision.
    Applied(Applied),
    /// 409: the server has changes newer than the base (`error.conflicts` says which keys
    /// changed on both sides).
    Stale(ErrorEnvelope),
}

/// The API token for `remote`: `OPENDS_SERVER_TOKEN`, else the keyring. A machine
/// without a keyring is not an error here: the error says what to set.
pub fn credential(remote: &str) -> Result<String, SyncError> {
    credentials::for_server(remote)
        .ok()
        .flatten()
        .map(|c| c.secret().to_string())
        .ok_or_else(|| SyncError::NoCredential {
            remote: remote.to_string(),
        })
}

impl Client {
    /// A client for `remote` with its credential ([`credential`]).
    pub fn new(remote: &Remote) -> Result<Self, SyncError> {
        Self::with_token(remote, credential(&remote.name)?)
    }

    /// A client for `remote` with `token`; `OPENDS_HTTP_TIMEOUT_MS` overrides the 60 s
    /// timeout.
    pub fn with_token(remote: &Remote, token: String) -> Result<Self, SyncError> {
        let timeout = std::env::var(EnvVars::HTTP_TIMEOUT_MS)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map_or(Duration::from_secs(60), Duration::from_millis);
        let http =
            Http::with_timeout(SERVER, timeout).map_err(|e| transport_error(&remote.url, e))?;
        Ok(Self {
            url: remote.url.clone(),
            token,
            http,
        })
    }

    /// Sends a request; turns 401 and 403 into errors, returns any other answer.
    fn call(
        &self,
        idempotent: bool,
        make: impl Fn(&reqwest::blocking::Client, &str) -> reqwest::blocking::RequestBuilder,
    ) -> Result<Reply, SyncError> {
        let reply = self
            .http
            .exchange(idempotent, |c| make(c, &self.url).bearer_auth(&self.token))
            .map_err(|e| transport_error(&self.url, e))?;
        match reply.status {
            401 => Err(SyncError::Unauthorized(message(&reply))),
            403 => Err(SyncError::Forbidden(message(&reply))),
            _ => Ok(reply),
        }
    }

    /// `GET /api/v1/auth/me`: who the credential is.
    pub fn me(&self) -> Result<Me, SyncError> {
        let reply = self.call(true, |c, url| c.get(format!("{url}/api/v1/auth/me")))?;
        expect_ok(&reply)
    }

    /// `GET /api/v1/sync`: what changed after revision `since`, with the versions
    /// released after sequence number `versions_after`.
    pub fn pull(&self, since: i64, versions_after: i64) -> Result<Delta, SyncError> {
        let reply = self.call(true, |c, url| {
            c.get(format!(
                "{url}/api/v1/sync?since={since}&versions_after={versions_after}"
            ))
        })?;
        expect_ok(&reply)
    }

    /// `POST /api/v1/sync/push` (sent once: a push is not repeated on its own).
    pub fn push(&self, changes: &Changes) -> Result<PushAnswer, SyncError> {
        let reply = self.call(false, |c, url| {
            c.post(format!("{url}/api/v1/sync/push")).json(changes)
        })?;
        match reply.status {
            200 => Ok(PushAnswer::Applied(parse(&reply)?)),
            409 => Ok(PushAnswer::Stale(parse(&reply).unwrap_or_else(|_| {
                ErrorEnvelope {
                    error: ErrorBody::new("conflict", message(&reply)),
                }
            }))),
            _ => Err(refused(&reply)),
        }
    }
}

/// What sending a version came to.
#[derive(Debug, Clone)]
pub enum PutVersionAnswer {
    /// Recorded on the server now.
    Created,
    /// The server had it already, with the same content.
    Same,
    /// 409: the server holds that number with other content (or a newer version);
    /// the message says which, with both content hashes.
    Conflict(String),
}

impl Client {
    /// `GET /api/v1/versions`: the server's versions (without snapshots).
    pub fn versions(&self) -> Result<Vec<ServerVersion>, SyncError> {
        let reply = self.call(true, |c, url| c.get(format!("{url}/api/v1/versions")))?;
        Ok(expect_ok::<Items<ServerVersion>>(&reply)?.items)
    }

    /// `PUT /api/v1/versions/{version}`: sends a version released here, with its
    /// snapshot (idempotent: the same version twice is the same answer).
    pub fn put_version(&self, v: &ServerVersion) -> Result<PutVersionAnswer, SyncError> {
        let reply = self.call(true, |c, url| {
            c.put(format!("{url}/api/v1/versions/{}", v.version))
                .json(v)
        })?;
        match reply.status {
            201 => Ok(PutVersionAnswer::Created),
            200 => Ok(PutVersionAnswer::Same),
            409 => Ok(PutVersionAnswer::Conflict(message(&reply))),
            _ => Err(refused(&reply)),
        }
    }

    /// `POST /api/v1/versions`: releases the server's state (sent once).
    pub fn release(&self, request: &ReleaseRequest) -> Result<ServerVersion, SyncError> {
        let reply = self.call(false, |c, url| {
            c.post(format!("{url}/api/v1/versions")).json(request)
        })?;
        match reply.status {
            201 => parse(&reply),
            409 => Err(SyncError::Refused {
                message: message(&reply),
                problems: problems(&reply),
            }),
            _ => Err(refused(&reply)),
        }
    }
}

/// `opends auth login server`: checks `token` against the remote (`/auth/me`), then keeps
/// it in the OS keyring. Returns who it is.
pub fn login(remote: &Remote, token: &str) -> Result<Me, SyncError> {
    credentials::keyring_from_env();
    let me = Client::with_token(remote, token.to_string())?.me()?;
    credentials::store(credentials::server_key(&remote.name), token)?;
    Ok(me)
}

/// `opends auth logout server`: forgets the remote's token; whether there was one.
pub fn logout(remote: &Remote) -> Result<bool, SyncError> {
    credentials::keyring_from_env();
    Ok(credentials::delete(credentials::server_key(&remote.name))?)
}

fn transport_error(url: &str, e: HttpError) -> SyncError {
    match e {
        HttpError::Transport { message, .. } => SyncError::Unreachable {
            url: url.to_string(),
            message,
        },
        other => SyncError::Http(other),
    }
}

fn envelope(reply: &Reply) -> Option<ErrorEnvelope> {
    serde_json::from_str(&reply.body).ok()
}

/// The message of an error body (`error.message`), or `no details`.
fn message(reply: &Reply) -> String {
    envelope(reply).map_or_else(|| "no details".to_string(), |e| e.error.message)
}

fn problems(reply: &Reply) -> Vec<super::protocol::ProblemItem> {
    envelope(reply)
        .and_then(|e| e.error.problems)
        .unwrap_or_default()
}

/// The error of a write the server did not take: too large (413), refused with its
/// problems (400, 422), or another status.
fn refused(reply: &Reply) -> SyncError {
    match reply.status {
        413 => SyncError::TooLarge,
        400 | 422 => SyncError::Refused {
            message: message(reply),
            problems: problems(reply),
        },
        status => SyncError::Status {
            status,
            message: message(reply),
        },
    }
}

fn parse<T: DeserializeOwned>(reply: &Reply) -> Result<T, SyncError> {
    serde_json::from_str(&reply.body).map_err(|e| SyncError::Malformed(e.to_string()))
}

fn expect_ok<T: DeserializeOwned>(reply: &Reply) -> Result<T, SyncError> {
    if reply.status == 200 {
        parse(reply)
    } else {
        Err(SyncError::Status {
            status: reply.status,
            message: message(reply),
        })
    }
}
