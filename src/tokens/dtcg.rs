//! Reads one DTCG 2025.10 document into tokens and groups, reporting every problem.
//!
//! References are only collected here; `resolve` links them across all files once
//! every document of a run has been read.

use crate::hash::HashMap;

use serde_json::Value;

use crate::model::{Deprecation, Group, TokenPath, TokenType};
use crate::tokens::finding::{Finding, Findings, Location};
use crate::tokens::json::{Kind, Member, Node};
pub use crate::tokens::source::Source;
use crate::tokens::value::{self, AliasSyntax, Reference, alias_syntax};

/// A token as read from a file, before references are resolved.
#[derive(Debug, Clone)]
pub struct ParsedToken {
    /// Its path.
    pub path: TokenPath,
    /// Declared or inherited type (`None` when it must come from an alias target).
    pub ty: Option<TokenType>,
    /// Whether `$type` sat on the token itself.
    pub explicit_type: bool,
    /// The value as written (`{"$ref": ...}` for `$ref` tokens).
    pub value: Value,
    /// `$description`.
    pub description: Option<String>,
    /// `$deprecated`.
    pub deprecated: Option<Deprecation>,
    /// `$extensions`.
    pub extensions: Option<Value>,
    /// Where the token starts.
    pub loc: Location,
    /// References the value makes, with their locations.
    pub references: Vec<(Reference, Location)>,
    /// Whether the value is invalid (already reported; kept so aliases to it do not cascade).
    pub invalid: bool,
}

/// A group's `$extends`, resolved once all files are read.
#[derive(Debug, Clone)]
pub struct Extends {
    /// The extending group.
    pub group: TokenPath,
    /// The group it extends.
    pub target: TokenPath,
    /// Where `$extends` is written.
    pub loc: Location,
}

/// Everything read from one document.
#[derive(Debug, Default)]
pub struct Document {
    /// Tokens in document order.
    pub tokens: Vec<ParsedToken>,
    /// Groups that carry metadata or exist (every group is listed, in order).
    pub groups: Vec<Group>,
    /// Group extensions to apply.
    pub extends: Vec<Extends>,
}

/// What the lenient check made of a value.
enum Lenient {
    /// Checked (problems, warnings, references), with the value read leniently if it was.
    Checked(value::Checked, Option<Value>),
    /// Refused with the lenient reader's own errors (already reported).
    Refused,
    /// A token that has no output (an unknown type whose value is not text): skipped.
    Skip,
}

/// Keys a token may carry.
const TOKEN_KEYS: [&str; 6] = [
    "$value",
    "$type",
    "$description",
    "$deprecated",
    "$extensions",
    "$ref",
];
/// Keys a group may carry besides its children.
const GROUP_KEYS: [&str; 6] = [
    "$type",
    "$description",
    "$deprecated",
    "$extensions",
    "$extends",
    "$schema",
];

/// Checks a token or group name; returns the message when it breaks a rule.
pub fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("a token or group name cannot be empty".into());
    }
    if name.starts_with('$') {
        return Some(format!(
            "`{name}`: names starting with `$` are reserved for DTCG properties"
        ));
    }
    if let Some(c) = crate::input::forbidden_char(name) {
        return Some(format!(
            "`{}`: token and group names cannot contain control characters (U+{:04X})",
            name.escape_debug(),
            c as u32
        ));
    }
    if let Some(c) = name.chars().find(|c| matches!(c, '{' | '}' | '.')) {
        return Some(format!(
            "`{name}`: token and group names cannot contain `{c}`"
        ));
    }
    None
}

/// Checks every segment of a dotted token path.
pub fn name_problem_path(path: &str) -> Option<String> {
    path.split('.')
        .filter(|seg| *seg != "$root")
        .find_map(name_problem)
}

