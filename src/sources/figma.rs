//! Figma's REST API (personal access tokens in `X-Figma-Token`).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::document::Builder;
use super::http::{Http, HttpError};
use super::{FetchError, Fetched, SourceConfig, error_lines};
use crate::credentials::Credential;
use crate::model::theme;
use crate::tokens::Findings;
use crate::tokens::link::Input;

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
    Ok(Profile::from_json(&v, "handle"))
}

impl Profile {
    /// Reads the account's name (from `name_key`) and email from an API answer.
    pub fn from_json(v: &Value, name_key: &str) -> Self {
        Self {
            name: v
                .get(name_key)
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_string(),
            email: v.get("email").and_then(Value::as_str).map(str::to_string),
        }
    }
}

/// The file's version and last change (`GET /v1/files/:key?depth=1`: small, and the
/// same shape on every plan), used to skip unchanged files.
pub fn version(
    http: &Http,
    base: &str,
    key: &str,
    credential: &Credential,
) -> Result<String, HttpError> {
    let base = base.trim_end_matches('/');
    let url = format!("{base}/v1/files/{key}?depth=1");
    let v = http.json("the file", |c| {
        c.get(&url).header("X-Figma-Token", credential.secret())
    })?;
    let version = v.get("version").and_then(Value::as_str).unwrap_or_default();
    let modified = v
        .get("lastModified")
        .and_then(Value::as_str)
        .unwrap_or_default();
    Ok(format!("{version}@{modified}"))
}

/// `GET /v1/files/:key/variables/local`.
pub fn local_variables(
    http: &Http,
    base: &str,
    key: &str,
    credential: &Credential,
) -> Result<Value, HttpError> {
    let url = format!(
        "{}/v1/files/{key}/variables/local",
        base.trim_end_matches('/')
    );
    http.json("the file's variables", |c| {
        c.get(&url).header("X-Figma-Token", credential.secret())
    })
}

