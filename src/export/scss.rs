//! SCSS and Less variables. Aliases stay references (`$color-brand`, `@color-brand`);
//! variables are ordered so that every reference is declared before use. Other modes
//! go into an SCSS map `$modes: ("dark": (...))` of resolved values.

use std::fmt::Write as _;

use crate::export::css::{HEADER, deprecation_note};
use crate::export::value::{Formatter, css_string};
use crate::export::{File, Options, overrides};
use crate::model::{Token, TokenPath, Tokens};
use crate::tokens::resolve::references;

/// Which preprocessor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dialect {
    Scss,
    Less,
}

pub(super) fn render(tokens: &Tokens, names: &[String], opts: &Options, dialect: Dialect) -> File {
    let dependents = crate::tokens::resolve::Dependents::new(tokens);
    let sigil = if dialect == Dialect::Scss { '$' } else { '@' };
    let mode = opts.mode.as_deref().or(tokens.default_mode());
    let reference = |t: &Token| -> Option<String> {
        tokens
            .position(&t.path)
            .map(|i| format!("{sigil}{}", names[i]))
    };
    let f = Formatter::new(tokens, mode, reference);
    // In SCSS `$a/$b` divides: the `font` shorthand interpolates its references instead.
    let interpolated = |t: &Token| -> Option<String> {
        tokens
            .position(&t.path)
            .map(|i| format!("#{{{sigil}{}}}", names[i]))
    };
    let fi = Formatter::new(tokens, mode, interpolated);
    let mut out = String::with_capacity(tokens.len() * 48);
    let _ = writeln!(out, "// {HEADER}");
    for i in dependency_order(tokens, mode) {
        let t = &tokens.tokens[i];
        if let Some(note) = deprecation_note(t) {
            let _ = writeln!(out, "// {note}");
        }
        let value = if dialect == Dialect::Scss && t.ty == crate::model::TokenType::Typography {
            fi.token(t)
        } else {
            f.token(t)
        };
        let _ = writeln!(out, "{sigil}{}: {value};", names[i]);
    }
    if opts.mode.is_none() && tokens.has_named_axes() {
        axes_part(&mut out, tokens, names, dialect);
    } else if dialect == Dialect::Less && opts.mode.is_none() && tokens.modes.len() > 1 {
        // Less has no maps of this kind; each other mode is a mixin that redefines the
        // variables that differ: `.mode-dark();` inside a selector switches it there.
        for m in tokens.modes.iter().skip(1) {
            let changed = dependents.changed(tokens, m);
            let f = Formatter::new(tokens, Some(m.as_str()), reference);
            let _ = writeln!(
                out,
                "\n.mode-{}() {{",
                crate::export::naming::name(m, None, crate::export::NameCase::Kebab)
            );
            for (i, t) in tokens.tokens.iter().enumerate() {
                if changed[i] {
                    let _ = writeln!(out, "  @{}: {};", names[i], f.token(t));
                }
            }
            let _ = writeln!(out, "}}");
        }
    }
    if dialect == Dialect::Scss
        && opts.mode.is_none()
        && !tokens.has_named_axes()
        && tokens.modes.len() > 1
    {
        let _ = writeln!(out, "\n$modes: (");
        for m in tokens.modes.iter().skip(1) {
            let changed = dependents.changed(tokens, m);
            let resolved = Formatter::new(tokens, Some(m.as_str()), |_| None);
            let _ = writeln!(out, "  {}: (", css_string(m));
            for (i, t) in tokens.tokens.iter().enumerate() {
                if changed[i] {
                    let _ = writeln!(out, "    \"{}\": {},", names[i], resolved.token(t));
                }
            }
            let _ = writeln!(out, "  ),");
        }
        let _ = writeln!(out, ");");
    }
    File {
        path: opts.path.clone(),
        contents: out,
    }
}

/// With theme axes, the resolved overrides of every key (`export::overrides`), in
/// resolution order. SCSS: a map per axis (`$theme-scheme: ("dark": (...))`) and
/// `$theme-combinations` keyed by the combination (`"brand=verde,scheme=dark"`). Less: see
/// [`less_axes`].
fn axes_part(out: &mut String, tokens: &Tokens, names: &[String], dialect: Dialect) {
    let base = overrides::defaults(tokens);
    let entries = overrides::overrides(tokens, &base);
    let f = Formatter::new(tokens, None, |_| None);
    let value = |i: usize, v: &serde_json::Value| f.value(tokens.tokens[i].ty, v, 0);
    if dialect == Dialect::Less {
        less_axes(out, tokens, names, &entries, &value);
        return;
    }
    let write_map =
        |out: &mut String, label: &str, items: &[(&str, &Vec<(usize, serde_json::Value)>)]| {
            let _ = writeln!(out, "\n${label}: (");
            for (name, values) in items {
                let _ = writeln!(out, "  {}: (", css_string(name));
                for (i, v) in *values {
                    let _ = writeln!(out, "    \"{}\": {},", names[*i], value(*i, v));
                }
                let _ = writeln!(out, "  ),");
            }
            let _ = writeln!(out, ");");
        };
    let _ = writeln!(
        out,
        "\n// Resolved overrides per theme context, then per combination; a later map entry wins."
    );
    for axis in &tokens.axes {
        let items: Vec<(&str, &Vec<(usize, serde_json::Value)>)> = entries
            .iter()
            .filter(|(k, _)| !crate::model::theme::is_combination(k))
            .filter_map(|(k, v)| {
                let (a, c) = crate::model::theme::key_parts(k).next()?;
                (a == axis.name).then_some((c, v))
            })
            .collect();
        let label = format!(
            "theme-{}",
            crate::export::naming::name(&axis.name, None, crate::export::NameCase::Kebab)
        );
        write_map(out, &label, &items);
    }
    let combos: Vec<(&str, &Vec<(usize, serde_json::Value)>)> = entries
        .iter()
        .filter(|(k, _)| crate::model::theme::is_combination(k))
        .map(|(k, v)| (k.as_str(), v))
        .collect();
    write_map(out, "theme-combinations", &combos);
}

