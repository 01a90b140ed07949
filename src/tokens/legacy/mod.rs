//! Legacy token formats people have today, read by converting them to DTCG:
//! Style Dictionary (`value`/`type`) and Tokens Studio exports (also Penpot's
//! `tokensLib`): sets, `$themes`, `$metadata`, its type names, `"8px"` strings and
//! arithmetic such as `{spacing.sm} * 3`.
//!
//! Conversion keeps each node's source offset, so findings still point at the
//! original line and column. Every converted file gets one warning saying how to
//! convert it for good.

use std::borrow::Cow;
use std::collections::HashMap;

/// The colour strings legacy formats hold (one parser for the whole program).
pub use crate::color::parse_css_color;
use crate::tokens::finding::{Finding, Findings};
use crate::tokens::json::{Kind, Member, Node};
use crate::tokens::source::Source;
use crate::tokens::value::{AliasSyntax, FONT_WEIGHTS, alias_syntax};
use crate::tokens::{Format, SdSize};

mod expr;
mod modify;
mod normalise;
mod studio;
mod values;

pub use normalise::{Normalised, normalise};

use expr::{is_expression, parse_quantity};

/// The dimension units conversion reads: DTCG's, then those real files use (kept as
/// written; `--strict` refuses them when the converted document is checked).
const DIMENSION_UNITS: [&str; 12] = [
    "px", "rem", "em", "%", "vw", "vh", "vmin", "vmax", "ch", "ex", "pt", "dp",
];

/// Token-type names only Tokens Studio uses.
const STUDIO_TYPES: [&str; 16] = [
    "spacing",
    "sizing",
    "borderRadius",
    "borderWidth",
    "opacity",
    "fontFamilies",
    "fontWeights",
    "fontSizes",
    "lineHeights",
    "letterSpacing",
    "paragraphSpacing",
    "paragraphIndent",
    "textCase",
    "textDecoration",
    "boxShadow",
    "composition",
];

/// Guesses the format of a parsed token document: Tokens Studio when it says so; else
/// Style Dictionary when most tokens are written `value` (a DTCG file with a few such
/// tokens is DTCG, and the lenient reader converts those).
pub fn detect(root: &Node<'_>) -> Format {
    if root.get("$themes").is_some() || root.get("$metadata").is_some() {
        return Format::TokensStudio;
    }
    let mut found = Scan::default();
    let mut budget = 2000;
    scan(root, &mut found, &mut budget);
    if found.studio {
        Format::TokensStudio
    } else if found.style_dictionary > found.dtcg {
        Format::StyleDictionary
    } else {
        Format::Dtcg
    }
}

/// What a scan of a document's first nodes saw.
#[derive(Default)]
struct Scan {
    studio: bool,
    dtcg: u32,
    style_dictionary: u32,
}

fn scan(node: &Node<'_>, found: &mut Scan, budget: &mut u32) {
    if *budget == 0 || found.studio {
        return;
    }
    *budget -= 1;
    let Some(members) = node.as_object() else {
        return;
    };
    let ty = node
        .get("type")
        .or_else(|| node.get("$type"))
        .and_then(Node::as_str);
    if let Some(t) = ty {
        if STUDIO_TYPES.contains(&t) {
            found.studio = true;
            return;
        }
    }
    if node.get("$value").is_some() {
        found.dtcg += 1;
        return;
    }
    if node.get("value").is_some() && !members.iter().any(|m| m.key.starts_with('$')) {
        let leafish = node.get("value").is_some_and(|v| {
            !matches!(&v.kind, Kind::Object(m) if m.iter().any(|c| c.value.get("value").is_some()))
        });
        if leafish {
            found.style_dictionary += 1;
            return;
        }
    }
    for m in members {
        scan(&m.value, found, budget);
    }
}

/// Converts a legacy document (one set) into a DTCG node tree.
pub fn convert<'a>(
    root: &Node<'a>,
    format: Format,
    sd_size: SdSize,
    src: &Source<'_>,
    findings: &mut Findings,
) -> Node<'a> {
    convert_files(&[(root, src)], format, sd_size, findings)
        .pop()
        .unwrap_or_else(|| root.clone())
}

