//! Tokens Studio arithmetic (`{spacing.sm} * 3`): quantities with units, the expression
//! parser and the evaluation of references inside expressions.

use crate::color::parse_css_color;
use crate::tokens::json::{Kind, Node};
use crate::tokens::value::{AliasSyntax, alias_syntax};

use super::Converter;

impl Converter<'_, '_, '_, '_, '_> {
    pub(super) fn evaluate(
        &self,
        text: &str,
        path: &str,
        depth: u32,
    ) -> Result<Quantity, ExprError> {
        if depth > 16 {
            return Err(ExprError::TooDeep);
        }
        let mut p = ExprParser {
            s: text.as_bytes(),
            text,
            pos: 0,
            conv: self,
            path,
            depth,
        };
        let q = p.expr()?;
        p.ws();
        if p.pos < p.s.len() {
            return Err(ExprError::Unexpected(text[p.pos..].to_string()));
        }
        Ok(q)
    }

    pub(super) fn lookup_quantity(
        &self,
        target: &str,
        path: &str,
        depth: u32,
    ) -> Result<Quantity, ExprError> {
        let node = self
            .raw
            .get(target)
            .ok_or_else(|| ExprError::UnknownToken(target.to_string()))?;
        let v = node
            .get("value")
            .or_else(|| node.get("$value"))
            .ok_or(ExprError::NoValue)?;
        match &v.kind {
            Kind::Number(n, _) => Ok(Quantity {
                value: *n,
                unit: String::new(),
            }),
            Kind::String(t) => {
                if let AliasSyntax::Alias(p) = alias_syntax(t.trim()) {
                    return self.lookup_quantity(p, path, depth + 1);
                }
                if is_expression(t) {
                    return self.evaluate(t, path, depth + 1);
                }
                parse_quantity(t).ok_or_else(|| ExprError::TextNotANumber {
                    target: target.to_string(),
                    text: t.to_string(),
                })
            }
            Kind::Object(_) => {
                let value = v
                    .get("value")
                    .and_then(Node::as_f64)
                    .ok_or(ExprError::ValueNotANumber)?;
                let unit = v
                    .get("unit")
                    .and_then(Node::as_str)
                    .unwrap_or_default()
                    .to_string();
                Ok(Quantity { value, unit })
            }
            _ => Err(ExprError::NotANumber(target.to_string())),
        }
    }
}

/// Why a Tokens Studio expression (`{space.md} * 2`) cannot be evaluated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(super) enum ExprError {
    /// References deeper than 16 levels.
    #[error("references nest too deep (a cycle?)")]
    TooDeep,
    /// Text the grammar does not allow, from where it starts.
    #[error("unexpected `{0}`")]
    Unexpected(String),
    /// A reference to no token.
    #[error("`{{{0}}}` is not a token in this file")]
    UnknownToken(String),
    /// A referenced token without a value.
    #[error("no value")]
    NoValue,
    /// A referenced token whose text is not a number.
    #[error("`{{{target}}}` is `{text}`, not a number")]
    TextNotANumber {
        /// The reference.
        target: String,
        /// Its value.
        text: String,
    },
    /// A referenced dimension object without a numeric `value`.
    #[error("not a number")]
    ValueNotANumber,
    /// A referenced token whose value is not a number at all.
    #[error("`{{{0}}}` is not a number")]
    NotANumber(String),
    /// `x / 0`.
    #[error("division by zero")]
    DivisionByZero,
    /// `(` without `)`.
    #[error("missing `)`")]
    MissingParen,
    /// `{` without `}`.
    #[error("missing `}}`")]
    MissingBrace,
    /// Digits and dots that are not a number (`1.2.3`).
    #[error("bad number")]
    BadNumber,
    /// Two different units.
    #[error("cannot combine `{0}` and `{1}`")]
    Units(String, String),
}

/// A number with an optional unit.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quantity {
    pub(super) value: f64,
    pub(super) unit: String,
}

impl Quantity {
    pub(super) fn text(&self) -> String {
        let v = (self.value * 10_000.0).round() / 10_000.0;
        format!("{v}{}", self.unit)
    }
}

pub(super) fn parse_quantity(t: &str) -> Option<Quantity> {
    let t = t.trim();
    let b = t.as_bytes();
    let mut split = 0;
    if matches!(b.first(), Some(b'-' | b'+')) {
        split = 1;
    }
    while split < b.len() && (b[split].is_ascii_digit() || b[split] == b'.') {
        split += 1;
    }
    // An exponent only when digits follow (`1e3`), so `2em` is 2 with unit `em`.
    if split < b.len()
        && matches!(b[split], b'e' | b'E')
        && b.get(split + 1).is_some_and(u8::is_ascii_digit)
    {
        split += 1;
        while split < b.len() && b[split].is_ascii_digit() {
            split += 1;
        }
    }
    let (n, unit) = t.split_at(split);
    let value: f64 = n.parse().ok()?;
    let unit = unit.trim();
    if !unit.chars().all(|c| c.is_ascii_alphabetic() || c == '%') {
        return None;
    }
    Some(Quantity {
        value,
        unit: unit.to_string(),
    })
}

