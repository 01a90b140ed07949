//! Colour math shared by the docs site and `opends lint`: sRGB channels of a DTCG colour,
//! WCAG 2.2 relative luminance and contrast ratio, and OKLCH for display.

use serde_json::Value;

/// The sRGB channels (0..1) and alpha of a DTCG colour in the `srgb` space.
pub fn srgb(v: &Value) -> Option<([f64; 3], f64)> {
    if v.get("colorSpace").and_then(Value::as_str) != Some("srgb") {
        return None;
    }
    let c = v.get("components")?.as_array()?;
    let ch = |i: usize| c.get(i).and_then(Value::as_f64).map(|x| x.clamp(0.0, 1.0));
    let alpha = v.get("alpha").and_then(Value::as_f64).unwrap_or(1.0);
    Some(([ch(0)?, ch(1)?, ch(2)?], alpha.clamp(0.0, 1.0)))
}

/// `fg` drawn over an opaque `bg` (alpha compositing in sRGB, as browsers do).
pub fn over(fg: ([f64; 3], f64), bg: [f64; 3]) -> [f64; 3] {
    let (c, a) = fg;
    [
        c[0] * a + bg[0] * (1.0 - a),
        c[1] * a + bg[1] * (1.0 - a),
        c[2] * a + bg[2] * (1.0 - a),
    ]
}

fn linear(x: f64) -> f64 {
    if x <= 0.040_45 {
        x / 12.92
    } else {
        ((x + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG 2.2 relative luminance.
pub fn luminance(c: [f64; 3]) -> f64 {
    0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
}

/// WCAG 2.2 contrast ratio (1 to 21) between two opaque colours.
pub fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The contrast of a foreground colour value over a background colour value, when both
/// are sRGB (a translucent background is taken over white, the page).
pub fn contrast_of(fg: &Value, bg: &Value) -> Option<f64> {
    let bg = over(srgb(bg)?, [1.0, 1.0, 1.0]);
    let fg = over(srgb(fg)?, bg);
    Some(contrast(fg, bg))
}

/// `OKLab` of sRGB channels.
#[allow(clippy::many_single_char_names)] // the formula's own names
pub fn oklab(c: [f64; 3]) -> [f64; 3] {
    let (r, g, b) = (linear(c[0]), linear(c[1]), linear(c[2]));
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    [
        0.210_454_255_3 * l + 0.793_617_785 * m - 0.004_072_046_8 * s,
        1.977_998_495_1 * l - 2.428_592_205 * m + 0.450_593_709_9 * s,
        0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766 * s,
    ]
}

/// `oklch(L C H)` text of sRGB channels (L in %, rounded for display).
pub fn oklch_text(c: [f64; 3]) -> String {
    let [l, a, b] = oklab(c);
    let chroma = a.hypot(b);
    let mut hue = b.atan2(a).to_degrees();
    if hue < 0.0 {
        hue += 360.0;
    }
    if chroma < 0.000_5 {
        return format!("oklch({:.1}% 0 0)", l * 100.0);
    }
    format!("oklch({:.1}% {:.3} {:.1})", l * 100.0, chroma, hue)
}

/// `#rrggbb` of sRGB channels.
pub fn hex(c: [f64; 3]) -> String {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let b = |x: f64| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", b(c[0]), b(c[1]), b(c[2]))
}

/// Channels of `#rgb` / `#rrggbb` text.
pub fn parse_hex(text: &str) -> Option<[f64; 3]> {
    let h = text.strip_prefix('#')?;
    let full: String = match h.len() {
        3 => h.chars().flat_map(|c| [c, c]).collect(),
        6 => h.to_string(),
        _ => return None,
    };
    let ch = |i: usize| {
        u8::from_str_radix(&full[i..i + 2], 16)
            .ok()
            .map(|v| f64::from(v) / 255.0)
    };
    Some([ch(0)?, ch(2)?, ch(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcag_reference_pairs() {
        let white = parse_hex("#fff").unwrap();
        let r = contrast(parse_hex("#777").unwrap(), white);
        assert!((r - 4.48).abs() < 0.005, "{r}");
        let r = contrast(parse_hex("#767676").unwrap(), white);
        assert!((r - 4.54).abs() < 0.005, "{r}");
        let r = contrast(parse_hex("#000").unwrap(), white);
        assert!((r - 21.0).abs() < 1e-9, "{r}");
    }

    #[test]
    fn oklch_of_known_colours() {
        assert_eq!(oklch_text([1.0, 1.0, 1.0]), "oklch(100.0% 0 0)");
        assert!(oklch_text(parse_hex("#3b82f6").unwrap()).starts_with("oklch(62.3% 0.188 259."));
    }
}
