//! Diffing two states of a design system into a [`Changeset`], classified by the semver
//! rules of docs/versioning.md: breaking (major) for removals, renames, type changes and
//! tighter component APIs; minor for additions and deprecations; patch for value changes.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::component::{Literal, Prop};
use crate::model::{Component, Token, Tokens};
use crate::tokens::resolve::Resolver;

/// A semver bump.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Compatible fixes: values changed.
    Patch,
    /// Compatible additions and deprecations.
    Minor,
    /// Breaking changes.
    Major,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    /// A token appeared.
    TokenAdded {
        /// Its path.
        path: String,
        /// Its type.
        #[serde(rename = "type")]
        ty: String,
    },
    /// A token disappeared.
    TokenRemoved {
        /// Its path.
        path: String,
    },
    /// A token moved: same type and value under a new path.
    TokenRenamed {
        /// The old path.
        from: String,
        /// The new path.
        to: String,
    },
    /// A token's resolved value changed (in one mode, or the base when `mode` is `None`).
    TokenValueChanged {
        /// Its path.
        path: String,
        /// The mode.
        #[serde(skip_serializing_if = "Option::is_none")]
        mode: Option<String>,
        /// The old resolved value.
        old: Value,
        /// The new resolved value.
        new: Value,
        /// For colours: the `OKLab` distance (deltaE OK, 0..~1).
        #[serde(skip_serializing_if = "Option::is_none")]
        delta_e: Option<f64>,
    },
    /// A token's type changed.
    TokenTypeChanged {
        /// Its path.
        path: String,
        /// The old type.
        old: String,
        /// The new type.
        new: String,
    },
    /// A token became deprecated.
    TokenDeprecated {
        /// Its path.
        path: String,
    },
    /// A component appeared.
    ComponentAdded {
        /// Its name.
        name: String,
    },
    /// A component disappeared.
    ComponentRemoved {
        /// Its name.
        name: String,
    },
    /// A prop appeared (breaking when required without a default).
    PropAdded {
        /// The component.
        component: String,
        /// The prop.
        prop: String,
        /// Whether callers must now pass it.
        required: bool,
    },
    /// A prop disappeared.
    PropRemoved {
        /// The component.
        component: String,
        /// The prop.
        prop: String,
    },
    /// A prop's type, required-ness, values or default changed.
    PropChanged {
        /// The component.
        component: String,
        /// The prop.
        prop: String,
        /// What changed, in words.
        what: String,
        /// Whether it breaks callers (made required, type changed, a value removed).
        breaking: bool,
    },
    /// A variant appeared.
    VariantAdded {
        /// The component.
        component: String,
        /// The variant.
        variant: String,
    },
    /// A variant disappeared.
    VariantRemoved {
        /// The component.
        component: String,
        /// The variant.
        variant: String,
    },
    /// A slot appeared.
    SlotAdded {
        /// The component.
        component: String,
        /// The slot.
        slot: String,
    },
    /// A slot disappeared.
    SlotRemoved {
        /// The component.
        component: String,
        /// The slot.
        slot: String,
    },
    /// A component's status changed.
    StatusChanged {
        /// The component.
        component: String,
        /// The old status.
        old: String,
        /// The new status.
        new: String,
    },
}

impl Change {
    /// The bump this change calls for (`value_changes_are_minor` reclassifies value changes).
    pub fn bump(&self, value_changes_are_minor: bool) -> Bump {
        match self {
            Self::TokenRemoved { .. }
            | Self::TokenRenamed { .. }
            | Self::TokenTypeChanged { .. }
            | Self::ComponentRemoved { .. }
            | Self::PropRemoved { .. }
            | Self::VariantRemoved { .. }
            | Self::SlotRemoved { .. } => Bump::Major,
            Self::PropAdded { required, .. } => {
                if *required {
                    Bump::Major
                } else {
                    Bump::Minor
                }
            }
            Self::PropChanged { breaking, .. } => {
                if *breaking {
                    Bump::Major
                } else {
                    Bump::Minor
                }
            }
            Self::TokenAdded { .. }
            | Self::TokenDeprecated { .. }
            | Self::ComponentAdded { .. }
            | Self::VariantAdded { .. }
            | Self::SlotAdded { .. }
            | Self::StatusChanged { .. } => Bump::Minor,
            Self::TokenValueChanged { .. } => {
                if value_changes_are_minor {
                    Bump::Minor
                } else {
                    Bump::Patch
                }
            }
        }
    }
}

