//! A small JSON parser that keeps the byte offset of every value and key, so that
//! findings can name the line and column of the token they are about.
//!
//! Strings without escapes borrow from the input, which keeps a 17 MB token file
//! close to the cost of a plain `serde_json::Value` parse.

use std::borrow::Cow;

/// A parsed JSON value and where it starts in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// Byte offset of the first character of the value.
    pub offset: u32,
    /// The value itself.
    pub kind: Kind<'a>,
}

/// The shape of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number with its source text, kept for lossless round-trips.
    Number(f64, &'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Node<'a>>),
    /// An object, members in source order (duplicates are kept and reported by callers).
    Object(Vec<Member<'a>>),
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// Byte offset of the key's opening quote.
    pub key_offset: u32,
    /// The unescaped key.
    pub key: Cow<'a, str>,
    /// The value.
    pub value: Node<'a>,
}

/// A syntax error at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset where the problem was found.
    pub offset: u32,
    /// What was wrong.
    pub message: String,
}

impl<'a> Node<'a> {
    /// The members when this is an object.
    pub fn as_object(&self) -> Option<&[Member<'a>]> {
        match &self.kind {
            Kind::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The string when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number when this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self.kind {
            Kind::Number(n, _) => Some(n),
            _ => None,
        }
    }

    /// The elements when this is an array.
    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.kind {
            Kind::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The value of member `key` of an object (the first one when duplicated).
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.as_object()?
            .iter()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    /// A short name of the JSON type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "a boolean",
            Kind::Number(..) => "a number",
            Kind::String(_) => "a string",
            Kind::Array(_) => "an array",
            Kind::Object(_) => "an object",
        }
    }

    /// Converts to an owned `serde_json::Value` (object member order is kept).
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Number(n, raw) => number_value(*n, raw),
            Kind::String(s) => Value::String(s.to_string()),
            Kind::Array(a) => Value::Array(a.iter().map(Node::to_value).collect()),
            Kind::Object(m) => Value::Object(
                m.iter()
                    .map(|m| (m.key.to_string(), m.value.to_value()))
                    .collect(),
            ),
        }
    }
}

/// Keeps integers as integers so that `4` does not come back as `4.0`.
fn number_value(n: f64, raw: &str) -> serde_json::Value {
    if !raw.is_empty() && !raw.contains(['.', 'e', 'E']) {
        if let Ok(i) = raw.parse::<i64>() {
            if i as f64 == n {
                return serde_json::Value::from(i);
            }
        }
    }
    // Numbers made in code (legacy conversion) have no source text: keep integral ones
    // integral, as an author would have written them.
    if raw.is_empty() && n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        return serde_json::Value::from(n as i64);
    }
    serde_json::Number::from_f64(n).map_or(serde_json::Value::Null, serde_json::Value::Number)
}

/// Builds an owned node tree from a `serde_json::Value`, every node at `offset`.
pub fn from_value(value: &serde_json::Value, offset: u32) -> Node<'static> {
    use serde_json::Value;
    let kind = match value {
        Value::Null => Kind::Null,
        Value::Bool(b) => Kind::Bool(*b),
        // The raw text only matters for round-trips of parsed files.
        Value::Number(n) => Kind::Number(n.as_f64().unwrap_or(0.0), ""),
        Value::String(s) => Kind::String(Cow::Owned(s.clone())),
        Value::Array(a) => Kind::Array(a.iter().map(|v| from_value(v, offset)).collect()),
        Value::Object(m) => Kind::Object(
            m.iter()
                .map(|(k, v)| Member {
                    key_offset: offset,
                    key: Cow::Owned(k.clone()),
                    value: from_value(v, offset),
                })
                .collect(),
        ),
    };
    Node { offset, kind }
}

/// Parses one JSON document (RFC 8259); a leading UTF-8 BOM is skipped.
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut p = Parser {
        src: text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        max_depth: crate::input::limits().max_depth,
    };
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.ws();
    let node = p.value()?;
    p.ws();
    if p.pos < p.bytes.len() {
        return Err(p.err("unexpected content after the end of the JSON document"));
    }
    Ok(node)
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
    max_depth: u32,
}

