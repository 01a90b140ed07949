//! Editing tokens: `opends tokens set`, `rm` and `import` as pure functions from the
//! tokens as they are to the tokens as they will be. Each edit splices the change into
//! the documents the tokens came from and links them again, so references, types and
//! modes are checked as for files.

use anyhow::{Result, bail};
use serde_json::Value;

use super::link::{self, Input, SetDocument, documents_from};
use super::resolve::{Resolver, alias_target, pointer_target, references};
use super::{Findings, dtcg, legacy, value};
use crate::model::{Token, TokenPath, TokenType, Tokens};

/// The error for a path that names no token (or names a group).
pub fn not_found(tokens: &Tokens, path: &str) -> anyhow::Error {
    let prefix = format!("{path}.");
    let children = tokens
        .tokens
        .iter()
        .filter(|t| t.path.as_str().starts_with(&prefix))
        .count();
    if children > 0 {
        crate::hinted(
            format!(
                "`{path}` is a group of {children} token{}, not a token",
                if children == 1 { "" } else { "s" }
            ),
            format!("run `opends tokens list {path}`"),
        )
    } else {
        crate::hinted(
            format!("no token `{path}`"),
            crate::suggest::hint(
                path,
                tokens.tokens.iter().map(|t| t.path.as_str()),
                "run `opends tokens list` to see the token paths",
            ),
        )
    }
}

/// Parses a value given on the command line: JSON, an alias, or a shorthand (a CSS
/// colour for colours, `16px` for dimensions and durations).
pub fn parse_value(text: &str, ty: Option<TokenType>) -> Value {
    let trimmed = text.trim();
    if trimmed.starts_with('{') && trimmed.ends_with('}') && !trimmed.contains(':') {
        return Value::String(trimmed.to_string());
    }
    if let Ok(v) = serde_json::from_str::<Value>(trimmed) {
        return v;
    }
    let short = match ty {
        Some(TokenType::Color) => legacy::parse_css_color(trimmed).map(|(rgb, a)| {
            let mut m = serde_json::json!({"colorSpace": "srgb", "components": rgb.map(|c| (c * 10_000.0).round() / 10_000.0)});
            if a < 1.0 {
                m["alpha"] = serde_json::json!(a);
            }
            m
        }),
        Some(TokenType::Dimension | TokenType::Duration) => {
            let split = trimmed
                .find(|c: char| c.is_ascii_alphabetic())
                .unwrap_or(trimmed.len());
            let (n, unit) = trimmed.split_at(split);
            n.trim().parse::<f64>().ok().map(|n| {
                let n = if n.fract() == 0.0 { serde_json::json!(n as i64) } else { serde_json::json!(n) };
                serde_json::json!({"value": n, "unit": unit})
            })
        }
        _ => None,
    };
    short.unwrap_or_else(|| Value::String(trimmed.to_string()))
}

/// One `opends tokens set`.
#[derive(Debug, Clone, Copy)]
pub struct SetRequest<'a> {
    /// The token's path.
    pub path: &'a str,
    /// The value as typed.
    pub value: &'a str,
    /// Its type (needed for a new token unless the value is an alias).
    pub ty: Option<TokenType>,
    /// The mode whose value is set (`None`: the base value).
    pub mode: Option<&'a str>,
    /// A new description.
    pub description: Option<&'a str>,
}

/// The tokens after a `set`, and the file the token came from (the change lasts until
/// that file is next imported).
#[derive(Debug)]
pub struct SetResult {
    /// Every token afterwards.
    pub tokens: Tokens,
    /// The token's source file, if it has one.
    pub source: Option<String>,
}

