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
    Ok(Profile::from_json(&v, "fullname"))
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

/// The file's library colours and typographies as a DTCG document: paths from each
/// item's `path` and `name` (`Neutral / Overlay` + `Scrim` -> `neutral.overlay.scrim`),
/// colours with their opacity as alpha, typographies from their string fields.
pub fn library_tokens(file: &Value) -> (Value, Vec<String>) {
    let data = file.get("data").unwrap_or(file);
    let mut root = serde_json::Map::new();
    let mut warnings = Vec::new();
    let path_of = |item: &Value| -> String {
        let folder = item.get("path").and_then(Value::as_str).unwrap_or_default();
        let name = item
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("unnamed");
        super::figma::token_path(&format!("{folder}/{name}"))
    };
    let num = |item: &Value, key: &str| -> Option<f64> {
        match item.get(key)? {
            Value::String(s) => s.trim().parse().ok(),
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    };
    let trim = |n: f64| -> Value {
        if n.fract() == 0.0 {
            Value::from(n as i64)
        } else {
            Value::from((n * 10_000.0).round() / 10_000.0)
        }
    };
    if let Some(colors) = data.get("colors").and_then(Value::as_object) {
        for c in colors.values() {
            let Some(hex) = c.get("color").and_then(Value::as_str) else {
                warnings.push(format!(
                    "library colour `{}` is a gradient or an image; skipped",
                    path_of(c)
                ));
                continue;
            };
            let Some((rgb, _)) = crate::tokens::legacy::parse_css_color(hex) else {
                warnings.push(format!(
                    "library colour `{}` has an unreadable value `{hex}`; skipped",
                    path_of(c)
                ));
                continue;
            };
            let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
            let mut value = serde_json::json!({
                "colorSpace": "srgb",
                "components": [round(rgb[0]), round(rgb[1]), round(rgb[2])],
                "hex": hex.to_ascii_lowercase(),
            });
            if let Some(o) = num(c, "opacity").filter(|o| *o < 1.0) {
                value["alpha"] = trim(o);
            }
            insert(
                &mut root,
                &path_of(c),
                serde_json::json!({"$type": "color", "$value": value}),
            );
        }
    }
    if let Some(typos) = data.get("typographies").and_then(Value::as_object) {
        for t in typos.values() {
            let Some(size) = num(t, "fontSize") else {
                warnings.push(format!(
                    "library typography `{}` has no font size; skipped",
                    path_of(t)
                ));
                continue;
            };
            let value = serde_json::json!({
                "fontFamily": t.get("fontFamily").and_then(Value::as_str).unwrap_or("sans-serif"),
                "fontSize": {"value": trim(size), "unit": "px"},
                "fontWeight": trim(num(t, "fontWeight").unwrap_or(400.0)),
                "letterSpacing": {"value": trim(num(t, "letterSpacing").unwrap_or(0.0)), "unit": "px"},
                "lineHeight": trim(num(t, "lineHeight").unwrap_or(1.2)),
            });
            insert(
                &mut root,
                &path_of(t),
                serde_json::json!({"$type": "typography", "$value": value}),
            );
        }
    }
    (Value::Object(root), warnings)
}

fn insert(root: &mut serde_json::Map<String, Value>, path: &str, node: Value) {
    let segs: Vec<&str> = path.split('.').collect();
    let mut cur = root;
    for s in &segs[..segs.len() - 1] {
        let e = cur
            .entry((*s).to_string())
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
        if !e.is_object() {
            *e = Value::Object(serde_json::Map::new());
        }
        cur = e.as_object_mut().expect("an object");
    }
    cur.insert(segs[segs.len() - 1].to_string(), node);
}

/// The file's components as draft specs (name and folder; their design stays in Penpot).
pub fn components(file: &Value) -> Vec<crate::model::Component> {
    let data = file.get("data").unwrap_or(file);
    let Some(list) = data.get("components").and_then(Value::as_object) else {
        return Vec::new();
    };
    list.values()
        .filter(|c| c.get("deleted").and_then(Value::as_bool) != Some(true))
        .filter_map(|c| {
            let name = c.get("name").and_then(Value::as_str)?;
            Some(crate::model::Component {
                name: name.to_string(),
                description: None,
                category: c
                    .get("path")
                    .and_then(Value::as_str)
                    .filter(|p| !p.trim().is_empty())
                    .map_or_else(|| "penpot".to_string(), |p| p.trim().to_ascii_lowercase()),
                status: crate::model::Status::Draft,
                element: "div".into(),
                props: Vec::new(),
                slots: vec![crate::model::component::Slot {
                    name: "default".into(),
                    description: None,
                }],
                events: Vec::new(),
                attrs: indexmap::IndexMap::new(),
                accessibility: crate::model::component::Accessibility::default(),
                parts: Vec::new(),
                styles: indexmap::IndexMap::new(),
                variants: Vec::new(),
                states: indexmap::IndexMap::new(),
            })
        })
        .collect()
}
