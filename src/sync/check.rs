//! The one validation path for a whole design-system state: what the team server
//! checks on every write and release, and what the client checks before it writes what
//! it pulled. Neither side ever holds what the other would refuse.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use crate::store::Snapshot;

/// One reason content was refused: a stable code (the CLI's finding codes), what is
/// wrong, and where (`tokens/PATH`, `components/NAME`, `layout`, or a request field).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Problem {
    /// A stable, kebab-case rule name, e.g. `invalid-attribute`.
    pub code: String,
    /// What is wrong.
    pub message: String,
    /// Where: `tokens/PATH`, `components/NAME`, `layout` or a field of the request.
    pub path: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(code: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.to_string(),
            message: message.into(),
            path: path.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} [{}]", self.path, self.message, self.code)
    }
}

/// At most this many problems are listed; the last one then counts the rest.
const MAX_PROBLEMS: usize = 50;

/// The fields of a stored token entry.
const TOKEN_FIELDS: [&str; 9] = [
    "type",
    "inherited",
    "value",
    "modes",
    "description",
    "deprecated",
    "extensions",
    "set",
    "source",
];

/// The fields of a stored component entry.
const COMPONENT_FIELDS: [&str; 3] = ["spec", "source", "review"];

fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}

/// A name (token path segment rules, no control characters) or why not.
fn key_problem(key: &str) -> Option<String> {
    if has_control(key) {
        return Some(format!(
            "`{}` contains a control character",
            key.escape_debug()
        ));
    }
    if let Some(c) = key.chars().find(|&c| crate::escape::is_bidi(c)) {
        return Some(format!(
            "`{}` contains the bidi control {}",
            key.escape_debug(),
            c.escape_unicode()
        ));
    }
    crate::tokens::dtcg::name_problem_path(key)
}

fn string_field(
    p: &mut Vec<Problem>,
    m: &serde_json::Map<String, Value>,
    field: &str,
    at: &str,
    nullable: bool,
) {
    match m.get(field) {
        None | Some(Value::String(_)) => {}
        Some(Value::Null) if nullable => {}
        Some(other) => p.push(Problem::new(
            "invalid-field",
            at,
            format!("`{field}` must be a string, not `{other}`"),
        )),
    }
}

fn check_value_at(
    p: &mut Vec<Problem>,
    ty: crate::model::TokenType,
    v: &Value,
    at: &str,
    what: &str,
) {
    for problem in crate::tokens::value::check_value(ty, v).problems {
        p.push(Problem::new(
            problem.code,
            at,
            format!("{what}: {}", problem.message),
        ));
    }
}

/// The layout's declared modes, checking its shape.
fn check_layout(layout: &str, p: &mut Vec<Problem>) -> Vec<String> {
    let Ok(Value::Object(m)) = serde_json::from_str::<Value>(layout) else {
        p.push(Problem::new(
            "invalid-layout",
            "layout",
            "the layout must be a JSON object with `modes`, `groups`, `tokens` and `components`",
        ));
        return Vec::new();
    };
    let mut modes = Vec::new();
    for (k, v) in &m {
        match (k.as_str(), v) {
            ("modes", Value::Array(items)) => {
                for item in items {
                    let Some(name) = item.as_str() else {
                        p.push(Problem::new(
                            "invalid-layout",
                            "layout/modes",
                            format!("a mode is a name (a string), not `{item}`"),
                        ));
                        continue;
                    };
                    if let Some(why) = key_problem(name) {
                        p.push(Problem::new("invalid-mode", "layout/modes", why));
                    } else if modes.iter().any(|m| m == name) {
                        p.push(Problem::new(
                            "duplicate-name",
                            "layout/modes",
                            format!("mode `{name}` is declared twice"),
                        ));
                    } else {
                        modes.push(name.to_string());
                    }
                }
            }
            ("groups", Value::Array(items)) => {
                let mut seen = std::collections::HashSet::new();
                for g in items {
                    match g.get("path").and_then(Value::as_str) {
                        Some(path) => {
                            if let Some(why) = key_problem(path) {
                                p.push(Problem::new("invalid-name", "layout/groups", why));
                            } else if !seen.insert(path) {
                                p.push(Problem::new(
                                    "duplicate-name",
                                    "layout/groups",
                                    format!("group `{path}` is listed twice"),
                                ));
                            }
                        }
                        None => p.push(Problem::new(
                            "invalid-layout",
                            "layout/groups",
                            "every group needs a `path` (a string)",
                        )),
                    }
                }
            }
            ("tokens" | "components", Value::Array(items))
                if items.iter().all(Value::is_string) => {}
            ("modes" | "groups" | "tokens" | "components", other) => p.push(Problem::new(
                "invalid-layout",
                format!("layout/{k}"),
                format!("`{k}` must be a list, not `{other}`"),
            )),
            _ => p.push(Problem::new(
                "invalid-layout",
                format!("layout/{k}"),
                format!("unknown layout field `{k}`: expected modes, groups, tokens, components"),
            )),
        }
    }
    modes
}