/// Sets a token's value (adding the token when new). Problems the change would cause
/// go to `findings` (then it fails).
pub fn set(current: &Tokens, req: &SetRequest<'_>, findings: &mut Findings) -> Result<SetResult> {
    let path = req.path;
    let existing = current.get_str(path).cloned();
    let ty = match (req.ty, &existing) {
        (Some(t), _) => t,
        (None, Some(e)) => e.ty,
        (None, None) => {
            // An alias takes its target's type.
            let v = parse_value(req.value, None);
            if let Some(p) = alias_target(&v) {
                if current.get_str(p).is_none() {
                    return Err(crate::hinted(
                        format!("unknown reference `{{{p}}}`: no token has that path"),
                        crate::suggest::hint(
                            p,
                            current.tokens.iter().map(|t| t.path.as_str()),
                            "run `opends tokens list` to see the token paths",
                        ),
                    ));
                }
            }
            let target = alias_target(&v)
                .and_then(|p| current.get_str(p))
                .map(|t| t.ty);
            target.ok_or_else(|| {
                crate::hinted(
                    format!("`{path}` is a new token: its type is needed"),
                    "add `--type color` (or dimension, number, ...)",
                )
            })?
        }
    };
    let v = parse_value(req.value, Some(ty));
    let checked = value::check_value(ty, &v);
    if let Some(p) = checked.problems.first() {
        bail!("invalid {ty} value for `{path}`: {}", p.message);
    }
    if let Some(m) = req.mode {
        if current.has_named_axes() {
            // A context or a combination of contexts on the axes.
            current.mode_key(m)?;
        } else if !current.modes.iter().any(|k| k == m) {
            bail!(
                "unknown mode `{m}` (modes: {})",
                if current.modes.is_empty() {
                    "none declared".into()
                } else {
                    current.modes.join(", ")
                }
            );
        }
        if existing.is_none() {
            bail!("`{path}` does not exist; set its base value first (without `--mode`)");
        }
    }
    let mut token = existing.unwrap_or_else(|| Token {
        path: TokenPath::new(path.to_string()),
        ty,
        explicit_type: true,
        value: Value::Null,
        modes: Vec::new(),
        description: None,
        deprecated: None,
        extensions: None,
        set: "local".into(),
        source: None,
    });
    if token.ty != ty {
        token.ty = ty;
        token.explicit_type = true;
    }
    let key = match req.mode {
        Some(m) => Some(current.mode_key(m)?),
        None => None,
    };
    match key.as_deref() {
        Some(m) if current.default_mode() != Some(m) => {
            token.modes.retain(|(k, _)| k != m);
            token.modes.push((m.to_string(), v));
        }
        _ => token.value = v,
    }
    if let Some(d) = req.description {
        token.description = Some(d.to_string());
    }
    let mut input = documents_from(current, |_| true);
    if let Some(k) = key.filter(|k| !current.modes.contains(k)) {
        // A combination of contexts no token had a value for yet: after the others.
        input.modes.push((k, Vec::new()));
    }
    splice(&mut input, &token);
    let next = link::link(input, findings);
    if findings.has_errors() {
        bail!("the change would make the tokens invalid");
    }
    Ok(SetResult {
        tokens: next,
        source: token.source,
    })
}

/// Replaces (or adds) `token` in its set's document, and its values in the modes'.
fn splice(input: &mut Input, token: &Token) {
    let parsed = link::parsed_from(token, &token.value);
    let doc = if let Some(d) = input.base.iter_mut().find(|d| d.set == token.set) {
        d
    } else {
        input.base.push(SetDocument {
            set: token.set.clone(),
            source: token.source.clone(),
            doc: dtcg::Document::default(),
        });
        input.base.last_mut().expect("just pushed")
    };
    match doc.doc.tokens.iter_mut().find(|p| p.path == token.path) {
        Some(p) => *p = parsed,
        None => doc.doc.tokens.push(parsed),
    }
    for (m, docs) in &mut input.modes {
        for d in docs.iter_mut() {
            d.doc.tokens.retain(|p| p.path != token.path);
        }
        if let Some((_, v)) = token.modes.iter().find(|(k, _)| k == m) {
            if docs.is_empty() {
                docs.push(SetDocument {
                    set: token.set.clone(),
                    source: token.source.clone(),
                    doc: dtcg::Document::default(),
                });
            }
            docs[0].doc.tokens.push(link::parsed_from(token, v));
        }
    }
}

/// The tokens after an `rm`.
#[derive(Debug)]
pub struct Removed {
    /// Every token afterwards.
    pub tokens: Tokens,
    /// Tokens that referenced the removed one (with `force`, its value was written
    /// into them).
    pub dependents: Vec<String>,
    /// The removed token's source file, if it has one.
    pub source: Option<String>,
}

