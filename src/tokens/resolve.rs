//! Resolves references in token values for one mode: `{a.b}` aliases and `$ref`
//! pointers are replaced by the values they name, also inside composite values.

use serde_json::Value;

use crate::model::theme::Context;
use crate::model::{Token, TokenPath, Tokens};
use crate::tokens::value::{AliasSyntax, alias_syntax, parse_pointer};

/// How deep references and composite values may nest before resolution gives up:
/// room for the longest alias chain linking accepts (`max-chain`, each hop through a
/// pointer counting twice) plus the structure of composite values. Cycles are rejected
/// at import; this guards values written to the store by other means.
fn max_depth() -> usize {
    crate::input::limits()
        .max_chain
        .saturating_mul(2)
        .saturating_add(64)
}

/// The path a whole-value alias names, if `value` is one (`"{a.b}"`).
pub fn alias_target(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => match alias_syntax(s) {
            AliasSyntax::Alias(p) => Some(p),
            _ => None,
        },
        _ => None,
    }
}

/// The token path and sub-pointer a `{"$ref": "#/..."}` value names.
pub fn pointer_target(value: &Value) -> Option<(String, Vec<String>)> {
    let Value::Object(m) = value else { return None };
    if m.len() != 1 {
        return None;
    }
    let ptr = m.get("$ref")?.as_str()?;
    let (path, below) = parse_pointer(ptr).ok()?;
    Some((path.join("."), below))
}

/// Resolves values of a token collection in one mode: a mode key or a choice of
/// contexts on the theme axes (`model::theme`).
#[derive(Debug, Clone)]
pub struct Resolver<'t> {
    tokens: &'t Tokens,
    mode: Option<&'t str>,
    /// The choice of contexts, when the axes are named (plain modes look up their key).
    context: Option<Context>,
    max_depth: usize,
}

impl<'t> Resolver<'t> {
    /// A resolver for `mode` (`None`: the base values). With named axes, `mode` is a
    /// choice of contexts (`scheme=dark`, `brand=beta,scheme=dark`), the others at their
    /// default; a choice that cannot be read resolves exactly that key.
    pub fn new(tokens: &'t Tokens, mode: Option<&'t str>) -> Self {
        let context = mode
            .filter(|_| tokens.has_named_axes())
            .and_then(|m| tokens.context(m).ok());
        Self {
            tokens,
            mode,
            context,
            max_depth: max_depth(),
        }
    }

    /// A resolver for a choice of contexts.
    pub fn at(tokens: &'t Tokens, context: Context) -> Self {
        Self {
            tokens,
            mode: None,
            context: Some(context),
            max_depth: max_depth(),
        }
    }

