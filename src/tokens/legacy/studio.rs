//! Tokens Studio values: colour modifiers, `rgba()` with references, `%` letter spacing,
//! length line heights and gradient strings (the documents are built in `tokens::studio`).

use crate::tokens::finding::Findings;
use crate::tokens::json::Node;

use crate::color::{Color, Space};
use crate::tokens::json::{Kind, Member};
use crate::tokens::value::{AliasSyntax, alias_syntax};

use super::expr::{parse_quantity, round4};
use super::modify::{ColorError, color_node, modifier_of, modify};
use super::{Converter, num, obj, s};

/// A token value read the Tokens Studio way: the DTCG value, its type and an extension
/// to add to the token (`$extensions[key]`).
pub(super) struct StudioValue<'a> {
    pub(super) value: Node<'a>,
    pub(super) ty: &'static str,
    pub(super) extension: Option<(&'static str, Node<'a>)>,
}

/// An error already reported as a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reported;

/// The extension key that keeps what a DTCG gradient has no place for (the angle).
pub(super) const GRADIENT_EXTENSION: &str = "opends.gradient";

/// Adds `$extensions[key] = ext` to a token's members.
pub(super) fn add_extension<'a>(
    members: &mut Vec<(&str, Node<'a>)>,
    key: &str,
    ext: Node<'a>,
    offset: u32,
) {
    let member = Member {
        key_offset: offset,
        key: std::borrow::Cow::Owned(key.to_string()),
        value: ext,
    };
    if let Some((_, existing)) = members.iter_mut().find(|(k, _)| *k == "$extensions") {
        if let Kind::Object(m) = &mut existing.kind {
            m.push(member);
            return;
        }
    }
    members.push((
        "$extensions",
        Node {
            offset,
            kind: Kind::Object(vec![member]),
        },
    ));
}

fn is_gradient(t: &str) -> bool {
    let t = t.trim_start().to_ascii_lowercase();
    ["linear-gradient(", "radial-gradient(", "conic-gradient("]
        .iter()
        .any(|p| t.starts_with(p))
}

/// Whether a gradient argument is a colour stop (rather than an angle or shape).
fn is_stop(arg: &str) -> bool {
    let a = arg.trim().to_ascii_lowercase();
    a.starts_with(['#', '{'])
        || ["rgb", "hsl", "transparent", "oklch", "lab", "lch", "color("]
            .iter()
            .any(|p| a.starts_with(p))
        || crate::color::parse_css_color(a.split_whitespace().next().unwrap_or_default()).is_some()
}

impl<'a> Converter<'_, '_, '_, 'a, '_> {
    /// Runs `f`, prefixing each finding it makes with what the user wrote and what it
    /// was computed to (`` `{a} * 2` is `8em`: ...``).
    pub(super) fn quoting<T>(
        &mut self,
        original: &str,
        computed: &str,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let mut scratch = Findings::default();
        std::mem::swap(self.findings, &mut scratch);
        let out = f(self);
        std::mem::swap(self.findings, &mut scratch);
        for mut finding in scratch.into_sorted() {
            finding.message = format!("`{original}` is `{computed}`: {}", finding.message);
            self.findings.push(finding);
        }
        out
    }