/// Every change between two states, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changeset {
    /// The changes.
    pub changes: Vec<Change>,
}

impl Changeset {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The largest bump any change calls for.
    pub fn bump(&self, value_changes_are_minor: bool) -> Bump {
        self.changes
            .iter()
            .map(|c| c.bump(value_changes_are_minor))
            .max()
            .unwrap_or(Bump::None)
    }
}

/// One resolver per mode: the default mode (or the base values) keyed `None`, then the
/// other modes by name.
fn resolvers(tokens: &Tokens) -> Vec<(Option<&str>, Resolver<'_>)> {
    let mut out = vec![(None, Resolver::new(tokens, tokens.default_mode()))];
    out.extend(
        tokens
            .modes
            .iter()
            .skip(1)
            .map(|m| (Some(m.as_str()), Resolver::new(tokens, Some(m.as_str())))),
    );
    out
}

/// A token's resolved value in every mode of its collection.
fn values<'v>(
    resolvers: &[(Option<&'v str>, Resolver<'v>)],
    t: &'v Token,
) -> Vec<(Option<&'v str>, Cow<'v, Value>)> {
    resolvers
        .iter()
        .map(|(k, r)| (*k, r.resolved_cow(t)))
        .collect()
}

/// The value changes of the tokens in `new` that `old` has too, in `new`'s order.
fn value_changes(old: &Tokens, new: &Tokens, out: &mut Vec<Change>) {
    let (old_r, new_r) = (resolvers(old), resolvers(new));
    let per_token = |t: &Token, changes: &mut Vec<Change>| {
        let Some(o) = old.get(&t.path) else { return };
        if o.ty != t.ty {
            changes.push(Change::TokenTypeChanged {
                path: t.path.to_string(),
                old: o.ty.to_string(),
                new: t.ty.to_string(),
            });
            return;
        }
        if !o.is_deprecated() && t.is_deprecated() {
            changes.push(Change::TokenDeprecated {
                path: t.path.to_string(),
            });
        }
        let ov = values(&old_r, o);
        let nv = values(&new_r, t);
        let old_base = &ov[0].1;
        let new_base = &nv[0].1;
        for (mode, newer) in &nv {
            // A mode the old state did not have compares with the old base value.
            let older = ov
                .iter()
                .find(|(m, _)| m == mode)
                .map_or(old_base, |(_, v)| v);
            // A mode change that only follows the base change is reported once, as the base.
            // A colour is its components: an edit of its `hex` hint alone changes nothing.
            if older != newer
                && (mode.is_none() || new_base != newer || old_base != older)
                && crate::color::without_hex(older) != crate::color::without_hex(newer)
            {
                changes.push(Change::TokenValueChanged {
                    path: t.path.to_string(),
                    mode: mode.map(str::to_string),
                    old: crate::color::with_true_hex(older),
                    new: crate::color::with_true_hex(newer),
                    delta_e: delta_e_ok(older, newer),
                });
            }
        }
    };
    // Resolving is most of a large diff's time: split the tokens over the cores.
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk = new.tokens.len().div_ceil(threads).max(4096);
    let parts: Vec<Vec<Change>> = std::thread::scope(|scope| {
        let handles: Vec<_> = new
            .tokens
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut changes = Vec::new();
                    for t in part {
                        per_token(t, &mut changes);
                    }
                    changes
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("diff worker"))
            .collect()
    });
    out.extend(parts.into_iter().flatten());
}

/// deltaE OK between two colour values (any spaces), rounded to 4 decimals.
pub fn delta_e_ok(a: &Value, b: &Value) -> Option<f64> {
    crate::color::delta_e_ok_of(a, b).map(|d| (d * 10_000.0).round() / 10_000.0)
}

