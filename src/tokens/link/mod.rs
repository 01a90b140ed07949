//! Links the documents of one run into a single validated [`Tokens`] collection:
//! merges files in order, applies `$extends`, resolves references, infers types from
//! alias targets, checks reference types and finds cycles (naming every token in them).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde_json::Value;

use crate::model::{Group, Token, TokenPath, TokenType, Tokens};
use crate::tokens::dtcg::{Document, ParsedToken};
use crate::tokens::finding::{Finding, Findings, Location};
use crate::tokens::value::{self, Expect};

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
    let mut entries: Vec<Entry> = Vec::new();
    let mut index: HashMap<TokenPath, usize> = HashMap::default();
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
    let mut mode_values: Vec<Vec<(String, Value)>> = vec![Vec::new(); entries.len()];
    for (mode, sets) in input.modes {
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
        for (i, o) in mode_entries {
            // A later override of the same token in the same mode wins.
            mode_values[i].retain(|(m, _)| *m != mode);
            let v = o.parsed.value.clone();
            if v != entries[i].parsed.value {
                mode_values[i].push((mode.clone(), v));
            }
        }
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

/// Paths below `prefix` (which ends with `.`) in a sorted set of paths.
fn below<'a>(
    sorted: &'a std::collections::BTreeSet<String>,
    prefix: &'a str,
) -> impl Iterator<Item = &'a String> + 'a {
    sorted
        .range::<str, _>((
            std::ops::Bound::Included(prefix),
            std::ops::Bound::Unbounded,
        ))
        .take_while(move |p| p.starts_with(prefix))
}

