//! The lenient reader: a DTCG token's value written the way other tools write it (a CSS
//! colour string, `"16px"`, a bare number, a font weight by name, a composite missing a
//! member the spec defaults or holding members it lacks) read into its DTCG form.
//!
//! Only values that fail the DTCG check come here, so a conforming file costs nothing
//! more; `--strict` never calls it. Each reading is one warning whose code names the rule
//! (`lenient-color`, `lenient-dimension`, ...), so a run's warnings group by rule.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;

use super::{Converter, num, s};
use crate::model::TokenType;
use crate::tokens::finding::{Finding, Findings};
use crate::tokens::json::{Kind, Member, Node};
use crate::tokens::source::Source;

/// A value read leniently.
pub struct Normalised<'a> {
    /// The DTCG form.
    pub value: Node<'a>,
    /// The rule, as the warning's code.
    pub code: &'static str,
    /// What was read as what, quoting what the file holds.
    pub message: String,
    /// Warnings the reading produced (an evaluated expression).
    pub findings: Vec<Finding>,
    /// `$extensions` entries for what DTCG has no place for (members of a composite
    /// value the type does not have), keyed as they go into `$extensions`.
    pub extra: Vec<(String, Value)>,
}

/// The `$extensions` key that keeps a composite value's members DTCG does not have.
pub(super) const EXTRA_MEMBERS_KEY: &str = "opends.value";

/// The members each composite type has.
fn members_of(ty: TokenType) -> &'static [&'static str] {
    match ty {
        TokenType::Typography => &[
            "fontFamily",
            "fontSize",
            "fontWeight",
            "letterSpacing",
            "lineHeight",
        ],
        TokenType::Border => &["color", "width", "style"],
        TokenType::Transition => &["duration", "delay", "timingFunction"],
        TokenType::Shadow => &[
            "color", "offsetX", "offsetY", "blur", "spread", "inset", "x", "y", "type",
        ],
        _ => &[],
    }
}

/// Reads `v` as a value of `ty` the way the legacy readers do. `Err` when that does not
/// make it one: with the reader's own errors for a string it could not read (they say
/// more than "must be an object"), empty otherwise (the DTCG errors stand).
pub fn normalise<'a>(
    ty: TokenType,
    v: &Node<'a>,
    path: &str,
    src: &Source<'_>,
) -> Result<Normalised<'a>, Vec<Finding>> {
    let mut fixes = Vec::new();
    let fixed = deep_fix(v, &mut fixes);
    if ty == TokenType::Color && matches!(v.kind, Kind::Object(_)) {
        return if fixes.is_empty() {
            Err(Vec::new())
        } else {
            Ok(Normalised {
                value: fixed,
                code: "lenient-color",
                message: format!("colour read leniently: {}", fixes.join(", ")),
                findings: Vec::new(),
                extra: Vec::new(),
            })
        };
    }
    let v = &fixed;
    let mut extra = Vec::new();
    let known = if members_of(ty).is_empty() {
        Cow::Borrowed(v)
    } else {
        let (known, rest) = split_members(v, members_of(ty));
        if !rest.is_empty() {
            extra.push((
                EXTRA_MEMBERS_KEY.to_string(),
                Value::Object(rest.into_iter().collect()),
            ));
        }
        Cow::Owned(known)
    };
    let raw = HashMap::new();
    let mut findings = Findings::default();
    let mut cv = Converter::new(src, &mut findings, &raw);
    let value = cv.value(ty.as_str(), &known, path);
    let value = match value {
        Some(value) if !findings.has_errors() => value,
        _ if matches!(v.kind, Kind::String(_)) => {
            return Err(findings.iter().filter(|f| f.is_error()).cloned().collect());
        }
        _ => return Err(Vec::new()),
    };
    let (code, mut message) = describe(ty, v, &value, &extra);
    if !fixes.is_empty() {
        message = format!("{message}; {}", fixes.join(", "));
    }
    Ok(Normalised {
        value,
        code,
        message,
        findings: findings.iter().cloned().collect(),
        extra,
    })
}

/// Splits an object into the members `names` lists and the rest (as JSON).
fn split_members<'a>(v: &Node<'a>, names: &[&str]) -> (Node<'a>, Vec<(String, Value)>) {
    let Some(members) = v.as_object() else {
        return (v.clone(), Vec::new());
    };
    let mut known = Vec::new();
    let mut rest = Vec::new();
    for m in members {
        if names.contains(&m.key.as_ref()) {
            known.push(m.clone());
        } else {
            rest.push((m.key.to_string(), m.value.to_value()));
        }
    }
    (
        Node {
            offset: v.offset,
            kind: Kind::Object(known),
        },
        rest,
    )
}

