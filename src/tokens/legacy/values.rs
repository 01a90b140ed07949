//! Conversion of sub-values: composite fields, line heights, shadows, numbers with
//! units (including arithmetic) and colours.

use crate::tokens::json::{Kind, Node};
use crate::tokens::value::{AliasSyntax, alias_syntax};

use super::Converter;
use super::expr::{parse_quantity, round4};
use super::{num, obj, s};

impl<'a> Converter<'_, '_, '_, 'a, '_> {
    pub(super) fn fields(
        &mut self,
        v: &Node<'a>,
        path: &str,
        fields: &[(&str, &str, &[&str])],
    ) -> Option<Node<'a>> {
        if v.as_object().is_none() {
            return Some(v.clone());
        }
        let mut members = Vec::new();
        for (name, ty, sources) in fields {
            let found = sources.iter().find_map(|k| v.get(k));
            match found {
                Some(f) => {
                    let sub = if *name == "lineHeight" {
                        self.line_height(f, v.get("fontSize"), path)?
                    } else if *name == "letterSpacing" {
                        self.letter_spacing(f, &format!("{path}.{name}"))?
                    } else if *ty == "strokeStyle" {
                        f.clone()
                    } else {
                        self.value(ty, f, &format!("{path}.{name}"))?
                    };
                    members.push((*name, sub));
                }
                // The spec's defaults for members tools leave out.
                None if *name == "letterSpacing" || *name == "delay" => {
                    let unit = if *name == "delay" { "ms" } else { "px" };
                    members.push((
                        *name,
                        obj(
                            v.offset,
                            vec![("value", num(0.0, v.offset)), ("unit", s(unit, v.offset))],
                        ),
                    ));
                }
                None => {}
            }
        }
        Some(obj(v.offset, members))
    }

    pub(super) fn line_height(
        &mut self,
        v: &Node<'a>,
        font_size: Option<&Node<'a>>,
        path: &str,
    ) -> Option<Node<'a>> {
        match &v.kind {
            Kind::String(t) => {
                let t = t.trim();
                // A length (`24px`, or a reference to one) is a share of the font size.
                if let Some(ratio) = self.length_line_height(v, t, font_size, path) {
                    return ratio.ok();
                }
                if let AliasSyntax::Alias(_) = alias_syntax(t) {
                    return Some(s(t, v.offset));
                }
                if let Some(p) = t.strip_suffix('%') {
                    if let Ok(n) = p.trim().parse::<f64>() {
                        return Some(num(n / 100.0, v.offset));
                    }
                }
                if let Ok(n) = t.parse::<f64>() {
                    return Some(num(n, v.offset));
                }
                if t.eq_ignore_ascii_case("auto") || t.eq_ignore_ascii_case("normal") {
                    return Some(num(1.2, v.offset));
                }
                self.error(v, path, format!("line height `{t}` must be unitless or a percentage in DTCG (e.g. `1.5` or `150%`)"));
                None
            }
            _ => Some(v.clone()),
        }
    }

    pub(super) fn shadow(&mut self, v: &Node<'a>, path: &str) -> Option<Node<'a>> {
        if v.as_object().is_none() {
            return Some(v.clone());
        }
        let mut members = Vec::new();
        let Some(color) = v.get("color") else {
            self.error(v, path, "a shadow needs a `color`".into());
            return None;
        };
        members.push(("color", self.value("color", color, path)?));
        for (dtcg, legacy) in [
            ("offsetX", "x"),
            ("offsetY", "y"),
            ("blur", "blur"),
            ("spread", "spread"),
        ] {
            let f = v.get(legacy).or_else(|| v.get(dtcg));
            let d = match f {
                Some(f) => self.value("dimension", f, path)?,
                None => obj(
                    v.offset,
                    vec![("value", num(0.0, v.offset)), ("unit", s("px", v.offset))],
                ),
            };
            members.push((dtcg, d));
        }
        let inset = v.get("type").and_then(Node::as_str) == Some("innerShadow")
            || matches!(v.get("inset").map(|n| &n.kind), Some(Kind::Bool(true)));
        if inset {
            members.push((
                "inset",
                Node {
                    offset: v.offset,
                    kind: Kind::Bool(true),
                },
            ));
        }
        Some(obj(v.offset, members))
    }

    pub(super) fn unit(
        &mut self,
        v: &Node<'a>,
        path: &str,
        ty: &str,
        units: &[&str],
        bare: &str,
    ) -> Option<Node<'a>> {
        match &v.kind {
            Kind::Number(n, _) => Some(obj(
                v.offset,
                vec![("value", num(*n, v.offset)), ("unit", s(bare, v.offset))],
            )),
            Kind::String(t) => match parse_quantity(t) {
                Some(q) if q.unit.is_empty() => Some(obj(
                    v.offset,
                    vec![
                        ("value", num(q.value, v.offset)),
                        ("unit", s(bare, v.offset)),
                    ],
                )),
                Some(q)
                    if ty == "duration" && q.unit == "s" || units.contains(&q.unit.as_str()) =>
                {
                    Some(obj(
                        v.offset,
                        vec![
                            ("value", num(q.value, v.offset)),
                            ("unit", s(q.unit, v.offset)),
                        ],
                    ))
                }
                Some(q) if q.value == 0.0 => Some(obj(
                    v.offset,
                    vec![("value", num(0.0, v.offset)), ("unit", s(bare, v.offset))],
                )),
                Some(q) => {
                    self.error(
                        v,
                        path,
                        format!(
                            "unit `{}` in `{t}` cannot be a DTCG {ty} (allowed: {})",
                            q.unit,
                            units.join(", ")
                        ),
                    );
                    None
                }
                None => {
                    self.error(v, path, format!("`{t}` is not a {ty} such as `8{bare}`"));
                    None
                }
            },
            _ => Some(v.clone()),
        }
    }

    pub(super) fn color(&mut self, v: &Node<'a>, path: &str) -> Option<Node<'a>> {
        let Some(text) = v.as_str() else {
            return Some(v.clone());
        };
        if let Some(c) = crate::color::parse_css(text) {
            // Kept in the space it was written in; `hex` is the sRGB fallback.
            let comps: Vec<Node<'a>> = c
                .components
                .iter()
                .map(|x| num(round4(*x), v.offset))
                .collect();
            let mut members = vec![
                ("colorSpace", s(c.space.name(), v.offset)),
                (
                    "components",
                    Node {
                        offset: v.offset,
                        kind: Kind::Array(comps),
                    },
                ),
            ];
            if c.alpha < 1.0 {
                members.push(("alpha", num(round4(c.alpha), v.offset)));
            }
            members.push(("hex", s(c.hex(), v.offset)));
            Some(obj(v.offset, members))
        } else {
            self.error(v, path, format!("`{text}` is not a colour opends can read (use a CSS colour: `#rrggbb`, `rgb()`, `hsl()`, `oklch()`, `color(display-p3 ...)`, a named colour ...)"));
            None
        }
    }
}
