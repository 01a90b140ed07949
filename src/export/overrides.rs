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
//! after every other.

use serde_json::Value;

use crate::model::Tokens;
use crate::model::theme::{Context, combinations};
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
    let mut extra = Vec::new();
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
        let differ: Vec<(usize, Value)> = tokens
            .tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let v = r.resolved(t);
                (*sim[i] != v).then_some((i, v))
            })
            .collect();
        if !differ.is_empty() {
            extra.push((ctx.key(), differ));
        }
    }
    out.extend(extra);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Token, TokenPath, TokenType};
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