/// Converts the legacy files of one run as one unit, each into its own DTCG node tree (in
/// order, each keeping its own source for locations): references, Style Dictionary 3
/// `.value` suffixes, `rgba({ref}, a)` and references inside strings resolve across the
/// files, as Style Dictionary reads all its source files into one dictionary. One warning
/// per file.
pub fn convert_files<'a>(
    docs: &[(&Node<'a>, &Source<'_>)],
    format: Format,
    sd_size: SdSize,
    findings: &mut Findings,
) -> Vec<Node<'a>> {
    let mut raw = HashMap::new();
    for (root, _) in docs {
        collect_raw(root, "", &mut raw);
    }
    let mut out = Vec::with_capacity(docs.len());
    for (root, src) in docs {
        let mut cv = Converter::new(src, findings, &raw);
        cv.style_dictionary = (format == Format::StyleDictionary).then_some(sd_size);
        out.push(cv.group(root, "", None));
        let count = cv.count;
        warn_converted(src, findings, format, count);
    }
    out
}

fn warn_converted(src: &Source<'_>, findings: &mut Findings, format: Format, count: usize) {
    let what = match format {
        Format::TokensStudio => "a Tokens Studio export",
        _ => "Style Dictionary (`value`/`type`) tokens",
    };
    findings.push(Finding::warning(
        "legacy-format",
        &src.loc(0),
        None,
        format!(
            "read as {what} ({count} tokens converted to DTCG 2025.10); to convert the file for good, run `opends export tokens --input {} --format dtcg --out DIR`",
            src.name
        ),
    ));
}

/// Path -> raw legacy token node, for evaluating arithmetic.
type RawIndex<'n, 'a> = HashMap<String, &'n Node<'a>>;

fn collect_raw<'n, 'a>(node: &'n Node<'a>, path: &str, out: &mut RawIndex<'n, 'a>) {
    let Some(members) = node.as_object() else {
        return;
    };
    if is_token(node) {
        out.insert(path.to_string(), node);
        return;
    }
    for m in members {
        if m.key.starts_with('$') {
            continue;
        }
        let child = if path.is_empty() {
            m.key.to_string()
        } else {
            format!("{path}.{}", m.key)
        };
        collect_raw(&m.value, &child, out);
    }
}

fn is_token(node: &Node<'_>) -> bool {
    if node.get("$value").is_some() {
        return true;
    }
    // A Style Dictionary token: `value` (not itself a token or group of tokens) and no
    // member that is a token or group; its other keys (`comment`, `attributes`,
    // `deprecated`, vendor keys ...) are metadata.
    let Some(members) = node.as_object() else {
        return false;
    };
    let holds_tokens = |n: &Node<'_>| {
        n.as_object().is_some_and(|m| {
            m.iter().any(|c| {
                c.key == "value"
                    || c.key == "$value"
                    || c.value
                        .as_object()
                        .is_some_and(|cm| cm.iter().any(|x| x.key == "value" || x.key == "$value"))
            })
        })
    };
    node.get("value").is_some_and(|v| !holds_tokens(v))
        && members
            .iter()
            .filter(|m| m.key != "value" && !m.key.starts_with('$'))
            .all(|m| !holds_tokens(&m.value) && m.value.get("value").is_none())
}

/// Whether a node is a Style Dictionary token (`value` and metadata, no child tokens).
pub fn is_style_dictionary_token(node: &Node<'_>) -> bool {
    node.get("$value").is_none() && is_token(node)
}

/// Style Dictionary's bookkeeping keys on a token, dropped on conversion.
const SD_BOOKKEEPING: [&str; 5] = ["name", "original", "path", "filePath", "isSource"];

