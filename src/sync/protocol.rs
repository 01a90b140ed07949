//! The wire types of the team server's `/api/v1` (docs/api.md, docs/openapi.json),
//! shared by the server's handlers and the client so that the compiler checks both
//! sides. Field order is the order on the wire.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::check::Problem;
use crate::server::auth::Role;

/// An entry by key: a token path or component name with its entry (a JSON object), or
/// `null` for a deleted one.
pub type Entry = (String, Option<Value>);

/// Which kind of entry a key names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A design token (keyed by path).
    Token,
    /// A component (keyed by name).
    Component,
}

impl EntryKind {
    /// Its name on the wire and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Token => "token",
            Self::Component => "component",
        }
    }
}

impl std::fmt::Display for EntryKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `POST /api/v1/sync/push` (and every write the API makes): entries by key, `null`
/// deleting one.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Changes {
    /// The revision the client made them from (`None`: apply to whatever is there).
    #[serde(default, deserialize_with = "revision_number")]
    pub base_revision: Option<i64>,
    /// Tokens: path -> entry (a JSON object) or null to delete.
    #[serde(default)]
    pub tokens: Vec<Entry>,
    /// Components: name -> entry or null.
    #[serde(default)]
    pub components: Vec<Entry>,
    /// The layout (modes, groups, order), when it changed.
    #[serde(default)]
    pub layout: Option<Value>,
}

/// A push request is a set of changes with a base revision.
pub type PushRequest = Changes;

/// A revision: an integer, also when written `41.0` (JSON does not tell them apart).
fn revision_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    use serde::de::Error as _;
    let Some(n) = Option::<serde_json::Number>::deserialize(d)? else {
        return Ok(None);
    };
    if let Some(i) = n.as_i64() {
        return Ok(Some(i));
    }
    match n.as_f64() {
        #[allow(clippy::cast_possible_truncation)]
        Some(f) if f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0 => Ok(Some(f as i64)),
        _ => Err(D::Error::custom(format!(
            "`base_revision` must be a revision number, not {n}"
        ))),
    }
}

/// What a push (or any write) applied: the answer to `POST /api/v1/sync/push`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    /// The new revision (unchanged when there was nothing to apply).
    pub revision: i64,
    /// Tokens written.
    pub tokens: usize,
    /// Components written.
    pub components: usize,
}

/// A push response.
pub type PushResponse = Applied;

/// One conflicting key of a stale push: both values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// `token` or `component`.
    pub kind: EntryKind,
    /// Its path or name.
    pub key: String,
    /// What the client sent (null: delete).
    pub ours: Option<Value>,
    /// What the server has (null: deleted).
    pub theirs: Option<Value>,
}

/// `error.conflicts` of a 409 `stale_base`: the client's base, the server's revision,
/// and the keys changed on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflicts {
    /// The client's base revision.
    pub base: i64,
    /// The server's revision.
    pub current: i64,
    /// Keys changed on both sides, with both values.
    pub items: Vec<Conflict>,
}

/// `GET /api/v1/sync?since=N&versions_after=M`: what changed after revision `since`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Delta {
    /// The current revision.
    pub revision: i64,
    /// Tokens changed since (null: deleted).
    pub tokens: Vec<Entry>,
    /// Components changed since (null: deleted).
    pub components: Vec<Entry>,
    /// The layout, when it changed since.
    pub layout: Option<Value>,
    /// Versions released since `versions_after` (by sequence), with their snapshots.
    pub versions: Vec<ServerVersion>,
}

/// A pull response.
pub type PullResponse = Delta;

/// A version on the server (`/api/v1/versions`, and the versions of a pull).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServerVersion {
    /// Its number.
    pub version: String,
    /// Release order.
    pub seq: i64,
    /// When.
    pub created_at: String,
    /// Who.
    pub author: String,
    /// The message.
    pub message: Option<String>,
    /// sha256 of its content.
    pub content_hash: String,
    /// What the changes called for.
    pub bump: String,
    /// Whether a smaller bump was forced.
    pub forced: bool,
    /// Its changelog section.
    pub changelog: String,
    /// The snapshot (`{layout, tokens: {path: entry}, components: {name: entry}}`),
    /// when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<Value>,
}