impl<'a> Parser<'a> {
    fn err(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset: self.pos.min(u32::MAX as usize) as u32,
            message: message.into(),
        }
    }

    fn ws(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let offset = self.pos as u32;
        let kind = match self.bytes.get(self.pos) {
            None => return Err(self.err("unexpected end of file, expected a value")),
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b't') => self.literal("true", Kind::Bool(true))?,
            Some(b'f') => self.literal("false", Kind::Bool(false))?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => {
                let c = self.src[self.pos..].chars().next().unwrap_or('?');
                return Err(self.err(format!("unexpected character `{c}`, expected a value")));
            }
        };
        Ok(Node { offset, kind })
    }

    fn literal(&mut self, word: &str, kind: Kind<'a>) -> Result<Kind<'a>, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(kind)
        } else {
            Err(self.err(format!("invalid literal, expected `{word}`")))
        }
    }

    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.err(format!(
                "nesting deeper than {} levels, {}",
                self.max_depth,
                crate::input::Limit::Depth.hint()
            )));
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Kind<'a>, SyntaxError> {
        self.enter()?;
        self.pos += 1;
        let mut members = Vec::new();
        self.ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Kind::Object(members));
        }
        loop {
            self.ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.err("expected a string key in double quotes"));
            }
            let key_offset = self.pos as u32;
            let key = self.string()?;
            self.ws();
            if self.bytes.get(self.pos) != Some(&b':') {
                return Err(self.err(format!("expected `:` after the key \"{key}\"")));
            }
            self.pos += 1;
            self.ws();
            let value = self.value()?;
            members.push(Member {
                key_offset,
                key,
                value,
            });
            self.ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Kind::Object(members));
                }
                None => return Err(self.err("unexpected end of file inside an object")),
                Some(_) => return Err(self.err("expected `,` or `}` after an object member")),
            }
        }
    }

    fn array(&mut self) -> Result<Kind<'a>, SyntaxError> {
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Kind::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Kind::Array(items));
                }
                None => return Err(self.err("unexpected end of file inside an array")),
                Some(_) => return Err(self.err("expected `,` or `]` after an array element")),
            }
        }
    }

    fn number(&mut self) -> Result<Kind<'a>, SyntaxError> {
        let start = self.pos;
        let b = self.bytes;
        if b.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match b.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                    self.pos += 1;
                }
            }
            _ => return Err(self.err("invalid number")),
        }
        if b.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.err("invalid number: expected a digit after `.`"));
            }
            while matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        if matches!(b.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(b.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.err("invalid number: expected a digit in the exponent"));
            }
            while matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        let raw = &self.src[start..self.pos];
        let n: f64 = raw.parse().map_err(|_| self.err("invalid number"))?;
        if !n.is_finite() {
            return Err(self.err("number out of range"));
        }
        Ok(Kind::Number(n, raw))
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1; // opening quote
        let start = self.pos;
        let b = self.bytes;
        // Fast path: no escapes.
        while let Some(&c) = b.get(self.pos) {
            match c {
                b'"' => {
                    let s = &self.src[start..self.pos];
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                b'\\' => break,
                0..=0x1f => return Err(self.err("control character in a string")),
                _ => self.pos += 1,
            }
        }
        let mut out = String::from(&self.src[start..self.pos]);
        loop {
            match b.get(self.pos) {
                None => return Err(self.err("unexpected end of file inside a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match b.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.err("invalid escape in a string")),
                    };
                    out.push(c);
                    self.pos += 1;
                }
                Some(0..=0x1f) => return Err(self.err("control character in a string")),
                Some(_) => {
                    let ch = self.src[self.pos..].chars().next().unwrap_or('\u{fffd}');
                    out.push(ch);
                    self.pos += ch.len_utf8();
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let s = self
            .src
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.err("invalid \\u escape"))?;
        let v = u32::from_str_radix(s, 16).map_err(|_| self.err("invalid \\u escape"))?;
        self.pos += 4;
        Ok(v)
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi) {
            if self.bytes[self.pos..].starts_with(b"\\u") {
                self.pos += 2;
                let lo = self.hex4()?;
                if (0xDC00..0xE000).contains(&lo) {
                    let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                    return char::from_u32(c).ok_or_else(|| self.err("invalid surrogate pair"));
                }
            }
            return Err(self.err("unpaired surrogate in \\u escape"));
        }
        char::from_u32(hi).ok_or_else(|| self.err("invalid \\u escape"))
    }
}

/// Maps byte offsets of one text to 1-based line and column (columns count characters).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| (i + 1) as u32),
        );
        Self { starts }
    }

    /// The 1-based line and column of `offset` in `text`.
    pub fn position(&self, text: &str, offset: u32) -> (u32, u32) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line] as usize;
        let end = (offset as usize).min(text.len());
        let col = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line as u32 + 1, col as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_values_with_offsets() {
        let text = "{\n  \"a\": [1, 2.5, \"x\\n\"],\n  \"b\": {\"c\": null}\n}";
        let node = parse(text).unwrap();
        let a = node.get("a").unwrap();
        assert_eq!(a.offset, 9);
        let items = a.as_array().unwrap();
        assert_eq!(items[1].as_f64(), Some(2.5));
        assert_eq!(items[2].as_str(), Some("x\n"));
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, a.offset), (2, 8));
        assert_eq!(node.get("b").unwrap().get("c").unwrap().kind, Kind::Null);
    }

    #[test]
    fn rejects_trailing_commas_and_reports_offset() {
        let err = parse("{\"a\": 1,}").unwrap_err();
        assert_eq!(err.offset, 8);
        assert!(parse("[1,]").is_err());
        assert!(parse("01").is_err());
        assert!(parse("{} x").is_err());
    }

    #[test]
    fn integers_stay_integers() {
        let node = parse("[4, 4.0, 1e2]").unwrap();
        assert_eq!(node.to_value().to_string(), "[4,4.0,100.0]");
    }

    #[test]
    fn decodes_surrogate_pairs() {
        let node = parse(r#""\ud83c\udfa8""#).unwrap();
        assert_eq!(node.as_str(), Some("🎨"));
    }
}
