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

/// `get-file`: the whole file, as JSON.
pub fn get_file(
    http: &Http,
    base: &str,
    id: &str,
    credential: &Credential,
) -> Result<Value, HttpError> {
    command(
        http,
        base,
        credential,
        "get-file",
        &serde_json::json!({ "id": id }),
        "the file (`get-file`)",
    )
}

/// A version string for skipping unchanged files: the file's revision number and
/// modification time.
pub fn version(file: &Value) -> String {
    let revn = file
        .get("revn")
        .map(ToString::to_string)
        .unwrap_or_default();
    let modified = file
        .get("modifiedAt")
        .or_else(|| file.get("modified-at"))
        .map(ToString::to_string)
        .unwrap_or_default();
    format!("{revn}@{modified}")
}

/// The file's design tokens in the Tokens Studio shape opends reads (sets at the top,
/// `$themes`, `$metadata`). Penpot keeps its tokens library under `data.tokensLib`
/// (`tokens-lib` in its own encoding); an exported library (already in that shape) and a
/// `{sets, themes}` record are both accepted.
pub fn tokens_root(file: &Value) -> Value {
    let data = file.get("data").unwrap_or(file);
    let lib = data
        .get("tokensLib")
        .or_else(|| data.get("tokens-lib"))
        .cloned()
        .unwrap_or_else(|| serde_json::json!({}));
    if lib.get("$themes").is_some() || lib.get("$metadata").is_some() {
        return lib;
    }
    let mut root = serde_json::Map::new();
    let mut order = Vec::new();
    if let Some(sets) = lib.get("sets").and_then(Value::as_object) {
        for (name, set) in sets {
            let tokens = set.get("tokens").cloned().unwrap_or_else(|| set.clone());
            order.push(Value::String(name.clone()));
            root.insert(name.clone(), tokens);
        }
    }
    let themes: Vec<Value> = match lib.get("themes") {
        Some(Value::Array(a)) => a.clone(),
        // Themes grouped by group name, then by theme name.
        Some(Value::Object(groups)) => groups
            .iter()
            .flat_map(|(group, themes)| {
                themes.as_object().into_iter().flat_map(move |t| {
                    t.values().cloned().map(move |mut th| {
                        if th.get("group").is_none() {
                            th["group"] = Value::String(group.clone());
                        }
                        th
                    })
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    // Penpot names enabled sets in `sets`; Tokens Studio in `selectedTokenSets`.
    let themes: Vec<Value> = themes
        .into_iter()
        .map(|mut t| {
            if t.get("selectedTokenSets").is_none() {
                let enabled: serde_json::Map<String, Value> = t
                    .get("sets")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(|s| (s.to_string(), Value::String("enabled".into())))
                            .collect()
                    })
                    .unwrap_or_default();
                t["selectedTokenSets"] = Value::Object(enabled);
            }
            t
        })
        .collect();
    root.insert("$themes".into(), Value::Array(themes));
    root.insert(
        "$metadata".into(),
        serde_json::json!({ "tokenSetOrder": order }),
    );
    Value::Object(root)
}
