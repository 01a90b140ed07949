//! `opends lint`: named rules a design-system reviewer would apply, each with a severity
//! set in `opends.yaml` (`lint:`), documented in docs/lint.md.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::component::PropType;
use crate::model::{StoredComponent, Token, TokenType, Tokens, theme};
use crate::tokens::resolve::{Resolver, alias_target};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Not checked.
    Off,
    /// Shown, never fails.
    Info,
    /// Shown, never fails.
    Warning,
    /// Fails the run (exit 1).
    Error,
}

/// The rules, with their default severities.
pub const RULES: &[(&str, Severity, &str)] = &[
    (
        "contrast",
        Severity::Error,
        "WCAG 2.2 contrast of declared foreground/background pairs and of component styles that set both, in every mode or combination of theme contexts (AA: 4.5:1 text, 3:1 large text and UI)",
    ),
    (
        "naming",
        Severity::Warning,
        "every segment of a token path matches the naming pattern",
    ),
    (
        "semantic-alias",
        Severity::Error,
        "semantic tokens alias other tokens instead of holding raw values",
    ),
    (
        "unused-token",
        Severity::Info,
        "a token nothing aliases and no component uses",
    ),
    (
        "duplicate-value",
        Severity::Warning,
        "two base tokens of one top-level group and type hold the same value in every mode",
    ),
    (
        "deprecated-in-use",
        Severity::Warning,
        "a deprecated token is still used by a component or aliased by a live token",
    ),
    (
        "unexercised-prop",
        Severity::Warning,
        "an enum or boolean prop that no variant selects on",
    ),
    (
        "missing-description",
        Severity::Info,
        "a component, or a token whose groups say nothing either, without a description",
    ),
    (
        "missing-type",
        Severity::Warning,
        "a token without `$type` (taken from its alias target); fixable",
    ),
];

/// `lint:` in opends.yaml.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    /// Severity per rule (`error`, `warning`, `info`, `off`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, Severity>,
    /// A regular expression every path segment must match (default: lower camel or
    /// kebab case, digits allowed first as in `2xl`: `^[a-z0-9][a-zA-Z0-9]*(-[a-z0-9]+)*$`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naming: Option<String>,
    /// Path prefixes of semantic tokens (default: tokens from files under a
    /// `semantic` directory or named so).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub semantic: Vec<String>,
    /// Foreground/background pairs to check for contrast.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contrast: Vec<ContrastPair>,
}

/// One declared pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContrastPair {
    /// The text or icon colour token.
    pub foreground: String,
    /// The surface colour token.
    pub background: String,
    /// `text` (4.5:1, the default), `large` (3:1) or `ui` (3:1).
    #[serde(default = "text")]
    pub size: String,
}

fn text() -> String {
    "text".into()
}

/// The default naming pattern.
pub const DEFAULT_NAMING: &str = r"^[a-z0-9][a-zA-Z0-9]*(-[a-z0-9]+)*$";

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LintFinding {
    /// The rule.
    pub rule: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// The token path or component name.
    pub subject: String,
    /// What is wrong.
    pub message: String,
    /// The file it comes from, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Where in `file` the token is (1-based line), when known ([`locate`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Where in `file` the token is (1-based column), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// Whether `--fix` can fix it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fixable: bool,
}

/// Gives the findings about tokens of `files` the line and column where the token is
/// written, as validation findings have them: each file is read again (a file that is
/// not a token file, or no longer reads, leaves its findings without a location).
pub fn locate(findings: &mut [LintFinding], files: &[crate::tokens::TokenFile]) {
    for file in files {
        let mut ignored = crate::tokens::finding::Findings::default();
        let Some(doc) =
            crate::tokens::read_document(file, crate::tokens::Format::Auto, &mut ignored)
        else {
            continue;
        };
        let at: HashMap<String, (u32, u32)> = doc
            .tokens
            .iter()
            .filter(|t| t.loc.line > 0)
            .map(|t| (t.path.to_string(), (t.loc.line, t.loc.column)))
            .collect();
        for f in findings
            .iter_mut()
            .filter(|f| f.file.as_deref() == Some(file.name.as_str()))
        {
            if let Some((line, column)) = at.get(&f.subject) {
                f.line = Some(*line);
                f.column = (*column > 0).then_some(*column);
            }
        }
    }
}

