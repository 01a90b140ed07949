//! Formats token values for CSS-like outputs, keeping references where the output
//! can express them (`var(--color-brand)`, `$color-brand`) and resolving them otherwise.

pub use crate::escape::{css_ident, css_string};

use serde_json::Value;

use crate::model::{Token, TokenType, Tokens};
use crate::tokens::resolve::{Resolver, alias_target, pointer_target};
use crate::tokens::value::FONT_WEIGHTS;

/// Generic font families, written without quotes.
const GENERIC_FAMILIES: [&str; 13] = [
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "fantasy",
    "system-ui",
    "ui-serif",
    "ui-sans-serif",
    "ui-monospace",
    "ui-rounded",
    "emoji",
    "math",
    "fangsong",
];

/// Formats values of one mode; `reference` renders an alias to a token (or `None` to
/// resolve it).
pub struct Formatter<'t, F: Fn(&Token) -> Option<String>> {
    tokens: &'t Tokens,
    resolver: Resolver<'t>,
    reference: F,
}

impl<'t, F: Fn(&Token) -> Option<String>> Formatter<'t, F> {
    /// A formatter for `mode`.
    pub fn new(tokens: &'t Tokens, mode: Option<&'t str>, reference: F) -> Self {
        Self {
            tokens,
            resolver: Resolver::new(tokens, mode),
            reference,
        }
    }

    /// The token's value in this formatter's mode, as CSS: the value written for
    /// exactly that mode key if there is one, else its value in that choice of contexts.
    pub fn token(&self, token: &Token) -> String {
        let own = self
            .resolver
            .mode()
            .and_then(|m| token.modes.iter().find(|(k, _)| k == m))
            .map(|(_, v)| v);
        self.value(token.ty, own.unwrap_or_else(|| self.resolver.raw(token)), 0)
    }

    /// A value of type `ty`, as CSS.
    pub fn value(&self, ty: TokenType, v: &Value, depth: usize) -> String {
        if depth > 64 {
            return String::new();
        }
        if let Some(target) = alias_target(v) {
            return match self.tokens.get_str(target) {
                Some(t) => (self.reference)(t)
                    .unwrap_or_else(|| self.value(t.ty, self.resolver.raw(t), depth + 1)),
                None => String::new(),
            };
        }
        if pointer_target(v).is_some() {
            let resolved = self.resolver.value(v, depth);
            return self.value(ty, &resolved, depth + 1);
        }
        let sub = |t: TokenType, key: &str| -> String {
            v.get(key)
                .map_or_else(String::new, |x| self.value(t, x, depth + 1))
        };
        match ty {
            TokenType::Color => {
                // `components`/`alpha` may hold references: resolve them first.
                if crate::tokens::resolve::has_references(v) {
                    color(&self.resolver.value(v, depth))
                } else {
                    color(v)
                }
            }
            TokenType::Dimension | TokenType::Duration => match (v.get("value"), v.get("unit")) {
                (Some(n), Some(Value::String(u))) if is_keyword(u) || u == "%" => {
                    // Android's density-independent pixel is one CSS pixel.
                    let u = if u == "dp" { "px" } else { u.as_str() };
                    if alias_target(n).is_some() || pointer_target(n).is_some() {
                        let r = self.resolver.value(n, depth);
                        format!("{}{u}", number(&r))
                    } else {
                        format!("{}{u}", number(n))
                    }
                }
                _ => String::new(),
            },
            TokenType::Number => number(&self.resolver.value(v, depth)),
            TokenType::FontWeight => font_weight(&self.resolver.value(v, depth)),
            TokenType::FontFamily => font_family(&self.resolver.value(v, depth)),
            TokenType::CubicBezier => match v {
                Value::Array(items) => {
                    let parts: Vec<String> = items
                        .iter()
                        .map(|i| number(&self.resolver.value(i, depth)))
                        .collect();
                    format!("cubic-bezier({})", parts.join(", "))
                }
                _ => String::new(),
            },
            TokenType::StrokeStyle => match v {
                Value::String(s) if is_keyword(s) => s.clone(),
                Value::String(_) => String::new(),
                // CSS border styles have no dash pattern; `dashed` is the closest.
                _ => "dashed".into(),
            },
            TokenType::Border => format!(
                "{} {} {}",
                sub(TokenType::Dimension, "width"),
                sub(TokenType::StrokeStyle, "style"),
                sub(TokenType::Color, "color")
            ),
            TokenType::Transition => format!(
                "{} {} {}",
                sub(TokenType::Duration, "duration"),
                sub(TokenType::CubicBezier, "timingFunction"),
                sub(TokenType::Duration, "delay")
            ),
            TokenType::Shadow => {
                if let Value::Array(layers) = v {
                    let parts: Vec<String> = layers
                        .iter()
                        .map(|l| self.value(TokenType::Shadow, l, depth + 1))
                        .collect();
                    parts.join(", ")
                } else {
                    let inset = matches!(v.get("inset"), Some(Value::Bool(true)));
                    format!(
                        "{}{} {} {} {} {}",
                        if inset { "inset " } else { "" },
                        sub(TokenType::Dimension, "offsetX"),
                        sub(TokenType::Dimension, "offsetY"),
                        sub(TokenType::Dimension, "blur"),
                        sub(TokenType::Dimension, "spread"),
                        sub(TokenType::Color, "color")
                    )
                }
            }
            TokenType::Gradient => match v {
                Value::Array(stops) => {
                    let mut parts = Vec::new();
                    for stop in stops {
                        if alias_target(stop).is_some() || pointer_target(stop).is_some() {
                            // A whole gradient spliced in: resolve and format its stops.
                            let r = self.resolver.value(stop, depth);
                            let inner = self.value(TokenType::Gradient, &r, depth + 1);
                            if let Some(s) = inner
                                .strip_prefix("linear-gradient(")
                                .and_then(|s| s.strip_suffix(')'))
                            {
                                parts.push(s.to_string());
                            }
                            continue;
                        }
                        let c = stop.get("color").map_or_else(String::new, |c| {
                            self.value(TokenType::Color, c, depth + 1)
                        });
                        let p = stop
                            .get("position")
                            .map(|p| self.resolver.value(p, depth))
                            .and_then(|p| p.as_f64())
                            .unwrap_or(0.0);
                        parts.push(format!("{c} {}%", trim_float(p * 100.0)));
                    }
                    format!("linear-gradient({})", parts.join(", "))
                }
                _ => String::new(),
            },
            TokenType::String => match self.resolver.value(v, depth) {
                Value::String(s) if is_plain_css(&s) => s,
                Value::String(s) => crate::escape::css_string(&s),
                _ => String::new(),
            },
            TokenType::Typography => {
                // The `font` shorthand: weight size/line-height family.
                format!(
                    "{} {}/{} {}",
                    sub(TokenType::FontWeight, "fontWeight"),
                    sub(TokenType::Dimension, "fontSize"),
                    sub(TokenType::Number, "lineHeight"),
                    sub(TokenType::FontFamily, "fontFamily")
                )
            }
        }
    }
}

