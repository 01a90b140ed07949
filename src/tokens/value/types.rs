//! The checks of each DTCG value family: colour, dimension and duration units, font
//! family and weight, cubic bezier, stroke style, shadow and gradient.

use crate::model::TokenType;
use crate::tokens::json::{Kind, Node};

use super::{
    COLOR_SPACES, Ctx, EXTRA_DIMENSION_UNITS, Expect, FONT_WEIGHTS, STROKE_KEYWORDS,
    color_space_ranges, composite_with, value,
};

pub(super) fn color(cx: &mut Ctx, node: &Node<'_>) {
    if let Some(s) = node.as_str() {
        cx.problem(
            node,
            "invalid-value",
            format!(
                "a color value must be an object `{{\"colorSpace\": \"srgb\", \"components\": [r, g, b]}}`, found the string `{s}`{}",
                if cx.strict {
                    " (CSS colour strings are read, with a warning, without `--strict`)"
                } else {
                    ""
                }
            ),
        );
        return;
    }
    if !cx.keys(
        node,
        "color",
        &["colorSpace", "components"],
        &["alpha", "hex"],
    ) && node.as_object().is_none()
    {
        return;
    }
    let space_node = node.get("colorSpace");
    let ranges = match space_node {
        Some(s) => {
            if let Some(space) = s.as_str() {
                let r = color_space_ranges(space);
                if r.is_none() {
                    cx.problem(
                        s,
                        "invalid-value",
                        format!(
                            "unknown colorSpace `{space}` (expected one of {})",
                            COLOR_SPACES.join(", ")
                        ),
                    );
                }
                r.map(|r| (space, r))
            } else {
                cx.problem(
                    s,
                    "invalid-value",
                    format!("colorSpace must be a string, found {}", s.type_name()),
                );
                None
            }
        }
        None => None,
    };
    if let Some(comps) = node.get("components") {
        match comps.as_array() {
            None => {
                if !cx.reference(comps, Expect::NumberLike) {
                    cx.problem(
                        comps,
                        "invalid-value",
                        format!("components must be an array, found {}", comps.type_name()),
                    );
                }
            }
            Some(items) => {
                if items.len() != 3 && (ranges.is_some() || space_node.is_none()) {
                    let space = ranges.map_or("a colour", |(s, _)| s);
                    cx.problem(
                        comps,
                        "invalid-value",
                        format!("`{space}` takes 3 components, found {}", items.len()),
                    );
                }
                for (i, item) in items.iter().enumerate().take(3) {
                    if item.as_str() == Some("none") {
                        continue;
                    }
                    if cx.reference(item, Expect::NumberLike) {
                        continue;
                    }
                    let Some(n) = item.as_f64() else {
                        cx.problem(
                            item,
                            "invalid-value",
                            format!(
                                "component {} must be a number or `\"none\"`, found {}",
                                i + 1,
                                item.type_name()
                            ),
                        );
                        continue;
                    };
                    if let Some((space, r)) = ranges {
                        let (lo, hi) = r[i];
                        let above = hi.is_some_and(|hi| {
                            // hue is [0, 360): 360 itself wraps and is not a valid component
                            if hi == 360.0 { n >= hi } else { n > hi }
                        });
                        if lo.is_some_and(|lo| n < lo) || above {
                            cx.problem(
                                item,
                                "out-of-range",
                                format!(
                                    "component {} of a `{space}` colour is {n}; it must be {}",
                                    i + 1,
                                    range_text(lo, hi)
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    if let Some(alpha) = node.get("alpha") {
        if let Some(a) = cx.number(alpha, "alpha") {
            if !(0.0..=1.0).contains(&a) {
                cx.problem(
                    alpha,
                    "out-of-range",
                    format!("alpha is {a}, outside [0, 1]"),
                );
            }
        }
    }
    if let Some(hex) = node.get("hex") {
        match hex.as_str() {
            Some(h) if is_hex6(h) => {
                // The components are the colour; a `hex` that says otherwise is stale.
                if let Some((stored, computed)) = crate::color::stale_hex(&node.to_value()) {
                    cx.warning(
                        hex,
                        "stale-hex",
                        format!(
                            "hex `{stored}` disagrees with the components, which are `{computed}` in sRGB; the components win (update or remove `hex`)"
                        ),
                    );
                }
            }
            Some(h) => cx.problem(
                hex,
                "invalid-value",
                format!("hex `{h}` must be a 6-digit hex colour such as `#3b82f6`"),
            ),
            None => cx.problem(
                hex,
                "invalid-value",
                format!("hex must be a string, found {}", hex.type_name()),
            ),
        }
    }
}

fn range_text(lo: Option<f64>, hi: Option<f64>) -> String {
    match (lo, hi) {
        (Some(lo), Some(360.0)) => format!("within [{lo}, 360)"),
        (Some(lo), Some(hi)) => format!("within [{lo}, {hi}]"),
        (Some(lo), None) => format!(">= {lo}"),
        (None, Some(hi)) => format!("<= {hi}"),
        (None, None) => "any number".into(),
    }
}

fn is_hex6(h: &str) -> bool {
    h.len() == 7 && h.starts_with('#') && h[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

pub(super) fn unit_value(
    cx: &mut Ctx,
    node: &Node<'_>,
    ty: &str,
    units: &[&str],
    allow_negative: bool,
) {
    if let Some(s) = node.as_str() {
        cx.problem(
            node,
            "invalid-value",
            format!(
                "a {ty} value must be an object `{{\"value\": 8, \"unit\": \"{}\"}}`, found the string `{s}`",
                units[0]
            ),
        );
        return;
    }
    if let Some(n) = node.as_f64() {
        cx.problem(
            node,
            "invalid-value",
            format!(
                "a {ty} value must be an object `{{\"value\": {n}, \"unit\": \"{}\"}}`, found a bare number",
                units[0]
            ),
        );
        return;
    }
    cx.keys(node, ty, &["value", "unit"], &[]);
    if let Some(v) = node.get("value") {
        if cx.reference(v, Expect::NumberLike) {
        } else if let Some(n) = v.as_f64() {
            if !allow_negative && n < 0.0 {
                cx.problem(
                    v,
                    "out-of-range",
                    format!("a {ty} cannot be negative ({n})"),
                );
            }
        } else {
            cx.problem(
                v,
                "invalid-value",
                format!(
                    "the {ty}'s `value` must be a number, found {}",
                    v.type_name()
                ),
            );
        }
    }
    if let Some(u) = node.get("unit") {
        match u.as_str() {
            Some(unit) if units.contains(&unit) => {}
            Some(unit)
                if ty == "dimension" && !cx.strict && EXTRA_DIMENSION_UNITS.contains(&unit) =>
            {
                cx.warning(
                    u,
                    "lenient-unit",
                    format!("unit `{unit}` is not a DTCG dimension unit (`px` or `rem`); kept as written"),
                );
            }
            Some(unit) => {
                let lenient = if ty == "dimension" && !cx.strict {
                    format!(
                        "; opends also reads {} without `--strict`",
                        EXTRA_DIMENSION_UNITS.join(", ")
                    )
                } else {
                    String::new()
                };
                cx.problem(
                    u,
                    "invalid-value",
                    format!(
                        "unit `{unit}` is not valid for a {ty} (expected {}{lenient})",
                        units
                            .iter()
                            .map(|u| format!("`{u}`"))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                );
            }
            None => cx.problem(
                u,
                "invalid-value",
                format!(
                    "the {ty}'s `unit` must be a string, found {}",
                    u.type_name()
                ),
            ),
        }
    }
}

pub(super) fn font_family(cx: &mut Ctx, node: &Node<'_>) {
    match &node.kind {
        Kind::String(s) if !s.trim().is_empty() => {}
        Kind::String(_) => cx.problem(node, "invalid-value", "font family is empty".into()),
        Kind::Array(items) if items.is_empty() => cx.problem(
            node,
            "invalid-value",
            "a fontFamily array needs at least one font name".into(),
        ),
        Kind::Array(items) => {
            for item in items {
                if !matches!(&item.kind, Kind::String(s) if !s.trim().is_empty()) {
                    cx.problem(
                        item,
                        "invalid-value",
                        format!(
                            "each font family must be a non-empty string, found {}",
                            item.type_name()
                        ),
                    );
                }
            }
        }
        _ => cx.problem(
            node,
            "invalid-value",
            format!(
                "a fontFamily value must be a string or an array of strings, found {}",
                node.type_name()
            ),
        ),
    }
}

pub(super) fn font_weight(cx: &mut Ctx, node: &Node<'_>) {
    match &node.kind {
        Kind::Number(n, _) => {
            if !(1.0..=1000.0).contains(n) {
                cx.problem(
                    node,
                    "out-of-range",
                    format!("font weight {n} is outside [1, 1000]"),
                );
            }
        }
        Kind::String(s) => {
            if !FONT_WEIGHTS.iter().any(|(k, _)| k == s) {
                cx.problem(
                    node,
                    "invalid-value",
                    format!(
                        "unknown font weight `{s}` (use a number from 1 to 1000 or one of {})",
                        FONT_WEIGHTS.map(|(k, _)| k).join(", ")
                    ),
                );
            }
        }
        _ => cx.problem(
            node,
            "invalid-value",
            format!(
                "a fontWeight value must be a number or a weight name, found {}",
                node.type_name()
            ),
        ),
    }
}

pub(super) fn cubic_bezier(cx: &mut Ctx, node: &Node<'_>) {
    let Some(items) = node.as_array() else {
        cx.problem(
            node,
            "invalid-value",
            format!(
                "a cubicBezier value must be an array of 4 numbers, found {}",
                node.type_name()
            ),
        );
        return;
    };
    if items.len() != 4 {
        cx.problem(
            node,
            "invalid-value",
            format!(
                "a cubicBezier value needs 4 numbers [x1, y1, x2, y2], found {}",
                items.len()
            ),
        );
    }
    for (i, item) in items.iter().enumerate() {
        let Some(n) = cx.number(item, "a cubicBezier coordinate") else {
            continue;
        };
        if i % 2 == 0 && !(0.0..=1.0).contains(&n) {
            cx.problem(
                item,
                "out-of-range",
                format!(
                    "x{} of a cubicBezier must be within [0, 1], found {n}",
                    i / 2 + 1
                ),
            );
        }
    }
}

pub(super) fn stroke_style(cx: &mut Ctx, node: &Node<'_>) {
    match &node.kind {
        Kind::String(s) => {
            if !STROKE_KEYWORDS.contains(&s.as_ref()) {
                cx.problem(
                    node,
                    "invalid-value",
                    format!(
                        "unknown strokeStyle `{s}` (expected one of {}, or an object with `dashArray` and `lineCap`)",
                        STROKE_KEYWORDS.join(", ")
                    ),
                );
            }
        }
        Kind::Object(_) => {
            cx.keys(node, "strokeStyle", &["dashArray", "lineCap"], &[]);
            if let Some(arr) = node.get("dashArray") {
                match arr.as_array() {
                    Some([]) => cx.problem(
                        arr,
                        "invalid-value",
                        "dashArray needs at least one dimension".into(),
                    ),
                    Some(items) => {
                        for (i, item) in items.iter().enumerate() {
                            cx.with(&format!("dashArray.{i}"), |cx| {
                                value(cx, TokenType::Dimension, item);
                            });
                        }
                    }
                    None => cx.problem(
                        arr,
                        "invalid-value",
                        format!(
                            "dashArray must be an array of dimensions, found {}",
                            arr.type_name()
                        ),
                    ),
                }
            }
            if let Some(cap) = node.get("lineCap") {
                match cap.as_str() {
                    Some("round" | "butt" | "square") => {}
                    _ => cx.problem(
                        cap,
                        "invalid-value",
                        "lineCap must be `round`, `butt` or `square`".into(),
                    ),
                }
            }
        }
        _ => cx.problem(
            node,
            "invalid-value",
            format!(
                "a strokeStyle value must be a keyword or an object, found {}",
                node.type_name()
            ),
        ),
    }
}

pub(super) fn shadow(cx: &mut Ctx, node: &Node<'_>) {
    match &node.kind {
        Kind::Array(items) => {
            if items.is_empty() {
                cx.problem(
                    node,
                    "invalid-value",
                    "a shadow array needs at least one shadow".into(),
                );
            }
            for (i, item) in items.iter().enumerate() {
                cx.with(&i.to_string(), |cx| {
                    if !cx.reference(item, Expect::Type(TokenType::Shadow)) {
                        shadow_layer(cx, item);
                    }
                });
            }
        }
        _ => shadow_layer(cx, node),
    }
}

fn shadow_layer(cx: &mut Ctx, node: &Node<'_>) {
    composite_with(
        cx,
        node,
        "shadow",
        &[
            ("color", TokenType::Color),
            ("offsetX", TokenType::Dimension),
            ("offsetY", TokenType::Dimension),
            ("blur", TokenType::Dimension),
            ("spread", TokenType::Dimension),
        ],
        &[],
        &["inset"],
    );
    if let Some(inset) = node.get("inset") {
        if !matches!(inset.kind, Kind::Bool(_)) && inset.get("$ref").is_none() {
            cx.problem(
                inset,
                "invalid-value",
                format!(
                    "shadow `inset` must be true or false, found {}",
                    inset.type_name()
                ),
            );
        }
    }
}

pub(super) fn gradient(cx: &mut Ctx, node: &Node<'_>) {
    let Some(stops) = node.as_array() else {
        cx.problem(
            node,
            "invalid-value",
            format!(
                "a gradient value must be an array of stops `{{\"color\", \"position\"}}`, found {}",
                node.type_name()
            ),
        );
        return;
    };
    if stops.is_empty() {
        cx.problem(
            node,
            "invalid-value",
            "a gradient needs at least one stop".into(),
        );
    }
    for (i, stop) in stops.iter().enumerate() {
        cx.with(&i.to_string(), |cx| {
            if cx.reference(stop, Expect::Type(TokenType::Gradient)) {
                return;
            }
            composite_with(
                cx,
                stop,
                "gradient stop",
                &[("color", TokenType::Color)],
                &[],
                &["position"],
            );
            match stop.get("position") {
                None if stop.as_object().is_some() => cx.problem(
                    stop,
                    "missing-property",
                    "a gradient stop needs `position`".into(),
                ),
                None => {}
                Some(pos) => {
                    cx.with("position", |cx| {
                        if cx.reference(pos, Expect::Type(TokenType::Number)) {
                            return;
                        }
                        match pos.as_f64() {
                            Some(p) if !(0.0..=1.0).contains(&p) => cx.problem(
                                pos,
                                "out-of-range",
                                format!("position {p} is outside [0, 1]"),
                            ),
                            Some(_) => {}
                            None => cx.problem(
                                pos,
                                "invalid-value",
                                format!("position must be a number, found {}", pos.type_name()),
                            ),
                        }
                    });
                }
            }
        });
    }
}
