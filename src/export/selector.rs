//! Where a theme key's declarations apply in CSS-like outputs (CSS, Tailwind): a
//! context's selector (`[data-<axis>="<context>"]`, or what `selectors:` says, a media
//! query included), a combination's selectors together on one element, and the plain
//! modes' `mode_selector`.

use std::fmt::Write as _;

use crate::export::Options;
use crate::export::value::css_ident;
use crate::model::Tokens;

/// Where a block of declarations applies: a selector, inside an optional media query.
pub(crate) struct Rule {
    /// The selector (empty when only a media query applies).
    pub(crate) selector: String,
    /// The media query it sits in, if any.
    pub(crate) media: Option<String>,
}

pub(crate) fn write_rule(out: &mut String, rule: &Rule, root: &str, block: &str) {
    match &rule.media {
        None => {
            let _ = write!(out, "\n{} {{\n{block}}}\n", rule.selector);
        }
        Some(media) => {
            let selector = if rule.selector.is_empty() {
                root
            } else {
                &rule.selector
            };
            let mut indented = String::with_capacity(block.len() * 2);
            for l in block.lines() {
                let _ = writeln!(indented, "  {l}");
            }
            let _ = write!(
                out,
                "\n@media {media} {{\n  {selector} {{\n{indented}  }}\n}}\n"
            );
        }
    }
}

/// The selector of a plain mode's block: `selectors:` by mode name or `mode`, else
/// `mode_selector`.
pub(crate) fn plain_selector(mode: &str, opts: &Options) -> String {
    let template = lookup(opts, "", mode).unwrap_or(&opts.mode_selector);
    fill(template, mode)
}

/// The template `selectors:` gives a context: by `axis=context` (or the bare context
/// of plain modes), then by axis (`mode` for plain modes).
fn lookup<'o>(opts: &'o Options, axis: &str, ctx: &str) -> Option<&'o String> {
    let key = crate::model::theme::key_of([(axis, ctx)]);
    let axis_label = if axis.is_empty() { "mode" } else { axis };
    opts.selectors
        .iter()
        .find(|(k, _)| *k == key)
        .or_else(|| opts.selectors.iter().find(|(k, _)| k == axis_label))
        .map(|(_, v)| v)
}

fn fill(template: &str, ctx: &str) -> String {
    let ident = css_ident(ctx);
    template
        .replace("{context}", &ident)
        .replace("{mode}", &ident)
}

/// The rule of one context on a named axis.
pub(crate) fn context_rule(tokens: &Tokens, axis: &str, ctx: &str, opts: &Options) -> Rule {
    let template = lookup(opts, axis, ctx)
        .cloned()
        .unwrap_or_else(|| format!("[data-{}=\"{{context}}\"]", css_ident(axis)));
    let filled = fill(&template, ctx);
    if let Some(media) = filled.strip_prefix("@media") {
        return Rule {
            selector: String::new(),
            media: Some(media.trim().to_string()),
        };
    }
    // A default context also holds where the page chose no context on this axis.
    let default = tokens
        .axes
        .iter()
        .find(|a| a.name == axis)
        .is_some_and(|a| a.default_context() == ctx);
    if !default {
        return Rule {
            selector: filled,
            media: None,
        };
    }
    let mut not = String::new();
    if let Some(a) = tokens.axes.iter().find(|a| a.name == axis) {
        for other in a.contexts.iter().skip(1) {
            let r = context_rule(tokens, axis, other, opts);
            if r.media.is_none() {
                let _ = write!(not, ":not({})", r.selector);
            }
        }
    }
    let selector = if not.is_empty() {
        filled
    } else {
        format!("{filled}, {}:where({not})", opts.selector.trim())
    };
    Rule {
        selector,
        media: None,
    }
}

/// The rule of a key: one context's, or for a combination the selectors of its parts
/// together on one element (`[data-brand="b"][data-scheme="dark"]`) inside every media
/// query among them.
pub(crate) fn key_rule(tokens: &Tokens, key: &str, opts: &Options) -> Rule {
    if !crate::model::theme::is_combination(key) {
        let (axis, ctx) = crate::model::theme::key_parts(key)
            .next()
            .unwrap_or_default();
        return context_rule(tokens, axis, ctx, opts);
    }
    let mut selector = String::new();
    let mut media: Vec<String> = Vec::new();
    for (axis, ctx) in crate::model::theme::key_parts(key) {
        let r = context_rule(tokens, axis, ctx, opts);
        if let Some(m) = r.media {
            media.push(m);
        }
        if !r.selector.is_empty() {
            if r.selector.contains(',') {
                let _ = write!(selector, ":is({})", r.selector);
            } else {
                selector.push_str(&r.selector);
            }
        }
    }
    Rule {
        selector,
        media: (!media.is_empty()).then(|| media.join(" and ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::ExportFormat;
    use crate::model::Tokens;

    fn axes_tokens() -> Tokens {
        let keys = ["brand=acme", "brand=verde", "scheme=light", "scheme=dark"];
        Tokens::new(
            Vec::new(),
            Vec::new(),
            keys.iter().map(ToString::to_string).collect(),
        )
    }

    #[test]
    fn a_default_context_also_holds_where_no_context_is_chosen() {
        let tokens = axes_tokens();
        let opts = Options::new(ExportFormat::Css, "t.css".into());
        let r = key_rule(&tokens, "scheme=light", &opts);
        assert_eq!(
            r.selector,
            "[data-scheme=\"light\"], :root:where(:not([data-scheme=\"dark\"]))"
        );
        let r = key_rule(&tokens, "brand=verde,scheme=dark", &opts);
        assert_eq!(r.selector, "[data-brand=\"verde\"][data-scheme=\"dark\"]");
    }
}