/// Whether a `string` token's text can be written as a CSS value as it is (`Adobe
/// Clean`, `rgba(0, 0, 0, 0.12)`, `-4px`, `1px solid #ccc`): letters, digits, spaces and
/// `. , % # - + /` with balanced parentheses, and nothing that could end the declaration
/// or open a comment. Anything else is written as a quoted CSS string.
pub fn is_plain_css(s: &str) -> bool {
    let mut depth = 0i32;
    !s.trim().is_empty()
        && s.len() <= 256
        && !s.contains("/*")
        && s.chars().all(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth >= 0
                && (c.is_ascii_alphanumeric()
                    || matches!(
                        c,
                        ' ' | '.' | ',' | '%' | '#' | '-' | '+' | '/' | '(' | ')' | '_'
                    ))
        })
        && depth == 0
}

/// A JSON number as CSS text (integers without `.0`).
pub fn number(v: &Value) -> String {
    match v {
        Value::Number(n) => n
            .as_i64()
            .map_or_else(|| trim_float(n.as_f64().unwrap_or(0.0)), |i| i.to_string()),
        _ => String::new(),
    }
}

/// A float without a trailing `.0`, at most 4 decimals.
pub fn trim_float(x: f64) -> String {
    let r = (x * 10_000.0).round() / 10_000.0;
    if r == r.trunc() && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// The numeric value of a font weight (keywords mapped).
pub fn font_weight_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => FONT_WEIGHTS
            .iter()
            .find(|(k, _)| k == s)
            .map(|(_, n)| f64::from(*n)),
        _ => None,
    }
}

fn font_weight(v: &Value) -> String {
    font_weight_number(v).map_or_else(String::new, trim_float)
}

/// Whether `s` is a plain CSS keyword (`solid`, `px`, `display-p3`): written unquoted.
fn is_keyword(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The family names in a value; a list item that aliased another list of families (Tokens Studio's
/// `"{a}, {b}"`) resolves to that list: its families are part of this one.
fn families<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|i| families(i, out)),
        _ => {}
    }
}

/// A font family list as CSS (names with spaces or digits quoted, see [`css_string`]).
pub fn font_family(v: &Value) -> String {
    let quote = |s: &str| -> String {
        if GENERIC_FAMILIES.contains(&s)
            || (!s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic() || c == '-'))
        {
            s.to_string()
        } else {
            css_string(s)
        }
    };
    let mut list = Vec::new();
    families(v, &mut list);
    list.into_iter().map(quote).collect::<Vec<_>>().join(", ")
}

