//! Reference checks: targets exist (with a hint for typos), alias types are inferred,
//! chains stay short, and each reference resolves to the kind of value its place needs.

use crate::hash::{HashMap, HashSet};

use serde_json::Value;

use crate::model::{TokenPath, TokenType};
use crate::tokens::dtcg::ParsedToken;
use crate::tokens::finding::{Finding, Findings};
use crate::tokens::value::{self, Expect};

use super::Entry;
use super::cycles::find_cycles;

/// Every reference must name an existing token (not a group).
pub(super) fn check_references(
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
pub(super) fn infer_types(
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

pub(super) fn infer(
    parsed: &[&ParsedToken],
    index: &HashMap<TokenPath, usize>,
) -> Vec<Option<TokenType>> {
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

pub(super) fn check_reference_types(
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
pub(super) fn check_mode_overrides(
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