/// Why the configuration is unusable.
#[derive(Debug, thiserror::Error)]
pub enum LintError {
    /// An unknown rule name.
    #[error("lint.rules: unknown rule `{0}` (rules: {1})")]
    UnknownRule(String, String),
    /// A bad naming pattern.
    #[error("lint.naming: {0}")]
    Naming(String),
    /// A contrast pair names a token that is not a colour.
    #[error("lint.contrast: `{0}` is not a colour token")]
    NotColour(String),
    /// A bad size.
    #[error("lint.contrast: size `{0}` (expected text, large or ui)")]
    Size(String),
}

/// Checks the configuration before anything runs.
pub fn check_config(cfg: &LintConfig) -> Result<regex::Regex, LintError> {
    for name in cfg.rules.keys() {
        if !RULES.iter().any(|(r, _, _)| r == name) {
            return Err(LintError::UnknownRule(
                name.clone(),
                RULES
                    .iter()
                    .map(|(r, _, _)| *r)
                    .collect::<Vec<_>>()
                    .join(", "),
            ));
        }
    }
    for p in &cfg.contrast {
        if !matches!(p.size.as_str(), "text" | "large" | "ui") {
            return Err(LintError::Size(p.size.clone()));
        }
    }
    regex::Regex::new(cfg.naming.as_deref().unwrap_or(DEFAULT_NAMING))
        .map_err(|e| LintError::Naming(e.to_string()))
}

struct Ctx<'a> {
    tokens: &'a Tokens,
    components: &'a [StoredComponent],
    cfg: &'a LintConfig,
    out: Vec<LintFinding>,
}

impl<'a> Ctx<'a> {
    fn severity(&self, rule: &str) -> Severity {
        self.cfg.rules.get(rule).copied().unwrap_or_else(|| {
            RULES
                .iter()
                .find(|(r, _, _)| *r == rule)
                .map_or(Severity::Off, |(_, s, _)| *s)
        })
    }

    fn push(
        &mut self,
        rule: &'static str,
        subject: &str,
        message: String,
        file: Option<&str>,
        fixable: bool,
    ) {
        let severity = self.severity(rule);
        if severity == Severity::Off {
            return;
        }
        self.out.push(LintFinding {
            rule,
            severity,
            subject: subject.to_string(),
            message,
            file: file.map(str::to_string),
            line: None,
            column: None,
            fixable,
        });
    }

    fn on(&self, rule: &str) -> bool {
        self.severity(rule) != Severity::Off
    }

    fn modes(&self) -> Vec<Option<&'a str>> {
        if self.tokens.modes.is_empty() {
            vec![None]
        } else {
            self.tokens.modes.iter().map(|m| Some(m.as_str())).collect()
        }
    }
}

/// Runs every rule that is on.
pub fn lint(
    tokens: &Tokens,
    components: &[StoredComponent],
    cfg: &LintConfig,
) -> Result<Vec<LintFinding>, LintError> {
    let naming = check_config(cfg)?;
    for p in &cfg.contrast {
        for t in [&p.foreground, &p.background] {
            if tokens.get_str(t).is_none_or(|t| t.ty != TokenType::Color) {
                return Err(LintError::NotColour(t.clone()));
            }
        }
    }
    let mut cx = Ctx {
        tokens,
        components,
        cfg,
        out: Vec::new(),
    };
    contrast(&mut cx);
    if cx.on("naming") {
        for t in &tokens.tokens {
            if let Some(bad) = t.path.as_str().split('.').find(|s| !naming.is_match(s)) {
                let pattern = cfg.naming.as_deref().unwrap_or(DEFAULT_NAMING);
                cx.push(
                    "naming",
                    t.path.as_str(),
                    format!("segment `{bad}` does not match `{pattern}`"),
                    t.source.as_deref(),
                    false,
                );
            }
        }
    }
    semantic_alias(&mut cx);
    usage_rules(&mut cx);
    duplicates(&mut cx);
    components_rules(&mut cx);
    missing_type(&mut cx);
    cx.out.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.rule.cmp(b.rule))
            .then(a.subject.cmp(&b.subject))
    });
    Ok(cx.out)
}

/// The required ratio for a size.
fn required(size: &str) -> f64 {
    if size == "text" { 4.5 } else { 3.0 }
}

