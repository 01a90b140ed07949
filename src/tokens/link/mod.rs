//! Links the documents of one run into a single validated [`Tokens`] collection:
//! merges files in order, applies `$extends`, resolves references, infers types from
//! alias targets, checks reference types and finds cycles (naming every token in them).

use crate::hash::{HashMap, HashSet};

use serde_json::Value;

use crate::model::theme;
use crate::model::{Group, Token, TokenPath, TokenType, Tokens};
use crate::tokens::dtcg::{Document, ParsedToken};
use crate::tokens::finding::{Finding, Findings, Location};
use crate::tokens::value;

mod cycles;
mod extends;
mod references;

use cycles::find_cycles;
use extends::apply_extends;
use references::{
    check_mode_overrides, check_reference_types, check_references, infer, infer_types,
};

/// One document and where it came from.
#[derive(Debug)]
pub struct SetDocument {
    /// The token set name.
    pub set: String,
    /// The file it was read from.
    pub source: Option<String>,
    /// What was read.
    pub doc: Document,
}

/// The documents of a run: base sets in order, and per-mode override sets.
#[derive(Debug, Default)]
pub struct Input {
    /// Base sets, later ones overriding earlier ones.
    pub base: Vec<SetDocument>,
    /// Modes in order (the first is the default) with the sets that override the base in each.
    pub modes: Vec<(String, Vec<SetDocument>)>,
    /// Whether a mode may define a token the base lacks (resolver contexts may; in
    /// `opends.yaml` mode files that is more likely a typo, so it is an error there).
    pub mode_only_tokens: bool,
}

struct Entry {
    parsed: ParsedToken,
    set: String,
    source: Option<String>,
}