/// Removes the token at `path`. Tokens that reference it stop the removal, unless
/// `force`: then the value is written into them (per mode).
pub fn remove(current: &Tokens, path: &str, force: bool) -> Result<Removed> {
    let Some(target) = current.get_str(path).cloned() else {
        return Err(not_found(current, path));
    };
    let refers = |v: &Value| {
        let mut refs = Vec::new();
        references(v, &mut refs);
        refs.iter().any(|r| r == target.path.as_str())
    };
    let dependents: Vec<String> = current
        .tokens
        .iter()
        .filter(|t| {
            t.path != target.path
                && std::iter::once(&t.value)
                    .chain(t.modes.iter().map(|(_, v)| v))
                    .any(refers)
        })
        .map(|t| t.path.to_string())
        .collect();
    if !dependents.is_empty() && !force {
        let list = dependents
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(crate::hinted(
            format!("`{path}` is referenced by {list}"),
            "change those tokens first, or pass `--force` to write the value into them",
        ));
    }
    let mut next_tokens: Vec<Token> = Vec::with_capacity(current.len());
    for t in &current.tokens {
        if t.path == target.path {
            continue;
        }
        let mut t = t.clone();
        if dependents.iter().any(|d| d == t.path.as_str()) {
            let base_resolver = Resolver::new(current, current.default_mode());
            t.value = inline(&t.value, &target, &base_resolver);
            t.modes = std::mem::take(&mut t.modes)
                .into_iter()
                .map(|(m, v)| {
                    let r = Resolver::new(current, Some(m.as_str()));
                    let nv = inline(&v, &target, &r);
                    (m, nv)
                })
                .collect();
        }
        next_tokens.push(t);
    }
    Ok(Removed {
        tokens: Tokens::new(next_tokens, current.groups.clone(), current.modes.clone()),
        dependents,
        source: target.source,
    })
}

