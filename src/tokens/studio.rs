//! Tokens Studio (and Penpot) exports: sets merged in `$metadata.tokenSetOrder`,
//! `$themes` as modes (one group) or theme axes (several groups). The sets' values are converted by `tokens::legacy`; this module
//! builds the documents and modes from them.

use std::collections::HashMap;

use crate::model::{TokenPath, theme};
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
///
/// Each choice of themes is converted on its own, as Tokens Studio resolves it: an
/// expression or colour modifier is evaluated against the sets that choice selects (a later
/// set winning), so a base token computed from a set that differs per theme (a size scale
/// from the `Size` group's set) gets a value per theme. Sets that themes select only as
/// `source` are read for references but not written: references to their tokens are
/// replaced by the value in that choice.
pub fn studio_build(
    sets: &[(String, &Node<'_>, &Source<'_>)],
    themes: &[Node<'_>],
    src: &Source<'_>,
    findings: &mut Findings,
) -> Input {
    let mut input = Input::default();
    if themes.is_empty() {
        let all: Vec<usize> = (0..sets.len()).collect();
        let mut runs = Runs::new(sets, vec![false; sets.len()]);
        let docs = runs.run(&all, findings);
        legacy::warn_studio_converted(src, findings, runs.converted);
        for (i, doc) in docs {
            input.base.push(set_document(&sets[i].0, src, doc));
        }
        return input;
    }
    let selection = |theme: &Node<'_>, states: &[&str]| -> Vec<usize> {
        let selected = theme
            .get("selectedTokenSets")
            .and_then(Node::as_object)
            .unwrap_or_default();
        (0..sets.len())
            .filter(|&i| {
                selected.iter().any(|m| {
                    m.key == sets[i].0.as_str()
                        && m.value.as_str().is_some_and(|v| states.contains(&v))
                })
            })
            .collect()
    };
    let enabled = |theme: &Node<'_>| selection(theme, &["enabled", "source"]);
    // Read for references only: selected as `source` by a theme, `enabled` by none.
    let mut source_only = vec![false; sets.len()];
    for t in themes {
        for i in selection(t, &["source"]) {
            source_only[i] = true;
        }
    }
    for t in themes {
        for i in selection(t, &["enabled"]) {
            source_only[i] = false;
        }
    }
    let group_of = |t: &Node<'_>| t.get("group").and_then(Node::as_str).map(str::to_string);
    let mut groups: Vec<(Option<String>, Vec<&Node<'_>>)> = Vec::new();
    for t in themes {
        let g = group_of(t);
        match groups.iter_mut().find(|(n, _)| *n == g) {
            Some((_, list)) => list.push(t),
            None => groups.push((g, vec![t])),
        }
    }
    let axes = groups.len() > 1;
    input.mode_only_tokens = axes;
    let mut runs = Runs::new(sets, source_only);
    // The default choice: the first theme of every group.
    let firsts: Vec<Vec<usize>> = groups.iter().map(|(_, list)| enabled(list[0])).collect();
    let union = |parts: &[&Vec<usize>]| -> Vec<usize> {
        let mut all: Vec<usize> = parts.iter().flat_map(|p| p.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let defaults = runs.run(&union(&firsts.iter().collect::<Vec<_>>()), findings);
    for (i, doc) in &defaults {
        input
            .base
            .push(set_document(&sets[*i].0, src, clone_doc(doc)));
    }
    let mut axis_names: Vec<String> = Vec::new();
    for (g, (group, list)) in groups.iter().enumerate() {
        if list.len() < 2 {
            continue;
        }
        let label = group.as_deref().unwrap_or("theme");
        let axis = if axes {
            let mut axis = mode_slug(label);
            if axis.is_empty() {
                axis = "theme".to_string();
            }
            if axis_names.contains(&axis) {
                findings.push(Finding::error(
                    "invalid-axis-name",
                    &src.loc(list[0].offset),
                    None,
                    format!(
                        "`$themes` group `{label}` is axis `{axis}`, which an earlier group already names; rename one of the groups"
                    ),
                ));
                continue;
            }
            axis_names.push(axis.clone());
            axis
        } else {
            String::new()
        };
        let selected: Vec<Vec<usize>> = list.iter().map(|t| enabled(t)).collect();
        let mut contexts: Vec<String> = Vec::new();
        for (k, theme) in list.iter().enumerate() {
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
            let key = theme::key_of([(axis.as_str(), context.as_str())]);
            contexts.push(context);
            if !axes && k == 0 {
                // Plain modes: the first is the base itself.
                input.modes.push((key, Vec::new()));
                continue;
            }
            // The theme's own sets: (axes) those not every theme of the group selects,
            // (plain modes) those the first theme does not.
            let own: Vec<usize> = selected[k]
                .iter()
                .copied()
                .filter(|i| {
                    if axes {
                        !selected.iter().all(|other| other.contains(i))
                    } else {
                        !selected[0].contains(i)
                    }
                })
                .collect();
            let docs = if k == 0 {
                own.iter()
                    .filter_map(|i| defaults.iter().find(|(j, _)| j == i))
                    .map(|(i, doc)| set_document(&sets[*i].0, src, clone_doc(doc)))
                    .collect()
            } else {
                let mut parts: Vec<&Vec<usize>> = firsts.iter().collect();
                parts[g] = &selected[k];
                let choice = runs.run(&union(&parts), findings);
                let mut docs = Vec::new();
                for (i, doc) in choice {
                    if own.contains(&i) {
                        docs.push(set_document(&sets[i].0, src, doc));
                    } else if let Some((_, before)) = defaults.iter().find(|(j, _)| *j == i) {
                        // A set of the base: only the tokens this choice computes otherwise.
                        let changed = changed_tokens(before, doc);
                        if !changed.tokens.is_empty() {
                            docs.push(set_document(&sets[i].0, src, changed));
                        }
                    }
                }
                docs
            };
            input.modes.push((key, docs));
        }
    }
    legacy::warn_studio_converted(src, findings, runs.converted);
    input
}

fn set_document(set: &str, src: &Source<'_>, doc: dtcg::Document) -> SetDocument {
    SetDocument {
        set: set.to_string(),
        source: Some(src.name.to_string()),
        doc,
    }
}

/// The tokens of `after` whose value differs from the same token's in `before`.
fn changed_tokens(before: &dtcg::Document, after: dtcg::Document) -> dtcg::Document {
    let old: HashMap<&TokenPath, &serde_json::Value> =
        before.tokens.iter().map(|t| (&t.path, &t.value)).collect();
    dtcg::Document {
        tokens: after
            .tokens
            .into_iter()
            .filter(|t| old.get(&t.path).is_some_and(|v| **v != t.value))
            .collect(),
        groups: Vec::new(),
        extends: Vec::new(),
    }
}

/// Converts the sets of one choice of themes at a time (see [`studio_build`]), reporting
/// each set's findings once, in the first choice that converts it.
struct Runs<'s, 'n, 'a> {
    sets: &'s [(String, &'n Node<'a>, &'s Source<'s>)],
    source_only: Vec<bool>,
    reported: Vec<bool>,
    /// Tokens converted in the reported sets.
    converted: usize,
}

impl<'s, 'n, 'a> Runs<'s, 'n, 'a> {
    fn new(sets: &'s [(String, &'n Node<'a>, &'s Source<'s>)], source_only: Vec<bool>) -> Self {
        Self {
            sets,
            reported: vec![false; sets.len()],
            source_only,
            converted: 0,
        }
    }

    /// The documents of the chosen sets (indices, in set order) but the source-only ones,
    /// with references to source-only tokens replaced by their value.
    fn run(&mut self, chosen: &[usize], findings: &mut Findings) -> Vec<(usize, dtcg::Document)> {
        let part: Vec<(String, &Node<'a>, &Source<'_>)> = chosen
            .iter()
            .map(|&i| (self.sets[i].0.clone(), self.sets[i].1, self.sets[i].2))
            .collect();
        let report: Vec<bool> = chosen.iter().map(|&i| !self.reported[i]).collect();
        let (trees, count) = legacy::convert_studio_sets(&part, &report, findings);
        self.converted += count;
        let mut dropped = Findings::default();
        let mut docs = Vec::with_capacity(chosen.len());
        for ((&i, mut tree), report) in chosen.iter().zip(trees).zip(report) {
            let sink = if report { &mut *findings } else { &mut dropped };
            docs.push((
                i,
                dtcg::read_converted(&mut tree, self.sets[i].2, false, sink),
            ));
            self.reported[i] = true;
        }
        let (sources, mut docs): (Vec<_>, Vec<_>) =
            docs.into_iter().partition(|(i, _)| self.source_only[*i]);
        if !sources.is_empty() {
            let mut by_path: HashMap<TokenPath, dtcg::ParsedToken> = HashMap::new();
            for (_, doc) in sources {
                for t in doc.tokens {
                    by_path.insert(t.path.clone(), t);
                }
            }
            for (_, doc) in &mut docs {
                for t in &mut doc.tokens {
                    inline_sources(t, &by_path);
                }
            }
        }
        docs
    }
}

/// Replaces the references `token` makes to source-only tokens by their values (theirs
/// resolved the same way), keeping every other reference.
fn inline_sources(token: &mut dtcg::ParsedToken, sources: &HashMap<TokenPath, dtcg::ParsedToken>) {
    if !token
        .references
        .iter()
        .any(|(r, _)| sources.contains_key(&TokenPath::new(r.target.as_str())))
    {
        return;
    }
    let mut refs = Vec::new();
    let mut ty = token.ty;
    token.value = inlined(&token.value, "", sources, &mut refs, &mut ty, 0);
    token.ty = ty;
    let kept = token
        .references
        .drain(..)
        .filter(|(r, _)| !sources.contains_key(&TokenPath::new(r.target.as_str())));
    token.references = kept.chain(refs).collect();
}

/// How deep source tokens may alias each other before the reference is left as written
/// (the link step then reports it).
const MAX_SOURCE_DEPTH: usize = 32;

fn inlined(
    value: &serde_json::Value,
    at: &str,
    sources: &HashMap<TokenPath, dtcg::ParsedToken>,
    refs: &mut Vec<(
        crate::tokens::value::Reference,
        crate::tokens::finding::Location,
    )>,
    ty: &mut Option<crate::model::TokenType>,
    depth: usize,
) -> serde_json::Value {
    use crate::tokens::resolve::{alias_target, pointer_target};
    use serde_json::Value;
    let target = alias_target(value)
        .map(|t| (t.to_string(), Vec::new()))
        .or_else(|| pointer_target(value));
    if let Some((path, below)) = target {
        if let Some(src) = sources.get(&TokenPath::new(path.as_str())) {
            if depth < MAX_SOURCE_DEPTH {
                if at.is_empty() && ty.is_none() {
                    *ty = src.ty;
                }
                // The source token's own references (to tokens that are written) come along.
                for (r, loc) in &src.references {
                    if !sources.contains_key(&TokenPath::new(r.target.as_str())) {
                        let mut r = r.clone();
                        r.at = join_at(at, &r.at);
                        refs.push((r, loc.clone()));
                    }
                }
                let mut whole = inlined(&src.value, at, sources, refs, ty, depth + 1);
                for seg in &below {
                    whole = match whole {
                        Value::Object(mut m) => m.remove(seg.as_str()).unwrap_or(Value::Null),
                        Value::Array(mut a) => seg
                            .parse::<usize>()
                            .ok()
                            .filter(|&i| i < a.len())
                            .map_or(Value::Null, |i| a.swap_remove(i)),
                        _ => Value::Null,
                    };
                }
                return whole;
            }
        }
        return value.clone();
    }
    match value {
        Value::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| inlined(v, &join_at(at, &i.to_string()), sources, refs, ty, depth))
                .collect(),
        ),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        inlined(v, &join_at(at, k), sources, refs, ty, depth),
                    )
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

fn join_at(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}.{b}"),
    }
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
        // `core` is selected as `source` only: read, not written.
        assert_eq!(base, ["light", "acme"]);
        assert!(input.mode_only_tokens);
        assert!(
            findings.iter().all(|f| f.code == "legacy-format"),
            "{findings:?}"
        );
    }

    #[test]
    fn expressions_are_evaluated_per_theme_and_source_sets_are_inlined() {
        let doc = r##"{
  "size/small": {"size": {"base": {"value": "4", "type": "dimension"}}},
  "size/large": {"size": {"base": {"value": "8", "type": "dimension"}}},
  "global": {
    "space": {"md": {"value": "{size.base} * 2", "type": "dimension"},
              "base": {"value": "{size.base}", "type": "dimension"},
              "fixed": {"value": "3", "type": "dimension"}},
    "inset": {"value": "{space.md}", "type": "dimension"}
  },
  "light": {"bg": {"value": "#ffffff", "type": "color"}},
  "dark": {"bg": {"value": "#000000", "type": "color"}},
  "$themes": [
    {"id": "1", "name": "Small", "group": "Size", "selectedTokenSets": {"size/small": "source", "global": "enabled"}},
    {"id": "2", "name": "Large", "group": "Size", "selectedTokenSets": {"size/large": "source", "global": "enabled"}},
    {"id": "3", "name": "Light", "group": "Mode", "selectedTokenSets": {"light": "enabled"}},
    {"id": "4", "name": "Dark", "group": "Mode", "selectedTokenSets": {"dark": "enabled"}}
  ]
}"##;
        let root = json::parse(doc).unwrap();
        let src = Source::new("t.json", doc);
        let mut findings = Findings::default();
        let input = studio_input(&root, &src, "t.json", &mut findings);
        assert!(!findings.has_errors(), "{findings:?}");
        let values = |docs: &[SetDocument]| -> Vec<(String, String)> {
            docs.iter()
                .flat_map(|d| &d.doc.tokens)
                .map(|t| (t.path.to_string(), t.value.to_string()))
                .collect()
        };
        let base: Vec<&str> = input.base.iter().map(|d| d.set.as_str()).collect();
        assert_eq!(base, ["global", "light"]);
        let dim = |n: u32| format!(r#"{{"value":{n},"unit":"px"}}"#);
        assert_eq!(
            values(&input.base),
            [
                ("space.md".to_string(), dim(8)),
                ("space.base".to_string(), dim(4)),
                ("space.fixed".to_string(), dim(3)),
                ("inset".to_string(), r#""{space.md}""#.to_string()),
                (
                    "bg".to_string(),
                    r##"{"colorSpace":"srgb","components":[1,1,1],"hex":"#ffffff"}"##.to_string()
                ),
            ]
        );
        // References to the source set are gone; the one to `space.md` stays.
        let refs: Vec<String> = input
            .base
            .iter()
            .flat_map(|d| &d.doc.tokens)
            .flat_map(|t| t.references.iter().map(|(r, _)| r.target.clone()))
            .collect();
        assert_eq!(refs, ["space.md"]);
        let large = &input
            .modes
            .iter()
            .find(|(k, _)| k == "size=large")
            .unwrap()
            .1;
        assert_eq!(
            values(large),
            [
                ("space.md".to_string(), dim(16)),
                ("space.base".to_string(), dim(8)),
            ]
        );
        let small = &input
            .modes
            .iter()
            .find(|(k, _)| k == "size=small")
            .unwrap()
            .1;
        assert!(values(small).is_empty(), "{:?}", values(small));
        // Each set's findings once: one conversion warning for the export.
        let converted: Vec<&str> = findings
            .iter()
            .filter(|f| f.code == "legacy-format")
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(converted.len(), 1, "{converted:?}");
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