    /// Values only Tokens Studio writes: `None` when `value` is none of them,
    /// `Some(Err(Reported))` after an error.
    pub(super) fn studio_value(
        &mut self,
        token: &Node<'a>,
        legacy_type: Option<&str>,
        ty: &'static str,
        value: &Node<'a>,
        path: &str,
    ) -> Option<Result<StudioValue<'a>, Reported>> {
        let plain = |v: Option<Node<'a>>, ty: &'static str| {
            v.map(|value| StudioValue {
                value,
                ty,
                extension: None,
            })
            .ok_or(Reported)
        };
        if ty == "color" {
            if let Some(m) = modifier_of(token) {
                return Some(plain(self.modified_color(m, value, path), "color"));
            }
            if let Some(t) = value.as_str().filter(|t| is_gradient(t)) {
                return Some(self.gradient(value, t, path).ok_or(Reported));
            }
        }
        match legacy_type {
            Some("letterSpacing") => Some(plain(self.letter_spacing(value, path), "dimension")),
            // A line height that is a length (`24px`) is a dimension, as Tokens Studio
            // applies it.
            Some("lineHeights" | "lineHeight")
                if value
                    .as_str()
                    .and_then(parse_quantity)
                    .is_some_and(|q| !q.unit.is_empty() && q.unit != "%") =>
            {
                Some(plain(self.value("dimension", value, path), "dimension"))
            }
            _ => None,
        }
    }

    /// A colour token with a Tokens Studio modifier: the computed literal colour.
    fn modified_color(&mut self, m: &Node<'a>, value: &Node<'a>, path: &str) -> Option<Node<'a>> {
        let written = match &value.kind {
            Kind::String(t) => t.to_string(),
            _ => "the colour".to_string(),
        };
        let base = match &value.kind {
            Kind::String(t) => self.text_color(t, path, 0),
            Kind::Object(_) => Color::from_value(&value.to_value())
                .ok_or_else(|| ColorError::NotAColor(written.clone())),
            _ => Err(ColorError::NotAColor(written.clone())),
        };
        let result = base.and_then(|b| {
            self.read_modifier(m, path, 0)
                .map(|(m, sp, d)| (b, m, sp, d))
        });
        match result {
            Ok((base, m, space, described)) => {
                let c = modify(&base, &m, space);
                self.warn(
                    value,
                    path,
                    format!(
                        "the colour modifier `{described}` on `{written}` was computed to `{}` ({} {}); DTCG has no colour modifiers, so the result is stored as a literal",
                        c.hex_with_alpha(),
                        c.space.name(),
                        c.components
                            .iter()
                            .map(|x| if x.is_nan() { "none".to_string() } else { x.to_string() })
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                );
                Some(color_node(&c, value.offset))
            }
            Err(e @ (ColorError::ModifierType(_) | ColorError::ModifierSpace(_))) => {
                self.warn(
                    m,
                    path,
                    format!(
                        "{e}; the modifier on `{written}` is ignored, as Tokens Studio ignores it"
                    ),
                );
                self.value("color", value, path)
            }
            Err(e) => {
                self.error(
                    value,
                    path,
                    format!("cannot compute the colour modifier on `{written}`: {e}"),
                );
                None
            }
        }
    }

    /// `rgba({ref}, 0.5)` and friends as a token value: the computed literal colour.
    pub(super) fn color_function_value(
        &mut self,
        v: &Node<'a>,
        text: &str,
        path: &str,
    ) -> Option<Node<'a>> {
        match self.color_function(text, path, 0) {
            Ok(c) => {
                let c = Color {
                    components: c.to_space(Space::Srgb).components.map(round4),
                    space: Space::Srgb,
                    alpha: round4(c.alpha),
                };
                self.warn(
                    v,
                    path,
                    format!(
                        "`{text}` was computed to `{}`; DTCG colours hold no references inside, so the result is stored as a literal",
                        c.hex_with_alpha()
                    ),
                );
                Some(color_node(&c, v.offset))
            }
            Err(e) => {
                self.error(v, path, format!("cannot compute `{text}`: {e}"));
                None
            }
        }
    }

    /// `linear-gradient(90deg, #fff 0%, rgba(0,0,0,.5) 100%)`: DTCG gradient stops; the
    /// angle (or shape) is kept in `$extensions["opends.gradient"]`.
    fn gradient(&mut self, v: &Node<'a>, text: &str, path: &str) -> Option<StudioValue<'a>> {
        let t = text.trim();
        let open = t.find('(')?;
        let function = t[..open].to_ascii_lowercase();
        let Some(inner) = t[open + 1..].strip_suffix(')') else {
            self.error(v, path, format!("`{text}` is missing its closing `)`"));
            return None;
        };
        let mut args = super::modify::split_args(inner);
        let lead = if args.first().is_some_and(|a| !is_stop(a)) {
            Some(args.remove(0).to_string())
        } else {
            None
        };
        if args.is_empty() {
            self.error(v, path, format!("`{text}` has no colour stops"));
            return None;
        }
        let last = args.len().saturating_sub(1).max(1) as f64;
        let mut stops = Vec::new();
        for (i, arg) in args.iter().enumerate() {
            // `colour [position]`: the position is the last word outside parentheses.
            let (color, position) = match split_position(arg) {
                Some((c, p)) => (c, Some(p)),
                None => (*arg, None),
            };
            let position = match position {
                Some(p) => match parse_quantity(p) {
                    Some(q) if q.unit == "%" => q.value / 100.0,
                    Some(q) if q.unit.is_empty() => q.value,
                    _ => {
                        self.error(
                            v,
                            path,
                            format!("`{p}` in `{text}` is not a stop position such as `50%`"),
                        );
                        return None;
                    }
                },
                // CSS spreads stops without a position evenly.
                None => i as f64 / last,
            };
            let color_node = self.value("color", &s(color, v.offset), path)?;
            stops.push(obj(
                v.offset,
                vec![
                    ("color", color_node),
                    ("position", num(round4(position), v.offset)),
                ],
            ));
        }
        let mut ext = vec![("function", s(function.clone(), v.offset))];
        if let Some(lead) = lead {
            let key = if function.starts_with("linear") {
                "angle"
            } else {
                "shape"
            };
            ext.push((key, s(lead, v.offset)));
        }
        self.warn(
            v,
            path,
            format!(
                "the gradient `{text}` was read as {} DTCG gradient stops; DTCG gradients have no angle or shape, so they are kept in `$extensions[\"{GRADIENT_EXTENSION}\"]`",
                stops.len()
            ),
        );
        Some(StudioValue {
            value: Node {
                offset: v.offset,
                kind: Kind::Array(stops),
            },
            ty: "gradient",
            extension: Some((GRADIENT_EXTENSION, obj(v.offset, ext))),
        })
    }

    /// Letter spacing as Tokens Studio writes it: `5%` is `0.05em` (a share of the font
    /// size, as sd-transforms reads it); `0.05em` stays em.
    pub(super) fn letter_spacing(&mut self, v: &Node<'a>, path: &str) -> Option<Node<'a>> {
        if let Some(t) = v.as_str() {
            let t = t.trim();
            if !matches!(alias_syntax(t), AliasSyntax::Alias(_)) {
                let q = if super::expr::is_expression(t) {
                    match self.evaluated(v, t, path) {
                        Ok(q) => Some(q),
                        Err(Reported) => return None,
                    }
                } else {
                    parse_quantity(t)
                };
                if let Some(q) = q {
                    let em = match q.unit.as_str() {
                        "%" => Some(q.value / 100.0),
                        "em" => Some(q.value),
                        _ => None,
                    };
                    if let Some(em) = em {
                        return Some(obj(
                            v.offset,
                            vec![
                                ("value", num(round4(em), v.offset)),
                                ("unit", s("em", v.offset)),
                            ],
                        ));
                    }
                }
            }
        }
        self.value("dimension", v, path)
    }
}

impl<'a> Converter<'_, '_, '_, 'a, '_> {
    /// Evaluates the expression `t` written at `v`, with the usual warning (or error).
    fn evaluated(
        &mut self,
        v: &Node<'a>,
        t: &str,
        path: &str,
    ) -> Result<super::expr::Quantity, Reported> {
        match self.evaluate(t, path, 0) {
            Ok(q) => {
                self.warn(
                    v,
                    path,
                    format!(
                        "the expression `{t}` was evaluated to `{}`; DTCG has no arithmetic, so the result is stored as a literal",
                        q.text()
                    ),
                );
                Ok(q)
            }
            Err(m) => {
                self.error(v, path, format!("cannot evaluate `{t}`: {m}"));
                Err(Reported)
            }
        }
    }

    /// The number and unit of a typography field: a literal, a reference or an
    /// expression; a bare number is px, as in Tokens Studio.
    fn field_quantity(&self, v: &Node<'_>, path: &str) -> Option<super::expr::Quantity> {
        let q = match &v.kind {
            Kind::Number(n, _) => super::expr::Quantity {
                value: *n,
                unit: String::new(),
            },
            Kind::String(t) => {
                let t = t.trim();
                match alias_syntax(t) {
                    AliasSyntax::Alias(p) => self.lookup_quantity(p, path, 0).ok()?,
                    _ if super::expr::is_expression(t) => self.evaluate(t, path, 0).ok()?,
                    _ => parse_quantity(t)?,
                }
            }
            _ => return None,
        };
        Some(q)
    }

    /// A line height written as a length (`24px`, `1.5rem`, `{line.body}` holding
    /// `24px`) read as the ratio DTCG wants: the length over the font size (`1.5` for
    /// `24px` on `16px`; em is already a ratio; a rem is 16px). `None` when `t` is no
    /// length; `Some(Err(Reported))` after an error.
    pub(super) fn length_line_height(
        &mut self,
        v: &Node<'a>,
        t: &str,
        font_size: Option<&Node<'a>>,
        path: &str,
    ) -> Option<Result<Node<'a>, Reported>> {
        let lh = match alias_syntax(t) {
            AliasSyntax::Alias(p) => self.lookup_quantity(p, path, 0).ok()?,
            _ if super::expr::is_expression(t) => match self.evaluated(v, t, path) {
                Ok(q) if q.unit.is_empty() => return Some(Ok(num(round4(q.value), v.offset))),
                Ok(q) if q.unit == "%" => {
                    return Some(Ok(num(round4(q.value / 100.0), v.offset)));
                }
                Ok(q) => q,
                Err(Reported) => return Some(Err(Reported)),
            },
            _ => parse_quantity(t)?,
        };
        if lh.unit.is_empty() || lh.unit == "%" {
            return None;
        }
        let px = |q: &super::expr::Quantity| match q.unit.as_str() {
            "" | "px" => Some(q.value),
            "rem" => Some(q.value * 16.0),
            _ => None,
        };
        let ratio = if lh.unit == "em" {
            Some((lh.value, String::new()))
        } else {
            font_size
                .and_then(|f| self.field_quantity(f, path))
                .and_then(|fs| {
                    let (a, b) = (px(&lh)?, px(&fs)?);
                    (b != 0.0).then(|| (a / b, format!(" / font size {}", fs.text())))
                })
        };
        let Some((ratio, over)) = ratio else {
            self.error(
                v,
                path,
                format!("line height `{t}` is a length and the font size is not known in px or rem, so it cannot become the ratio DTCG wants (write `1.5` or `150%`)"),
            );
            return Some(Err(Reported));
        };
        let ratio = round4(ratio);
        self.warn(
            v,
            path,
            format!("line height `{t}` was read as {ratio} ({}{over}); DTCG line heights are ratios of the font size", lh.text()),
        );
        Some(Ok(num(ratio, v.offset)))
    }
}

