//! `opends docs build`: a static design-system site (HTML + CSS + a small inline script,
//! no framework; works from `file://`) rendered from Handlebars templates in
//! `templates/docs/` (overridable per file from the project's `templates/docs/`).
//!
//! Pages: `index.html` (overview), `tokens/GROUP.html` per top-level token group,
//! `components/NAME.html` per component, `changelog.html`. Assets: `assets/tokens.css` (the
//! CSS export: the pages draw every swatch and preview with the tokens themselves),
//! `assets/site.css`, `assets/site.js` (theme toggle; search over `assets/search-N.js`,
//! loaded when the search box is first used). A group over a page's worth of tokens is
//! split into pages (`tokens/GROUP.p2.html` ...); a large system's pages draw tokens as
//! compact rows; the token stylesheet is split into parts under a size limit.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use handlebars::Handlebars;
use serde_json::{Value, json};

use crate::codegen::context as cg;
use crate::export::{self, ExportFormat};
use crate::model::component::{Binding, Literal, PropType};
use crate::model::{StoredComponent, Token, TokenType, Tokens, theme};
use crate::store::VersionInfo;
use crate::tokens::resolve::{Resolver, alias_target};

/// Built-in templates and assets (`templates/docs/`).
const BUILTIN: &[(&str, &str)] = &[
    (
        "layout.hbs",
        include_str!("../../templates/docs/layout.hbs"),
    ),
    ("index.hbs", include_str!("../../templates/docs/index.hbs")),
    ("group.hbs", include_str!("../../templates/docs/group.hbs")),
    (
        "component.hbs",
        include_str!("../../templates/docs/component.hbs"),
    ),
    (
        "changelog.hbs",
        include_str!("../../templates/docs/changelog.hbs"),
    ),
    ("site.css", include_str!("../../templates/docs/site.css")),
    ("site.js", include_str!("../../templates/docs/site.js")),
];

/// The built-in docs templates (for `opends templates eject docs`).
pub fn builtin() -> &'static [(&'static str, &'static str)] {
    BUILTIN
}

/// Why the site could not be built.
#[derive(Debug, thiserror::Error)]
pub enum DocsError {
    /// A template failed to parse or render.
    #[error("docs template `{file}`: {message}")]
    Template {
        /// The template file.
        file: String,
        /// What went wrong (with line and column when known).
        message: String,
    },
    /// A component's spec fails the component checks (the site is built from the same
    /// checked specs as generated code).
    #[error(transparent)]
    Spec(#[from] crate::codegen::CodegenError),
    /// The tokens could not be exported as CSS.
    #[error(transparent)]
    Export(#[from] export::ExportError),
    /// An override could not be read.
    #[error("could not read `{path}`: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

/// What the site is about.
pub struct Input<'a> {
    /// The design system's name.
    pub name: &'a str,
    /// The version shown (`None`: the working state).
    pub version: Option<&'a str>,
    /// Tokens.
    pub tokens: &'a Tokens,
    /// Components.
    pub components: &'a [StoredComponent],
    /// Released versions, oldest first.
    pub versions: &'a [VersionInfo],
    /// The project's template directory (its `docs/` overrides the built-ins).
    pub templates: Option<&'a Path>,
    /// Foreground/background pairs declared for the contrast lint (`lint.contrast`):
    /// their ratios are shown on the foreground's page.
    pub contrast: &'a [crate::lint::ContrastPair],
}

/// A file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    /// Relative path.
    pub path: PathBuf,
    /// Contents.
    pub contents: String,
}

fn source(name: &str, templates: Option<&Path>) -> Result<(String, String), DocsError> {
    if let Some(dir) = templates {
        let p = dir.join("docs").join(name);
        if p.is_file() {
            let text = std::fs::read_to_string(&p).map_err(|e| DocsError::Io {
                path: p.display().to_string(),
                source: e,
            })?;
            return Ok((p.display().to_string(), text));
        }
    }
    let text = BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| (*t).to_string())
        .unwrap_or_default();
    Ok((format!("templates/docs/{name} (built in)"), text))
}

/// The kebab-case CSS custom property of a token.
fn var_name(path: &str) -> String {
    cg::css_var(path, None)
}

fn group_file(group: &str) -> String {
    format!("tokens/{}.html", slug(group))
}

fn component_file(name: &str) -> String {
    format!("components/{}.html", slug(name))
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// How a token is previewed.
fn preview_kind(ty: TokenType) -> &'static str {
    match ty {
        TokenType::Color => "color",
        TokenType::Typography => "typography",
        TokenType::FontFamily | TokenType::FontWeight => "font",
        TokenType::Dimension => "dimension",
        TokenType::Shadow => "shadow",
        TokenType::Border | TokenType::StrokeStyle => "border",
        TokenType::Gradient => "gradient",
        TokenType::Duration | TokenType::CubicBezier | TokenType::Transition => "motion",
        TokenType::Number | TokenType::String => "other",
    }
}