/// Applies `$extends` in linear time: chains are followed with memoised lengths (and
/// bounded by `max-chain`), groups are ordered once, and the number of tokens the copies
/// add is computed (as an upper bound) before anything is copied, so an expansion that
/// would break `max-tokens` is refused before it allocates.
fn apply_extends(
    entries: &mut Vec<Entry>,
    index: &mut HashMap<TokenPath, usize>,
    groups: &HashMap<TokenPath, usize>,
    extends: &[crate::tokens::dtcg::Extends],
    findings: &mut Findings,
) {
    use crate::input::{Limit, limits};
    if extends.is_empty() {
        return;
    }
    let limits = limits();
    let targets: HashMap<&TokenPath, &crate::tokens::dtcg::Extends> =
        extends.iter().map(|e| (&e.group, e)).collect();
    // Chain length per extending group (memoised); `None` = the chain reaches a cycle.
    let mut chain_len: HashMap<&TokenPath, Option<usize>> = HashMap::default();
    for e in extends {
        let mut path: Vec<&TokenPath> = Vec::new();
        let mut on_path: HashSet<&TokenPath> = HashSet::default();
        let mut cur = &e.group;
        let end = loop {
            if let Some(&known) = chain_len.get(cur) {
                break known;
            }
            if !on_path.insert(cur) {
                break None;
            }
            path.push(cur);
            match targets.get(cur) {
                Some(next) => cur = &next.target,
                None => break Some(0),
            }
        };
        let n = path.len();
        for (i, g) in path.into_iter().enumerate() {
            // The last element on the path is not extending (it ended the chain) when
            // `end` came from `targets` missing it; count hops to the end.
            let len = end.map(|l| l + (n - i));
            chain_len.entry(g).or_insert(len);
        }
    }
    let mut bad: HashSet<TokenPath> = HashSet::default();
    for e in extends {
        let len = chain_len.get(&e.group).copied().flatten();
        if len.is_none() {
            // Leads into a cycle: name it as the chain from this group.
            let mut chain = vec![e.group.clone()];
            let mut seen: HashSet<&TokenPath> = HashSet::default();
            seen.insert(&e.group);
            let mut cur = &e.target;
            loop {
                chain.push(cur.clone());
                if !seen.insert(cur) {
                    break;
                }
                if chain.len() > limits.max_chain {
                    chain.push(TokenPath::new("..."));
                    break;
                }
                match targets.get(cur) {
                    Some(next) => cur = &next.target,
                    None => break,
                }
            }
            let names: Vec<&str> = chain.iter().map(TokenPath::as_str).collect();
            findings.push(Finding::error(
                "extends-cycle",
                &e.loc,
                Some(e.group.as_str()),
                format!("`$extends` cycle: {}", names.join(" -> ")),
            ));
            bad.insert(e.group.clone());
        } else if len.is_some_and(|l| l > limits.max_chain) {
            // Report only where the chain first passes the limit, not once per group.
            if len == Some(limits.max_chain + 1) {
                findings.push(Finding::error(
                    "limit-exceeded",
                    &e.loc,
                    Some(e.group.as_str()),
                    format!(
                        "this `$extends` chain is longer than {} groups, {}",
                        limits.max_chain,
                        Limit::Chain.hint()
                    ),
                ));
            }
            bad.insert(e.group.clone());
        }
        if e.group == e.target || e.group.as_str().starts_with(&format!("{}.", e.target)) {
            findings.push(Finding::error(
                "extends-cycle",
                &e.loc,
                Some(e.group.as_str()),
                format!("`$extends` names `{}`, which contains this group", e.target),
            ));
            bad.insert(e.group.clone());
        } else if index.contains_key(&e.target) {
            findings.push(Finding::error(
                "invalid-extends",
                &e.loc,
                Some(e.group.as_str()),
                format!(
                    "`$extends` names `{}`, which is a token; it must name a group",
                    e.target
                ),
            ));
            bad.insert(e.group.clone());
        } else if !groups.contains_key(&e.target) {
            findings.push(Finding::error(
                "invalid-extends",
                &e.loc,
                Some(e.group.as_str()),
                format!("`$extends` names `{}`, which is not a group", e.target),
            ));
            bad.insert(e.group.clone());
        }
    }
    let good: Vec<&crate::tokens::dtcg::Extends> =
        extends.iter().filter(|e| !bad.contains(&e.group)).collect();
    // Which extending groups lie at or below each group (by every ancestor prefix).
    let mut inside: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, e) in good.iter().enumerate() {
        let g = e.group.as_str();
        inside.entry(g).or_default().push(i);
        for (at, _) in g.match_indices('.') {
            inside.entry(&g[..at]).or_default().push(i);
        }
    }
    // A group is applied after the extending groups inside its target (their copies are
    // part of what it inherits): order by that dependency, memoised; groups that wait
    // on each other are left out, as before.
    let deps = |i: usize| -> Vec<usize> {
        inside
            .get(good[i].target.as_str())
            .map(|v| v.iter().copied().filter(|&j| j != i).collect())
            .unwrap_or_default()
    };
    let mut state = vec![0u8; good.len()]; // 0 new, 1 on stack, 2 done, 3 blocked
    let mut order: Vec<usize> = Vec::with_capacity(good.len());
    for start in 0..good.len() {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, deps(start))];
        state[start] = 1;
        while let Some((node, pending)) = stack.last_mut() {
            if let Some(next) = pending.pop() {
                match state[next] {
                    0 => {
                        state[next] = 1;
                        let d = deps(next);
                        stack.push((next, d));
                    }
                    1 | 3 => state[*node] = 3,
                    _ => {}
                }
            } else {
                let node = *node;
                stack.pop();
                if state[node] == 3 {
                    if let Some((parent, _)) = stack.last() {
                        state[*parent] = 3;
                    }
                } else {
                    state[node] = 2;
                    order.push(node);
                }
            }
        }
    }
    // Paths in order, for prefix queries.
    let mut sorted: std::collections::BTreeSet<String> = entries
        .iter()
        .map(|en| en.parsed.path.as_str().to_string())
        .collect();
    // Upper bound of the tokens each application copies, before copying anything.
    // The same for the bytes the copies hold: many groups inheriting one large value
    // would otherwise copy it many times.
    let mut copies: Vec<u64> = vec![0; good.len()];
    let mut copied_bytes: Vec<u64> = vec![0; good.len()];
    let mut total = entries.len() as u64;
    let mut total_bytes = entries
        .iter()
        .fold(0u64, |acc, en| acc.saturating_add(entry_bytes(&en.parsed)));
    for &i in &order {
        let prefix = format!("{}.", good[i].target);
        let (own, own_bytes) = below(&sorted, &prefix)
            .filter_map(|p| index.get(&TokenPath::new(p.as_str())))
            .fold((0u64, 0u64), |(n, b), &k| {
                (n + 1, b.saturating_add(entry_bytes(&entries[k].parsed)))
            });
        let (nested, nested_bytes) =
            deps(i)
                .into_iter()
                .filter(|&j| state[j] == 2)
                .fold((0u64, 0u64), |(n, b), j| {
                    (
                        n.saturating_add(copies[j]),
                        b.saturating_add(copied_bytes[j]),
                    )
                });
        copies[i] = own.saturating_add(nested);
        copied_bytes[i] = own_bytes.saturating_add(nested_bytes);
        total = total.saturating_add(copies[i]);
        total_bytes = total_bytes.saturating_add(copied_bytes[i]);
        if total_bytes > limits.max_output_bytes {
            findings.push(Finding::error(
                "limit-exceeded",
                &good[i].loc,
                Some(good[i].group.as_str()),
                format!(
                    "`$extends` would copy values of more than {} bytes, {}",
                    limits.max_output_bytes,
                    Limit::OutputBytes.hint()
                ),
            ));
            return;
        }
        if total > limits.max_tokens as u64 {
            findings.push(Finding::error(
                "limit-exceeded",
                &good[i].loc,
                Some(good[i].group.as_str()),
                format!(
                    "`$extends` would make more than {} tokens, {}",
                    limits.max_tokens,
                    Limit::Tokens.hint()
                ),
            ));
            return;
        }
    }
    for i in order {
        let e = good[i];
        let prefix = format!("{}.", e.target);
        let inherited: Vec<ParsedToken> = below(&sorted, &prefix)
            .filter_map(|p| index.get(&TokenPath::new(p.as_str())))
            .map(|&k| {
                let en = &entries[k];
                let rel = &en.parsed.path.as_str()[prefix.len()..];
                let mut p = en.parsed.clone();
                p.path = e.group.child(rel);
                p
            })
            .collect();
        for p in inherited {
            if index.contains_key(&p.path) {
                continue; // the extending group overrides
            }
            sorted.insert(p.path.as_str().to_string());
            index.insert(p.path.clone(), entries.len());
            let source = entries[0].source.clone();
            entries.push(Entry {
                parsed: p,
                set: entries[0].set.clone(),
                source,
            });
        }
    }
}

