//! Conversions between the DTCG colour spaces through XYZ D65: the CSS Color 4 sample
//! code's matrices and transfer functions, in `f64`.

use super::Space;

// The constants below are the CSS Color 4 sample code's (conversions.js), digit for
// digit, so that they can be checked against it; rationals are kept as written.
#[allow(clippy::unreadable_literal, clippy::excessive_precision)]
pub(super) mod m {
    pub(super) type M3 = [[f64; 3]; 3];

    pub(super) const D50: [f64; 3] = [0.3457 / 0.3585, 1.0, (1.0 - 0.3457 - 0.3585) / 0.3585];

    pub(super) const SRGB_TO_XYZ: M3 = [
        [506752.0 / 1228815.0, 87881.0 / 245763.0, 12673.0 / 70218.0],
        [87098.0 / 409605.0, 175762.0 / 245763.0, 12673.0 / 175545.0],
        [7918.0 / 409605.0, 87881.0 / 737289.0, 1001167.0 / 1053270.0],
    ];
    pub(super) const XYZ_TO_SRGB: M3 = [
        [12831.0 / 3959.0, -329.0 / 214.0, -1974.0 / 3959.0],
        [
            -851781.0 / 878810.0,
            1648619.0 / 878810.0,
            36519.0 / 878810.0,
        ],
        [705.0 / 12673.0, -2585.0 / 12673.0, 705.0 / 667.0],
    ];

    pub(super) const P3_TO_XYZ: M3 = [
        [
            608311.0 / 1250200.0,
            189793.0 / 714400.0,
            198249.0 / 1000160.0,
        ],
        [
            35783.0 / 156275.0,
            247089.0 / 357200.0,
            198249.0 / 2500400.0,
        ],
        [0.0, 32229.0 / 714400.0, 5220557.0 / 5000800.0],
    ];
    pub(super) const XYZ_TO_P3: M3 = [
        [
            446124.0 / 178915.0,
            -333277.0 / 357830.0,
            -72051.0 / 178915.0,
        ],
        [-14852.0 / 17905.0, 63121.0 / 35810.0, 423.0 / 17905.0],
        [11844.0 / 330415.0, -50337.0 / 660830.0, 316169.0 / 330415.0],
    ];

    pub(super) const PROPHOTO_TO_XYZ50: M3 = [
        [
            0.79776664490064230,
            0.13518129740053308,
            0.03134773412839220,
        ],
        [
            0.28807482881940130,
            0.71183523424187300,
            0.00008993693872564,
        ],
        [0.0, 0.0, 0.82510460251046020],
    ];
    pub(super) const XYZ50_TO_PROPHOTO: M3 = [
        [
            1.34578688164715830,
            -0.25557208737979464,
            -0.05110186497554526,
        ],
        [
            -0.54463070512490190,
            1.50824774284514680,
            0.02052744743642139,
        ],
        [0.0, 0.0, 1.21196754563894520],
    ];

    pub(super) const A98_TO_XYZ: M3 = [
        [
            573536.0 / 994567.0,
            263643.0 / 1420810.0,
            187206.0 / 994567.0,
        ],
        [
            591459.0 / 1989134.0,
            6239551.0 / 9945670.0,
            374412.0 / 4972835.0,
        ],
        [
            53769.0 / 1989134.0,
            351524.0 / 4972835.0,
            4929758.0 / 4972835.0,
        ],
    ];
    pub(super) const XYZ_TO_A98: M3 = [
        [
            1829569.0 / 896150.0,
            -506331.0 / 896150.0,
            -308931.0 / 896150.0,
        ],
        [
            -851781.0 / 878810.0,
            1648619.0 / 878810.0,
            36519.0 / 878810.0,
        ],
        [
            16779.0 / 1248040.0,
            -147721.0 / 1248040.0,
            1266979.0 / 1248040.0,
        ],
    ];

    pub(super) const REC2020_TO_XYZ: M3 = [
        [
            63426534.0 / 99577255.0,
            20160776.0 / 139408157.0,
            47086771.0 / 278816314.0,
        ],
        [
            26158966.0 / 99577255.0,
            472592308.0 / 697040785.0,
            8267143.0 / 139408157.0,
        ],
        [0.0, 19567812.0 / 697040785.0, 295819943.0 / 278816314.0],
    ];
    pub(super) const XYZ_TO_REC2020: M3 = [
        [
            30757411.0 / 17917100.0,
            -6372589.0 / 17917100.0,
            -4539589.0 / 17917100.0,
        ],
        [
            -19765991.0 / 29648200.0,
            47925759.0 / 29648200.0,
            467509.0 / 29648200.0,
        ],
        [
            792561.0 / 44930125.0,
            -1921689.0 / 44930125.0,
            42328811.0 / 44930125.0,
        ],
    ];
    pub(super) const REC2020_ALPHA: f64 = 1.09929682680944;
    pub(super) const REC2020_BETA: f64 = 0.018053968510807;

