//! Colour: every DTCG 2025.10 colour space, converted with the CSS Color 4 math
//! (matrices and transfer functions of its sample code, in `f64`), CSS Color 4 gamut
//! mapping into sRGB (OKLCH chroma reduction, deltaE OK JND 0.02), WCAG 2.x contrast,
//! deltaE OK, hex text and the CSS colour strings legacy token formats hold.
//!
//! One place for the docs site, `opends lint`, `opends diff`, the changelog, export and
//! the legacy readers: a colour's `components` are the truth, a stored `hex` only a hint.

use serde_json::Value;

/// A DTCG colour space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Space {
    /// sRGB, gamma-encoded, 0..1.
    Srgb,
    /// Linear-light sRGB, 0..1.
    SrgbLinear,
    /// HSL: hue in degrees, saturation and lightness 0..100.
    Hsl,
    /// HWB: hue in degrees, whiteness and blackness 0..100.
    Hwb,
    /// CIE Lab (D50): L 0..100.
    Lab,
    /// CIE LCH (D50): L 0..100, chroma, hue in degrees.
    Lch,
    /// `OKLab`: L 0..1.
    Oklab,
    /// `OKLCH`: L 0..1, chroma, hue in degrees.
    Oklch,
    /// Display P3, gamma-encoded, 0..1.
    DisplayP3,
    /// Adobe RGB (1998), 0..1.
    A98Rgb,
    /// `ProPhoto` RGB (D50), 0..1.
    ProphotoRgb,
    /// ITU-R BT.2020, 0..1.
    Rec2020,
    /// CIE XYZ relative to D50.
    XyzD50,
    /// CIE XYZ relative to D65.
    XyzD65,
}

impl Space {
    /// Every space, in the DTCG order.
    pub const ALL: [Space; 14] = [
        Space::Srgb,
        Space::SrgbLinear,
        Space::Hsl,
        Space::Hwb,
        Space::Lab,
        Space::Lch,
        Space::Oklab,
        Space::Oklch,
        Space::DisplayP3,
        Space::A98Rgb,
        Space::ProphotoRgb,
        Space::Rec2020,
        Space::XyzD50,
        Space::XyzD65,
    ];

    /// The space named `name` as DTCG writes it (`display-p3`).
    pub fn parse(name: &str) -> Option<Space> {
        Space::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The DTCG name.
    pub fn name(self) -> &'static str {
        match self {
            Space::Srgb => "srgb",
            Space::SrgbLinear => "srgb-linear",
            Space::Hsl => "hsl",
            Space::Hwb => "hwb",
            Space::Lab => "lab",
            Space::Lch => "lch",
            Space::Oklab => "oklab",
            Space::Oklch => "oklch",
            Space::DisplayP3 => "display-p3",
            Space::A98Rgb => "a98-rgb",
            Space::ProphotoRgb => "prophoto-rgb",
            Space::Rec2020 => "rec2020",
            Space::XyzD50 => "xyz-d50",
            Space::XyzD65 => "xyz-d65",
        }
    }
}

/// A colour: three components in its space and an alpha.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// The space the components are in.
    pub space: Space,
    /// The components (`none` read as 0, as CSS does when converting).
    pub components: [f64; 3],
    /// Opacity, 0..1.
    pub alpha: f64,
}

mod convert;
mod gamut;
mod parse;

pub use parse::{parse_css, parse_css_color};

use convert::{
    from_xyz65, is_srgb_family, srgb_family, srgb_to_hsl, srgb_to_hwb, srgb_to_linear, to_xyz65,
};
use gamut::{clip, distance, in_srgb_gamut, map_oklch_to_srgb};

impl Color {
    /// An sRGB colour.
    pub fn srgb(channels: [f64; 3], alpha: f64) -> Self {
        Self {
            space: Space::Srgb,
            components: channels,
            alpha,
        }
    }

    /// A resolved DTCG colour value (`colorSpace`, `components`, optional `alpha`):
    /// `None` when it is not one (unknown space, a component that is no number or `none`).
    pub fn from_value(v: &Value) -> Option<Self> {
        let space = Space::parse(v.get("colorSpace")?.as_str()?)?;
        let comps = v.get("components")?.as_array()?;
        if comps.len() != 3 {
            return None;
        }
        let mut components = [0.0; 3];
        for (slot, c) in components.iter_mut().zip(comps) {
            *slot = match c {
                Value::String(s) if s == "none" => 0.0,
                other => other.as_f64()?,
            };
        }
        let alpha = match v.get("alpha") {
            None => 1.0,
            Some(a) => a.as_f64()?,
        };
        Some(Self {
            space,
            components,
            alpha: alpha.clamp(0.0, 1.0),
        })
    }

