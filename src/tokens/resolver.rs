//! DTCG 2025.10 resolver documents (`resolutionOrder`, sets, modifiers): validation, and
//! turning them into base sets plus theme axes (`model::theme`).
//!
//! Every modifier's default context (its `default`, else its first) is read into the
//! base. One modifier gives plain modes named by its contexts; several give one axis per
//! modifier, in resolution order, with keys `modifier=context` (the default context a key
//! too, so that it overrides earlier modifiers as the resolution order says).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::model::theme;
use crate::tokens::dtcg::{self, Source};
use crate::tokens::finding::{Finding, Findings};
use crate::tokens::json::{Kind, Node};
use crate::tokens::link::{Input, SetDocument};
use crate::tokens::{Format, TokenFile};

const ROOT_KEYS: [&str; 9] = [
    "version",
    "name",
    "description",
    "sets",
    "modifiers",
    "resolutionOrder",
    "$schema",
    "$defs",
    "$extensions",
];
const SET_KEYS: [&str; 3] = ["sources", "description", "$extensions"];
const MODIFIER_KEYS: [&str; 4] = ["contexts", "default", "description", "$extensions"];

struct Checker<'s, 't> {
    src: &'s Source<'t>,
    findings: &'s mut Findings,
}

impl Checker<'_, '_> {
    fn error(&mut self, node: &Node<'_>, where_: &str, message: String) {
        let loc = self.src.loc(node.offset);
        self.findings.push(Finding::error(
            "invalid-resolver",
            &loc,
            Some(where_),
            message,
        ));
    }