/// Background tokens colours are checked against: `color.bg.default`-like tokens.
fn backgrounds(tokens: &Tokens) -> Vec<&Token> {
    let mut bgs: Vec<&Token> = tokens
        .tokens
        .iter()
        .filter(|t| t.ty == TokenType::Color)
        .filter(|t| {
            let p = t.path.as_str();
            p.contains(".bg.") || p.rsplit('.').next() == Some("bg") || p.contains("background")
        })
        .collect();
    // The default surface first.
    bgs.sort_by_key(|t| !t.path.as_str().ends_with("default"));
    bgs.truncate(2);
    bgs
}

/// How many combinations of contexts the site writes values for; past it, the overview's
/// choices (the defaults and each context alone).
const SITE_COMBINATIONS: usize = 64;

/// One choice a token's values are shown for: a plain mode (or the base values), or with
/// named axes a full choice of contexts.
struct Choice {
    /// What the page calls it (`dark`, `default`, `brand=verde,scheme=dark`).
    label: String,
    /// The mode key or full choice it resolves (`None`: the base values).
    key: Option<String>,
}

/// The choices token values are shown for, and whether they are every combination.
fn choices(tokens: &Tokens) -> (Vec<Choice>, bool) {
    if !tokens.has_named_axes() {
        let list = if tokens.modes.is_empty() {
            vec![Choice {
                label: "default".into(),
                key: None,
            }]
        } else {
            tokens
                .modes
                .iter()
                .map(|m| Choice {
                    label: m.clone(),
                    key: Some(m.clone()),
                })
                .collect()
        };
        return (list, true);
    }
    let axes = &tokens.axes;
    let (list, all) = match theme::combinations(axes).filter(|c| c.len() <= SITE_COMBINATIONS) {
        Some(c) => (c, true),
        None => (theme::overview(axes), false),
    };
    let list = list
        .into_iter()
        .map(|c| Choice {
            label: c.label(axes),
            key: Some(c.key()),
        })
        .collect();
    (list, all)
}

/// Whether a colour token is a foreground by its name (`color.fg.default`, `text.muted`,
/// `color.on-action`, `icon.subtle`): the kind of token whose contrast with the default
/// surfaces means something.
fn is_foreground(path: &str) -> bool {
    path.split('.').any(|seg| {
        let s = seg.to_ascii_lowercase();
        matches!(s.as_str(), "fg" | "text" | "foreground" | "icon" | "ink")
            || s.starts_with("on-")
            || s.starts_with("fg-")
            || s.starts_with("text-")
            || (s.starts_with("on") && seg[2..].starts_with(|c: char| c.is_ascii_uppercase()))
    })
}

/// The surfaces a colour token's contrast is shown against: the backgrounds declared for
/// it in the contrast lint's pairs; else, for a foreground by name, the default surfaces;
/// else none (a primitive like `blue.500` is not text on a surface).
fn contrast_against<'t>(
    tokens: &'t Tokens,
    t: &Token,
    bgs: &[&'t Token],
    pairs: &[crate::lint::ContrastPair],
) -> Vec<&'t Token> {
    let declared: Vec<&Token> = pairs
        .iter()
        .filter(|p| p.foreground == t.path.as_str())
        .filter_map(|p| {
            tokens
                .tokens
                .iter()
                .find(|b| b.path.as_str() == p.background)
        })
        .collect();
    if !declared.is_empty() {
        return declared;
    }
    if is_foreground(t.path.as_str()) {
        return bgs.iter().copied().filter(|b| b.path != t.path).collect();
    }
    Vec::new()
}

fn token_context(tokens: &Tokens, t: &Token, bgs: &[&Token], choices: &[Choice]) -> Value {
    let values: Vec<Value> = choices
        .iter()
        .map(|choice| {
            let m = choice.key.as_deref();
            let resolver = Resolver::new(tokens, m);
            let resolved = resolver.resolved(t);
            let css = export::value::Formatter::new(tokens, m, |_| None).token(t);
            let mut v = json!({
                "mode": choice.label,
                "key": m.unwrap_or("default"),
                "css": css,
            });
            if let Some(color) = crate::color::Color::from_value(&resolved) {
                // The gamut-mapped sRGB hex of the components, whatever their space.
                v["hex"] = json!(color.hex_with_alpha());
                v["oklch"] = json!(crate::color::oklch_text(&color));
                let contrast: Vec<Value> = bgs
                    .iter()
                    .filter_map(|b| {
                        let bg = resolver.resolved(b);
                        let ratio = crate::color::contrast_of(&resolved, &bg)?;
                        Some(json!({
                            "against": b.path.as_str(),
                            "ratio": format!("{ratio:.2}"),
                            "aa": ratio >= 4.5,
                            "aa_large": ratio >= 3.0,
                        }))
                    })
                    .collect();
                v["contrast"] = json!(contrast);
            }
            v
        })
        .collect();
    let alias = alias_target(&t.value).map(str::to_string);
    json!({
        "path": t.path.as_str(),
        "name": t.path.as_str().rsplit('.').next().unwrap_or_default(),
        "type": t.ty.as_str(),
        "var": var_name(t.path.as_str()),
        "preview": preview_kind(t.ty),
        "alias": alias,
        "description": t.description,
        "deprecated": t.deprecated.as_ref().filter(|d| d.is_deprecated()).map(|d| match d.to_value() {
            Value::String(s) => s,
            _ => "deprecated".to_string(),
        }),
        "values": values,
    })
}