/// The mixin name of a theme key (`brand=verde,scheme=dark` -> `theme-brand-verde-scheme-dark`).
fn less_mixin(key: &str) -> String {
    let words: Vec<&str> = key.split([',', '=']).collect();
    format!(
        "theme-{}",
        crate::export::naming::name(&words.join("."), None, crate::export::NameCase::Kebab)
    )
}

/// Less: a mixin per key, in resolution order, its key in a comment above it; then a
/// mixin per combination of contexts (`.theme-brand-verde-scheme-dark-density-compact()`),
/// the one to call. Less keeps the *first* value that the mixins called in one rule give
/// a variable (and a rule's own declarations over any of them), so a combination's mixin
/// declares the values of its own full key and calls the mixins of its other keys from the
/// last to the first. With more combinations than are checked, only the key mixins are
/// written.
fn less_axes(
    out: &mut String,
    tokens: &Tokens,
    names: &[String],
    entries: &[overrides::Entry],
    value: &dyn Fn(usize, &serde_json::Value) -> String,
) {
    let all = crate::model::theme::combinations(&tokens.axes);
    let checked = all.is_some();
    let full =
        |key: &str| checked && crate::model::theme::key_parts(key).count() == tokens.axes.len();
    let _ = writeln!(
        out,
        "\n// Resolved overrides per theme key (written above each mixin), in resolution order.\n\
         // Less keeps the first value that the mixins called in one rule give a variable:\n\
         // to combine keys by hand, call the mixins of every chosen key from the last to the first."
    );
    for (key, values) in entries.iter().filter(|(k, _)| !full(k)) {
        let _ = writeln!(out, "\n// {key}\n.{}() {{", less_mixin(key));
        for (i, v) in values {
            let _ = writeln!(out, "  @{}: {};", names[*i], value(*i, v));
        }
        let _ = writeln!(out, "}}");
    }
    let Some(all) = &all else {
        return;
    };
    let _ = writeln!(
        out,
        "\n// Every combination of contexts: call the mixin of your choice inside a rule\n\
         // (`.{}();`),\n\
         // and the variables there take their values in that choice.",
        less_mixin(
            &all.last()
                .map(crate::model::theme::Context::key)
                .unwrap_or_default()
        )
    );
    for ctx in all {
        let key = ctx.key();
        let _ = writeln!(out, "\n// {key}\n.{}() {{", less_mixin(&key));
        for (_, values) in entries.iter().filter(|(k, _)| *k == key) {
            for (i, v) in values {
                let _ = writeln!(out, "  @{}: {};", names[*i], value(*i, v));
            }
        }
        for (k, _) in entries
            .iter()
            .rev()
            .filter(|(k, _)| !full(k) && ctx.matches(k))
        {
            let _ = writeln!(out, "  .{}();", less_mixin(k));
        }
        let _ = writeln!(out, "}}");
    }
}

/// Token indices in document order, moved so that referenced tokens come first.
fn dependency_order(tokens: &Tokens, mode: Option<&str>) -> Vec<usize> {
    let n = tokens.len();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let deps = |i: usize| -> Vec<usize> {
        let mut refs = Vec::new();
        references(tokens.tokens[i].value_in(mode), &mut refs);
        refs.iter()
            .filter_map(|p| tokens.position(&TokenPath::new(p.as_str())))
            .collect()
    };
    for start in 0..n {
        if done[start] {
            continue;
        }
        let mut stack = vec![(start, deps(start), 0usize)];
        done[start] = true;
        while let Some((i, ds, k)) = stack.last_mut() {
            if *k < ds.len() {
                let d = ds[*k];
                *k += 1;
                if !done[d] {
                    done[d] = true;
                    let dd = deps(d);
                    stack.push((d, dd, 0));
                }
            } else {
                order.push(*i);
                stack.pop();
            }
        }
    }
    order
}
