//! Tailwind CSS v4: an `@theme` block whose variables use Tailwind's namespaces, so
//! utilities such as `bg-brand-500`, `p-4`, `rounded-md` and `shadow-lg` work, plus
//! `[data-theme]` blocks for other modes.
//!
//! Namespaces by type: color -> `--color-*`, fontFamily -> `--font-*`, fontWeight ->
//! `--font-weight-*`, shadow -> `--shadow-*`, cubicBezier -> `--ease-*`; dimensions by
//! their path: `radius`/`rounded` -> `--radius-*`, font sizes -> `--text-*`, letter
//! spacing -> `--tracking-*`, `space`/`spacing` -> `--spacing-*`. The first path segment
//! is dropped when it names the namespace (`color.brand.500` -> `--color-brand-500`).
//! Everything else keeps its kebab-case name.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::export::css::{HEADER, deprecation_note};
use crate::export::naming::{NameCase, join, words};
use crate::export::value::{Formatter, css_ident};
use crate::export::{ExportError, File, Options, selector};
use crate::model::{Token, TokenType, Tokens};

fn namespace(t: &Token) -> Option<(&'static str, &'static [&'static str])> {
    let path = t.path.as_str().to_ascii_lowercase();
    Some(match t.ty {
        TokenType::Color => ("color", &["color", "colors"]),
        TokenType::FontFamily => (
            "font",
            &["font", "fonts", "family", "fontfamily", "font-family"],
        ),
        TokenType::FontWeight => (
            "font-weight",
            &["font", "weight", "fontweight", "font-weight"],
        ),
        TokenType::Shadow => ("shadow", &["shadow", "shadows", "elevation"]),
        TokenType::CubicBezier => ("ease", &["ease", "easing", "motion"]),
        TokenType::Dimension if path.contains("radius") || path.contains("rounded") => (
            "radius",
            &["border", "radius", "radii", "rounded", "border-radius"],
        ),
        TokenType::Dimension if path.contains("letter") || path.contains("tracking") => (
            "tracking",
            &[
                "font",
                "letter",
                "spacing",
                "letterspacing",
                "letter-spacing",
                "tracking",
            ],
        ),
        TokenType::Dimension if path.contains("font") || path.starts_with("text") => {
            ("text", &["font", "size", "fontsize", "font-size", "text"])
        }
        TokenType::Dimension if path.starts_with("space") || path.starts_with("spacing") => {
            ("spacing", &["space", "spacing"])
        }
        TokenType::Number
            if path.contains("lineheight")
                || path.contains("line-height")
                || path.contains("leading") =>
        {
            (
                "leading",
                &["font", "line", "height", "lineheight", "leading"],
            )
        }
        TokenType::Typography => ("text", &["text", "typography", "type", "font"]),
        _ => return None,
    })
}

fn tw_name(t: &Token, prefix: Option<&str>) -> String {
    let mut w = match prefix {
        Some(p) => words(p),
        None => Vec::new(),
    };
    let mut path_words = words(t.path.as_str());
    if let Some((ns, drop)) = namespace(t) {
        while path_words.len() > 1 && drop.contains(&path_words[0].as_str()) {
            path_words.remove(0);
        }
        if ns == "font-weight"
            && path_words.first().is_some_and(|s| s == "weight")
            && path_words.len() > 1
        {
            path_words.remove(0);
        }
        w.insert(0, ns.to_string());
    }
    w.extend(path_words);
    join(&w, NameCase::Kebab)
}

/// Writes a token's variables. Typography becomes Tailwind's `--text-*` family:
/// the font size plus `--line-height`, `--font-weight` and `--letter-spacing` companions,
/// so `text-body` sets all four.
fn declare<F: Fn(&Token) -> Option<String>>(
    out: &mut String,
    name: &str,
    t: &Token,
    f: &Formatter<'_, F>,
    tokens: &Tokens,
    mode: Option<&str>,
) {
    if t.ty != TokenType::Typography {
        let _ = writeln!(out, "  --{name}: {};", f.token(t));
        return;
    }
    // Follow whole-value aliases to the composite itself; sub-value aliases stay `var()`s.
    let mut v = t.value_in(mode);
    for _ in 0..32 {
        match crate::tokens::resolve::alias_target(v).and_then(|p| tokens.get_str(p)) {
            Some(next) => v = next.value_in(mode),
            None => break,
        }
    }
    let fields = [
        ("", "fontSize", TokenType::Dimension),
        ("--line-height", "lineHeight", TokenType::Number),
        ("--font-weight", "fontWeight", TokenType::FontWeight),
        ("--letter-spacing", "letterSpacing", TokenType::Dimension),
    ];
    for (suffix, key, ty) in fields {
        if let Some(sub) = v.get(key) {
            let _ = writeln!(out, "  --{name}{suffix}: {};", f.value(ty, sub, 0));
        }
    }
}

pub(super) fn render(tokens: &Tokens, opts: &Options) -> Result<File, ExportError> {
    let dependents = crate::tokens::resolve::Dependents::new(tokens);
    let mut names = Vec::with_capacity(tokens.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, t) in tokens.tokens.iter().enumerate() {
        let n = tw_name(t, opts.prefix.as_deref());
        if let Some(&j) = seen.get(&n) {
            return Err(ExportError::NameCollision {
                format: "tailwind",
                name: n,
                first: tokens.tokens[j].path.to_string(),
                second: t.path.to_string(),
                hint: "rename one of them (Tailwind theme keys are always kebab case)",
            });
        }
        seen.insert(n.clone(), i);
        names.push(n);
    }
    let var = |t: &Token| {
        tokens
            .position(&t.path)
            .map(|i| format!("var(--{})", names[i]))
    };
    let mode = opts.mode.as_deref().or(tokens.default_mode());
    let f = Formatter::new(tokens, mode, var);
    let mut out = String::with_capacity(tokens.len() * 48);
    let _ = writeln!(out, "/* {HEADER} */");
    out.push_str("@theme {\n");
    for (i, t) in tokens.tokens.iter().enumerate() {
        if let Some(note) = deprecation_note(t) {
            let _ = writeln!(out, "  /* {note} */");
        }
        declare(&mut out, &names[i], t, &f, tokens, mode);
    }
    out.push_str("}\n");
    if opts.mode.is_none() && tokens.has_named_axes() {
        variants(&mut out, tokens, opts);
        for key in &tokens.modes {
            let changed = dependents.changed(tokens, key);
            if !changed.iter().any(|c| *c) {
                continue;
            }
            let f = Formatter::new(tokens, Some(key.as_str()), var);
            let mut block = String::new();
            for (i, t) in tokens.tokens.iter().enumerate() {
                if changed[i] {
                    declare(&mut block, &names[i], t, &f, tokens, Some(key.as_str()));
                }
            }
            let rule = selector::key_rule(tokens, key, opts);
            selector::write_rule(&mut out, &rule, &opts.selector, &block);
        }
    } else if opts.mode.is_none() {
        for m in tokens.modes.iter().skip(1) {
            let changed = dependents.changed(tokens, m);
            if !changed.iter().any(|c| *c) {
                continue;
            }
            let f = Formatter::new(tokens, Some(m.as_str()), var);
            let _ = writeln!(
                out,
                "\n{} {{",
                opts.mode_selector.replace("{mode}", &css_ident(m))
            );
            for (i, t) in tokens.tokens.iter().enumerate() {
                if changed[i] {
                    declare(&mut out, &names[i], t, &f, tokens, Some(m.as_str()));
                }
            }
            out.push_str("}\n");
        }
    }
    Ok(File {
        path: opts.path.clone(),
        contents: out,
    })
}

/// A `@custom-variant` per context (`scheme-dark:`), following the context's selector
/// or media query, and `dark:` itself when one axis has a context named `dark`.
fn variants(out: &mut String, tokens: &Tokens, opts: &Options) {
    let dark_axes = tokens
        .axes
        .iter()
        .filter(|a| a.contexts.iter().any(|c| c == "dark"))
        .count();
    for axis in &tokens.axes {
        for ctx in &axis.contexts {
            let rule = selector::context_rule(tokens, &axis.name, ctx, opts);
            let body = if let Some(media) = &rule.media {
                format!("{{\n  @media {media} {{\n    @slot;\n  }}\n}}")
            } else {
                let parts = top_level(&rule.selector);
                let with_children: Vec<String> =
                    parts.iter().map(|p| format!("{p}, {p} *")).collect();
                format!("(&:where({}));", with_children.join(", "))
            };
            let name =
                crate::export::naming::name(&format!("{}.{ctx}", axis.name), None, NameCase::Kebab);
            let _ = writeln!(out, "\n@custom-variant {name} {body}");
            if ctx == "dark" && dark_axes == 1 {
                let _ = writeln!(out, "@custom-variant dark {body}");
            }
        }
    }
}

/// A selector list's members (commas inside parentheses or brackets do not split).
fn top_level(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, ch) in list.char_indices() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(list[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(list[start..].trim());
    out
}
