//! Design tokens: a path, a DTCG type, a value (per mode) and metadata.
//!
//! Values are kept as the JSON the author wrote (`serde_json::Value`), already
//! validated against their type by `tokens::value`, so that a DTCG file survives
//! import and export unchanged; formats interpret them through `export`.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The dotted path of a token or group, e.g. `color.action.primary`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TokenPath(String);

impl TokenPath {
    /// Wraps a dotted path (not checked: use `tokens::name` rules before).
    pub fn new(path: impl Into<String>) -> Self {
        Self(path.into())
    }

    /// The path from its segments.
    pub fn from_segments<S: AsRef<str>>(segments: &[S]) -> Self {
        let mut s = String::new();
        for (i, seg) in segments.iter().enumerate() {
            if i > 0 {
                s.push('.');
            }
            s.push_str(seg.as_ref());
        }
        Self(s)
    }

    /// The dotted form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The segments.
    pub fn segments(&self) -> impl Iterator<Item = &str> {
        self.0.split('.')
    }

    /// The parent group's path, if any.
    pub fn parent(&self) -> Option<TokenPath> {
        self.0
            .rfind('.')
            .map(|i| TokenPath(self.0[..i].to_string()))
    }

    /// Appends one segment.
    #[must_use]
    pub fn child(&self, segment: &str) -> TokenPath {
        if self.0.is_empty() {
            return TokenPath(segment.to_string());
        }
        let mut s = String::with_capacity(self.0.len() + 1 + segment.len());
        s.push_str(&self.0);
        s.push('.');
        s.push_str(segment);
        TokenPath(s)
    }
}

impl fmt::Display for TokenPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The 13 DTCG 2025.10 token types, and `string`, which tools write and the lenient
/// reader keeps (never accepted by `--strict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TokenType {
    /// `color`
    Color,
    /// `dimension`
    Dimension,
    /// `fontFamily`
    FontFamily,
    /// `fontWeight`
    FontWeight,
    /// `duration`
    Duration,
    /// `cubicBezier`
    CubicBezier,
    /// `number`
    Number,
    /// `strokeStyle`
    StrokeStyle,
    /// `border`
    Border,
    /// `transition`
    Transition,
    /// `shadow`
    Shadow,
    /// `gradient`
    Gradient,
    /// `typography`
    Typography,
    /// `string`: not a DTCG type; text that tools write (`content`, `asset`, `textCase`,
    /// ...), exported as a quoted string.
    String,
}

impl TokenType {
    /// Every DTCG type, in the order of the specification (not [`TokenType::String`]).
    pub const ALL: [TokenType; 13] = [
        Self::Color,
        Self::Dimension,
        Self::FontFamily,
        Self::FontWeight,
        Self::Duration,
        Self::CubicBezier,
        Self::Number,
        Self::StrokeStyle,
        Self::Border,
        Self::Transition,
        Self::Shadow,
        Self::Gradient,
        Self::Typography,
    ];

    /// The name used in `$type`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Color => "color",
            Self::Dimension => "dimension",
            Self::FontFamily => "fontFamily",
            Self::FontWeight => "fontWeight",
            Self::Duration => "duration",
            Self::CubicBezier => "cubicBezier",
            Self::Number => "number",
            Self::StrokeStyle => "strokeStyle",
            Self::Border => "border",
            Self::Transition => "transition",
            Self::Shadow => "shadow",
            Self::Gradient => "gradient",
            Self::Typography => "typography",
            Self::String => "string",
        }
    }

    /// Whether values of this type are objects or arrays made of other types.
    pub fn is_composite(self) -> bool {
        matches!(
            self,
            Self::StrokeStyle
                | Self::Border
                | Self::Transition
                | Self::Shadow
                | Self::Gradient
                | Self::Typography
        )
    }
}

impl fmt::Display for TokenType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TokenType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "string" {
            return Ok(Self::String);
        }
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|t| t.as_str()).collect();
                format!("unknown type `{s}` (expected one of {})", names.join(", "))
            })
    }
}

