//! Checks a `$value` against its DTCG type and collects the references it makes.
//!
//! Works on the positioned JSON tree so that each problem points at the exact
//! sub-value (e.g. the fourth colour component), not only at the token.

use crate::model::TokenType;
use crate::tokens::json::{Kind, Node};

mod types;

use types::{
    color, cubic_bezier, font_family, font_weight, gradient, shadow, stroke_style, unit_value,
};

/// What a referenced token must be, for references inside values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// A token of this type.
    Type(TokenType),
    /// A number for a colour component, gradient position or similar.
    NumberLike,
    /// Anything: the referring token has no type and takes the target's.
    Any,
}

/// A reference found inside a value: `{a.b}` (alias) or `{"$ref": "#/a/b/$value/x"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Byte offset of the reference in the file.
    pub offset: u32,
    /// The referenced token path (dotted).
    pub target: String,
    /// A JSON pointer below the target's `$value` (empty for a whole-value reference).
    pub pointer: Vec<String>,
    /// What the target must resolve to.
    pub expect: Expect,
    /// Where in the value the reference sits, e.g. `color` or `0.position` (empty at the top).
    pub at: String,
    /// The `$ref` pointer as written (`None` for `{alias}` references).
    pub written: Option<String>,
    /// Whether a `$ref` pointer goes through a `$value` (if not, it names a token or group
    /// itself, which is an error reported once the tree is known).
    pub reaches_value: bool,
}

/// A problem with a value, at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset of the offending sub-value.
    pub offset: u32,
    /// A stable rule name.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
}

/// The result of checking one value.
#[derive(Debug, Default)]
pub struct Checked {
    /// Problems found.
    pub problems: Vec<Problem>,
    /// Worth a warning, not wrong (a colour `hex` that disagrees with its components).
    pub warnings: Vec<Problem>,
    /// References to resolve and type-check later.
    pub references: Vec<Reference>,
}

/// How a string that looks like a reference parses.
pub enum AliasSyntax<'s> {
    /// Not an alias (does not start with `{`).
    NotAlias,
    /// A well-formed alias `{a.b.c}` naming this path.
    Alias(&'s str),
    /// Starts like an alias but is malformed; the message says why.
    Malformed(String),
}

/// Parses `{a.b.c}` alias syntax.
pub fn alias_syntax(s: &str) -> AliasSyntax<'_> {
    let Some(inner) = s.strip_prefix('{') else {
        if s.contains('{') && s.contains('}') {
            return AliasSyntax::Malformed(format!(
                "`{s}` embeds a reference in a string; a reference must be the whole value, e.g. `{{color.blue}}`"
            ));
        }
        return AliasSyntax::NotAlias;
    };
    let Some(inner) = inner.strip_suffix('}') else {
        return AliasSyntax::Malformed(format!("reference `{s}` has no closing `}}`"));
    };
    if inner.is_empty() {
        return AliasSyntax::Malformed("empty reference `{}`".into());
    }
    if inner.contains(['{', '}']) {
        return AliasSyntax::Malformed(format!("reference `{s}` has nested braces"));
    }
    if inner.split('.').any(str::is_empty) {
        return AliasSyntax::Malformed(format!("reference `{s}` has an empty path segment"));
    }
    AliasSyntax::Alias(inner)
}

/// Parses a `$ref` JSON pointer `#/a/b/$value/x` into (token path segments, pointer below `$value`).
pub fn parse_pointer(ptr: &str) -> Result<(Vec<String>, Vec<String>), String> {
    match parse_pointer_loose(ptr)? {
        (path, below, true) => Ok((path, below)),
        (_, _, false) => Err(format!("JSON pointer `{ptr}` does not point at a `$value`")),
    }
}