/// Converts the sets of one Tokens Studio export into DTCG node trees, in order
/// (references and arithmetic may cross sets; a later set's token wins). Findings are
/// kept for the sets where `report` is true and dropped for the others (a caller that
/// converts a set in several theme choices reports it once). Returns the trees and how
/// many tokens of the reported sets were converted (for [`warn_studio_converted`]).
pub fn convert_studio_sets<'a>(
    sets: &[(String, &Node<'a>, &Source<'_>)],
    report: &[bool],
    findings: &mut Findings,
) -> (Vec<Node<'a>>, usize) {
    let mut raw = HashMap::new();
    for (_, node, _) in sets {
        collect_raw(node, "", &mut raw);
    }
    let mut trees = Vec::with_capacity(sets.len());
    let mut count = 0;
    let mut dropped = Findings::default();
    for (i, (_, node, set_src)) in sets.iter().enumerate() {
        let reported = report.get(i).copied().unwrap_or(true);
        let sink = if reported {
            &mut *findings
        } else {
            &mut dropped
        };
        let mut cv = Converter::new(set_src, sink, &raw);
        trees.push(cv.group(node, "", None));
        if reported {
            count += cv.count;
        }
    }
    (trees, count)
}

/// The one warning of a Tokens Studio export: how many tokens were converted.
pub fn warn_studio_converted(src: &Source<'_>, findings: &mut Findings, count: usize) {
    warn_converted(src, findings, Format::TokensStudio, count);
}

/// Converts one Style Dictionary token met inside a DTCG file (the lenient reader).
pub fn convert_token<'a>(
    node: &Node<'a>,
    path: &str,
    sd_size: SdSize,
    src: &Source<'_>,
    findings: &mut Findings,
) -> Option<Node<'a>> {
    let raw = HashMap::new();
    let mut cv = Converter::new(src, findings, &raw);
    cv.style_dictionary = Some(sd_size);
    cv.token(node, path)
}

struct Converter<'s, 'r, 'n, 'a, 't> {
    src: &'s Source<'t>,
    findings: &'s mut Findings,
    raw: &'r RawIndex<'n, 'a>,
    count: usize,
    /// Style Dictionary's reading, with the unit of a bare number in a `dimension` or
    /// `fontSize` token (`rem` by default, its `size/rem` transform); `None` for Tokens
    /// Studio, whose bare numbers are pixels.
    style_dictionary: Option<SdSize>,
}

impl<'s, 'r, 'n, 'a, 't> Converter<'s, 'r, 'n, 'a, 't> {
    /// A converter for one document, resolving expressions against `raw`.
    fn new(src: &'s Source<'t>, findings: &'s mut Findings, raw: &'r RawIndex<'n, 'a>) -> Self {
        Self {
            src,
            findings,
            raw,
            count: 0,
            style_dictionary: None,
        }
    }

    /// The raw token a reference names: its path, or (Style Dictionary 3) the path with
    /// `.value` after it.
    pub(super) fn raw_token(&self, target: &str) -> Option<&'r Node<'a>> {
        self.raw.get(target).copied().or_else(|| {
            target
                .strip_suffix(".value")
                .and_then(|t| self.raw.get(t).copied())
        })
    }

    /// A reference to another property of a token than its value (`{color.white.rgb}`,
    /// which Style Dictionary resolves): that property.
    fn raw_property(&self, target: &str) -> Option<&'r Node<'a>> {
        if self.raw.contains_key(target) {
            return None;
        }
        let (token, key) = target.rsplit_once('.')?;
        if key == "value" || key.starts_with('$') {
            return None;
        }
        let node = self.raw.get(token).copied()?;
        node.get(key)
    }
}

fn s<'a>(text: impl Into<String>, offset: u32) -> Node<'a> {
    Node {
        offset,
        kind: Kind::String(Cow::Owned(text.into())),
    }
}

fn num<'a>(n: f64, offset: u32) -> Node<'a> {
    Node {
        offset,
        kind: Kind::Number(n, ""),
    }
}

fn obj<'a>(offset: u32, members: Vec<(&str, Node<'a>)>) -> Node<'a> {
    Node {
        offset,
        kind: Kind::Object(
            members
                .into_iter()
                .map(|(k, v)| Member {
                    key_offset: v.offset,
                    key: Cow::Owned(k.to_string()),
                    value: v,
                })
                .collect(),
        ),
    }
}