/// The bytes a copy of a token holds (value, description and extensions).
fn entry_bytes(p: &ParsedToken) -> u64 {
    let mut n =
        crate::tokens::resolve::value_bytes(&p.value).saturating_add(p.path.as_str().len() as u64);
    if let Some(d) = &p.description {
        n = n.saturating_add(d.len() as u64);
    }
    if let Some(x) = &p.extensions {
        n = n.saturating_add(crate::tokens::resolve::value_bytes(x));
    }
    n
}

/// Every reference must name an existing token (not a group).
fn check_references(
    entries: &[Entry],
    index: &HashMap<TokenPath, usize>,
    groups: &HashSet<&TokenPath>,
    findings: &mut Findings,
) {
    for e in entries {
        for (r, loc) in &e.parsed.references {
            let target = TokenPath::new(r.target.as_str());
            let is_token = index.contains_key(&target);
            if let Some(written) = &r.written {
                let message = if !r.reaches_value && is_token {
                    format!(
                        "JSON pointer `{written}` points at the token `{}` itself, not at its value; write `{written}/$value`",
                        r.target
                    )
                } else if groups.contains(&target) || r.target.is_empty() {
                    format!(
                        "JSON pointer `{written}` points at the group `{}`; a reference must point at a token's `$value`",
                        r.target
                    )
                } else if !is_token {
                    let dotted = written
                        .strip_prefix("#/")
                        .is_some_and(|rest| rest.split('/').any(|seg| seg.contains('.')));
                    let hint = if dotted {
                        " (pointer segments are separated by `/`, not `.`)"
                    } else {
                        ""
                    };
                    format!("JSON pointer `{written}` does not exist in the tokens{hint}")
                } else {
                    if target == e.parsed.path && r.pointer.is_empty() {
                        findings.push(Finding::error(
                            "reference-cycle",
                            loc,
                            Some(e.parsed.path.as_str()),
                            format!("`{}` references itself through `{written}`", e.parsed.path),
                        ));
                    }
                    continue;
                };
                findings.push(Finding::error(
                    "unknown-reference",
                    loc,
                    Some(e.parsed.path.as_str()),
                    message,
                ));
                continue;
            }
            if is_token {
                if target == e.parsed.path && r.pointer.is_empty() {
                    findings.push(Finding::error(
                        "reference-cycle",
                        loc,
                        Some(e.parsed.path.as_str()),
                        format!("`{}` references itself", e.parsed.path),
                    ));
                }
                continue;
            }
            let message = if groups.contains(&target) {
                format!(
                    "`{{{}}}` is a group, not a token; reference one of its tokens",
                    r.target
                )
            } else {
                let hint = nearest(&r.target, index);
                match hint {
                    Some(h) => format!(
                        "unknown reference `{{{}}}` (did you mean `{{{h}}}`?)",
                        r.target
                    ),
                    None => format!(
                        "unknown reference `{{{}}}`: no token has that path",
                        r.target
                    ),
                }
            };
            findings.push(Finding::error(
                "unknown-reference",
                loc,
                Some(e.parsed.path.as_str()),
                message,
            ));
        }
    }
}

