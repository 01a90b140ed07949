//! The stored form of a snapshot: one JSON entry per token and component, and a layout
//! (modes, groups, order); encoding, decoding and the content hash.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::BuildHasher;

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::{Entries, Snapshot, SnapshotError};
use crate::model::component::Review;
use crate::model::{Component, Group, StoredComponent, Token, TokenPath, Tokens};
use crate::store::{LoadError, deprecation, json as parse_json};

/// A snapshot in its stored form: the layout and one entry per token and component.
pub(super) struct Encoded {
    pub(super) layout: String,
    pub(super) tokens: Vec<(String, String)>,
    pub(super) components: Vec<(String, String)>,
}

fn opt<T: Into<Value>>(map: &mut Map<String, Value>, key: &str, v: Option<T>) {
    if let Some(v) = v {
        map.insert(key.into(), v.into());
    }
}

/// A token as stored in versions and sent over the wire: JSON of everything but its path.
pub(in crate::store) fn token_entry(t: &Token) -> String {
    let mut m = Map::new();
    m.insert("type".into(), t.ty.as_str().into());
    if !t.explicit_type {
        m.insert("inherited".into(), true.into());
    }
    m.insert("value".into(), t.value.clone());
    if !t.modes.is_empty() {
        let modes: Vec<Value> = t.modes.iter().map(|(k, v)| json!([k, v])).collect();
        m.insert("modes".into(), modes.into());
    }
    opt(&mut m, "description", t.description.clone());
    opt(
        &mut m,
        "deprecated",
        t.deprecated
            .as_ref()
            .map(crate::model::Deprecation::to_value),
    );
    opt(&mut m, "extensions", t.extensions.clone());
    m.insert("set".into(), t.set.clone().into());
    opt(&mut m, "source", t.source.clone());
    Value::Object(m).to_string()
}

pub(in crate::store) fn group_entry(g: &Group) -> Value {
    let mut m = Map::new();
    m.insert("path".into(), g.path.as_str().into());
    opt(&mut m, "type", g.ty.map(crate::model::TokenType::as_str));
    opt(&mut m, "description", g.description.clone());
    opt(
        &mut m,
        "deprecated",
        g.deprecated
            .as_ref()
            .map(crate::model::Deprecation::to_value),
    );
    opt(&mut m, "extensions", g.extensions.clone());
    Value::Object(m)
}

/// A component as stored in versions and sent over the wire.
pub(super) fn component_entry(c: &StoredComponent) -> String {
    json!({
        "spec": c.spec,
        "source": c.source,
        "review": c.review,
    })
    .to_string()
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn corrupt(what: &str, why: impl std::fmt::Display) -> LoadError {
    LoadError::Corrupt(what.to_string(), why.to_string())
}

fn deprecation_of(v: &Value, what: &str) -> Result<Option<crate::model::Deprecation>, LoadError> {
    deprecation(v.get("deprecated").map(Value::to_string), what)
}

/// A token entry as stored: the fields `token_entry` writes, read without building a
/// JSON tree of the whole entry (only `value`, the modes' values and `extensions` stay
/// trees). Unknown fields are ignored, so older and newer entries still read.
#[derive(serde::Deserialize)]
struct TokenEntry<'a> {
    #[serde(rename = "type", borrow)]
    ty: Option<std::borrow::Cow<'a, str>>,
    #[serde(default)]
    inherited: bool,
    #[serde(default)]
    value: Value,
    #[serde(default)]
    modes: Vec<(String, Value)>,
    description: Option<String>,
    deprecated: Option<crate::model::Deprecation>,
    extensions: Option<Value>,
    set: Option<String>,
    source: Option<String>,
}

