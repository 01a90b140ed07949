//! Tokens Studio single-file exports: sets, `$themes` (each theme a mode) and `$metadata`.

use std::collections::HashMap;

use crate::tokens::Format;
use crate::tokens::dtcg::{self, Source};
use crate::tokens::finding::Findings;
use crate::tokens::json::Node;
use crate::tokens::link::{Input, SetDocument};

use crate::color::{Color, Space};
use crate::tokens::finding::Finding;
use crate::tokens::json::{Kind, Member};
use crate::tokens::value::{AliasSyntax, alias_syntax};

use super::expr::{parse_quantity, round4};
use super::modify::{ColorError, color_node, modifier_of, modify};
use super::{Converter, collect_raw, num, obj, s, warn_converted};

/// A token value read the Tokens Studio way: the DTCG value, its type and an extension
/// to add to the token (`$extensions[key]`).
pub(super) struct StudioValue<'a> {
    pub(super) value: Node<'a>,
    pub(super) ty: &'static str,
    pub(super) extension: Option<(&'static str, Node<'a>)>,
}

/// The extension key that keeps what a DTCG gradient has no place for (the angle).
pub(super) const GRADIENT_EXTENSION: &str = "opends.gradient";

/// Adds `$extensions[key] = ext` to a token's members.
pub(super) fn add_extension<'a>(
    members: &mut Vec<(&str, Node<'a>)>,
    key: &str,
    ext: Node<'a>,
    offset: u32,
) {
    let member = Member {
        key_offset: offset,
        key: std::borrow::Cow::Owned(key.to_string()),
        value: ext,
    };
    if let Some((_, existing)) = members.iter_mut().find(|(k, _)| *k == "$extensions") {
        if let Kind::Object(m) = &mut existing.kind {
            m.push(member);
            return;
        }
    }
    members.push((
        "$extensions",
        Node {
            offset,
            kind: Kind::Object(vec![member]),
        },
    ));
}

fn is_gradient(t: &str) -> bool {
    let t = t.trim_start().to_ascii_lowercase();
    ["linear-gradient(", "radial-gradient(", "conic-gradient("]
        .iter()
        .any(|p| t.starts_with(p))
}

/// Whether a gradient argument is a colour stop (rather than an angle or shape).
fn is_stop(arg: &str) -> bool {
    let a = arg.trim().to_ascii_lowercase();
    a.starts_with(['#', '{'])
        || ["rgb", "hsl", "transparent", "oklch", "lab", "lch", "color("]
            .iter()
            .any(|p| a.starts_with(p))
        || crate::color::parse_css_color(a.split_whitespace().next().unwrap_or_default()).is_some()
}

impl<'a> Converter<'_, '_, '_, 'a, '_> {
    /// Runs `f`, prefixing each finding it makes with what the user wrote and what it
    /// was computed to (`` `{a} * 2` is `8em`: ...``).
    pub(super) fn quoting<T>(
        &mut self,
        original: &str,
        computed: &str,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let mut scratch = Findings::default();
        std::mem::swap(self.findings, &mut scratch);
        let out = f(self);
        std::mem::swap(self.findings, &mut scratch);
        for mut finding in scratch.into_sorted() {
            finding.message = format!("`{original}` is `{computed}`: {}", finding.message);
            self.findings.push(finding);
        }
        out
    }