fn contrast(cx: &mut Ctx<'_>) {
    if !cx.on("contrast") {
        return;
    }
    // Declared pairs, then component styles setting both colour and background.
    let mut pairs: Vec<(String, String, String, String)> = cx
        .cfg
        .contrast
        .iter()
        .map(|p| {
            (
                p.foreground.clone(),
                p.background.clone(),
                p.size.clone(),
                "opends.yaml".to_string(),
            )
        })
        .collect();
    let single = |v: Option<&String>| -> Option<String> {
        let v = v?.trim();
        let inner = v.strip_prefix('{')?.strip_suffix('}')?;
        (!inner.contains('{')).then(|| inner.to_string())
    };
    for c in cx.components {
        let spec = &c.spec;
        let bg_of = |styles: &indexmap::IndexMap<String, String>| {
            single(
                styles
                    .get("background")
                    .or_else(|| styles.get("background-color")),
            )
        };
        let base = (single(spec.styles.get("color")), bg_of(&spec.styles));
        if let (Some(fg), Some(bg)) = &base {
            pairs.push((
                fg.clone(),
                bg.clone(),
                "text".into(),
                format!("component {}", spec.name),
            ));
        }
        for v in &spec.variants {
            let fg = single(v.styles.get("color")).or_else(|| base.0.clone());
            let bg = bg_of(&v.styles).or_else(|| base.1.clone());
            if v.styles.contains_key("color")
                || v.styles.contains_key("background")
                || v.styles.contains_key("background-color")
            {
                if let (Some(fg), Some(bg)) = (fg, bg) {
                    pairs.push((
                        fg,
                        bg,
                        "text".into(),
                        format!("component {} variant {}", spec.name, v.name),
                    ));
                }
            }
        }
    }
    if cx.tokens.has_named_axes() {
        contrast_on_axes(cx, pairs);
        return;
    }
    let mut seen = HashSet::new();
    for (fg, bg, size, origin) in pairs {
        let (Some(f), Some(b)) = (cx.tokens.get_str(&fg), cx.tokens.get_str(&bg)) else {
            continue;
        };
        if f.ty != TokenType::Color || b.ty != TokenType::Color {
            continue;
        }
        for mode in cx.modes() {
            let r = Resolver::new(cx.tokens, mode);
            let Some(ratio) = crate::color::contrast_of(&r.resolved(f), &r.resolved(b)) else {
                continue;
            };
            let need = required(&size);
            if ratio + 1e-9 < need
                && seen.insert((fg.clone(), bg.clone(), mode.map(str::to_string)))
            {
                let m = mode.map(|m| format!(" in {m}")).unwrap_or_default();
                let subject = format!("{fg} on {bg}");
                cx.push(
                    "contrast",
                    &subject,
                    format!("{ratio:.2}:1{m}, below {need}:1 for {size} ({origin})"),
                    None,
                    false,
                );
            }
        }
    }
}

/// How many combinations a finding names before it counts the rest.
const NAMED_COMBINATIONS: usize = 4;

/// Contrast with named theme axes: each pair in every combination of contexts (or, past
/// `theme::MAX_COMBINATIONS`, in the overview's choices, said in an info finding). One
/// finding per pair and ratio, naming the combinations it holds in.
fn contrast_on_axes(cx: &mut Ctx<'_>, pairs: Vec<(String, String, String, String)>) {
    let axes = &cx.tokens.axes;
    let (choices, all) = match theme::combinations(axes) {
        Some(c) => (c, true),
        None => (theme::overview(axes), false),
    };
    if !all && !pairs.is_empty() {
        cx.out.push(LintFinding {
            rule: "contrast",
            severity: Severity::Info,
            subject: "theme axes".into(),
            message: format!(
                "more than {} combinations of contexts: contrast checked in the defaults and each context alone ({} choices), not in every combination",
                theme::MAX_COMBINATIONS,
                choices.len()
            ),
            file: None,
            line: None,
            column: None,
            fixable: false,
        });
    }
    let resolvers: Vec<Resolver<'_>> = choices
        .iter()
        .map(|c| Resolver::at(cx.tokens, c.clone()))
        .collect();
    let mut seen = HashSet::new();
    for (fg, bg, size, origin) in pairs {
        let (Some(f), Some(b)) = (cx.tokens.get_str(&fg), cx.tokens.get_str(&bg)) else {
            continue;
        };
        if f.ty != TokenType::Color || b.ty != TokenType::Color {
            continue;
        }
        if !seen.insert((fg.clone(), bg.clone(), size.clone())) {
            continue;
        }
        let need = required(&size);
        // Failing choices by ratio (as printed): one problem each.
        let mut failing: Vec<(String, Vec<&theme::Context>)> = Vec::new();
        for (choice, r) in choices.iter().zip(&resolvers) {
            let Some(ratio) = crate::color::contrast_of(&r.resolved(f), &r.resolved(b)) else {
                continue;
            };
            if ratio + 1e-9 >= need {
                continue;
            }
            let shown = format!("{ratio:.2}");
            match failing.iter_mut().find(|(s, _)| *s == shown) {
                Some((_, list)) => list.push(choice),
                None => failing.push((shown, vec![choice])),
            }
        }
        let subject = format!("{fg} on {bg}");
        for (ratio, list) in failing {
            let place = if all {
                describe_combinations(axes, &list)
            } else {
                name_some(list.iter().map(|c| c.label(axes)).collect())
            };
            cx.push(
                "contrast",
                &subject,
                format!("{ratio}:1 in {place}, below {need}:1 for {size} ({origin})"),
                None,
                false,
            );
        }
    }
}