/// A path that shares the longest prefix with `target`, as a hint for typos.
fn nearest<'a>(target: &str, index: &'a HashMap<TokenPath, usize>) -> Option<&'a str> {
    if index.len() > 50_000 {
        return None;
    }
    let parent = target.rsplit_once('.').map(|(p, _)| p)?;
    let last = target.rsplit_once('.').map(|(_, l)| l)?;
    index
        .keys()
        .map(TokenPath::as_str)
        .filter(|k| k.rsplit_once('.').is_some_and(|(p, _)| p == parent))
        .min_by_key(|k| edit_distance(k.rsplit_once('.').map_or(*k, |(_, l)| l), last))
        .filter(|k| edit_distance(k.rsplit_once('.').map_or(*k, |(_, l)| l), last) <= 2)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Types of every token: declared ones, and for untyped aliases the target's (following chains).
fn infer_types(
    entries: &[Entry],
    index: &HashMap<TokenPath, usize>,
    findings: &mut Findings,
) -> Vec<Option<TokenType>> {
    let parsed: Vec<&ParsedToken> = entries.iter().map(|e| &e.parsed).collect();
    let types = infer(&parsed, index);
    find_cycles(&parsed, index, findings);
    check_chain_length(&parsed, index, findings);
    for (i, p) in parsed.iter().enumerate() {
        if types[i].is_none() && !p.invalid && p.ty.is_none() {
            let target_known = p
                .references
                .first()
                .is_some_and(|(r, _)| index.contains_key(&TokenPath::new(r.target.as_str())));
            if target_known {
                findings.push(Finding::error(
                    "missing-type",
                    &p.loc,
                    Some(p.path.as_str()),
                    "the token's type cannot be inferred from its reference; add `\"$type\"`"
                        .into(),
                ));
            }
        }
    }
    types
}

fn infer(parsed: &[&ParsedToken], index: &HashMap<TokenPath, usize>) -> Vec<Option<TokenType>> {
    let mut types: Vec<Option<TokenType>> = parsed.iter().map(|p| p.ty).collect();
    // Each token's chain is followed once: what an earlier walk settled is reused.
    let mut settled: Vec<bool> = types.iter().map(Option::is_some).collect();
    for start in 0..parsed.len() {
        if settled[start] {
            continue;
        }
        let mut seen = vec![start];
        let mut on_path: HashSet<usize> = HashSet::default();
        on_path.insert(start);
        let mut cur = start;
        let found = loop {
            let Some((r, _)) = parsed[cur].references.first() else {
                break None;
            };
            let Some(&next) = index.get(&TokenPath::new(r.target.as_str())) else {
                break None;
            };
            if !r.pointer.is_empty() {
                // A pointer into a value: the type is that of the sub-value, which the
                // target's type alone does not tell; numbers are the common case.
                break pointer_type(parsed, index, next, &r.pointer);
            }
            if settled[next] {
                break types[next];
            }
            if !on_path.insert(next) {
                break None;
            }
            seen.push(next);
            cur = next;
        };
        for i in seen {
            types[i] = found;
            settled[i] = true;
        }
    }
    types
}

