//! DTCG documents built from a design tool's data, read by the DTCG reader without
//! going through JSON text: every token carries a label naming where it came from
//! upstream (a variable, a style, a library item, a token set), and findings about it
//! name that label instead of a line and column.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::tokens::Findings;
use crate::tokens::dtcg::{self, Source};
use crate::tokens::json::{self, Kind, Member, Node};
use crate::tokens::link::SetDocument;

/// A DTCG document under construction: groups by path, tokens with their labels.
#[derive(Debug, Default)]
pub struct Builder {
    root: Vec<Member<'static>>,
    labels: Vec<String>,
}

impl Builder {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records where the next tokens come from; returns the label's handle for
    /// [`Builder::insert`].
    pub fn label(&mut self, label: impl Into<String>) -> u32 {
        self.labels.push(label.into());
        u32::try_from(self.labels.len()).unwrap_or(u32::MAX)
    }

    /// Puts `token` (its `$type`, `$value`...) at the dotted `path`, creating groups on
    /// the way; a token already at `path` is replaced where it stands.
    pub fn insert(&mut self, path: &str, token: Map<String, Value>, label: u32) {
        let node = json::from_value(&Value::Object(token), label);
        let segs: Vec<&str> = path.split('.').collect();
        let (last, groups) = segs.split_last().expect("split yields one segment");
        let mut cur = &mut self.root;
        for seg in groups {
            let i = cur.iter().position(|m| m.key == *seg).unwrap_or_else(|| {
                cur.push(member(seg, group()));
                cur.len() - 1
            });
            let value = &mut cur[i].value;
            if !matches!(value.kind, Kind::Object(_)) {
                *value = group();
            }
            cur = match &mut value.kind {
                Kind::Object(members) => members,
                _ => unreachable!("made an object above"),
            };
        }
        match cur.iter_mut().find(|m| m.key == *last) {
            Some(m) => m.value = node,
            None => cur.push(member(last, node)),
        }
    }

    /// Reads the document as token set `set` (also its source name); problems go to
    /// `findings`, located by label.
    pub fn read(self, set: &str, findings: &mut Findings) -> SetDocument {
        let src = Source::labelled(set, self.labels);
        let mut root = Node {
            offset: 0,
            kind: Kind::Object(self.root),
        };
        SetDocument {
            set: set.to_string(),
            source: Some(set.to_string()),
            doc: dtcg::read(&mut root, &src, findings),
        }
    }
}

/// An empty group.
fn group() -> Node<'static> {
    Node {
        offset: 0,
        kind: Kind::Object(Vec::new()),
    }
}

fn member(key: &str, value: Node<'static>) -> Member<'static> {
    Member {
        key_offset: value.offset,
        key: Cow::Owned(key.to_string()),
        value,
    }
}

/// `value` as a node tree whose top-level members are labelled: member `key` gets
/// `label(key)` (`None`: the document), for documents whose parts (e.g. token sets)
/// are the most precise location there is. Returns the tree and the labels.
pub fn labelled_members(
    value: &Value,
    label: impl Fn(&str) -> Option<String>,
) -> (Node<'static>, Vec<String>) {
    let mut labels = Vec::new();
    let Value::Object(map) = value else {
        return (json::from_value(value, 0), labels);
    };
    let members = map
        .iter()
        .map(|(k, v)| {
            let offset = match label(k) {
                Some(l) => {
                    labels.push(l);
                    u32::try_from(labels.len()).unwrap_or(u32::MAX)
                }
                None => 0,
            };
            member(k, json::from_value(v, offset))
        })
        .collect();
    (
        Node {
            offset: 0,
            kind: Kind::Object(members),
        },
        labels,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn token(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn findings_name_the_upstream_item_not_a_line() {
        let mut b = Builder::new();
        let ok = b.label("figma:f (variable `Color/Blue`)");
        b.insert(
            "color.blue",
            token(json!({"$type": "number", "$value": 4})),
            ok,
        );
        let bad = b.label("figma:f (variable `Space/Bad`)");
        b.insert(
            "space.bad",
            token(json!({"$type": "dimension", "$value": "wide"})),
            bad,
        );
        let mut findings = Findings::default();
        let doc = b.read("figma:f", &mut findings);
        assert_eq!(doc.set, "figma:f");
        assert!(
            doc.doc
                .tokens
                .iter()
                .any(|t| t.path.to_string() == "color.blue")
        );
        let errors: Vec<_> = findings.iter().filter(|f| f.is_error()).collect();
        assert_eq!(errors.len(), 1, "{findings:?}");
        assert_eq!(
            errors[0].file.as_deref(),
            Some("figma:f (variable `Space/Bad`)")
        );
        assert_eq!((errors[0].line, errors[0].column), (None, None));
        assert!(
            errors[0]
                .to_string()
                .starts_with("figma:f (variable `Space/Bad`): `space.bad`: "),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_token_at_an_existing_path_is_replaced_in_place() {
        let mut b = Builder::new();
        let l = b.label("x");
        b.insert("a.one", token(json!({"$type": "number", "$value": 1})), l);
        b.insert("a.two", token(json!({"$type": "number", "$value": 2})), l);
        b.insert("a.one", token(json!({"$type": "number", "$value": 3})), l);
        let doc = b.read("s", &mut Findings::default());
        let got: Vec<(String, Value)> = doc
            .doc
            .tokens
            .iter()
            .map(|t| (t.path.to_string(), t.value.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("a.one".to_string(), json!(3)),
                ("a.two".to_string(), json!(2))
            ]
        );
    }
}
