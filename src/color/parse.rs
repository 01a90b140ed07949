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