/// The DTCG type for a legacy type name.
/// The DTCG type a legacy or tool-specific type name stands for.
pub fn map_type(t: &str) -> Option<&'static str> {
    Some(match t {
        "color" => "color",
        "dimension" | "spacing" | "sizing" | "borderRadius" | "borderWidth" | "fontSizes"
        | "fontSize" | "letterSpacing" | "paragraphSpacing" | "paragraphIndent" | "size" => {
            "dimension"
        }
        "opacity" | "number" | "lineHeights" | "lineHeight" => "number",
        "fontFamilies" | "fontFamily" => "fontFamily",
        "fontWeights" | "fontWeight" => "fontWeight",
        "duration" | "time" => "duration",
        "cubicBezier" | "easing" => "cubicBezier",
        "boxShadow" | "shadow" => "shadow",
        "typography" => "typography",
        "border" => "border",
        "strokeStyle" => "strokeStyle",
        "transition" => "transition",
        "gradient" => "gradient",
        // Tokens Studio types DTCG lacks, kept as strings.
        "textCase" | "textDecoration" => "string",
        _ => return None,
    })
}

impl<'a> Converter<'_, '_, '_, 'a, '_> {
    fn error(&mut self, node: &Node<'_>, path: &str, message: String) {
        let loc = self.src.loc(node.offset);
        self.findings
            .push(Finding::error("legacy-value", &loc, Some(path), message));
    }

    fn warn(&mut self, node: &Node<'_>, path: &str, message: String) {
        let loc = self.src.loc(node.offset);
        self.findings
            .push(Finding::warning("legacy-value", &loc, Some(path), message));
    }