fn usage(c: &cg::ComponentContext) -> Value {
    // Required props with a value of their type: `open` (Vue `:open="true"`, JSX `open={true}`).
    let (mut vue, mut jsx) = (String::new(), String::new());
    for p in c.props.iter().filter(|p| p.required) {
        let literal = if p.is_boolean {
            "true".to_string()
        } else if p.ty == "number" {
            "0".to_string()
        } else {
            p.values.first().cloned().unwrap_or_else(|| "…".into())
        };
        if p.is_boolean || p.ty == "number" {
            let _ = write!(vue, " :{}=\"{literal}\"", p.name);
            let _ = write!(jsx, " {}={{{literal}}}", p.name);
        } else {
            let _ = write!(vue, " {}=\"{literal}\"", p.name);
            let _ = write!(jsx, " {}=\"{literal}\"", p.name);
        }
    }
    let has_default_slot = c.slots.iter().any(|s| s.name == "default");
    let tag = |attrs: &str| {
        if has_default_slot {
            format!("<{0}{attrs}>{1}</{0}>", c.name, c.title)
        } else {
            format!("<{0}{attrs} />", c.name)
        }
    };
    json!({
        "vue": format!("<script setup lang=\"ts\">\nimport {{ {0} }} from './index'\n</script>\n\n<template>\n  {1}\n</template>", c.name, tag(&vue)),
        "react": format!("import {{ {0} }} from './index';\n\nexport function Example() {{\n  return {1};\n}}", c.name, tag(&jsx)),
        "svelte": format!("<script lang=\"ts\">\n  import {{ {0} }} from './index';\n</script>\n\n{1}", c.name, tag(&jsx)),
    })
}

/// The columns of the state matrix: the state, the forced class its CSS also selects
/// (`is-<state>`, see [`cg::stylesheet`]), and the prop it sets.
const MATRIX: [(&str, &str, &str); 6] = [
    ("default", "", ""),
    ("hover", "is-hover", ""),
    ("focus", "is-focus-visible", ""),
    ("active", "is-active", ""),
    ("disabled", "is-disabled", "disabled"),
    ("loading", "", "loading"),
];

/// Root elements whose slot wrappers are `<span>` (phrasing content), as in the
/// generated components.
const PHRASING: [&str; 15] = [
    "button", "a", "span", "label", "p", "small", "strong", "em", "legend", "h1", "h2", "h3", "h4",
    "h5", "h6",
];

/// Elements that take a native `disabled` attribute.
const DISABLEABLE: [&str; 5] = ["button", "input", "select", "textarea", "fieldset"];

/// Prop values of one preview: the defaults, overridden by a condition (`set`: a sample
/// value of the prop's type).
fn preview_props(
    spec: &crate::model::Component,
    when: Option<&indexmap::IndexMap<String, Literal>>,
) -> BTreeMap<String, Literal> {
    let mut props: BTreeMap<String, Literal> = spec
        .props
        .iter()
        .filter_map(|p| p.default.clone().map(|d| (p.name.clone(), d)))
        .collect();
    for (k, l) in when.into_iter().flatten() {
        let value = match spec.props.iter().find(|p| p.name == *k) {
            Some(p) if crate::components::is_presence(l, p) => match p.ty {
                PropType::Number => Literal::Number(1.0),
                PropType::Enum => Literal::String(p.values.first().cloned().unwrap_or_default()),
                _ => Literal::String(p.name.clone()),
            },
            _ => l.clone(),
        };
        props.insert(k.clone(), value);
    }
    props
}

fn truthy(v: Option<&Literal>) -> bool {
    match v {
        Some(Literal::Bool(b)) => *b,
        Some(Literal::Number(n)) => *n != 0.0,
        Some(Literal::String(s)) => !s.is_empty(),
        None => false,
    }
}