/// Nodes of a JSON value (objects and arrays count one, plus their members).
fn value_nodes(v: &Value) -> u64 {
    match v {
        Value::Array(a) => 1 + a.iter().map(value_nodes).sum::<u64>(),
        Value::Object(m) => 1 + m.values().map(value_nodes).sum::<u64>(),
        _ => 1,
    }
}

/// Refuses reference chains longer than the `max-chain` limit (resolving them later
/// would be cut short), and values that grow past `max-value-nodes` once their
/// references are resolved (a shadow of two layers that each alias the previous one
/// doubles per token: 25 such tokens would make 33 million layers at export). Each
/// problem is reported once, where it first passes the limit.
fn check_chain_length(
    parsed: &[&ParsedToken],
    index: &HashMap<TokenPath, usize>,
    findings: &mut Findings,
) {
    use crate::input::{Limit, limits};
    let limits = limits();
    let max = limits.max_chain;
    let max_nodes = limits.max_value_nodes as u64;
    let n = parsed.len();
    let edges = |i: usize| -> Vec<usize> {
        parsed[i]
            .references
            .iter()
            .filter_map(|(r, _)| index.get(&TokenPath::new(r.target.as_str())).copied())
            .collect()
    };
    // Longest chain of references starting at each token, and the size of its value
    // with every reference replaced by what it names (an upper bound for pointers).
    // Cycles are reported elsewhere and count as ending there. Iterative, so a long
    // chain cannot overflow the stack.
    let mut depth: Vec<usize> = vec![0; n];
    let mut size: Vec<u64> = parsed.iter().map(|p| value_nodes(&p.value)).collect();
    let own = size.clone();
    // Bytes too: one large string aliased thousands of times stays within the parts
    // limits but not within memory once resolved.
    let mut bytes: Vec<u64> = parsed
        .iter()
        .map(|p| crate::tokens::resolve::value_bytes(&p.value))
        .collect();
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    for start in 0..n {
        if state[start] != 0 || parsed[start].references.is_empty() {
            continue;
        }
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, edges(start))];
        state[start] = 1;
        while let Some((node, pending)) = stack.last_mut() {
            let node = *node;
            if let Some(next) = pending.pop() {
                match state[next] {
                    0 => {
                        state[next] = 1;
                        let e = edges(next);
                        stack.push((next, e));
                    }
                    2 => {
                        depth[node] = depth[node].max(depth[next] + 1);
                        size[node] = size[node].saturating_add(size[next]);
                        bytes[node] = bytes[node].saturating_add(bytes[next]);
                    }
                    _ => {}
                }
            } else {
                stack.pop();
                state[node] = 2;
                if let Some((parent, _)) = stack.last() {
                    depth[*parent] = depth[*parent].max(depth[node] + 1);
                    size[*parent] = size[*parent].saturating_add(size[node]);
                    bytes[*parent] = bytes[*parent].saturating_add(bytes[node]);
                }
            }
        }
    }
    let mut total: u64 = 0;
    let total_max = (limits.max_tokens as u64).saturating_mul(16);
    let mut total_bytes: u64 = 0;
    let mut bytes_reported = false;
    for (i, p) in parsed.iter().enumerate() {
        if depth[i] == max + 1 {
            findings.push(Finding::error(
                "limit-exceeded",
                &p.loc,
                Some(p.path.as_str()),
                format!(
                    "the chain of references from `{}` is longer than {max} aliases, {}",
                    p.path,
                    Limit::Chain.hint()
                ),
            ));
        }
        // Where the growth starts: over the limit, and none of its references is.
        let first_over = size[i] > max_nodes
            && own[i] <= max_nodes
            && edges(i).iter().all(|&j| size[j] <= max_nodes);
        if first_over || (own[i] > max_nodes) {
            findings.push(Finding::error(
                "limit-exceeded",
                &p.loc,
                Some(p.path.as_str()),
                format!(
                    "the value of `{}` grows to more than {max_nodes} parts once its references are resolved, {}",
                    p.path,
                    Limit::ValueNodes.hint()
                ),
            ));
        }
        total = total.saturating_add(size[i].min(max_nodes.saturating_add(1)));
        total_bytes = total_bytes.saturating_add(bytes[i]);
        if total_bytes > limits.max_output_bytes && !bytes_reported {
            bytes_reported = true;
            findings.push(Finding::error(
                "limit-exceeded",
                &p.loc,
                Some(p.path.as_str()),
                format!(
                    "the resolved values of the tokens up to `{}` hold more than {} bytes (references count at the size of what they name), {}",
                    p.path,
                    limits.max_output_bytes,
                    Limit::OutputBytes.hint()
                ),
            ));
        }
    }
    if total > total_max {
        if let Some(p) = parsed.first() {
            findings.push(Finding::error(
                "limit-exceeded",
                &p.loc,
                None,
                format!(
                    "the resolved values of all tokens hold more than {total_max} parts (16 per token of the limit `limits.{}`; raise it in opends.yaml or with `{}`)",
                    Limit::Tokens.key(),
                    Limit::Tokens.env()
                ),
            ));
        }
    }
}