    /// The mode it resolves in.
    pub fn mode(&self) -> Option<&'t str> {
        self.mode
    }

    /// The token's value in this mode, as written.
    pub fn raw<'v>(&self, token: &'v Token) -> &'v Value {
        match &self.context {
            Some(c) => token.value_at(c),
            None => token.value_in(self.mode),
        }
    }

    /// The token's value with every reference replaced (`Null` where one cannot be followed).
    pub fn resolved(&self, token: &Token) -> Value {
        self.value(self.raw(token), 0)
    }

    /// Like `resolved`, without copying values that hold no reference (most of them).
    pub fn resolved_cow<'v>(&self, token: &'v Token) -> std::borrow::Cow<'v, Value> {
        let v = self.raw(token);
        if has_references(v) {
            std::borrow::Cow::Owned(self.value(v, 0))
        } else {
            std::borrow::Cow::Borrowed(v)
        }
    }

    /// Resolves references inside any value.
    pub fn value(&self, value: &Value, depth: usize) -> Value {
        if depth > self.max_depth {
            return Value::Null;
        }
        if let Some(target) = alias_target(value) {
            return self
                .tokens
                .get(&TokenPath::new(target))
                .map_or(Value::Null, |t| self.value(self.raw(t), depth + 1));
        }
        if let Some((path, below)) = pointer_target(value) {
            let Some(t) = self.tokens.get(&TokenPath::new(path)) else {
                return Value::Null;
            };
            let whole = self.value(self.raw(t), depth + 1);
            let mut cur = &whole;
            for seg in &below {
                let next = match cur {
                    Value::Object(m) => m.get(seg),
                    Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
                    _ => None,
                };
                match next {
                    Some(n) => cur = n,
                    None => return Value::Null,
                }
            }
            return self.value(cur, depth + 1);
        }
        match value {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    let v = self.value(item, depth + 1);
                    out.push(v);
                }
                Value::Array(out)
            }
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| (k.clone(), self.value(v, depth + 1)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    /// The final token a chain of whole-value aliases ends at (itself when not an alias).
    pub fn alias_chain_end(&self, token: &'t Token) -> &'t Token {
        let mut cur = token;
        for _ in 0..self.max_depth {
            match alias_target(self.raw(cur)).and_then(|p| self.tokens.get_str(p)) {
                Some(next) => cur = next,
                None => break,
            }
        }
        cur
    }
}

/// About how many bytes `value` takes written out as JSON (an upper bound of what any
/// export writes for it, references counted as written).
pub fn value_bytes(value: &Value) -> u64 {
    match value {
        Value::String(s) => s.len() as u64 + 2,
        Value::Array(items) => items
            .iter()
            .fold(2, |acc: u64, v| acc.saturating_add(value_bytes(v) + 1)),
        Value::Object(m) => m.iter().fold(2, |acc: u64, (k, v)| {
            acc.saturating_add(k.len() as u64 + 4)
                .saturating_add(value_bytes(v))
        }),
        Value::Number(_) => 24,
        Value::Bool(_) | Value::Null => 5,
    }
}

/// The resolved values would be larger than [`crate::input::Limits::max_output_bytes`].
#[derive(Debug, thiserror::Error)]
#[error(
    "the token values would grow to more than {limit} bytes once their references are resolved, {}",
    crate::input::Limit::OutputBytes.hint()
)]
pub struct OutputTooLarge {
    /// The limit in bytes.
    pub limit: u64,
}

/// Checks, before anything is resolved, that the resolved values of every token in the
/// base and in each mode fit in `max-output-bytes` together: a reference counts at the
/// size of what it names (a large string and thousands of aliases to it would otherwise
/// be copied thousands of times by an export or the docs site).
pub fn check_output_budget(tokens: &Tokens) -> Result<(), OutputTooLarge> {
    let limit = crate::input::limits().max_output_bytes;
    let mut total: u64 = 0;
    let modes = std::iter::once(None).chain(tokens.modes.iter().map(|m| Some(m.as_str())));
    for mode in modes {
        total = total.saturating_add(resolved_bytes(tokens, mode, limit));
        if total > limit {
            return Err(OutputTooLarge { limit });
        }
    }
    Ok(())
}

/// The bytes of every token's value in `mode` with references counted at the size of
/// what they name (an upper bound for `$ref` pointers into part of a value); stops
/// counting once past `stop`. Iterative and memoised: linear in tokens and references.
pub fn resolved_bytes(tokens: &Tokens, mode: Option<&str>, stop: u64) -> u64 {
    let n = tokens.tokens.len();
    let edges = |i: usize| -> Vec<usize> {
        let mut refs = Vec::new();
        references(tokens.tokens[i].value_in(mode), &mut refs);
        refs.iter()
            .filter_map(|p| tokens.position(&TokenPath::new(p.as_str())))
            .collect()
    };
    let mut size: Vec<u64> = vec![0; n];
    let mut state = vec![0u8; n]; // 0 new, 1 on stack (a cycle counts as ending), 2 done
    let mut total: u64 = 0;
    for start in 0..n {
        if state[start] == 0 {
            let mut stack: Vec<(usize, Vec<usize>)> = vec![(start, edges(start))];
            state[start] = 1;
            size[start] = value_bytes(tokens.tokens[start].value_in(mode));
            while let Some((node, pending)) = stack.last_mut() {
                let node = *node;
                if let Some(next) = pending.pop() {
                    match state[next] {
                        0 => {
                            state[next] = 1;
                            size[next] = value_bytes(tokens.tokens[next].value_in(mode));
                            let e = edges(next);
                            stack.push((next, e));
                        }
                        2 => size[node] = size[node].saturating_add(size[next]),
                        _ => {}
                    }
                } else {
                    stack.pop();
                    state[node] = 2;
                    if let Some((parent, _)) = stack.last() {
                        size[*parent] = size[*parent].saturating_add(size[node]);
                    }
                }
            }
        }
        total = total.saturating_add(size[start]);
        if total > stop {
            break;
        }
    }
    total
}