/// Like `parse_pointer`, but a pointer that stops short of `$value` is returned (with
/// `false`) so that the caller can say whether it names a token, a group or nothing.
pub fn parse_pointer_loose(ptr: &str) -> Result<(Vec<String>, Vec<String>, bool), String> {
    let Some(rest) = ptr.strip_prefix("#/") else {
        if ptr.starts_with('/') {
            return Err(format!(
                "JSON pointer `{ptr}` must start with `#/` (a reference within the document)"
            ));
        }
        if ptr == "#" {
            return Err("JSON pointer `#` points at the whole document, not at a token".into());
        }
        return Err(format!(
            "`{ptr}` is not a JSON pointer; write `#/group/token/$value` (segments separated by `/`)"
        ));
    };
    let mut segments = Vec::new();
    for raw in rest.split('/') {
        let mut seg = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c == '~' {
                match chars.next() {
                    Some('0') => seg.push('~'),
                    Some('1') => seg.push('/'),
                    _ => return Err(format!("JSON pointer `{ptr}` has an invalid `~` escape")),
                }
            } else {
                seg.push(c);
            }
        }
        segments.push(seg);
    }
    let Some(value_at) = segments.iter().position(|s| s == "$value") else {
        if let Some(meta) = segments
            .iter()
            .find(|s| s.starts_with('$') && *s != "$root")
        {
            return Err(format!(
                "JSON pointer `{ptr}` points at `{meta}`; a reference must point at a token's `$value`"
            ));
        }
        return Ok((segments, Vec::new(), false));
    };
    let below = segments.split_off(value_at + 1);
    segments.pop();
    if let Some(seg) = segments.iter().find(|s| s.contains(['.', '{', '}'])) {
        return Err(format!(
            "JSON pointer `{ptr}`: `{seg}` cannot be a token or group name (segments are separated by `/`, e.g. `#/color/blue/$value`)"
        ));
    }
    if segments.is_empty() {
        return Err(format!("JSON pointer `{ptr}` names no token"));
    }
    if let Some(meta) = segments
        .iter()
        .find(|s| s.starts_with('$') && *s != "$root")
    {
        return Err(format!(
            "JSON pointer `{ptr}` goes through `{meta}`, which is not a token or group"
        ));
    }
    Ok((segments, below, true))
}

/// Color spaces of DTCG 2025.10 and the valid range of each component.
/// `None` as a bound means unbounded on that side.
pub fn color_space_ranges(space: &str) -> Option<[(Option<f64>, Option<f64>); 3]> {
    let unit = (Some(0.0), Some(1.0));
    let hue = (Some(0.0), Some(360.0));
    let pct = (Some(0.0), Some(100.0));
    let any = (None, None);
    let pos = (Some(0.0), None);
    Some(match space {
        "srgb" | "srgb-linear" | "display-p3" | "a98-rgb" | "prophoto-rgb" | "rec2020" => {
            [unit, unit, unit]
        }
        "hsl" | "hwb" => [hue, pct, pct],
        "lab" => [pct, any, any],
        "lch" => [pct, pos, hue],
        "oklab" => [unit, any, any],
        "oklch" => [unit, pos, hue],
        "xyz-d50" | "xyz-d65" => [any, any, any],
        _ => return None,
    })
}

/// The colour spaces opends reads.
pub const COLOR_SPACES: [&str; 14] = [
    "srgb",
    "srgb-linear",
    "hsl",
    "hwb",
    "lab",
    "lch",
    "oklab",
    "oklch",
    "display-p3",
    "a98-rgb",
    "prophoto-rgb",
    "rec2020",
    "xyz-d50",
    "xyz-d65",
];

/// Named font weights and their numeric values (DTCG 2025.10).
pub const FONT_WEIGHTS: [(&str, u16); 18] = [
    ("thin", 100),
    ("hairline", 100),
    ("extra-light", 200),
    ("ultra-light", 200),
    ("light", 300),
    ("normal", 400),
    ("regular", 400),
    ("book", 400),
    ("medium", 500),
    ("semi-bold", 600),
    ("demi-bold", 600),
    ("bold", 700),
    ("extra-bold", 800),
    ("ultra-bold", 800),
    ("black", 900),
    ("heavy", 900),
    ("extra-black", 950),
    ("ultra-black", 950),
];

/// `strokeStyle` keywords.
pub const STROKE_KEYWORDS: [&str; 8] = [
    "solid", "dashed", "dotted", "double", "groove", "ridge", "outset", "inset",
];

struct Ctx {
    out: Checked,
    at: Vec<String>,
    /// DTCG 2025.10 exactly: no units beyond `px`/`rem`.
    strict: bool,
}

/// Dimension units beyond DTCG's `px` and `rem` that real token files use; read (with a
/// warning) unless `--strict`, and written as each output needs (`dp` is `px` in CSS).
pub const EXTRA_DIMENSION_UNITS: [&str; 10] = [
    "em", "%", "vw", "vh", "vmin", "vmax", "ch", "ex", "pt", "dp",
];

impl Ctx {
    fn problem(&mut self, node: &Node<'_>, code: &'static str, message: String) {
        self.out.problems.push(Problem {
            offset: node.offset,
            code,
            message: self.prefixed(message),
        });
    }

    fn warning(&mut self, node: &Node<'_>, code: &'static str, message: String) {
        self.out.warnings.push(Problem {
            offset: node.offset,
            code,
            message: self.prefixed(message),
        });
    }

    fn prefixed(&self, message: String) -> String {
        if self.at.is_empty() {
            message
        } else {
            format!("`{}`: {message}", self.at.join("."))
        }
    }

    fn with<F: FnOnce(&mut Self)>(&mut self, seg: &str, f: F) {
        self.at.push(seg.to_string());
        f(self);
        self.at.pop();
    }