    /// Values only Tokens Studio writes: `None` when `value` is none of them, `Some(None)`
    /// after an error (reported).
    pub(super) fn studio_value(
        &mut self,
        token: &Node<'a>,
        legacy_type: Option<&str>,
        ty: &'static str,
        value: &Node<'a>,
        path: &str,
    ) -> Option<Option<StudioValue<'a>>> {
        let plain = |v: Option<Node<'a>>, ty: &'static str| {
            v.map(|value| StudioValue {
                value,
                ty,
                extension: None,
            })
        };
        if ty == "color" {
            if let Some(m) = modifier_of(token) {
                return Some(plain(self.modified_color(m, value, path), "color"));
            }
            if let Some(t) = value.as_str().filter(|t| is_gradient(t)) {
                return Some(self.gradient(value, t, path));
            }
        }
        match legacy_type {
            Some("letterSpacing") => Some(plain(self.letter_spacing(value, path), "dimension")),
            // A line height that is a length (`24px`) is a dimension, as Tokens Studio
            // applies it.
            Some("lineHeights" | "lineHeight")
                if value
                    .as_str()
                    .and_then(parse_quantity)
                    .is_some_and(|q| !q.unit.is_empty() && q.unit != "%") =>
            {
                Some(plain(self.value("dimension", value, path), "dimension"))
            }
            _ => None,
        }
    }

    /// A colour token with a Tokens Studio modifier: the computed literal colour.
    fn modified_color(&mut self, m: &Node<'a>, value: &Node<'a>, path: &str) -> Option<Node<'a>> {
        let written = match &value.kind {
            Kind::String(t) => t.to_string(),
            _ => "the colour".to_string(),
        };
        let base = match &value.kind {
            Kind::String(t) => self.text_color(t, path, 0),
            Kind::Object(_) => Color::from_value(&value.to_value())
                .ok_or_else(|| ColorError::NotAColor(written.clone())),
            _ => Err(ColorError::NotAColor(written.clone())),
        };
        let result = base.and_then(|b| {
            self.read_modifier(m, path, 0)
                .map(|(m, sp, d)| (b, m, sp, d))
        });
        match result {
            Ok((base, m, space, described)) => {
                let c = modify(&base, &m, space);
                self.warn(
                    value,
                    path,
                    format!(
                        "the colour modifier `{described}` on `{written}` was computed to `{}` ({} {}); DTCG has no colour modifiers, so the result is stored as a literal",
                        c.hex_with_alpha(),
                        c.space.name(),
                        c.components
                            .iter()
                            .map(|x| if x.is_nan() { "none".to_string() } else { x.to_string() })
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                );
                Some(color_node(&c, value.offset))
            }
            Err(e @ (ColorError::ModifierType(_) | ColorError::ModifierSpace(_))) => {
                self.warn(
                    m,
                    path,
                    format!(
                        "{e}; the modifier on `{written}` is ignored, as Tokens Studio ignores it"
                    ),
                );
                self.value("color", value, path)
            }
            Err(e) => {
                self.error(
                    value,
                    path,
                    format!("cannot compute the colour modifier on `{written}`: {e}"),
                );
                None
            }
        }
    }

    /// `rgba({ref}, 0.5)` and friends as a token value: the computed literal colour.
    pub(super) fn color_function_value(
        &mut self,
        v: &Node<'a>,
        text: &str,
        path: &str,
    ) -> Option<Node<'a>> {
        match self.color_function(text, path, 0) {
            Ok(c) => {
                let c = Color {
                    components: c.to_space(Space::Srgb).components.map(round4),
                    space: Space::Srgb,
                    alpha: round4(c.alpha),
                };
                self.warn(
                    v,
                    path,
                    format!(
                        "`{text}` was computed to `{}`; DTCG colours hold no references inside, so the result is stored as a literal",
                        c.hex_with_alpha()
                    ),
                );
                Some(color_node(&c, v.offset))
            }
            Err(e) => {
                self.error(v, path, format!("cannot compute `{text}`: {e}"));
                None
            }
        }
    }

    /// `linear-gradient(90deg, #fff 0%, rgba(0,0,0,.5) 100%)`: DTCG gradient stops; the
    /// angle (or shape) is kept in `$extensions["opends.gradient"]`.
    fn gradient(&mut self, v: &Node<'a>, text: &str, path: &str) -> Option<StudioValue<'a>> {
        let t = text.trim();
        let open = t.find('(')?;
        let function = t[..open].to_ascii_lowercase();
        let Some(inner) = t[open + 1..].strip_suffix(')') else {
            self.error(v, path, format!("`{text}` is missing its closing `)`"));
            return None;
        };
        let mut args = super::modify::split_args(inner);
        let lead = if args.first().is_some_and(|a| !is_stop(a)) {
            Some(args.remove(0).to_string())
        } else {
            None
        };
        if args.is_empty() {
            self.error(v, path, format!("`{text}` has no colour stops"));
            return None;
        }
        let last = args.len().saturating_sub(1).max(1) as f64;
        let mut stops = Vec::new();
        for (i, arg) in args.iter().enumerate() {
            // `colour [position]`: the position is the last word outside parentheses.
            let (color, position) = match split_position(arg) {
                Some((c, p)) => (c, Some(p)),
                None => (*arg, None),
            };
            let position = match position {
                Some(p) => match parse_quantity(p) {
                    Some(q) if q.unit == "%" => q.value / 100.0,
                    Some(q) if q.unit.is_empty() => q.value,
                    _ => {
                        self.error(
                            v,
                            path,
                            format!("`{p}` in `{text}` is not a stop position such as `50%`"),
                        );
                        return None;
                    }
                },
                // CSS spreads stops without a position evenly.
                None => i as f64 / last,
            };
            let color_node = self.value("color", &s(color, v.offset), path)?;
            stops.push(obj(
                v.offset,
                vec![
                    ("color", color_node),
                    ("position", num(round4(position), v.offset)),
                ],
            ));
        }
        let mut ext = vec![("function", s(function.clone(), v.offset))];
        if let Some(lead) = lead {
            let key = if function.starts_with("linear") {
                "angle"
            } else {
                "shape"
            };
            ext.push((key, s(lead, v.offset)));
        }
        self.warn(
            v,
            path,
            format!(
                "the gradient `{text}` was read as {} DTCG gradient stops; DTCG gradients have no angle or shape, so they are kept in `$extensions[\"{GRADIENT_EXTENSION}\"]`",
                stops.len()
            ),
        );
        Some(StudioValue {
            value: Node {
                offset: v.offset,
                kind: Kind::Array(stops),
            },
            ty: "gradient",
            extension: Some((GRADIENT_EXTENSION, obj(v.offset, ext))),
        })
    }

    /// Letter spacing as Tokens Studio writes it: `5%` is `0.05em` (a share of the font
    /// size, as sd-transforms reads it); `0.05em` stays em.
    pub(super) fn letter_spacing(&mut self, v: &Node<'a>, path: &str) -> Option<Node<'a>> {
        if let Some(t) = v.as_str() {
            let t = t.trim();
            if !matches!(alias_syntax(t), AliasSyntax::Alias(_)) {
                if let Some(q) = parse_quantity(t) {
                    let em = match q.unit.as_str() {
                        "%" => Some(q.value / 100.0),
                        "em" => Some(q.value),
                        _ => None,
                    };
                    if let Some(em) = em {
                        return Some(obj(
                            v.offset,
                            vec![
                                ("value", num(round4(em), v.offset)),
                                ("unit", s("em", v.offset)),
                            ],
                        ));
                    }
                }
            }
        }
        self.value("dimension", v, path)
    }
}

impl<'a> Converter<'_, '_, '_, 'a, '_> {
    /// The number and unit of a typography field: a literal, a reference or an
    /// expression; a bare number is px, as in Tokens Studio.
    fn field_quantity(&self, v: &Node<'_>, path: &str) -> Option<super::expr::Quantity> {
        let q = match &v.kind {
            Kind::Number(n, _) => super::expr::Quantity {
                value: *n,
                unit: String::new(),
            },
            Kind::String(t) => {
                let t = t.trim();
                match alias_syntax(t) {
                    AliasSyntax::Alias(p) => self.lookup_quantity(p, path, 0).ok()?,
                    _ if super::expr::is_expression(t) => self.evaluate(t, path, 0).ok()?,
                    _ => parse_quantity(t)?,
                }
            }
            _ => return None,
        };
        Some(q)
    }

    /// A line height written as a length (`24px`, `1.5rem`, `{line.body}` holding
    /// `24px`) read as the ratio DTCG wants: the length over the font size (`1.5` for
    /// `24px` on `16px`; em is already a ratio; a rem is 16px). `None` when `t` is no
    /// length.
    pub(super) fn length_line_height(
        &mut self,
        v: &Node<'a>,
        t: &str,
        font_size: Option<&Node<'a>>,
        path: &str,
    ) -> Option<Option<Node<'a>>> {
        let lh = match alias_syntax(t) {
            AliasSyntax::Alias(p) => self.lookup_quantity(p, path, 0).ok()?,
            _ => parse_quantity(t)?,
        };
        if lh.unit.is_empty() || lh.unit == "%" {
            return None;
        }
        let px = |q: &super::expr::Quantity| match q.unit.as_str() {
            "" | "px" => Some(q.value),
            "rem" => Some(q.value * 16.0),
            _ => None,
        };
        let ratio = if lh.unit == "em" {
            Some((lh.value, String::new()))
        } else {
            font_size
                .and_then(|f| self.field_quantity(f, path))
                .and_then(|fs| {
                    let (a, b) = (px(&lh)?, px(&fs)?);
                    (b != 0.0).then(|| (a / b, format!(" / font size {}", fs.text())))
                })
        };
        let Some((ratio, over)) = ratio else {
            self.error(
                v,
                path,
                format!("line height `{t}` is a length and the font size is not known in px or rem, so it cannot become the ratio DTCG wants (write `1.5` or `150%`)"),
            );
            return Some(None);
        };
        let ratio = round4(ratio);
        self.warn(
            v,
            path,
            format!("line height `{t}` was read as {ratio} ({}{over}); DTCG line heights are ratios of the font size", lh.text()),
        );
        Some(Some(num(ratio, v.offset)))
    }
}