/// Checks one token entry the way the CLI checks a token it reads: its path, its type,
/// its value and every mode value against the type, and only declared modes.
fn check_token(path: &str, entry: &str, modes: &[String], p: &mut Vec<Problem>) {
    let at = format!("tokens/{path}");
    if let Some(why) = key_problem(path) {
        p.push(Problem::new("invalid-name", &at, why));
    }
    let Ok(Value::Object(m)) = serde_json::from_str::<Value>(entry) else {
        p.push(Problem::new(
            "invalid-token",
            &at,
            "a token entry must be a JSON object with `type` and `value`",
        ));
        return;
    };
    for k in m.keys() {
        if !TOKEN_FIELDS.contains(&k.as_str()) {
            p.push(Problem::new(
                "invalid-token",
                &at,
                format!("unknown field `{k}`: expected {}", TOKEN_FIELDS.join(", ")),
            ));
        }
    }
    for f in ["description", "set", "source"] {
        string_field(p, &m, f, &at, false);
    }
    if let Some(why) = m
        .get("set")
        .and_then(Value::as_str)
        .and_then(crate::input::set_name_problem)
    {
        p.push(Problem::new("invalid-name", &at, why));
    }
    if !matches!(m.get("inherited"), None | Some(Value::Bool(_))) {
        p.push(Problem::new(
            "invalid-field",
            &at,
            "`inherited` must be true or false",
        ));
    }
    if !matches!(
        m.get("deprecated"),
        None | Some(Value::Bool(_) | Value::String(_))
    ) {
        p.push(Problem::new(
            "invalid-field",
            &at,
            "`deprecated` must be true, false or a string (the reason)",
        ));
    }
    if !matches!(m.get("extensions"), None | Some(Value::Object(_))) {
        p.push(Problem::new(
            "invalid-field",
            &at,
            "`extensions` must be an object",
        ));
    }
    let ty = if let Some(Value::String(t)) = m.get("type") {
        t.parse::<crate::model::TokenType>()
            .map_err(|e| p.push(Problem::new("invalid-type", &at, e)))
            .ok()
    } else {
        p.push(Problem::new(
            "invalid-type",
            &at,
            "`type` is required (a string such as `color`)",
        ));
        None
    };
    let value = m.get("value").filter(|v| !v.is_null());
    if value.is_none() {
        p.push(Problem::new("invalid-value", &at, "`value` is required"));
    }
    if let (Some(ty), Some(v)) = (ty, value) {
        check_value_at(p, ty, v, &at, &format!("invalid {ty} value"));
    }
    match m.get("modes") {
        None => {}
        Some(Value::Array(pairs)) => {
            let mut seen = std::collections::HashSet::new();
            for pair in pairs {
                let Some([Value::String(mode), v]) = pair.as_array().map(Vec::as_slice) else {
                    p.push(Problem::new(
                        "invalid-field",
                        &at,
                        format!("a mode value is a pair `[mode, value]`, not `{pair}`"),
                    ));
                    continue;
                };
                if !modes.iter().any(|m| m == mode) {
                    p.push(Problem::new(
                        "unknown-mode",
                        &at,
                        format!(
                            "a value for mode `{}`, which the layout does not declare (modes: {})",
                            mode.escape_debug(),
                            if modes.is_empty() {
                                "none declared".to_string()
                            } else {
                                modes.join(", ")
                            }
                        ),
                    ));
                } else if !seen.insert(mode.as_str()) {
                    p.push(Problem::new(
                        "duplicate-name",
                        &at,
                        format!("two values for mode `{mode}`"),
                    ));
                }
                if let Some(ty) = ty {
                    check_value_at(
                        p,
                        ty,
                        v,
                        &at,
                        &format!("invalid {ty} value in mode `{}`", mode.escape_debug()),
                    );
                }
            }
        }
        Some(other) => p.push(Problem::new(
            "invalid-field",
            &at,
            format!("`modes` must be a list of `[mode, value]` pairs, not `{other}`"),
        )),
    }
}