    /// Handles an alias or `$ref` object in place of a value; returns true when it was one.
    fn reference(&mut self, node: &Node<'_>, expect: Expect) -> bool {
        match &node.kind {
            Kind::String(s) => match alias_syntax(s) {
                AliasSyntax::NotAlias => false,
                AliasSyntax::Alias(p) => {
                    self.out.references.push(Reference {
                        offset: node.offset,
                        target: p.to_string(),
                        pointer: Vec::new(),
                        expect,
                        at: self.at.join("."),
                        written: None,
                        reaches_value: true,
                    });
                    true
                }
                AliasSyntax::Malformed(m) => {
                    self.problem(node, "invalid-reference", m);
                    true
                }
            },
            Kind::Object(members) if members.iter().any(|m| m.key == "$ref") => {
                if members.len() > 1 {
                    self.problem(
                        node,
                        "invalid-reference",
                        "an object with `$ref` may hold nothing else".into(),
                    );
                }
                let r = &members.iter().find(|m| m.key == "$ref").unwrap().value;
                self.pointer(r, expect);
                true
            }
            _ => false,
        }
    }

    fn pointer(&mut self, node: &Node<'_>, expect: Expect) {
        let Some(ptr) = node.as_str() else {
            self.problem(
                node,
                "invalid-reference",
                format!(
                    "`$ref` must be a JSON pointer string, found {}",
                    node.type_name()
                ),
            );
            return;
        };
        match parse_pointer_loose(ptr) {
            Ok((path, pointer, reaches_value)) => self.out.references.push(Reference {
                offset: node.offset,
                target: path.join("."),
                pointer,
                expect,
                at: self.at.join("."),
                written: Some(ptr.to_string()),
                reaches_value,
            }),
            Err(m) => self.problem(node, "invalid-reference", m),
        }
    }

    fn number(&mut self, node: &Node<'_>, what: &str) -> Option<f64> {
        if self.reference(node, Expect::NumberLike) {
            return None;
        }
        if let Kind::Number(n, _) = node.kind {
            Some(n)
        } else {
            self.problem(
                node,
                "invalid-value",
                format!("{what} must be a number, found {}", node.type_name()),
            );
            None
        }
    }

    /// Checks an object's keys: `required` must be there, nothing outside `allowed` may be.
    fn keys(&mut self, node: &Node<'_>, ty: &str, required: &[&str], optional: &[&str]) -> bool {
        let Some(members) = node.as_object() else {
            self.problem(
                node,
                "invalid-value",
                format!("a {ty} value must be an object, found {}", node.type_name()),
            );
            return false;
        };
        let mut ok = true;
        for key in required {
            if !members.iter().any(|m| m.key == *key) {
                self.problem(
                    node,
                    "missing-property",
                    format!("a {ty} value needs `{key}`"),
                );
                ok = false;
            }
        }
        for m in members {
            if !required.contains(&m.key.as_ref()) && !optional.contains(&m.key.as_ref()) {
                let mut expected: Vec<String> = required
                    .iter()
                    .chain(optional)
                    .map(|k| format!("`{k}`"))
                    .collect();
                expected.sort();
                self.problem(
                    &m.value,
                    "unknown-property",
                    format!(
                        "unknown property `{}` in a {ty} value (expected {})",
                        m.key,
                        expected.join(", ")
                    ),
                );
                ok = false;
            }
        }
        ok
    }
}

/// Checks `node` as a value of type `ty` (a whole-value alias is a reference, not an error).
/// With `strict`, only DTCG 2025.10 as written; otherwise the extra dimension units are
/// warnings.
pub fn check(ty: TokenType, node: &Node<'_>, strict: bool) -> Checked {
    let mut cx = Ctx {
        out: Checked::default(),
        at: Vec::new(),
        strict,
    };
    value(&mut cx, ty, node);
    cx.out
}