fn pointer_type(
    parsed: &[&ParsedToken],
    index: &HashMap<TokenPath, usize>,
    target: usize,
    pointer: &[String],
) -> Option<TokenType> {
    let value = literal_value(parsed, index, target, &mut Vec::new())?;
    let sub = navigate(&value, pointer)?;
    match sub {
        Value::Number(_) => Some(TokenType::Number),
        _ => None,
    }
}

/// The target's value with whole-value aliases followed (not sub-value aliases).
fn literal_value(
    parsed: &[&ParsedToken],
    index: &HashMap<TokenPath, usize>,
    i: usize,
    seen: &mut Vec<usize>,
) -> Option<Value> {
    if seen.contains(&i) {
        return None;
    }
    seen.push(i);
    let p = parsed[i];
    if let Some((r, _)) = p.references.first() {
        if r.at.is_empty() {
            let next = *index.get(&TokenPath::new(r.target.as_str()))?;
            let v = literal_value(parsed, index, next, seen)?;
            return if r.pointer.is_empty() {
                Some(v)
            } else {
                navigate(&v, &r.pointer).cloned()
            };
        }
    }
    Some(p.value.clone())
}

fn navigate<'v>(value: &'v Value, pointer: &[String]) -> Option<&'v Value> {
    let mut cur = value;
    for seg in pointer {
        cur = match cur {
            Value::Object(m) => m.get(seg)?,
            Value::Array(a) => {
                if seg.starts_with('0') && seg.len() > 1 {
                    return None;
                }
                a.get(seg.parse::<usize>().ok()?)?
            }
            _ => return None,
        };
    }
    Some(cur)
}

fn check_reference_types(
    entries: &[Entry],
    index: &HashMap<TokenPath, usize>,
    types: &[Option<TokenType>],
    _mode: Option<&str>,
    findings: &mut Findings,
) {
    let parsed: Vec<&ParsedToken> = entries.iter().map(|e| &e.parsed).collect();
    let all: Vec<(usize, &Entry)> = entries.iter().enumerate().collect();
    check_mode_overrides(&all, index, types, &parsed, findings, "");
}