/// `rgba(0,0,0,.5) 100%` -> (`rgba(0,0,0,.5)`, `100%`); `None` without a position.
fn split_position(arg: &str) -> Option<(&str, &str)> {
    let arg = arg.trim();
    let mut depth = 0i32;
    let mut split = None;
    for (i, ch) in arg.char_indices() {
        match ch {
            '(' | '{' => depth += 1,
            ')' | '}' => depth -= 1,
            c if c.is_whitespace() && depth == 0 => split = Some(i),
            _ => {}
        }
    }
    let i = split?;
    let (color, pos) = (arg[..i].trim(), arg[i..].trim());
    (!color.is_empty() && !pos.is_empty()).then_some((color, pos))
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::tokens::Format;
    use crate::tokens::json;
    use crate::tokens::source::Source;

    /// Converts a Tokens Studio document (one set); returns the DTCG tree and the
    /// findings as `severity: message` lines.
    fn convert(doc: &str) -> (Value, Vec<String>) {
        let root = json::parse(doc).unwrap();
        let src = Source::new("t.json", doc);
        let mut findings = Findings::default();
        let out = super::super::convert(
            &root,
            Format::TokensStudio,
            crate::tokens::SdSize::Rem,
            &src,
            &mut findings,
        );
        let lines = findings
            .iter()
            .filter(|f| f.code != "legacy-format")
            .map(|f| {
                format!(
                    "{}:{}:{}: {}",
                    if f.is_error() { "error" } else { "warning" },
                    f.line.unwrap_or(0),
                    f.column.unwrap_or(0),
                    f.message
                )
            })
            .collect();
        (out.to_value(), lines)
    }

    #[test]
    fn colour_modifiers_on_references_with_expressions() {
        let (out, findings) = convert(
            r##"{
  "base": {"value": "#C14242", "type": "color"},
  "amount": {"value": "0.1", "type": "number"},
  "dark": {"value": "{base}", "type": "color",
    "$extensions": {"studio.tokens": {"modify": {"type": "darken", "value": "{amount} * 2", "space": "srgb"}}}},
  "mixed": {"value": "#FFFFFF", "type": "color",
    "$extensions": {"studio.tokens": {"modify": {"type": "mix", "value": "0.5 + 6 * 0.04", "space": "srgb", "color": "#4477DD"}}}},
  "faded": {"value": "{dark}", "type": "color",
    "$extensions": {"studio.tokens": {"modify": {"type": "alpha", "value": 0.2, "space": "hsl"}}}}
}"##,
        );
        // darken 0.2 in sRGB: 0.8 · (193, 66, 66)/255.
        assert_eq!(
            out["dark"]["$value"],
            json!({"colorSpace": "srgb", "components": [0.60549, 0.20706, 0.20706], "hex": "#9a3535"})
        );
        // The modifier stays in `$extensions`.
        assert_eq!(
            out["dark"]["$extensions"]["studio.tokens"]["modify"]["type"],
            "darken"
        );
        // mix 0.74 towards #4477DD: 1 + (c − 1) · 0.74.
        assert_eq!(
            out["mixed"]["$value"]["components"],
            json!([0.45733, 0.60533, 0.90133])
        );
        assert_eq!(out["mixed"]["$value"]["hex"], "#759ae6");
        // A reference to a modified colour sees the modified colour, as printed
        // (rgb(60.549% 20.706% 20.706%)), then alpha 0.2 in HSL: sd-transforms 2.0.3
        // gives `hsl(0 49.035% 40.628% / 0.2)` for the same two tokens.
        assert_eq!(
            out["faded"]["$value"],
            json!({"colorSpace": "hsl", "components": [0, 49.035, 40.628], "alpha": 0.2, "hex": "#9a3535"})
        );
        assert!(
            findings.iter().any(|f| f.starts_with("warning:4:")
                && f.contains(
                    "`darken {amount} * 2 in srgb` on `{base}` was computed to `#9a3535`"
                )),
            "{findings:#?}"
        );
    }

    #[test]
    fn unknown_modifier_spaces_are_ignored_with_a_warning() {
        let (out, findings) = convert(
            r##"{"c": {"value": "#ff0000", "type": "color",
    "$extensions": {"studio.tokens": {"modify": {"type": "darken", "value": "0.5", "space": "oklab"}}}}}"##,
        );
        assert_eq!(out["c"]["$value"]["hex"], "#ff0000");
        assert!(
            findings[0].contains("unknown modifier space `oklab`"),
            "{findings:#?}"
        );
    }

    #[test]
    fn rgba_with_references_hex_and_channels() {
        let (out, findings) = convert(
            r##"{
  "red": {"value": "#ff0000", "type": "color"},
  "half": {"value": "50%", "type": "opacity"},
  "a": {"value": "rgba({red}, 0.5)", "type": "color"},
  "b": {"value": "rgba(#00ff00, {half})", "type": "color"},
  "c": {"value": "rgba(0, 0, {channel}, 0.25)", "type": "color"},
  "channel": {"value": "255", "type": "number"},
  "d": {"value": "rgb({channel} / 5, 0, 0)", "type": "color"},
  "e": {"value": "rgba({nothing}, 0.5)", "type": "color"}
}"##,
        );
        assert_eq!(
            out["a"]["$value"],
            json!({"colorSpace": "srgb", "components": [1, 0, 0], "alpha": 0.5, "hex": "#ff0000"})
        );
        assert_eq!(out["b"]["$value"]["components"], json!([0, 1, 0]));
        assert_eq!(out["b"]["$value"]["alpha"], json!(0.5));
        assert_eq!(out["c"]["$value"]["components"], json!([0, 0, 1]));
        assert_eq!(out["c"]["$value"]["alpha"], json!(0.25));
        assert_eq!(out["d"]["$value"]["components"], json!([0.2, 0, 0]));
        assert!(
            findings
                .iter()
                .any(|f| f.contains("`rgba({red}, 0.5)` was computed to `#ff000080`")),
            "{findings:#?}"
        );
        assert!(
            findings.iter().any(|f| f.starts_with("error:9:")
                && f.contains("cannot compute `rgba({nothing}, 0.5)`: `{nothing}` is not a token")),
            "{findings:#?}"
        );
    }

    #[test]
    fn letter_spacing_line_heights_and_strings() {
        let (out, findings) = convert(
            r#"{
  "ls": {"value": "5%", "type": "letterSpacing"},
  "lsEm": {"value": "-0.02em", "type": "letterSpacing"},
  "lsPx": {"value": "1px", "type": "letterSpacing"},
  "lh": {"value": "150%", "type": "lineHeights"},
  "lhPx": {"value": "24px", "type": "lineHeights"},
  "case": {"value": "uppercase", "type": "textCase"},
  "deco": {"value": "underline", "type": "textDecoration"},
  "body": {"type": "typography", "value": {
    "fontFamily": "Inter", "fontWeight": "400", "fontSize": "16",
    "lineHeight": "{lhPx}", "letterSpacing": "{ls}"}},
  "title": {"type": "typography", "value": {
    "fontFamily": "Inter", "fontWeight": "700", "fontSize": "2rem",
    "lineHeight": "40px", "letterSpacing": "-1%"}},
  "ratio": {"value": "1.25", "type": "number"},
  "calc": {"type": "typography", "value": {
    "fontFamily": "Inter", "fontWeight": "400", "fontSize": "{ratio} * 16",
    "lineHeight": "{ratio} * 100%", "letterSpacing": "{ratio} * 2%"}},
  "calcPx": {"type": "typography", "value": {
    "fontFamily": "Inter", "fontWeight": "400", "fontSize": "20px",
    "lineHeight": "{ratio} * 24px", "letterSpacing": "0"}}
}"#,
        );
        let em = |v: f64| json!({"value": v, "unit": "em"});
        assert_eq!(out["ls"]["$value"], em(0.05));
        assert_eq!(out["ls"]["$type"], "dimension");
        assert_eq!(out["lsEm"]["$value"], em(-0.02));
        assert_eq!(out["lsPx"]["$value"], json!({"value": 1, "unit": "px"}));
        assert_eq!(out["lh"]["$value"], json!(1.5));
        assert_eq!(out["lhPx"]["$value"], json!({"value": 24, "unit": "px"}));
        assert_eq!(out["lhPx"]["$type"], "dimension");
        assert_eq!(
            out["case"],
            json!({"$value": "uppercase", "$type": "string"})
        );
        assert_eq!(out["deco"]["$type"], "string");
        // 24px over a 16px font size; a reference to a `%` letter spacing stays one.
        assert_eq!(out["body"]["$value"]["lineHeight"], json!(1.5));
        assert_eq!(out["body"]["$value"]["letterSpacing"], json!("{ls}"));
        // 40px over 2rem (32px); -1% is -0.01em.
        assert_eq!(out["title"]["$value"]["lineHeight"], json!(1.25));
        assert_eq!(out["title"]["$value"]["letterSpacing"], em(-0.01));
        // Expressions: 1.25 · 100% = 1.25; 1.25 · 2% = 0.025em; 1.25 · 24px over 20px.
        assert_eq!(
            out["calc"]["$value"]["fontSize"],
            json!({"value": 20, "unit": "px"})
        );
        assert_eq!(out["calc"]["$value"]["lineHeight"], json!(1.25));
        assert_eq!(out["calc"]["$value"]["letterSpacing"], em(0.025));
        assert_eq!(out["calcPx"]["$value"]["lineHeight"], json!(1.5));
        assert!(
            findings
                .iter()
                .any(|f| f.contains("line height `40px` was read as 1.25 (40px / font size 2rem)")),
            "{findings:#?}"
        );
    }

    #[test]
    fn gradients_become_stops_with_the_angle_kept() {
        let (out, findings) = convert(
            r##"{
  "black": {"value": "#000000", "type": "color"},
  "g": {"value": "linear-gradient(90deg, #ffffff 0%, rgba(0, 0, 0, .5) 100%)", "type": "color"},
  "h": {"value": "linear-gradient(to right, {black}, rgba({black}, 0.5) 40%, #fff)", "type": "color"}
}"##,
        );
        assert_eq!(out["g"]["$type"], "gradient");
        assert_eq!(
            out["g"]["$value"],
            json!([
                {"color": {"colorSpace": "srgb", "components": [1, 1, 1], "hex": "#ffffff"}, "position": 0},
                {"color": {"colorSpace": "srgb", "components": [0, 0, 0], "alpha": 0.5, "hex": "#000000"}, "position": 1}
            ])
        );
        assert_eq!(
            out["g"]["$extensions"][GRADIENT_EXTENSION],
            json!({"function": "linear-gradient", "angle": "90deg"})
        );
        // References stay references; stops without a position are spread evenly.
        assert_eq!(out["h"]["$value"][0]["color"], "{black}");
        assert_eq!(out["h"]["$value"][0]["position"], json!(0));
        assert_eq!(out["h"]["$value"][1]["position"], json!(0.4));
        assert_eq!(out["h"]["$value"][1]["color"]["alpha"], json!(0.5));
        assert_eq!(out["h"]["$value"][2]["position"], json!(1));
        assert_eq!(
            out["h"]["$extensions"][GRADIENT_EXTENSION]["angle"],
            "to right"
        );
        assert!(
            findings
                .iter()
                .any(|f| f.contains("the gradient `linear-gradient(90deg"))
        );
    }

    #[test]
    fn messages_quote_the_expression_as_written() {
        let (_, findings) = convert(
            r#"{
  "a": {"value": "2s", "type": "duration"},
  "b": {"value": "{a} * 2", "type": "spacing"},
  "c": {"value": "floor({a} +)", "type": "spacing"}
}"#,
        );
        assert!(
            findings
                .iter()
                .any(|f| f.starts_with("error:3:")
                    && f.contains("`{a} * 2` is `4s`: unit `s` in `4s`")),
            "{findings:#?}"
        );
        assert!(
            findings
                .iter()
                .any(|f| f.starts_with("error:4:") && f.contains("cannot evaluate `floor({a} +)`")),
            "{findings:#?}"
        );
    }
}
