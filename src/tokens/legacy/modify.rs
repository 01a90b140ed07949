//! Tokens Studio colour functions: the modifiers of `$extensions["studio.tokens"].modify`
//! (`lighten`, `darken`, `mix`, `alpha` in `srgb`, `hsl`, `lch` or `p3`) and
//! `rgba({ref}, 0.5)`, `rgba(#hex, 0.5)`, `rgb({r}, {g}, {b})` with references inside.
//!
//! The modifiers follow Tokens Studio's own definitions (its plugin and
//! `@tokens-studio/sd-transforms`, both on colorjs.io), with `a` the amount:
//! - lighten: sRGB/P3 each channel `c + a·(1 − c)` (at most 1); HSL `l + a·(100 − l)`;
//!   LCH `l + a·(100 − l)` and chroma `c − a·c`.
//! - darken: sRGB/P3 each channel `c − a·c` (at least 0); HSL `l − a·l`; LCH `l − a·l`
//!   and chroma `c − a·c`.
//! - mix: linear interpolation from the colour to `color` by `a` (clamped to 0..1) in the
//!   space, alpha too (not premultiplied); hues take the shorter arc, and a grey's
//!   missing hue takes the other colour's.
//! - alpha: the alpha becomes `a` (clamped to 0..1).
//!
//! The result is in the modifier's space, its components rounded as Tokens Studio
//! prints them (colorjs precision 5: five significant digits, sRGB as percentages).
//! Conversions are those of [`crate::color`].

use crate::color::{Color, Space, parse_css_color};
use crate::tokens::json::{Kind, Node};
use crate::tokens::value::{AliasSyntax, alias_syntax};

use super::expr::{ExprError, Quantity, parse_quantity, round4};
use super::{Converter, num, obj, s};

/// The colour spaces Tokens Studio's modifiers work in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ModSpace {
    /// sRGB channels 0..1.
    Srgb,
    /// HSL (hue, saturation and lightness 0..100).
    Hsl,
    /// CIE LCH (D50).
    Lch,
    /// Display P3 channels 0..1.
    P3,
}

impl ModSpace {
    pub(super) fn parse(name: &str) -> Option<Self> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "srgb" => ModSpace::Srgb,
            "hsl" => ModSpace::Hsl,
            "lch" => ModSpace::Lch,
            "p3" | "display-p3" => ModSpace::P3,
            _ => return None,
        })
    }

    fn space(self) -> Space {
        match self {
            ModSpace::Srgb => Space::Srgb,
            ModSpace::Hsl => Space::Hsl,
            ModSpace::Lch => Space::Lch,
            ModSpace::P3 => Space::DisplayP3,
        }
    }

    /// Index of the hue component, for the polar spaces.
    fn hue(self) -> Option<usize> {
        match self {
            ModSpace::Hsl => Some(0),
            ModSpace::Lch => Some(2),
            ModSpace::Srgb | ModSpace::P3 => None,
        }
    }
}

/// One Tokens Studio colour modifier with its amount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Modifier {
    /// Towards white.
    Lighten(f64),
    /// Towards black.
    Darken(f64),
    /// Towards another colour.
    Mix(f64, Color),
    /// A new alpha.
    Alpha(f64),
}

/// The colour in `space` (a polar space's missing hue as NaN: greys have none).
fn in_space(c: &Color, space: ModSpace) -> [f64; 3] {
    let mut v = c.to_space(space.space()).components;
    match space {
        ModSpace::Hsl if v[1].abs() < 1e-9 => v[0] = f64::NAN,
        // colorjs reads a chroma this small as a grey.
        ModSpace::Lch if v[1].abs() < 0.0015 => {
            v[1] = 0.0;
            v[2] = f64::NAN;
        }
        _ => {}
    }
    v
}