struct Walker<'s, 't> {
    src: &'s Source<'t>,
    doc: Document,
    findings: &'s mut Findings,
    /// Group path -> (own `$type`, `$extends` target), for type inheritance through `$extends`.
    group_info: HashMap<String, (Option<TokenType>, Option<String>)>,
    /// Group path -> the `$type` it inherits, once worked out: each group is looked at once,
    /// however many `$extends` chains and ancestors lead to it (without it, groups that
    /// extend each other at every level made the search exponential).
    type_memo: std::cell::RefCell<HashMap<String, Option<TokenType>>>,
    /// DTCG 2025.10 exactly as written; otherwise the forms other tools write are read
    /// with a warning (see [`crate::tokens::legacy::normalise`]).
    strict: bool,
    /// The unit of a bare size in a Style Dictionary token met in the document.
    sd_size: crate::tokens::SdSize,
    /// The document was converted from a legacy format (so its hints never suggest
    /// reading it as one).
    converted: bool,
}

/// Collects every group's own `$type` and `$extends` target (a cheap pre-pass, so that
/// groups that extend another inherit its `$type` before their tokens are typed).
fn collect_groups(
    node: &Node<'_>,
    path: &str,
    out: &mut HashMap<String, (Option<TokenType>, Option<String>)>,
) -> usize {
    let Some(members) = node.as_object() else {
        return 0;
    };
    let mut tokens = 0;
    let ty = node
        .get("$type")
        .and_then(Node::as_str)
        .and_then(|s| s.parse().ok());
    let ext = node.get("$extends").and_then(|e| match &e.kind {
        Kind::String(s) => match alias_syntax(s) {
            AliasSyntax::Alias(p) => Some(p.to_string()),
            _ => s.strip_prefix("#/").map(|r| r.replace('/', ".")),
        },
        _ => None,
    });
    out.insert(path.to_string(), (ty, ext));
    for m in members {
        if m.key.starts_with('$') {
            continue;
        }
        if m.value.as_object().is_some()
            && m.value.get("$value").is_none()
            && m.value.get("$ref").is_none()
        {
            let child = if path.is_empty() {
                m.key.to_string()
            } else {
                format!("{path}.{}", m.key)
            };
            tokens += collect_groups(&m.value, &child, out);
        } else if m.value.as_object().is_some() {
            tokens += 1;
        }
    }
    tokens
}

impl Walker<'_, '_> {
    /// The `$type` a group's tokens inherit: its own, else the one it gets through an
    /// `$extends` (of itself or of an ancestor, mirrored), else its parent's.
    fn effective_type(&self, path: &str, depth: u32) -> Option<TokenType> {
        if depth > 32 {
            return None;
        }
        if let Some(known) = self.type_memo.borrow().get(path) {
            return *known;
        }
        let found = self.effective_type_once(path, depth);
        self.type_memo.borrow_mut().insert(path.to_string(), found);
        found
    }

    fn effective_type_once(&self, path: &str, depth: u32) -> Option<TokenType> {
        let (own, _) = self.group_info.get(path)?;
        if own.is_some() {
            return *own;
        }
        // Self or an ancestor extends something: look at the mirrored group there.
        let mut prefix = path;
        loop {
            if let Some((_, Some(target))) = self.group_info.get(prefix) {
                let rel = &path[prefix.len()..];
                let mirrored = format!("{target}{rel}");
                if self.group_info.contains_key(&mirrored) {
                    if let Some(t) = self.effective_type(&mirrored, depth + 1) {
                        return Some(t);
                    }
                }
            }
            match prefix.rfind('.') {
                Some(i) => prefix = &prefix[..i],
                None => break,
            }
        }
        let parent = match path.rfind('.') {
            Some(i) => &path[..i],
            None if path.is_empty() => return None,
            None => "",
        };
        self.effective_type(parent, depth + 1)
    }
}

/// Reads a parsed DTCG document, leniently: the forms other tools write are read with a
/// warning each (see [`read_with`]).
pub fn read(root: &mut Node<'_>, src: &Source<'_>, findings: &mut Findings) -> Document {
    read_with(root, src, false, findings)
}