fn value(cx: &mut Ctx, ty: TokenType, node: &Node<'_>) {
    if cx.reference(node, Expect::Type(ty)) {
        return;
    }
    match ty {
        TokenType::Color => color(cx, node),
        TokenType::Dimension => unit_value(cx, node, "dimension", &["px", "rem"], true),
        TokenType::Duration => unit_value(cx, node, "duration", &["ms", "s"], false),
        TokenType::FontFamily => font_family(cx, node),
        TokenType::FontWeight => font_weight(cx, node),
        TokenType::CubicBezier => cubic_bezier(cx, node),
        TokenType::Number => {
            if !matches!(node.kind, Kind::Number(..)) {
                cx.problem(
                    node,
                    "invalid-value",
                    format!(
                        "a number value must be a JSON number, found {}",
                        node.type_name()
                    ),
                );
            }
        }
        TokenType::StrokeStyle => stroke_style(cx, node),
        TokenType::String => {
            if !matches!(node.kind, Kind::String(_)) {
                cx.problem(
                    node,
                    "invalid-value",
                    format!(
                        "a string value must be a JSON string, found {}",
                        node.type_name()
                    ),
                );
            }
        }
        TokenType::Border => composite(
            cx,
            node,
            "border",
            &[
                ("color", TokenType::Color),
                ("width", TokenType::Dimension),
                ("style", TokenType::StrokeStyle),
            ],
            &[],
        ),
        TokenType::Transition => composite(
            cx,
            node,
            "transition",
            &[
                ("duration", TokenType::Duration),
                ("delay", TokenType::Duration),
                ("timingFunction", TokenType::CubicBezier),
            ],
            &[],
        ),
        TokenType::Shadow => shadow(cx, node),
        TokenType::Gradient => gradient(cx, node),
        TokenType::Typography => composite(
            cx,
            node,
            "typography",
            &[
                ("fontFamily", TokenType::FontFamily),
                ("fontSize", TokenType::Dimension),
                ("fontWeight", TokenType::FontWeight),
                ("letterSpacing", TokenType::Dimension),
                ("lineHeight", TokenType::Number),
            ],
            &[],
        ),
    }
}

fn composite(
    cx: &mut Ctx,
    node: &Node<'_>,
    name: &str,
    required: &[(&str, TokenType)],
    optional: &[(&str, TokenType)],
) {
    composite_with(cx, node, name, required, optional, &[]);
}

/// Like `composite`, with extra keys that the caller checks itself.
fn composite_with(
    cx: &mut Ctx,
    node: &Node<'_>,
    name: &str,
    required: &[(&str, TokenType)],
    optional: &[(&str, TokenType)],
    extra: &[&str],
) {
    let req: Vec<&str> = required.iter().map(|(k, _)| *k).collect();
    let mut opt: Vec<&str> = optional.iter().map(|(k, _)| *k).collect();
    opt.extend_from_slice(extra);
    cx.keys(node, name, &req, &opt);
    let Some(members) = node.as_object() else {
        return;
    };
    for m in members {
        if let Some((_, ty)) = required.iter().chain(optional).find(|(k, _)| *k == m.key) {
            cx.with(&m.key, |cx| value(cx, *ty, &m.value));
        }
    }
}

/// Checks a typed `serde_json::Value` (from the store or the command line).
pub fn check_value(ty: TokenType, value: &serde_json::Value) -> Checked {
    let node = crate::tokens::json::from_value(value, 0);
    check(ty, &node, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::json::parse;

    fn problems(ty: TokenType, json: &str) -> Vec<String> {
        let node = parse(json).unwrap();
        check(ty, &node, true)
            .problems
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn srgb_with_four_components_is_rejected() {
        let p = problems(
            TokenType::Color,
            r#"{"colorSpace": "srgb", "components": [0, 0, 0, 1]}"#,
        );
        assert_eq!(p, vec!["`srgb` takes 3 components, found 4"]);
    }

    #[test]
    fn hue_of_360_is_out_of_range_but_none_is_fine() {
        assert!(
            problems(
                TokenType::Color,
                r#"{"colorSpace": "hsl", "components": ["none", 0, 50]}"#
            )
            .is_empty()
        );
        assert_eq!(
            problems(
                TokenType::Color,
                r#"{"colorSpace": "hsl", "components": [360, 0, 50]}"#
            )
            .len(),
            1
        );
    }

    #[test]
    fn composite_sub_aliases_are_collected_with_their_expected_type() {
        let node =
            parse(r#"{"color": "{c.red}", "width": {"value": 1, "unit": "px"}, "style": "solid"}"#)
                .unwrap();
        let out = check(TokenType::Border, &node, true);
        assert!(out.problems.is_empty());
        assert_eq!(out.references[0].target, "c.red");
        assert_eq!(out.references[0].expect, Expect::Type(TokenType::Color));
        assert_eq!(out.references[0].at, "color");
    }

    #[test]
    fn pointer_to_value_sub_property() {
        let (path, below) = parse_pointer("#/colors/blue/$value/components/0").unwrap();
        assert_eq!(path, ["colors", "blue"]);
        assert_eq!(below, ["components", "0"]);
        assert!(parse_pointer("#/colors/blue").is_err());
        assert_eq!(
            parse_pointer_loose("#/colors/blue").unwrap(),
            (
                vec!["colors".to_string(), "blue".to_string()],
                vec![],
                false
            )
        );
        assert!(parse_pointer("#/colors/blue/$type").is_err());
        assert!(parse_pointer("colors/blue/$value").is_err());
    }
}
