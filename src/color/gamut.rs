//! CSS Color 4 gamut mapping into sRGB: OKLCH chroma reduction until clipping moves
//! the colour less than the JND (deltaE OK 0.02).

use super::Space;
use super::convert::{from_polar, from_xyz65, oklab_to_xyz65, to_xyz65, xyz65_to_oklab};

/// How far outside [0, 1] an sRGB channel may be and still count as in gamut (rounding
/// of a converted colour; the same allowance colorjs.io makes).
pub(super) const GAMUT_EPSILON: f64 = 0.000_075;

/// The just-noticeable difference of the CSS Color 4 gamut mapping (deltaE OK).
pub(super) const JND: f64 = 0.02;

pub(super) fn in_srgb_gamut(rgb: [f64; 3]) -> bool {
    rgb.iter()
        .all(|c| (-GAMUT_EPSILON..=1.0 + GAMUT_EPSILON).contains(c))
}

pub(super) fn clip(rgb: [f64; 3]) -> [f64; 3] {
    rgb.map(|c| c.clamp(0.0, 1.0))
}

pub(super) fn distance(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

/// CSS Color 4 gamut mapping of an `OKLCH` colour into sRGB: lower the chroma (binary
/// search) until clipping the result moves it less than the JND.
pub(super) fn map_oklch_to_srgb(origin: [f64; 3]) -> [f64; 3] {
    const EPSILON: f64 = 0.000_1;
    let [l, c, h] = origin;
    if l >= 1.0 {
        return [1.0; 3];
    }
    if l <= 0.0 {
        return [0.0; 3];
    }
    let srgb_of = |chroma: f64| from_xyz65(Space::Srgb, oklab_to_xyz65(from_polar([l, chroma, h])));
    let oklab_of_srgb = |rgb: [f64; 3]| xyz65_to_oklab(to_xyz65(Space::Srgb, rgb));
    let direct = srgb_of(c);
    if in_srgb_gamut(direct) {
        return clip(direct);
    }
    let mut clipped = clip(direct);
    if distance(oklab_of_srgb(clipped), from_polar(origin)) < JND {
        return clipped;
    }
    let (mut min, mut max) = (0.0, c);
    let mut min_in_gamut = true;
    while max - min > EPSILON {
        let chroma = f64::midpoint(min, max);
        let current = srgb_of(chroma);
        if min_in_gamut && in_srgb_gamut(current) {
            min = chroma;
            continue;
        }
        clipped = clip(current);
        let e = distance(oklab_of_srgb(clipped), from_polar([l, chroma, h]));
        if e < JND {
            if JND - e < EPSILON {
                return clipped;
            }
            min_in_gamut = false;
            min = chroma;
        } else {
            max = chroma;
        }
    }
    clipped
}