/// Reads a parsed DTCG document; with `strict`, only DTCG 2025.10 exactly as written.
///
/// Each token's subtree is freed as soon as it has been read, so the parse tree and the
/// tokens made from it are never both held in full (peak memory at 100,000 tokens).
pub fn read_with(
    root: &mut Node<'_>,
    src: &Source<'_>,
    strict: bool,
    findings: &mut Findings,
) -> Document {
    walk(
        root,
        src,
        strict,
        false,
        crate::tokens::SdSize::default(),
        findings,
    )
}

/// Like [`read_with`], with the unit of a bare size in a Style Dictionary token met in
/// the document (`sd_size_unit:`).
pub fn read_lenient(
    root: &mut Node<'_>,
    src: &Source<'_>,
    strict: bool,
    sd_size: crate::tokens::SdSize,
    findings: &mut Findings,
) -> Document {
    walk(root, src, strict, false, sd_size, findings)
}

/// Reads a document converted from Style Dictionary or Tokens Studio.
pub fn read_converted(
    root: &mut Node<'_>,
    src: &Source<'_>,
    strict: bool,
    findings: &mut Findings,
) -> Document {
    walk(
        root,
        src,
        strict,
        true,
        crate::tokens::SdSize::default(),
        findings,
    )
}

fn walk(
    root: &mut Node<'_>,
    src: &Source<'_>,
    strict: bool,
    converted: bool,
    sd_size: crate::tokens::SdSize,
    findings: &mut Findings,
) -> Document {
    let mut group_info = HashMap::default();
    // The token count (objects with `$value` or `$ref`) sizes the token list once.
    let tokens = collect_groups(root, "", &mut group_info);
    let mut w = Walker {
        src,
        doc: Document::default(),
        findings,
        group_info,
        type_memo: std::cell::RefCell::default(),
        strict,
        sd_size,
        converted,
    };
    w.doc.tokens.reserve(tokens);
    if root.as_object().is_none() {
        let loc = src.loc(root.offset);
        w.findings.push(Finding::error(
            "invalid-document",
            &loc,
            None,
            format!(
                "a token file must be a JSON object of groups and tokens, found {}",
                root.type_name()
            ),
        ));
        return w.doc;
    }
    w.group(root, &TokenPath::new(""), None);
    w.doc
}

impl Walker<'_, '_> {
    fn error(&mut self, offset: u32, code: &'static str, path: &TokenPath, message: String) {
        let loc = self.src.loc(offset);
        self.findings
            .push(Finding::error(code, &loc, Some(path.as_str()), message));
    }