    fn group(&mut self, node: &Node<'a>, path: &str, _ty: Option<&str>) -> Node<'a> {
        let mut out = Vec::new();
        for m in node.as_object().unwrap_or_default() {
            if m.key.starts_with('$') {
                if matches!(m.key.as_ref(), "$themes" | "$metadata") {
                    continue;
                }
                if m.key == "$type" {
                    if let Some(t) = m.value.as_str().and_then(map_type) {
                        out.push(Member {
                            key_offset: m.key_offset,
                            key: m.key.clone(),
                            value: s(t, m.value.offset),
                        });
                        continue;
                    }
                }
                out.push(m.clone());
                continue;
            }
            let child = if path.is_empty() {
                m.key.to_string()
            } else {
                format!("{path}.{}", m.key)
            };
            let value = if is_token(&m.value) {
                match self.token(&m.value, &child) {
                    Some(t) => t,
                    None => continue,
                }
            } else if m.value.as_object().is_some() {
                self.group(&m.value, &child, None)
            } else {
                m.value.clone()
            };
            out.push(Member {
                key_offset: m.key_offset,
                key: m.key.clone(),
                value,
            });
        }
        Node {
            offset: node.offset,
            kind: Kind::Object(out),
        }
    }

    fn token(&mut self, node: &Node<'a>, path: &str) -> Option<Node<'a>> {
        self.count += 1;
        let written = node.get("value").or_else(|| node.get("$value"))?;
        // `{color.white.rgb}`: another property of a token, written in place (DTCG can
        // only reference a token's value).
        let substituted = self.substitute_properties(written, path);
        let value = substituted.as_ref().unwrap_or(written);
        let legacy_type = node
            .get("type")
            .or_else(|| node.get("$type"))
            .and_then(Node::as_str);
        let mut ty = match legacy_type {
            Some(t) => {
                if let Some(t) = map_type(t) {
                    Some(t)
                } else if self.style_dictionary.is_some() {
                    // Style Dictionary's `type` is free text its transforms match on;
                    // an unknown one leaves the value as written.
                    let inferred = match infer_type(value) {
                        Some("string") if value.as_str().is_some_and(is_font_stack) => {
                            Some("fontFamily")
                        }
                        other => other,
                    };
                    self.warn(
                        node,
                        path,
                        format!(
                            "type `{t}` has no DTCG equivalent; the type is taken from the value ({})",
                            inferred.map_or("none: an untyped token".into(), |i| format!("`{i}`"))
                        ),
                    );
                    inferred
                } else {
                    self.warn(
                        node,
                        path,
                        format!("type `{t}` has no DTCG equivalent; the token is skipped"),
                    );
                    return None;
                }
            }
            None => infer_type(value),
        };
        if ty == Some("number") {
            // Tokens Studio lets a number token stand for a dimension (a dimension's
            // number takes part in maths, its unit carried to the result); DTCG does
            // not, so the token becomes a dimension.
            if let Some(what) = self.dimension_in_number(value, path) {
                self.warn(
                    value,
                    path,
                    format!("{what}; Tokens Studio lets a number token hold it, so this token is read as a dimension"),
                );
                ty = Some("dimension");
            }
        }
        if let (Some(size), Some("dimension" | "fontSize")) = (self.style_dictionary, legacy_type) {
            if let Some(n) = bare_number(value).filter(|n| *n != 0.0) {
                let unit = size.unit();
                let (code, why) = match size {
                    SdSize::Rem => (
                        "lenient-size-rem",
                        "as Style Dictionary's `size/rem` transform writes it (`sd_size_unit: px` in opends.yaml reads bare sizes as pixels)",
                    ),
                    SdSize::Px => (
                        "lenient-size-px",
                        "as `sd_size_unit: px` in opends.yaml says",
                    ),
                };
                self.findings.push(Finding::warning(
                    code,
                    &self.src.loc(value.offset),
                    Some(path),
                    format!("the bare number `{n}` is read as `{n}{unit}`, {why}; write the unit to be sure"),
                ));
                let rem = obj(
                    value.offset,
                    vec![
                        ("value", num(n, value.offset)),
                        ("unit", s(unit, value.offset)),
                    ],
                );
                return Some(finish(node, rem, ty, None));
            }
        }
        // Values only Tokens Studio writes (colour modifiers, gradients, `%` letter
        // spacing, length line heights) may change the type and add an extension.
        let studio = ty.and_then(|t| self.studio_value(node, legacy_type, t, value, path));
        let mut extension = None;
        let converted = match (studio, ty) {
            (Some(done), _) => {
                let done = done.ok()?;
                ty = Some(done.ty);
                extension = done.extension;
                done.value
            }
            (None, Some(t)) => self.value(t, value, path)?,
            // An untyped alias still gets its Style Dictionary 3 `.value` suffix removed.
            (None, None) if value.as_str().is_some_and(|s| s.trim().starts_with('{')) => {
                self.value("alias", value, path)?
            }
            (None, None) => value.clone(),
        };
        Some(finish(node, converted, ty, extension))
    }

    /// What makes a number token's value a dimension: a reference to a dimension token
    /// or an expression whose result has a length unit. `None` when it is a number.
    fn dimension_in_number(&self, value: &Node<'_>, path: &str) -> Option<String> {
        let text = value.as_str()?.trim();
        if let Some(target) = self.dimension_alias(text) {
            return Some(format!("`{{{target}}}` is a dimension"));
        }
        if !is_expression(text) {
            return None;
        }
        let q = self.evaluate(text, path, 0).ok()?;
        // A percentage is a number's (`150%` line height is 1.5).
        (q.unit != "%" && DIMENSION_UNITS.contains(&q.unit.as_str()))
            .then(|| format!("`{text}` evaluates to a dimension (`{}`)", q.text()))
    }

    /// `{a.b}` naming a token whose type is `dimension`: its path.
    fn dimension_alias<'v>(&self, text: &'v str) -> Option<&'v str> {
        let AliasSyntax::Alias(target) = alias_syntax(text) else {
            return None;
        };
        let node = self.raw_token(target)?;
        let ty = match node.get("type").or_else(|| node.get("$type")) {
            Some(t) => t.as_str().and_then(map_type),
            None => node
                .get("value")
                .or_else(|| node.get("$value"))
                .and_then(infer_type),
        };
        (ty == Some("dimension")).then_some(target)
    }