    /// Bradford chromatic adaptation.
    pub(super) const D65_TO_D50: M3 = [
        [
            1.0479297925449969,
            0.022946870601609652,
            -0.05019226628920524,
        ],
        [
            0.02962780877005599,
            0.9904344267538799,
            -0.017073799063418826,
        ],
        [
            -0.009243040646204504,
            0.015055191490298152,
            0.7518742814281371,
        ],
    ];
    pub(super) const D50_TO_D65: M3 = [
        [0.955473421488075, -0.02309845494876471, 0.06325924320057072],
        [
            -0.0283697093338637,
            1.0099953980813041,
            0.021041441191917323,
        ],
        [
            0.012314014864481998,
            -0.020507649298898964,
            1.330365926242124,
        ],
    ];

    pub(super) const XYZ_TO_LMS: M3 = [
        [0.8190224379967030, 0.3619062600528904, -0.1288737815209879],
        [0.0329836539323885, 0.9292868615863434, 0.0361446663506424],
        [0.0481771893596242, 0.2642395317527308, 0.6335478284694309],
    ];
    pub(super) const LMS_TO_OKLAB: M3 = [
        [0.2104542683093140, 0.7936177747023054, -0.0040720430116193],
        [1.9779985324311684, -2.4285922420485799, 0.4505937096174110],
        [0.0259040424655478, 0.7827717124575296, -0.8086757549230774],
    ];
    pub(super) const LMS_TO_XYZ: M3 = [
        [1.2268798758459243, -0.5578149944602171, 0.2813910456659647],
        [-0.0405757452148008, 1.1122868032803170, -0.0717110580655164],
        [-0.0763729366746601, -0.4214933324022432, 1.5869240198367816],
    ];
    pub(super) const OKLAB_TO_LMS: M3 = [
        [1.0, 0.3963377773761749, 0.2158037573099136],
        [1.0, -0.1055613458156586, -0.0638541728258133],
        [1.0, -0.0894841775298119, -1.2914855480194092],
    ];
}

pub(super) fn mul(m: &m::M3, v: [f64; 3]) -> [f64; 3] {
    [
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    ]
}

/// Applies a transfer function mirrored for negative values (the extended ones of CSS).
pub(super) fn signed(v: [f64; 3], f: impl Fn(f64) -> f64) -> [f64; 3] {
    v.map(|x| x.signum() * f(x.abs()))
}

pub(super) fn srgb_to_linear(v: [f64; 3]) -> [f64; 3] {
    signed(v, |x| {
        if x <= 0.040_45 {
            x / 12.92
        } else {
            ((x + 0.055) / 1.055).powf(2.4)
        }
    })
}

pub(super) fn srgb_from_linear(v: [f64; 3]) -> [f64; 3] {
    signed(v, |x| {
        if x > 0.003_130_8 {
            1.055 * x.powf(1.0 / 2.4) - 0.055
        } else {
            12.92 * x
        }
    })
}

pub(super) fn prophoto_to_linear(v: [f64; 3]) -> [f64; 3] {
    signed(v, |x| {
        if x <= 16.0 / 512.0 {
            x / 16.0
        } else {
            x.powf(1.8)
        }
    })
}

pub(super) fn prophoto_from_linear(v: [f64; 3]) -> [f64; 3] {
    signed(v, |x| {
        if x >= 1.0 / 512.0 {
            x.powf(1.0 / 1.8)
        } else {
            16.0 * x
        }
    })
}

pub(super) fn a98_to_linear(v: [f64; 3]) -> [f64; 3] {
    signed(v, |x| x.powf(563.0 / 256.0))
}

pub(super) fn a98_from_linear(v: [f64; 3]) -> [f64; 3] {
    signed(v, |x| x.powf(256.0 / 563.0))
}

