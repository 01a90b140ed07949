//! Figma's REST API (personal access tokens in `X-Figma-Token`).

use serde_json::Value;

use super::http::{Http, HttpError};
use crate::credentials::Credential;

/// Who a token belongs to (`GET /v1/me`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Profile {
    /// The account's handle or name.
    pub name: String,
    /// The account's email, when the API tells.
    pub email: Option<String>,
}

/// Checks a token: `GET /v1/me`.
pub fn me(http: &Http, base: &str, credential: &Credential) -> Result<Profile, HttpError> {
    let url = format!("{}/v1/me", base.trim_end_matches('/'));
    let v: Value = http.json("the account (`/v1/me`)", |c| {
        c.get(&url).header("X-Figma-Token", credential.secret())
    })?;
    Ok(Profile {
        name: v
            .get("handle")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string(),
        email: v.get("email").and_then(Value::as_str).map(str::to_string),
    })
}