    /// `value` with every reference to a token's other property (`{color.white.rgb}`)
    /// replaced by that property's text; `None` when it has none.
    fn substitute_properties(&mut self, value: &Node<'a>, path: &str) -> Option<Node<'a>> {
        let text = value.as_str()?;
        if !text.contains('{') {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        let mut changed = false;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            let target = &rest[open + 1..close];
            out.push_str(&rest[..open]);
            match self.raw_property(target).and_then(scalar_text) {
                Some(t) => {
                    out.push_str(&t);
                    changed = true;
                }
                None => out.push_str(&rest[open..=close]),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        if !changed {
            return None;
        }
        self.warn(
            value,
            path,
            format!("`{text}` names other properties of tokens than their values; they are written in place: `{out}`"),
        );
        Some(s(out, value.offset))
    }

    /// A string with references inside (`0 0 0 1px {color.gray.value} inset`): each
    /// reference replaced by its token's value as written, as Style Dictionary does.
    fn interpolate(&self, text: &str, depth: u32) -> Result<String, String> {
        if depth > 16 {
            return Err("references nest too deep (a cycle?)".into());
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let close = rest[open..]
                .find('}')
                .map(|c| open + c)
                .ok_or_else(|| "a `{` without `}`".to_string())?;
            let target = &rest[open + 1..close];
            out.push_str(&rest[..open]);
            let written = match self.raw_token(target) {
                Some(node) => node.get("value").or_else(|| node.get("$value")),
                None => self.raw_property(target),
            }
            .ok_or_else(|| format!("`{{{target}}}` is not a token in these files"))?;
            let t = scalar_text(written)
                .ok_or_else(|| format!("`{{{target}}}` is not text or a number"))?;
            if t.contains('{') {
                out.push_str(&self.interpolate(&t, depth + 1)?);
            } else {
                out.push_str(&t);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// Converts a legacy value to the DTCG shape of `ty`.
    fn value(&mut self, ty: &str, v: &Node<'a>, path: &str) -> Option<Node<'a>> {
        if let Some(text) = v
            .as_str()
            .filter(|t| ty == "color" && modify::is_color_function(t))
        {
            return self.color_function_value(v, text, path);
        }
        if let Some(text) = v.as_str() {
            if let AliasSyntax::Alias(p) = alias_syntax(text.trim()) {
                // Style Dictionary 3 wrote references as `{color.primary.value}`.
                let p = match p.strip_suffix(".value") {
                    Some(stripped)
                        if !self.raw.contains_key(p) && self.raw.contains_key(stripped) =>
                    {
                        stripped
                    }
                    _ => p,
                };
                return Some(s(format!("{{{p}}}"), v.offset));
            }
            if ty == "string" && text.contains('{') {
                return match self.interpolate(text, 0) {
                    Ok(done) => {
                        self.warn(
                            v,
                            path,
                            format!("the references in `{text}` were replaced by their values (`{done}`); DTCG strings hold no references, so the result is stored as a literal"),
                        );
                        Some(s(done, v.offset))
                    }
                    Err(m) => {
                        self.error(v, path, format!("cannot read `{text}`: {m}"));
                        None
                    }
                };
            }
            // `hsl(120 50% 50% / 0.5)` is a colour, not a division.
            let colour = ty == "color" && crate::color::parse_css(text).is_some();
            if !colour && is_expression(text) {
                return match self.evaluate(text, path, 0) {
                    Ok(q) => {
                        self.warn(
                            v,
                            path,
                            format!(
                                "the expression `{text}` was evaluated to `{}`; DTCG has no arithmetic, so the result is stored as a literal",
                                q.text()
                            ),
                        );
                        let literal = s(q.text(), v.offset);
                        self.quoting(text, &q.text(), |cv| cv.value(ty, &literal, path))
                    }
                    Err(m) => {
                        self.error(v, path, format!("cannot evaluate `{text}`: {m}"));
                        None
                    }
                };
            }
        }
        let out = match ty {
            "color" => self.color(v, path),
            "dimension" => self.unit(v, path, "dimension", &DIMENSION_UNITS, "px"),
            "duration" => self.unit(v, path, "duration", &["ms", "s"], "ms"),
            "number" => match &v.kind {
                Kind::String(t) => {
                    let t = t.trim();
                    if let Some(p) = t.strip_suffix('%') {
                        p.trim()
                            .parse::<f64>()
                            .ok()
                            .map(|n| num(n / 100.0, v.offset))
                    } else {
                        t.parse::<f64>().ok().map(|n| num(n, v.offset))
                    }
                    .or_else(|| {
                        self.error(v, path, format!("`{t}` is not a number"));
                        None
                    })
                }
                _ => Some(v.clone()),
            },
            "fontWeight" => match &v.kind {
                Kind::String(t) => {
                    if let Ok(n) = t.trim().parse::<f64>() {
                        Some(num(n, v.offset))
                    } else {
                        let key = t.trim().to_lowercase().replace([' ', '_'], "-");
                        if FONT_WEIGHTS.iter().any(|(k, _)| *k == key) {
                            Some(s(key, v.offset))
                        } else {
                            self.error(v, path, format!("`{t}` is not a font weight DTCG knows (use a number or one of the weight names)"));
                            None
                        }
                    }
                }
                _ => Some(v.clone()),
            },
            "fontFamily" => match &v.kind {
                Kind::String(t) if t.contains(',') => Some(Node {
                    offset: v.offset,
                    kind: Kind::Array(
                        t.split(',')
                            .map(|f| s(f.trim().trim_matches(['"', '\'']).to_string(), v.offset))
                            .collect(),
                    ),
                }),
                _ => Some(v.clone()),
            },
            "cubicBezier" => match &v.kind {
                Kind::String(t) => {
                    let inner = t
                        .trim()
                        .strip_prefix("cubic-bezier(")
                        .and_then(|r| r.strip_suffix(')'));
                    let nums: Option<Vec<f64>> = inner.and_then(|i| {
                        i.split(',')
                            .map(|p| p.trim().parse().ok())
                            .collect::<Option<Vec<f64>>>()
                    });
                    match nums {
                        Some(n) if n.len() == 4 => Some(Node {
                            offset: v.offset,
                            kind: Kind::Array(n.into_iter().map(|x| num(x, v.offset)).collect()),
                        }),
                        _ => {
                            self.error(
                                v,
                                path,
                                format!("`{t}` is not `cubic-bezier(x1, y1, x2, y2)`"),
                            );
                            None
                        }
                    }
                }
                _ => Some(v.clone()),
            },
            "shadow" => match &v.kind {
                Kind::Array(items) => {
                    let mut out = Vec::new();
                    for item in items {
                        out.push(self.shadow(item, path)?);
                    }
                    Some(Node {
                        offset: v.offset,
                        kind: Kind::Array(out),
                    })
                }
                _ => self.shadow(v, path),
            },
            "typography" => self.fields(
                v,
                path,
                &[
                    ("fontFamily", "fontFamily", &["fontFamily"]),
                    ("fontSize", "dimension", &["fontSize"]),
                    ("fontWeight", "fontWeight", &["fontWeight"]),
                    ("letterSpacing", "dimension", &["letterSpacing"]),
                    ("lineHeight", "number", &["lineHeight"]),
                ],
            ),
            "border" => self.fields(
                v,
                path,
                &[
                    ("color", "color", &["color"]),
                    ("width", "dimension", &["width"]),
                    ("style", "strokeStyle", &["style"]),
                ],
            ),
            "strokeStyle" => match v.get("dashArray").and_then(Node::as_array) {
                Some(items) => {
                    let mut dashes = Vec::with_capacity(items.len());
                    for item in items {
                        dashes.push(self.value("dimension", item, path)?);
                    }
                    let mut out: Vec<(&str, Node<'a>)> = vec![(
                        "dashArray",
                        Node {
                            offset: v.offset,
                            kind: Kind::Array(dashes),
                        },
                    )];
                    if let Some(cap) = v.get("lineCap") {
                        out.push(("lineCap", cap.clone()));
                    }
                    Some(obj(v.offset, out))
                }
                None => Some(v.clone()),
            },
            "transition" => self.fields(
                v,
                path,
                &[
                    ("duration", "duration", &["duration"]),
                    ("delay", "duration", &["delay"]),
                    ("timingFunction", "cubicBezier", &["timingFunction"]),
                ],
            ),
            _ => Some(v.clone()),
        }?;
        Some(out)
    }
}

/// The DTCG token for a legacy `node` whose value converted to `converted`: its type,
/// description, deprecation and the other keys tools put on it (in `$extensions`).
fn finish<'a>(
    node: &Node<'a>,
    converted: Node<'a>,
    ty: Option<&'static str>,
    extension: Option<(&'static str, Node<'a>)>,
) -> Node<'a> {
    let mut members: Vec<(&str, Node<'a>)> = Vec::new();
    members.push(("$value", converted));
    if let Some(t) = ty {
        members.push(("$type", s(t, node.offset)));
    }
    let description = node
        .get("description")
        .or_else(|| node.get("$description"))
        .or_else(|| node.get("comment"));
    if let Some(d) = description {
        members.push(("$description", d.clone()));
    }
    // `deprecated` / `deprecated_comment` (Style Dictionary 4) are `$deprecated`.
    let deprecated = node.get("$deprecated").cloned().or_else(|| {
        let flag = node.get("deprecated");
        match (flag.map(|f| &f.kind), node.get("deprecated_comment")) {
            (Some(Kind::Bool(false)), _) | (None, None) => None,
            (_, Some(c)) if c.as_str().is_some() => Some(c.clone()),
            (Some(_), _) => flag.cloned(),
            (None, Some(_)) => None,
        }
    });
    if let Some(d) = deprecated {
        members.push(("$deprecated", d));
    }
    // Every other key a tool put on the token is kept in `$extensions`.
    let mut kept: Vec<Member<'a>> = node
        .get("$extensions")
        .and_then(Node::as_object)
        .map(<[Member<'a>]>::to_vec)
        .unwrap_or_default();
    for m in node.as_object().unwrap_or_default() {
        let k = m.key.as_ref();
        if k.starts_with('$')
            || matches!(
                k,
                "value" | "type" | "description" | "comment" | "deprecated" | "deprecated_comment"
            )
            || SD_BOOKKEEPING.contains(&k)
            || kept.iter().any(|x| x.key == m.key)
        {
            continue;
        }
        kept.push(m.clone());
    }
    if !kept.is_empty() {
        members.push((
            "$extensions",
            Node {
                offset: node.offset,
                kind: Kind::Object(kept),
            },
        ));
    }
    if let Some((key, ext)) = extension {
        studio::add_extension(&mut members, key, ext, node.offset);
    }
    obj(node.offset, members)
}

/// A CSS font stack: families separated by commas, ending in a generic family
/// (`'Inter', Roboto, sans-serif`).
fn is_font_stack(text: &str) -> bool {
    let Some((_, last)) = text.rsplit_once(',') else {
        return false;
    };
    matches!(
        last.trim().to_ascii_lowercase().as_str(),
        "serif"
            | "sans-serif"
            | "monospace"
            | "cursive"
            | "fantasy"
            | "system-ui"
            | "ui-serif"
            | "ui-sans-serif"
            | "ui-monospace"
            | "ui-rounded"
            | "math"
            | "emoji"
            | "fangsong"
    )
}

/// A string's text, or a number written out.
fn scalar_text(node: &Node<'_>) -> Option<String> {
    match &node.kind {
        Kind::String(t) => Some(t.to_string()),
        Kind::Number(n, _) => Some(n.to_string()),
        _ => None,
    }
}

/// A number written without a unit: `16` or `"16"`.
fn bare_number(v: &Node<'_>) -> Option<f64> {
    match &v.kind {
        Kind::Number(n, _) => Some(*n),
        Kind::String(t) => t.trim().parse().ok(),
        _ => None,
    }
}

fn infer_type(v: &Node<'_>) -> Option<&'static str> {
    match &v.kind {
        Kind::Number(..) => Some("number"),
        Kind::String(t) => {
            let t = t.trim();
            if crate::color::parse_css(t).is_some() || modify::is_color_function(t) {
                Some("color")
            } else if let Some(q) = parse_quantity(t) {
                match q.unit.as_str() {
                    "ms" | "s" => Some("duration"),
                    "" => Some("number"),
                    u if DIMENSION_UNITS.contains(&u) => Some("dimension"),
                    _ => Some("string"),
                }
            } else if t.starts_with('{') || is_expression(t) {
                None
            } else {
                // Text a tool passes through as it is (`"circle"`, a font stack's name).
                Some("string")
            }
        }
        _ => None,
    }
}