/// `$deprecated`: `true`, or a string that says what to use instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Deprecation {
    /// `$deprecated: true` (or `false`, kept as written).
    Flag(bool),
    /// `$deprecated: "use x instead"`.
    Reason(String),
}

impl Deprecation {
    /// Whether the token is deprecated.
    pub fn is_deprecated(&self) -> bool {
        !matches!(self, Self::Flag(false))
    }

    /// The reason, if one was given.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Self::Reason(r) => Some(r),
            Self::Flag(_) => None,
        }
    }

    /// The JSON form.
    pub fn to_value(&self) -> Value {
        match self {
            Self::Flag(b) => Value::Bool(*b),
            Self::Reason(r) => Value::String(r.clone()),
        }
    }
}

/// One design token.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Where the token lives.
    pub path: TokenPath,
    /// Its type (declared, inherited from a group, or taken from the alias target).
    pub ty: TokenType,
    /// Whether `$type` was written on the token itself (kept for round-trips).
    pub explicit_type: bool,
    /// The base value, as written: a literal, an alias string `"{a.b}"`, or `{"$ref": "#/a/b/$value"}`.
    pub value: Value,
    /// Values that differ per mode (mode name -> value), in mode order.
    pub modes: Vec<(String, Value)>,
    /// `$description`.
    pub description: Option<String>,
    /// `$deprecated`.
    pub deprecated: Option<Deprecation>,
    /// `$extensions`, kept untouched.
    pub extensions: Option<Value>,
    /// The token set it came from (file name, resolver set, or `local`).
    pub set: String,
    /// The file it came from, when it came from one.
    pub source: Option<String>,
}

impl Token {
    /// The value for `mode` (the base value when the mode has none of its own).
    pub fn value_in(&self, mode: Option<&str>) -> &Value {
        mode.and_then(|m| self.modes.iter().find(|(name, _)| name == m))
            .map_or(&self.value, |(_, v)| v)
    }

    /// Whether the token is deprecated.
    pub fn is_deprecated(&self) -> bool {
        self.deprecated
            .as_ref()
            .is_some_and(Deprecation::is_deprecated)
    }
}

/// Metadata written on a group (`$type`, `$description`, `$deprecated`, `$extensions`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    /// The group's path.
    pub path: TokenPath,
    /// `$type` inherited by its tokens.
    pub ty: Option<TokenType>,
    /// `$description`.
    pub description: Option<String>,
    /// `$deprecated`.
    pub deprecated: Option<Deprecation>,
    /// `$extensions`, kept untouched.
    pub extensions: Option<Value>,
}

/// A complete, validated collection of tokens: what the store holds and what exporters read.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Tokens in document order.
    pub tokens: Vec<Token>,
    /// Groups that carry metadata, in document order.
    pub groups: Vec<Group>,
    /// Mode names; the first is the default mode.
    pub modes: Vec<String>,
    index: HashMap<TokenPath, usize>,
}

impl Tokens {
    /// Builds the collection and its path index.
    pub fn new(tokens: Vec<Token>, groups: Vec<Group>, modes: Vec<String>) -> Self {
        let mut index = HashMap::with_capacity_and_hasher(tokens.len(), rustc_hash::FxBuildHasher);
        for (i, t) in tokens.iter().enumerate() {
            index.insert(t.path.clone(), i);
        }
        Self {
            tokens,
            groups,
            modes,
            index,
        }
    }

    /// The token at `path`.
    pub fn get(&self, path: &TokenPath) -> Option<&Token> {
        self.index.get(path).map(|&i| &self.tokens[i])
    }

    /// The token at a dotted path.
    pub fn get_str(&self, path: &str) -> Option<&Token> {
        self.get(&TokenPath::new(path))
    }

    /// The index of the token at `path`.
    pub fn position(&self, path: &TokenPath) -> Option<usize> {
        self.index.get(path).copied()
    }

    /// The default mode, if modes are declared.
    pub fn default_mode(&self) -> Option<&str> {
        self.modes.first().map(String::as_str)
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}
