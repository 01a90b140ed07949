//! Sync with a team server: the wire protocol both sides share ([`protocol`]), the one
//! validation path for a whole state ([`check`]), the push and pull merges as pure
//! functions ([`plan`]), the client ([`client`]), and push and pull themselves
//! ([`remote`]), which the commands call and print.

pub mod check;
pub mod client;
pub mod plan;
pub mod protocol;
pub mod remote;

use crate::credentials::CredentialError;
use crate::sources::http::HttpError;
use crate::store::StoreError;
use check::Problem;
use protocol::ProblemItem;

/// Why a sync with a team server failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The store has no remote of that name.
    #[error("no remote `{0}`")]
    UnknownRemote(String, Vec<String>),
    /// The store has no remote at all.
    #[error("no remote to sync with")]
    NoRemote,
    /// Several remotes and none named.
    #[error("which remote? there are several")]
    WhichRemote,
    /// No API token for the remote.
    #[error("no credential for the team server")]
    NoCredential {
        /// The remote's name.
        remote: String,
    },
    /// No connection, a timeout, TLS...
    #[error("could not reach the team server at {url}: {message}")]
    Unreachable {
        /// The remote's URL.
        url: String,
        /// What failed.
        message: String,
    },
    /// 401.
    #[error("the team server refused the credential: {0}")]
    Unauthorized(String),
    /// 403.
    #[error("not allowed: {0}")]
    Forbidden(String),
    /// 413.
    #[error("the change is larger than the server accepts")]
    TooLarge,
    /// 400 or 422 to a push: what the server found.
    #[error("the server refused the change: {message}{}", problem_lines(.problems))]
    Refused {
        /// `error.message`.
        message: String,
        /// `error.problems`.
        problems: Vec<ProblemItem>,
    },
    /// Any other unexpected status.
    #[error("the team server answered {status}: {message}")]
    Status {
        /// The status.
        status: u16,
        /// `error.message`.
        message: String,
    },
    /// The answer was not the JSON the protocol describes.
    #[error("the team server sent a response opends cannot read: {0}")]
    Malformed(String),
    /// What the server sent fails the checks every import passes.
    #[error("the team server sent {what} that `opends` would refuse to import; nothing was written:{}", problem_lines(.problems))]
    RefusedContent {
        /// `changes` or `version X`.
        what: String,
        /// Every problem.
        problems: Vec<Problem>,
    },
    /// A version number that is not semver.
    #[error("the team server sent a version that is not one: {0}")]
    NotAVersion(String),
    /// The HTTP client failed otherwise.
    #[error(transparent)]
    Http(#[from] HttpError),
    /// The keyring failed.
    #[error(transparent)]
    Credential(#[from] CredentialError),
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Problems as indented lines (at most 50).
fn problem_lines<T: std::fmt::Display>(problems: &[T]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for p in problems.iter().take(50) {
        let _ = write!(out, "\n  {p}");
    }
    out
}

impl SyncError {
    /// What to do about it, when there is something to say.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            Self::UnknownRemote(name, known) => crate::suggest::hint(
                name,
                known.iter().map(String::as_str),
                "`opends remote list` shows them; `opends remote add NAME URL` adds one",
            ),
            Self::NoRemote => "add one: `opends remote add team https://ds.example.com`".into(),
            Self::WhichRemote => "name it: `opends push NAME` (`opends remote list`)".into(),
            Self::NoCredential { remote } => format!(
                "run `opends auth login server --remote {remote}`, or set OPENDS_SERVER_TOKEN (an API token from the server's admin)"
            ),
            Self::Unreachable { .. } => {
                "check the URL (`opends remote list`) and that the server is running".into()
            }
            Self::Unauthorized(_) => {
                "check OPENDS_SERVER_TOKEN (tokens are revocable; ask the server's admin)".into()
            }
            Self::Forbidden(_) => "pushing needs an editor or admin token".into(),
            Self::TooLarge => "ask the server's admin to raise --body-limit".into(),
            Self::RefusedContent { .. } => "ask the server's admin to fix or remove these entries (the server refuses such pushes now)".into(),
            _ => return None,
        })
    }

    /// As an error for the command line, with its hint.
    pub fn into_report(self) -> anyhow::Error {
        match self.hint() {
            Some(hint) => crate::hinted(self.to_string(), hint),
            None => anyhow::Error::new(self),
        }
    }
}
