//! Resolved overrides per theme key, for outputs that carry values rather than a cascade
//! (JS/TS, SCSS maps, Less mixins): the default values, then for each key in resolution
//! order the tokens whose resolved value it changes. Applying every key whose parts are
//! all chosen, in order, gives each token's resolved value in that choice.
//!
//! A key's values are resolved with its own contexts chosen and the other axes at their
//! default; where an alias makes a value depend on a context no key of the token names
//! (a token set to `{b}` under `brand=verde`, `b` varying with the scheme), that is not
//! enough, so every combination is checked and the ones that still differ get an entry
//! of their own (the full key, e.g. `brand=verde,scheme=dark,density=comfortable`),
//! after every other. Only tokens whose values reach keys on two or more axes (through
//! any of their values' references) can differ there, so only those are checked
//! ([`several_axes`]).

use serde_json::Value;

use crate::model::theme::{Context, combinations, key_parts};
use crate::model::{TokenPath, Tokens};
use crate::tokens::resolve::Resolver;

/// One key's overrides: the key and `(token index, resolved value)` pairs.
pub(crate) type Entry = (String, Vec<(usize, Value)>);

/// The resolved default values (every axis at its default), by token index.
pub(crate) fn defaults(tokens: &Tokens) -> Vec<Value> {
    let r = Resolver::at(tokens, Context::defaults(&tokens.axes));
    tokens.tokens.iter().map(|t| r.resolved(t)).collect()
}

/// The overrides of every key that changes something, in resolution order (see the
/// module documentation).
pub(crate) fn overrides(tokens: &Tokens, base: &[Value]) -> Vec<Entry> {
    let dependents = crate::tokens::resolve::Dependents::new(tokens);
    let mut out: Vec<Entry> = Vec::new();
    for key in &tokens.modes {
        let Ok(ctx) = tokens.context(key) else {
            continue;
        };
        let changed = dependents.changed(tokens, key);
        if !changed.iter().any(|c| *c) {
            continue;
        }
        let r = Resolver::at(tokens, ctx);
        let values = tokens
            .tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| changed[*i])
            .map(|(i, t)| (i, r.resolved(t)))
            .collect();
        out.push((key.clone(), values));
    }
    let Some(all) = combinations(&tokens.axes) else {
        return out;
    };
    let check: Vec<usize> = several_axes(tokens)
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| b.then_some(i))
        .collect();
    if check.is_empty() {
        return out;
    }
    let mut extra = Vec::new();
    let mut replaced = Vec::new();
    for ctx in all {
        let mut sim: Vec<&Value> = base.iter().collect();
        for (key, values) in &out {
            if ctx.matches(key) {
                for (i, v) in values {
                    sim[*i] = v;
                }
            }
        }
        let r = Resolver::at(tokens, ctx.clone());
        let differ: Vec<(usize, Value)> = check
            .iter()
            .filter_map(|&i| {
                let v = r.resolved_cow(&tokens.tokens[i]);
                (*sim[i] != *v).then(|| (i, v.into_owned()))
            })
            .collect();
        if differ.is_empty() {
            continue;
        }
        let key = ctx.key();
        // A key written for this very combination: one entry, after every other, so that
        // no output holds a key twice (a JS object or an SCSS map cannot). It matches this
        // combination alone, so it moves there holding its tokens' values in it.
        let values = match out.iter().position(|(k, _)| *k == key) {
            Some(p) => {
                replaced.push(p);
                let mut values: Vec<(usize, Value)> = out[p]
                    .1
                    .iter()
                    .filter(|(i, _)| !differ.iter().any(|(j, _)| j == i))
                    .map(|(i, _)| (*i, sim[*i].clone()))
                    .collect();
                values.extend(differ);
                values.sort_by_key(|(i, _)| *i);
                values
            }
            None => differ,
        };
        extra.push((key, values));
    }
    if !replaced.is_empty() {
        out = out
            .into_iter()
            .enumerate()
            .filter_map(|(p, e)| (!replaced.contains(&p)).then_some(e))
            .collect();
    }
    out.extend(extra);
    out
}