/// Repairs, anywhere in a value, what real files get wrong in objects that are otherwise
/// DTCG: a colour's 3- or 4-digit `hex`, an alpha written as a fourth component or as a
/// string, a dimension whose `unit` is empty (read as `px`). Each repair is described in
/// `fixes`.
fn deep_fix<'a>(v: &Node<'a>, fixes: &mut Vec<String>) -> Node<'a> {
    match &v.kind {
        Kind::Array(items) => Node {
            offset: v.offset,
            kind: Kind::Array(items.iter().map(|i| deep_fix(i, fixes)).collect()),
        },
        Kind::Object(members) => {
            let is_colour = members.iter().any(|m| m.key == "colorSpace");
            let is_quantity =
                members.len() == 2 && v.get("value").is_some() && v.get("unit").is_some();
            let mut out: Vec<Member<'a>> = Vec::with_capacity(members.len() + 1);
            let mut alpha_from_components = None;
            for m in members {
                let value = match (m.key.as_ref(), &m.value.kind) {
                    ("hex", Kind::String(h))
                        if is_colour && h.starts_with('#') && matches!(h.len(), 4 | 5) =>
                    {
                        match crate::color::parse_css_color(h) {
                            Some((rgb, _)) => {
                                let long = crate::color::hex(rgb);
                                fixes.push(format!("`hex` `{h}` read as `{long}`"));
                                s(long, m.value.offset)
                            }
                            None => m.value.clone(),
                        }
                    }
                    ("components", Kind::Array(items))
                        if is_colour && items.len() == 4 && items[3].as_f64().is_some() =>
                    {
                        let mut items = items.clone();
                        alpha_from_components = items.pop();
                        fixes.push("a fourth component read as `alpha`".into());
                        Node {
                            offset: m.value.offset,
                            kind: Kind::Array(items),
                        }
                    }
                    ("alpha", Kind::String(t)) if is_colour => {
                        let n = match t.trim().strip_suffix('%') {
                            Some(p) => p.trim().parse::<f64>().ok().map(|n| n / 100.0),
                            None => t.trim().parse::<f64>().ok(),
                        };
                        match n {
                            Some(n) => {
                                fixes.push(format!("`alpha` `{t}` read as {n}"));
                                num(n, m.value.offset)
                            }
                            None => m.value.clone(),
                        }
                    }
                    ("unit", Kind::String(u)) if is_quantity && u.is_empty() => {
                        fixes.push("an empty `unit` read as `px`".into());
                        s("px", m.value.offset)
                    }
                    _ => deep_fix(&m.value, fixes),
                };
                out.push(Member {
                    key_offset: m.key_offset,
                    key: m.key.clone(),
                    value,
                });
            }
            if let Some(a) = alpha_from_components {
                if !out.iter().any(|m| m.key == "alpha") {
                    out.push(Member {
                        key_offset: a.offset,
                        key: "alpha".into(),
                        value: a,
                    });
                }
            }
            Node {
                offset: v.offset,
                kind: Kind::Object(out),
            }
        }
        _ => v.clone(),
    }
}

/// The warning for a reading: its rule and what was read as what.
fn describe(
    ty: TokenType,
    before: &Node<'_>,
    after: &Node<'_>,
    extra: &[(String, Value)],
) -> (&'static str, String) {
    match (&before.kind, ty) {
        (Kind::Number(n, _), TokenType::Dimension | TokenType::Duration) => {
            let unit = if ty == TokenType::Dimension {
                "px"
            } else {
                "ms"
            };
            (
                "lenient-bare-number",
                format!(
                    "the bare number {} was read as {}{unit} (a {ty} is `{{\"value\": {}, \"unit\": \"{unit}\"}}`)",
                    crate::export::value::trim_float(*n),
                    crate::export::value::trim_float(*n),
                    crate::export::value::trim_float(*n),
                ),
            )
        }
        (Kind::String(t), _) => {
            let code = match ty {
                TokenType::Color => "lenient-color",
                TokenType::Dimension => "lenient-dimension",
                TokenType::Duration => "lenient-duration",
                TokenType::Number => "lenient-number",
                TokenType::FontWeight => "lenient-font-weight",
                TokenType::FontFamily => "lenient-font-family",
                TokenType::CubicBezier => "lenient-cubic-bezier",
                _ => "lenient-string-value",
            };
            (code, format!("the string `{t}` was read as a DTCG {ty}"))
        }
        _ => {
            let mut what = Vec::new();
            if let (Some(b), Some(a)) = (before.as_object(), after.as_object()) {
                let added: Vec<String> = a
                    .iter()
                    .filter(|m| !b.iter().any(|x| x.key == m.key))
                    .map(|m| format!("`{}`", m.key))
                    .collect();
                if !added.is_empty() {
                    what.push(format!(
                        "{} filled in with the spec's default",
                        added.join(", ")
                    ));
                }
            }
            if let Some((_, Value::Object(rest))) = extra.first() {
                let keys: Vec<String> = rest.keys().map(|k| format!("`{k}`")).collect();
                what.push(format!(
                    "{} kept in `$extensions[\"{EXTRA_MEMBERS_KEY}\"]`",
                    keys.join(", ")
                ));
            }
            if what.is_empty() {
                what.push("sub-values converted".into());
            }
            (
                "lenient-composite",
                format!("the {ty} value was read leniently: {}", what.join("; ")),
            )
        }
    }
}