    fn keys(&mut self, node: &Node<'_>, where_: &str, allowed: &[&str]) {
        for m in node.as_object().unwrap_or_default() {
            if !allowed.contains(&m.key.as_ref()) {
                self.error(
                    &m.value,
                    where_,
                    format!(
                        "unknown property `{}` (allowed: {})",
                        m.key,
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    fn optional_string(&mut self, node: &Node<'_>, key: &str, where_: &str) {
        if let Some(v) = node.get(key) {
            if v.as_str().is_none() {
                self.error(
                    v,
                    where_,
                    format!("`{key}` must be a string, found {}", v.type_name()),
                );
            }
        }
    }

    /// Checks a source list; `forbidden` are pointer prefixes this place may not reference.
    fn sources(
        &mut self,
        node: Option<&Node<'_>>,
        owner: &Node<'_>,
        where_: &str,
        key: &str,
        forbidden: &[&str],
    ) {
        let Some(node) = node else {
            self.error(owner, where_, format!("`{key}` is required"));
            return;
        };
        let Some(items) = node.as_array() else {
            self.error(
                node,
                where_,
                format!(
                    "`{key}` must be an array of sources, found {}",
                    node.type_name()
                ),
            );
            return;
        };
        for item in items {
            if item.as_object().is_none() {
                self.error(
                    item,
                    where_,
                    format!(
                        "a source must be an object (a `$ref` or inline tokens), found {}",
                        item.type_name()
                    ),
                );
                continue;
            }
            if let Some(r) = item.get("$ref") {
                self.reference(r, where_, forbidden);
            }
        }
    }

    fn reference(&mut self, r: &Node<'_>, where_: &str, forbidden: &[&str]) {
        let Some(ptr) = r.as_str() else {
            self.error(r, where_, "`$ref` must be a string".into());
            return;
        };
        for f in forbidden {
            if ptr.starts_with(f) {
                self.error(
                    r,
                    where_,
                    format!("`{ptr}`: {where_} may not reference `{f}…`"),
                );
            }
        }
    }

    fn modifier(&mut self, node: &Node<'_>, where_: &str, extra: &[&str]) {
        let allowed: Vec<&str> = MODIFIER_KEYS.iter().chain(extra).copied().collect();
        self.keys(node, where_, &allowed);
        self.optional_string(node, "description", where_);
        let Some(contexts) = node.get("contexts") else {
            self.error(node, where_, "a modifier needs `contexts`".into());
            return;
        };
        let Some(members) = contexts.as_object() else {
            self.error(
                contexts,
                where_,
                format!(
                    "`contexts` must be an object, found {}",
                    contexts.type_name()
                ),
            );
            return;
        };
        if members.len() < 2 {
            self.error(
                contexts,
                where_,
                format!(
                    "a modifier needs at least 2 contexts, found {}",
                    members.len()
                ),
            );
        }
        for m in members {
            if m.key.is_empty() {
                self.error(&m.value, where_, "a context name cannot be empty".into());
            }
            self.sources(
                Some(&m.value),
                contexts,
                &format!("{where_}.contexts.{}", m.key),
                "context",
                &["#/modifiers/", "#/resolutionOrder/"],
            );
        }
        if let Some(d) = node.get("default") {
            match d.as_str() {
                Some(name) if members.iter().any(|m| m.key == name) => {}
                Some(name) => self.error(
                    d,
                    where_,
                    format!("`default` is `{name}`, which is not one of the contexts"),
                ),
                None => self.error(d, where_, "`default` must be a context name".into()),
            }
        }
    }
}

/// Validates a resolver document (all problems go to `findings`).
pub fn validate(root: &Node<'_>, src: &Source<'_>, findings: &mut Findings) {
    let mut c = Checker { src, findings };
    if root.as_object().is_none() {
        c.error(root, "", "a resolver document must be an object".into());
        return;
    }
    c.keys(root, "resolver", &ROOT_KEYS);
    match root.get("version") {
        None => c.error(
            root,
            "resolver",
            "`version` is required (`\"2025.10\"`)".into(),
        ),
        Some(v) if v.as_str() == Some("2025.10") => {}
        Some(v) => c.error(
            v,
            "resolver",
            "`version` must be the string `\"2025.10\"`".into(),
        ),
    }
    c.optional_string(root, "name", "resolver");
    c.optional_string(root, "description", "resolver");
    if let Some(sets) = root.get("sets") {
        match sets.as_object() {
            Some(members) => {
                for m in members {
                    let where_ = format!("sets.{}", m.key);
                    c.keys(&m.value, &where_, &SET_KEYS);
                    c.optional_string(&m.value, "description", &where_);
                    c.sources(
                        m.value.get("sources"),
                        &m.value,
                        &where_,
                        "sources",
                        &["#/modifiers/", "#/resolutionOrder/"],
                    );
                }
            }
            None => c.error(sets, "sets", "`sets` must be an object".into()),
        }
    }
    if let Some(mods) = root.get("modifiers") {
        match mods.as_object() {
            Some(members) => {
                for m in members {
                    c.modifier(&m.value, &format!("modifiers.{}", m.key), &[]);
                }
            }
            None => c.error(mods, "modifiers", "`modifiers` must be an object".into()),
        }
    }
    match root.get("resolutionOrder") {
        None => c.error(root, "resolver", "`resolutionOrder` is required".into()),
        Some(order) => match order.as_array() {
            None => c.error(
                order,
                "resolutionOrder",
                "`resolutionOrder` must be an array".into(),
            ),
            Some([]) => c.error(
                order,
                "resolutionOrder",
                "`resolutionOrder` needs at least one set or modifier".into(),
            ),
            Some(items) => {
                let mut names: HashSet<String> = HashSet::new();
                for (i, item) in items.iter().enumerate() {
                    let where_ = format!("resolutionOrder.{i}");
                    if let Some(r) = item.get("$ref") {
                        c.reference(r, &where_, &["#/resolutionOrder/"]);
                        if let Some(ptr) = r.as_str() {
                            if ptr.starts_with("#/") && lookup(root, ptr).is_none() {
                                c.error(
                                    r,
                                    &where_,
                                    format!("`{ptr}` does not exist in this document"),
                                );
                            }
                        }
                        continue;
                    }
                    let name = item.get("name").and_then(Node::as_str);
                    match item.get("type").and_then(Node::as_str) {
                        None => c.error(
                            item,
                            &where_,
                            "an inline item needs `type` (`set` or `modifier`)".into(),
                        ),
                        Some("set") => {
                            c.keys(
                                item,
                                &where_,
                                &["type", "name", "sources", "description", "$extensions"],
                            );
                            c.sources(
                                item.get("sources"),
                                item,
                                &where_,
                                "sources",
                                &["#/modifiers/", "#/resolutionOrder/"],
                            );
                        }
                        Some("modifier") => c.modifier(item, &where_, &["type", "name"]),
                        Some(t) => c.error(
                            item,
                            &where_,
                            format!("unknown item type `{t}` (expected `set` or `modifier`)"),
                        ),
                    }
                    match name {
                        None => c.error(item, &where_, "an inline item needs `name`".into()),
                        Some(n) => {
                            if !names.insert(n.to_string()) {
                                c.error(
                                    item,
                                    &where_,
                                    format!("the name `{n}` is used twice in `resolutionOrder`"),
                                );
                            }
                        }
                    }
                }
            }
        },
    }
    // Reference cycles among sets (and references that do not resolve).
    if let Some(sets) = root.get("sets").and_then(Node::as_object) {
        for m in sets {
            let mut chain = vec![format!("#/sets/{}", m.key)];
            set_cycles(root, &m.value, &mut chain, &mut c);
        }
    }
}

fn set_cycles(root: &Node<'_>, set: &Node<'_>, chain: &mut Vec<String>, c: &mut Checker<'_, '_>) {
    let Some(items) = set.get("sources").and_then(Node::as_array) else {
        return;
    };
    for item in items {
        let Some(r) = item.get("$ref") else { continue };
        let Some(ptr) = r.as_str() else { continue };
        if !ptr.starts_with('#') {
            continue;
        }
        if chain
            .iter()
            .any(|p| p == ptr || p.starts_with(&format!("{ptr}/")) || ptr == "#")
        {
            let mut names = chain.clone();
            names.push(ptr.to_string());
            c.error(
                r,
                &chain[0][2..].replace('/', "."),
                format!("reference cycle: {}", names.join(" -> ")),
            );
            continue;
        }
        match lookup(root, ptr) {
            None => c.error(
                r,
                &chain[0][2..].replace('/', "."),
                format!("`{ptr}` does not exist in this document"),
            ),
            Some(target) => {
                chain.push(ptr.to_string());
                set_cycles(root, target, chain, c);
                chain.pop();
            }
        }
    }
}

fn lookup<'n, 'a>(root: &'n Node<'a>, ptr: &str) -> Option<&'n Node<'a>> {
    let rest = ptr.strip_prefix("#/")?;
    let mut cur = root;
    for seg in rest.split('/') {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        cur = match &cur.kind {
            Kind::Object(_) => cur.get(&seg)?,
            Kind::Array(a) => a.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// Reads a resolver file: validates it and turns it into base sets and modes; the files
/// it names are read strictly (DTCG 2025.10 exactly) or leniently.
pub fn read(file: &TokenFile, strict: bool, findings: &mut Findings) -> Input {
    match crate::tokens::parse_file(file, findings) {
        Some(root) => read_parsed(file, &root, strict, findings),
        None => Input::default(),
    }
}

/// Reads an already parsed resolver file.
pub fn read_parsed(
    file: &TokenFile,
    root: &Node<'_>,
    strict: bool,
    findings: &mut Findings,
) -> Input {
    let src = Source::new(&file.name, &file.text);
    let before = findings.error_count();
    validate(root, &src, findings);
    if findings.error_count() > before {
        return Input::default();
    }
    let mut b = Builder {
        root,
        src: &src,
        dir: file.path.parent().unwrap_or(Path::new(".")),
        findings,
        external: HashMap::new(),
        strict,
    };
    b.build()
}

struct Builder<'s, 'a, 't> {
    root: &'s Node<'a>,
    src: &'s Source<'t>,
    dir: &'s Path,
    findings: &'s mut Findings,
    external: HashMap<String, TokenFile>,
    strict: bool,
}

impl Builder<'_, '_, '_> {
    fn build(&mut self) -> Input {
        let mut input = Input {
            mode_only_tokens: true,
            ..Input::default()
        };
        let items = self
            .root
            .get("resolutionOrder")
            .and_then(Node::as_array)
            .unwrap_or_default();
        let modifiers = items
            .iter()
            .filter(|item| {
                let node = match item.get("$ref").and_then(Node::as_str) {
                    Some(ptr) => lookup(self.root, ptr),
                    None => Some(*item),
                };
                node.is_some_and(|n| n.get("contexts").is_some())
            })
            .count();
        for item in items {
            let (node, name) = match item.get("$ref").and_then(Node::as_str) {
                Some(ptr) => match lookup(self.root, ptr) {
                    Some(n) => (n, ptr.rsplit('/').next().unwrap_or(ptr).to_string()),
                    None => continue,
                },
                None => (
                    item,
                    item.get("name")
                        .and_then(Node::as_str)
                        .unwrap_or("set")
                        .to_string(),
                ),
            };
            if let Some(contexts) = node.get("contexts").and_then(Node::as_object) {
                let default = node
                    .get("default")
                    .and_then(Node::as_str)
                    .or_else(|| contexts.first().map(|m| m.key.as_ref()))
                    .unwrap_or_default()
                    .to_string();
                let default_sources = contexts.iter().find(|m| m.key == default.as_str());
                if let Some(m) = default_sources {
                    let docs = self.sources(&m.value, &format!("{name}/{default}"));
                    input.base.extend(docs);
                }
                if modifiers == 1 {
                    // One modifier: plain modes, named by their contexts.
                    input.modes.push((default.clone(), Vec::new()));
                    for m in contexts.iter().filter(|m| m.key != default.as_str()) {
                        let docs = self.sources(&m.value, &format!("{name}/{}", m.key));
                        input.modes.push((m.key.to_string(), docs));
                    }
                } else {
                    // Several: each is an axis, in resolution order. The default context
                    // is also a key, so that it overrides earlier axes where it sets a
                    // token they set too.
                    if let Some(bad) = std::iter::once(name.as_str())
                        .chain(contexts.iter().map(|m| m.key.as_ref()))
                        .find(|n| n.contains([theme::AXIS_SEPARATOR, theme::PART_SEPARATOR]))
                    {
                        let loc = self.src.loc(item.offset);
                        self.findings.push(Finding::error(
                            "invalid-axis-name",
                            &loc,
                            None,
                            format!(
                                "`{bad}` cannot name a theme axis or context: `=` and `,` separate axes and contexts in mode keys"
                            ),
                        ));
                        continue;
                    }
                    for m in contexts {
                        let key = theme::key_of([(name.as_str(), m.key.as_ref())]);
                        let docs = self.sources(&m.value, &format!("{name}/{}", m.key));
                        input.modes.push((key, docs));
                    }
                }
            } else {
                let docs = match node.get("sources") {
                    Some(s) => self.sources(s, &name),
                    None => Vec::new(),
                };
                input.base.extend(docs);
            }
        }
        input
    }

    fn sources(&mut self, list: &Node<'_>, set: &str) -> Vec<SetDocument> {
        let mut out = Vec::new();
        for item in list.as_array().unwrap_or_default() {
            match item.get("$ref").and_then(Node::as_str) {
                Some(ptr) if ptr.starts_with('#') => {
                    if let Some(target) = lookup(self.root, ptr) {
                        if let Some(s) = target.get("sources") {
                            out.extend(self.sources(s, set));
                        }
                    }
                }
                Some(file) => {
                    let path = self.dir.join(file);
                    // Shown like the resolver itself: relative where it was relative.
                    // `a/./b` is shown as `a/b`.
                    let name = Path::new(self.src.name)
                        .parent()
                        .map_or_else(|| PathBuf::from(file), |d| d.join(file))
                        .components()
                        .filter(|c| !matches!(c, std::path::Component::CurDir))
                        .collect::<PathBuf>()
                        .display()
                        .to_string();
                    let loaded = match self.external.get(&name) {
                        Some(f) => Ok(f.clone()),
                        None => TokenFile::read(&path, name.clone()),
                    };
                    match loaded {
                        Ok(f) => {
                            if let Some(doc) = crate::tokens::read_document(
                                &f,
                                crate::tokens::Reading {
                                    format: Format::Auto,
                                    strict: self.strict,
                                    // Sets a resolver names are DTCG; a legacy one reads
                                    // bare sizes with the default.
                                    sd_size: crate::tokens::SdSize::default(),
                                },
                                self.findings,
                            ) {
                                out.push(SetDocument {
                                    set: set.to_string(),
                                    source: Some(name.clone()),
                                    doc,
                                });
                            }
                            self.external.insert(name, f);
                        }
                        // Located at the `$ref` that names the file.
                        Err(finding) => self.findings.push(Finding::error(
                            "unreadable-file",
                            &self.src.loc(item.offset),
                            None,
                            format!("could not read `{name}`: {}", finding.message),
                        )),
                    }
                }
                None => {
                    let doc =
                        dtcg::read_with(&mut item.clone(), self.src, self.strict, self.findings);
                    out.push(SetDocument {
                        set: set.to_string(),
                        source: Some(self.src.name.to_string()),
                        doc,
                    });
                }
            }
        }
        out
    }
}
