//! Webhook payloads from Figma (v2: `FILE_UPDATE`, `LIBRARY_PUBLISH`, verified by the
//! passcode set when the webhook was created) and Penpot (`update-file`; Penpot signs
//! nothing, so the receiver checks a secret token in the webhook URL), parsed into one
//! typed "file changed" event. Used by the team server.

use serde_json::Value;

use super::Provider;

/// A design file changed upstream.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileChanged {
    /// Which tool.
    pub provider: Provider,
    /// The Figma file key or Penpot file id.
    pub file: String,
    /// The file's name, when given.
    pub name: Option<String>,
    /// The event's kind (`FILE_UPDATE`, `LIBRARY_PUBLISH`, `update-file`).
    pub kind: String,
}

/// Why a webhook was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookError {
    /// The body is not the JSON expected.
    #[error("malformed webhook body: {0}")]
    Malformed(String),
    /// The passcode or secret does not match.
    #[error("the webhook's passcode or secret does not match")]
    Unauthenticated,
    /// A valid event that is not about file changes (e.g. `PING`, comments).
    #[error("ignored webhook event `{0}`")]
    Ignored(String),
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Parses a Figma webhook v2 body, checking its `passcode` against `expected`.
pub fn figma(body: &[u8], expected_passcode: &str) -> Result<FileChanged, WebhookError> {
    let v: Value =
        serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(e.to_string()))?;
    let passcode = v
        .get("passcode")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if expected_passcode.is_empty()
        || !constant_time_eq(passcode.as_bytes(), expected_passcode.as_bytes())
    {
        return Err(WebhookError::Unauthenticated);
    }
    let kind = v
        .get("event_type")
        .and_then(Value::as_str)
        .ok_or_else(|| WebhookError::Malformed("no `event_type`".into()))?;
    if !matches!(kind, "FILE_UPDATE" | "LIBRARY_PUBLISH") {
        return Err(WebhookError::Ignored(kind.to_string()));
    }
    let file = v
        .get("file_key")
        .and_then(Value::as_str)
        .ok_or_else(|| WebhookError::Malformed("no `file_key`".into()))?;
    Ok(FileChanged {
        provider: Provider::Figma,
        file: file.to_string(),
        name: v
            .get("file_name")
            .and_then(Value::as_str)
            .map(str::to_string),
        kind: kind.to_string(),
    })
}

/// Parses a Penpot webhook body; `url_secret` is the token found in the request's URL
/// and `expected` the one configured for the source.
pub fn penpot(body: &[u8], url_secret: &str, expected: &str) -> Result<FileChanged, WebhookError> {
    if expected.is_empty() || !constant_time_eq(url_secret.as_bytes(), expected.as_bytes()) {
        return Err(WebhookError::Unauthenticated);
    }
    let v: Value =
        serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(e.to_string()))?;
    let kind = v
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| WebhookError::Malformed("no `name`".into()))?;
    if kind != "update-file" {
        return Err(WebhookError::Ignored(kind.to_string()));
    }
    let props = v
        .get("props")
        .ok_or_else(|| WebhookError::Malformed("no `props`".into()))?;
    let file = props
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| WebhookError::Malformed("no `props.id`".into()))?;
    Ok(FileChanged {
        provider: Provider::Penpot,
        file: file.to_string(),
        name: props
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string),
        kind: kind.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(rel: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/tests/fixtures/{rel}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn figma_events_with_the_right_passcode_only() {
        let body = fixture("figma/webhook-file-update.json");
        let ev = figma(&body, "opends-webhook-passcode-3f9a").unwrap();
        assert_eq!(ev.file, "AbC123xYz789");
        assert_eq!(ev.kind, "FILE_UPDATE");
        assert_eq!(figma(&body, "wrong"), Err(WebhookError::Unauthenticated));
        assert_eq!(figma(&body, ""), Err(WebhookError::Unauthenticated));
        let lib = fixture("figma/webhook-library-publish.json");
        let passcode = serde_json::from_slice::<Value>(&lib).unwrap()["passcode"]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(figma(&lib, &passcode).unwrap().kind, "LIBRARY_PUBLISH");
        assert!(matches!(figma(b"{", "x"), Err(WebhookError::Malformed(_))));
        let ping = br#"{"event_type": "PING", "passcode": "p"}"#;
        assert_eq!(figma(ping, "p"), Err(WebhookError::Ignored("PING".into())));
    }

    #[test]
    fn penpot_events_need_the_url_secret() {
        let body = fixture("penpot/webhook-update-file.json");
        let ev = penpot(&body, "s3cret", "s3cret").unwrap();
        assert_eq!(ev.file, "0b7e3a7c-9f1e-8012-8005-2b5c3d4e5f60");
        assert_eq!(
            penpot(&body, "nope", "s3cret"),
            Err(WebhookError::Unauthenticated)
        );
    }

    #[test]
    fn constant_time_compare() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
