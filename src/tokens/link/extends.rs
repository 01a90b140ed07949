//! `$extends`: copies the tokens of extended groups, within the token and byte budgets.

use crate::hash::{HashMap, HashSet};

use crate::model::TokenPath;
use crate::tokens::dtcg::ParsedToken;
use crate::tokens::finding::{Finding, Findings};

use super::Entry;

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
pub(super) fn apply_extends(
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
