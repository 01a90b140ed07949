//! Penpot's RPC API (`POST /api/rpc/command/<name>`, `Authorization: Token <token>`,
//! JSON instead of transit via `Accept: application/json`).

use serde_json::Value;

use super::document::{self, Builder};
use super::figma::{Profile, unique};
use super::http::{Http, HttpError};
use super::{FetchError, Fetched, SourceConfig, error_lines};
use crate::credentials::Credential;
use crate::model::theme;
use crate::tokens::Findings;
use crate::tokens::link::{Input, SetDocument};

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

/// Fetches a Penpot file: its tokens library (sets; themes as modes, or as theme axes
/// when they are in several groups) and its library
/// colours and typographies as DTCG documents, and its components as draft specs.
/// `None` when the file's version is still `known` (unless `force`).
pub fn fetch(
    http: &Http,
    base: &str,
    source: &SourceConfig,
    credential: &Credential,
    known: Option<&str>,
    force: bool,
) -> Result<Option<Fetched>, FetchError> {
    let file =
        get_file(http, base, &source.file, credential).map_err(|e| FetchError::http(e, source))?;
    let version = self::version(&file);
    if !force && known == Some(version.as_str()) {
        return Ok(None);
    }
    let (input, warnings) = documents(&file, &source.set_name())?;
    Ok(Some(Fetched {
        input,
        version,
        warnings,
        components: components(&file),
    }))
}

/// The file's tokens as set `set`: the tokens library's sets and themes (modes; one
/// theme axis per group when there are several groups, see [`theme_axes`]), after
/// the library colours and typographies (a token of the same path in the tokens
/// library wins). A finding names the token set or library item it is about.
pub fn documents(file: &Value, set: &str) -> Result<(Input, Vec<String>), FetchError> {
    let mut studio = tokens_root(file);
    let axes = theme_axes(&studio);
    if axes.is_some() {
        // The sets are read on their own; the axes say where each applies.
        studio["$themes"] = Value::Array(Vec::new());
    }
    let (root, labels) = document::labelled_members(&studio, |name| {
        (!name.starts_with('$')).then(|| format!("{set} (token set `{name}`)"))
    });
    let src = crate::tokens::dtcg::Source::labelled(set, labels);
    let mut findings = Findings::default();
    let mut input = crate::tokens::studio::studio_input(&root, &src, set, &mut findings);
    if let Some(axes) = &axes {
        input = axes_input(input, axes);
    }
    for d in input
        .base
        .iter_mut()
        .chain(input.modes.iter_mut().flat_map(|(_, d)| d.iter_mut()))
    {
        d.set = set.to_string();
        d.source = Some(set.to_string());
    }
    if findings.has_errors() {
        return Err(FetchError::InvalidTokens(error_lines(findings)));
    }
    let mut warnings: Vec<String> = findings
        .iter()
        .filter(|f| !f.is_error() && f.code != "legacy-format")
        .map(|f| f.message.clone())
        .collect();
    let (library, library_warnings) = library_tokens(file, set);
    warnings.extend(library_warnings);
    let mut library_findings = Findings::default();
    let library_doc = library.read(set, &mut library_findings);
    if library_findings.has_errors() {
        warnings.extend(
            library_findings
                .iter()
                .filter(|f| f.is_error())
                .map(|f| format!("library item skipped: {f}")),
        );
    } else {
        input.base.insert(0, library_doc);
    }
    Ok((input, warnings))
}

/// One theme group as an axis: its slugged name and its themes as (slugged context,
/// enabled sets), the first theme being the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeAxis {
    /// The axis name (the group's name, slugged; `theme` for themes without a group).
    pub name: String,
    /// Each theme's context name and the sets it enables (`enabled` or `source`).
    pub contexts: Vec<(String, Vec<String>)>,
}

/// The theme groups of a tokens library as axes, in the order the groups first appear;
/// `None` when the themes are in fewer than two groups (plain modes, read as Tokens
/// Studio themes are). Names are slugged like mode names (so they never hold `=` or
/// `,`) and made unique.
pub fn theme_axes(studio: &Value) -> Option<Vec<ThemeAxis>> {
    let themes = studio.get("$themes").and_then(Value::as_array)?;
    let mut groups: Vec<(String, Vec<&Value>)> = Vec::new();
    for t in themes {
        let g = t.get("group").and_then(Value::as_str).unwrap_or_default();
        match groups.iter_mut().find(|(n, _)| n == g) {
            Some((_, list)) => list.push(t),
            None => groups.push((g.to_string(), vec![t])),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    let slug = crate::tokens::studio::mode_slug;
    let mut axes: Vec<ThemeAxis> = Vec::new();
    for (group, list) in groups {
        let taken: Vec<String> = axes.iter().map(|a| a.name.clone()).collect();
        let name = unique(&taken, slug(&group), "theme");
        let mut contexts: Vec<(String, Vec<String>)> = Vec::new();
        for t in list {
            let taken: Vec<String> = contexts.iter().map(|(c, _)| c.clone()).collect();
            let context = unique(
                &taken,
                slug(t.get("name").and_then(Value::as_str).unwrap_or_default()),
                "theme",
            );
            let sets = t
                .get("selectedTokenSets")
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .filter(|(_, v)| matches!(v.as_str(), Some("enabled" | "source")))
                        .map(|(k, _)| k.clone())
                        .collect()
                })
                .unwrap_or_default();
            contexts.push((context, sets));
        }
        axes.push(ThemeAxis { name, contexts });
    }
    Some(axes)
}