/// For each token, whether its resolved value can depend on the contexts of two or more
/// axes at once: its own keys and, through the references of any of its values (base or
/// keyed), the keys of every token it can reach name two or more axes. A token that
/// reaches keys of one axis only resolves in any combination as that axis' key alone
/// says, which is what applying the keys one by one gives. A key of a default context
/// counts as a second axis: the defaults resolve through it, a combination choosing
/// another context of its axis does not.
fn several_axes(tokens: &Tokens) -> Vec<bool> {
    const MORE: u64 = 1 << 63;
    let n = tokens.len();
    if tokens.axes.len() >= 63 {
        return vec![true; n];
    }
    let bit = |axis: &str, ctx: &str| -> u64 {
        match tokens.axes.iter().position(|a| a.name == axis) {
            Some(i) if tokens.axes[i].default_context() == ctx => (1 << i) | MORE,
            Some(i) => 1 << i,
            None => MORE,
        }
    };
    let mut mask = vec![0u64; n];
    let mut referenced_by = vec![Vec::new(); n];
    let mut refs = Vec::new();
    for (i, t) in tokens.tokens.iter().enumerate() {
        refs.clear();
        crate::tokens::resolve::references(&t.value, &mut refs);
        for (key, v) in &t.modes {
            mask[i] |= key_parts(key).fold(0, |m, (a, c)| m | bit(a, c));
            crate::tokens::resolve::references(v, &mut refs);
        }
        for p in &refs {
            if let Some(j) = tokens.position(&TokenPath::new(p.as_str())) {
                referenced_by[j].push(i);
            }
        }
    }
    // Masks only grow (at most 64 times each), so this ends, cycles included.
    let mut stack: Vec<usize> = (0..n).filter(|&i| mask[i] != 0).collect();
    while let Some(j) = stack.pop() {
        for &i in &referenced_by[j] {
            let m = mask[i] | mask[j];
            if m != mask[i] {
                mask[i] = m;
                stack.push(i);
            }
        }
    }
    mask.iter()
        .map(|&m| m & MORE != 0 || m.count_ones() >= 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Token, TokenType};
    use serde_json::json;

    fn token(path: &str, value: Value, modes: &[(&str, Value)]) -> Token {
        Token {
            path: TokenPath::new(path),
            ty: TokenType::Color,
            explicit_type: true,
            value,
            modes: modes
                .iter()
                .map(|(k, v)| ((*k).to_string(), v.clone()))
                .collect(),
            description: None,
            deprecated: None,
            extensions: None,
            set: "local".into(),
            source: None,
        }
    }

    /// Rebuilds every combination's values from the entries and compares them with the
    /// model's own resolution.
    fn assert_entries_resolve(tokens: &Tokens) -> Vec<Entry> {
        let base = defaults(tokens);
        let entries = overrides(tokens, &base);
        for (n, (key, _)) in entries.iter().enumerate() {
            assert!(
                entries[n + 1..].iter().all(|(k, _)| k != key),
                "{key} twice: {entries:?}"
            );
        }
        for ctx in combinations(&tokens.axes).unwrap() {
            let mut v = base.clone();
            for (key, values) in &entries {
                if ctx.matches(key) {
                    for (i, x) in values {
                        v[*i] = x.clone();
                    }
                }
            }
            let r = Resolver::at(tokens, ctx.clone());
            for (i, t) in tokens.tokens.iter().enumerate() {
                assert_eq!(v[i], r.resolved(t), "{} in {ctx}", t.path.as_str());
            }
        }
        entries
    }

    #[test]
    fn generated_token_sets_resolve_as_the_model_does_in_every_combination() {
        // Small sets of every shape: literals and aliases (to earlier tokens) as base
        // and keyed values, keys of one context, of a default context, and combinations.
        generated_sets(&[
            "brand=acme",
            "brand=verde",
            "brand=rosa",
            "scheme=light",
            "scheme=dark",
            "density=normal",
            "density=compact",
            "brand=verde,scheme=dark",
        ]);
        // Two axes: a written combination is a full one, which the check can add too.
        generated_sets(&[
            "brand=acme",
            "brand=verde",
            "scheme=light",
            "scheme=dark",
            "brand=verde,scheme=dark",
            "brand=acme,scheme=dark",
        ]);
    }

    fn generated_sets(keys: &[&str]) {
        let mut seed: u64 = 0x5eed;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for _ in 0..300 {
            let mut list = Vec::new();
            for i in 0..7u64 {
                let pick = |next: &mut dyn FnMut(u64) -> u64| {
                    if i > 0 && next(2) == 0 {
                        json!(format!("{{t{}}}", next(i)))
                    } else {
                        json!(format!("#{:06x}", next(0xff_ffff)))
                    }
                };
                let base = pick(&mut next);
                let mut modes: Vec<(String, Value)> = Vec::new();
                for &key in keys {
                    if next(4) == 0 {
                        modes.push((key.to_string(), pick(&mut next)));
                    }
                }
                let modes: Vec<(&str, Value)> =
                    modes.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                list.push(token(&format!("t{i}"), base, &modes));
            }
            let tokens = Tokens::new(
                list,
                Vec::new(),
                keys.iter().map(ToString::to_string).collect(),
            );
            assert_entries_resolve(&tokens);
        }
    }

    #[test]
    fn a_written_full_combination_the_check_also_needs_is_one_entry() {
        // `t` follows `b` under brand=verde, and `b` changes with the scheme; `u` has a
        // value of its own for brand=verde,scheme=dark.
        let keys = [
            "brand=acme",
            "brand=verde",
            "scheme=light",
            "scheme=dark",
            "brand=verde,scheme=dark",
        ];
        let tokens = Tokens::new(
            vec![
                token("b", json!("#111111"), &[("scheme=dark", json!("#eeeeee"))]),
                token("t", json!("#ffffff"), &[("brand=verde", json!("{b}"))]),
                token(
                    "u",
                    json!("#000000"),
                    &[("brand=verde,scheme=dark", json!("#123456"))],
                ),
            ],
            Vec::new(),
            keys.iter().map(ToString::to_string).collect(),
        );
        let entries = assert_entries_resolve(&tokens);
        let (key, values) = entries.last().unwrap();
        assert_eq!(key, "brand=verde,scheme=dark");
        assert_eq!(
            values,
            &vec![(1, json!("#eeeeee")), (2, json!("#123456"))],
            "{entries:?}"
        );
    }

    #[test]
    fn a_default_context_key_is_checked_on_one_axis_too() {
        // `light` is the default: the defaults resolve `a` through it, `dark` does not.
        let keys = ["light", "dark"];
        let tokens = Tokens::new(
            vec![
                token("b", json!("#111111"), &[("light", json!("#222222"))]),
                token("a", json!("{b}"), &[]),
            ],
            Vec::new(),
            keys.iter().map(ToString::to_string).collect(),
        );
        let entries = assert_entries_resolve(&tokens);
        assert!(entries.iter().any(|(k, _)| k == "dark"), "{entries:?}");
    }

    #[test]
    fn every_combination_resolves_as_the_model_does() {
        let keys = ["brand=acme", "brand=verde", "scheme=light", "scheme=dark"];
        let tokens = Tokens::new(
            vec![
                token("b", json!("#111111"), &[("scheme=dark", json!("#eeeeee"))]),
                token("t", json!("#ffffff"), &[("brand=verde", json!("{b}"))]),
            ],
            Vec::new(),
            keys.iter().map(ToString::to_string).collect(),
        );
        let base = defaults(&tokens);
        let entries = overrides(&tokens, &base);
        for ctx in combinations(&tokens.axes).unwrap() {
            let mut v = base.clone();
            for (key, values) in &entries {
                if ctx.matches(key) {
                    for (i, x) in values {
                        v[*i] = x.clone();
                    }
                }
            }
            let r = Resolver::at(&tokens, ctx.clone());
            for (i, t) in tokens.tokens.iter().enumerate() {
                assert_eq!(v[i], r.resolved(t), "{} in {ctx}", t.path.as_str());
            }
        }
        // The alias under brand=verde follows the scheme: a full key says so.
        assert!(entries.iter().any(|(k, _)| k == "brand=verde,scheme=dark"));
    }
}
