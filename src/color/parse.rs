//! The CSS colour strings legacy token formats hold.

/// Parses the colour strings legacy token files hold: `#rgb`, `#rgba`, `#rrggbb`,
/// `#rrggbbaa`, `rgb()` and `rgba()`, into sRGB channels (0..1) and alpha.
pub fn parse_css_color(t: &str) -> Option<([f64; 3], f64)> {
    let t = t.trim();
    if let Some(hex) = t.strip_prefix('#') {
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        let short = |i: usize| digit(i).map(|d| f64::from(d * 17) / 255.0);
        let long = |i: usize| pair(i).map(|d| f64::from(d) / 255.0);
        return match hex.len() {
            3 => Some(([short(0)?, short(1)?, short(2)?], 1.0)),
            4 => Some(([short(0)?, short(1)?, short(2)?], short(3)?)),
            6 => Some(([long(0)?, long(2)?, long(4)?], 1.0)),
            8 => Some(([long(0)?, long(2)?, long(4)?], long(6)?)),
            _ => None,
        };
    }
    let lower = t.to_ascii_lowercase();
    let inner = lower
        .strip_prefix("rgba(")
        .or_else(|| lower.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<&str> = inner
        .split([',', '/', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 3 || parts.len() > 4 {
        return None;
    }
    let channel = |p: &str| -> Option<f64> {
        if let Some(pct) = p.strip_suffix('%') {
            pct.parse::<f64>().ok().map(|v| v / 100.0)
        } else {
            p.parse::<f64>().ok().map(|v| v / 255.0)
        }
    };
    let alpha = match parts.get(3) {
        Some(a) => {
            if let Some(pct) = a.strip_suffix('%') {
                pct.parse::<f64>().ok()? / 100.0
            } else {
                a.parse::<f64>().ok()?
            }
        }
        None => 1.0,
    };
    Some((
        [channel(parts[0])?, channel(parts[1])?, channel(parts[2])?],
        alpha,
    ))
}

/// Parses any CSS Color 4 colour string into a colour in the space it was written in:
/// hex, `rgb()`/`rgba()` (sRGB), `hsl()`/`hsla()`, `hwb()`, `lab()`, `lch()`,
/// `oklab()`, `oklch()`, `color(<space> ...)`, the named colours and `transparent`.
/// Percentages map onto each space's reference range as CSS defines it; `none` is 0.
pub fn parse_css(t: &str) -> Option<super::Color> {
    use super::{Color, Space};
    let t = t.trim();
    if let Some((rgb, alpha)) = parse_css_color(t) {
        return Some(Color::srgb(rgb, alpha));
    }
    let lower = t.to_ascii_lowercase();
    if lower == "transparent" {
        return Some(Color::srgb([0.0; 3], 0.0));
    }
    if lower.bytes().all(|b| b.is_ascii_lowercase()) {
        // The 148 named colours of CSS Color 4 (the crate's table, not a copy of it).
        let named = csscolorparser::parse(&lower).ok()?.to_rgba8();
        let channels = [named[0], named[1], named[2]].map(|x| f64::from(x) / 255.0);
        return Some(Color::srgb(channels, 1.0));
    }
    let open = lower.find('(')?;
    let name = lower[..open].trim();
    let inner = lower[open + 1..].strip_suffix(')')?;
    let (space, args) = if name == "color" {
        let inner = inner.trim_start();
        let end = inner.find(char::is_whitespace)?;
        let space = match &inner[..end] {
            "xyz" => Space::XyzD65,
            s => Space::parse(s)?,
        };
        (space, &inner[end..])
    } else {
        let space = match name {
            "hsl" | "hsla" => Space::Hsl,
            "hwb" => Space::Hwb,
            "lab" => Space::Lab,
            "lch" => Space::Lch,
            "oklab" => Space::Oklab,
            "oklch" => Space::Oklch,
            _ => return None,
        };
        (space, inner)
    };
    let parts: Vec<&str> = args
        .split([',', '/', ' ', '\t', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 3 || parts.len() > 4 {
        return None;
    }
    // What 100% means for each component, per CSS Color 4 (hues take no percentage).
    let percent_scale: [f64; 3] = match space {
        Space::Hsl | Space::Hwb => [1.0, 100.0, 100.0],
        Space::Lab => [100.0, 125.0, 125.0],
        Space::Lch => [100.0, 150.0, 1.0],
        Space::Oklab => [1.0, 0.4, 0.4],
        Space::Oklch => [1.0, 0.4, 1.0],
        _ => [1.0, 1.0, 1.0],
    };
    let hue_at = match space {
        Space::Hsl | Space::Hwb => Some(0),
        Space::Lch | Space::Oklch => Some(2),
        _ => None,
    };
    let mut components = [0.0; 3];
    for (i, slot) in components.iter_mut().enumerate() {
        let p = parts[i];
        *slot = if p == "none" {
            0.0
        } else if hue_at == Some(i) {
            hue(p)?
        } else if let Some(pct) = p.strip_suffix('%') {
            pct.parse::<f64>().ok()? / 100.0 * percent_scale[i]
        } else {
            p.parse::<f64>().ok()?
        };
    }
    let alpha = match parts.get(3) {
        Some(&"none") => 0.0,
        Some(a) => match a.strip_suffix('%') {
            Some(pct) => pct.parse::<f64>().ok()? / 100.0,
            None => a.parse::<f64>().ok()?,
        },
        None => 1.0,
    };
    if !components.iter().all(|c| c.is_finite()) || !alpha.is_finite() {
        return None;
    }
    Some(Color {
        space,
        components,
        alpha: alpha.clamp(0.0, 1.0),
    })
}

/// A CSS `<hue>`: a number of degrees or an angle (`deg`, `rad`, `grad`, `turn`),
/// normalised into [0, 360).
fn hue(p: &str) -> Option<f64> {
    let deg = if let Some(v) = p.strip_suffix("deg") {
        v.parse::<f64>().ok()?
    } else if let Some(v) = p.strip_suffix("grad") {
        v.parse::<f64>().ok()? * 0.9
    } else if let Some(v) = p.strip_suffix("rad") {
        v.parse::<f64>().ok()?.to_degrees()
    } else if let Some(v) = p.strip_suffix("turn") {
        v.parse::<f64>().ok()? * 360.0
    } else {
        p.parse::<f64>().ok()?
    };
    deg.is_finite().then(|| deg.rem_euclid(360.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::color::Space;

    fn parsed(t: &str) -> (Space, [f64; 3], f64) {
        let c = parse_css(t).unwrap_or_else(|| panic!("{t} does not parse"));
        let r = |x: f64| (x * 10_000.0).round() / 10_000.0;
        (c.space, c.components.map(r), r(c.alpha))
    }

    #[test]
    fn every_css_colour_notation_keeps_its_space() {
        assert_eq!(parsed("#fff"), (Space::Srgb, [1.0, 1.0, 1.0], 1.0));
        assert_eq!(parsed("#0000"), (Space::Srgb, [0.0, 0.0, 0.0], 0.0));
        assert_eq!(parsed("transparent"), (Space::Srgb, [0.0, 0.0, 0.0], 0.0));
        assert_eq!(parsed("RebeccaPurple"), (Space::Srgb, [0.4, 0.2, 0.6], 1.0));
        assert_eq!(
            parsed("hsl(120, 50%, 25%)"),
            (Space::Hsl, [120.0, 50.0, 25.0], 1.0)
        );
        assert_eq!(
            parsed("hsla(0.5turn 10% 20% / 50%)"),
            (Space::Hsl, [180.0, 10.0, 20.0], 0.5)
        );
        assert_eq!(
            parsed("hwb(-90 10% 0%)"),
            (Space::Hwb, [270.0, 10.0, 0.0], 1.0)
        );
        assert_eq!(
            parsed("oklch(62.8% 0.2577 29.23)"),
            (Space::Oklch, [0.628, 0.2577, 29.23], 1.0)
        );
        assert_eq!(
            parsed("oklch(0.7 100% 30 / 0.25)"),
            (Space::Oklch, [0.7, 0.4, 30.0], 0.25)
        );
        assert_eq!(
            parsed("oklab(0.5 -0.1 0.1)"),
            (Space::Oklab, [0.5, -0.1, 0.1], 1.0)
        );
        assert_eq!(
            parsed("lab(50% 40 -20)"),
            (Space::Lab, [50.0, 40.0, -20.0], 1.0)
        );
        assert_eq!(
            parsed("lch(50% 100% 1rad)"),
            (Space::Lch, [50.0, 150.0, 57.2958], 1.0)
        );
        assert_eq!(
            parsed("color(display-p3 1 0.5 none)"),
            (Space::DisplayP3, [1.0, 0.5, 0.0], 1.0)
        );
        assert_eq!(
            parsed("color(xyz 0.1 0.2 0.3)"),
            (Space::XyzD65, [0.1, 0.2, 0.3], 1.0)
        );
    }

    #[test]
    fn what_is_not_a_colour_is_refused() {
        for t in [
            "blurple",
            "hsl(1 2)",
            "oklch(a b c)",
            "color(nope 1 2 3)",
            "rgb(1,2,3",
            "#12345",
        ] {
            assert!(parse_css(t).is_none(), "{t}");
        }
    }
}
