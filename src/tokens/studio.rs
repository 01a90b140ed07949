//! Tokens Studio (and Penpot) exports: sets merged in `$metadata.tokenSetOrder`,
//! `$themes` as modes. The sets' values are converted by `tokens::legacy`; this module
//! builds the documents and modes from them.

use std::collections::HashMap;

use crate::tokens::dtcg;
use crate::tokens::finding::{Finding, Findings};
use crate::tokens::json::Node;
use crate::tokens::legacy;
use crate::tokens::link::{Input, SetDocument};
use crate::tokens::source::Source;

/// Reads a Tokens Studio document (single file: sets at the top, `$themes`, `$metadata`)
/// into base sets and modes: each theme is a mode, named after the theme (lowercase,
/// `-` for other characters). Themes in several groups: the first group's themes are
/// the modes; each other group is read at its first theme, with a warning.
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
    // Themes in several groups are several axes; until opends has theme axes, the
    // first group's themes are the modes, and each other group is read at its first
    // theme (its sets join the base).
    let group_of = |t: &Node<'_>| t.get("group").and_then(Node::as_str).map(str::to_string);
    let first_group = group_of(&themes[0]);
    let mut aside: Vec<(String, usize, &Node<'_>)> = Vec::new();
    for t in themes {
        let g = group_of(t);
        if g == first_group {
            continue;
        }
        let name = g.unwrap_or_else(|| "(no group)".to_string());
        match aside.iter_mut().find(|(n, ..)| *n == name) {
            Some((_, count, _)) => *count += 1,
            None => aside.push((name, 1, t)),
        }
    }
    let themes: Vec<&Node<'_>> = themes
        .iter()
        .filter(|t| group_of(t) == first_group)
        .collect();
    if !aside.is_empty() {
        let theme_name = |t: &Node<'_>| {
            t.get("name")
                .and_then(Node::as_str)
                .unwrap_or("theme")
                .to_string()
        };
        let list = aside
            .iter()
            .map(|(g, n, first)| {
                format!(
                    "`{g}` ({n} theme{}, read as `{}`)",
                    if *n == 1 { "" } else { "s" },
                    theme_name(first)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        findings.push(Finding::warning(
            "legacy-value",
            &src.loc(themes[0].offset),
            None,
            format!(
                "`$themes` has themes in {} groups; opends reads the first group, `{}` ({} themes), as modes and sets aside {list}, each read at its first theme (theme axes are not supported yet)",
                aside.len() + 1,
                first_group.as_deref().unwrap_or("(no group)"),
                themes.len(),
            ),
        ));
    }
    let mode_name = |t: &Node<'_>| -> String {
        mode_slug(t.get("name").and_then(Node::as_str).unwrap_or("theme"))
    };
    let mut first = enabled(themes[0]);
    for (_, _, t) in &aside {
        for name in enabled(t) {
            if !first.contains(&name) {
                first.push(name);
            }
        }
    }
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

fn clone_doc(doc: &dtcg::Document) -> dtcg::Document {
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
    fn themes_in_several_groups_read_the_first_group() {
        let doc = r##"{
  "core": {"space": {"value": "4px", "type": "spacing"}},
  "light": {"bg": {"value": "#ffffff", "type": "color"}},
  "dark": {"bg": {"value": "#000000", "type": "color"}},
  "acme": {"brand": {"value": "#ff0000", "type": "color"}},
  "umbrella": {"brand": {"value": "#0000ff", "type": "color"}},
  "$themes": [
    {"id": "1", "name": "Light", "group": "Mode", "selectedTokenSets": {"core": "source", "light": "enabled"}},
    {"id": "2", "name": "Dark", "group": "Mode", "selectedTokenSets": {"core": "source", "dark": "enabled"}},
    {"id": "3", "name": "Acme", "group": "Brand", "selectedTokenSets": {"acme": "enabled"}},
    {"id": "4", "name": "Umbrella", "group": "Brand", "selectedTokenSets": {"umbrella": "enabled"}},
    {"id": "5", "name": "Compact", "group": "Density", "selectedTokenSets": {}}
  ]
}"##;
        let root = json::parse(doc).unwrap();
        let src = Source::new("t.json", doc);
        let mut findings = Findings::default();
        let input = studio_input(&root, &src, "t.json", &mut findings);
        let modes: Vec<&str> = input.modes.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(modes, ["light", "dark"]);
        let base: Vec<&str> = input.base.iter().map(|d| d.set.as_str()).collect();
        assert_eq!(base, ["core", "light", "acme"]);
        let warnings: Vec<&str> = findings
            .iter()
            .filter(|f| f.message.contains("groups"))
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            warnings,
            [
                "`$themes` has themes in 3 groups; opends reads the first group, `Mode` (2 themes), as modes and sets aside `Brand` (2 themes, read as `Acme`), `Density` (1 theme, read as `Compact`), each read at its first theme (theme axes are not supported yet)"
            ]
        );
        assert!(!findings.has_errors(), "{findings:?}");
    }

    #[test]
    fn slugs() {
        assert_eq!(mode_slug("Mode/Dark"), "mode-dark");
        assert_eq!(mode_slug("Dark"), "dark");
    }
}
