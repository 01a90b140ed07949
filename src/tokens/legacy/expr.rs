//! Tokens Studio arithmetic (`{spacing.sm} * 3`): quantities with units, the expression
//! parser and the evaluation of references inside expressions.

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
            .raw_token(target)
            .ok_or_else(|| ExprError::UnknownToken(target.to_string()))?;
        let v = node
            .get("value")
            .or_else(|| node.get("$value"))
            .ok_or(ExprError::NoValue)?;
        // Tokens Studio counts a unitless dimension as pixels ("any unit-less token is
        // px-based"), and pixels take part in maths as plain numbers.
        let dimension = node
            .get("type")
            .or_else(|| node.get("$type"))
            .and_then(Node::as_str)
            .and_then(super::map_type)
            == Some("dimension");
        let pixels = |q: Quantity| {
            if dimension && q.unit.is_empty() {
                Quantity {
                    unit: "px".into(),
                    ..q
                }
            } else {
                q
            }
        };
        match &v.kind {
            Kind::Number(n, _) => Ok(pixels(Quantity {
                value: *n,
                unit: String::new(),
            })),
            Kind::String(t) => {
                if let AliasSyntax::Alias(p) = alias_syntax(t.trim()) {
                    return self.lookup_quantity(p, path, depth + 1).map(pixels);
                }
                if is_expression(t) {
                    return self.evaluate(t, path, depth + 1).map(pixels);
                }
                parse_quantity(t)
                    .map(pixels)
                    .ok_or_else(|| ExprError::TextNotANumber {
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
    #[error("`{{{0}}}` is not a token in this file or export")]
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
    /// A name that is no function or constant Tokens Studio's math knows.
    #[error("`{0}` is not a math function (see the list in docs/tokens.md)")]
    UnknownFunction(String),
    /// A function called with the wrong number of arguments.
    #[error("`{name}` takes {expected}, not {got}")]
    Arity {
        /// The function.
        name: String,
        /// What it takes, in words.
        expected: &'static str,
        /// How many it was given.
        got: usize,
    },
    /// A result that is no finite number (`sqrt(-1)`, `log(0)`).
    #[error("the result is not a finite number")]
    NotFinite,
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

/// The functions of Tokens Studio's math (expr-eval's, plus `mod`), with how many
/// arguments each takes: `(name, min, max)`.
const FUNCTIONS: [(&str, usize, usize); 36] = [
    ("abs", 1, 1),
    ("ceil", 1, 1),
    ("floor", 1, 1),
    ("round", 1, 1),
    ("trunc", 1, 1),
    ("sign", 1, 1),
    ("sqrt", 1, 1),
    ("cbrt", 1, 1),
    ("exp", 1, 1),
    ("expm1", 1, 1),
    ("log", 1, 1),
    ("ln", 1, 1),
    ("log2", 1, 1),
    ("log10", 1, 1),
    ("lg", 1, 1),
    ("log1p", 1, 1),
    ("sin", 1, 1),
    ("cos", 1, 1),
    ("tan", 1, 1),
    ("asin", 1, 1),
    ("acos", 1, 1),
    ("atan", 1, 1),
    ("sinh", 1, 1),
    ("cosh", 1, 1),
    ("tanh", 1, 1),
    ("asinh", 1, 1),
    ("acosh", 1, 1),
    ("atanh", 1, 1),
    ("min", 1, usize::MAX),
    ("max", 1, usize::MAX),
    ("pow", 2, 2),
    ("hypot", 1, usize::MAX),
    ("pyt", 1, usize::MAX),
    ("atan2", 2, 2),
    ("roundTo", 1, 2),
    ("mod", 2, 2),
];

/// Whether `t` calls one of the math functions (`floor(`, `roundTo(`).
fn calls_function(t: &str) -> bool {
    FUNCTIONS.iter().any(|(name, ..)| {
        t.match_indices(name).any(|(i, _)| {
            let before = t[..i].chars().next_back();
            let after = t[i + name.len()..].trim_start().starts_with('(');
            after && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        })
    })
}

pub(super) fn is_expression(t: &str) -> bool {
    let t = t.trim();
    if matches!(alias_syntax(t), AliasSyntax::Alias(_)) {
        return false;
    }
    let body = t.trim_start_matches('-');
    body.contains(['*', '/', '+', '^'])
        || body.contains(" - ")
        || body.contains(" % ")
        || (body.contains('{') && body.contains('-') && !body.starts_with('{'))
        || calls_function(body)
        || reference_with_unit(body)
        || unknown_call_with_reference(body)
}

/// `frobnicate({a})`: a call of a name that is no math function, on a reference; read
/// as an expression so that the error names the function (colour functions aside).
fn unknown_call_with_reference(t: &str) -> bool {
    let name_end = t
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(t.len());
    let name = &t[..name_end];
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && t[name_end..].starts_with('(')
        && t.ends_with(')')
        && t.contains('{')
        && !matches!(
            name.to_ascii_lowercase().as_str(),
            "rgb" | "rgba" | "hsl" | "hsla" | "url" | "var" | "calc"
        )
}

/// `{scale.md}rem` or `{line.body}%`: one reference, then a unit.
fn reference_with_unit(t: &str) -> bool {
    t.starts_with('{')
        && t.find('}').is_some_and(|end| {
            let rest = &t[end + 1..];
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphabetic() || c == '%')
        })
}

/// JavaScript's `Math.round`: halves go up (`-2.5` -> `-2`).
pub(super) fn js_round(x: f64) -> f64 {
    let f = x.floor();
    if x - f >= 0.5 { f + 1.0 } else { f }
}

/// expr-eval's `roundTo(x, n)`: `n` decimals, halves up.
fn round_to(x: f64, n: f64) -> f64 {
    if n == 0.0 {
        return js_round(x);
    }
    let m = 10f64.powf(n);
    js_round(x * m) / m
}

/// Applies function `name` (known to exist) to `args`. Units: the arguments' unit
/// (all the same, or none), kept on the result, as Tokens Studio does.
fn call(name: &str, args: &[Quantity]) -> Result<Quantity, ExprError> {
    let (_, min, max) = FUNCTIONS
        .iter()
        .find(|(n, ..)| *n == name)
        .ok_or_else(|| ExprError::UnknownFunction(name.to_string()))?;
    if args.len() < *min || args.len() > *max {
        let expected = match (min, max) {
            (1, 1) => "one argument",
            (2, 2) => "two arguments",
            (1, 2) => "one or two arguments",
            _ => "at least one argument",
        };
        return Err(ExprError::Arity {
            name: name.to_string(),
            expected,
            got: args.len(),
        });
    }
    // `roundTo(x, n)`: the unit is x's; `n` is a count of decimals.
    let unit_args = if name == "roundTo" { &args[..1] } else { args };
    let mut unit = String::new();
    for a in unit_args {
        unit = combine_units(&unit, &a.unit, true)?;
    }
    let x = args[0].value;
    let y = args.get(1).map_or(0.0, |q| q.value);
    let value = match name {
        "abs" => x.abs(),
        "ceil" => x.ceil(),
        "floor" => x.floor(),
        "round" => js_round(x),
        "trunc" => x.trunc(),
        "sign" => {
            if x == 0.0 {
                0.0
            } else {
                x.signum()
            }
        }
        "sqrt" => x.sqrt(),
        "cbrt" => x.cbrt(),
        "exp" => x.exp(),
        "expm1" => x.exp_m1(),
        "log" | "ln" => x.ln(),
        "log2" => x.log2(),
        "log10" | "lg" => x.log10(),
        "log1p" => x.ln_1p(),
        "sin" => x.sin(),
        "cos" => x.cos(),
        "tan" => x.tan(),
        "asin" => x.asin(),
        "acos" => x.acos(),
        "atan" => x.atan(),
        "sinh" => x.sinh(),
        "cosh" => x.cosh(),
        "tanh" => x.tanh(),
        "asinh" => x.asinh(),
        "acosh" => x.acosh(),
        "atanh" => x.atanh(),
        "min" => args.iter().map(|q| q.value).fold(f64::INFINITY, f64::min),
        "max" => args
            .iter()
            .map(|q| q.value)
            .fold(f64::NEG_INFINITY, f64::max),
        "pow" => x.powf(y),
        "hypot" | "pyt" => args.iter().map(|q| q.value * q.value).sum::<f64>().sqrt(),
        "atan2" => x.atan2(y),
        "roundTo" => round_to(x, y),
        // mathjs's `mod`: the sign of the divisor (`mod(-1, 3)` is 2).
        "mod" => {
            if y == 0.0 {
                return Err(ExprError::DivisionByZero);
            }
            x - y * (x / y).floor()
        }
        _ => return Err(ExprError::UnknownFunction(name.to_string())),
    };
    if !value.is_finite() {
        return Err(ExprError::NotFinite);
    }
    Ok(Quantity { value, unit })
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
        let mut acc = self.power()?;
        loop {
            self.ws();
            match self.s.get(self.pos) {
                Some(b'*' | b'/' | b'%') => {
                    let op = self.s[self.pos];
                    self.pos += 1;
                    let rhs = self.power()?;
                    let unit = combine_units(&acc.unit, &rhs.unit, false)?;
                    if op != b'*' && rhs.value == 0.0 {
                        return Err(ExprError::DivisionByZero);
                    }
                    acc = Quantity {
                        value: match op {
                            b'*' => acc.value * rhs.value,
                            b'/' => acc.value / rhs.value,
                            // JavaScript's `%` (expr-eval): the sign of the dividend.
                            _ => acc.value % rhs.value,
                        },
                        unit,
                    };
                }
                _ => return Ok(acc),
            }
        }
    }

    /// `a ^ b`, right-associative.
    fn power(&mut self) -> Result<Quantity, ExprError> {
        let base = self.atom()?;
        self.ws();
        if self.s.get(self.pos) != Some(&b'^') {
            return Ok(base);
        }
        self.pos += 1;
        let exp = self.power()?;
        let unit = combine_units(&base.unit, &exp.unit, false)?;
        let value = base.value.powf(exp.value);
        if !value.is_finite() {
            return Err(ExprError::NotFinite);
        }
        Ok(Quantity { value, unit })
    }

    /// A unit written right after a reference or `)`: `{scale}rem`, `({a} * 2)%`.
    fn unit_suffix(&mut self, q: Quantity) -> Result<Quantity, ExprError> {
        let start = self.pos;
        while self
            .s
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'%')
        {
            self.pos += 1;
        }
        if start == self.pos {
            return Ok(q);
        }
        let unit = combine_units(&q.unit, &self.text[start..self.pos], true)?;
        Ok(Quantity {
            value: q.value,
            unit,
        })
    }

    fn args(&mut self) -> Result<Vec<Quantity>, ExprError> {
        let mut args = Vec::new();
        self.ws();
        if self.s.get(self.pos) == Some(&b')') {
            self.pos += 1;
            return Ok(args);
        }
        loop {
            args.push(self.expr()?);
            self.ws();
            match self.s.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b')') => {
                    self.pos += 1;
                    return Ok(args);
                }
                _ => return Err(ExprError::MissingParen),
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
                self.unit_suffix(q)
            }
            Some(b'{') => {
                let end = self.text[self.pos..]
                    .find('}')
                    .ok_or(ExprError::MissingBrace)?
                    + self.pos;
                let target = &self.text[self.pos + 1..end];
                self.pos = end + 1;
                let q = self
                    .conv
                    .lookup_quantity(target, self.path, self.depth + 1)?;
                self.unit_suffix(q)
            }
            Some(b'-') => {
                self.pos += 1;
                let q = self.power()?;
                Ok(Quantity {
                    value: -q.value,
                    unit: q.unit,
                })
            }
            Some(b'+') => {
                self.pos += 1;
                self.power()
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.pos;
                while self.s.get(self.pos).is_some_and(u8::is_ascii_alphanumeric) {
                    self.pos += 1;
                }
                let name = &self.text[start..self.pos];
                self.ws();
                if self.s.get(self.pos) == Some(&b'(') {
                    self.pos += 1;
                    let args = self.args()?;
                    let q = call(name, &args)?;
                    return self.unit_suffix(q);
                }
                let value = match name {
                    "PI" => std::f64::consts::PI,
                    "E" => std::f64::consts::E,
                    _ => return Err(ExprError::UnknownFunction(name.to_string())),
                };
                Ok(Quantity {
                    value,
                    unit: String::new(),
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
                self.unit_suffix(Quantity {
                    value,
                    unit: String::new(),
                })
            }
            _ => Err(ExprError::Unexpected(
                self.text[self.pos.min(self.text.len())..].to_string(),
            )),
        }
    }
}

/// The unit of `a op b`, as Tokens Studio's maths (sd-transforms' `checkAndEvaluateMath`)
/// has it: pixels are plain numbers, so `px` with `px` or with a number stays `px`, and
/// `px` with one other unit takes that unit (`({a} / 16)rem` on a pixel `{a}`); two
/// different other units cannot be combined (Tokens Studio leaves such an expression
/// unevaluated; opends refuses it with a located error).
fn combine_units(a: &str, b: &str, _additive: bool) -> Result<String, ExprError> {
    match (a, b) {
        ("", u) | (u, "") => Ok(u.to_string()),
        _ if a == b => Ok(a.to_string()),
        ("px", u) | (u, "px") => Ok(u.to_string()),
        _ => Err(ExprError::Units(a.to_string(), b.to_string())),
    }
}

pub(super) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::tokens::finding::Findings;
    use crate::tokens::json;
    use crate::tokens::source::Source;

    /// Evaluates `text` next to the tokens of `doc` (Tokens Studio JSON).
    fn eval_in(doc: &str, text: &str) -> Result<Quantity, ExprError> {
        let root = json::parse(doc).unwrap();
        let mut raw = HashMap::new();
        super::super::collect_raw(&root, "", &mut raw);
        let src = Source::new("t.json", doc);
        let mut findings = Findings::default();
        let cv = Converter::new(&src, &mut findings, &raw);
        cv.evaluate(text, "t", 0)
    }

    fn eval(text: &str) -> Result<Quantity, ExprError> {
        eval_in("{}", text)
    }

    /// The value and unit of `text`, which must evaluate.
    fn q(text: &str) -> (f64, String) {
        let q = eval(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (round4(q.value), q.unit)
    }

    fn n(v: f64) -> (f64, String) {
        (v, String::new())
    }

    fn px(v: f64) -> (f64, String) {
        (v, "px".to_string())
    }

    #[test]
    fn rounding_functions_follow_javascript() {
        assert_eq!(q("floor(2.7)"), n(2.0));
        assert_eq!(q("floor(-2.5)"), n(-3.0));
        assert_eq!(q("ceil(2.1)"), n(3.0));
        assert_eq!(q("ceil(-2.7)"), n(-2.0));
        // Math.round: halves go up, also below zero.
        assert_eq!(q("round(2.5)"), n(3.0));
        assert_eq!(q("round(-2.5)"), n(-2.0));
        assert_eq!(q("round(2.49)"), n(2.0));
        assert_eq!(q("trunc(-2.7)"), n(-2.0));
        // roundTo(x, n): n decimals; the documented example 2 · 1.33 = 2.66 -> 3.
        assert_eq!(q("roundTo(2 * 1.33, 0)"), n(3.0));
        assert_eq!(q("roundTo(1.23456, 2)"), n(1.23));
        assert_eq!(q("roundTo(12.5px)"), px(13.0));
    }

    #[test]
    fn min_max_abs_sign() {
        assert_eq!(q("min(4, 8, 2)"), n(2.0));
        assert_eq!(q("max(4px, 8px)"), px(8.0));
        assert_eq!(q("max(4, 8px)"), px(8.0));
        assert_eq!(q("abs(-3px)"), px(3.0));
        assert_eq!(q("sign(-3)"), n(-1.0));
        assert_eq!(q("sign(0)"), n(0.0));
        assert_eq!(
            eval("min(1em, 1rem)"),
            Err(ExprError::Units("em".into(), "rem".into()))
        );
    }

    #[test]
    fn powers_roots_and_logarithms() {
        assert_eq!(q("sqrt(16)"), n(4.0));
        assert_eq!(q("cbrt(27)"), n(3.0));
        assert_eq!(q("pow(2, 10)"), n(1024.0));
        // `^` binds tighter than `*` and groups to the right: 2^3^2 = 2^9.
        assert_eq!(q("2 ^ 3 ^ 2"), n(512.0));
        assert_eq!(q("2 * 3 ^ 2"), n(18.0));
        assert_eq!(q("16px * 1.25 ^ 2"), px(25.0));
        assert_eq!(q("hypot(3, 4)"), n(5.0));
        assert_eq!(q("pyt(3, 4)"), n(5.0));
        assert_eq!(q("exp(0)"), n(1.0));
        assert_eq!(q("expm1(0)"), n(0.0));
        assert_eq!(q("ln(E)"), n(1.0));
        assert_eq!(q("log(E)"), n(1.0));
        assert_eq!(q("log2(8)"), n(3.0));
        assert_eq!(q("log10(1000)"), n(3.0));
        assert_eq!(q("lg(100)"), n(2.0));
        assert_eq!(q("log1p(0)"), n(0.0));
        assert_eq!(eval("sqrt(-1)"), Err(ExprError::NotFinite));
        assert_eq!(eval("log(0)"), Err(ExprError::NotFinite));
    }

    #[test]
    fn trigonometry() {
        assert_eq!(q("sin(PI / 2)"), n(1.0));
        assert_eq!(q("cos(0)"), n(1.0));
        assert_eq!(q("tan(0)"), n(0.0));
        assert_eq!(q("asin(1)"), n(round4(std::f64::consts::FRAC_PI_2)));
        assert_eq!(q("acos(1)"), n(0.0));
        assert_eq!(q("atan(1)"), n(round4(std::f64::consts::FRAC_PI_4)));
        assert_eq!(q("atan2(1, 1)"), n(round4(std::f64::consts::FRAC_PI_4)));
        assert_eq!(q("sinh(0)"), n(0.0));
        assert_eq!(q("cosh(0)"), n(1.0));
        assert_eq!(q("tanh(0)"), n(0.0));
        assert_eq!(q("asinh(0)"), n(0.0));
        assert_eq!(q("acosh(1)"), n(0.0));
        assert_eq!(q("atanh(0)"), n(0.0));
    }

    #[test]
    fn remainders() {
        // `%` is JavaScript's remainder (sign of the dividend), as in expr-eval.
        assert_eq!(q("10 % 4"), n(2.0));
        assert_eq!(q("-7 % 3"), n(-1.0));
        assert_eq!(q("10px % 4"), px(2.0));
        // mod() is mathjs's (sign of the divisor).
        assert_eq!(q("mod(-7, 3)"), n(2.0));
        assert_eq!(q("mod(7, 3)"), n(1.0));
        assert_eq!(eval("10 % 0"), Err(ExprError::DivisionByZero));
        // A `%` right after a number is a unit.
        assert_eq!(q("150%"), (150.0, "%".into()));
        assert_eq!(q("1.5 * 100%"), (150.0, "%".into()));
    }

    #[test]
    fn functions_with_references_and_units_after_them() {
        let doc = r#"{"size": {"sm": {"value": "4", "type": "spacing"},
            "md": {"value": "10.5px", "type": "spacing"},
            "lh": {"value": "1.5", "type": "number"}}}"#;
        let q = |t: &str| {
            let q = eval_in(doc, t).unwrap_or_else(|e| panic!("{t}: {e}"));
            (round4(q.value), q.unit)
        };
        assert_eq!(q("floor({size.md})"), px(10.0));
        assert_eq!(q("max({size.sm}, {size.md}) * 2"), px(21.0));
        // `size.sm` is a unitless spacing: pixels, as Tokens Studio counts it.
        assert_eq!(q("roundTo({size.sm} * 1.33, 0)"), px(5.0));
        // A unit written after a reference or `)`: `{lh}%`, `({a} * 4)rem`.
        assert_eq!(q("{size.lh} * 100%"), (150.0, "%".into()));
        assert_eq!(q("({size.sm} / 16)rem"), (0.25, "rem".into()));
        assert_eq!(q("{size.sm}px"), px(4.0));
    }

    /// Tokens Studio's unit rules: pixels are plain numbers (kept on the result), a
    /// unitless dimension token is pixels, one other unit wins over pixels, and two
    /// different other units cannot be combined.
    #[test]
    fn units_follow_tokens_studio() {
        assert_eq!(q("16px * 2"), px(32.0));
        assert_eq!(q("2 * 16px"), px(32.0));
        assert_eq!(q("16px + 4px"), px(20.0));
        assert_eq!(q("16px - 4"), px(12.0));
        assert_eq!(q("16px / 4px"), px(4.0));
        assert_eq!(q("1.5rem * 2"), (3.0, "rem".into()));
        assert_eq!(q("1rem + 1rem"), (2.0, "rem".into()));
        // sd-transforms drops `px` next to another unit.
        assert_eq!(q("(16px / 16)rem"), (1.0, "rem".into()));
        assert_eq!(
            eval("1rem + 1em"),
            Err(ExprError::Units("rem".into(), "em".into()))
        );
        assert_eq!(
            eval("2vw * 1%"),
            Err(ExprError::Units("vw".into(), "%".into()))
        );
        let doc = r#"{"size": {
            "base": {"$value": "16", "$type": "dimension"},
            "step": {"$value": "4", "$type": "spacing"},
            "em": {"$value": "1.5em", "$type": "dimension"},
            "scale": {"$value": "1.25", "$type": "number"},
            "alias": {"$value": "{size.base}", "$type": "number"}}}"#;
        let q = |t: &str| {
            let q = eval_in(doc, t).unwrap_or_else(|e| panic!("{t}: {e}"));
            (round4(q.value), q.unit)
        };
        // A dimension's number takes part; its unit (pixels when unwritten) is carried.
        assert_eq!(q("{size.base} * 2"), px(32.0));
        assert_eq!(q("{size.step} / {size.base} * {size.base}"), px(4.0));
        assert_eq!(q("{size.base} * {size.scale}"), px(20.0));
        assert_eq!(q("{size.em} * 2"), (3.0, "em".into()));
        // A number token holding a dimension is the dimension.
        assert_eq!(q("{size.alias} * 2"), px(32.0));
        assert_eq!(
            eval_in(doc, "{size.em} + 1rem"),
            Err(ExprError::Units("em".into(), "rem".into()))
        );
    }

    #[test]
    fn unknown_functions_and_arity() {
        assert_eq!(
            eval("frobnicate(2)"),
            Err(ExprError::UnknownFunction("frobnicate".into()))
        );
        assert!(matches!(eval("pow(2)"), Err(ExprError::Arity { .. })));
        assert_eq!(eval("floor(2"), Err(ExprError::MissingParen));
    }

    #[test]
    fn what_counts_as_an_expression() {
        for t in [
            "floor({a} * 1.5)",
            "roundTo({a}, 0)",
            "max({a}, {b})",
            "{a} ^ 2",
            "{a} % 4",
            "{scale.md}rem",
            "{line.body}%",
            "sqrt(16)",
            "frobnicate({a})",
        ] {
            assert!(is_expression(t), "{t}");
        }
        for t in [
            "{a}",
            "16px",
            "150%",
            "Inter, sans-serif",
            "rgba(0, 0, 0, 0.5)",
            "min-content",
            "rgba({a}, 0.5)",
            "linear-gradient(90deg, #fff 0%, #000 100%)",
        ] {
            assert!(!is_expression(t), "{t}");
        }
    }

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