/// Names a set of combinations (each a full choice): axes on which the set holds in every
/// context are said once (`any density`), the rest by `Context::label`, the first few of
/// them and a count.
fn describe_combinations(axes: &[theme::Axis], set: &[&theme::Context]) -> String {
    let rows: Vec<Vec<&str>> = set
        .iter()
        .map(|c| c.choices().map(|(_, x)| x).collect())
        .collect();
    let present: HashSet<&Vec<&str>> = rows.iter().collect();
    let free: Vec<bool> = axes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.contexts.len() > 1
                && rows.iter().all(|row| {
                    a.contexts.iter().all(|x| {
                        let mut other = row.clone();
                        other[i] = x.as_str();
                        present.contains(&other)
                    })
                })
        })
        .collect();
    if free.iter().all(|f| *f) {
        return "every combination".into();
    }
    let mut labels: Vec<String> = Vec::new();
    for row in &rows {
        let parts: Vec<(&str, &str)> = axes
            .iter()
            .zip(row)
            .zip(&free)
            .filter(|((a, x), f)| !**f && **x != a.default_context())
            .map(|((a, x), _)| (a.name.as_str(), *x))
            .collect();
        let label = if parts.is_empty() {
            "default".to_string()
        } else {
            theme::key_of(parts)
        };
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    let out = name_some(labels);
    let any: Vec<String> = axes
        .iter()
        .zip(&free)
        .filter(|(_, f)| **f)
        .map(|(a, _)| format!("any {}", a.label()))
        .collect();
    if any.is_empty() {
        out
    } else {
        format!("{out} ({})", any.join(", "))
    }
}

/// The first few names and how many more there are.
fn name_some(names: Vec<String>) -> String {
    if names.len() <= NAMED_COMBINATIONS + 1 {
        return names.join("; ");
    }
    format!(
        "{} and {} more",
        names[..NAMED_COMBINATIONS].join("; "),
        names.len() - NAMED_COMBINATIONS
    )
}

fn is_semantic(cfg: &LintConfig, t: &Token) -> bool {
    if !cfg.semantic.is_empty() {
        return cfg
            .semantic
            .iter()
            .any(|p| t.path.as_str() == p || t.path.as_str().starts_with(&format!("{p}.")));
    }
    let in_name = |s: &str| {
        s.split(['/', '\\', '.'])
            .any(|part| part.eq_ignore_ascii_case("semantic"))
    };
    in_name(&t.set) || t.source.as_deref().is_some_and(in_name)
}

/// Whether a value holds a reference anywhere.
fn has_reference(v: &Value) -> bool {
    match v {
        Value::String(s) => s.contains('{'),
        Value::Array(a) => a.iter().any(has_reference),
        Value::Object(m) => m.contains_key("$ref") || m.values().any(has_reference),
        _ => false,
    }
}

fn semantic_alias(cx: &mut Ctx<'_>) {
    if !cx.on("semantic-alias") {
        return;
    }
    let raw: Vec<(String, Option<String>, String)> = cx
        .tokens
        .tokens
        .iter()
        .filter(|t| is_semantic(cx.cfg, t))
        .filter_map(|t| {
            let mut bad: Vec<&str> = Vec::new();
            if !has_reference(&t.value) {
                bad.push("base value");
            }
            for (m, v) in &t.modes {
                if !has_reference(v) {
                    bad.push(m);
                }
            }
            (!bad.is_empty()).then(|| {
                (
                    t.path.to_string(),
                    t.source.clone(),
                    format!(
                        "holds a raw value ({}); alias a base token instead",
                        bad.join(", ")
                    ),
                )
            })
        })
        .collect();
    for (p, f, m) in raw {
        cx.push("semantic-alias", &p, m, f.as_deref(), false);
    }
}