/// Links `input` into tokens; problems go to `findings` (the result is only meaningful
/// when there are no errors).
pub fn link(input: Input, findings: &mut Findings) -> Tokens {
    // Sized once: growing these by doubling copies every entry again (and, for large
    // systems, faults in fresh pages each time).
    let total: usize = input.base.iter().map(|sd| sd.doc.tokens.len()).sum();
    let mut entries: Vec<Entry> = Vec::with_capacity(total);
    let mut index: HashMap<TokenPath, usize> = crate::hash::map_with_capacity(total);
    let mut groups: Vec<Group> = Vec::new();
    let mut group_index: HashMap<TokenPath, usize> = HashMap::default();
    let mut extends = Vec::new();
    for sd in input.base {
        merge_groups(&mut groups, &mut group_index, sd.doc.groups);
        extends.extend(sd.doc.extends);
        for parsed in sd.doc.tokens {
            let entry = Entry {
                parsed,
                set: sd.set.clone(),
                source: sd.source.clone(),
            };
            if let Some(&i) = index.get(&entry.parsed.path) {
                entries[i] = entry;
            } else {
                index.insert(entry.parsed.path.clone(), entries.len());
                entries.push(entry);
            }
        }
    }
    for (path, &gi) in &group_index {
        if let Some(&ti) = index.get(path) {
            findings.push(Finding::error(
                "token-group-conflict",
                &entries[ti].parsed.loc,
                Some(path.as_str()),
                format!("`{path}` is both a token and a group ({})", groups[gi].path),
            ));
        }
    }
    let limits = crate::input::limits();
    if entries.len() > limits.max_tokens {
        findings.push(Finding::error(
            "limit-exceeded",
            &entries[limits.max_tokens].parsed.loc,
            Some(entries[limits.max_tokens].parsed.path.as_str()),
            format!(
                "more than {} tokens, {}",
                limits.max_tokens,
                crate::input::Limit::Tokens.hint()
            ),
        ));
        return Tokens::new(Vec::new(), Vec::new(), Vec::new());
    }
    apply_extends(&mut entries, &mut index, &group_index, &extends, findings);

    let group_paths: HashSet<&TokenPath> = group_index.keys().collect();
    // Resolve references and collect the reference graph.
    check_references(&entries, &index, &group_paths, findings);
    let mut types = infer_types(&entries, &index, findings);
    check_reference_types(&entries, &index, &types, None, findings);

    // Modes: each override must name an existing token of the same type.
    let mode_names: Vec<String> = input.modes.iter().map(|(m, _)| m.clone()).collect();
    let axes = theme::axes_of(&mode_names);
    let named_axes = axes.iter().any(|a| !a.name.is_empty());
    // With named axes, every key's overrides are kept to check each combination of
    // contexts as a whole once all keys are read.
    let mut kept: Vec<(String, Vec<(usize, ParsedToken)>)> = Vec::new();
    let mut mode_values: Vec<Vec<(String, Value)>> = vec![Vec::new(); entries.len()];
    for (mode, sets) in input.modes {
        let default_key = !theme::is_combination(&mode)
            && theme::key_parts(&mode).next().is_some_and(|(axis, ctx)| {
                axes.iter()
                    .any(|a| a.name == axis && a.default_context() == ctx)
            });
        let mut overrides: Vec<Entry> = Vec::new();
        for sd in sets {
            for parsed in sd.doc.tokens {
                overrides.push(Entry {
                    parsed,
                    set: sd.set.clone(),
                    source: sd.source.clone(),
                });
            }
        }
        if input.mode_only_tokens {
            // Tokens that only this mode defines take the mode's value as their base too.
            for o in &overrides {
                if index.contains_key(&o.parsed.path) {
                    continue;
                }
                findings.push(Finding::warning(
                    "mode-only-token",
                    &o.parsed.loc,
                    Some(o.parsed.path.as_str()),
                    format!(
                        "`{}` is only defined in mode `{mode}`; the other modes use the same value",
                        o.parsed.path
                    ),
                ));
                index.insert(o.parsed.path.clone(), entries.len());
                entries.push(Entry {
                    parsed: o.parsed.clone(),
                    set: o.set.clone(),
                    source: o.source.clone(),
                });
                let t = infer(&[&o.parsed], &HashMap::default());
                types.push(t[0]);
                mode_values.push(Vec::new());
            }
        }
        let mut mode_entries: Vec<(usize, &Entry)> = Vec::new();
        for o in &overrides {
            let p = &o.parsed;
            let Some(&i) = index.get(&p.path) else {
                findings.push(Finding::error(
                    "unknown-mode-token",
                    &p.loc,
                    Some(p.path.as_str()),
                    format!("mode `{mode}` sets `{}`, which has no base value; define it in a base token file first", p.path),
                ));
                continue;
            };
            if let (Some(t), Some(base)) = (p.ty, types[i]) {
                if t != base {
                    findings.push(Finding::error(
                        "mode-type-mismatch",
                        &p.loc,
                        Some(p.path.as_str()),
                        format!(
                            "mode `{mode}` gives `{}` type `{t}`, but its base type is `{base}`",
                            p.path
                        ),
                    ));
                    continue;
                }
            }
            mode_entries.push((i, o));
        }
        check_references(&overrides, &index, &group_paths, findings);
        let mut with_mode: Vec<&ParsedToken> = entries.iter().map(|e| &e.parsed).collect();
        for &(i, o) in &mode_entries {
            with_mode[i] = &o.parsed;
        }
        let mode_types: Vec<Option<TokenType>> = with_mode
            .iter()
            .enumerate()
            .map(|(i, p)| p.ty.or(types[i]))
            .collect();
        check_mode_overrides(
            &mode_entries,
            &index,
            &mode_types,
            &with_mode,
            findings,
            &mode,
        );
        find_cycles(&with_mode, &index, findings);
        if named_axes {
            kept.push((
                mode.clone(),
                mode_entries
                    .iter()
                    .map(|&(i, o)| (i, o.parsed.clone()))
                    .collect(),
            ));
        }
        for (i, o) in mode_entries {
            // A later override of the same token in the same mode wins.
            mode_values[i].retain(|(m, _)| *m != mode);
            let v = o.parsed.value.clone();
            // A default context's value is the base value, but is kept when an earlier
            // key gives the token another one: in resolution order it overrides that key.
            if v != entries[i].parsed.value || (default_key && !mode_values[i].is_empty()) {
                mode_values[i].push((mode.clone(), v));
            }
        }
    }
    if named_axes {
        check_combinations(&axes, &kept, &entries, &index, findings);
    }

    let tokens = entries
        .into_iter()
        .zip(types)
        .zip(mode_values)
        .map(|((e, ty), modes)| Token {
            path: e.parsed.path,
            ty: ty.unwrap_or(TokenType::Number),
            explicit_type: e.parsed.explicit_type,
            value: e.parsed.value,
            modes,
            description: e.parsed.description,
            deprecated: e.parsed.deprecated,
            extensions: e.parsed.extensions,
            set: e.set,
            source: e.source,
        })
        .collect();
    Tokens::new(tokens, groups, mode_names)
}

