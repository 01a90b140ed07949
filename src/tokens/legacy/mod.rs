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
use crate::tokens::Format;
use crate::tokens::dtcg::{self, Source};
use crate::tokens::finding::{Finding, Findings};
use crate::tokens::json::{Kind, Member, Node};
use crate::tokens::link::{Input, SetDocument};
use crate::tokens::value::{AliasSyntax, FONT_WEIGHTS, alias_syntax};

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

/// Guesses the format of a parsed token document.
pub fn detect(root: &Node<'_>) -> Format {
    if root.get("$themes").is_some() || root.get("$metadata").is_some() {
        return Format::TokensStudio;
    }
    let mut found = None;
    let mut budget = 2000;
    scan(root, &mut found, &mut budget);
    found.unwrap_or(Format::Dtcg)
}

fn scan(node: &Node<'_>, found: &mut Option<Format>, budget: &mut u32) {
    if *budget == 0 || matches!(found, Some(Format::TokensStudio)) {
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
            *found = Some(Format::TokensStudio);
            return;
        }
    }
    if node.get("$value").is_some() {
        found.get_or_insert(Format::Dtcg);
        return;
    }
    if node.get("value").is_some() && !members.iter().any(|m| m.key.starts_with('$')) {
        let leafish = node.get("value").is_some_and(|v| {
            !matches!(&v.kind, Kind::Object(m) if m.iter().any(|c| c.value.get("value").is_some()))
        });
        if leafish {
            if found.is_none() || *found == Some(Format::Dtcg) {
                *found = Some(Format::StyleDictionary);
            }
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
    src: &Source<'_>,
    findings: &mut Findings,
) -> Node<'a> {
    let mut raw = HashMap::new();
    collect_raw(root, "", &mut raw);
    let mut cv = Converter {
        src,
        findings,
        raw: &raw,
        count: 0,
    };
    let out = cv.group(root, "", None);
    let count = cv.count;
    warn_converted(src, findings, format, count);
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
    node.get("$value").is_some()
        || (node.get("value").is_some()
            && node.as_object().is_some_and(|m| {
                !m.iter().any(|c| {
                    !c.key.starts_with('$')
                        && !matches!(
                            c.key.as_ref(),
                            "value"
                                | "type"
                                | "description"
                                | "comment"
                                | "attributes"
                                | "name"
                                | "original"
                                | "path"
                                | "filePath"
                                | "isSource"
                                | "themeable"
                        )
                })
            }))
}