/// Whether a value holds any alias or `$ref`.
pub fn has_references(value: &Value) -> bool {
    match value {
        Value::String(s) => s.starts_with('{'),
        Value::Array(items) => items.iter().any(has_references),
        Value::Object(m) => m.contains_key("$ref") || m.values().any(has_references),
        _ => false,
    }
}

/// Every token path a value references (aliases and `$ref` pointers, also nested).
pub fn references(value: &Value, out: &mut Vec<String>) {
    if let Some(t) = alias_target(value) {
        out.push(t.to_string());
        return;
    }
    if let Some((path, _)) = pointer_target(value) {
        out.push(path);
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|i| references(i, out)),
        Value::Object(m) => m.values().for_each(|v| references(v, out)),
        _ => {}
    }
}

/// Which tokens reference each token, from the base values: built once for a render, it
/// answers [`Dependents::changed`] for each mode in time proportional to what changed.
#[derive(Debug)]
pub struct Dependents {
    referenced_by: Vec<Vec<usize>>,
}

impl Dependents {
    /// The reverse reference graph of the base values.
    pub fn new(tokens: &Tokens) -> Self {
        let mut referenced_by = vec![Vec::new(); tokens.len()];
        if tokens.modes.is_empty() {
            // Nothing can change: no mode to ask about.
            return Self { referenced_by };
        }
        let mut refs = Vec::new();
        for (i, t) in tokens.tokens.iter().enumerate() {
            refs.clear();
            references(&t.value, &mut refs);
            for p in &refs {
                if let Some(j) = tokens.position(&TokenPath::new(p.as_str())) {
                    referenced_by[j].push(i);
                }
            }
        }
        Self { referenced_by }
    }

    /// For one mode key, which tokens resolve differently from the default: those with
    /// their own value under the key and, transitively, those whose base value references
    /// one of them (a token with its own value is changed whatever it references).
    pub fn changed(&self, tokens: &Tokens, mode: &str) -> Vec<bool> {
        let mut out = vec![false; tokens.len()];
        let mut stack = Vec::new();
        for (i, t) in tokens.tokens.iter().enumerate() {
            if t.modes.iter().any(|(m, _)| m == mode) {
                out[i] = true;
                stack.push(i);
            }
        }
        while let Some(j) = stack.pop() {
            for &i in &self.referenced_by[j] {
                if !out[i] {
                    out[i] = true;
                    stack.push(i);
                }
            }
        }
        out
    }
}

/// For one mode, which tokens resolve differently from the default (see
/// [`Dependents::changed`]; build `Dependents` once when asking for several modes).
pub fn changed_in_mode(tokens: &Tokens, mode: &str) -> Vec<bool> {
    Dependents::new(tokens).changed(tokens, mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolved_bytes_count_aliases_at_the_size_of_their_target() {
        let mut doc = serde_json::Map::new();
        doc.insert(
            "big".into(),
            serde_json::json!({"$type": "fontFamily", "$value": "x".repeat(1000)}),
        );
        for i in 0..10 {
            doc.insert(format!("a{i}"), serde_json::json!({"$value": "{big}"}));
        }
        let mut findings = crate::tokens::Findings::default();
        let file = crate::tokens::TokenFile {
            name: "t.json".into(),
            path: "t.json".into(),
            text: Value::Object(doc).to_string(),
        };
        let tokens = crate::tokens::load_files(&[file], crate::tokens::Format::Auto, &mut findings);
        assert!(!findings.has_errors(), "{findings:?}");
        let bytes = resolved_bytes(&tokens, None, u64::MAX);
        assert!((11_000..12_000).contains(&bytes), "{bytes}");
        assert!(resolved_bytes(&tokens, None, 10) < 2_000);
    }
}