/// Applies `m` in `space`; the result is in `space`, rounded as Tokens Studio prints it.
pub(super) fn modify(base: &Color, modifier: &Modifier, space: ModSpace) -> Color {
    let mut c = in_space(base, space);
    let mut alpha = base.alpha;
    match *modifier {
        Modifier::Lighten(a) => match space {
            ModSpace::Srgb | ModSpace::P3 => {
                c = c.map(|x| (x + a * (1.0 - x)).min(1.0));
            }
            ModSpace::Hsl => c[2] = (c[2] + (100.0 - c[2]) * a).min(100.0),
            ModSpace::Lch => {
                c[1] = (c[1] - a * c[1]).max(0.0);
                c[0] = (c[0] + (100.0 - c[0]) * a).min(100.0);
            }
        },
        Modifier::Darken(a) => match space {
            ModSpace::Srgb | ModSpace::P3 => c = c.map(|x| (x - a * x).max(0.0)),
            ModSpace::Hsl => c[2] = (c[2] - c[2] * a).max(0.0),
            ModSpace::Lch => {
                c[1] = (c[1] - a * c[1]).max(0.0);
                c[0] = (c[0] - c[0] * a).max(0.0);
            }
        },
        Modifier::Mix(a, other) => {
            let p = a.clamp(0.0, 1.0);
            let mut o = in_space(&other, space);
            if let Some(h) = space.hue() {
                // The shorter arc.
                if o[h] - c[h] > 180.0 {
                    c[h] += 360.0;
                } else if o[h] - c[h] < -180.0 {
                    o[h] += 360.0;
                }
            }
            for i in 0..3 {
                c[i] = if c[i].is_nan() {
                    o[i]
                } else if o[i].is_nan() {
                    c[i]
                } else {
                    c[i] + (o[i] - c[i]) * p
                };
            }
            if let Some(h) = space.hue() {
                if !c[h].is_nan() {
                    c[h] = c[h].rem_euclid(360.0);
                }
            }
            alpha += (other.alpha - alpha) * p;
        }
        Modifier::Alpha(a) => alpha = a.clamp(0.0, 1.0),
    }
    // Printed in gamut: channels within their range.
    match space {
        ModSpace::Srgb | ModSpace::P3 => c = c.map(|x| x.clamp(0.0, 1.0)),
        ModSpace::Hsl => {
            c[1] = c[1].clamp(0.0, 100.0);
            c[2] = c[2].clamp(0.0, 100.0);
        }
        ModSpace::Lch => {}
    }
    // Printed with five significant digits; sRGB channels as percentages.
    let components = if space == ModSpace::Srgb {
        // (the division by 100 is cleaned of binary noise: 45.733% is 0.45733)
        c.map(|x| (precision5(x * 100.0) / 100.0 * 1e9).round() / 1e9)
    } else {
        c.map(precision5)
    };
    Color {
        space: space.space(),
        components,
        alpha: precision5(alpha),
    }
}

/// colorjs.io's `toPrecision(n, 5)`: five digits counted from the first integer digit
/// (all five after the point below 1), halves up. NaN stays NaN.
pub(super) fn precision5(n: f64) -> f64 {
    if n == 0.0 || n.is_nan() {
        return n;
    }
    let integer = n.trunc();
    let digits = if integer == 0.0 {
        0
    } else {
        integer.abs().log10().floor() as i32 + 1
    };
    let m = 10f64.powi(5 - digits);
    (n * m + 0.5).floor() / m
}

/// The DTCG value of `c`: its space, components (`"none"` for a missing hue), alpha
/// when translucent and the sRGB hex.
pub(super) fn color_node<'a>(c: &Color, offset: u32) -> Node<'a> {
    let comps: Vec<Node<'a>> = c
        .components
        .iter()
        .map(|x| {
            if x.is_nan() {
                s("none", offset)
            } else {
                num(*x, offset)
            }
        })
        .collect();
    let mut members = vec![
        ("colorSpace", s(c.space.name(), offset)),
        (
            "components",
            Node {
                offset,
                kind: Kind::Array(comps),
            },
        ),
    ];
    if c.alpha < 1.0 {
        members.push(("alpha", num(c.alpha, offset)));
    }
    let plain = Color {
        components: c.components.map(|x| if x.is_nan() { 0.0 } else { x }),
        ..*c
    };
    members.push(("hex", s(plain.hex(), offset)));
    obj(offset, members)
}