/// The token an entry describes.
pub(in crate::store) fn decode_token(path: &str, entry: &str) -> Result<Token, LoadError> {
    let e: TokenEntry<'_> = serde_json::from_str(entry).map_err(|e| corrupt(path, e))?;
    let ty =
        e.ty.ok_or_else(|| corrupt(path, "no type"))?
            .parse()
            .map_err(|e: String| corrupt(path, e))?;
    Ok(Token {
        path: TokenPath::new(path),
        ty,
        explicit_type: !e.inherited,
        value: e.value,
        modes: e.modes,
        description: e.description,
        deprecated: e.deprecated,
        extensions: e.extensions,
        set: e.set.unwrap_or_else(|| "local".into()),
        source: e.source,
    })
}

pub(in crate::store) fn decode_group(v: &Value) -> Result<Group, LoadError> {
    let path = str_field(v, "path").ok_or_else(|| corrupt("layout", "group without path"))?;
    Ok(Group {
        ty: str_field(v, "type")
            .map(|t| t.parse())
            .transpose()
            .map_err(|e: String| corrupt(&path, e))?,
        description: str_field(v, "description"),
        deprecated: deprecation_of(v, &path)?,
        extensions: v.get("extensions").cloned(),
        path: TokenPath::new(path),
    })
}

/// The component an entry describes.
pub(super) fn decode_component(name: &str, entry: &str) -> Result<StoredComponent, LoadError> {
    let what = format!("component {name} in a version");
    let v = parse_json(entry, &what)?;
    let spec: Component = serde_json::from_value(v.get("spec").cloned().unwrap_or(Value::Null))
        .map_err(|e| corrupt(&what, e))?;
    let review = v.get("review").cloned().unwrap_or(Value::Null);
    Ok(StoredComponent {
        spec,
        source: str_field(&v, "source"),
        review: Review {
            by: str_field(&review, "by"),
            at: str_field(&review, "at"),
            reason: str_field(&review, "reason"),
        },
    })
}

impl Snapshot {
    pub(super) fn encode(&self) -> Encoded {
        let layout = json!({
            "modes": self.tokens.modes,
            "groups": self.tokens.groups.iter().map(group_entry).collect::<Vec<_>>(),
            "tokens": self.tokens.tokens.iter().map(|t| t.path.as_str()).collect::<Vec<_>>(),
            "components": self.components.iter().map(|c| c.spec.name.as_str()).collect::<Vec<_>>(),
        })
        .to_string();
        Encoded {
            layout,
            tokens: self
                .tokens
                .tokens
                .iter()
                .map(|t| (t.path.to_string(), token_entry(t)))
                .collect(),
            components: self
                .components
                .iter()
                .map(|c| (c.spec.name.clone(), component_entry(c)))
                .collect(),
        }
    }

    /// The stored form: the layout (modes, groups, order) and one entry per token and
    /// component, in order.
    pub fn to_parts(&self) -> (String, Entries, Entries) {
        let e = self.encode();
        (e.layout, e.tokens, e.components)
    }

    /// The snapshot stored as `layout` and entries by path and name (the inverse of
    /// `to_parts`; entries the layout does not order go last, in name order).
    pub fn decode<S: BuildHasher>(
        layout: &str,
        tokens: &HashMap<String, String, S>,
        components: &HashMap<String, String, S>,
    ) -> Result<Self, SnapshotError> {
        build_snapshot(layout, tokens, components).map_err(|e| match e {
            LoadError::Corrupt(what, message) => SnapshotError::Corrupt { what, message },
            LoadError::Sqlite(e) => SnapshotError::Sqlite(e),
        })
    }

    /// sha256 (hex) of the snapshot's canonical form: equal for equal content.
    pub fn content_hash(&self) -> String {
        self.encode().hash()
    }
}

pub(super) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