/// Checks one component entry's shape; the spec itself is checked once tokens are linked.
fn component_spec(
    name: &str,
    entry: &str,
    p: &mut Vec<Problem>,
) -> Option<crate::model::Component> {
    let at = format!("components/{name}");
    let Ok(Value::Object(m)) = serde_json::from_str::<Value>(entry) else {
        p.push(Problem::new(
            "invalid-component",
            &at,
            "a component entry must be a JSON object with `spec`",
        ));
        return None;
    };
    for k in m.keys() {
        if !COMPONENT_FIELDS.contains(&k.as_str()) {
            p.push(Problem::new(
                "invalid-component",
                &at,
                format!(
                    "unknown field `{k}`: expected {}",
                    COMPONENT_FIELDS.join(", ")
                ),
            ));
        }
    }
    string_field(p, &m, "source", &at, true);
    match m.get("review") {
        None | Some(Value::Null) => {}
        Some(Value::Object(r)) => {
            for (k, v) in r {
                if !matches!(k.as_str(), "by" | "at" | "reason") {
                    p.push(Problem::new(
                        "invalid-component",
                        &at,
                        format!("unknown review field `{k}`: expected by, at, reason"),
                    ));
                } else if !(v.is_string() || v.is_null()) {
                    p.push(Problem::new(
                        "invalid-field",
                        &at,
                        format!("review `{k}` must be a string"),
                    ));
                }
            }
        }
        Some(_) => p.push(Problem::new(
            "invalid-field",
            &at,
            "`review` must be an object (`by`, `at`, `reason`)",
        )),
    }
    let spec = match serde_json::from_value::<crate::model::Component>(
        m.get("spec").cloned().unwrap_or(Value::Null),
    ) {
        Ok(spec) => spec,
        Err(e) => {
            p.push(Problem::new(
                "invalid-component",
                &at,
                format!("`spec`: {e}"),
            ));
            return None;
        }
    };
    if spec.name != name {
        p.push(Problem::new(
            "invalid-component",
            &at,
            format!(
                "the spec is named `{}`, but the entry is `{name}`",
                spec.name
            ),
        ));
    }
    Some(spec)
}