    fn duplicates(&mut self, members: &[Member<'_>], path: &TokenPath) {
        if members.len() > 12 {
            let mut seen = crate::hash::set_with_capacity(members.len());
            for m in members {
                if !seen.insert(m.key.as_ref()) {
                    self.error(
                        m.key_offset,
                        "duplicate-key",
                        path,
                        format!("duplicate key `{}`", m.key),
                    );
                }
            }
            return;
        }
        for (i, m) in members.iter().enumerate() {
            if members[..i].iter().any(|p| p.key == m.key) {
                self.error(
                    m.key_offset,
                    "duplicate-key",
                    path,
                    format!("duplicate key `{}`", m.key),
                );
            }
        }
    }

    fn warn(&mut self, offset: u32, code: &'static str, path: &TokenPath, message: String) {
        let loc = self.src.loc(offset);
        self.findings
            .push(Finding::warning(code, &loc, Some(path.as_str()), message));
    }

    fn type_of(&mut self, node: &Node<'_>, path: &TokenPath) -> Option<TokenType> {
        if let Some(s) = node.as_str() {
            match s.parse::<TokenType>() {
                Ok(TokenType::String) if self.strict => {
                    self.error(
                        node.offset,
                        "unknown-type",
                        path,
                        "`string` is not a DTCG 2025.10 type (without `--strict` it is read as text)".into(),
                    );
                    None
                }
                Ok(t) => Some(t),
                Err(m) if self.strict => {
                    self.error(node.offset, "unknown-type", path, m);
                    None
                }
                Err(_) => {
                    let read_as = crate::tokens::legacy::map_type(s)
                        .and_then(|t| t.parse::<TokenType>().ok())
                        .unwrap_or(TokenType::String);
                    self.warn(
                        node.offset,
                        "lenient-type",
                        path,
                        format!("`{s}` is not a DTCG type; read as `{read_as}`"),
                    );
                    Some(read_as)
                }
            }
        } else {
            self.error(
                node.offset,
                "unknown-type",
                path,
                format!("`$type` must be a string, found {}", node.type_name()),
            );
            None
        }
    }

    fn meta(
        &mut self,
        members: &[Member<'_>],
        path: &TokenPath,
    ) -> (Option<String>, Option<Deprecation>, Option<Value>) {
        let mut description = None;
        let mut deprecated = None;
        let mut extensions = None;
        for m in members {
            match m.key.as_ref() {
                "$description" => match m.value.as_str() {
                    Some(s) => description = Some(s.to_string()),
                    None => self.error(
                        m.value.offset,
                        "invalid-metadata",
                        path,
                        format!("`$description` must be a string, found {}", m.value.type_name()),
                    ),
                },
                "$deprecated" => match &m.value.kind {
                    Kind::Bool(b) => deprecated = Some(Deprecation::Flag(*b)),
                    Kind::String(s) => deprecated = Some(Deprecation::Reason(s.to_string())),
                    _ => self.error(
                        m.value.offset,
                        "invalid-metadata",
                        path,
                        format!(
                            "`$deprecated` must be true, false or a string saying what to use instead, found {}",
                            m.value.type_name()
                        ),
                    ),
                },
                "$extensions" => {
                    if m.value.as_object().is_some() {
                        extensions = Some(m.value.to_value());
                    } else {
                        self.error(
                            m.value.offset,
                            "invalid-metadata",
                            path,
                            format!(
                                "`$extensions` must be an object keyed by vendor, found {}",
                                m.value.type_name()
                            ),
                        );
                    }
                }
                _ => {}
            }
        }
        (description, deprecated, extensions)
    }

    fn group(&mut self, node: &mut Node<'_>, path: &TokenPath, inherited: Option<TokenType>) {
        let members = node.as_object().unwrap_or_default();
        self.duplicates(members, path);
        let mut ty = if path.as_str().is_empty() {
            inherited
        } else {
            self.effective_type(path.as_str(), 0).or(inherited)
        };
        let mut group = Group {
            path: path.clone(),
            ..Group::default()
        };
        for m in members {
            match m.key.as_ref() {
                "$type" => {
                    if let Some(t) = self.type_of(&m.value, path) {
                        ty = Some(t);
                        group.ty = Some(t);
                    }
                }
                "$schema" if !path.as_str().is_empty() => {
                    self.error(
                        m.key_offset,
                        "unknown-property",
                        path,
                        "`$schema` is only allowed at the top of a file".into(),
                    );
                }
                "$extends" => {
                    let target = match &m.value.kind {
                        Kind::String(s) => match alias_syntax(s) {
                            AliasSyntax::Alias(p) => Some(TokenPath::new(p)),
                            AliasSyntax::Malformed(msg) => {
                                self.error(m.value.offset, "invalid-extends", path, msg);
                                None
                            }
                            AliasSyntax::NotAlias if s.starts_with("#/") => {
                                Some(TokenPath::new(s[2..].replace('/', ".")))
                            }
                            AliasSyntax::NotAlias => {
                                self.error(
                                    m.value.offset,
                                    "invalid-extends",
                                    path,
                                    format!("`$extends` must reference a group as `{{group.name}}`, found `{s}`"),
                                );
                                None
                            }
                        },
                        Kind::Object(_) => {
                            if let Some(ptr) = m.value.get("$ref").and_then(Node::as_str) {
                                match ptr.strip_prefix("#/") {
                                    Some(rest) if !rest.is_empty() && !rest.contains('$') => {
                                        Some(TokenPath::new(rest.replace('/', ".")))
                                    }
                                    _ => {
                                        self.error(
                                    m.value.offset,
                                    "invalid-extends",
                                    path,
                                    format!("`$extends` pointer `{ptr}` must point at a group, e.g. `#/base`"),
                                );
                                        None
                                    }
                                }
                            } else {
                                self.error(
                                    m.value.offset,
                                    "invalid-extends",
                                    path,
                                    "`$extends` must be a group reference such as `{base}`".into(),
                                );
                                None
                            }
                        }
                        _ => {
                            self.error(
                                m.value.offset,
                                "invalid-extends",
                                path,
                                format!("`$extends` must be a group reference such as `{{base}}`, found {}", m.value.type_name()),
                            );
                            None
                        }
                    };
                    if let Some(target) = target {
                        self.doc.extends.push(Extends {
                            group: path.clone(),
                            target,
                            loc: self.src.loc(m.value.offset),
                        });
                    }
                }
                "$root" => {}
                k if k.starts_with('$') && !GROUP_KEYS.contains(&k) => {
                    let msg = if TOKEN_KEYS.contains(&k) {
                        format!("`{k}` belongs on a token, not on a group")
                    } else {
                        format!("unknown group property `{k}`")
                    };
                    self.error(m.key_offset, "unknown-property", path, msg);
                }
                _ => {}
            }
        }
        let (description, deprecated, extensions) = self.meta(members, path);
        group.description = description;
        group.deprecated = deprecated;
        group.extensions = extensions;
        if !path.as_str().is_empty() {
            self.doc.groups.push(group);
        }
        let Kind::Object(members) = &mut node.kind else {
            return;
        };
        for m in members.iter_mut() {
            let is_root = m.key == "$root";
            if m.key.starts_with('$') && !is_root {
                continue;
            }
            let child = path.child(&m.key);
            if !is_root {
                if let Some(msg) = name_problem(&m.key) {
                    // A control character is not echoed back raw (it could drive the terminal).
                    let shown = if crate::input::forbidden_char(&m.key).is_some() {
                        path.child(&m.key.escape_debug().to_string())
                    } else {
                        child
                    };
                    self.error(m.key_offset, "invalid-name", &shown, msg);
                    continue;
                }
            }
            let Some(obj) = m.value.as_object() else {
                self.error(
                    m.value.offset,
                    "invalid-token",
                    &child,
                    format!(
                        "a token or group must be an object, found {} (a token is written `{{\"$value\": ...}}`)",
                        m.value.type_name()
                    ),
                );
                continue;
            };
            let is_token = obj.iter().any(|c| c.key == "$value" || c.key == "$ref");
            if is_token {
                self.token(&m.value, &child, ty);
                m.value.kind = Kind::Null;
            } else if is_root {
                self.error(
                    m.value.offset,
                    "invalid-token",
                    &child,
                    "`$root` must be a token with a `$value`".into(),
                );
            } else if !self.strict
                && obj.iter().any(|c| c.key == "value")
                && obj.iter().all(|c| !c.key.starts_with('$'))
                && crate::tokens::legacy::is_style_dictionary_token(&m.value)
            {
                let mut local = Findings::default();
                let converted = crate::tokens::legacy::convert_token(
                    &m.value,
                    child.as_str(),
                    self.sd_size,
                    self.src,
                    &mut local,
                );
                let failed = local.has_errors();
                self.findings.extend(local);
                if let Some(converted) = converted.filter(|_| !failed) {
                    self.warn(
                        m.value.offset,
                        "lenient-style-dictionary",
                        &child,
                        "a Style Dictionary token (`value` without `$`) in a DTCG file; read as DTCG".into(),
                    );
                    self.token(&converted, &child, ty);
                }
                m.value.kind = Kind::Null;
            } else if obj.iter().any(|c| c.key == "value" && obj.len() <= 4)
                && obj.iter().all(|c| !c.key.starts_with('$'))
            {
                let message = if self.converted {
                    "holds `value` but is not a token opends can read (its `value` is not a value but an object of tokens); write the value itself, or rename the `value` group"
                } else {
                    "looks like a Style Dictionary token (`value` without `$`); read it with `--format style-dictionary`"
                };
                self.error(m.value.offset, "legacy-format", &child, message.into());
            } else {
                self.group(&mut m.value, &child, ty);
                m.value.kind = Kind::Null;
            }
        }
    }

    fn token(&mut self, node: &Node<'_>, path: &TokenPath, inherited: Option<TokenType>) {
        let members = node.as_object().unwrap_or_default();
        self.duplicates(members, path);
        let loc = self.src.loc(node.offset);
        let mut ty = inherited;
        let mut explicit_type = false;
        let mut type_invalid = false;
        let mut kept: Vec<(String, Value)> = Vec::new();
        for m in members {
            let k = m.key.as_ref();
            if k == "$type" {
                explicit_type = true;
                match self.type_of(&m.value, path) {
                    Some(t) => ty = Some(t),
                    None => type_invalid = true,
                }
            } else if !TOKEN_KEYS.contains(&k) && !k.starts_with('$') && !self.strict {
                self.warn(
                    m.key_offset,
                    "lenient-property",
                    path,
                    format!("`{k}` is not a DTCG token property; kept in `$extensions`"),
                );
                kept.push((k.to_string(), m.value.to_value()));
            } else if !TOKEN_KEYS.contains(&k) {
                let msg = if k.starts_with('$') {
                    format!(
                        "unknown token property `{k}` (a token may have {})",
                        TOKEN_KEYS.join(", ")
                    )
                } else {
                    format!(
                        "a token cannot contain `{k}`: tokens have no children (move it into a group)"
                    )
                };
                self.error(m.key_offset, "unknown-property", path, msg);
            }
        }
        let (description, deprecated, mut extensions) = self.meta(members, path);
        let value_node = node.get("$value");
        let ref_node = node.get("$ref");
        let mut invalid = type_invalid;
        let mut references = Vec::new();
        let mut normalised = None;
        let value = match (value_node, ref_node) {
            (Some(_), Some(r)) => {
                self.error(
                    r.offset,
                    "invalid-token",
                    path,
                    "a token has either `$value` or `$ref`, not both".into(),
                );
                invalid = true;
                Value::Null
            }
            (Some(v), None) => {
                if matches!(v.kind, Kind::Null) {
                    self.error(
                        v.offset,
                        "invalid-value",
                        path,
                        "`$value` cannot be null".into(),
                    );
                    invalid = true;
                } else if let Some(t) = ty {
                    let checked = if self.strict {
                        value::check(t, v, true)
                    } else {
                        match self.check_lenient(t, v, node, path, &mut kept) {
                            Lenient::Checked(checked, read) => {
                                normalised = read;
                                checked
                            }
                            Lenient::Refused => {
                                invalid = true;
                                value::Checked::default()
                            }
                            Lenient::Skip => return,
                        }
                    };
                    invalid |= !checked.problems.is_empty();
                    self.collect(path, checked, &mut references);
                } else if !type_invalid {
                    // No type: only a whole-value reference can supply one.
                    let is_alias = matches!(&v.kind, Kind::String(s) if matches!(alias_syntax(s), AliasSyntax::Alias(_)))
                        || v.get("$ref").is_some();
                    if is_alias {
                        let checked = value::check(TokenType::Number, v, self.strict);
                        self.collect(path, checked, &mut references);
                        for (r, _) in &mut references {
                            r.expect = value::Expect::Any;
                        }
                    } else {
                        self.error(
                            node.offset,
                            "missing-type",
                            path,
                            "the token has no `$type` and none is inherited from its groups; add `\"$type\"`".into(),
                        );
                        invalid = true;
                    }
                }
                normalised.take().unwrap_or_else(|| v.to_value())
            }
            (None, Some(r)) => {
                let wrapper = Node {
                    offset: r.offset,
                    kind: Kind::Object(vec![Member {
                        key_offset: r.offset,
                        key: "$ref".into(),
                        value: r.clone(),
                    }]),
                };
                let checked = value::check(ty.unwrap_or(TokenType::Number), &wrapper, self.strict);
                invalid |= !checked.problems.is_empty();
                self.collect(path, checked, &mut references);
                if ty.is_none() {
                    for (r, _) in &mut references {
                        r.expect = value::Expect::Any;
                    }
                }
                wrapper.to_value()
            }
            (None, None) => unreachable!("a token has `$value` or `$ref`"),
        };
        if !kept.is_empty() {
            let mut ext = match extensions.take() {
                Some(Value::Object(m)) => m,
                _ => serde_json::Map::new(),
            };
            for (k, v) in kept {
                ext.entry(k).or_insert(v);
            }
            extensions = Some(Value::Object(ext));
        }
        self.doc.tokens.push(ParsedToken {
            path: path.clone(),
            ty: if type_invalid { None } else { ty },
            explicit_type,
            value,
            description,
            deprecated,
            extensions,
            loc,
            references,
            invalid,
        });
    }

    /// Checks `v` as a `t` without `--strict`: a value DTCG rejects (or a string DTCG never
    /// holds for `t`, such as `"#fff"` or `"16px"`, which skips the check and its error
    /// message) is read the way other tools write it, with a warning naming the rule;
    /// members DTCG has no place for go to `kept` (the token's `$extensions`).
    fn check_lenient(
        &mut self,
        t: TokenType,
        v: &Node<'_>,
        token: &Node<'_>,
        path: &TokenPath,
        kept: &mut Vec<(String, Value)>,
    ) -> Lenient {
        let legacy_string = matches!(&v.kind, Kind::String(text) if !text.starts_with('{'))
            && matches!(
                t,
                TokenType::Color
                    | TokenType::Dimension
                    | TokenType::Duration
                    | TokenType::Number
                    | TokenType::CubicBezier
            );
        // `"Open Sans, sans-serif"` is one family name in DTCG, but a list in every file
        // that writes it.
        let family_list =
            t == TokenType::FontFamily && matches!(&v.kind, Kind::String(f) if f.contains(','));
        let first = (!legacy_string).then(|| value::check(t, v, false));
        if first.as_ref().is_some_and(|c| c.problems.is_empty()) && !family_list {
            return Lenient::Checked(first.unwrap_or_default(), None);
        }
        if t == TokenType::String && !matches!(v.kind, Kind::String(_)) {
            self.warn(
                v.offset,
                "lenient-type",
                path,
                format!(
                    "a token of type `{}` whose value is {} has no output; skipped",
                    token
                        .get("$type")
                        .and_then(Node::as_str)
                        .unwrap_or("string"),
                    v.type_name()
                ),
            );
            return Lenient::Skip;
        }
        match crate::tokens::legacy::normalise(t, v, path.as_str(), self.src) {
            Ok(n) => {
                let again = value::check(t, &n.value, false);
                if again.problems.is_empty() {
                    self.findings.extend_from(n.findings);
                    self.warn(v.offset, n.code, path, n.message);
                    kept.extend(n.extra);
                    return Lenient::Checked(again, Some(n.value.to_value()));
                }
            }
            // The reader's own error says more than "must be an object".
            Err(errors) if !errors.is_empty() => {
                self.findings.extend_from(errors);
                return Lenient::Refused;
            }
            Err(_) => {}
        }
        // Not readable: the DTCG check says why.
        Lenient::Checked(first.unwrap_or_else(|| value::check(t, v, false)), None)
    }

    fn collect(
        &mut self,
        path: &TokenPath,
        checked: value::Checked,
        references: &mut Vec<(Reference, Location)>,
    ) {
        for p in checked.problems {
            self.error(p.offset, p.code, path, p.message);
        }
        for w in checked.warnings {
            let loc = self.src.loc(w.offset);
            self.findings.push(Finding::warning(
                w.code,
                &loc,
                Some(path.as_str()),
                w.message,
            ));
        }
        for r in checked.references {
            let loc = self.src.loc(r.offset);
            references.push((r, loc));
        }
    }
}