/// `POST /api/v1/versions`: what to release on the server (`opends release --remote`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ReleaseRequest {
    /// An explicit number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `auto`, `major`, `minor` or `patch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bump: Option<String>,
    /// A pre-release id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre: Option<String>,
    /// The release message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Release with a smaller bump than the changes call for.
    #[serde(default)]
    pub force: bool,
    /// Release draft components too.
    #[serde(default)]
    pub allow_drafts: bool,
}

/// `GET /api/v1/auth/me`: who a credential is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// `user:EMAIL` or `token:ID`.
    pub name: String,
    /// Its role.
    pub role: Role,
    /// The user's id, for a logged-in user.
    pub user_id: Option<String>,
}

/// A list: `{"items": [...]}`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Items<T> {
    /// The entries.
    pub items: Vec<T>,
}

/// Every error response: `{"error": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorEnvelope {
    /// The error.
    pub error: ErrorBody,
}

/// An error: a stable code, a message, the request id, and what a refusal found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A stable code (`stale_base`, `invalid_content`, `unauthorized`, ...).
    pub code: String,
    /// What went wrong, for people.
    pub message: String,
    /// The request's id (also in the `X-Request-Id` header and the server log).
    #[serde(rename = "requestId", default)]
    pub request_id: String,
    /// `invalid_content`: every problem found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problems: Option<Vec<ProblemItem>>,
    /// `stale_base`: what changed on both sides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts: Option<Conflicts>,
}

/// One problem of a refusal: `{code, message, path}` (older servers sent sentences).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ProblemItem {
    /// A problem with its rule, message and place.
    Problem(Problem),
    /// A sentence.
    Text(String),
}

impl std::fmt::Display for ProblemItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Problem(p) => p.fmt(f),
            Self::Text(s) => f.write_str(s),
        }
    }
}

impl ErrorBody {
    /// An error with a code and message (the request id is filled in when sent).
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            request_id: String::new(),
            problems: None,
            conflicts: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn error_envelope_keeps_its_wire_order() {
        let mut body = ErrorBody::new("stale_base", "pull first");
        body.request_id = "r1".into();
        body.conflicts = Some(Conflicts {
            base: 1,
            current: 2,
            items: vec![Conflict {
                kind: EntryKind::Token,
                key: "a".into(),
                ours: None,
                theirs: Some(json!({"value": 1})),
            }],
        });
        let text = serde_json::to_string(&ErrorEnvelope {
            error: body.clone(),
        })
        .expect("json");
        assert_eq!(
            text,
            r#"{"error":{"code":"stale_base","message":"pull first","requestId":"r1","conflicts":{"base":1,"current":2,"items":[{"kind":"token","key":"a","ours":null,"theirs":{"value":1}}]}}}"#
        );
        let back: ErrorEnvelope = serde_json::from_str(&text).expect("read back");
        assert_eq!(back.error, body);
    }

    #[test]
    fn problems_are_objects_or_sentences() {
        let e: ErrorEnvelope = serde_json::from_value(json!({"error": {
            "code": "invalid_content", "message": "refused", "requestId": "",
            "problems": [{"code": "invalid-name", "message": "bad", "path": "tokens/a"}, "old style"]
        }}))
        .expect("read");
        let p = e.error.problems.expect("problems");
        assert_eq!(p[0].to_string(), "tokens/a: bad [invalid-name]");
        assert_eq!(p[1].to_string(), "old style");
    }

    #[test]
    fn a_base_revision_written_as_a_float_is_a_revision() {
        let c: Changes = serde_json::from_value(json!({"base_revision": 41.0})).expect("read");
        assert_eq!(c.base_revision, Some(41));
        assert!(serde_json::from_value::<Changes>(json!({"base_revision": 1.5})).is_err());
    }
}