    /// The components in CIE XYZ (D65).
    pub fn xyz_d65(&self) -> [f64; 3] {
        to_xyz65(self.space, self.components)
    }

    /// The same colour in `space` (not gamut-mapped).
    #[must_use]
    pub fn to_space(&self, space: Space) -> Self {
        let components = if space == self.space {
            self.components
        } else if let (Some(rgb), true) = (
            srgb_family(self.space, self.components),
            is_srgb_family(space),
        ) {
            // sRGB, HSL and HWB are one gamut: convert directly, exactly.
            match space {
                Space::Hsl => srgb_to_hsl(rgb),
                Space::Hwb => srgb_to_hwb(rgb),
                _ => rgb,
            }
        } else {
            from_xyz65(space, self.xyz_d65())
        };
        Self {
            space,
            components,
            alpha: self.alpha,
        }
    }

    /// `OKLab` (L 0..1).
    pub fn oklab(&self) -> [f64; 3] {
        self.to_space(Space::Oklab).components
    }

    /// `OKLCH` (L 0..1, chroma, hue in degrees, 0 for greys).
    pub fn oklch(&self) -> [f64; 3] {
        self.to_space(Space::Oklch).components
    }

    /// Whether the colour fits sRGB.
    pub fn in_srgb(&self) -> bool {
        in_srgb_gamut(self.to_space(Space::Srgb).components)
    }

    /// sRGB channels (0..1) of the colour, gamut-mapped (CSS Color 4) when it does not fit.
    pub fn to_srgb(&self) -> [f64; 3] {
        let srgb = self.to_space(Space::Srgb).components;
        if in_srgb_gamut(srgb) {
            return clip(srgb);
        }
        map_oklch_to_srgb(self.oklch())
    }

    /// `#rrggbb` of the gamut-mapped sRGB colour (alpha left out).
    pub fn hex(&self) -> String {
        hex(self.to_srgb())
    }

    /// `#rrggbb`, or `#rrggbbaa` when translucent.
    pub fn hex_with_alpha(&self) -> String {
        if self.alpha < 1.0 {
            format!("{}{:02x}", self.hex(), byte(self.alpha))
        } else {
            self.hex()
        }
    }

    /// WCAG 2.x relative luminance of the gamut-mapped sRGB colour (alpha ignored).
    pub fn luminance(&self) -> f64 {
        luminance(self.to_srgb())
    }
}

fn byte(x: f64) -> u8 {
    (x.clamp(0.0, 1.0) * 255.0).round() as u8
}