/// A DTCG colour as CSS Color 4 (`#rrggbb` for opaque sRGB).
pub fn color(v: &Value) -> String {
    let space = v
        .get("colorSpace")
        .and_then(Value::as_str)
        .unwrap_or("srgb");
    let comps: Vec<Option<f64>> = v
        .get("components")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(Value::as_f64).collect())
        .unwrap_or_default();
    let alpha = v.get("alpha").and_then(Value::as_f64).unwrap_or(1.0);
    let comp = |i: usize, scale: f64, suffix: &str| -> String {
        match comps.get(i).copied().flatten() {
            Some(x) => format!("{}{suffix}", trim_float(x * scale)),
            None => "none".into(),
        }
    };
    if space == "srgb" && comps.len() == 3 && comps.iter().all(Option::is_some) {
        let c = [0, 1, 2].map(|i| comps[i].unwrap_or(0.0));
        return crate::color::Color::srgb(c, alpha.clamp(0.0, 1.0)).hex_with_alpha();
    }
    let a = if alpha < 1.0 {
        format!(" / {}", trim_float(alpha))
    } else {
        String::new()
    };
    match space {
        "srgb" => format!(
            "rgb({} {} {}{a})",
            comp(0, 255.0, ""),
            comp(1, 255.0, ""),
            comp(2, 255.0, "")
        ),
        "hsl" | "hwb" => format!(
            "{space}({} {}% {}%{a})",
            comp(0, 1.0, ""),
            comp(1, 1.0, ""),
            comp(2, 1.0, "")
        ),
        "lab" | "lch" | "oklab" | "oklch" => {
            format!(
                "{space}({} {} {}{a})",
                comp(0, 1.0, ""),
                comp(1, 1.0, ""),
                comp(2, 1.0, "")
            )
        }
        // A colour space from a damaged store or foreign file never becomes CSS text.
        other if !is_keyword(other) => String::new(),
        other => format!(
            "color({other} {} {} {}{a})",
            comp(0, 1.0, ""),
            comp(1, 1.0, ""),
            comp(2, 1.0, "")
        ),
    }
}

/// A resolved value as a JavaScript value: CSS strings for what CSS writes as one value,
/// numbers for numbers and weights, an object for typography.
pub fn js_value(ty: TokenType, resolved: &Value) -> Value {
    match ty {
        TokenType::Number | TokenType::CubicBezier | TokenType::String => resolved.clone(),
        TokenType::FontWeight => font_weight_number(resolved)
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, |n| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0)
                    .map_or(Value::Number(n), |f| Value::from(f as i64))
            }),
        TokenType::FontFamily => match resolved {
            Value::Array(_) | Value::String(_) => Value::String(font_family(resolved)),
            _ => Value::Null,
        },
        TokenType::Typography => {
            let mut m = serde_json::Map::new();
            let fields = [
                ("fontFamily", TokenType::FontFamily),
                ("fontSize", TokenType::Dimension),
                ("fontWeight", TokenType::FontWeight),
                ("letterSpacing", TokenType::Dimension),
                ("lineHeight", TokenType::Number),
            ];
            for (k, t) in fields {
                if let Some(v) = resolved.get(k) {
                    m.insert(k.to_string(), js_value(t, v));
                }
            }
            Value::Object(m)
        }
        _ => {
            let empty = Tokens::default();
            let f = Formatter::new(&empty, None, |_| None);
            Value::String(f.value(ty, resolved, 0))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn font_family_lists_of_aliased_lists_are_flattened() {
        let v = serde_json::json!([["Inter", "sans-serif"], ["Inter", "sans-serif"]]);
        assert_eq!(
            super::font_family(&v),
            "Inter, sans-serif, Inter, sans-serif"
        );
    }

    use super::*;
    use serde_json::json;

    #[test]
    fn colours() {
        assert_eq!(
            color(&json!({"colorSpace": "srgb", "components": [1, 0, 0.5]})),
            "#ff0080"
        );
        assert_eq!(
            color(&json!({"colorSpace": "srgb", "components": [0, 0, 0], "alpha": 0.5})),
            "#00000080"
        );
        assert_eq!(
            color(&json!({"colorSpace": "oklch", "components": [0.7, 0.1, 200]})),
            "oklch(0.7 0.1 200)"
        );
        assert_eq!(
            color(&json!({"colorSpace": "hsl", "components": ["none", 0, 50]})),
            "hsl(none 0% 50%)"
        );
        assert_eq!(
            color(&json!({"colorSpace": "display-p3", "components": [1, 0.5, 0], "alpha": 0.25})),
            "color(display-p3 1 0.5 0 / 0.25)"
        );
    }

    #[test]
    fn durations_are_never_objects() {
        assert_eq!(
            js_value(TokenType::Duration, &json!({"value": 200, "unit": "ms"})),
            json!("200ms")
        );
    }

    #[test]
    fn family_names_cannot_leave_their_string() {
        assert_eq!(
            font_family(&json!("Evil\n}body{background:url(x)}</style>\\\"")),
            "\"Evil\\a }body{background:url(x)}\\3c /style\\3e \\\\\\\"\""
        );
        assert_eq!(font_family(&json!("a#{b}@{c}")), "\"a\\23 {b}\\40 {c}\"");
    }

    #[test]
    fn families_are_quoted_when_needed() {
        assert_eq!(
            font_family(&json!(["Inter Var", "system-ui", "sans-serif"])),
            "\"Inter Var\", system-ui, sans-serif"
        );
    }
}
