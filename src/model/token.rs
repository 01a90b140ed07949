//! Design tokens: a path, a DTCG type, a value (per mode) and metadata.
//!
//! Values are kept as the JSON the author wrote (`serde_json::Value`), already
//! validated against their type by `tokens::value`, so that a DTCG file survives
//! import and export unchanged; formats interpret them through `export`.

use crate::hash::HashMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::theme::{Axis, Context, ContextError, axes_of, key_of, key_parts};

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
    /// The value written for exactly the key `mode` (the base value when it has none).
    pub fn value_in(&self, mode: Option<&str>) -> &Value {
        mode.and_then(|m| self.modes.iter().find(|(name, _)| name == m))
            .map_or(&self.value, |(_, v)| v)
    }

    /// The value in a choice of contexts: that of the last key (in resolution order)
    /// whose every context is chosen, else the base value.
    pub fn value_at(&self, context: &Context) -> &Value {
        self.modes
            .iter()
            .rev()
            .find(|(key, _)| context.matches(key))
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
    /// Mode keys in resolution order (see `model::theme`): for plain modes the mode
    /// names, the first being the default mode.
    pub modes: Vec<String>,
    /// The theme axes the keys declare.
    pub axes: Vec<Axis>,
    index: HashMap<TokenPath, usize>,
}

impl Tokens {
    /// Builds the collection and its path index.
    pub fn new(tokens: Vec<Token>, groups: Vec<Group>, modes: Vec<String>) -> Self {
        let mut index = crate::hash::map_with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            index.insert(t.path.clone(), i);
        }
        let axes = axes_of(&modes);
        Self {
            tokens,
            groups,
            modes,
            axes,
            index,
        }
    }

    /// Reads a choice of contexts (`dark`, `scheme=dark`, `brand=beta,scheme=dark`).
    pub fn context(&self, spec: &str) -> Result<Context, ContextError> {
        Context::parse(&self.axes, spec)
    }

    /// The key a choice of contexts is written under: with named axes `dark` becomes
    /// `scheme=dark`; plain mode names are kept as given (a new mode may be added).
    pub fn mode_key(&self, spec: &str) -> Result<String, ContextError> {
        if self.has_named_axes() {
            Context::key_of_spec(&self.axes, spec)
        } else {
            Ok(spec.to_string())
        }
    }

    /// The tokens with some axes fixed to one context each (`(axis, context)` pairs):
    /// each token's base value becomes its value in that choice, and only keys of the
    /// other axes remain (their fixed parts removed), so the result resolves every
    /// choice of the other axes as `self` does with the fixed ones added.
    #[must_use]
    pub fn fixed(&self, fixed: &[(String, String)]) -> Tokens {
        let is_fixed = |axis: &str| fixed.iter().any(|(a, _)| a == axis);
        // Each key's fate: `None` dropped (a fixed axis at another context), `Some("")`
        // always applies, `Some(rest)` applies under the remaining parts.
        let fate = |key: &str| -> Option<String> {
            let mut rest = Vec::new();
            for (axis, ctx) in key_parts(key) {
                match fixed.iter().find(|(a, _)| a == axis) {
                    Some((_, c)) if c == ctx => {}
                    Some(_) => return None,
                    None => rest.push((axis, ctx)),
                }
            }
            Some(key_of(rest))
        };
        let modes: Vec<String> = self
            .modes
            .iter()
            .filter(|k| key_parts(k).all(|(a, _)| !is_fixed(a)))
            .cloned()
            .collect();
        let tokens = self
            .tokens
            .iter()
            .map(|t| {
                let mut out = Token {
                    modes: Vec::new(),
                    ..t.clone()
                };
                for (key, v) in &t.modes {
                    match fate(key) {
                        None => {}
                        Some(rest) if rest.is_empty() => {
                            out.value = v.clone();
                            out.modes.clear();
                        }
                        Some(rest) => {
                            out.modes.retain(|(k, _)| *k != rest);
                            out.modes.push((rest, v.clone()));
                        }
                    }
                }
                // Reduced combination keys may now sort among single ones: keep the
                // resolution order of the remaining key list.
                out.modes
                    .sort_by_key(|(k, _)| modes.iter().position(|m| m == k).unwrap_or(usize::MAX));
                out
            })
            .collect();
        let mut modes = modes;
        for t in &self.tokens {
            for (key, _) in &t.modes {
                if let Some(rest) = fate(key).filter(|r| !r.is_empty()) {
                    if !modes.contains(&rest) {
                        modes.push(rest);
                    }
                }
            }
        }
        Tokens::new(tokens, self.groups.clone(), modes)
    }

    /// Whether the tokens have more than one axis or a named one.
    pub fn has_named_axes(&self) -> bool {
        self.axes.iter().any(|a| !a.name.is_empty())
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