/// `#rrggbb` of sRGB channels (clamped to 0..1).
pub fn hex(c: [f64; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", byte(c[0]), byte(c[1]), byte(c[2]))
}

/// `fg` drawn over an opaque `bg` (alpha compositing in sRGB, as browsers do).
pub fn over(fg: ([f64; 3], f64), bg: [f64; 3]) -> [f64; 3] {
    let (c, a) = fg;
    [0, 1, 2].map(|i| c[i] * a + bg[i] * (1.0 - a))
}

/// WCAG 2.x relative luminance of sRGB channels.
pub fn luminance(c: [f64; 3]) -> f64 {
    let [r, g, b] = srgb_to_linear(clip(c));
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG 2.x contrast ratio (1 to 21) between two opaque sRGB colours.
pub fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The contrast of a foreground colour value over a background colour value, in any
/// spaces (both gamut-mapped to sRGB; a translucent background is taken over white,
/// the page).
pub fn contrast_of(fg: &Value, bg: &Value) -> Option<f64> {
    let (fg, bg) = (Color::from_value(fg)?, Color::from_value(bg)?);
    let bg = over((bg.to_srgb(), bg.alpha), [1.0; 3]);
    let fg = over((fg.to_srgb(), fg.alpha), bg);
    Some(contrast(fg, bg))
}

/// deltaE OK (`OKLab` distance, 0..~1) between two colours of any spaces.
pub fn delta_e_ok(a: &Color, b: &Color) -> f64 {
    distance(a.oklab(), b.oklab())
}

/// deltaE OK between two colour values, when both are colours.
pub fn delta_e_ok_of(a: &Value, b: &Value) -> Option<f64> {
    Some(delta_e_ok(&Color::from_value(a)?, &Color::from_value(b)?))
}

/// `oklch(L C H)` text of a colour (L in %, rounded for display).
pub fn oklch_text(c: &Color) -> String {
    let [l, chroma, hue] = c.oklch();
    if chroma < 0.000_5 {
        return format!("oklch({:.1}% 0 0)", l * 100.0);
    }
    format!("oklch({:.1}% {chroma:.3} {hue:.1})", l * 100.0)
}

/// The hex of a colour value's components: what a reader should see for it (a stored
/// `hex` member is only a hint and loses to the components).
pub fn hex_of_value(v: &Value) -> Option<String> {
    Color::from_value(v).map(|c| c.hex_with_alpha())
}

/// A stored `hex` that disagrees with the components: `(stored, from components)`.
/// Up to one step (1/255) per channel is rounding by the tool that wrote it, not a
/// disagreement.
pub fn stale_hex(v: &Value) -> Option<(String, String)> {
    let stored = v.get("hex")?.as_str()?;
    let (rgb, _) = parse_css_color(stored)?;
    let c = Color::from_value(v)?;
    let computed = c.to_srgb();
    let off = (0..3).any(|i| (i32::from(byte(rgb[i])) - i32::from(byte(computed[i]))).abs() > 1);
    off.then(|| (stored.to_string(), hex(computed)))
}

/// `v` with the `hex` member of every colour in it (nested ones too) left out: the value
/// as far as the colour goes, for comparing two values.
pub fn without_hex(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let colour = m.contains_key("colorSpace");
            Value::Object(
                m.iter()
                    .filter(|(k, _)| !(colour && *k == "hex"))
                    .map(|(k, x)| (k.clone(), without_hex(x)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(without_hex).collect()),
        other => other.clone(),
    }
}

/// `v` with every stale `hex` member (see [`stale_hex`]), nested ones too, replaced by the
/// hex of the colour's components.
pub fn with_true_hex(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let fixed = stale_hex(v).map(|(_, hex)| hex);
            Value::Object(
                m.iter()
                    .map(|(k, x)| match (&fixed, k.as_str()) {
                        (Some(hex), "hex") => (k.clone(), Value::String(hex.clone())),
                        _ => (k.clone(), with_true_hex(x)),
                    })
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(with_true_hex).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use convert::rec2020_to_linear;
    use serde_json::json;

    fn close(a: [f64; 3], b: [f64; 3], tol: f64) -> bool {
        (0..3).all(|i| (a[i] - b[i]).abs() <= tol)
    }

    fn in_space(space: Space, c: [f64; 3]) -> Color {
        Color {
            space,
            components: c,
            alpha: 1.0,
        }
    }

    #[test]
    fn wcag_reference_pairs() {
        // Ratios from the WCAG 2.x understanding documents and WebAIM's checker.
        let white = [1.0; 3];
        let grey = |h: &str| parse_css_color(h).unwrap().0;
        let r = contrast(grey("#777"), white);
        assert!((r - 4.48).abs() < 0.005, "{r}");
        let r = contrast(grey("#767676"), white);
        assert!((r - 4.54).abs() < 0.005, "{r}");
        let r = contrast(grey("#000"), white);
        assert!((r - 21.0).abs() < 1e-9, "{r}");
    }

    #[test]
    fn white_points() {
        // D65 and D50 from their 4-figure CIE xy chromaticities (CSS Color 4, section 10).
        let white = Color::srgb([1.0; 3], 1.0);
        assert!(close(
            white.xyz_d65(),
            [0.950_455_927, 1.0, 1.089_057_751],
            1e-6
        ));
        assert!(close(
            white.to_space(Space::XyzD50).components,
            [0.964_295_676, 1.0, 0.825_104_602],
            1e-6
        ));
        assert!(close(white.oklab(), [1.0, 0.0, 0.0], 1e-6));
        assert!(close(
            white.to_space(Space::Lab).components,
            [100.0, 0.0, 0.0],
            1e-4
        ));
    }

    #[test]
    fn srgb_red_in_other_spaces() {
        // Reference values from colorjs.io (`new Color("red").to(space)`) and culori.
        let red = Color::srgb([1.0, 0.0, 0.0], 1.0);
        let to = |s: Space| red.to_space(s).components;
        assert!(close(
            to(Space::Oklab),
            [0.627_955_4, 0.224_863_1, 0.125_846_3],
            1e-6
        ));
        assert!(close(
            to(Space::Oklch),
            [0.627_955_4, 0.257_683, 29.2339],
            1e-4
        ));
        assert!(close(to(Space::Lab), [54.2905, 80.8049, 69.891], 0.02));
        assert!(close(
            to(Space::DisplayP3),
            [0.917_45, 0.200_26, 0.138_56],
            1e-3
        ));
        assert!(close(to(Space::A98Rgb), [0.858_6, 0.0, 0.0], 1e-3));
        assert!(close(to(Space::SrgbLinear), [1.0, 0.0, 0.0], 1e-12));
        // ColorAide 8.13 (`Color("red").convert(space)`).
        // (ColorAide encodes rec2020 with the BT.1886 gamma 2.4; CSS Color 4's sample code,
        // followed here, with the BT.2020 curve: compare the linear light.)
        assert!(close(
            rec2020_to_linear(to(Space::Rec2020)),
            [0.627_403_9, 0.069_097_3, 0.016_391_4],
            1e-6
        ));
        assert!(close(
            to(Space::ProphotoRgb),
            [0.702_250_6, 0.275_721_1, 0.103_547_7],
            // ColorAide derives its ProPhoto matrix itself; the sample code's differs
            // in the sixth decimal.
            1e-5
        ));
        assert!(close(
            to(Space::XyzD50),
            [0.436_065_7, 0.222_493_2, 0.013_923_9],
            1e-6
        ));
        assert!(close(
            to(Space::XyzD65),
            [0.412_390_8, 0.212_639_0, 0.019_330_8],
            1e-6
        ));
        assert!(close(to(Space::Hsl), [0.0, 100.0, 50.0], 1e-9));
        assert!(close(to(Space::Hwb), [0.0, 0.0, 0.0], 1e-9));
        // `#3b82f6`: oklch(62.3% 0.188 259.8) in colorjs.io and oklch.com.
        let blue = Color::srgb(parse_css_color("#3b82f6").unwrap().0, 1.0);
        assert!(oklch_text(&blue).starts_with("oklch(62.3% 0.188 259."));
        assert_eq!(oklch_text(&Color::srgb([1.0; 3], 1.0)), "oklch(100.0% 0 0)");
    }

    #[test]
    fn cylindrical_spaces_by_their_definitions() {
        // CSS Color 4 examples: hsl(120deg 100% 25%) is rgb(0 128 0); hwb(120 40% 40%)
        // mixes pure green with 40% white and 40% black.
        assert_eq!(in_space(Space::Hsl, [120.0, 100.0, 25.0]).hex(), "#008000");
        assert_eq!(in_space(Space::Hwb, [120.0, 40.0, 40.0]).hex(), "#669966");
        assert_eq!(in_space(Space::Hwb, [0.0, 60.0, 60.0]).hex(), "#808080");
        assert_eq!(
            in_space(Space::Lch, [54.2905, 106.8372, 40.8526]).hex(),
            "#ff0000"
        );
    }

    #[test]
    fn every_space_round_trips() {
        let colours = [
            [0.2, 0.4, 0.6],
            [0.9, 0.1, 0.3],
            [0.0, 0.0, 0.0],
            [1.0, 1.0, 1.0],
        ];
        for rgb in colours {
            let c = Color::srgb(rgb, 1.0);
            for space in Space::ALL {
                let back = c.to_space(space).to_space(Space::Srgb).components;
                assert!(close(back, rgb, 1e-9), "{space:?} {rgb:?} -> {back:?}");
                assert_eq!(Space::parse(space.name()), Some(space));
            }
        }
    }

    #[test]
    fn gamut_mapping_keeps_lightness_and_hue() {
        // Display P3 red is outside sRGB; CSS Color 4 mapping lands inside, near sRGB red.
        let p3_red = in_space(Space::DisplayP3, [1.0, 0.0, 0.0]);
        assert!(!p3_red.in_srgb());
        let mapped = Color::srgb(p3_red.to_srgb(), 1.0);
        assert!(mapped.in_srgb());
        let (o, m) = (p3_red.oklch(), mapped.oklch());
        assert!((o[0] - m[0]).abs() < 0.02, "{o:?} {m:?}");
        assert!((o[2] - m[2]).abs() < 2.0, "{o:?} {m:?}");
        assert!(m[1] < o[1]);
        // Reference results of the same algorithm: ColorAide 8.13, `fit(method="oklch-chroma")`.
        let cases = [
            (Space::DisplayP3, [1.0, 0.0, 0.0], "#ff0b0c"),
            (Space::DisplayP3, [0.0, 1.0, 0.0], "#00fb29"),
            (Space::Rec2020, [1.0, 0.0, 0.0], "#ff494f"),
            (Space::Lab, [50.0, 100.0, -100.0], "#bd2dff"),
            (Space::Oklch, [0.98, 0.01, 250.0], "#f4f9ff"),
            (Space::Oklch, [0.7, 0.4, 150.0], "#00c248"),
        ];
        for (space, c, hex) in cases {
            assert_eq!(in_space(space, c).hex(), hex, "{space:?} {c:?}");
        }
        let m = Color::srgb(in_space(Space::Oklch, [0.7, 0.4, 150.0]).to_srgb(), 1.0).oklch();
        assert!(close(m, [0.709_143, 0.210_391, 147.064_946], 1e-5), "{m:?}");
        // Far out of gamut: the chroma drops until clipping is within the JND.
        let vivid = in_space(Space::Oklch, [0.7, 0.4, 150.0]);
        let m = Color::srgb(vivid.to_srgb(), 1.0).oklch();
        // (clipping the last step may turn the hue a little: within the JND)
        assert!(
            (m[0] - 0.7).abs() < 0.02 && (m[2] - 150.0).abs() < 5.0,
            "{m:?}"
        );
        assert!(m[1] < 0.4);
        // Lightness at either end is white or black.
        assert_eq!(in_space(Space::Oklch, [1.0, 0.3, 100.0]).hex(), "#ffffff");
        assert_eq!(in_space(Space::Oklch, [0.0, 0.3, 100.0]).hex(), "#000000");
        // In gamut: unchanged.
        assert_eq!(Color::srgb([0.2, 0.4, 0.6], 1.0).to_srgb(), [0.2, 0.4, 0.6]);
    }

    #[test]
    fn contrast_of_any_space() {
        let white = json!({"colorSpace": "srgb", "components": [1, 1, 1]});
        let near_white = json!({"colorSpace": "oklch", "components": [0.98, 0.01, 250]});
        let r = contrast_of(&near_white, &white).unwrap();
        assert!(r < 1.2, "{r}");
        let black = json!({"colorSpace": "hsl", "components": [0, 0, 0]});
        let r = contrast_of(&black, &white).unwrap();
        assert!((r - 21.0).abs() < 1e-9, "{r}");
        assert!(
            contrast_of(
                &json!({"colorSpace": "cmyk", "components": [0, 0, 0]}),
                &white
            )
            .is_none()
        );
    }

    #[test]
    fn delta_e_of_black_and_white_is_one() {
        let black = json!({"colorSpace": "srgb", "components": [0, 0, 0]});
        let white = json!({"colorSpace": "oklch", "components": [1, 0, "none"]});
        let d = delta_e_ok_of(&black, &white).unwrap();
        assert!((d - 1.0).abs() < 1e-6, "{d}");
    }

    #[test]
    fn stale_hex_is_found() {
        let v =
            json!({"colorSpace": "srgb", "components": [0.1451, 0.3882, 0.851], "hex": "#2563eb"});
        assert_eq!(stale_hex(&v), Some(("#2563eb".into(), "#2563d9".into())));
        let v =
            json!({"colorSpace": "srgb", "components": [0.1451, 0.3882, 0.9216], "hex": "#2563EB"});
        assert_eq!(stale_hex(&v), None);
        assert_eq!(hex_of_value(&v).as_deref(), Some("#2563eb"));
    }

    #[test]
    fn hex_members_set_aside_or_corrected() {
        let v = json!({"color": {"colorSpace": "srgb", "components": [0, 0.5, 0.9], "hex": "#0066cc"}, "width": {"value": 1, "unit": "px"}});
        assert_eq!(
            without_hex(&v),
            json!({"color": {"colorSpace": "srgb", "components": [0, 0.5, 0.9]}, "width": {"value": 1, "unit": "px"}})
        );
        assert_eq!(with_true_hex(&v)["color"]["hex"], json!("#0080e6"));
        assert_eq!(with_true_hex(&v)["width"], v["width"]);
    }

    #[test]
    fn css_colors() {
        assert_eq!(parse_css_color("#fff"), Some(([1.0, 1.0, 1.0], 1.0)));
        assert_eq!(
            parse_css_color("#ff000080").map(|c| c.0),
            Some([1.0, 0.0, 0.0])
        );
        let (rgb, a) = parse_css_color("rgba(255, 0, 0, 0.5)").unwrap();
        assert_eq!((rgb, a), ([1.0, 0.0, 0.0], 0.5));
        assert!(parse_css_color("#ggg").is_none());
        assert!(parse_css_color("#ff").is_none());
    }
}