/// Turns a Figma variable name (`Color/Primary 500`) into a token path
/// (`color.primary-500`): segments split at `/`, lower-cased, runs of white space and
/// characters a DTCG name cannot hold (`.`, `{`, `}`, a leading `$`) become `-`.
pub fn token_path(name: &str) -> String {
    name.split('/')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|seg| {
            let mut out = String::new();
            for c in seg.chars() {
                if c.is_whitespace() || matches!(c, '.' | '{' | '}' | '$') {
                    if !out.ends_with('-') && !out.is_empty() {
                        out.push('-');
                    }
                } else {
                    out.extend(c.to_lowercase());
                }
            }
            let out = out.trim_matches('-').to_string();
            if out.is_empty() { "_".to_string() } else { out }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Scopes that make a FLOAT variable a dimension in px.
const DIMENSION_SCOPES: [&str; 9] = [
    "CORNER_RADIUS",
    "GAP",
    "WIDTH_HEIGHT",
    "FONT_SIZE",
    "LETTER_SPACING",
    "STROKE_FLOAT",
    "EFFECT_FLOAT",
    "PARAGRAPH_SPACING",
    "PARAGRAPH_INDENT",
];

/// One mapped token: path, DTCG type, value per opends mode (`None` key: every mode),
/// description.
#[derive(Debug, Clone, PartialEq)]
pub struct MappedToken {
    /// The token path.
    pub path: String,
    /// The DTCG type.
    pub ty: &'static str,
    /// The value in the default mode.
    pub value: Value,
    /// Values in the other modes (mode name -> value), when they differ.
    pub modes: Vec<(String, Value)>,
    /// The variable's description.
    pub description: Option<String>,
    /// `$extensions` recording where it came from.
    pub extensions: Value,
    /// What it was in the file, for messages (`variable `Color/Blue` (V:1)`).
    pub origin: String,
}

/// The result of mapping a file's variables.
#[derive(Debug, Default)]
pub struct Mapped {
    /// Tokens, in the order of the collections and their variables.
    pub tokens: Vec<MappedToken>,
    /// Mode keys in resolution order, from the collections that have several modes:
    /// plain mode names (default first) for one such collection, `axis=context` keys
    /// (each axis' default first) for several.
    pub modes: Vec<String>,
    /// What could not be mapped, and why.
    pub warnings: Vec<String>,
}

fn mode_slug(name: &str) -> String {
    crate::tokens::studio::mode_slug(name)
}

fn color(rgba: &Value) -> Option<Value> {
    let channel = |k: &str| rgba.get(k).and_then(Value::as_f64);
    let (r, g, b) = (channel("r")?, channel("g")?, channel("b")?);
    let a = channel("a").unwrap_or(1.0);
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    let mut out = serde_json::json!({
        "colorSpace": "srgb",
        "components": [round(r), round(g), round(b)],
    });
    if a < 1.0 {
        out["alpha"] = serde_json::json!(round(a));
    }
    out["hex"] = Value::String(crate::color::hex([r, g, b]));
    Some(out)
}

/// The opends mode key of each mode of each collection with several modes, and the
/// key list in resolution order.
///
/// One such collection gives plain modes: its mode names, slugged (`Mode/Dark` ->
/// `mode-dark`), the default first; modes of the same name in several collections would
/// share one key. Two or more give one named axis per collection, in collection order:
/// the axis is the collection's name and each mode a context, both slugged (so they never
/// hold `=` or `,`) and made unique, the default mode first: `theme=dark`.
fn mode_keys(collections: &Map<String, Value>) -> (Vec<String>, HashMap<(String, String), String>) {
    let multi: Vec<(&String, &Value, Vec<&Value>)> = collections
        .iter()
        .filter_map(|(id, c)| {
            let modes = c.get("modes").and_then(Value::as_array)?;
            if modes.len() < 2 {
                return None;
            }
            // The default mode first.
            let default = c.get("defaultModeId").and_then(Value::as_str);
            let mut ordered: Vec<&Value> = modes.iter().collect();
            ordered.sort_by_key(|m| m.get("modeId").and_then(Value::as_str) != default);
            Some((id, c, ordered))
        })
        .collect();
    let mode_id = |m: &Value| {
        m.get("modeId")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let mode_name = |m: &Value| mode_slug(m.get("name").and_then(Value::as_str).unwrap_or("mode"));
    let mut keys: Vec<String> = Vec::new();
    let mut by_mode = HashMap::new();
    if multi.len() < 2 {
        for (id, _, modes) in &multi {
            for m in modes {
                let name = mode_name(m);
                if !keys.contains(&name) {
                    keys.push(name.clone());
                }
                by_mode.insert(((*id).clone(), mode_id(m)), name);
            }
        }
        return (keys, by_mode);
    }
    let mut axes: Vec<String> = Vec::new();
    for (id, c, modes) in &multi {
        let axis = unique(
            &axes,
            mode_slug(c.get("name").and_then(Value::as_str).unwrap_or_default()),
            "axis",
        );
        let mut contexts: Vec<String> = Vec::new();
        for m in modes {
            let context = unique(&contexts, mode_name(m), "mode");
            let key = theme::key_of([(axis.as_str(), context.as_str())]);
            by_mode.insert(((*id).clone(), mode_id(m)), key.clone());
            keys.push(key);
            contexts.push(context);
        }
        axes.push(axis);
    }
    (keys, by_mode)
}

/// `name` (or `fallback` when empty), with `-2`, `-3`... appended while `taken` has it.
pub(super) fn unique(taken: &[String], name: String, fallback: &str) -> String {
    let name = if name.is_empty() {
        fallback.to_string()
    } else {
        name
    };
    let mut out = name.clone();
    let mut n = 2;
    while taken.contains(&out) {
        out = format!("{name}-{n}");
        n += 1;
    }
    out
}

/// Maps the `/variables/local` response into tokens and modes.
///
/// Collections give the modes (see [`mode_keys`]): the modes of a collection with more
/// than one mode become opends modes (named like `Mode/Dark` -> `mode-dark`), or, when
/// several collections have more than one mode, each such collection becomes a theme
/// axis (`theme=dark`, `brand=verde`). A variable of a single-mode collection has the
/// same value in every mode. `VARIABLE_ALIAS` values become `{alias}` references, also
/// across collections (so an alias resolves per combination of contexts).
pub fn map_variables(response: &Value) -> Mapped {
    let mut out = Mapped::default();
    let meta = response.get("meta").unwrap_or(response);
    let empty = serde_json::Map::new();
    let variables = meta
        .get("variables")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let collections = meta
        .get("variableCollections")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let (keys, key_of_mode) = mode_keys(collections);
    out.modes = keys;
    let path_of = |id: &str| -> Option<String> {
        variables
            .get(id)
            .and_then(|v| v.get("name"))
            .and_then(Value::as_str)
            .map(token_path)
    };
    for (id, var) in variables {
        let name = var.get("name").and_then(Value::as_str).unwrap_or(id);
        if var.get("remote").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let path = token_path(name);
        let resolved = var
            .get("resolvedType")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let scopes: Vec<&str> = var
            .get("scopes")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let ty: &'static str = match resolved {
            "COLOR" => "color",
            "FLOAT" if scopes.contains(&"FONT_WEIGHT") => "fontWeight",
            "FLOAT" if scopes.iter().any(|s| DIMENSION_SCOPES.contains(s)) => "dimension",
            "FLOAT" => "number",
            "STRING" if scopes.contains(&"FONT_FAMILY") => "fontFamily",
            other => {
                out.warnings.push(format!(
                    "variable `{name}` ({other}) has no DTCG type and was skipped"
                ));
                continue;
            }
        };
        let collection = var
            .get("variableCollectionId")
            .and_then(Value::as_str)
            .and_then(|c| collections.get(c));
        let collection_id = var
            .get("variableCollectionId")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let coll_modes: Vec<(String, String)> = collection
            .and_then(|c| c.get("modes"))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|m| {
                        let mode_id = m.get("modeId")?.as_str()?.to_string();
                        let name = m.get("name")?.as_str()?;
                        let key = key_of_mode
                            .get(&(collection_id.to_string(), mode_id.clone()))
                            .cloned()
                            .unwrap_or_else(|| mode_slug(name));
                        Some((mode_id, key))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let default_mode = collection
            .and_then(|c| c.get("defaultModeId"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| coll_modes.first().map(|(id, _)| id.clone()));
        let values = var.get("valuesByMode").and_then(Value::as_object);
        let convert = |raw: &Value| -> Option<Value> {
            if raw.get("type").and_then(Value::as_str) == Some("VARIABLE_ALIAS") {
                let target = raw.get("id").and_then(Value::as_str)?;
                return path_of(target).map(|p| Value::String(format!("{{{p}}}")));
            }
            match ty {
                "color" => color(raw),
                "dimension" => raw
                    .as_f64()
                    .map(|n| serde_json::json!({"value": trim(n), "unit": "px"})),
                "fontWeight" | "number" => raw.as_f64().map(trim),
                "fontFamily" => raw.as_str().map(|s| Value::String(s.to_string())),
                _ => None,
            }
        };
        let Some(default_raw) = default_mode
            .as_ref()
            .and_then(|m| values.and_then(|v| v.get(m)))
        else {
            out.warnings.push(format!(
                "variable `{name}` has no value in its default mode and was skipped"
            ));
            continue;
        };
        let Some(value) = convert(default_raw) else {
            out.warnings.push(format!("variable `{name}`: its value could not be read (an alias to a variable of another file?); skipped"));
            continue;
        };
        let mut modes = Vec::new();
        if coll_modes.len() > 1 {
            for (mode_id, mode_name) in &coll_modes {
                if Some(mode_id) == default_mode.as_ref() {
                    continue;
                }
                if let Some(v) = values.and_then(|v| v.get(mode_id)).and_then(&convert) {
                    if v != value {
                        modes.push((mode_name.clone(), v));
                    }
                }
            }
        }
        let description = var
            .get("description")
            .and_then(Value::as_str)
            .filter(|d| !d.is_empty())
            .map(str::to_string);
        out.tokens.push(MappedToken {
            path,
            ty,
            value,
            modes,
            description,
            origin: format!("variable `{name}` ({id})"),
            extensions: serde_json::json!({"com.figma": {
                "variableId": id,
                "collection": collection.and_then(|c| c.get("name")).and_then(Value::as_str).unwrap_or_default(),
                "scopes": scopes,
            }}),
        });
    }
    out
}

fn trim(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Value::from(n as i64)
    } else {
        Value::from((n * 10_000.0).round() / 10_000.0)
    }
}

/// `GET /v1/files/:key/styles`.
pub fn styles(
    http: &Http,
    base: &str,
    key: &str,
    credential: &Credential,
) -> Result<Value, HttpError> {
    let url = format!("{}/v1/files/{key}/styles", base.trim_end_matches('/'));
    http.json("the file's styles", |c| {
        c.get(&url).header("X-Figma-Token", credential.secret())
    })
}

/// `GET /v1/files/:key/nodes?ids=...` (in batches, to keep URLs short).
pub fn nodes(
    http: &Http,
    base: &str,
    key: &str,
    ids: &[String],
    credential: &Credential,
) -> Result<Value, HttpError> {
    let mut all = serde_json::Map::new();
    for batch in ids.chunks(100) {
        let url = format!("{}/v1/files/{key}/nodes", base.trim_end_matches('/'));
        let joined = batch.join(",");
        let v = http.json("the styles' nodes", |c| {
            c.get(&url)
                .query(&[("ids", joined.as_str())])
                .header("X-Figma-Token", credential.secret())
        })?;
        if let Some(n) = v.get("nodes").and_then(Value::as_object) {
            all.extend(n.clone());
        }
    }
    Ok(serde_json::json!({ "nodes": all }))
}

fn paint_color(fill: &Value) -> Option<Value> {
    if fill.get("type").and_then(Value::as_str) != Some("SOLID")
        || fill.get("visible").and_then(Value::as_bool) == Some(false)
    {
        return None;
    }
    let mut c = fill.get("color")?.clone();
    // A paint's opacity multiplies the colour's alpha.
    if let Some(o) = fill.get("opacity").and_then(Value::as_f64) {
        let a = c.get("a").and_then(Value::as_f64).unwrap_or(1.0);
        c["a"] = serde_json::json!(a * o);
    }
    color(&c)
}

fn px(n: f64) -> Value {
    serde_json::json!({"value": trim(n), "unit": "px"})
}

/// Maps published styles (paint -> color, text -> typography, effect -> shadow) with
/// their nodes: the fallback when variables are not available on the file's plan.
pub fn map_styles(styles: &Value, nodes: &Value) -> Mapped {
    let mut out = Mapped::default();
    let list = styles
        .get("meta")
        .and_then(|m| m.get("styles"))
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    for s in list {
        let name = s.get("name").and_then(Value::as_str).unwrap_or_default();
        let node_id = s.get("node_id").and_then(Value::as_str).unwrap_or_default();
        let Some(doc) = nodes
            .get("nodes")
            .and_then(|n| n.get(node_id))
            .and_then(|n| n.get("document"))
        else {
            out.warnings.push(format!(
                "style `{name}`: its node `{node_id}` was not returned; skipped"
            ));
            continue;
        };
        let (ty, value): (&'static str, Option<Value>) = match s.get("style_type").and_then(Value::as_str) {
            Some("FILL") => (
                "color",
                doc.get("fills")
                    .and_then(Value::as_array)
                    .and_then(|f| f.iter().find_map(paint_color)),
            ),
            Some("TEXT") => ("typography", doc.get("style").and_then(|st| {
                let size = st.get("fontSize").and_then(Value::as_f64)?;
                let line = st
                    .get("lineHeightPx")
                    .and_then(Value::as_f64)
                    .map_or(1.2, |lh| (lh / size * 100.0).round() / 100.0);
                Some(serde_json::json!({
                    "fontFamily": st.get("fontFamily").and_then(Value::as_str).unwrap_or("sans-serif"),
                    "fontSize": px(size),
                    "fontWeight": st.get("fontWeight").and_then(Value::as_f64).map_or(Value::from(400), trim),
                    "letterSpacing": px(st.get("letterSpacing").and_then(Value::as_f64).unwrap_or(0.0)),
                    "lineHeight": trim(line),
                }))
            })),
            Some("EFFECT") => {
                let layers: Vec<Value> = doc
                    .get("effects")
                    .and_then(Value::as_array)
                    .map(|effects| {
                        effects
                            .iter()
                            .filter(|e| e.get("visible").and_then(Value::as_bool) != Some(false))
                            .filter_map(|e| {
                                let kind = e.get("type").and_then(Value::as_str)?;
                                if kind != "DROP_SHADOW" && kind != "INNER_SHADOW" {
                                    return None;
                                }
                                let off = e.get("offset");
                                let mut layer = serde_json::json!({
                                    "color": color(e.get("color")?)?,
                                    "offsetX": px(off.and_then(|o| o.get("x")).and_then(Value::as_f64).unwrap_or(0.0)),
                                    "offsetY": px(off.and_then(|o| o.get("y")).and_then(Value::as_f64).unwrap_or(0.0)),
                                    "blur": px(e.get("radius").and_then(Value::as_f64).unwrap_or(0.0)),
                                    "spread": px(e.get("spread").and_then(Value::as_f64).unwrap_or(0.0)),
                                });
                                if kind == "INNER_SHADOW" {
                                    layer["inset"] = Value::Bool(true);
                                }
                                Some(layer)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let value = match layers.len() {
                    0 => None,
                    1 => layers.into_iter().next(),
                    _ => Some(Value::Array(layers)),
                };
                ("shadow", value)
            }
            other => {
                out.warnings.push(format!(
                    "style `{name}` ({}) has no DTCG type and was skipped",
                    other.unwrap_or("?")
                ));
                continue;
            }
        };
        let Some(value) = value else {
            out.warnings.push(format!("style `{name}` has nothing opends can read (e.g. a gradient or image fill); skipped"));
            continue;
        };
        out.tokens.push(MappedToken {
            path: token_path(name),
            ty,
            value,
            modes: Vec::new(),
            description: s
                .get("description")
                .and_then(Value::as_str)
                .filter(|d| !d.is_empty())
                .map(str::to_string),
            origin: format!("style `{name}` ({node_id})"),
            extensions: serde_json::json!({"com.figma": {"styleKey": s.get("key").cloned().unwrap_or(Value::Null), "nodeId": node_id}}),
        });
    }
    out
}

/// Fetches a Figma file: its variables (or, when the plan refuses them, its published
/// styles) as DTCG documents, one per mode after the first, and its components as draft
/// specs. `None` when the file's version is still `known` (unless `force`).
pub fn fetch(
    http: &Http,
    base: &str,
    source: &SourceConfig,
    credential: &Credential,
    known: Option<&str>,
    force: bool,
) -> Result<Option<Fetched>, FetchError> {
    let failed = |e| FetchError::http(e, source);
    let file = &source.file;
    let version = self::version(http, base, file, credential).map_err(failed)?;
    if !force && known == Some(version.as_str()) {
        return Ok(None);
    }
    let mapped = match local_variables(http, base, file, credential) {
        Ok(vars) => map_variables(&vars),
        // The token worked for the file itself: a 403 here is the plan (variables
        // need Figma Enterprise). Published styles are the next best thing.
        Err(HttpError::Unauthorized { status: 403, .. }) => {
            let styles = self::styles(http, base, file, credential).map_err(failed)?;
            let ids: Vec<String> = styles
                .get("meta")
                .and_then(|m| m.get("styles"))
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.get("node_id")?.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let nodes = self::nodes(http, base, file, &ids, credential).map_err(failed)?;
            let mut m = map_styles(&styles, &nodes);
            m.warnings.insert(
                0,
                "Figma refused the file's variables (they need an Enterprise plan); read its published styles instead".into(),
            );
            m
        }
        Err(e) => return Err(failed(e)),
    };
    let input = documents(&mapped, &source.set_name())?;
    let mut warnings = mapped.warnings;
    let components = match self::components(http, base, file, credential) {
        Ok((c, sets)) => {
            let (specs, w) = map_components(&c, &sets);
            warnings.extend(w);
            specs
        }
        Err(e) => {
            warnings.push(format!("components were not read: {e}"));
            Vec::new()
        }
    };
    Ok(Some(Fetched {
        input,
        version,
        warnings,
        components,
    }))
}

/// The mapped tokens as set `set`: one base document, and for every mode key but a
/// default (the first plain mode, each axis' first context) a document of the values
/// that differ in it. A finding names the variable or style the token came from.
pub fn documents(mapped: &Mapped, set: &str) -> Result<Input, FetchError> {
    let mut base = Builder::new();
    let mut modes: Vec<(String, Builder)> = mapped
        .modes
        .iter()
        .map(|m| (m.clone(), Builder::new()))
        .collect();
    for t in &mapped.tokens {
        let origin = format!("{set} ({})", t.origin);
        let mut node = Map::new();
        node.insert("$type".into(), Value::String(t.ty.into()));
        node.insert("$value".into(), t.value.clone());
        if let Some(d) = &t.description {
            node.insert("$description".into(), Value::String(d.clone()));
        }
        node.insert("$extensions".into(), t.extensions.clone());
        let label = base.label(origin.clone());
        base.insert(&t.path, node, label);
        for (m, v) in &t.modes {
            if let Some((_, doc)) = modes.iter_mut().find(|(n, _)| n == m) {
                let mut o = Map::new();
                o.insert("$type".into(), Value::String(t.ty.into()));
                o.insert("$value".into(), v.clone());
                let label = doc.label(origin.clone());
                doc.insert(&t.path, o, label);
            }
        }
    }
    let mut findings = Findings::default();
    let mut input = Input::default();
    input.base.push(base.read(set, &mut findings));
    let axes = theme::axes_of(&mapped.modes);
    let is_default = |key: &str| {
        theme::key_parts(key).next().is_some_and(|(axis, ctx)| {
            axes.iter()
                .any(|a| a.name == axis && a.default_context() == ctx)
        })
    };
    for (m, d) in modes {
        // A default mode's values are the base values.
        let docs = if is_default(&m) {
            Vec::new()
        } else {
            vec![d.read(set, &mut findings)]
        };
        input.modes.push((m, docs));
    }
    if findings.has_errors() {
        return Err(FetchError::InvalidVariables(error_lines(findings)));
    }
    Ok(input)
}

/// `GET /v1/files/:key/components` and `/component_sets`.
pub fn components(
    http: &Http,
    base: &str,
    key: &str,
    credential: &Credential,
) -> Result<(Value, Value), HttpError> {
    let base = base.trim_end_matches('/');
    let c_url = format!("{base}/v1/files/{key}/components");
    let s_url = format!("{base}/v1/files/{key}/component_sets");
    let components = http.json("the file's components", |c| {
        c.get(&c_url).header("X-Figma-Token", credential.secret())
    })?;
    let sets = http.json("the file's component sets", |c| {
        c.get(&s_url).header("X-Figma-Token", credential.secret())
    })?;
    Ok((components, sets))
}

/// Maps published components to draft component specs: a component set becomes one
/// component whose variant properties (`Variant=Primary, Size=md`) become enum props and
/// whose members become variants; a component outside a set becomes a component with
/// no props. Descriptions are kept; styles are left for a person to bind to tokens.
pub fn map_components(
    components: &Value,
    sets: &Value,
) -> (Vec<crate::model::Component>, Vec<String>) {
    use crate::model::component::{Literal, Prop, PropType, Slot, Variant};
    let mut warnings = Vec::new();
    let list = |v: &Value, key: &str| -> Vec<Value> {
        v.get("meta")
            .and_then(|m| m.get(key))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let set_list = list(sets, "component_sets");
    let comp_list = list(components, "components");
    let mut out = Vec::new();
    let base_spec = |name: &str, description: Option<String>| crate::model::Component {
        name: name.to_string(),
        description,
        category: "figma".into(),
        status: crate::model::Status::Draft,
        element: "div".into(),
        props: Vec::new(),
        slots: vec![Slot {
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
        keyframes: indexmap::IndexMap::new(),
        backdrop: indexmap::IndexMap::new(),
    };
    for set in &set_list {
        let name = set.get("name").and_then(Value::as_str).unwrap_or_default();
        let node = set
            .get("node_id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let description = set
            .get("description")
            .and_then(Value::as_str)
            .filter(|d| !d.is_empty())
            .map(str::to_string);
        let mut spec = base_spec(name, description);
        let members = comp_list.iter().filter(|c| {
            c.get("containing_frame")
                .and_then(|f| f.get("containingComponentSet"))
                .and_then(|s| s.get("nodeId"))
                .and_then(Value::as_str)
                == Some(node)
        });
        for m in members {
            let label = m.get("name").and_then(Value::as_str).unwrap_or_default();
            let mut when = indexmap::IndexMap::new();
            for pair in label.split(',') {
                let Some((k, v)) = pair.split_once('=') else {
                    continue;
                };
                let (k, v) = (k.trim(), v.trim());
                let prop_name =
                    crate::export::naming::name(k, None, crate::export::NameCase::Camel);
                let value = crate::export::naming::name(v, None, crate::export::NameCase::Kebab);
                match spec.props.iter_mut().find(|p| p.name == prop_name) {
                    Some(p) => {
                        if !p.values.contains(&value) {
                            p.values.push(value.clone());
                        }
                    }
                    None => spec.props.push(Prop {
                        name: prop_name.clone(),
                        ty: PropType::Enum,
                        values: vec![value.clone()],
                        default: Some(Literal::String(value.clone())),
                        required: false,
                        description: Some(format!("Figma variant property `{k}`")),
                        item: indexmap::IndexMap::default(),
                    }),
                }
                when.insert(prop_name, Literal::String(value));
            }
            if when.is_empty() {
                continue;
            }
            let vname: Vec<String> = when
                .values()
                .map(|v| match v {
                    Literal::String(s) => s.clone(),
                    _ => String::new(),
                })
                .collect();
            spec.variants.push(Variant {
                name: vname.join("-"),
                when,
                styles: indexmap::IndexMap::new(),
                states: indexmap::IndexMap::new(),
            });
        }
        out.push(spec);
    }
    for c in &comp_list {
        let in_set = c
            .get("containing_frame")
            .and_then(|f| f.get("containingComponentSet"))
            .is_some_and(|s| !s.is_null());
        if in_set {
            continue;
        }
        let name = c.get("name").and_then(Value::as_str).unwrap_or_default();
        let description = c
            .get("description")
            .and_then(Value::as_str)
            .filter(|d| !d.is_empty())
            .map(str::to_string);
        out.push(base_spec(name, description));
    }
    // Keep only specs whose names can become code; say why others were left out.
    out.retain(
        |spec| match crate::components::ident::component_name(&spec.name) {
            Ok(_) => true,
            Err(m) => {
                warnings.push(format!("component `{}` skipped: {m}", spec.name));
                false
            }
        },
    );
    (out, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_become_paths() {
        assert_eq!(token_path("Color/Primary/500"), "color.primary.500");
        assert_eq!(token_path("Space / 4 x.5"), "space.4-x-5");
    }

    #[test]
    fn variables_map_to_tokens_with_modes_and_aliases() {
        let response = json!({"status": 200, "error": false, "meta": {
            "variableCollections": {
                "C:1": {"id": "C:1", "name": "Primitives", "modes": [{"modeId": "1:0", "name": "Value"}], "defaultModeId": "1:0"},
                "C:2": {"id": "C:2", "name": "Semantic", "modes": [{"modeId": "2:0", "name": "Light"}, {"modeId": "2:1", "name": "Dark"}], "defaultModeId": "2:0"}
            },
            "variables": {
                "V:1": {"id": "V:1", "name": "Color/Blue/500", "variableCollectionId": "C:1", "resolvedType": "COLOR",
                        "valuesByMode": {"1:0": {"r": 0.2, "g": 0.4, "b": 0.8, "a": 1}}, "scopes": ["ALL_SCOPES"], "description": "brand"},
                "V:2": {"id": "V:2", "name": "Color/Gray/900", "variableCollectionId": "C:1", "resolvedType": "COLOR",
                        "valuesByMode": {"1:0": {"r": 0.1, "g": 0.1, "b": 0.1, "a": 1}}, "scopes": ["ALL_SCOPES"]},
                "V:3": {"id": "V:3", "name": "Bg/Default", "variableCollectionId": "C:2", "resolvedType": "COLOR",
                        "valuesByMode": {"2:0": {"type": "VARIABLE_ALIAS", "id": "V:1"}, "2:1": {"type": "VARIABLE_ALIAS", "id": "V:2"}}, "scopes": ["FRAME_FILL"]},
                "V:4": {"id": "V:4", "name": "Radius/md", "variableCollectionId": "C:1", "resolvedType": "FLOAT",
                        "valuesByMode": {"1:0": 6}, "scopes": ["CORNER_RADIUS"]},
                "V:5": {"id": "V:5", "name": "Weight/Bold", "variableCollectionId": "C:1", "resolvedType": "FLOAT",
                        "valuesByMode": {"1:0": 700}, "scopes": ["FONT_WEIGHT"]},
                "V:6": {"id": "V:6", "name": "Flag", "variableCollectionId": "C:1", "resolvedType": "BOOLEAN",
                        "valuesByMode": {"1:0": true}, "scopes": ["ALL_SCOPES"]}
            }
        }});
        let m = map_variables(&response);
        assert_eq!(m.modes, ["light", "dark"]);
        let by = |p: &str| m.tokens.iter().find(|t| t.path == p).unwrap();
        assert_eq!(by("color.blue.500").value["hex"], json!("#3366cc"));
        assert_eq!(by("bg.default").value, json!("{color.blue.500}"));
        assert_eq!(
            by("bg.default").modes,
            vec![("dark".to_string(), json!("{color.gray.900}"))]
        );
        assert_eq!(by("radius.md").value, json!({"value": 6, "unit": "px"}));
        assert_eq!(by("weight.bold").ty, "fontWeight");
        assert_eq!(m.warnings.len(), 1);
    }

    #[test]
    fn several_collections_with_several_modes_are_axes() {
        let response: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/axes/figma/variables.json"
        ))
        .unwrap();
        let m = map_variables(&response);
        // Collection order; each axis' default mode first.
        assert_eq!(
            m.modes,
            ["theme=light", "theme=dark", "brand=acme", "brand=verde"]
        );
        assert!(m.warnings.is_empty(), "{:?}", m.warnings);
        let by = |p: &str| m.tokens.iter().find(|t| t.path == p).unwrap();
        assert_eq!(
            by("brand.primary").modes,
            vec![("brand=verde".to_string(), json!("{color.green.500}"))]
        );
        assert_eq!(by("text.accent").value, json!("{brand.primary}"));
        assert!(by("color.white").modes.is_empty());
        let input = documents(&m, "figma:f").unwrap();
        let docs: Vec<(&str, usize)> = input
            .modes
            .iter()
            .map(|(k, d)| (k.as_str(), d.len()))
            .collect();
        assert_eq!(
            docs,
            [
                ("theme=light", 0),
                ("theme=dark", 1),
                ("brand=acme", 0),
                ("brand=verde", 1)
            ]
        );
    }

    #[test]
    fn axis_and_context_names_are_safe_and_unique() {
        let response = json!({"meta": {
            "variableCollections": {
                "C:1": {"name": "Brand", "modes": [{"modeId": "1:0", "name": "A=B"}, {"modeId": "1:1", "name": "a,b"}], "defaultModeId": "1:0"},
                "C:2": {"name": "brand", "modes": [{"modeId": "2:0", "name": "X"}, {"modeId": "2:1", "name": "Y"}], "defaultModeId": "2:1"},
                "C:3": {"name": "=", "modes": [{"modeId": "3:0", "name": "On"}, {"modeId": "3:1", "name": "Off"}], "defaultModeId": "3:0"}
            },
            "variables": {}
        }});
        let m = map_variables(&response);
        assert_eq!(
            m.modes,
            [
                "brand=a-b",
                "brand=a-b-2",
                "brand-2=y",
                "brand-2=x",
                "axis=on",
                "axis=off"
            ]
        );
        // One collection with several modes keeps plain modes.
        let one = json!({"meta": {
            "variableCollections": {
                "C:1": {"name": "Theme", "modes": [{"modeId": "1:0", "name": "Light"}, {"modeId": "1:1", "name": "Dark"}], "defaultModeId": "1:1"},
                "C:2": {"name": "Core", "modes": [{"modeId": "2:0", "name": "Value"}], "defaultModeId": "2:0"}
            },
            "variables": {}
        }});
        assert_eq!(map_variables(&one).modes, ["dark", "light"]);
    }

    #[test]
    fn documents_name_the_variable_a_finding_is_about() {
        let token = |path: &str, ty: &'static str, value: Value, origin: &str| MappedToken {
            path: path.into(),
            ty,
            value,
            modes: vec![("dark".into(), json!(2))],
            description: None,
            extensions: json!({}),
            origin: origin.into(),
        };
        let mapped = Mapped {
            tokens: vec![
                token("size.ok", "number", json!(1), "variable `Size/Ok` (V:1)"),
                token(
                    "size.bad",
                    "dimension",
                    json!("wide"),
                    "variable `Size/Bad` (V:2)",
                ),
            ],
            modes: vec!["light".into(), "dark".into()],
            warnings: Vec::new(),
        };
        let err = documents(&mapped, "figma:f").unwrap_err().to_string();
        assert!(
            err.starts_with("the file's variables do not map to valid tokens:\n  "),
            "{err}"
        );
        assert!(
            err.contains("figma:f (variable `Size/Bad` (V:2)): `size.bad`: "),
            "{err}"
        );
        assert!(!err.contains(":1:1"), "{err}");

        let input = documents(
            &Mapped {
                tokens: mapped.tokens[..1].to_vec(),
                ..mapped
            },
            "figma:f",
        )
        .unwrap();
        assert_eq!(input.base.len(), 1);
        assert_eq!(input.base[0].set, "figma:f");
        let modes: Vec<(&str, usize)> = input
            .modes
            .iter()
            .map(|(m, d)| (m.as_str(), d.len()))
            .collect();
        assert_eq!(modes, [("light", 0), ("dark", 1)]);
    }
}
