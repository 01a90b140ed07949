//! Tokens Studio single-file exports: sets, `$themes` (each theme a mode) and `$metadata`.

use std::collections::HashMap;

use crate::tokens::Format;
use crate::tokens::dtcg::{self, Source};
use crate::tokens::finding::Findings;
use crate::tokens::json::Node;
use crate::tokens::link::{Input, SetDocument};

use super::{Converter, collect_raw, warn_converted};

/// Reads a Tokens Studio document (single file: sets at the top, `$themes`, `$metadata`)
/// into base sets and modes: each theme is a mode, named after the theme (lowercase,
/// `-` for other characters; `group-name` when themes come in several groups).
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
    // Arithmetic and references may cross sets: index every set's raw tokens.
    let mut raw = HashMap::new();
    for (_, node, _) in sets {
        collect_raw(node, "", &mut raw);
    }
    let mut converted: HashMap<String, dtcg::Document> = HashMap::new();
    let mut count = 0;
    for (name, node, set_src) in sets {
        let mut cv = Converter {
            src: set_src,
            findings,
            raw: &raw,
            count: 0,
        };
        let mut tree = cv.group(node, "", None);
        count += cv.count;
        let doc = dtcg::read(&mut tree, set_src, findings);
        converted.insert(name.clone(), doc);
    }
    warn_converted(src, findings, Format::TokensStudio, count);
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
    let groups: std::collections::HashSet<&str> = themes
        .iter()
        .filter_map(|t| t.get("group").and_then(Node::as_str))
        .collect();
    let mode_name = |t: &Node<'_>| -> String {
        let name = t.get("name").and_then(Node::as_str).unwrap_or("theme");
        let full = match t.get("group").and_then(Node::as_str) {
            Some(g) if groups.len() > 1 => format!("{g}-{name}"),
            _ => name.to_string(),
        };
        mode_slug(&full)
    };
    let first = enabled(&themes[0]);
    for name in &first {
        if let Some(doc) = converted.get(name) {
            input.base.push(SetDocument {
                set: name.clone(),
                source: Some(src.name.to_string()),
                doc: clone_doc(doc),
            });
        }
    }
    input.modes.push((mode_name(&themes[0]), Vec::new()));
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

    #[test]
    fn slugs() {
        assert_eq!(mode_slug("Mode/Dark"), "mode-dark");
        assert_eq!(mode_slug("Dark"), "dark");
    }
}