/// Checks that each reference of the given tokens resolves to the kind of value its place needs.
fn check_mode_overrides(
    tokens: &[(usize, &Entry)],
    index: &HashMap<TokenPath, usize>,
    types: &[Option<TokenType>],
    parsed: &[&ParsedToken],
    findings: &mut Findings,
    mode: &str,
) {
    let in_mode = if mode.is_empty() {
        String::new()
    } else {
        format!(" in mode `{mode}`")
    };
    for &(_, e) in tokens {
        let p = &e.parsed;
        for (r, loc) in &p.references {
            if !r.reaches_value {
                continue;
            }
            let Some(&t) = index.get(&TokenPath::new(r.target.as_str())) else {
                continue;
            };
            let place = if r.at.is_empty() {
                String::new()
            } else {
                format!(" at `{}`", r.at)
            };
            if !r.pointer.is_empty() {
                let Some(v) = literal_value(parsed, index, t, &mut Vec::new()) else {
                    continue;
                };
                let ptr = r.written.clone().unwrap_or_else(|| {
                    format!(
                        "#/{}/$value/{}",
                        r.target.replace('.', "/"),
                        r.pointer.join("/")
                    )
                });
                let Some(sub) = navigate(&v, &r.pointer) else {
                    findings.push(Finding::error(
                        "unknown-reference",
                        loc,
                        Some(p.path.as_str()),
                        format!(
                            "JSON pointer `{ptr}` does not exist in the value of `{}`{in_mode}",
                            r.target
                        ),
                    ));
                    continue;
                };
                let problem = match r.expect {
                    Expect::Any => None,
                    Expect::NumberLike => (!sub.is_number()).then(|| "a number".to_string()),
                    Expect::Type(ty) => {
                        // An element of a gradient or shadow array may point at one stop or layer.
                        let wrapped;
                        let sub_checked = if matches!(ty, TokenType::Gradient | TokenType::Shadow)
                            && !r.at.is_empty()
                            && sub.is_object()
                        {
                            wrapped = Value::Array(vec![sub.clone()]);
                            &wrapped
                        } else {
                            sub
                        };
                        let c = value::check_value(ty, sub_checked);
                        (!c.problems.is_empty()).then(|| format!("a valid {ty} value"))
                    }
                };
                if let Some(want) = problem {
                    findings.push(Finding::error(
                        "reference-type-mismatch",
                        loc,
                        Some(p.path.as_str()),
                        format!("JSON pointer `{ptr}`{place} resolves to `{sub}`, but {want} is needed{in_mode}"),
                    ));
                }
                continue;
            }
            let Some(target_ty) = types[t] else { continue };
            let want = match r.expect {
                Expect::Any => continue,
                Expect::NumberLike => TokenType::Number,
                Expect::Type(ty) => ty,
            };
            let ok = target_ty == want
                // A gradient stop may reference a gradient (its stops are spliced in).
                || (want == TokenType::Gradient && target_ty == TokenType::Gradient);
            if !ok {
                findings.push(Finding::error(
                    "reference-type-mismatch",
                    loc,
                    Some(p.path.as_str()),
                    format!(
                        "`{{{}}}`{place} is a {target_ty} token, but a {want} is needed here{in_mode}",
                        r.target
                    ),
                ));
            }
        }
    }
}

/// Reports every reference cycle once, naming every token in it.
fn find_cycles(
    parsed: &[&ParsedToken],
    index: &HashMap<TokenPath, usize>,
    findings: &mut Findings,
) {
    // Iterative DFS with colours: 0 new, 1 on stack, 2 done.
    let n = parsed.len();
    let edges: Vec<Vec<usize>> = parsed
        .iter()
        .map(|p| {
            p.references
                .iter()
                .filter_map(|(r, _)| index.get(&TokenPath::new(r.target.as_str())).copied())
                .collect()
        })
        .collect();
    let mut colour = vec![0u8; n];
    let mut reported: HashSet<Vec<usize>> = HashSet::default();
    for start in 0..n {
        if colour[start] != 0 || edges[start].is_empty() {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if *next < edges[node].len() {
                let to = edges[node][*next];
                *next += 1;
                match colour[to] {
                    0 => {
                        colour[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => {
                        let pos = stack.iter().position(|&(s, _)| s == to).unwrap_or(0);
                        let cycle: Vec<usize> = stack[pos..].iter().map(|&(s, _)| s).collect();
                        let mut key = cycle.clone();
                        key.sort_unstable();
                        if cycle.len() > 1 && reported.insert(key) {
                            let mut names: Vec<&str> =
                                cycle.iter().map(|&i| parsed[i].path.as_str()).collect();
                            names.push(parsed[to].path.as_str());
                            let first = parsed[cycle[0]];
                            let loc: &Location = &first.loc;
                            findings.push(Finding::error(
                                "reference-cycle",
                                loc,
                                Some(first.path.as_str()),
                                format!("reference cycle: {}", names.join(" -> ")),
                            ));
                        }
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
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
