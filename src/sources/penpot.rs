//! Penpot's RPC API (`POST /api/rpc/command/<name>`, `Authorization: Token <token>`,
//! JSON instead of transit via `Accept: application/json`).

use serde_json::Value;

use super::figma::Profile;
use super::http::{Http, HttpError};
use crate::credentials::Credential;

fn command(
    http: &Http,
    base: &str,
    credential: &Credential,
    name: &str,
    body: &Value,
    what: &str,
) -> Result<Value, HttpError> {
    let url = format!("{}/api/rpc/command/{name}", base.trim_end_matches('/'));
    http.json(what, |c| {
        c.post(&url)
            .header("Authorization", format!("Token {}", credential.secret()))
            .header("Accept", "application/json")
            .header("x-client", concat!("opends/", env!("CARGO_PKG_VERSION")))
            .json(body)
    })
}

/// Checks a token: `get-profile`.
pub fn me(http: &Http, base: &str, credential: &Credential) -> Result<Profile, HttpError> {
    let v = command(
        http,
        base,
        credential,
        "get-profile",
        &serde_json::json!({}),
        "the profile (`get-profile`)",
    )?;
    // Without a valid session Penpot answers with the anonymous profile (a nil id).
    let id = v.get("id").and_then(Value::as_str).unwrap_or_default();
    if id.is_empty() || id == "00000000-0000-0000-0000-000000000000" {
        return Err(HttpError::Unauthorized {
            provider: "penpot",
            status: 401,
            message: "the token did not identify a user".into(),
        });
    }
    Ok(Profile {
        name: v
            .get("fullname")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string(),
        email: v.get("email").and_then(Value::as_str).map(str::to_string),
    })
}