/// Why a Tokens Studio colour (a modifier, `rgba({ref}, a)`) cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub(super) enum ColorError {
    /// References deeper than 16 levels.
    #[error("references nest too deep (a cycle?)")]
    TooDeep,
    /// A reference to no token.
    #[error("`{{{0}}}` is not a token in this file or export")]
    UnknownToken(String),
    /// Text that is no colour.
    #[error("`{0}` is not a colour")]
    NotAColor(String),
    /// An amount, channel or alpha that cannot be evaluated.
    #[error("`{text}`: {error}")]
    Number {
        /// What was written.
        text: String,
        /// Why it is not a number.
        error: ExprError,
    },
    /// A channel or alpha with a unit other than `%`.
    #[error("`{0}` is not a number or percentage")]
    Unit(String),
    /// `rgb()` with the wrong number of arguments.
    #[error("`{0}` needs `rgba(colour, alpha)` or three channels and an optional alpha")]
    Arguments(String),
    /// A modifier type Tokens Studio does not have.
    #[error("unknown modifier type `{0}` (Tokens Studio has lighten, darken, mix and alpha)")]
    ModifierType(String),
    /// A space modifiers do not work in.
    #[error("unknown modifier space `{0}` (Tokens Studio has srgb, hsl, lch and p3)")]
    ModifierSpace(String),
    /// `mix` without `color`.
    #[error("a `mix` modifier needs a `color`")]
    MixColor,
    /// A modifier without `value`.
    #[error("the modifier has no `value`")]
    NoAmount,
}

/// Whether `t` is `rgb()`/`rgba()` with a reference or hex colour inside, which only
/// Tokens Studio writes (plain CSS `rgb()` is read by [`parse_css_color`]).
pub(super) fn is_color_function(t: &str) -> bool {
    let lower = t.trim().to_ascii_lowercase();
    let inner = lower
        .strip_prefix("rgba(")
        .or_else(|| lower.strip_prefix("rgb("));
    inner.is_some_and(|i| i.contains(['{', '#']))
}

/// The `studio.tokens` modifier of a legacy token, when it has one.
pub(super) fn modifier_of<'n, 'a>(token: &'n Node<'a>) -> Option<&'n Node<'a>> {
    token
        .get("$extensions")?
        .get("studio.tokens")?
        .get("modify")
        .filter(|m| m.as_object().is_some())
}