/// Arranges the sets of `read` (one base document per set, in set order) by `axes`: the
/// base is every set a group's first theme enables; each theme is the key
/// `group=theme` whose documents are the sets it enables that not every theme of its
/// group enables (a default theme's sets are base values and that key's documents, so
/// the resolution order holds where groups set the same token). Sets no theme enables
/// are left out, as with plain modes.
fn axes_input(read: Input, axes: &[ThemeAxis]) -> Input {
    let docs = read.base;
    let of = |name: &str| -> Vec<SetDocument> {
        docs.iter()
            .filter(|d| d.set == name)
            .map(|d| SetDocument {
                set: d.set.clone(),
                source: d.source.clone(),
                doc: crate::tokens::dtcg::Document {
                    tokens: d.doc.tokens.clone(),
                    groups: d.doc.groups.clone(),
                    extends: d.doc.extends.clone(),
                },
            })
            .collect()
    };
    let defaults: Vec<&String> = axes
        .iter()
        .filter_map(|a| a.contexts.first())
        .flat_map(|(_, sets)| sets)
        .collect();
    let mut input = Input {
        mode_only_tokens: true,
        ..Input::default()
    };
    for d in &docs {
        if defaults.contains(&&d.set) {
            input.base.extend(of(&d.set));
        }
    }
    for axis in axes {
        let everywhere = |set: &String| axis.contexts.iter().all(|(_, s)| s.contains(set));
        for (context, sets) in &axis.contexts {
            let key = theme::key_of([(axis.name.as_str(), context.as_str())]);
            // In set order, like the base.
            let mine: Vec<SetDocument> = docs
                .iter()
                .filter(|d| sets.contains(&d.set) && !everywhere(&d.set))
                .flat_map(|d| of(&d.set))
                .collect();
            input.modes.push((key, mine));
        }
    }
    input
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

/// The file's library colours and typographies as a DTCG document of set `set`: paths
/// from each item's `path` and `name` (`Neutral / Overlay` + `Scrim` ->
/// `neutral.overlay.scrim`), colours with their opacity as alpha, typographies from
/// their string fields.
pub fn library_tokens(file: &Value, set: &str) -> (Builder, Vec<String>) {
    let data = file.get("data").unwrap_or(file);
    let mut root = Builder::new();
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
            let Some((rgb, _)) = crate::color::parse_css_color(hex) else {
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
            let path = path_of(c);
            let label = root.label(format!("{set} (library colour `{path}`)"));
            root.insert(&path, token("color", value), label);
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
            let path = path_of(t);
            let label = root.label(format!("{set} (library typography `{path}`)"));
            root.insert(&path, token("typography", value), label);
        }
    }
    (root, warnings)
}

/// A token of type `ty` with `value`.
fn token(ty: &str, value: Value) -> serde_json::Map<String, Value> {
    let mut t = serde_json::Map::new();
    t.insert("$type".into(), Value::String(ty.into()));
    t.insert("$value".into(), value);
    t
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
                keyframes: indexmap::IndexMap::new(),
                backdrop: indexmap::IndexMap::new(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn theme_groups_become_axes_and_one_group_stays_plain_modes() {
        let file: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/axes/penpot/file.json"))
                .unwrap();
        let axes = theme_axes(&tokens_root(&file)).unwrap();
        let names: Vec<&str> = axes.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["mode", "brand"]);
        assert_eq!(axes[1].contexts[1], ("verde".into(), vec!["verde".into()]));
        let (input, warnings) = documents(&file, "penpot:p").unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let keys: Vec<(&str, usize)> = input
            .modes
            .iter()
            .map(|(k, d)| (k.as_str(), d.len()))
            .collect();
        // `core` is in every theme of `Mode`: base only; a brand's set is its context's.
        assert_eq!(
            keys,
            [
                ("mode=light", 0),
                ("mode=dark", 1),
                ("brand=acme", 1),
                ("brand=verde", 1)
            ]
        );
        // The library documents (empty here), then `core` and `acme`.
        assert_eq!(input.base.len(), 3);
        assert!(input.mode_only_tokens);
        assert!(
            input
                .base
                .iter()
                .chain(input.modes.iter().flat_map(|(_, d)| d))
                .all(|d| d.set == "penpot:p")
        );

        let plain = json!({"$themes": [
            {"name": "Light", "group": "Mode"}, {"name": "Dark", "group": "Mode"}
        ]});
        assert_eq!(theme_axes(&plain), None);
        let groupless = json!({"$themes": [{"name": "A"}, {"name": "B", "group": "X"}]});
        let axes = theme_axes(&groupless).unwrap();
        assert_eq!(axes[0].name, "theme");
        assert_eq!(axes[1].name, "x");
    }

    #[test]
    fn documents_read_the_library_and_name_the_token_set_of_a_finding() {
        let file = json!({"revn": 3, "data": {
            "tokensLib": {"sets": {
                "core": {"tokens": {"space": {"sm": {"$type": "dimension", "$value": "8px"}}}}
            }, "themes": []},
            "colors": {"c1": {"path": "Brand", "name": "Blue", "color": "#3366CC"}}
        }});
        let (input, warnings) = documents(&file, "penpot:p").unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let paths: Vec<String> = input
            .base
            .iter()
            .flat_map(|d| d.doc.tokens.iter().map(|t| t.path.to_string()))
            .collect();
        assert_eq!(paths, ["brand.blue", "space.sm"]);
        assert!(input.base.iter().all(|d| d.set == "penpot:p"));

        let bad = json!({"data": {"tokensLib": {"sets": {
            "core": {"tokens": {"space": {"sm": {"$type": "dimension", "$value": "{nowhere"}}}}
        }}}});
        let err = documents(&bad, "penpot:p").unwrap_err().to_string();
        assert!(err.starts_with("the file's tokens are invalid:"), "{err}");
        assert!(err.contains("penpot:p (token set `core`)"), "{err}");
    }
}