/// Checks each combination of contexts for cycles that no single key has (`a` aliases
/// `b` in one brand, `b` aliases `a` in the dark scheme). Bounded: when the axes have more
/// than `COMBINATION_CHECKS` combinations only each key is checked on its own.
fn check_combinations(
    axes: &[theme::Axis],
    kept: &[(String, Vec<(usize, ParsedToken)>)],
    entries: &[Entry],
    index: &HashMap<TokenPath, usize>,
    findings: &mut Findings,
) {
    const COMBINATION_CHECKS: usize = 256;
    let Some(combinations) = theme::combinations(axes) else {
        return;
    };
    if combinations.len() > COMBINATION_CHECKS {
        return;
    }
    for combination in combinations {
        let matching: Vec<&Vec<(usize, ParsedToken)>> = kept
            .iter()
            .filter(|(key, _)| combination.matches(key))
            .map(|(_, o)| o)
            .collect();
        // A single key was already checked on its own.
        if matching.len() < 2 {
            continue;
        }
        let mut with: Vec<&ParsedToken> = entries.iter().map(|e| &e.parsed).collect();
        for overrides in matching {
            for (i, p) in overrides {
                with[*i] = p;
            }
        }
        let before = findings.error_count();
        find_cycles(&with, index, findings);
        if findings.error_count() > before {
            // One report per cycle is enough; other combinations repeat it.
            return;
        }
    }
}

fn merge_groups(
    groups: &mut Vec<Group>,
    index: &mut HashMap<TokenPath, usize>,
    incoming: Vec<Group>,
) {
    for g in incoming {
        if let Some(&i) = index.get(&g.path) {
            let existing = &mut groups[i];
            existing.ty = g.ty.or(existing.ty);
            if g.description.is_some() {
                existing.description = g.description;
            }
            if g.deprecated.is_some() {
                existing.deprecated = g.deprecated;
            }
            if g.extensions.is_some() {
                existing.extensions = g.extensions;
            }
        } else {
            index.insert(g.path.clone(), groups.len());
            groups.push(g);
        }
    }
}

/// Turns stored tokens back into documents (one per token set whose name `keep`
/// accepts), so that they can be linked together with newly read files.
pub fn documents_from(tokens: &Tokens, keep: impl Fn(&str) -> bool) -> Input {
    let mut base: Vec<SetDocument> = Vec::new();
    let mut modes: Vec<(String, Vec<SetDocument>)> = tokens
        .modes
        .iter()
        .map(|m| (m.clone(), Vec::new()))
        .collect();
    let mut set_index: HashMap<&str, usize> = HashMap::default();
    for t in &tokens.tokens {
        if !keep(&t.set) {
            continue;
        }
        let i = *set_index.entry(t.set.as_str()).or_insert_with(|| {
            base.push(SetDocument {
                set: t.set.clone(),
                source: t.source.clone(),
                doc: Document::default(),
            });
            base.len() - 1
        });
        base[i].doc.tokens.push(parsed_from(t, &t.value));
        for (mode, v) in &t.modes {
            if let Some((_, docs)) = modes.iter_mut().find(|(m, _)| m == mode) {
                if docs.is_empty() {
                    docs.push(SetDocument {
                        set: t.set.clone(),
                        source: t.source.clone(),
                        doc: Document::default(),
                    });
                }
                docs[0].doc.tokens.push(parsed_from(t, v));
            }
        }
    }
    if !tokens.groups.is_empty() {
        if base.is_empty() {
            base.push(SetDocument {
                set: "local".into(),
                source: None,
                doc: Document::default(),
            });
        }
        base[0].doc.groups.clone_from(&tokens.groups);
    }
    Input {
        base,
        modes,
        mode_only_tokens: false,
    }
}

/// A stored token as if it had just been read (its references collected again).
pub fn parsed_from(t: &Token, value: &Value) -> ParsedToken {
    let loc = Location {
        file: t.source.as_deref().map(Into::into),
        line: 0,
        column: 0,
    };
    let checked = value::check_value(t.ty, value);
    ParsedToken {
        path: t.path.clone(),
        ty: Some(t.ty),
        explicit_type: t.explicit_type,
        value: value.clone(),
        description: t.description.clone(),
        deprecated: t.deprecated.clone(),
        extensions: t.extensions.clone(),
        invalid: !checked.problems.is_empty(),
        references: checked
            .references
            .into_iter()
            .map(|r| (r, loc.clone()))
            .collect(),
        loc,
    }
}