pub(super) fn is_expression(t: &str) -> bool {
    let t = t.trim();
    if matches!(alias_syntax(t), AliasSyntax::Alias(_)) {
        return false;
    }
    let body = t.trim_start_matches('-');
    body.contains(['*', '/', '+'])
        || body.contains(" - ")
        || (body.contains('{') && body.contains('-') && !body.starts_with('{'))
}

struct ExprParser<'e, 'c, 's, 'r, 'n, 'a, 't> {
    s: &'e [u8],
    text: &'e str,
    pos: usize,
    conv: &'c Converter<'s, 'r, 'n, 'a, 't>,
    path: &'e str,
    depth: u32,
}

impl ExprParser<'_, '_, '_, '_, '_, '_, '_> {
    fn ws(&mut self) {
        while self.s.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    fn expr(&mut self) -> Result<Quantity, ExprError> {
        let mut acc = self.term()?;
        loop {
            self.ws();
            match self.s.get(self.pos) {
                Some(b'+' | b'-') => {
                    let op = self.s[self.pos];
                    self.pos += 1;
                    let rhs = self.term()?;
                    let unit = combine_units(&acc.unit, &rhs.unit, true)?;
                    acc = Quantity {
                        value: if op == b'+' {
                            acc.value + rhs.value
                        } else {
                            acc.value - rhs.value
                        },
                        unit,
                    };
                }
                _ => return Ok(acc),
            }
        }
    }

    fn term(&mut self) -> Result<Quantity, ExprError> {
        let mut acc = self.atom()?;
        loop {
            self.ws();
            match self.s.get(self.pos) {
                Some(b'*' | b'/') => {
                    let op = self.s[self.pos];
                    self.pos += 1;
                    let rhs = self.atom()?;
                    let unit = combine_units(&acc.unit, &rhs.unit, false)?;
                    if op == b'/' && rhs.value == 0.0 {
                        return Err(ExprError::DivisionByZero);
                    }
                    acc = Quantity {
                        value: if op == b'*' {
                            acc.value * rhs.value
                        } else {
                            acc.value / rhs.value
                        },
                        unit,
                    };
                }
                _ => return Ok(acc),
            }
        }
    }

    fn atom(&mut self) -> Result<Quantity, ExprError> {
        self.ws();
        match self.s.get(self.pos) {
            Some(b'(') => {
                self.pos += 1;
                let q = self.expr()?;
                self.ws();
                if self.s.get(self.pos) != Some(&b')') {
                    return Err(ExprError::MissingParen);
                }
                self.pos += 1;
                Ok(q)
            }
            Some(b'{') => {
                let end = self.text[self.pos..]
                    .find('}')
                    .ok_or(ExprError::MissingBrace)?
                    + self.pos;
                let target = &self.text[self.pos + 1..end];
                self.pos = end + 1;
                self.conv.lookup_quantity(target, self.path, self.depth + 1)
            }
            Some(b'-') => {
                self.pos += 1;
                let q = self.atom()?;
                Ok(Quantity {
                    value: -q.value,
                    unit: q.unit,
                })
            }
            Some(c) if c.is_ascii_digit() || *c == b'.' => {
                let start = self.pos;
                while self
                    .s
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_digit() || *c == b'.')
                {
                    self.pos += 1;
                }
                let value: f64 = self.text[start..self.pos]
                    .parse()
                    .map_err(|_| ExprError::BadNumber)?;
                let ustart = self.pos;
                while self
                    .s
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'%')
                {
                    self.pos += 1;
                }
                Ok(Quantity {
                    value,
                    unit: self.text[ustart..self.pos].to_string(),
                })
            }
            _ => Err(ExprError::Unexpected(
                self.text[self.pos.min(self.text.len())..].to_string(),
            )),
        }
    }
}

fn combine_units(a: &str, b: &str, additive: bool) -> Result<String, ExprError> {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => Ok(String::new()),
        (false, true) => Ok(a.to_string()),
        (true, false) => Ok(b.to_string()),
        (false, false) if a == b && additive => Ok(a.to_string()),
        (false, false) if a == b => Ok(a.to_string()),
        _ => Err(ExprError::Units(a.to_string(), b.to_string())),
    }
}

pub(super) fn infer_type(v: &Node<'_>) -> Option<&'static str> {
    match &v.kind {
        Kind::Number(..) => Some("number"),
        Kind::String(t) => {
            let t = t.trim();
            if parse_css_color(t).is_some() {
                Some("color")
            } else if let Some(q) = parse_quantity(t) {
                match q.unit.as_str() {
                    "px" | "rem" => Some("dimension"),
                    "ms" | "s" => Some("duration"),
                    "" => Some("number"),
                    _ => None,
                }
            } else {
                None
            }
        }
        _ => None,
    }
}

pub(super) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(
            parse_quantity("8px"),
            Some(Quantity {
                value: 8.0,
                unit: "px".into()
            })
        );
        assert_eq!(
            parse_quantity("1.5"),
            Some(Quantity {
                value: 1.5,
                unit: String::new()
            })
        );
        assert!(is_expression("{spacing.sm} * 3"));
        assert!(!is_expression("{spacing.sm}"));
        assert!(!is_expression("-4px"));
    }
}