/// Replaces references to `target` inside `v` by the target's resolved value.
fn inline(v: &Value, target: &Token, r: &Resolver<'_>) -> Value {
    if alias_target(v) == Some(target.path.as_str())
        || pointer_target(v).is_some_and(|(p, _)| p == target.path.as_str())
    {
        return r.value(v, 0);
    }
    match v {
        Value::Array(a) => Value::Array(a.iter().map(|x| inline(x, target, r)).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| (k.clone(), inline(x, target, r)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The documents an `opends tokens import` links: what is stored (none with `replace`,
/// unless the import is into one `mode`) followed by the incoming files, so that they
/// win. With `mode`, every incoming document holds that mode's values (a store without
/// modes gets `default_mode` first).
pub fn import(
    current: &Tokens,
    incoming: Input,
    mode: Option<&str>,
    default_mode: &str,
    replace: bool,
) -> Input {
    let (incoming_base, incoming_modes) = match mode {
        Some(m) => {
            let mut all = incoming.base;
            for (_, d) in incoming.modes {
                all.extend(d);
            }
            (Vec::new(), vec![(m.to_string(), all)])
        }
        None => (incoming.base, incoming.modes),
    };
    let mut input = if replace && mode.is_none() {
        Input::default()
    } else {
        documents_from(current, |_| true)
    };
    let mut modes = std::mem::take(&mut input.modes);
    if let Some(m) = mode {
        if modes.is_empty() {
            modes.push((default_mode.to_string(), Vec::new()));
        }
        if !modes.iter().any(|(k, _)| k == m) {
            modes.push((m.to_string(), Vec::new()));
        }
    }
    for (m, docs) in incoming_modes {
        match modes.iter_mut().find(|(k, _)| *k == m) {
            Some((_, existing)) => existing.extend(docs),
            None => modes.push((m, docs)),
        }
    }
    input.modes = modes;
    input.base.extend(incoming_base);
    input
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{Format, TokenFile, load_files, load_input};

    fn file(name: &str, text: &str) -> TokenFile {
        TokenFile {
            name: name.into(),
            path: name.into(),
            text: text.into(),
        }
    }

    fn tokens(text: &str) -> Tokens {
        let mut findings = Findings::default();
        let t = load_files(&[file("a.json", text)], Format::Auto, &mut findings);
        assert!(!findings.has_errors(), "{findings:?}");
        t
    }

    const BASE: &str = r#"{
        "size": {"$type": "dimension", "$value": {"value": 4, "unit": "px"}},
        "gap": {"$type": "dimension", "$value": "{size}"}
    }"#;

    fn req<'a>(path: &'a str, value: &'a str) -> SetRequest<'a> {
        SetRequest {
            path,
            value,
            ty: None,
            mode: None,
            description: None,
        }
    }

    #[test]
    fn values_parse_as_json_alias_or_shorthand() {
        assert_eq!(parse_value("{a.b}", None), Value::String("{a.b}".into()));
        assert_eq!(parse_value("3", None), serde_json::json!(3));
        assert_eq!(
            parse_value("16px", Some(TokenType::Dimension)),
            serde_json::json!({"value": 16, "unit": "px"})
        );
        assert_eq!(
            parse_value("#ff0000", Some(TokenType::Color)),
            serde_json::json!({"colorSpace": "srgb", "components": [1.0, 0.0, 0.0]})
        );
        assert_eq!(parse_value("plain", None), Value::String("plain".into()));
    }

    #[test]
    fn set_changes_a_token_and_adds_an_alias_with_its_targets_type() {
        let current = tokens(BASE);
        let mut findings = Findings::default();
        let out = set(&current, &req("size", "8px"), &mut findings).unwrap();
        assert_eq!(
            out.tokens.get_str("size").unwrap().value,
            serde_json::json!({"value": 8, "unit": "px"})
        );
        assert_eq!(out.source.as_deref(), Some("a.json"));
        let out = set(&out.tokens, &req("wide", "{gap}"), &mut findings).unwrap();
        let wide = out.tokens.get_str("wide").unwrap();
        assert_eq!(wide.ty, TokenType::Dimension);
        assert_eq!(wide.set, "local");
        assert_eq!(out.tokens.len(), 3);
    }

    #[test]
    fn set_refuses_bad_input() {
        let current = tokens(BASE);
        let mut findings = Findings::default();
        let e = set(&current, &req("new", "3"), &mut findings).unwrap_err();
        assert!(e.to_string().contains("its type is needed"), "{e}");
        let e = set(&current, &req("new", "{nowhere}"), &mut findings).unwrap_err();
        assert!(e.to_string().contains("unknown reference"), "{e}");
        let mut r = req("size", "1px");
        r.mode = Some("dark");
        let e = set(&current, &r, &mut findings).unwrap_err();
        assert!(e.to_string().contains("unknown mode `dark`"), "{e}");
    }

    #[test]
    fn remove_refuses_a_referenced_token_unless_forced() {
        let current = tokens(BASE);
        let e = remove(&current, "size", false).unwrap_err();
        assert!(e.to_string().contains("referenced by `gap`"), "{e}");
        let out = remove(&current, "size", true).unwrap();
        assert_eq!(out.dependents, vec!["gap".to_string()]);
        assert_eq!(out.tokens.len(), 1);
        assert_eq!(
            out.tokens.get_str("gap").unwrap().value,
            serde_json::json!({"value": 4, "unit": "px"})
        );
        let e = remove(&current, "nothing", false).unwrap_err();
        assert!(e.to_string().contains("no token `nothing`"), "{e}");
    }

    #[test]
    fn import_puts_files_after_the_store_and_into_a_mode() {
        let current = tokens(BASE);
        let mut findings = Findings::default();
        let incoming = || {
            let text = r#"{"size": {"$type": "dimension", "$value": {"value": 6, "unit": "px"}}}"#;
            load_input(
                &[file("b.json", text)],
                Format::Auto,
                &mut Findings::default(),
            )
        };
        let input = import(&current, incoming(), None, "default", false);
        let next = link::link(input, &mut findings);
        assert!(!findings.has_errors(), "{findings:?}");
        assert_eq!(
            next.get_str("size").unwrap().value,
            serde_json::json!({"value": 6, "unit": "px"})
        );
        assert_eq!(next.len(), 2);
        let input = import(&current, incoming(), Some("dense"), "default", false);
        let next = link::link(input, &mut findings);
        assert!(!findings.has_errors(), "{findings:?}");
        assert_eq!(next.modes, vec!["default".to_string(), "dense".to_string()]);
        let replaced = import(&current, incoming(), None, "default", true);
        assert_eq!(link::link(replaced, &mut findings).len(), 1);
    }
}