/// Paths aliased (anywhere in a value, any mode) by other tokens.
fn referenced(tokens: &Tokens) -> HashMap<String, Vec<String>> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => {
                for r in crate::model::component::style_references(s) {
                    out.push(r.to_string());
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(m) => {
                if let Some(Value::String(p)) = m.get("$ref") {
                    if let Ok((path, _)) = crate::tokens::value::parse_pointer(p) {
                        out.push(path.join("."));
                    }
                }
                m.values().for_each(|x| walk(x, out));
            }
            _ => {}
        }
    }
    let mut by: HashMap<String, Vec<String>> = HashMap::new();
    for t in &tokens.tokens {
        let mut refs = Vec::new();
        walk(&t.value, &mut refs);
        for (_, v) in &t.modes {
            walk(v, &mut refs);
        }
        for r in refs {
            by.entry(r).or_default().push(t.path.to_string());
        }
    }
    by
}

fn usage_rules(cx: &mut Ctx<'_>) {
    let refs = referenced(cx.tokens);
    let mut used_by: HashMap<String, Vec<String>> = HashMap::new();
    for c in cx.components {
        for u in c.spec.token_uses() {
            used_by
                .entry(u.token)
                .or_default()
                .push(c.spec.name.clone());
        }
    }
    let mut found = Vec::new();
    for t in &cx.tokens.tokens {
        let p = t.path.as_str();
        let aliased_by: Vec<&String> = refs.get(p).map(|v| v.iter().collect()).unwrap_or_default();
        let comps = used_by.get(p);
        if aliased_by.is_empty() && comps.is_none() && !is_semantic(cx.cfg, t) {
            found.push((
                "unused-token",
                p.to_string(),
                "nothing aliases it and no component uses it".to_string(),
                t.source.clone(),
            ));
        }
        if t.is_deprecated() {
            let live: Vec<&str> = aliased_by
                .iter()
                .filter(|a| cx.tokens.get_str(a).is_some_and(|x| !x.is_deprecated()))
                .map(|s| s.as_str())
                .collect();
            if let Some(c) = comps {
                found.push((
                    "deprecated-in-use",
                    p.to_string(),
                    format!("deprecated, but used by {}", c.join(", ")),
                    t.source.clone(),
                ));
            } else if !live.is_empty() {
                found.push((
                    "deprecated-in-use",
                    p.to_string(),
                    format!("deprecated, but aliased by {}", live.join(", ")),
                    t.source.clone(),
                ));
            }
        }
    }
    for (rule, p, m, f) in found {
        cx.push(rule, &p, m, f.as_deref(), false);
    }
}

fn duplicates(cx: &mut Ctx<'_>) {
    if !cx.on("duplicate-value") {
        return;
    }
    let mut by_value: BTreeMap<String, Vec<&Token>> = BTreeMap::new();
    for t in &cx.tokens.tokens {
        if alias_target(&t.value).is_some() || has_reference(&t.value) {
            continue;
        }
        let modes: Vec<(&String, &Value)> = t.modes.iter().map(|(m, v)| (m, v)).collect();
        // Within one top-level group: `radius.md` and `space.1` may share a value on purpose.
        let family = t.path.as_str().split('.').next().unwrap_or_default();
        let key = format!(
            "{family}\u{0}{}\u{0}{}\u{0}{}",
            t.ty.as_str(),
            canonical(&t.value),
            serde_json::to_string(&modes).unwrap_or_default()
        );
        by_value.entry(key).or_default().push(t);
    }
    let dups: Vec<(String, String, Option<String>)> = by_value
        .values()
        .filter(|ts| ts.len() > 1)
        .flat_map(|ts| {
            let first = ts[0].path.to_string();
            ts[1..].iter().map(move |t| {
                (
                    t.path.to_string(),
                    format!("same value as `{first}`; alias it instead"),
                    t.source.clone(),
                )
            })
        })
        .collect();
    for (p, m, f) in dups {
        cx.push("duplicate-value", &p, m, f.as_deref(), false);
    }
}

/// A value with colour `hex` hints dropped (the same colour written with and without).
fn canonical(v: &Value) -> String {
    match v {
        Value::Object(m) if m.contains_key("colorSpace") => {
            let mut c = m.clone();
            c.remove("hex");
            Value::Object(c).to_string()
        }
        other => other.to_string(),
    }
}

