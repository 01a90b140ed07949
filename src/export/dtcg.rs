//! DTCG 2025.10 output that round-trips: groups with their metadata, tokens with `$type`
//! where it was written, values exactly as stored (aliases kept). Each non-default mode
//! goes to `<name>.<mode>.tokens.json` holding the tokens that differ in it, which is the
//! shape `modes:` in `opends.yaml` reads back.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Map, Value};

use crate::export::{ExportError, File, Options};
use crate::model::theme;
use crate::model::{Deprecation, Token, TokenType, Tokens};

/// Inserts `node` at the dotted `path` under `root`, creating groups on the way.
fn insert(root: &mut Map<String, Value>, path: &str, node: Map<String, Value>) {
    let mut cur = root;
    let segments: Vec<&str> = path.split('.').collect();
    for seg in &segments[..segments.len() - 1] {
        let entry = cur
            .entry((*seg).to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        cur = entry.as_object_mut().expect("just made an object");
    }
    let last = segments[segments.len() - 1].to_string();
    match cur.get_mut(&last) {
        Some(Value::Object(existing)) => {
            for (k, v) in node {
                existing.insert(k, v);
            }
        }
        _ => {
            cur.insert(last, Value::Object(node));
        }
    }
}

fn token_node(t: &Token, value: &Value, with_type: bool) -> Map<String, Value> {
    let mut m = Map::new();
    if let Some(d) = &t.description {
        m.insert("$description".into(), Value::String(d.clone()));
    }
    if with_type {
        m.insert("$type".into(), Value::String(t.ty.as_str().into()));
    }
    match value {
        Value::Object(o) if o.len() == 1 && o.contains_key("$ref") => {
            m.insert("$ref".into(), o["$ref"].clone());
        }
        v => {
            m.insert("$value".into(), v.clone());
        }
    }
    if let Some(d) = &t.deprecated {
        m.insert("$deprecated".into(), d.to_value());
    }
    if let Some(e) = &t.extensions {
        m.insert("$extensions".into(), e.clone());
    }
    m
}

/// The document of one mode (`None`: the base values, as stored).
pub(crate) fn document(tokens: &Tokens, mode: Option<&str>) -> Value {
    let mut root = Map::new();
    for g in &tokens.groups {
        let mut m = Map::new();
        if let Some(t) = g.ty {
            m.insert("$type".into(), Value::String(t.as_str().into()));
        }
        if let Some(d) = &g.description {
            m.insert("$description".into(), Value::String(d.clone()));
        }
        if let Some(d) = &g.deprecated {
            m.insert("$deprecated".into(), Deprecation::to_value(d));
        }
        if let Some(e) = &g.extensions {
            m.insert("$extensions".into(), e.clone());
        }
        insert(&mut root, g.path.as_str(), m);
    }
    let group_types: HashMap<&str, TokenType> = tokens
        .groups
        .iter()
        .filter_map(|g| g.ty.map(|t| (g.path.as_str(), t)))
        .collect();
    for t in &tokens.tokens {
        let inherited = inherited_type(&group_types, t);
        let with_type = t.explicit_type || inherited != Some(t.ty);
        insert(
            &mut root,
            t.path.as_str(),
            token_node(t, t.value_in(mode), with_type),
        );
    }
    Value::Object(root)
}

fn inherited_type(group_types: &HashMap<&str, TokenType>, t: &Token) -> Option<TokenType> {
    let path = t.path.as_str();
    let mut end = path.len();
    while let Some(i) = path[..end].rfind('.') {
        if let Some(ty) = group_types.get(&path[..i]) {
            return Some(*ty);
        }
        end = i;
    }
    None
}

pub(super) fn render(tokens: &Tokens, opts: &Options) -> Result<Vec<File>, ExportError> {
    let mut files = Vec::new();
    // One mode asked for (`--mode`, `mode:` or a `{mode}` path): that mode's whole document.
    if let Some(m) = opts.mode.as_deref() {
        let mut text = serde_json::to_string_pretty(&document(tokens, Some(m))).unwrap_or_default();
        text.push('\n');
        files.push(File {
            path: opts.path.clone(),
            contents: text,
        });
        return Ok(files);
    }
    if tokens.has_named_axes() {
        return with_resolver(tokens, opts);
    }
    let mut base = serde_json::to_string_pretty(&document(tokens, None)).unwrap_or_default();
    base.push('\n');
    files.push(File {
        path: opts.path.clone(),
        contents: base,
    });
    for mode in tokens.modes.iter().skip(1) {
        let mut root = Map::new();
        for t in &tokens.tokens {
            if let Some((_, v)) = t.modes.iter().find(|(m, _)| m == mode) {
                let mut node = Map::new();
                node.insert("$type".into(), Value::String(t.ty.as_str().into()));
                node.insert("$value".into(), v.clone());
                insert(&mut root, t.path.as_str(), node);
            }
        }
        let mut text = serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default();
        text.push('\n');
        files.push(File {
            path: mode_path(&opts.path, mode),
            contents: text,
        });
    }
    Ok(files)
}

/// With theme axes: the base document, one set file per context that sets tokens
/// (`tokens.scheme-dark.tokens.json`) and a DTCG resolver document
/// (`tokens.resolver.json`) whose modifiers are the axes, in resolution order, so that
/// reading the resolver gives the same tokens back. A value set for a combination of
/// contexts has no place in a resolver: that is an error naming the keys.
fn with_resolver(tokens: &Tokens, opts: &Options) -> Result<Vec<File>, ExportError> {
    let mut combos: Vec<&str> = Vec::new();
    for t in &tokens.tokens {
        for (k, _) in &t.modes {
            if theme::is_combination(k) && !combos.contains(&k.as_str()) {
                combos.push(k);
            }
        }
    }
    if !combos.is_empty() {
        return Err(ExportError::CombinationInResolver {
            keys: combos.join("; "),
        });
    }
    let file_name = |p: &std::path::Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut base = serde_json::to_string_pretty(&document(tokens, None)).unwrap_or_default();
    base.push('\n');
    let mut files = vec![File {
        path: opts.path.clone(),
        contents: base,
    }];
    let mut modifiers = Map::new();
    let mut order = vec![serde_json::json!({ "$ref": "#/sets/base" })];
    for axis in &tokens.axes {
        let mut contexts = Map::new();
        for ctx in &axis.contexts {
            let key = theme::key_of([(axis.name.as_str(), ctx.as_str())]);
            let mut root = Map::new();
            for t in &tokens.tokens {
                if let Some((_, v)) = t.modes.iter().find(|(m, _)| *m == key) {
                    let mut node = Map::new();
                    node.insert("$type".into(), Value::String(t.ty.as_str().into()));
                    node.insert("$value".into(), v.clone());
                    insert(&mut root, t.path.as_str(), node);
                }
            }
            let sources = if root.is_empty() {
                Vec::new()
            } else {
                let suffix = crate::export::naming::name(
                    &format!("{}.{ctx}", axis.name),
                    None,
                    crate::export::NameCase::Kebab,
                );
                let path = mode_path(&opts.path, &suffix);
                let mut text =
                    serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default();
                text.push('\n');
                let r = serde_json::json!({ "$ref": file_name(&path) });
                files.push(File {
                    path,
                    contents: text,
                });
                vec![r]
            };
            contexts.insert(ctx.clone(), Value::Array(sources));
        }
        let mut m = Map::new();
        m.insert(
            "default".into(),
            Value::String(axis.default_context().to_string()),
        );
        m.insert("contexts".into(), Value::Object(contexts));
        modifiers.insert(axis.name.clone(), Value::Object(m));
        order.push(
            serde_json::json!({ "$ref": format!("#/modifiers/{}", json_pointer(&axis.name)) }),
        );
    }
    let main = file_name(&opts.path);
    let stem = main.split_once('.').map_or(main.as_str(), |(s, _)| s);
    let resolver = serde_json::json!({
        "version": "2025.10",
        "sets": { "base": { "sources": [{ "$ref": main }] } },
        "modifiers": modifiers,
        "resolutionOrder": order,
    });
    let mut text = serde_json::to_string_pretty(&resolver).unwrap_or_default();
    text.push('\n');
    files.push(File {
        path: opts.path.with_file_name(format!("{stem}.resolver.json")),
        contents: text,
    });
    Ok(files)
}

/// A name as a JSON Pointer segment (`~` and `/` escaped).
fn json_pointer(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// `dist/tokens.tokens.json` + `dark` -> `dist/tokens.dark.tokens.json`.
fn mode_path(path: &std::path::Path, mode: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let new = match name.split_once('.') {
        Some((stem, rest)) => format!("{stem}.{mode}.{rest}"),
        None => format!("{name}.{mode}"),
    };
    path.with_file_name(new)
}

#[cfg(test)]
mod tests {
    use crate::export::{ExportError, ExportFormat, Options, render};
    use crate::model::{Token, TokenPath, TokenType, Tokens};
    use serde_json::json;

    #[test]
    fn a_combination_cannot_go_into_a_resolver() {
        let keys = ["brand=acme", "brand=verde", "scheme=light", "scheme=dark"];
        let mut modes: Vec<String> = keys.iter().map(ToString::to_string).collect();
        modes.push("brand=verde,scheme=dark".into());
        let token = Token {
            path: TokenPath::new("bg"),
            ty: TokenType::Color,
            explicit_type: true,
            value: json!("#ffffff"),
            modes: vec![("brand=verde,scheme=dark".into(), json!("#000000"))],
            description: None,
            deprecated: None,
            extensions: None,
            set: "local".into(),
            source: None,
        };
        let tokens = Tokens::new(vec![token], Vec::new(), modes);
        let opts = Options::new(ExportFormat::Dtcg, "t.tokens.json".into());
        let err = render(ExportFormat::Dtcg, &tokens, &opts).unwrap_err();
        assert!(matches!(err, ExportError::CombinationInResolver { .. }));
        assert!(err.to_string().contains("brand=verde,scheme=dark"), "{err}");
    }
}