pub(super) fn rec2020_to_linear(v: [f64; 3]) -> [f64; 3] {
    let (a, b) = (m::REC2020_ALPHA, m::REC2020_BETA);
    signed(v, |x| {
        if x < b * 4.5 {
            x / 4.5
        } else {
            ((x + a - 1.0) / a).powf(1.0 / 0.45)
        }
    })
}

pub(super) fn rec2020_from_linear(v: [f64; 3]) -> [f64; 3] {
    let (a, b) = (m::REC2020_ALPHA, m::REC2020_BETA);
    signed(v, |x| {
        if x > b {
            a * x.powf(0.45) - (a - 1.0)
        } else {
            4.5 * x
        }
    })
}

/// Hue in degrees within [0, 360).
pub(super) fn wrap_hue(h: f64) -> f64 {
    let h = h.rem_euclid(360.0);
    if h >= 360.0 { 0.0 } else { h }
}

#[allow(clippy::many_single_char_names)] // the formula's own names
pub(super) fn hsl_to_srgb([h, s, l]: [f64; 3]) -> [f64; 3] {
    let (h, s, l) = (wrap_hue(h), s / 100.0, l / 100.0);
    let f = |n: f64| {
        let k = (n + h / 30.0) % 12.0;
        let a = s * l.min(1.0 - l);
        l - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0)
    };
    [f(0.0), f(8.0), f(4.0)]
}

/// Hue (0 for greys), saturation and lightness of sRGB, as in CSS Color 4.
#[allow(clippy::many_single_char_names)] // the formula's own names
pub(super) fn srgb_to_hsl([r, g, b]: [f64; 3]) -> [f64; 3] {
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let l = f64::midpoint(min, max);
    let d = max - min;
    let (mut h, mut s) = (0.0, 0.0);
    if d != 0.0 {
        s = if l == 0.0 || l == 1.0 {
            0.0
        } else {
            (max - l) / l.min(1.0 - l)
        };
        h = if max == r {
            (g - b) / d + if g < b { 6.0 } else { 0.0 }
        } else if max == g {
            (b - r) / d + 2.0
        } else {
            (r - g) / d + 4.0
        };
        h *= 60.0;
    }
    if s < 0.0 {
        h += 180.0;
        s = s.abs();
    }
    [wrap_hue(h), s * 100.0, l * 100.0]
}

pub(super) fn hwb_to_srgb([h, w, b]: [f64; 3]) -> [f64; 3] {
    let (w, b) = (w / 100.0, b / 100.0);
    if w + b >= 1.0 {
        let grey = w / (w + b);
        return [grey; 3];
    }
    hsl_to_srgb([h, 100.0, 50.0]).map(|c| c * (1.0 - w - b) + w)
}

pub(super) fn srgb_to_hwb(rgb: [f64; 3]) -> [f64; 3] {
    let [h, ..] = srgb_to_hsl(rgb);
    let w = rgb[0].min(rgb[1]).min(rgb[2]);
    let b = 1.0 - rgb[0].max(rgb[1]).max(rgb[2]);
    [h, w * 100.0, b * 100.0]
}

pub(super) const LAB_EPSILON: f64 = 216.0 / 24389.0;
pub(super) const LAB_KAPPA: f64 = 24389.0 / 27.0;

pub(super) fn xyz50_to_lab(xyz: [f64; 3]) -> [f64; 3] {
    let f = [0, 1, 2].map(|i| {
        let v = xyz[i] / m::D50[i];
        if v > LAB_EPSILON {
            v.cbrt()
        } else {
            (LAB_KAPPA * v + 16.0) / 116.0
        }
    });
    [
        116.0 * f[1] - 16.0,
        500.0 * (f[0] - f[1]),
        200.0 * (f[1] - f[2]),
    ]
}

pub(super) fn lab_to_xyz50([l, a, b]: [f64; 3]) -> [f64; 3] {
    let f1 = (l + 16.0) / 116.0;
    let f0 = a / 500.0 + f1;
    let f2 = f1 - b / 200.0;
    let xyz = [
        if f0.powi(3) > LAB_EPSILON {
            f0.powi(3)
        } else {
            (116.0 * f0 - 16.0) / LAB_KAPPA
        },
        if l > LAB_KAPPA * LAB_EPSILON {
            f1.powi(3)
        } else {
            l / LAB_KAPPA
        },
        if f2.powi(3) > LAB_EPSILON {
            f2.powi(3)
        } else {
            (116.0 * f2 - 16.0) / LAB_KAPPA
        },
    ];
    [0, 1, 2].map(|i| xyz[i] * m::D50[i])
}