/// Splits `a, {b}, rgba(1,2,3)` at its top-level commas.
pub(super) fn split_args(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, ch) in t.char_indices() {
        match ch {
            '(' | '{' => depth += 1,
            ')' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(t[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(t[start..].trim());
    out
}

impl Converter<'_, '_, '_, '_, '_> {
    /// A number written in a colour function or modifier: a literal, a reference or an
    /// expression.
    fn color_number(&self, text: &str, path: &str, depth: u32) -> Result<Quantity, ColorError> {
        let t = text.trim();
        if let Some(q) = parse_quantity(t) {
            return Ok(q);
        }
        let result = match alias_syntax(t) {
            AliasSyntax::Alias(p) => self.lookup_quantity(p, path, depth + 1),
            _ => self.evaluate(t, path, depth + 1),
        };
        result.map_err(|error| ColorError::Number {
            text: t.to_string(),
            error,
        })
    }

    /// A 0..1 fraction: `0.5` or `50%`.
    fn fraction(&self, text: &str, path: &str, depth: u32) -> Result<f64, ColorError> {
        let q = self.color_number(text, path, depth)?;
        match q.unit.as_str() {
            "" => Ok(q.value),
            "%" => Ok(q.value / 100.0),
            _ => Err(ColorError::Unit(text.trim().to_string())),
        }
    }

    /// `rgba({ref}, a)`, `rgba(#hex, a)` (the colour with alpha `a`) or `rgb(r, g, b[, a])`
    /// with references or expressions for the numbers.
    pub(super) fn color_function(
        &self,
        text: &str,
        path: &str,
        depth: u32,
    ) -> Result<Color, ColorError> {
        let t = text.trim();
        let open = t
            .find('(')
            .ok_or_else(|| ColorError::NotAColor(t.to_string()))?;
        let inner = t[open + 1..]
            .strip_suffix(')')
            .ok_or_else(|| ColorError::NotAColor(t.to_string()))?;
        let args = split_args(inner);
        match args.len() {
            2 => {
                let base = self.text_color(args[0], path, depth + 1)?;
                let alpha = self.fraction(args[1], path, depth)?;
                Ok(Color {
                    alpha: alpha.clamp(0.0, 1.0),
                    ..base.to_space(Space::Srgb)
                })
            }
            3 | 4 => {
                let mut rgb = [0.0; 3];
                for (slot, arg) in rgb.iter_mut().zip(&args) {
                    let q = self.color_number(arg, path, depth)?;
                    *slot = match q.unit.as_str() {
                        "" => q.value / 255.0,
                        "%" => q.value / 100.0,
                        _ => return Err(ColorError::Unit((*arg).to_string())),
                    };
                }
                let alpha = match args.get(3) {
                    Some(a) => self.fraction(a, path, depth)?,
                    None => 1.0,
                };
                Ok(Color::srgb(rgb, alpha.clamp(0.0, 1.0)))
            }
            _ => Err(ColorError::Arguments(t.to_string())),
        }
    }

    /// A colour written as text: a reference, a colour function or a CSS colour.
    pub(super) fn text_color(
        &self,
        text: &str,
        path: &str,
        depth: u32,
    ) -> Result<Color, ColorError> {
        if depth > 16 {
            return Err(ColorError::TooDeep);
        }
        let t = text.trim();
        if let AliasSyntax::Alias(p) = alias_syntax(t) {
            return self.lookup_color(p, path, depth + 1);
        }
        if is_color_function(t) {
            return self.color_function(t, path, depth + 1);
        }
        parse_css_color(t)
            .map(|(rgb, a)| Color::srgb(rgb, a))
            .ok_or_else(|| ColorError::NotAColor(t.to_string()))
    }

    /// The colour of the token at `target`, its own modifier applied.
    fn lookup_color(&self, target: &str, path: &str, depth: u32) -> Result<Color, ColorError> {
        if depth > 16 {
            return Err(ColorError::TooDeep);
        }
        let node = self
            .raw_token(target)
            .ok_or_else(|| ColorError::UnknownToken(target.to_string()))?;
        let v = node
            .get("value")
            .or_else(|| node.get("$value"))
            .ok_or_else(|| ColorError::UnknownToken(target.to_string()))?;
        let base = match &v.kind {
            Kind::String(t) => self.text_color(t, path, depth + 1)?,
            Kind::Object(_) => Color::from_value(&v.to_value())
                .ok_or_else(|| ColorError::NotAColor(format!("{{{target}}}")))?,
            _ => return Err(ColorError::NotAColor(format!("{{{target}}}"))),
        };
        match modifier_of(node) {
            Some(m) => {
                let (m, space, _) = self.read_modifier(m, path, depth + 1)?;
                Ok(modify(&base, &m, space))
            }
            None => Ok(base),
        }
    }

    /// Reads a `modify` object: the modifier, its space and a short text of it as
    /// written (`darken 0.2 in srgb`).
    pub(super) fn read_modifier(
        &self,
        m: &Node<'_>,
        path: &str,
        depth: u32,
    ) -> Result<(Modifier, ModSpace, String), ColorError> {
        let kind = m.get("type").and_then(Node::as_str).unwrap_or_default();
        let space_text = m.get("space").and_then(Node::as_str).unwrap_or_default();
        let space = ModSpace::parse(space_text)
            .ok_or_else(|| ColorError::ModifierSpace(space_text.to_string()))?;
        let amount_node = m.get("value").ok_or(ColorError::NoAmount)?;
        let (amount, amount_text) = match &amount_node.kind {
            Kind::Number(n, _) => (*n, n.to_string()),
            // Tokens Studio evaluates the text and keeps four decimals.
            Kind::String(t) => (
                round4(self.color_number(t, path, depth)?.value),
                t.to_string(),
            ),
            _ => return Err(ColorError::NoAmount),
        };
        let modifier = match kind.to_ascii_lowercase().as_str() {
            "lighten" => Modifier::Lighten(amount),
            "darken" => Modifier::Darken(amount),
            "alpha" => Modifier::Alpha(amount),
            "mix" => {
                let text = m
                    .get("color")
                    .and_then(Node::as_str)
                    .ok_or(ColorError::MixColor)?;
                let other = self.text_color(text, path, depth + 1)?;
                return Ok((
                    Modifier::Mix(amount, other),
                    space,
                    format!("mix {amount_text} with {text} in {space_text}"),
                ));
            }
            _ => return Err(ColorError::ModifierType(kind.to_string())),
        };
        Ok((
            modifier,
            space,
            format!("{kind} {amount_text} in {space_text}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(t: &str) -> Color {
        let (rgb, a) = parse_css_color(t).unwrap();
        Color::srgb(rgb, a)
    }

    fn close(got: [f64; 3], want: [f64; 3]) {
        for (g, w) in got.iter().zip(want) {
            assert!(
                (g - w).abs() < 1e-9 || (g.is_nan() && w.is_nan()),
                "{got:?} != {want:?}"
            );
        }
    }

    // Expected numbers: the formulas in the module docs on `#C14242`, whose sRGB channels
    // are (193, 66, 66)/255 = (0.75686, 0.25882, 0.25882), HSL (0, 50.598, 50.784),
    // CIE LCH (47.107, 59.350, 29.704) and Display P3 (0.70020, 0.29415, 0.27766);
    // each result printed with five significant digits. The same numbers come out of
    // `@tokens-studio/sd-transforms` 2.0.3 (colorjs.io 0.5) for these tokens.
    const RED: &str = "#C14242";

    #[test]
    fn lighten_in_each_space() {
        let m = Modifier::Lighten(0.2);
        // sRGB: c + 0.2·(1 − c): 0.75686 + 0.2·0.24314 = 0.80549; 0.25882 -> 0.40706.
        let c = modify(&hex(RED), &m, ModSpace::Srgb);
        assert_eq!(c.space, Space::Srgb);
        close(c.components, [0.80549, 0.40706, 0.40706]);
        assert_eq!(c.hex(), "#cd6868");
        // HSL: l + 0.2·(100 − l) = 50.784 + 0.2·49.216 = 60.627.
        let c = modify(&hex(RED), &m, ModSpace::Hsl);
        close(c.components, [0.0, 50.598, 60.627]);
        // LCH: l + 0.2·(100 − l) = 57.685; chroma 0.8·59.350 = 47.480; hue kept.
        let c = modify(&hex(RED), &m, ModSpace::Lch);
        close(c.components, [57.685, 47.48, 29.704]);
        assert_eq!(c.hex(), "#d26b64");
        // P3: 0.70020 + 0.2·0.29980 = 0.76016, 0.43532, 0.42213.
        let c = modify(&hex(RED), &m, ModSpace::P3);
        assert_eq!(c.space, Space::DisplayP3);
        close(c.components, [0.76016, 0.43532, 0.42213]);
    }

    #[test]
    fn darken_in_each_space() {
        let m = Modifier::Darken(0.2);
        // sRGB: 0.8·c.
        close(
            modify(&hex(RED), &m, ModSpace::Srgb).components,
            [0.60549, 0.20706, 0.20706],
        );
        assert_eq!(modify(&hex(RED), &m, ModSpace::Srgb).hex(), "#9a3535");
        // HSL: 0.8·50.784 = 40.627.
        close(
            modify(&hex(RED), &m, ModSpace::Hsl).components,
            [0.0, 50.598, 40.627],
        );
        assert_eq!(modify(&hex(RED), &m, ModSpace::Hsl).hex(), "#9c3333");
        // LCH: l 0.8·47.107 = 37.685, chroma 0.8·59.350 = 47.48.
        close(
            modify(&hex(RED), &m, ModSpace::Lch).components,
            [37.685, 47.48, 29.704],
        );
        assert_eq!(modify(&hex(RED), &m, ModSpace::Lch).hex(), "#983735");
        // P3: 0.8·(0.70020, 0.29415, 0.27766).
        close(
            modify(&hex(RED), &m, ModSpace::P3).components,
            [0.56016, 0.23532, 0.22213],
        );
        assert_eq!(modify(&hex(RED), &m, ModSpace::P3).hex(), "#9b3535");
    }

    #[test]
    fn alpha_sets_the_alpha_in_each_space() {
        let m = Modifier::Alpha(0.2);
        let c = modify(&hex(RED), &m, ModSpace::Srgb);
        close(c.components, [0.75686, 0.25882, 0.25882]);
        assert!((c.alpha - 0.2).abs() < 1e-12);
        close(
            modify(&hex(RED), &m, ModSpace::Hsl).components,
            [0.0, 50.598, 50.784],
        );
        close(
            modify(&hex(RED), &m, ModSpace::Lch).components,
            [47.107, 59.35, 29.704],
        );
        close(
            modify(&hex(RED), &m, ModSpace::P3).components,
            [0.7002, 0.29415, 0.27766],
        );
        // Clamped to 0..1.
        assert!(
            (modify(&hex(RED), &Modifier::Alpha(1.5), ModSpace::Srgb).alpha - 1.0).abs() < 1e-12
        );
    }

    #[test]
    fn mix_in_each_space() {
        // Black and white half way: the middle of each space's lightness axis.
        let m = Modifier::Mix(0.5, hex("#ffffff"));
        close(
            modify(&hex("#000000"), &m, ModSpace::Srgb).components,
            [0.5, 0.5, 0.5],
        );
        close(
            modify(&hex("#000000"), &m, ModSpace::P3).components,
            [0.5, 0.5, 0.5],
        );
        // HSL: greys have no hue; l (0 + 100)/2.
        close(
            modify(&hex("#000000"), &m, ModSpace::Hsl).components,
            [f64::NAN, 0.0, 50.0],
        );
        // LCH: l 50, no chroma, no hue: a darker grey than sRGB's middle.
        let c = modify(&hex("#000000"), &m, ModSpace::Lch);
        close(c.components, [50.0, 0.0, f64::NAN]);
        assert_eq!(color_node(&c, 0).to_value()["hex"], "#777777");

        // White towards #4477DD by 0.5 + 6·0.04 = 0.74: 1 + (c − 1)·0.74 per channel
        // (0.26667, 0.46667, 0.86667 for #4477DD) -> 0.45733, 0.60533, 0.90133.
        let m = Modifier::Mix(0.74, hex("#4477DD"));
        let c = modify(&hex("#FFFFFF"), &m, ModSpace::Srgb);
        close(c.components, [0.45733, 0.60533, 0.90133]);
        assert_eq!(c.hex(), "#759ae6");
        // HSL: white has no hue, so #4477DD's 220 is used; #4477DD has s 69.231 and
        // l 56.667: s 0 + 69.231·0.74 = 51.231, l 100 − 43.333·0.74 = 67.933.
        close(
            modify(&hex("#FFFFFF"), &m, ModSpace::Hsl).components,
            [220.0, 51.231, 67.933],
        );
        close(
            modify(&hex("#FFFFFF"), &m, ModSpace::Lch).components,
            [63.417, 43.678, 278.69],
        );
        close(
            modify(&hex("#FFFFFF"), &m, ModSpace::P3).components,
            [0.49226, 0.60164, 0.88112],
        );

        // Hues take the shorter arc: 0 -> 220 goes down through 360: 360 − 140·0.3 = 318.
        let m = Modifier::Mix(0.3, hex("#4477DD"));
        close(
            modify(&hex(RED), &m, ModSpace::Hsl).components,
            [318.0, 56.188, 52.549],
        );
        // Alpha is interpolated too, not premultiplied.
        let m = Modifier::Mix(0.5, hex("#0000ff"));
        let c = modify(&hex("#ff000033"), &m, ModSpace::Srgb);
        close(c.components, [0.5, 0.0, 0.5]);
        assert!((c.alpha - 0.6).abs() < 1e-12);
    }

    #[test]
    fn greys_and_saturated_colours() {
        // #808080 lightened half way in HSL: l 50.196 + 0.5·49.804 = 75.098, no hue.
        let c = modify(&hex("#808080"), &Modifier::Lighten(0.5), ModSpace::Hsl);
        close(c.components, [f64::NAN, 0.0, 75.098]);
        assert_eq!(color_node(&c, 0).to_value()["components"][0], "none");
        // #00ff00 darkened by 0.3 in sRGB: green 0.7.
        close(
            modify(&hex("#00ff00"), &Modifier::Darken(0.3), ModSpace::Srgb).components,
            [0.0, 0.7, 0.0],
        );
    }

    #[test]
    fn precision_is_colorjs_five_digits() {
        assert_eq!(precision5(80.549_019), 80.549);
        assert_eq!(precision5(0.012_345_6), 0.01235);
        assert_eq!(precision5(278.687), 278.69);
        assert_eq!(precision5(0.0), 0.0);
        assert!(precision5(f64::NAN).is_nan());
    }

    #[test]
    fn spaces_and_arguments() {
        assert_eq!(ModSpace::parse("SRGB"), Some(ModSpace::Srgb));
        assert_eq!(ModSpace::parse("p3"), Some(ModSpace::P3));
        assert_eq!(ModSpace::parse("oklch"), None);
        assert_eq!(
            split_args("{a.b}, rgba(1, 2, 3), 0.5"),
            vec!["{a.b}", "rgba(1, 2, 3)", "0.5"]
        );
        assert!(is_color_function("rgba({color.red}, 0.5)"));
        assert!(is_color_function("rgba(#ff0000, 50%)"));
        assert!(!is_color_function("rgba(255, 0, 0, 0.5)"));
    }
}