fn literal_text(v: &Literal) -> String {
    match v {
        Literal::Bool(b) => b.to_string(),
        Literal::Number(n) => n.to_string(),
        Literal::String(s) => s.clone(),
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A static preview of the component with its parts for some prop values and a forced
/// state class (classes of the generated stylesheet; the title as the default slot).
fn preview_html(
    spec: &crate::model::Component,
    c: &cg::ComponentContext,
    props: &BTreeMap<String, Literal>,
    forced: &str,
) -> String {
    let mut classes = vec!["root".to_string()];
    classes.extend(cg::root_classes(spec, &|name| props.get(name).cloned()));
    if !forced.is_empty() {
        classes.push(forced.to_string());
    }
    let tag = if c.element.is_empty() {
        "div"
    } else {
        c.element.as_str()
    };
    let mut html = format!("<{tag} class=\"{}\"", escape_html(&classes.join(" ")));
    if !c.role.is_empty() {
        let _ = write!(html, " role=\"{}\"", escape_html(&c.role));
    }
    // A closed <dialog> is not drawn: the preview shows it open, in the frame's flow.
    if tag == "dialog" {
        html.push_str(" open");
    }
    if truthy(props.get("disabled")) {
        html.push_str(" aria-disabled=\"true\"");
        if DISABLEABLE.contains(&tag) {
            html.push_str(" disabled");
        }
    }
    if truthy(props.get("loading")) {
        html.push_str(" aria-busy=\"true\"");
    }
    if c.is_void {
        let _ = write!(html, " placeholder=\"{}\">", escape_html(&c.title));
        return html;
    }
    html.push('>');
    let wrapper = if PHRASING.contains(&tag) {
        "span"
    } else {
        "div"
    };
    if spec.parts.is_empty() {
        if spec.slots.iter().any(|s| s.name == "default") {
            let _ = write!(
                html,
                "<{wrapper} class=\"part-default\">{}</{wrapper}>",
                escape_html(&c.title)
            );
        } else {
            html.push_str(&escape_html(&c.title));
        }
    }
    for (part, pc) in spec.parts.iter().zip(&c.parts) {
        if part.when.as_ref().is_some_and(|w| !truthy(props.get(w))) {
            continue;
        }
        if pc.is_slot {
            // Only the default slot has content in a preview (the title).
            if pc.is_default_slot {
                let _ = write!(
                    html,
                    "<{wrapper} class=\"{}\">{}</{wrapper}>",
                    pc.class_name,
                    escape_html(&c.title)
                );
            }
            continue;
        }
        let _ = write!(html, "<{} class=\"{}\"", pc.element, pc.class_name);
        for (name, b) in &part.attrs {
            let value = match b {
                Binding::Text(t) => Some(t.clone()),
                // A boolean attribute is there or not (`disabled="false"` disables);
                // ARIA states spell their value.
                Binding::Prop { prop } => match props.get(prop) {
                    Some(Literal::Bool(on)) if !name.starts_with("aria-") => {
                        if *on {
                            let _ = write!(html, " {name}");
                        }
                        None
                    }
                    other => other.map(literal_text),
                },
                Binding::Id { .. } | Binding::Ids { .. } => None,
            };
            if let Some(v) = value {
                let _ = write!(html, " {name}=\"{}\"", escape_html(&v));
            }
        }
        if let Some(m) = &part.model {
            if let Some(v) = props.get(m) {
                let _ = write!(html, " value=\"{}\"", escape_html(&literal_text(v)));
            }
        }
        if pc.is_void {
            html.push('>');
            continue;
        }
        html.push('>');
        match &part.text {
            Some(Binding::Text(t)) => html.push_str(&escape_html(t)),
            Some(Binding::Prop { prop }) => html.push_str(&escape_html(
                &props.get(prop).map_or_else(|| prop.clone(), literal_text),
            )),
            _ => {}
        }
        if let Some(ec) = &pc.repeat {
            preview_items(&mut html, ec);
        }
        // A part that holds a slot shows the title there (as an option in a <select>).
        if part.slot.is_some() {
            let title = escape_html(&c.title);
            if pc.element == "select" {
                let _ = write!(html, "<option>{title}</option>");
            } else {
                html.push_str(&title);
            }
        }
        let _ = write!(html, "</{}>", pc.element);
    }
    let _ = write!(html, "</{tag}>");
    html
}

/// Sample items of a part that repeats them (`each:`): three, the first selected, the
/// last disabled when an item field can disable it; text `<name> 1`, `<name> 2`, ...
fn preview_items(html: &mut String, ec: &cg::EachContext) {
    for i in 1..=3 {
        let _ = write!(html, "<{} class=\"{}\"", ec.element, ec.class_name);
        if ec.element == "button" {
            html.push_str(" type=\"button\"");
        }
        if !ec.role.is_empty() {
            let _ = write!(html, " role=\"{}\"", escape_html(&ec.role));
        }
        if ec.model.is_some() {
            let _ = write!(html, " aria-selected=\"{}\"", i == 1);
        }
        if ec.roving {
            let _ = write!(html, " tabindex=\"{}\"", if i == 1 { 0 } else { -1 });
        }
        if ec.disabled.is_some() && i == 3 {
            html.push_str(if DISABLEABLE.contains(&ec.element.as_str()) {
                " disabled"
            } else {
                " aria-disabled=\"true\""
            });
        }
        let _ = write!(html, ">{} {i}</{}>", escape_html(&ec.name), ec.element);
    }
}

/// The state matrix: a row per preview (the defaults, each variant, each part variant),
/// a column per state the component has (`loading` and the `disabled` prop only when it
/// has those boolean props; the other states are forced by an `is-<state>` class).
fn state_matrix(spec: &crate::model::Component, c: &cg::ComponentContext) -> Value {
    let has_bool = |name: &str| {
        spec.props
            .iter()
            .any(|p| p.name == name && p.ty == PropType::Boolean)
    };
    let columns: Vec<&(&str, &str, &str)> = MATRIX
        .iter()
        .filter(|(name, _, _)| *name != "loading" || has_bool("loading"))
        .collect();
    let mut rows: Vec<(String, Option<&indexmap::IndexMap<String, Literal>>)> =
        vec![("default".to_string(), None)];
    rows.extend(
        spec.variants
            .iter()
            .map(|v| (v.name.clone(), Some(&v.when))),
    );
    for p in &spec.parts {
        rows.extend(
            p.variants
                .iter()
                .map(|v| (format!("{} · {}", p.name, v.name), Some(&v.when))),
        );
    }
    let rows: Vec<Value> = rows
        .into_iter()
        .map(|(name, when)| {
            let base = preview_props(spec, when);
            let classes = cg::root_classes(spec, &|n| base.get(n).cloned()).join(" ");
            let cells: Vec<Value> = columns
                .iter()
                .map(|(state, forced, prop)| {
                    let mut props = base.clone();
                    if !prop.is_empty() && has_bool(prop) {
                        props.insert((*prop).to_string(), Literal::Bool(true));
                    }
                    json!({"state": state, "html": preview_html(spec, c, &props, forced)})
                })
                .collect();
            json!({"name": name, "class": classes, "cells": cells})
        })
        .collect();
    json!({
        "columns": columns.iter().map(|(name, _, _)| *name).collect::<Vec<_>>(),
        "rows": rows,
    })
}

/// Past this many tokens the site draws each token as a compact table row (its values
/// as text, swatches painted by the page's script as rows scroll into view), so that a
/// 50k-token system stays a site of a few megabytes.
const COMPACT_AT: usize = 2000;
/// Tokens per page of a group drawn in full (a larger group is split into pages).
const DETAILED_PAGE: usize = 250;
/// Tokens per page of a group drawn as compact rows.
const COMPACT_PAGE: usize = 4000;
/// Rows per `<tbody>` (each is skipped by layout until near the viewport).
const ROWS_PER_BODY: usize = 100;
/// Largest size of one stylesheet of token values (a larger export is split in order).
const CSS_CHUNK: usize = 512 * 1024;
/// Search index entries per file (files load on demand, when the search box is used).
const SEARCH_PART: usize = 12_000;

/// The file of page `i` (from 0) of a group: `tokens/color.html`, `tokens/color.p2.html`.
fn group_page_file(group: &str, i: usize) -> String {
    if i == 0 {
        group_file(group)
    } else {
        format!("tokens/{}.p{}.html", slug(group), i + 1)
    }
}

/// Text for a `<script>`-loaded JS file or inline JSON: no `<`, `>` or `&` (the same JSON
/// strings, escaped), so nothing in a name can end or change an element.
fn script_safe_json(v: &Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// The search index, as files loaded on demand: each
/// `(window.odsSearch = window.odsSearch || []).push({p, k, e})` with the page files and
/// kinds once (`p`, `k`) and an entry `[name, kind, page]` per token or component (a
/// token's anchor is the slug of its name).
fn search_index(
    tokens: &Tokens,
    pages: &[(String, usize, String, usize)],
    page_of: &HashMap<&str, usize>,
    comps: &[cg::ComponentContext],
) -> Vec<String> {
    let mut files: Vec<String> = pages.iter().map(|p| p.2.clone()).collect();
    let mut kinds: Vec<&str> = Vec::new();
    let kind = |k: &'static str, kinds: &mut Vec<&'static str>| {
        kinds.iter().position(|x| *x == k).unwrap_or_else(|| {
            kinds.push(k);
            kinds.len() - 1
        })
    };
    let mut entries: Vec<Value> = Vec::with_capacity(tokens.len() + comps.len());
    for t in &tokens.tokens {
        let Some(&p) = page_of.get(t.path.as_str()) else {
            continue;
        };
        entries.push(json!([t.path.as_str(), kind(t.ty.as_str(), &mut kinds), p]));
    }
    for c in comps {
        files.push(component_file(&c.name));
        entries.push(json!([
            c.title,
            kind("component", &mut kinds),
            files.len() - 1
        ]));
    }
    let parts: Vec<&[Value]> = if entries.is_empty() {
        vec![&[]]
    } else {
        entries.chunks(SEARCH_PART).collect()
    };
    parts
        .into_iter()
        .map(|e| {
            format!(
                "(window.odsSearch = window.odsSearch || []).push({});\n",
                script_safe_json(&json!({"p": files, "k": kinds, "e": e}))
            )
        })
        .collect()
}

/// Splits a stylesheet into parts of at most about `limit` bytes, between declarations:
/// a block cut in two is closed and reopened with the same selectors, so the parts
/// loaded in order are the same cascade. The base block (`:root`) also applies to
/// `.ods-base`, the site's columns that show the default values whatever the page theme.
fn split_css(css: &str, limit: usize) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut open: Vec<String> = Vec::new();
    for line in css.lines() {
        let t = line.trim();
        let cur = parts.last_mut().expect("a part");
        let is_decl = !t.ends_with('{') && t != "}" && !t.is_empty() && !open.is_empty();
        if is_decl && cur.len() + line.len() > limit && !cur.is_empty() {
            for _ in &open {
                cur.push_str("}\n");
            }
            let mut next = String::new();
            for h in &open {
                next.push_str(h);
                next.push('\n');
            }
            parts.push(next);
        }
        let cur = parts.last_mut().expect("a part");
        if t.ends_with('{') {
            let header = if open.is_empty() && t == ":root {" {
                line.replacen(":root {", ":root, .ods-base {", 1)
            } else {
                line.to_string()
            };
            cur.push_str(&header);
            open.push(header);
        } else {
            if t == "}" {
                open.pop();
            }
            cur.push_str(line);
        }
        cur.push('\n');
    }
    parts
}

/// Rows of a compact group page, by `<tbody>`: a token's path and, per choice, its value
/// as text (the sRGB hex of a colour; `c` marks rows whose cells the script paints).
fn compact_rows(tokens: &Tokens, chunk: &[&Token], choices: &[Choice]) -> Vec<Value> {
    let resolvers: Vec<(Option<&str>, Resolver<'_>)> = choices
        .iter()
        .map(|c| (c.key.as_deref(), Resolver::new(tokens, c.key.as_deref())))
        .collect();
    let rows: Vec<Value> = chunk
        .iter()
        .map(|t| {
            let color = t.ty == TokenType::Color;
            let values: Vec<String> = resolvers
                .iter()
                .map(|(m, r)| {
                    let resolved = r.resolved(t);
                    match crate::color::Color::from_value(&resolved) {
                        Some(c) if color => c.hex_with_alpha(),
                        _ => export::value::Formatter::new(tokens, *m, |_| None).token(t),
                    }
                })
                .collect();
            json!({"a": slug(t.path.as_str()), "p": t.path.as_str(), "c": color, "v": values})
        })
        .collect();
    rows.chunks(ROWS_PER_BODY).map(|c| json!(c)).collect()
}

/// Colour scales among a page's tokens: siblings under one parent whose last segments
/// are all numbers (`blue.50` ... `blue.950`, `gray.1` ... `gray.12`), at least three,
/// in numeric order, each drawn as a ramp row linking to its tokens.
fn ramps(chunk: &[&Token]) -> Vec<Value> {
    let mut by_parent: Vec<(String, Vec<(f64, &Token)>)> = Vec::new();
    for t in chunk.iter().filter(|t| t.ty == TokenType::Color) {
        let Some((parent, last)) = t.path.as_str().rsplit_once('.') else {
            continue;
        };
        let Ok(n) = last.parse::<f64>() else {
            continue;
        };
        match by_parent.iter_mut().find(|(p, _)| p == parent) {
            Some((_, steps)) => steps.push((n, t)),
            None => by_parent.push((parent.to_string(), vec![(n, t)])),
        }
    }
    by_parent
        .into_iter()
        .filter(|(_, steps)| steps.len() >= 3)
        .map(|(parent, mut steps)| {
            steps.sort_by(|a, b| a.0.total_cmp(&b.0));
            json!({
                "name": parent,
                "steps": steps.iter().map(|(_, t)| json!({
                    "label": t.path.as_str().rsplit('.').next().unwrap_or_default(),
                    "path": t.path.as_str(),
                    "anchor": slug(t.path.as_str()),
                    "var": var_name(t.path.as_str()),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// Markdown of a changelog section (the subset releases write) as HTML.
pub fn changelog_html(md: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    let inline = |s: &str| {
        let mut html = String::new();
        for (i, part) in escape_html(s).split('`').enumerate() {
            if i % 2 == 1 {
                html.push_str("<code>");
                html.push_str(part);
                html.push_str("</code>");
            } else {
                html.push_str(part);
            }
        }
        html
    };
    for line in md.lines() {
        let l = line.trim_end();
        if in_list && !l.starts_with("- ") {
            out.push_str("</ul>\n");
            in_list = false;
        }
        if let Some(h) = l.strip_prefix("### ") {
            let _ = writeln!(out, "<h4>{}</h4>", inline(h));
        } else if let Some(h) = l.strip_prefix("## ") {
            let _ = writeln!(out, "<h3>{}</h3>", inline(h));
        } else if let Some(item) = l.strip_prefix("- ") {
            if !in_list {
                out.push_str("<ul>\n");
                in_list = true;
            }
            let _ = writeln!(out, "<li>{}</li>", inline(item));
        } else if let Some(q) = l.strip_prefix("> ") {
            let _ = writeln!(out, "<blockquote>{}</blockquote>", inline(q));
        } else if !l.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", inline(l));
        }
    }
    if in_list {
        out.push_str("</ul>\n");
    }
    out
}

/// Renders the site.
pub fn build(input: &Input<'_>) -> Result<Vec<SiteFile>, DocsError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(false);
    hb.register_escape_fn(handlebars::html_escape);
    for name in [
        "layout.hbs",
        "index.hbs",
        "group.hbs",
        "component.hbs",
        "changelog.hbs",
    ] {
        let (file, text) = source(name, input.templates)?;
        let key = name.trim_end_matches(".hbs");
        let result = if key == "layout" {
            hb.register_partial(key, text)
        } else {
            hb.register_template_string(key, text)
        };
        result.map_err(|e| DocsError::Template {
            file,
            message: e.to_string(),
        })?;
    }
    let tokens = input.tokens;
    let budgeted = export::Budgeted::check(tokens)?;
    let bgs = backgrounds(tokens);
    let (shown, every_combination) = choices(tokens);
    // Tokens by top-level group, in document order.
    let mut groups: BTreeMap<String, Vec<&Token>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for t in &tokens.tokens {
        let g = t
            .path
            .as_str()
            .split('.')
            .next()
            .unwrap_or_default()
            .to_string();
        if !groups.contains_key(&g) {
            order.push(g.clone());
        }
        groups.entry(g).or_default().push(t);
    }
    let options = crate::codegen::Options {
        css_prefix: None,
        tokens_css: "../assets/tokens.css".into(),
    };
    crate::codegen::check_specs(input.components, tokens)?;
    let comps: Vec<cg::ComponentContext> = input
        .components
        .iter()
        .map(|c| cg::build(c, tokens, &options))
        .collect();
    // Large groups are split into pages; a large site draws each token as a compact row.
    let compact = tokens.len() > COMPACT_AT;
    let per_page = if compact { COMPACT_PAGE } else { DETAILED_PAGE };
    // (group, page number from 0, file, index of its first token in the group)
    let mut pages: Vec<(String, usize, String, usize)> = Vec::new();
    let mut page_of: HashMap<&str, usize> = HashMap::new();
    for g in &order {
        for (i, chunk) in groups[g].chunks(per_page).enumerate() {
            let at = pages.len();
            pages.push((g.clone(), i, group_page_file(g, i), i * per_page));
            for t in chunk {
                page_of.insert(t.path.as_str(), at);
            }
        }
    }
    let token_href = |path: &str| {
        page_of
            .get(path)
            .map(|&p| format!("{}#{}", pages[p].2, slug(path)))
    };
    let group_description = |g: &str| {
        tokens
            .groups
            .iter()
            .find(|x| x.path.as_str() == g)
            .and_then(|x| x.description.clone())
    };
    let nav = json!({
        "groups": order.iter().map(|g| json!({"name": g, "href": group_file(g), "count": groups[g].len(), "description": group_description(g)})).collect::<Vec<_>>(),
        "components": comps.iter().map(|c| json!({"name": c.title, "href": component_file(&c.name), "status": c.status})).collect::<Vec<_>>(),
    });
    let search_files = search_index(tokens, &pages, &page_of, &comps);
    let token_css = split_css(
        &export::render_budgeted(
            ExportFormat::Css,
            &budgeted,
            &export::Options::new(ExportFormat::Css, PathBuf::from("assets/tokens.css")),
        )?
        .into_iter()
        .map(|f| f.contents)
        .collect::<String>(),
        CSS_CHUNK,
    );
    let token_css_files: Vec<String> = (0..token_css.len())
        .map(|i| {
            if i == 0 {
                "assets/tokens.css".to_string()
            } else {
                format!("assets/tokens-{}.css", i + 1)
            }
        })
        .collect();
    let named = tokens.has_named_axes();
    // Named axes: one switcher each, setting `data-<axis>` on the root as the CSS export's
    // default selectors expect; plain modes keep the light/dark toggle.
    let axes: Vec<Value> = if named {
        tokens
            .axes
            .iter()
            .map(|a| {
                json!({
                    "name": a.name,
                    "label": a.label(),
                    "attr": format!("data-{}", crate::escape::css_ident(&a.name)),
                    "default": a.default_context(),
                    "default_value": crate::escape::css_ident(a.default_context()),
                    "contexts": a.contexts.iter().enumerate().map(|(i, c)| json!({
                        "name": c,
                        "value": crate::escape::css_ident(c),
                        "default": i == 0,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let plain_modes: &[String] = if named { &[] } else { &tokens.modes };
    let site = json!({
        "name": input.name,
        "version": input.version,
        "modes": plain_modes,
        "axes": axes,
        "combinations": if named { json!(shown.len()) } else { Value::Null },
        "every_combination": named && every_combination,
        "dark_mode": plain_modes.iter().skip(1).find(|m| m.as_str() == "dark").or_else(|| plain_modes.get(1)),
        "token_count": tokens.len(),
        "token_css": token_css_files,
        "search_parts": search_files.len(),
        "component_count": comps.len(),
        "generator": concat!("opends ", env!("CARGO_PKG_VERSION")),
    });
    let mut files = Vec::new();
    let mut render = |template: &str, path: String, mut ctx: Value| -> Result<(), DocsError> {
        let depth = path.matches('/').count();
        ctx["site"] = site.clone();
        ctx["nav"] = nav.clone();
        ctx["root"] = json!("../".repeat(depth));
        ctx["page_path"] = json!(path);
        let html = hb.render(template, &ctx).map_err(|e| DocsError::Template {
            file: format!("{template}.hbs"),
            message: e.to_string(),
        })?;
        files.push(SiteFile {
            path: PathBuf::from(path),
            contents: html,
        });
        Ok(())
    };
    render(
        "index",
        "index.html".into(),
        json!({"title": input.name, "versions": input.versions.iter().rev().take(5).map(|v| json!({"version": v.version, "date": v.created_at.get(..10).unwrap_or_default(), "bump": v.bump})).collect::<Vec<_>>()}),
    )?;
    for (at, (g, i, file, start)) in pages.iter().enumerate() {
        let all = &groups[g];
        let chunk = &all[*start..(*start + per_page).min(all.len())];
        let count = all.len();
        let page_count = count.div_ceil(per_page);
        let pager: Vec<Value> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.0 == *g)
            .map(|(n, p)| json!({"n": p.1 + 1, "href": p.2, "current": n == at, "first": all[p.3].path.as_str()}))
            .collect();
        let mut ctx = json!({
            "title": if page_count > 1 { format!("{g} ({}/{page_count})", i + 1) } else { g.clone() },
            "group": {"name": g, "description": group_description(g), "count": count},
            "pager": if page_count > 1 { json!(pager) } else { Value::Null },
            "compact": compact,
        });
        if compact {
            ctx["rows"] = json!(compact_rows(tokens, chunk, &shown));
            ctx["columns"] = json!(shown.iter().map(|c| c.label.as_str()).collect::<Vec<_>>());
        } else {
            let toks: Vec<Value> = chunk
                .iter()
                .map(|t| {
                    let against = contrast_against(tokens, t, &bgs, input.contrast);
                    let mut v = token_context(tokens, t, &against, &shown);
                    v["anchor"] = json!(slug(t.path.as_str()));
                    if let Some(a) = v["alias"].as_str() {
                        v["alias_href"] = json!(token_href(a));
                    }
                    v
                })
                .collect();
            ctx["group"]["tokens"] = json!(toks);
            ctx["ramps"] = json!(ramps(chunk));
        }
        render("group", file.clone(), ctx)?;
    }
    for (c, stored) in comps.iter().zip(input.components) {
        let spec = &stored.spec;
        let matrix = state_matrix(spec, c);
        let mut states: Vec<String> = spec.states.keys().cloned().collect();
        for p in &spec.parts {
            for s in p.states.keys() {
                if !states.contains(s) {
                    states.push(s.clone());
                }
            }
        }
        let mut ctx = json!({"title": c.title, "component": c, "matrix": matrix, "states": states, "usage": usage(c)});
        // The generated stylesheet with each state also selected by an `is-<state>`
        // class. Inside `<style>`: a value must not be able to close the element.
        ctx["preview_css"] = json!(cg::stylesheet(spec, None, true).replace("</", "<\\/"));
        render("component", component_file(&c.name), ctx)?;
    }
    let versions: Vec<Value> = input
        .versions
        .iter()
        .rev()
        .map(|v| json!({"version": v.version, "date": v.created_at.get(..10).unwrap_or_default(), "author": v.author, "bump": v.bump, "html": changelog_html(&v.changelog)}))
        .collect();
    render(
        "changelog",
        "changelog.html".into(),
        json!({"title": "Changelog", "versions": versions}),
    )?;
    for (name, text) in token_css_files.iter().zip(token_css) {
        files.push(SiteFile {
            path: PathBuf::from(name),
            contents: text,
        });
    }
    for (i, text) in search_files.into_iter().enumerate() {
        files.push(SiteFile {
            path: PathBuf::from(format!("assets/search-{}.js", i + 1)),
            contents: text,
        });
    }
    for asset in ["site.css", "site.js"] {
        let (_, text) = source(asset, input.templates)?;
        files.push(SiteFile {
            path: PathBuf::from("assets").join(asset),
            contents: text,
        });
    }
    Ok(files)
}