/// Lightness, chroma, hue (0 when achromatic) of a rectangular `L a b`.
pub(super) fn to_polar([l, a, b]: [f64; 3]) -> [f64; 3] {
    [l, a.hypot(b), wrap_hue(b.atan2(a).to_degrees())]
}

pub(super) fn from_polar([l, c, h]: [f64; 3]) -> [f64; 3] {
    let (sin, cos) = h.to_radians().sin_cos();
    [l, c * cos, c * sin]
}

pub(super) fn xyz65_to_oklab(xyz: [f64; 3]) -> [f64; 3] {
    mul(&m::LMS_TO_OKLAB, mul(&m::XYZ_TO_LMS, xyz).map(f64::cbrt))
}

pub(super) fn oklab_to_xyz65(lab: [f64; 3]) -> [f64; 3] {
    mul(
        &m::LMS_TO_XYZ,
        mul(&m::OKLAB_TO_LMS, lab).map(|c| c.powi(3)),
    )
}

pub(super) fn is_srgb_family(space: Space) -> bool {
    matches!(space, Space::Srgb | Space::Hsl | Space::Hwb)
}

/// sRGB of a colour in sRGB, HSL or HWB.
pub(super) fn srgb_family(space: Space, c: [f64; 3]) -> Option<[f64; 3]> {
    match space {
        Space::Srgb => Some(c),
        Space::Hsl => Some(hsl_to_srgb(c)),
        Space::Hwb => Some(hwb_to_srgb(c)),
        _ => None,
    }
}

pub(super) fn to_xyz65(space: Space, c: [f64; 3]) -> [f64; 3] {
    match space {
        Space::Srgb => mul(&m::SRGB_TO_XYZ, srgb_to_linear(c)),
        Space::SrgbLinear => mul(&m::SRGB_TO_XYZ, c),
        Space::Hsl => to_xyz65(Space::Srgb, hsl_to_srgb(c)),
        Space::Hwb => to_xyz65(Space::Srgb, hwb_to_srgb(c)),
        Space::Lab => mul(&m::D50_TO_D65, lab_to_xyz50(c)),
        Space::Lch => to_xyz65(Space::Lab, from_polar(c)),
        Space::Oklab => oklab_to_xyz65(c),
        Space::Oklch => oklab_to_xyz65(from_polar(c)),
        Space::DisplayP3 => mul(&m::P3_TO_XYZ, srgb_to_linear(c)),
        Space::A98Rgb => mul(&m::A98_TO_XYZ, a98_to_linear(c)),
        Space::ProphotoRgb => mul(
            &m::D50_TO_D65,
            mul(&m::PROPHOTO_TO_XYZ50, prophoto_to_linear(c)),
        ),
        Space::Rec2020 => mul(&m::REC2020_TO_XYZ, rec2020_to_linear(c)),
        Space::XyzD50 => mul(&m::D50_TO_D65, c),
        Space::XyzD65 => c,
    }
}

pub(super) fn from_xyz65(space: Space, xyz: [f64; 3]) -> [f64; 3] {
    match space {
        Space::Srgb => srgb_from_linear(mul(&m::XYZ_TO_SRGB, xyz)),
        Space::SrgbLinear => mul(&m::XYZ_TO_SRGB, xyz),
        Space::Hsl => srgb_to_hsl(from_xyz65(Space::Srgb, xyz)),
        Space::Hwb => srgb_to_hwb(from_xyz65(Space::Srgb, xyz)),
        Space::Lab => xyz50_to_lab(mul(&m::D65_TO_D50, xyz)),
        Space::Lch => to_polar(from_xyz65(Space::Lab, xyz)),
        Space::Oklab => xyz65_to_oklab(xyz),
        Space::Oklch => to_polar(xyz65_to_oklab(xyz)),
        Space::DisplayP3 => srgb_from_linear(mul(&m::XYZ_TO_P3, xyz)),
        Space::A98Rgb => a98_from_linear(mul(&m::XYZ_TO_A98, xyz)),
        Space::ProphotoRgb => {
            prophoto_from_linear(mul(&m::XYZ50_TO_PROPHOTO, mul(&m::D65_TO_D50, xyz)))
        }
        Space::Rec2020 => rec2020_from_linear(mul(&m::XYZ_TO_REC2020, xyz)),
        Space::XyzD50 => mul(&m::D65_TO_D50, xyz),
        Space::XyzD65 => xyz,
    }
}