struct Converter<'s, 'r, 'n, 'a, 't> {
    src: &'s Source<'t>,
    findings: &'s mut Findings,
    raw: &'r RawIndex<'n, 'a>,
    count: usize,
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
fn map_type(t: &str) -> Option<&'static str> {
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
        let value = node.get("value").or_else(|| node.get("$value"))?;
        let legacy_type = node
            .get("type")
            .or_else(|| node.get("$type"))
            .and_then(Node::as_str);
        let ty = match legacy_type {
            Some(t) => {
                if let Some(t) = map_type(t) {
                    Some(t)
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
        let mut members: Vec<(&str, Node<'a>)> = Vec::new();
        let converted = match ty {
            Some(t) => self.value(t, value, path)?,
            // An untyped alias still gets its Style Dictionary 3 `.value` suffix removed.
            None if value.as_str().is_some_and(|s| s.trim().starts_with('{')) => {
                self.value("alias", value, path)?
            }
            None => value.clone(),
        };
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
        for key in ["$deprecated", "$extensions"] {
            if let Some(v) = node.get(key) {
                members.push((key, v.clone()));
            }
        }
        Some(obj(node.offset, members))
    }

    /// Converts a legacy value to the DTCG shape of `ty`.
    fn value(&mut self, ty: &str, v: &Node<'a>, path: &str) -> Option<Node<'a>> {
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
            if is_expression(text) {
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
                        self.value(ty, &literal, path)
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
            "dimension" => self.unit(v, path, "dimension", &["px", "rem"], "px"),
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
            _ => Some(v.clone()),
        }?;
        Some(out)
    }

    fn fields(
        &mut self,
        v: &Node<'a>,
        path: &str,
        fields: &[(&str, &str, &[&str])],
    ) -> Option<Node<'a>> {
        if v.as_object().is_none() {
            return Some(v.clone());
        }
        let mut members = Vec::new();
        for (name, ty, sources) in fields {
            let found = sources.iter().find_map(|k| v.get(k));
            match found {
                Some(f) => {
                    let sub = if *name == "lineHeight" {
                        self.line_height(f, path)?
                    } else if *ty == "strokeStyle" {
                        f.clone()
                    } else {
                        self.value(ty, f, &format!("{path}.{name}"))?
                    };
                    members.push((*name, sub));
                }
                None if *name == "letterSpacing" => {
                    members.push((
                        *name,
                        obj(
                            v.offset,
                            vec![("value", num(0.0, v.offset)), ("unit", s("px", v.offset))],
                        ),
                    ));
                }
                None => {}
            }
        }
        Some(obj(v.offset, members))
    }

    fn line_height(&mut self, v: &Node<'a>, path: &str) -> Option<Node<'a>> {
        match &v.kind {
            Kind::String(t) => {
                let t = t.trim();
                if let AliasSyntax::Alias(_) = alias_syntax(t) {
                    return Some(s(t, v.offset));
                }
                if let Some(p) = t.strip_suffix('%') {
                    if let Ok(n) = p.trim().parse::<f64>() {
                        return Some(num(n / 100.0, v.offset));
                    }
                }
                if let Ok(n) = t.parse::<f64>() {
                    return Some(num(n, v.offset));
                }
                if t.eq_ignore_ascii_case("auto") || t.eq_ignore_ascii_case("normal") {
                    return Some(num(1.2, v.offset));
                }
                self.error(v, path, format!("line height `{t}` must be unitless or a percentage in DTCG (e.g. `1.5` or `150%`)"));
                None
            }
            _ => Some(v.clone()),
        }
    }

    fn shadow(&mut self, v: &Node<'a>, path: &str) -> Option<Node<'a>> {
        if v.as_object().is_none() {
            return Some(v.clone());
        }
        let mut members = Vec::new();
        let Some(color) = v.get("color") else {
            self.error(v, path, "a shadow needs a `color`".into());
            return None;
        };
        members.push(("color", self.value("color", color, path)?));
        for (dtcg, legacy) in [
            ("offsetX", "x"),
            ("offsetY", "y"),
            ("blur", "blur"),
            ("spread", "spread"),
        ] {
            let f = v.get(legacy).or_else(|| v.get(dtcg));
            let d = match f {
                Some(f) => self.value("dimension", f, path)?,
                None => obj(
                    v.offset,
                    vec![("value", num(0.0, v.offset)), ("unit", s("px", v.offset))],
                ),
            };
            members.push((dtcg, d));
        }
        let inset = v.get("type").and_then(Node::as_str) == Some("innerShadow")
            || matches!(v.get("inset").map(|n| &n.kind), Some(Kind::Bool(true)));
        if inset {
            members.push((
                "inset",
                Node {
                    offset: v.offset,
                    kind: Kind::Bool(true),
                },
            ));
        }
        Some(obj(v.offset, members))
    }

    fn unit(
        &mut self,
        v: &Node<'a>,
        path: &str,
        ty: &str,
        units: &[&str],
        bare: &str,
    ) -> Option<Node<'a>> {
        match &v.kind {
            Kind::Number(n, _) => Some(obj(
                v.offset,
                vec![("value", num(*n, v.offset)), ("unit", s(bare, v.offset))],
            )),
            Kind::String(t) => match parse_quantity(t) {
                Some(q) if q.unit.is_empty() => Some(obj(
                    v.offset,
                    vec![
                        ("value", num(q.value, v.offset)),
                        ("unit", s(bare, v.offset)),
                    ],
                )),
                Some(q)
                    if ty == "duration" && q.unit == "s" || units.contains(&q.unit.as_str()) =>
                {
                    Some(obj(
                        v.offset,
                        vec![
                            ("value", num(q.value, v.offset)),
                            ("unit", s(q.unit, v.offset)),
                        ],
                    ))
                }
                Some(q) if q.value == 0.0 => Some(obj(
                    v.offset,
                    vec![("value", num(0.0, v.offset)), ("unit", s(bare, v.offset))],
                )),
                Some(q) => {
                    self.error(
                        v,
                        path,
                        format!(
                            "unit `{}` in `{t}` cannot be a DTCG {ty} (allowed: {})",
                            q.unit,
                            units.join(", ")
                        ),
                    );
                    None
                }
                None => {
                    self.error(v, path, format!("`{t}` is not a {ty} such as `8{bare}`"));
                    None
                }
            },
            _ => Some(v.clone()),
        }
    }

    fn color(&mut self, v: &Node<'a>, path: &str) -> Option<Node<'a>> {
        let Some(text) = v.as_str() else {
            return Some(v.clone());
        };
        if let Some((rgb, alpha)) = parse_css_color(text) {
            let comps: Vec<Node<'a>> = rgb.iter().map(|c| num(round4(*c), v.offset)).collect();
            let mut members = vec![
                ("colorSpace", s("srgb", v.offset)),
                (
                    "components",
                    Node {
                        offset: v.offset,
                        kind: Kind::Array(comps),
                    },
                ),
            ];
            if alpha < 1.0 {
                members.push(("alpha", num(round4(alpha), v.offset)));
            }
            members.push(("hex", s(crate::color::hex(rgb), v.offset)));
            Some(obj(v.offset, members))
        } else {
            self.error(v, path, format!("`{text}` is not a colour opends can read (use `#rrggbb`, `#rgb`, `#rrggbbaa`, `rgb()` or `rgba()`)"));
            None
        }
    }

    fn evaluate(&self, text: &str, path: &str, depth: u32) -> Result<Quantity, ExprError> {
        if depth > 16 {
            return Err(ExprError::TooDeep);
        }
        let mut p = ExprParser {
            s: text.as_bytes(),
            text,
            pos: 0,
            conv: self,
            path,
            depth,
        };
        let q = p.expr()?;
        p.ws();
        if p.pos < p.s.len() {
            return Err(ExprError::Unexpected(text[p.pos..].to_string()));
        }
        Ok(q)
    }

    fn lookup_quantity(&self, target: &str, path: &str, depth: u32) -> Result<Quantity, ExprError> {
        let node = self
            .raw
            .get(target)
            .ok_or_else(|| ExprError::UnknownToken(target.to_string()))?;
        let v = node
            .get("value")
            .or_else(|| node.get("$value"))
            .ok_or(ExprError::NoValue)?;
        match &v.kind {
            Kind::Number(n, _) => Ok(Quantity {
                value: *n,
                unit: String::new(),
            }),
            Kind::String(t) => {
                if let AliasSyntax::Alias(p) = alias_syntax(t.trim()) {
                    return self.lookup_quantity(p, path, depth + 1);
                }
                if is_expression(t) {
                    return self.evaluate(t, path, depth + 1);
                }
                parse_quantity(t).ok_or_else(|| ExprError::TextNotANumber {
                    target: target.to_string(),
                    text: t.to_string(),
                })
            }
            Kind::Object(_) => {
                let value = v
                    .get("value")
                    .and_then(Node::as_f64)
                    .ok_or(ExprError::ValueNotANumber)?;
                let unit = v
                    .get("unit")
                    .and_then(Node::as_str)
                    .unwrap_or_default()
                    .to_string();
                Ok(Quantity { value, unit })
            }
            _ => Err(ExprError::NotANumber(target.to_string())),
        }
    }
}

/// Why a Tokens Studio expression (`{space.md} * 2`) cannot be evaluated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum ExprError {
    /// References deeper than 16 levels.
    #[error("references nest too deep (a cycle?)")]
    TooDeep,
    /// Text the grammar does not allow, from where it starts.
    #[error("unexpected `{0}`")]
    Unexpected(String),
    /// A reference to no token.
    #[error("`{{{0}}}` is not a token in this file")]
    UnknownToken(String),
    /// A referenced token without a value.
    #[error("no value")]
    NoValue,
    /// A referenced token whose text is not a number.
    #[error("`{{{target}}}` is `{text}`, not a number")]
    TextNotANumber {
        /// The reference.
        target: String,
        /// Its value.
        text: String,
    },
    /// A referenced dimension object without a numeric `value`.
    #[error("not a number")]
    ValueNotANumber,
    /// A referenced token whose value is not a number at all.
    #[error("`{{{0}}}` is not a number")]
    NotANumber(String),
    /// `x / 0`.
    #[error("division by zero")]
    DivisionByZero,
    /// `(` without `)`.
    #[error("missing `)`")]
    MissingParen,
    /// `{` without `}`.
    #[error("missing `}}`")]
    MissingBrace,
    /// Digits and dots that are not a number (`1.2.3`).
    #[error("bad number")]
    BadNumber,
    /// Two different units.
    #[error("cannot combine `{0}` and `{1}`")]
    Units(String, String),
}

/// A number with an optional unit.
#[derive(Debug, Clone, PartialEq)]
struct Quantity {
    value: f64,
    unit: String,
}

impl Quantity {
    fn text(&self) -> String {
        let v = (self.value * 10_000.0).round() / 10_000.0;
        format!("{v}{}", self.unit)
    }
}

fn parse_quantity(t: &str) -> Option<Quantity> {
    let t = t.trim();
    let b = t.as_bytes();
    let mut split = 0;
    if matches!(b.first(), Some(b'-' | b'+')) {
        split = 1;
    }
    while split < b.len() && (b[split].is_ascii_digit() || b[split] == b'.') {
        split += 1;
    }
    // An exponent only when digits follow (`1e3`), so `2em` is 2 with unit `em`.
    if split < b.len()
        && matches!(b[split], b'e' | b'E')
        && b.get(split + 1).is_some_and(u8::is_ascii_digit)
    {
        split += 1;
        while split < b.len() && b[split].is_ascii_digit() {
            split += 1;
        }
    }
    let (n, unit) = t.split_at(split);
    let value: f64 = n.parse().ok()?;
    let unit = unit.trim();
    if !unit.chars().all(|c| c.is_ascii_alphabetic() || c == '%') {
        return None;
    }
    Some(Quantity {
        value,
        unit: unit.to_string(),
    })
}

fn is_expression(t: &str) -> bool {
    let t = t.trim();
    if matches!(alias_syntax(t), AliasSyntax::Alias(_)) {
        return false;
    }
    let body = t.trim_start_matches('-');
    body.contains(['*', '/', '+'])
        || body.contains(" - ")
        || (body.contains('{') && body.contains('-') && !body.starts_with('{'))
}

struct ExprParser<'e, 'c, 's, 'r, 'n, 'a, 't> {
    s: &'e [u8],
    text: &'e str,
    pos: usize,
    conv: &'c Converter<'s, 'r, 'n, 'a, 't>,
    path: &'e str,
    depth: u32,
}

impl ExprParser<'_, '_, '_, '_, '_, '_, '_> {
    fn ws(&mut self) {
        while self.s.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    fn expr(&mut self) -> Result<Quantity, ExprError> {
        let mut acc = self.term()?;
        loop {
            self.ws();
            match self.s.get(self.pos) {
                Some(b'+' | b'-') => {
                    let op = self.s[self.pos];
                    self.pos += 1;
                    let rhs = self.term()?;
                    let unit = combine_units(&acc.unit, &rhs.unit, true)?;
                    acc = Quantity {
                        value: if op == b'+' {
                            acc.value + rhs.value
                        } else {
                            acc.value - rhs.value
                        },
                        unit,
                    };
                }
                _ => return Ok(acc),
            }
        }
    }

    fn term(&mut self) -> Result<Quantity, ExprError> {
        let mut acc = self.atom()?;
        loop {
            self.ws();
            match self.s.get(self.pos) {
                Some(b'*' | b'/') => {
                    let op = self.s[self.pos];
                    self.pos += 1;
                    let rhs = self.atom()?;
                    let unit = combine_units(&acc.unit, &rhs.unit, false)?;
                    if op == b'/' && rhs.value == 0.0 {
                        return Err(ExprError::DivisionByZero);
                    }
                    acc = Quantity {
                        value: if op == b'*' {
                            acc.value * rhs.value
                        } else {
                            acc.value / rhs.value
                        },
                        unit,
                    };
                }
                _ => return Ok(acc),
            }
        }
    }

    fn atom(&mut self) -> Result<Quantity, ExprError> {
        self.ws();
        match self.s.get(self.pos) {
            Some(b'(') => {
                self.pos += 1;
                let q = self.expr()?;
                self.ws();
                if self.s.get(self.pos) != Some(&b')') {
                    return Err(ExprError::MissingParen);
                }
                self.pos += 1;
                Ok(q)
            }
            Some(b'{') => {
                let end = self.text[self.pos..]
                    .find('}')
                    .ok_or(ExprError::MissingBrace)?
                    + self.pos;
                let target = &self.text[self.pos + 1..end];
                self.pos = end + 1;
                self.conv.lookup_quantity(target, self.path, self.depth + 1)
            }
            Some(b'-') => {
                self.pos += 1;
                let q = self.atom()?;
                Ok(Quantity {
                    value: -q.value,
                    unit: q.unit,
                })
            }
            Some(c) if c.is_ascii_digit() || *c == b'.' => {
                let start = self.pos;
                while self
                    .s
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_digit() || *c == b'.')
                {
                    self.pos += 1;
                }
                let value: f64 = self.text[start..self.pos]
                    .parse()
                    .map_err(|_| ExprError::BadNumber)?;
                let ustart = self.pos;
                while self
                    .s
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'%')
                {
                    self.pos += 1;
                }
                Ok(Quantity {
                    value,
                    unit: self.text[ustart..self.pos].to_string(),
                })
            }
            _ => Err(ExprError::Unexpected(
                self.text[self.pos.min(self.text.len())..].to_string(),
            )),
        }
    }
}