impl Encoded {
    pub(super) fn hash(&self) -> String {
        let mut h = Sha256::new();
        h.update(self.layout.as_bytes());
        for (k, v) in self.tokens.iter().chain(&self.components) {
            h.update(b"\n");
            h.update(k.as_bytes());
            h.update(b"\t");
            h.update(v.as_bytes());
        }
        hex(&h.finalize())
    }
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

pub(super) fn build_snapshot<S: BuildHasher>(
    layout: &str,
    entries: &HashMap<String, String, S>,
    comp_entries: &HashMap<String, String, S>,
) -> Result<Snapshot, LoadError> {
    let layout = parse_json(layout, "version layout")?;
    let mut order = strings(&layout, "tokens");
    let listed: std::collections::HashSet<&String> = order.iter().collect();
    let mut extra: Vec<String> = entries
        .keys()
        .filter(|k| !listed.contains(k))
        .cloned()
        .collect();
    extra.sort();
    order.extend(extra);
    let mut tokens = Vec::with_capacity(entries.len());
    for path in order {
        if let Some(entry) = entries.get(&path) {
            tokens.push(decode_token(&path, entry)?);
        }
    }
    let groups = layout
        .get("groups")
        .and_then(Value::as_array)
        .map(|gs| gs.iter().map(decode_group).collect::<Result<Vec<_>, _>>())
        .transpose()?
        .unwrap_or_default();
    let mut names = strings(&layout, "components");
    let listed: std::collections::HashSet<&String> = names.iter().collect();
    let mut extra: Vec<String> = comp_entries
        .keys()
        .filter(|k| !listed.contains(k))
        .cloned()
        .collect();
    extra.sort();
    names.extend(extra);
    let mut components = Vec::new();
    for name in names {
        if let Some(entry) = comp_entries.get(&name) {
            components.push(decode_component(&name, entry)?);
        }
    }
    Ok(Snapshot {
        tokens: Tokens::new(tokens, groups, strings(&layout, "modes")),
        components,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Deprecation, TokenType};

    fn full() -> Token {
        Token {
            path: TokenPath::new("color.brand.primary"),
            ty: TokenType::Color,
            explicit_type: false,
            value: json!({"colorSpace": "srgb", "components": [0.1, 0.2, 0.3], "hex": "#1a334d"}),
            modes: vec![("dark".into(), json!("{color.base.blue}"))],
            description: Some("Brand \"primary\"\nsecond line".into()),
            deprecated: Some(Deprecation::Reason("use color.accent".into())),
            extensions: Some(json!({"org.example": {"k": [1, 2]}})),
            set: "brand/acme".into(),
            source: Some("tokens/brand.tokens.json".into()),
        }
    }

    #[test]
    fn a_token_entry_reads_back_as_the_token_it_was_written_from() {
        let t = full();
        assert_eq!(decode_token(t.path.as_str(), &token_entry(&t)).unwrap(), t);
        let bare = Token {
            explicit_type: true,
            modes: vec![],
            description: None,
            deprecated: Some(Deprecation::Flag(true)),
            extensions: None,
            source: None,
            ..full()
        };
        assert_eq!(
            decode_token(bare.path.as_str(), &token_entry(&bare)).unwrap(),
            bare
        );
        // Fields written by a newer binary are ignored; a missing set is `local`.
        let t = decode_token("a", r#"{"type":"number","value":1,"later":{"x":1}}"#).unwrap();
        assert_eq!((t.value, t.set.as_str()), (json!(1), "local"));
    }

    #[test]
    fn a_damaged_token_entry_is_an_error_naming_the_token() {
        for entry in [
            r#"{"value":1}"#,
            r#"{"type":"no-such-type","value":1}"#,
            r#"{"type":"number","value":1,"modes":[["dark"]]}"#,
            r#"{"type":"number","value":1,"modes":[["dark",1,2]]}"#,
            r#"{"type":"number","inherited":"yes","value":1}"#,
            r#"{"type":"number","#,
        ] {
            match decode_token("size.s", entry) {
                Err(LoadError::Corrupt(what, _)) => assert_eq!(what, "size.s", "{entry}"),
                other => panic!("{entry}: {other:?}"),
            }
        }
    }
}