/// `rgba(0,0,0,.5) 100%` -> (`rgba(0,0,0,.5)`, `100%`); `None` without a position.
fn split_position(arg: &str) -> Option<(&str, &str)> {
    let arg = arg.trim();
    let mut depth = 0i32;
    let mut split = None;
    for (i, ch) in arg.char_indices() {
        match ch {
            '(' | '{' => depth += 1,
            ')' | '}' => depth -= 1,
            c if c.is_whitespace() && depth == 0 => split = Some(i),
            _ => {}
        }
    }
    let i = split?;
    let (color, pos) = (arg[..i].trim(), arg[i..].trim());
    (!color.is_empty() && !pos.is_empty()).then_some((color, pos))
}

/// Reads a Tokens Studio document (single file: sets at the top, `$themes`, `$metadata`)
/// into base sets and modes: each theme is a mode, named after the theme (lowercase,
/// `-` for other characters). Themes in several groups: the first group's themes are
/// the modes; each other group is read at its first theme, with a warning.
pub fn studio_input(
    root: &Node<'_>,
    src: &Source<'_>,
    _name: &str,
    findings: &mut Findings,
) -> Input {
    let members = root.as_object().unwrap_or_default();
    let mut order: Vec<String> = root
        .get("$metadata")
        .and_then(|m| m.get("tokenSetOrder"))
        .and_then(Node::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Node::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    for m in members {
        if !m.key.starts_with('$') && !order.iter().any(|o| o == m.key.as_ref()) {
            order.push(m.key.to_string());
        }
    }
    let mut sets: Vec<(String, &Node<'_>, &Source<'_>)> = Vec::new();
    for name in &order {
        if let Some(n) = root.get(name) {
            sets.push((name.clone(), n, src));
        }
    }
    let themes = root
        .get("$themes")
        .and_then(Node::as_array)
        .unwrap_or_default();
    studio_build(&sets, themes, src, findings)
}

/// Builds base sets and modes from Tokens Studio sets and themes.
pub fn studio_build(
    sets: &[(String, &Node<'_>, &Source<'_>)],
    themes: &[Node<'_>],
    src: &Source<'_>,
    findings: &mut Findings,
) -> Input {
    // Arithmetic and references may cross sets: index every set's raw tokens.
    let mut raw = HashMap::new();
    for (_, node, _) in sets {
        collect_raw(node, "", &mut raw);
    }
    let mut converted: HashMap<String, dtcg::Document> = HashMap::new();
    let mut count = 0;
    for (name, node, set_src) in sets {
        let mut cv = Converter {
            src: set_src,
            findings,
            raw: &raw,
            count: 0,
        };
        let mut tree = cv.group(node, "", None);
        count += cv.count;
        let doc = dtcg::read(&mut tree, set_src, findings);
        converted.insert(name.clone(), doc);
    }
    warn_converted(src, findings, Format::TokensStudio, count);
    let enabled = |theme: &Node<'_>| -> Vec<String> {
        let selected = theme
            .get("selectedTokenSets")
            .and_then(Node::as_object)
            .unwrap_or_default();
        sets.iter()
            .filter(|(n, _, _)| {
                selected.iter().any(|m| {
                    m.key == n.as_str() && matches!(m.value.as_str(), Some("enabled" | "source"))
                })
            })
            .map(|(n, _, _)| n.clone())
            .collect()
    };
    let mut input = Input::default();
    if themes.is_empty() {
        for (name, _, _) in sets {
            if let Some(doc) = converted.remove(name) {
                input.base.push(SetDocument {
                    set: name.clone(),
                    source: Some(src.name.to_string()),
                    doc,
                });
            }
        }
        return input;
    }
    // Themes in several groups are several axes; until opends has theme axes, the
    // first group's themes are the modes, and each other group is read at its first
    // theme (its sets join the base).
    let group_of = |t: &Node<'_>| t.get("group").and_then(Node::as_str).map(str::to_string);
    let first_group = group_of(&themes[0]);
    let mut aside: Vec<(String, usize, &Node<'_>)> = Vec::new();
    for t in themes {
        let g = group_of(t);
        if g == first_group {
            continue;
        }
        let name = g.unwrap_or_else(|| "(no group)".to_string());
        match aside.iter_mut().find(|(n, ..)| *n == name) {
            Some((_, count, _)) => *count += 1,
            None => aside.push((name, 1, t)),
        }
    }
    let themes: Vec<&Node<'_>> = themes
        .iter()
        .filter(|t| group_of(t) == first_group)
        .collect();
    if !aside.is_empty() {
        let theme_name = |t: &Node<'_>| {
            t.get("name")
                .and_then(Node::as_str)
                .unwrap_or("theme")
                .to_string()
        };
        let list = aside
            .iter()
            .map(|(g, n, first)| {
                format!(
                    "`{g}` ({n} theme{}, read as `{}`)",
                    if *n == 1 { "" } else { "s" },
                    theme_name(first)
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        findings.push(Finding::warning(
            "legacy-value",
            &src.loc(themes[0].offset),
            None,
            format!(
                "`$themes` has themes in {} groups; opends reads the first group, `{}` ({} themes), as modes and sets aside {list}, each read at its first theme (theme axes are not supported yet)",
                aside.len() + 1,
                first_group.as_deref().unwrap_or("(no group)"),
                themes.len(),
            ),
        ));
    }
    let mode_name = |t: &Node<'_>| -> String {
        mode_slug(t.get("name").and_then(Node::as_str).unwrap_or("theme"))
    };
    let mut first = enabled(themes[0]);
    for (_, _, t) in &aside {
        for name in enabled(t) {
            if !first.contains(&name) {
                first.push(name);
            }
        }
    }
    for name in &first {
        if let Some(doc) = converted.get(name) {
            input.base.push(SetDocument {
                set: name.clone(),
                source: Some(src.name.to_string()),
                doc: clone_doc(doc),
            });
        }
    }
    input.modes.push((mode_name(themes[0]), Vec::new()));
    for theme in &themes[1..] {
        let mut docs = Vec::new();
        for name in enabled(theme) {
            if first.contains(&name) {
                continue;
            }
            if let Some(doc) = converted.get(&name) {
                docs.push(SetDocument {
                    set: name.clone(),
                    source: Some(src.name.to_string()),
                    doc: clone_doc(doc),
                });
            }
        }
        input.modes.push((mode_name(theme), docs));
    }
    input
}

fn clone_doc(doc: &dtcg::Document) -> dtcg::Document {
    dtcg::Document {
        tokens: doc.tokens.clone(),
        groups: doc.groups.clone(),
        extends: doc.extends.clone(),
    }
}

/// `Mode/Dark` -> `mode-dark`: lowercase, runs of other characters become `-`.
pub fn mode_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(mode_slug("Mode/Dark"), "mode-dark");
        assert_eq!(mode_slug("Dark"), "dark");
    }
}