fn combine_units(a: &str, b: &str, additive: bool) -> Result<String, ExprError> {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => Ok(String::new()),
        (false, true) => Ok(a.to_string()),
        (true, false) => Ok(b.to_string()),
        (false, false) if a == b && additive => Ok(a.to_string()),
        (false, false) if a == b => Ok(a.to_string()),
        _ => Err(ExprError::Units(a.to_string(), b.to_string())),
    }
}

fn infer_type(v: &Node<'_>) -> Option<&'static str> {
    match &v.kind {
        Kind::Number(..) => Some("number"),
        Kind::String(t) => {
            let t = t.trim();
            if parse_css_color(t).is_some() {
                Some("color")
            } else if let Some(q) = parse_quantity(t) {
                match q.unit.as_str() {
                    "px" | "rem" => Some("dimension"),
                    "ms" | "s" => Some("duration"),
                    "" => Some("number"),
                    _ => None,
                }
            } else {
                None
            }
        }
        _ => None,
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Reads a Tokens Studio document (single file: sets at the top, `$themes`, `$metadata`)
/// into base sets and modes: each theme is a mode, named after the theme (lowercase,
/// `-` for other characters; `group-name` when themes come in several groups).
pub fn studio_input(
    root: &Node<'_>,
    src: &Source<'_>,
    _name: &str,
    findings: &mut Findings,
) -> Input {
    let members = root.as_object().unwrap_or_default();
    let mut order: Vec<String> = root
        .get("$metadata")
        .and_then(|m| m.get("tokenSetOrder"))
        .and_then(Node::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Node::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    for m in members {
        if !m.key.starts_with('$') && !order.iter().any(|o| o == m.key.as_ref()) {
            order.push(m.key.to_string());
        }
    }
    let mut sets: Vec<(String, &Node<'_>, &Source<'_>)> = Vec::new();
    for name in &order {
        if let Some(n) = root.get(name) {
            sets.push((name.clone(), n, src));
        }
    }
    let themes = root
        .get("$themes")
        .and_then(Node::as_array)
        .unwrap_or_default();
    studio_build(&sets, themes, src, findings)
}

/// Builds base sets and modes from Tokens Studio sets and themes.
pub fn studio_build(
    sets: &[(String, &Node<'_>, &Source<'_>)],
    themes: &[Node<'_>],
    src: &Source<'_>,
    findings: &mut Findings,
) -> Input {
    // Arithmetic and references may cross sets: index every set's raw tokens.
    let mut raw = HashMap::new();
    for (_, node, _) in sets {
        collect_raw(node, "", &mut raw);
    }
    let mut converted: HashMap<String, dtcg::Document> = HashMap::new();
    let mut count = 0;
    for (name, node, set_src) in sets {
        let mut cv = Converter {
            src: set_src,
            findings,
            raw: &raw,
            count: 0,
        };
        let mut tree = cv.group(node, "", None);
        count += cv.count;
        let doc = dtcg::read(&mut tree, set_src, findings);
        converted.insert(name.clone(), doc);
    }
    warn_converted(src, findings, Format::TokensStudio, count);
    let enabled = |theme: &Node<'_>| -> Vec<String> {
        let selected = theme
            .get("selectedTokenSets")
            .and_then(Node::as_object)
            .unwrap_or_default();
        sets.iter()
            .filter(|(n, _, _)| {
                selected.iter().any(|m| {
                    m.key == n.as_str() && matches!(m.value.as_str(), Some("enabled" | "source"))
                })
            })
            .map(|(n, _, _)| n.clone())
            .collect()
    };
    let mut input = Input::default();
    if themes.is_empty() {
        for (name, _, _) in sets {
            if let Some(doc) = converted.remove(name) {
                input.base.push(SetDocument {
                    set: name.clone(),
                    source: Some(src.name.to_string()),
                    doc,
                });
            }
        }
        return input;
    }
    let groups: std::collections::HashSet<&str> = themes
        .iter()
        .filter_map(|t| t.get("group").and_then(Node::as_str))
        .collect();
    let mode_name = |t: &Node<'_>| -> String {
        let name = t.get("name").and_then(Node::as_str).unwrap_or("theme");
        let full = match t.get("group").and_then(Node::as_str) {
            Some(g) if groups.len() > 1 => format!("{g}-{name}"),
            _ => name.to_string(),
        };
        mode_slug(&full)
    };
    let first = enabled(&themes[0]);
    for name in &first {
        if let Some(doc) = converted.get(name) {
            input.base.push(SetDocument {
                set: name.clone(),
                source: Some(src.name.to_string()),
                doc: clone_doc(doc),
            });
        }
    }
    input.modes.push((mode_name(&themes[0]), Vec::new()));
    for theme in &themes[1..] {
        let mut docs = Vec::new();
        for name in enabled(theme) {
            if first.contains(&name) {
                continue;
            }
            if let Some(doc) = converted.get(&name) {
                docs.push(SetDocument {
                    set: name.clone(),
                    source: Some(src.name.to_string()),
                    doc: clone_doc(doc),
                });
            }
        }
        input.modes.push((mode_name(theme), docs));
    }
    input
}

fn clone_doc(doc: &dtcg::Document) -> dtcg::Document {
    dtcg::Document {
        tokens: doc.tokens.clone(),
        groups: doc.groups.clone(),
        extends: doc.extends.clone(),
    }
}

/// `Mode/Dark` -> `mode-dark`: lowercase, runs of other characters become `-`.
pub fn mode_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(
            parse_quantity("8px"),
            Some(Quantity {
                value: 8.0,
                unit: "px".into()
            })
        );
        assert_eq!(
            parse_quantity("1.5"),
            Some(Quantity {
                value: 1.5,
                unit: String::new()
            })
        );
        assert!(is_expression("{spacing.sm} * 3"));
        assert!(!is_expression("{spacing.sm}"));
        assert!(!is_expression("-4px"));
    }

    #[test]
    fn slugs() {
        assert_eq!(mode_slug("Mode/Dark"), "mode-dark");
        assert_eq!(mode_slug("Dark"), "dark");
    }
}