/// Checks a whole state (the layout and the entries of tokens and components) with the
/// checks `opends` applies to what it reads: token paths, types and values (also per
/// mode, and only for declared modes), references and cycles, and every component spec
/// as `components import` checks it (safe names, element and attribute allow-lists,
/// style values, token references). The server runs it on every write and release, the
/// client on what it pulls, so neither ever holds what the other would refuse.
#[allow(clippy::implicit_hasher)] // entries come from `snapshot` and JSON maps: std maps
pub fn check_state(
    layout: &str,
    tokens: &HashMap<String, String>,
    components: &HashMap<String, String>,
) -> Result<Snapshot, Vec<Problem>> {
    let mut p = Vec::new();
    let modes = check_layout(layout, &mut p);
    let layout_ok = p.is_empty();
    let mut token_keys: Vec<&String> = tokens.keys().collect();
    token_keys.sort();
    let mut good_tokens = HashMap::new();
    for path in token_keys {
        let before = p.len();
        check_token(path, &tokens[path], &modes, &mut p);
        if p.len() == before {
            good_tokens.insert(path.clone(), tokens[path].clone());
        }
    }
    let tokens_ok = p.is_empty();
    let mut names: Vec<&String> = components.keys().collect();
    names.sort();
    let mut specs = Vec::new();
    for name in names {
        if let Some(spec) = component_spec(name, &components[name], &mut p) {
            specs.push(spec);
        }
    }
    // Link what passed on its own, so that components are checked (and every problem
    // listed) even when some entries are bad.
    let default_layout;
    let layout = if layout_ok {
        layout
    } else {
        default_layout = Snapshot::default().to_parts().0;
        &default_layout
    };
    let snap = match Snapshot::decode(layout, &good_tokens, &HashMap::new()) {
        Ok(s) => s,
        Err(e) => {
            p.push(Problem::new("invalid-state", "state", e.to_string()));
            return Err(capped(p));
        }
    };
    let mut findings = crate::tokens::Findings::default();
    let input = crate::tokens::link::documents_from(&snap.tokens, |_| true);
    let linked = crate::tokens::link::link(input, &mut findings);
    for f in findings.iter().filter(|f| f.is_error()) {
        p.push(Problem::new(
            f.code,
            format!("tokens/{}", f.path.as_deref().unwrap_or_default()),
            f.message.clone(),
        ));
    }
    let mut idents: HashMap<String, &str> = HashMap::new();
    for spec in &specs {
        let at = format!("components/{}", spec.name);
        for f in crate::components::check(spec, &linked, &at, "").iter() {
            // A reference to a token refused above is not a second problem.
            if f.is_error() && (tokens_ok || f.code != "unknown-token") {
                p.push(Problem::new(f.code, &at, f.message.clone()));
            }
        }
        if let Ok(ident) = crate::components::ident::component_name(&spec.name) {
            if let Some(other) = idents.insert(ident.clone(), &spec.name) {
                p.push(Problem::new(
                    "duplicate-name",
                    &at,
                    format!(
                        "components `{other}` and `{}` both become `{ident}` in code",
                        spec.name
                    ),
                ));
            }
        }
    }
    if !p.is_empty() {
        return Err(capped(p));
    }
    Snapshot::decode(layout, tokens, components)
        .map_err(|e| vec![Problem::new("invalid-state", "state", e.to_string())])
}

fn capped(mut p: Vec<Problem>) -> Vec<Problem> {
    if p.len() > MAX_PROBLEMS {
        let more = p.len() - (MAX_PROBLEMS - 1);
        p.truncate(MAX_PROBLEMS - 1);
        p.push(Problem::new(
            "more-problems",
            "state",
            format!("{more} more problems are not listed"),
        ));
    }
    p
}

/// A snapshot from its JSON, checked like every write ([`check_state`]).
pub fn checked_snapshot_from_json(v: &Value) -> Result<Snapshot, Vec<Problem>> {
    let layout = v.get("layout").map(Value::to_string).unwrap_or_default();
    let entries = |key: &str| -> HashMap<String, String> {
        v.get(key)
            .and_then(Value::as_object)
            .map(|m| m.iter().map(|(k, e)| (k.clone(), e.to_string())).collect())
            .unwrap_or_default()
    };
    check_state(&layout, &entries("tokens"), &entries("components"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(layout: &str, tokens: &[(&str, &str)]) -> Result<Snapshot, Vec<Problem>> {
        let t = tokens
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        check_state(layout, &t, &HashMap::new())
    }

    #[test]
    fn a_value_for_an_undeclared_mode_is_a_problem() {
        let p = state(
            r#"{"modes":["light","dark"],"groups":[],"tokens":[],"components":[]}"#,
            &[(
                "color.brand",
                r#"{"type":"color","value":{"colorSpace":"srgb","components":[0,0.4,0.8]},"modes":[["sepia",{"colorSpace":"srgb","components":[1,0,0]}]]}"#,
            )],
        )
        .expect_err("refused");
        assert_eq!(p[0].code, "unknown-mode", "{p:?}");
    }
}