/// Compares two states of tokens and components.
pub fn diff(old: &Tokens, new: &Tokens, old_c: &[Component], new_c: &[Component]) -> Changeset {
    let mut changes = Vec::new();
    let removed: Vec<&Token> = old
        .tokens
        .iter()
        .filter(|t| new.get(&t.path).is_none())
        .collect();
    let added: Vec<&Token> = new
        .tokens
        .iter()
        .filter(|t| old.get(&t.path).is_none())
        .collect();
    // Renames: a removed and an added token of the same type and the same values in
    // every mode, matched by a key of both.
    let (old_r, new_r) = (resolvers(old), resolvers(new));
    let key = |r: &[(Option<&str>, Resolver<'_>)], t: &Token| {
        let vals: Vec<(Option<&str>, Value)> = values(r, t)
            .into_iter()
            .map(|(m, v)| (m, crate::color::without_hex(&v)))
            .collect();
        format!(
            "{}\u{0}{}",
            t.ty,
            serde_json::to_string(&vals).unwrap_or_default()
        )
    };
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in added.iter().enumerate().rev() {
        by_key.entry(key(&new_r, a)).or_default().push(i);
    }
    let mut taken = vec![false; added.len()];
    let mut renames = Vec::new();
    let mut gone = Vec::new();
    for r in removed {
        match by_key.get_mut(&key(&old_r, r)).and_then(Vec::pop) {
            Some(i) => {
                taken[i] = true;
                renames.push(Change::TokenRenamed {
                    from: r.path.to_string(),
                    to: added[i].path.to_string(),
                });
            }
            None => gone.push(Change::TokenRemoved {
                path: r.path.to_string(),
            }),
        }
    }
    changes.extend(gone);
    changes.extend(renames);
    for (a, _) in added.iter().zip(&taken).filter(|(_, t)| !**t) {
        changes.push(Change::TokenAdded {
            path: a.path.to_string(),
            ty: a.ty.to_string(),
        });
    }
    value_changes(old, new, &mut changes);
    components(old_c, new_c, &mut changes);
    Changeset { changes }
}

fn literal(l: Option<&Literal>) -> String {
    match l {
        None => "none".into(),
        Some(Literal::Bool(b)) => b.to_string(),
        Some(Literal::Number(n)) => n.to_string(),
        Some(Literal::String(s)) => format!("'{s}'"),
    }
}

fn prop_changes(component: &str, o: &Prop, n: &Prop, out: &mut Vec<Change>) {
    let mut push = |what: String, breaking: bool| {
        out.push(Change::PropChanged {
            component: component.to_string(),
            prop: n.name.clone(),
            what,
            breaking,
        });
    };
    if o.ty != n.ty {
        push(
            format!("type {:?} -> {:?}", o.ty, n.ty).to_lowercase(),
            true,
        );
    }
    if !o.required && n.required {
        push("now required".into(), n.default.is_none());
    } else if o.required && !n.required {
        push("no longer required".into(), false);
    }
    for v in &o.values {
        if !n.values.contains(v) {
            push(format!("value '{v}' removed"), true);
        }
    }
    for v in &n.values {
        if !o.values.contains(v) {
            push(format!("value '{v}' added"), false);
        }
    }
    if o.default != n.default {
        push(
            format!(
                "default {} -> {}",
                literal(o.default.as_ref()),
                literal(n.default.as_ref())
            ),
            false,
        );
    }
}

fn components(old: &[Component], new: &[Component], out: &mut Vec<Change>) {
    for o in old {
        if !new.iter().any(|n| n.name == o.name) {
            out.push(Change::ComponentRemoved {
                name: o.name.clone(),
            });
        }
    }
    for n in new {
        let Some(o) = old.iter().find(|o| o.name == n.name) else {
            out.push(Change::ComponentAdded {
                name: n.name.clone(),
            });
            continue;
        };
        let c = &n.name;
        for p in &o.props {
            match n.props.iter().find(|x| x.name == p.name) {
                None => out.push(Change::PropRemoved {
                    component: c.clone(),
                    prop: p.name.clone(),
                }),
                Some(np) => prop_changes(c, p, np, out),
            }
        }
        for p in &n.props {
            if !o.props.iter().any(|x| x.name == p.name) {
                out.push(Change::PropAdded {
                    component: c.clone(),
                    prop: p.name.clone(),
                    required: p.required && p.default.is_none(),
                });
            }
        }
        for v in &o.variants {
            if !n.variants.iter().any(|x| x.name == v.name) {
                out.push(Change::VariantRemoved {
                    component: c.clone(),
                    variant: v.name.clone(),
                });
            }
        }
        for v in &n.variants {
            if !o.variants.iter().any(|x| x.name == v.name) {
                out.push(Change::VariantAdded {
                    component: c.clone(),
                    variant: v.name.clone(),
                });
            }
        }
        for s in &o.slots {
            if !n.slots.iter().any(|x| x.name == s.name) {
                out.push(Change::SlotRemoved {
                    component: c.clone(),
                    slot: s.name.clone(),
                });
            }
        }
        for s in &n.slots {
            if !o.slots.iter().any(|x| x.name == s.name) {
                out.push(Change::SlotAdded {
                    component: c.clone(),
                    slot: s.name.clone(),
                });
            }
        }
        if o.status != n.status {
            out.push(Change::StatusChanged {
                component: c.clone(),
                old: o.status.as_str().into(),
                new: n.status.as_str().into(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{Findings, TokenFile, load_files};

    fn tokens(json: &str) -> Tokens {
        let file = TokenFile {
            name: "t.json".into(),
            path: "t.json".into(),
            text: json.into(),
        };
        let mut f = Findings::default();
        let t = load_files(&[file], crate::tokens::Format::Auto, &mut f);
        assert!(!f.has_errors(), "{f:?}");
        t
    }

    const BLUE: &str = r#"{"colorSpace": "srgb", "components": [0, 0.4, 0.8]}"#;

    #[test]
    fn rules_pick_the_bump() {
        let old = tokens(&format!(
            r#"{{"c": {{"$type": "color", "a": {{"$value": {BLUE}}}, "b": {{"$value": "{{c.a}}"}}}}}}"#
        ));
        // Value change: patch (and every alias to it changes too).
        let new = tokens(
            r#"{"c": {"$type": "color", "a": {"$value": {"colorSpace": "srgb", "components": [0, 0.5, 0.8]}}, "b": {"$value": "{c.a}"}}}"#,
        );
        let cs = diff(&old, &new, &[], &[]);
        assert_eq!(cs.bump(false), Bump::Patch);
        assert_eq!(cs.bump(true), Bump::Minor);
        let Change::TokenValueChanged { delta_e, .. } = &cs.changes[0] else {
            panic!("{cs:?}")
        };
        assert!(delta_e.is_some_and(|d| d > 0.0 && d < 0.2), "{delta_e:?}");
        // Addition: minor.
        let added = tokens(&format!(
            r#"{{"c": {{"$type": "color", "a": {{"$value": {BLUE}}}, "b": {{"$value": "{{c.a}}"}}, "n": {{"$value": {BLUE}}}}}}}"#
        ));
        assert_eq!(diff(&old, &added, &[], &[]).bump(false), Bump::Minor);
        // Removal: major; rename: major, and reported as a rename.
        let renamed = tokens(&format!(
            r#"{{"c": {{"$type": "color", "x": {{"$value": {BLUE}}}, "b": {{"$value": "{{c.x}}"}}}}}}"#
        ));
        let cs = diff(&old, &renamed, &[], &[]);
        assert!(
            cs.changes.contains(&Change::TokenRenamed {
                from: "c.a".into(),
                to: "c.x".into()
            }),
            "{cs:?}"
        );
        assert_eq!(cs.bump(false), Bump::Major);
        // No change: none.
        assert!(diff(&old, &old, &[], &[]).is_empty());
    }

    #[test]
    fn a_colour_is_its_components_not_its_hex() {
        let v = |c: &str, hex: &str| {
            tokens(&format!(
                r#"{{"c": {{"$type": "color", "a": {{"$value": {{"colorSpace": "srgb", "components": {c}, "hex": "{hex}"}}}}}}}}"#
            ))
        };
        let old = v("[0, 0.4, 0.8]", "#0066cc");
        // Only the hint changed: no change.
        assert!(diff(&old, &v("[0, 0.4, 0.8]", "#0066cd"), &[], &[]).is_empty());
        // Only the components changed: the change carries the hex of the new components.
        let cs = diff(&old, &v("[0, 0.5, 0.9]", "#0066cc"), &[], &[]);
        let Change::TokenValueChanged { new, .. } = &cs.changes[0] else {
            panic!("{cs:?}")
        };
        assert_eq!(new["hex"], serde_json::json!("#0080e6"));
    }

    #[test]
    fn delta_e_of_black_and_white_is_one() {
        let black: Value = serde_json::json!({"colorSpace": "srgb", "components": [0, 0, 0]});
        let white: Value = serde_json::json!({"colorSpace": "srgb", "components": [1, 1, 1]});
        let d = delta_e_ok(&black, &white).unwrap();
        assert!((d - 1.0).abs() < 0.001, "{d}");
    }
}