fn components_rules(cx: &mut Ctx<'_>) {
    let mut found = Vec::new();
    for c in cx.components {
        let spec = &c.spec;
        for p in &spec.props {
            if !matches!(p.ty, PropType::Enum | PropType::Boolean) {
                continue;
            }
            // Props bound to an attribute, an `if` or a model are exercised by the markup.
            let exercised = spec.variants.iter().any(|v| v.when.contains_key(&p.name))
                || serde_json::to_string(&spec.parts).is_ok_and(|s| s.contains(&format!("\"{}\"", p.name)))
                || serde_json::to_string(&spec.attrs).is_ok_and(|s| s.contains(&format!("\"{}\"", p.name)))
                || serde_json::to_string(&spec.accessibility).is_ok_and(|s| s.contains(&format!("\"{}\"", p.name)))
                || (p.name == "disabled" && spec.states.contains_key("disabled"))
                // A focus trap follows the `open` prop.
                || (p.name == "open" && spec.accessibility.focus.is_some());
            if !exercised {
                found.push((
                    "unexercised-prop",
                    format!("{}.{}", spec.name, p.name),
                    "no variant, part or attribute uses it".to_string(),
                    c.source.clone(),
                ));
            }
        }
        if spec
            .description
            .as_deref()
            .is_none_or(|d| d.trim().is_empty())
        {
            found.push((
                "missing-description",
                spec.name.clone(),
                "the component has no description".to_string(),
                c.source.clone(),
            ));
        }
    }
    if cx.on("missing-description") {
        let described: HashSet<&str> = cx
            .tokens
            .groups
            .iter()
            .filter(|g| g.description.is_some())
            .map(|g| g.path.as_str())
            .collect();
        for t in &cx.tokens.tokens {
            if t.description.is_some() {
                continue;
            }
            let p = t.path.as_str();
            let group_says = p
                .match_indices('.')
                .any(|(i, _)| described.contains(&p[..i]));
            if !group_says {
                found.push((
                    "missing-description",
                    p.to_string(),
                    "no description on the token or its groups".to_string(),
                    t.source.clone(),
                ));
            }
        }
    }
    for (rule, s, m, f) in found {
        cx.push(rule, &s, m, f.as_deref(), false);
    }
}

/// Tokens whose type comes only from their alias target (no `$type` on them or a group).
pub fn untyped(tokens: &Tokens) -> Vec<&Token> {
    let typed_groups: HashSet<&str> = tokens
        .groups
        .iter()
        .filter(|g| g.ty.is_some())
        .map(|g| g.path.as_str())
        .collect();
    tokens
        .tokens
        .iter()
        .filter(|t| !t.explicit_type)
        .filter(|t| {
            let p = t.path.as_str();
            !p.match_indices('.')
                .any(|(i, _)| typed_groups.contains(&p[..i]))
        })
        .collect()
}

fn missing_type(cx: &mut Ctx<'_>) {
    if !cx.on("missing-type") {
        return;
    }
    let found: Vec<(String, String, Option<String>)> = untyped(cx.tokens)
        .into_iter()
        .map(|t| {
            (
                t.path.to_string(),
                format!("no `$type`; its alias target makes it `{}`", t.ty.as_str()),
                t.source.clone(),
            )
        })
        .collect();
    for (p, m, f) in found {
        cx.push("missing-type", &p, m, f.as_deref(), true);
    }
}

/// The text of `file` with `"$type": TYPE` added to each token at `paths` (by position:
/// the rest of the file is left byte for byte). `None` when nothing could be placed.
pub fn add_types(text: &str, fixes: &[(&str, TokenType)]) -> Option<String> {
    let root = crate::tokens::json::parse(text).ok()?;
    let mut inserts: Vec<(usize, String)> = Vec::new();
    for (path, ty) in fixes {
        let mut node = &root;
        for seg in path.split('.') {
            node = node.get(seg)?;
        }
        if node.as_object().is_none() || node.get("$type").is_some() {
            continue;
        }
        let at = node.offset as usize;
        if text.as_bytes().get(at) != Some(&b'{') {
            continue;
        }
        inserts.push((at + 1, format!("\"$type\": \"{}\", ", ty.as_str())));
    }
    if inserts.is_empty() {
        return None;
    }
    inserts.sort_by_key(|i| std::cmp::Reverse(i.0));
    let mut out = text.to_string();
    for (at, s) in inserts {
        out.insert_str(at, &s);
    }
    Some(out)
}
