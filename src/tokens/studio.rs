//! Tokens Studio (and Penpot) exports: sets merged in `$metadata.tokenSetOrder`,
//! `$themes` as modes (one group) or theme axes (several groups). The sets' values are converted by `tokens::legacy`; this module
//! builds the documents and modes from them.

use std::collections::HashMap;

use crate::model::theme;
use crate::tokens::dtcg;
use crate::tokens::finding::{Finding, Findings};
use crate::tokens::json::Node;
use crate::tokens::legacy;
use crate::tokens::link::{Input, SetDocument};
use crate::tokens::source::Source;

/// Reads a Tokens Studio document (single file: sets at the top, `$themes`, `$metadata`)
/// into base sets and modes: each theme is a mode, named after the theme (lowercase,
/// `-` for other characters). Themes in several groups: one axis per group (see
/// [`studio_build`]).
pub fn studio_input(
    root: &Node<'_>,
    src: &Source<'_>,
    _name: &str,
    findings: &mut Findings,
) -> Input {
    let members = root.as_object().unwrap_or_default();
    let mut order: Vec<String> = root
        .get("$metadata")
        .and_then(|m| m.get("tokenSetOrder"))
        .and_then(Node::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Node::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    for m in members {
        if !m.key.starts_with('$') && !order.iter().any(|o| o == m.key.as_ref()) {
            order.push(m.key.to_string());
        }
    }
    let mut sets: Vec<(String, &Node<'_>, &Source<'_>)> = Vec::new();
    for name in &order {
        if let Some(n) = root.get(name) {
            sets.push((name.clone(), n, src));
        }
    }
    let themes = root
        .get("$themes")
        .and_then(Node::as_array)
        .unwrap_or_default();
    studio_build(&sets, themes, src, findings)
}

/// Builds base sets and modes from Tokens Studio sets and themes.
pub fn studio_build(
    sets: &[(String, &Node<'_>, &Source<'_>)],
    themes: &[Node<'_>],
    src: &Source<'_>,
    findings: &mut Findings,
) -> Input {
    let trees = legacy::convert_studio_sets(sets, src, findings);
    let mut converted: HashMap<String, dtcg::Document> = HashMap::new();
    for ((name, _, set_src), mut tree) in sets.iter().zip(trees) {
        let doc = dtcg::read_converted(&mut tree, set_src, false, findings);
        converted.insert(name.clone(), doc);
    }
    let enabled = |theme: &Node<'_>| -> Vec<String> {
        let selected = theme
            .get("selectedTokenSets")
            .and_then(Node::as_object)
            .unwrap_or_default();
        sets.iter()
            .filter(|(n, _, _)| {
                selected.iter().any(|m| {
                    m.key == n.as_str() && matches!(m.value.as_str(), Some("enabled" | "source"))
                })
            })
            .map(|(n, _, _)| n.clone())
            .collect()
    };
    let mut input = Input::default();
    if themes.is_empty() {
        for (name, _, _) in sets {
            if let Some(doc) = converted.remove(name) {
                input.base.push(SetDocument {
                    set: name.clone(),
                    source: Some(src.name.to_string()),
                    doc,
                });
            }
        }
        return input;
    }
    // Themes in several groups: each group is a theme axis.
    let group_of = |t: &Node<'_>| t.get("group").and_then(Node::as_str).map(str::to_string);
    let mut groups: Vec<(Option<String>, Vec<&Node<'_>>)> = Vec::new();
    for t in themes {
        let g = group_of(t);
        match groups.iter_mut().find(|(n, _)| *n == g) {
            Some((_, list)) => list.push(t),
            None => groups.push((g, vec![t])),
        }
    }
    if groups.len() > 1 {
        return axes_input(&groups, sets, &converted, src, &enabled, findings);
    }
    let themes: Vec<&Node<'_>> = themes.iter().collect();
    let mode_name = |t: &Node<'_>| -> String {
        mode_slug(t.get("name").and_then(Node::as_str).unwrap_or("theme"))
    };
    let first = enabled(themes[0]);
    for name in &first {
        if let Some(doc) = converted.get(name) {
            input.base.push(SetDocument {
                set: name.clone(),
                source: Some(src.name.to_string()),
                doc: clone_doc(doc),
            });
        }
    }
    input.modes.push((mode_name(themes[0]), Vec::new()));
    for theme in &themes[1..] {
        let mut docs = Vec::new();
        for name in enabled(theme) {
            if first.contains(&name) {
                continue;
            }
            if let Some(doc) = converted.get(&name) {
                docs.push(SetDocument {
                    set: name.clone(),
                    source: Some(src.name.to_string()),
                    doc: clone_doc(doc),
                });
            }
        }
        input.modes.push((mode_name(theme), docs));
    }
    input
}

/// Themes in several groups: one axis per group (named after it, in file order), one
/// context per theme (the first being the default). The sets every group's first theme
/// enables form the base; each theme's sets (but those every theme of its group enables)
/// are its context's documents, so that a later group overrides an earlier one. A group
/// of one theme does not vary: its sets join the base.
fn axes_input(
    groups: &[(Option<String>, Vec<&Node<'_>>)],
    sets: &[(String, &Node<'_>, &Source<'_>)],
    converted: &HashMap<String, dtcg::Document>,
    src: &Source<'_>,
    enabled: &dyn Fn(&Node<'_>) -> Vec<String>,
    findings: &mut Findings,
) -> Input {
    let mut input = Input {
        mode_only_tokens: true,
        ..Input::default()
    };
    let doc_of = |name: &str| {
        converted.get(name).map(|doc| SetDocument {
            set: name.to_string(),
            source: Some(src.name.to_string()),
            doc: clone_doc(doc),
        })
    };
    let mut base: Vec<String> = Vec::new();
    for (_, themes) in groups {
        base.extend(enabled(themes[0]));
    }
    for (name, _, _) in sets {
        if base.contains(name) {
            input.base.extend(doc_of(name));
        }
    }
    let mut axis_names: Vec<String> = Vec::new();
    for (group, themes) in groups {
        if themes.len() < 2 {
            continue;
        }
        let label = group.as_deref().unwrap_or("theme");
        let mut axis = mode_slug(label);
        if axis.is_empty() {
            axis = "theme".to_string();
        }
        if axis_names.contains(&axis) {
            findings.push(Finding::error(
                "invalid-axis-name",
                &src.loc(themes[0].offset),
                None,
                format!(
                    "`$themes` group `{label}` is axis `{axis}`, which an earlier group already names; rename one of the groups"
                ),
            ));
            continue;
        }
        axis_names.push(axis.clone());
        let selected: Vec<Vec<String>> = themes.iter().map(|t| enabled(t)).collect();
        let mut contexts: Vec<String> = Vec::new();
        for (theme, names) in themes.iter().zip(&selected) {
            let theme_name = theme.get("name").and_then(Node::as_str).unwrap_or("theme");
            let context = mode_slug(theme_name);
            if context.is_empty() || contexts.contains(&context) {
                findings.push(Finding::warning(
                    "legacy-value",
                    &src.loc(theme.offset),
                    None,
                    format!(
                        "theme `{theme_name}` of group `{label}` is context `{context}`, which is empty or already taken in that group; the theme is left out"
                    ),
                ));
                continue;
            }
            let docs = names
                .iter()
                .filter(|n| !selected.iter().all(|other| other.contains(n)))
                .filter_map(|n| doc_of(n))
                .collect();
            input
                .modes
                .push((theme::key_of([(axis.as_str(), context.as_str())]), docs));
            contexts.push(context);
        }
    }
    input
}

pub(crate) fn clone_doc(doc: &dtcg::Document) -> dtcg::Document {
    dtcg::Document {
        tokens: doc.tokens.clone(),
        groups: doc.groups.clone(),
        extends: doc.extends.clone(),
    }
}

/// `Mode/Dark` -> `mode-dark`: lowercase, runs of other characters become `-`.
pub fn mode_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::json;

    #[test]
    fn themes_in_several_groups_are_axes() {
        let doc = r##"{
  "core": {"space": {"value": "4px", "type": "spacing"}},
  "light": {"bg": {"value": "#ffffff", "type": "color"}},
  "dark": {"bg": {"value": "#000000", "type": "color"}},
  "acme": {"brand": {"value": "#ff0000", "type": "color"}},
  "umbrella": {"brand": {"value": "#0000ff", "type": "color"}},
  "unused": {"brand": {"value": "#00ff00", "type": "color"}},
  "$themes": [
    {"id": "1", "name": "Light", "group": "Mode", "selectedTokenSets": {"core": "source", "light": "enabled"}},
    {"id": "2", "name": "Dark", "group": "Mode", "selectedTokenSets": {"core": "source", "dark": "enabled", "unused": "disabled"}},
    {"id": "3", "name": "Acme", "group": "Brand", "selectedTokenSets": {"acme": "enabled"}},
    {"id": "4", "name": "Umbrella", "group": "Brand", "selectedTokenSets": {"umbrella": "enabled"}},
    {"id": "5", "name": "Compact", "group": "Density", "selectedTokenSets": {}}
  ]
}"##;
        let root = json::parse(doc).unwrap();
        let src = Source::new("t.json", doc);
        let mut findings = Findings::default();
        let input = studio_input(&root, &src, "t.json", &mut findings);
        let modes: Vec<(&str, Vec<&str>)> = input
            .modes
            .iter()
            .map(|(m, docs)| (m.as_str(), docs.iter().map(|d| d.set.as_str()).collect()))
            .collect();
        assert_eq!(
            modes,
            [
                ("mode=light", vec!["light"]),
                ("mode=dark", vec!["dark"]),
                ("brand=acme", vec!["acme"]),
                ("brand=umbrella", vec!["umbrella"]),
            ]
        );
        let base: Vec<&str> = input.base.iter().map(|d| d.set.as_str()).collect();
        assert_eq!(base, ["core", "light", "acme"]);
        assert!(input.mode_only_tokens);
        assert!(
            findings.iter().all(|f| f.code == "legacy-format"),
            "{findings:?}"
        );
    }

    #[test]
    fn themes_in_one_group_are_plain_modes() {
        let doc = r##"{
  "core": {"space": {"value": "4px", "type": "spacing"}},
  "light": {"bg": {"value": "#ffffff", "type": "color"}},
  "dark": {"bg": {"value": "#000000", "type": "color"}},
  "$themes": [
    {"id": "1", "name": "Light", "group": "Mode", "selectedTokenSets": {"core": "source", "light": "enabled"}},
    {"id": "2", "name": "Dark", "group": "Mode", "selectedTokenSets": {"core": "source", "dark": "enabled"}}
  ]
}"##;
        let root = json::parse(doc).unwrap();
        let src = Source::new("t.json", doc);
        let mut findings = Findings::default();
        let input = studio_input(&root, &src, "t.json", &mut findings);
        let modes: Vec<&str> = input.modes.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(modes, ["light", "dark"]);
        assert!(!input.mode_only_tokens);
    }

    #[test]
    fn slugs() {
        assert_eq!(mode_slug("Mode/Dark"), "mode-dark");
        assert_eq!(mode_slug("Dark"), "dark");
    }
}
