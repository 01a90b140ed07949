//! Component specs: reading `components/*.yaml` into [`Component`]s and checking them
//! against the tokens, with every problem reported (file, line, offending name).

pub mod ident;
pub mod url;

use std::collections::HashSet;

use crate::model::Tokens;
use crate::model::component::{
    Binding, Component, FocusManagement, Literal, PRESENT, PropType, STATES, style_references,
};
use crate::tokens::{Finding, Findings, Location};

/// HTML elements a spec may use for the root and parts.
const ELEMENTS: [&str; 34] = [
    "a", "article", "aside", "button", "dialog", "div", "fieldset", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "img", "input", "label", "legend", "li", "main", "nav", "ol",
    "p", "section", "select", "slot", "span", "strong", "textarea", "ul", "em", "small",
];

/// Where in a YAML file a name first appears (1-based line and column), for findings.
fn locate(text: &str, needle: &str) -> (u32, u32) {
    if needle.is_empty() {
        return (0, 0);
    }
    // Prefer where the name is declared (`name: x`) or used as a key (`x:`).
    let declared = format!("name: {needle}");
    let key = format!("{needle}:");
    for pattern in [declared.as_str(), key.as_str(), needle] {
        for (i, line) in text.lines().enumerate() {
            if let Some(col) = line.find(pattern) {
                let col = if pattern == declared { col + 6 } else { col };
                return (i as u32 + 1, line[..col].chars().count() as u32 + 1);
            }
        }
    }
    (0, 0)
}

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    component: String,
    findings: Findings,
}

impl Checker<'_> {
    fn error(&mut self, code: &'static str, near: &str, message: String) {
        let (line, column) = locate(self.text, near);
        self.findings.push(Finding::error(
            code,
            &Location {
                file: Some(self.file.into()),
                line,
                column,
            },
            Some(&self.component),
            message,
        ));
    }
}

/// Parses one YAML file into a spec (a syntax or shape error is a finding with its line).
pub fn parse(file: &str, text: &str) -> Result<Component, Findings> {
    // Bounded first: nesting and anchor/alias expansion (yaml_serde expands aliases).
    if let Err(p) = crate::input::check_yaml(text) {
        let mut f = Findings::default();
        f.push(Finding::error(
            "invalid-component",
            &Location {
                file: Some(file.into()),
                line: p.line,
                column: p.column,
            },
            None,
            p.message,
        ));
        return Err(f);
    }
    yaml_serde::from_str::<Component>(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((0, 0), |l| (l.line() as u32, l.column() as u32));
        let mut f = Findings::default();
        f.push(Finding::error(
            "invalid-component",
            &Location {
                file: Some(file.into()),
                line,
                column,
            },
            None,
            // yaml_serde appends "at line X column Y": the location is shown already.
            e.to_string()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string(),
        ));
        f
    })
}

/// Checks a spec against the tokens; every problem is reported.
pub fn check(spec: &Component, tokens: &Tokens, file: &str, text: &str) -> Findings {
    let mut c = Checker {
        file,
        text,
        // Never echo a control character back raw (it could drive the terminal).
        component: if crate::input::forbidden_char(&spec.name).is_some() {
            spec.name.escape_debug().to_string()
        } else {
            spec.name.clone()
        },
        findings: Findings::default(),
    };
    if let Err(e) = ident::component_name(&spec.name) {
        c.error("unsafe-name", &spec.name, e.to_string());
    }
    check_element(&mut c, &spec.element);
    let mut props = HashSet::new();
    for p in &spec.props {
        if !props.insert(p.name.as_str()) {
            c.error(
                "duplicate-name",
                &p.name,
                format!("prop `{}` is declared twice", p.name),
            );
        }
        if let Err(m) = ident::member_name(&p.name) {
            c.error("unsafe-name", &p.name, format!("prop {m}"));
        }
        match p.ty {
            PropType::Enum if p.values.is_empty() => c.error(
                "invalid-prop",
                &p.name,
                format!("enum prop `{}` needs `values`", p.name),
            ),
            PropType::Enum => {
                let mut seen = HashSet::new();
                for v in &p.values {
                    if !seen.insert(v.as_str()) {
                        c.error(
                            "duplicate-name",
                            v,
                            format!("prop `{}` lists `{v}` twice", p.name),
                        );
                    }
                    if v.contains(['\'', '"', '\\', '`', '\n']) {
                        c.error("unsafe-name", v, format!("enum value `{v}` of prop `{}` may not contain quotes, backslashes or newlines", p.name));
                    }
                }
            }
            PropType::List if p.item.is_empty() => c.error(
                "invalid-each",
                &p.name,
                format!(
                    "list prop `{}` needs `item` (its fields and their types)",
                    p.name
                ),
            ),
            PropType::List => {
                for field in p.item.keys() {
                    if let Err(m) = ident::member_name(field) {
                        c.error("unsafe-name", field, format!("item field {m}"));
                    }
                }
            }
            _ if !p.values.is_empty() => c.error(
                "invalid-prop",
                &p.name,
                format!(
                    "`values` is only for enum props; `{}` is a {:?}",
                    p.name, p.ty
                )
                .to_lowercase(),
            ),
            _ => {}
        }
        if let Some(d) = &p.default {
            if let Err(m) = literal_fits(d, p.ty, &p.values) {
                c.error(
                    "invalid-prop",
                    &p.name,
                    format!("default of prop `{}`: {m}", p.name),
                );
            }
        }
    }
    let prop_type = |name: &str| spec.props.iter().find(|p| p.name == name);
    let mut slots = HashSet::new();
    for s in &spec.slots {
        if !slots.insert(s.name.as_str()) {
            c.error(
                "duplicate-name",
                &s.name,
                format!("slot `{}` is declared twice", s.name),
            );
        }
        if s.name == "default" {
            continue;
        }
        if let Err(m) = ident::member_name(&s.name) {
            c.error("unsafe-name", &s.name, format!("slot {m}"));
        }
    }
    let mut events = HashSet::new();
    for e in &spec.events {
        if !events.insert(e.name.as_str()) {
            c.error(
                "duplicate-name",
                &e.name,
                format!("event `{}` is declared twice", e.name),
            );
        }
        if let Err(m) = ident::member_name(&e.name) {
            c.error("unsafe-name", &e.name, format!("event {m}"));
        }
    }
    // Parts: elements, bindings, conditions.
    // Parts, and the items of `each` (`{id: tab}`: the id of the selected item).
    let part_names: HashSet<&str> = spec
        .parts
        .iter()
        .map(|p| p.name.as_str())
        .chain(
            spec.parts
                .iter()
                .filter_map(|p| p.each.as_ref().map(|e| e.name.as_str())),
        )
        .collect();
    let mut seen_parts = HashSet::new();
    for part in &spec.parts {
        if !seen_parts.insert(part.name.as_str()) {
            c.error(
                "duplicate-name",
                &part.name,
                format!("part `{}` is declared twice", part.name),
            );
        }
        if let Err(m) = ident::css_name(&part.name) {
            c.error("unsafe-name", &part.name, format!("part {m}"));
        }
        check_element(&mut c, &part.element);
        if part.element == "slot" && !slots.contains(part.name.as_str()) {
            c.error(
                "unknown-name",
                &part.name,
                format!(
                    "part `{}` renders a slot, but no slot has that name",
                    part.name
                ),
            );
        }
        let mut bindings: Vec<(&str, &Binding)> =
            part.attrs.iter().map(|(k, v)| (k.as_str(), v)).collect();
        if let Some(t) = &part.text {
            bindings.push(("text", t));
        }
        for (attr, b) in bindings {
            if attr != "text" {
                check_attr_name(&mut c, attr);
                check_url_binding(&mut c, attr, b, &part.element, &part.name, &prop_type);
            }
            check_binding(&mut c, b, &part.name, &prop_type, &part_names);
        }
        if let Some(p) = &part.when {
            if prop_type(p).is_none() {
                c.error(
                    "unknown-name",
                    p,
                    format!(
                        "part `{}` shows `if: {p}`, but there is no prop `{p}`",
                        part.name
                    ),
                );
            }
        }
        if let Some(p) = &part.model {
            match prop_type(p) {
                None => c.error(
                    "unknown-name",
                    p,
                    format!(
                        "part `{}` binds `model: {p}`, but there is no prop `{p}`",
                        part.name
                    ),
                ),
                Some(prop)
                    if !matches!(
                        prop.ty,
                        PropType::String | PropType::Number | PropType::Boolean
                    ) =>
                {
                    c.error(
                        "invalid-prop",
                        p,
                        format!("`model: {p}` needs a string, number or boolean prop"),
                    );
                }
                Some(_) => {}
            }
        }
    }
    check_form_parts(&mut c, spec, &slots);
    check_each(&mut c, spec, &part_names);
    for (attr, b) in &spec.attrs {
        check_attr_name(&mut c, attr);
        check_url_binding(&mut c, attr, b, &spec.element, "root", &prop_type);
        check_binding(&mut c, b, "root", &prop_type, &part_names);
    }
    // Different names that become the same identifier or class would clash in code.
    clash(
        &mut c,
        "prop",
        spec.props.iter().map(|p| p.name.as_str()),
        ident::member_name,
    );
    clash(
        &mut c,
        "slot",
        spec.slots.iter().map(|p| p.name.as_str()),
        ident::member_name,
    );
    clash(
        &mut c,
        "event",
        spec.events.iter().map(|p| p.name.as_str()),
        ident::member_name,
    );
    clash(
        &mut c,
        "part",
        spec.parts.iter().map(|p| p.name.as_str()),
        ident::css_name,
    );
    clash(
        &mut c,
        "variant",
        spec.variants.iter().map(|p| p.name.as_str()),
        ident::css_name,
    );
    // Accessibility.
    for (attr, b) in &spec.accessibility.aria {
        if !attr.starts_with("aria-") {
            c.error(
                "invalid-aria",
                attr,
                format!("`{attr}` under `accessibility.aria` must be an `aria-*` attribute"),
            );
        }
        check_attr_name(&mut c, attr);
        check_binding(&mut c, b, "root", &prop_type, &part_names);
    }
    if let Some(role) = &spec.accessibility.role {
        if !role.chars().all(|ch| ch.is_ascii_lowercase()) || role.is_empty() {
            c.error(
                "invalid-aria",
                role,
                format!("role `{role}` is not an ARIA role name"),
            );
        }
    }
    if spec.accessibility.focus == Some(FocusManagement::Modal) && spec.element != "dialog" {
        c.error(
            "invalid-aria",
            "focus",
            "`focus: modal` needs the root `element: dialog`".into(),
        );
    }
    if matches!(
        spec.accessibility.focus,
        Some(FocusManagement::Trap | FocusManagement::Modal)
    ) {
        if !prop_type("open").is_some_and(|p| p.ty == PropType::Boolean) {
            c.error(
                "invalid-aria",
                "focus",
                "`focus: trap` and `focus: modal` need a boolean prop `open`".into(),
            );
        }
        if !events.contains("close") {
            c.error(
                "invalid-aria",
                "focus",
                "`focus: trap` and `focus: modal` need a `close` event (Escape emits it)".into(),
            );
        }
    }
    // Variants.
    let mut variants = HashSet::new();
    for v in &spec.variants {
        if !variants.insert(v.name.as_str()) {
            c.error(
                "duplicate-name",
                &v.name,
                format!("variant `{}` is declared twice", v.name),
            );
        }
        if let Err(m) = ident::css_name(&v.name) {
            c.error("unsafe-name", &v.name, format!("variant {m}"));
        }
        check_when(&mut c, &format!("variant `{}`", v.name), &v.when, spec);
    }
    // Part variants: each needs a condition (its class goes on the root).
    for part in &spec.parts {
        let mut names = HashSet::new();
        for v in &part.variants {
            let what = format!("variant `{}` of part `{}`", v.name, part.name);
            if !names.insert(v.name.as_str()) {
                c.error(
                    "duplicate-name",
                    &v.name,
                    format!("{what} is declared twice"),
                );
            }
            if let Err(m) = ident::css_name(&v.name) {
                c.error("unsafe-name", &v.name, format!("variant {m}"));
            }
            if v.when.is_empty() {
                c.error(
                    "invalid-variant",
                    &v.name,
                    format!("{what} needs a `when` (the props it applies for)"),
                );
            }
            check_when(&mut c, &what, &v.when, spec);
        }
    }
    // The backdrop is the native modal dialog's `::backdrop`.
    if !spec.backdrop.is_empty() && spec.element != "dialog" {
        c.error(
            "invalid-backdrop",
            "backdrop",
            "`backdrop` styles the `::backdrop` of a modal `<dialog>`: it needs the root `element: dialog`".into(),
        );
    }
    // Keyframes: names are identifiers (scoped per component in CSS), selectors are
    // `from`, `to` or percentages.
    for (name, blocks) in &spec.keyframes {
        if let Err(m) = keyframes_name(name) {
            c.error("invalid-keyframes", name, m);
        }
        for at in blocks.keys() {
            if !keyframe_selector(at) {
                c.error(
                    "invalid-keyframes",
                    at,
                    format!("keyframes `{name}`: `{at}` is not `from`, `to` or a percentage (`50%`; several with commas)"),
                );
            }
        }
    }
    for state in spec
        .states
        .keys()
        .chain(spec.variants.iter().flat_map(|v| v.states.keys()))
        .chain(spec.parts.iter().flat_map(|p| p.states.keys()))
        .chain(
            spec.parts
                .iter()
                .flat_map(|p| p.variants.iter().flat_map(|v| v.states.keys())),
        )
    {
        if !STATES.contains(&state.as_str()) {
            c.error(
                "unknown-state",
                state,
                format!("unknown state `{state}` (states: {})", STATES.join(", ")),
            );
        }
    }
    // Styles: property names, values, token references.
    for (property, value) in spec.style_entries() {
        let prop = property.rsplit('.').next().unwrap_or_default();
        if !is_css_property(prop) {
            c.error(
                "invalid-style",
                prop,
                format!("`{prop}` is not a CSS property name"),
            );
        }
        if value.contains([';', '<', '>']) || value.contains("*/") {
            c.error(
                "invalid-style",
                value,
                format!("style `{property}` may not contain `;`, `<`, `>` or `*/`"),
            );
        }
        for token in style_references(value) {
            if tokens.get_str(token).is_none() {
                c.error(
                    "unknown-token",
                    &format!("{{{token}}}"),
                    format!("style `{property}` references `{{{token}}}`, which is not a token"),
                );
            }
        }
        let stripped: String = strip_references(value);
        if stripped.contains(['{', '}']) {
            c.error(
                "invalid-style",
                value,
                format!("style `{property}` has an unbalanced `{{` or `}}`"),
            );
        }
        // An open string would run on into the next declarations.
        if !quotes_balanced(value) {
            c.error(
                "invalid-style",
                value,
                format!("style `{property}` has an unbalanced quote"),
            );
        }
    }
    c.findings
}

fn clash<'n>(
    c: &mut Checker<'_>,
    kind: &str,
    names: impl Iterator<Item = &'n str>,
    make: fn(&str) -> Result<String, ident::IdentError>,
) {
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for n in names {
        let Ok(made) = make(n) else { continue };
        match seen.get(&made) {
            Some(other) if *other != n => c.error(
                "duplicate-name",
                n,
                format!(
                    "{kind} `{n}` and {kind} `{other}` both become `{made}` in code; rename one"
                ),
            ),
            _ => {
                seen.insert(made, n);
            }
        }
    }
}

/// Whether every CSS string in `value` ends: quotes pair up, a quote of the other kind
/// inside a string does not count, and a backslash escapes the next character.
fn quotes_balanced(value: &str) -> bool {
    let mut open: Option<char> = None;
    let mut chars = value.chars();
    while let Some(ch) = chars.next() {
        match (open, ch) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), ch) if ch == q => open = None,
            (None, '"' | '\'') => open = Some(ch),
            _ => {}
        }
    }
    open.is_none()
}

fn strip_references(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find('{') {
        match rest[start..].find('}') {
            Some(end) => {
                out.push_str(&rest[..start]);
                rest = &rest[start + end + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

fn is_css_property(p: &str) -> bool {
    let body = p.strip_prefix("--").unwrap_or(p);
    !body.is_empty()
        && body
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        && !body.starts_with(|ch: char| ch.is_ascii_digit())
}

fn check_element(c: &mut Checker<'_>, element: &str) {
    if !ELEMENTS.contains(&element) {
        c.error(
            "invalid-element",
            element,
            format!(
                "element `{element}` is not supported (use one of {})",
                ELEMENTS.join(", ")
            ),
        );
    }
}

fn check_attr_name(c: &mut Checker<'_>, attr: &str) {
    let ok = !attr.is_empty()
        && attr
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        && !attr.starts_with("on")
        && attr != "style"
        && attr != "class";
    if !ok {
        c.error(
            "invalid-attribute",
            attr,
            format!("attribute `{attr}` is not allowed (lowercase names; no event handlers, `style` or `class`)"),
        );
    }
}

/// A URL attribute's fixed value, or the default and enum values of the prop bound to
/// it, may only use an allowed scheme ([`url::check_url`]).
fn check_url_binding<'p>(
    c: &mut Checker<'_>,
    attr: &str,
    b: &Binding,
    element: &str,
    part: &str,
    prop: &impl Fn(&str) -> Option<&'p crate::model::component::Prop>,
) {
    if !url::is_url_attribute(attr) {
        return;
    }
    let mut values: Vec<(&str, String)> = Vec::new();
    match b {
        Binding::Text(t) => values.push((t.as_str(), String::new())),
        Binding::Prop { prop: name } => {
            if let Some(p) = prop(name) {
                if let Some(Literal::String(d)) = &p.default {
                    values.push((d.as_str(), format!(" (the default of prop `{name}`)")));
                }
                for v in &p.values {
                    values.push((v.as_str(), format!(" (value `{v}` of prop `{name}`)")));
                }
            }
        }
        Binding::Id { .. } | Binding::Ids { .. } => {}
    }
    for (value, via) in values {
        if let Err(why) = url::check_url(attr, value) {
            let component = c.component.clone();
            // Point at the value where it is written as is, else at the attribute.
            let near = if !value.is_empty() && c.text.contains(value) {
                value
            } else {
                attr
            };
            c.error(
                "unsafe-url",
                near,
                format!(
                    "component `{component}`, element `{element}` of `{part}`: attribute `{attr}`{via} {why}; only {} and relative URLs are allowed",
                    url::ALLOWED_SCHEMES.join(", ")
                ),
            );
        }
    }
}

/// Elements that may be a form component's native control (`control: true`).
const CONTROLS: [&str; 4] = ["input", "select", "textarea", "button"];

/// Form parts: one native control at most, always rendered, of a control element; a
/// `model` on a checkbox binds `checked` (a boolean prop), elsewhere `value`; `slot:`
/// names a declared slot and goes on an element with content.
fn check_form_parts(c: &mut Checker<'_>, spec: &Component, slots: &HashSet<&str>) {
    let controls: Vec<_> = spec.parts.iter().filter(|p| p.control).collect();
    if controls.len() > 1 {
        c.error(
            "invalid-part",
            &controls[1].name,
            format!(
                "only one part may be the native control; `{}` and `{}` both say `control: true`",
                controls[0].name, controls[1].name
            ),
        );
    }
    for part in &controls {
        if !CONTROLS.contains(&part.element.as_str()) {
            c.error(
                "invalid-part",
                &part.name,
                format!(
                    "part `{}` is the native control, so its element must be one of {}",
                    part.name,
                    CONTROLS.join(", ")
                ),
            );
        }
        if part.when.is_some() {
            c.error(
                "invalid-part",
                &part.name,
                format!(
                    "part `{}` is the native control and cannot have `if`",
                    part.name
                ),
            );
        }
    }
    if !controls.is_empty() && VOID_ROOTS.contains(&spec.element.as_str()) {
        c.error(
            "invalid-part",
            &spec.element,
            format!(
                "a component with a native control part needs a root with children, not `{}`",
                spec.element
            ),
        );
    }
    for part in &spec.parts {
        if let Some(model) = &part.model {
            let boolean = spec
                .props
                .iter()
                .any(|p| p.name == *model && p.ty == PropType::Boolean);
            let checkbox = part.element == "input"
                && matches!(part.attrs.get("type"), Some(Binding::Text(t)) if t == "checkbox" || t == "radio");
            if boolean != checkbox {
                c.error(
                    "invalid-prop",
                    model,
                    format!(
                        "part `{}` binds `model: {model}`: a boolean prop binds `checked` of an input of type checkbox or radio, a string or number prop the `value` of other controls",
                        part.name
                    ),
                );
            }
        }
        if let Some(slot) = &part.slot {
            if !slots.contains(slot.as_str()) {
                c.error(
                    "unknown-name",
                    slot,
                    format!(
                        "part `{}` renders slot `{slot}`, which is not declared",
                        part.name
                    ),
                );
            }
            if part.text.is_some()
                || part.element == "slot"
                || ["input", "img"].contains(&part.element.as_str())
            {
                c.error(
                    "invalid-part",
                    &part.name,
                    format!("part `{}` renders slot `{slot}`, so it needs an element with content and no `text`", part.name),
                );
            }
        }
    }
}

const VOID_ROOTS: [&str; 2] = ["input", "img"];

fn check_binding<'p>(
    c: &mut Checker<'_>,
    b: &Binding,
    part: &str,
    prop: &impl Fn(&str) -> Option<&'p crate::model::component::Prop>,
    parts: &HashSet<&str>,
) {
    match b {
        Binding::Prop { prop: p } if prop(p).is_none() => {
            c.error(
                "unknown-name",
                p,
                format!("`{part}` binds prop `{p}`, which is not a prop"),
            );
        }
        Binding::Id { id } if !parts.contains(id.as_str()) => {
            c.error(
                "unknown-name",
                id,
                format!("`{part}` refers to the id of part `{id}`, which is not a part"),
            );
        }
        Binding::Ids { ids } => {
            for id in ids.iter().filter(|id| !parts.contains(id.as_str())) {
                c.error(
                    "unknown-name",
                    id,
                    format!("`{part}` refers to the id of part `{id}`, which is not a part"),
                );
            }
        }
        Binding::Text(t) if t.contains(['<', '>', '{', '}', '`', '"']) => {
            c.error(
                "invalid-attribute",
                t,
                format!(
                    "text `{t}` of `{part}` may not contain `<`, `>`, braces, quotes or backticks"
                ),
            );
        }
        _ => {}
    }
}

/// Checks a variant's condition: every prop exists and each value fits it (`set`:
/// presence, for a prop that may be missing).
fn check_when(
    c: &mut Checker<'_>,
    what: &str,
    when: &indexmap::IndexMap<String, Literal>,
    spec: &Component,
) {
    for (prop, value) in when {
        let Some(p) = spec.props.iter().find(|p| p.name == *prop) else {
            c.error(
                "unknown-prop",
                prop,
                format!("{what} sets `{prop}`, which is not a prop of {}", spec.name),
            );
            continue;
        };
        if is_presence(value, p) {
            let always = if p.ty == PropType::Boolean {
                Some("it is a boolean (use `true` or `false`)")
            } else if p.required {
                Some("it is required")
            } else if p
                .default
                .as_ref()
                .is_some_and(|d| *d != Literal::String(String::new()))
            {
                Some("it has a default")
            } else {
                None
            };
            if let Some(why) = always {
                c.error(
                    "invalid-variant",
                    prop,
                    format!("{what}: `{prop}: {PRESENT}` can never be false, as {why}"),
                );
            }
            continue;
        }
        if let Err(m) = literal_fits(value, p.ty, &p.values) {
            c.error("invalid-variant", prop, format!("{what}: `{prop}` {m}"));
        }
    }
}

/// Whether a condition value means "the prop is given" (see [`PRESENT`]).
pub fn is_presence(value: &Literal, prop: &crate::model::component::Prop) -> bool {
    matches!(value, Literal::String(s) if s == PRESENT)
        && !(prop.ty == PropType::Enum && prop.values.iter().any(|v| v == PRESENT))
}

/// Words an `animation` value uses as keywords: a keyframes name may not be one.
const ANIMATION_KEYWORDS: [&str; 24] = [
    "none",
    "initial",
    "inherit",
    "unset",
    "revert",
    "revert-layer",
    "default",
    "auto",
    "infinite",
    "normal",
    "reverse",
    "alternate",
    "alternate-reverse",
    "forwards",
    "backwards",
    "both",
    "running",
    "paused",
    "linear",
    "ease",
    "ease-in",
    "ease-out",
    "ease-in-out",
    "step-start",
];

/// A keyframes name: lowercase ASCII letters, digits and `-`, starting with a letter,
/// not a keyword of `animation`.
pub fn keyframes_name(name: &str) -> Result<(), String> {
    let ok = name.starts_with(|ch: char| ch.is_ascii_lowercase())
        && name.len() <= 64
        && name
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
    if !ok {
        return Err(format!(
            "keyframes name `{}` must start with a lowercase letter and hold only a-z, 0-9 and `-`",
            name.escape_debug()
        ));
    }
    if ANIMATION_KEYWORDS.contains(&name) || name == "step-end" {
        return Err(format!(
            "keyframes name `{name}` is a keyword of `animation`; pick another name"
        ));
    }
    Ok(())
}

/// `from`, `to`, `50%`, `12.5%`, or several of them separated by commas.
pub fn keyframe_selector(at: &str) -> bool {
    at.split(',').all(|part| {
        let part = part.trim();
        part == "from"
            || part == "to"
            || part.strip_suffix('%').is_some_and(|n| {
                !n.is_empty()
                    && n.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
                    && n.parse::<f64>().is_ok_and(|x| (0.0..=100.0).contains(&x))
            })
    })
}

/// Checks the repeated children of parts (`each:`): the list prop and its item fields,
/// the model, `aria-controls` and the states.
fn check_each(c: &mut Checker<'_>, spec: &Component, part_names: &HashSet<&str>) {
    use crate::model::component::FieldType;
    for part in &spec.parts {
        let Some(e) = &part.each else { continue };
        let what = format!("`each` of part `{}`", part.name);
        if part.element == "slot" || part.control || part.text.is_some() || part.slot.is_some() {
            c.error(
                "invalid-each",
                &e.name,
                format!("{what}: the part holds its items only (no slot, text or control)"),
            );
        }
        if let Err(m) = ident::css_name(&e.name) {
            c.error("unsafe-name", &e.name, format!("items {m}"));
        }
        if spec.parts.iter().any(|p| p.name == e.name) {
            c.error(
                "duplicate-name",
                &e.name,
                format!("{what}: `{}` is also the name of a part", e.name),
            );
        }
        check_element(c, &e.element);
        if let Some(role) = &e.role {
            if role.is_empty() || !role.chars().all(|ch| ch.is_ascii_lowercase()) {
                c.error(
                    "invalid-aria",
                    role,
                    format!("role `{role}` is not an ARIA role name"),
                );
            }
        }
        let Some(list) = spec.props.iter().find(|p| p.name == e.items) else {
            c.error(
                "unknown-name",
                &e.items,
                format!("{what} repeats `{}`, which is not a prop", e.items),
            );
            continue;
        };
        if list.ty != PropType::List {
            c.error(
                "invalid-each",
                &e.items,
                format!("{what} repeats `{}`, which is not a list prop", e.items),
            );
            continue;
        }
        let field = |n: &str| list.item.get(n).copied();
        match field(&e.text) {
            None => c.error(
                "unknown-name",
                &e.text,
                format!(
                    "{what} shows field `{}`, which items of `{}` do not have",
                    e.text, list.name
                ),
            ),
            Some(FieldType::Boolean) => c.error(
                "invalid-each",
                &e.text,
                format!(
                    "{what} shows field `{}`, a boolean; text needs a string or number",
                    e.text
                ),
            ),
            Some(_) => {}
        }
        if let Some(d) = &e.disabled {
            if field(d) != Some(FieldType::Boolean) {
                c.error(
                    "invalid-each",
                    d,
                    format!("{what}: `disabled: {d}` needs a boolean field of the items"),
                );
            }
        }
        if let Some(m) = &e.model {
            match spec.props.iter().find(|p| p.name == *m) {
                None => c.error(
                    "unknown-name",
                    m,
                    format!("{what} binds `model: {m}`, but there is no prop `{m}`"),
                ),
                Some(p) if p.ty != PropType::String => c.error(
                    "invalid-each",
                    m,
                    format!("{what}: `model: {m}` needs a string prop (an item's `value`)"),
                ),
                Some(_) => {}
            }
            if field("value") != Some(FieldType::String) {
                c.error(
                    "invalid-each",
                    &list.name,
                    format!(
                        "{what} selects by `value`: the items of `{}` need a string field `value`",
                        list.name
                    ),
                );
            }
        } else if e.keyboard.is_some() {
            c.error(
                "invalid-each",
                &e.name,
                format!("{what}: `keyboard: roving` moves the selection, so it needs `model`"),
            );
        }
        if let Some(target) = &e.controls {
            if !part_names.contains(target.as_str()) {
                c.error(
                    "unknown-name",
                    target,
                    format!("{what} controls `{target}`, which is not a part"),
                );
            }
        }
        for state in e.states.keys() {
            if state != "selected" && !STATES.contains(&state.as_str()) {
                c.error(
                    "unknown-state",
                    state,
                    format!(
                        "{what}: unknown state `{state}` (one of selected, {})",
                        STATES.join(", ")
                    ),
                );
            }
        }
    }
}

fn literal_fits(v: &Literal, ty: PropType, values: &[String]) -> Result<(), String> {
    match (ty, v) {
        (PropType::Boolean, Literal::Bool(_)) | (PropType::Number, Literal::Number(_)) => Ok(()),
        (PropType::String, Literal::String(s)) => {
            if s.contains(['\'', '"', '\\', '`', '\n']) {
                Err("may not contain quotes, backslashes or newlines".into())
            } else {
                Ok(())
            }
        }
        (PropType::Enum, Literal::String(s)) if values.contains(s) => Ok(()),
        (PropType::Enum, other) => Err(format!(
            "must be one of {}, not `{}`",
            values.join(", "),
            literal_text(other)
        )),
        (t, other) => Err(format!(
            "must be a {}, not `{}`",
            format!("{t:?}").to_lowercase(),
            literal_text(other)
        )),
    }
}

fn literal_text(v: &Literal) -> String {
    match v {
        Literal::Bool(b) => b.to_string(),
        Literal::Number(n) => n.to_string(),
        Literal::String(s) => s.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(yaml: &str) -> Vec<(String, String)> {
        let spec = parse("c.yaml", yaml).expect("parses");
        let tokens = Tokens::new(Vec::new(), Vec::new(), Vec::new());
        check(&spec, &tokens, "c.yaml", yaml)
            .iter()
            .map(|f| (f.code.to_string(), f.message.clone()))
            .collect()
    }

    const PROPS: &str = "name: Field
props:
  - { name: variant, type: enum, values: [primary, ghost], default: primary }
  - { name: size, type: enum, values: [sm, md] }
  - { name: error, type: string }
  - { name: label, type: string, required: true }
  - { name: loading, type: boolean, default: false }
";

    #[test]
    fn compound_presence_and_boolean_conditions_are_accepted() {
        let yaml = format!(
            "{PROPS}variants:
  - {{ name: a, when: {{ variant: primary, size: sm }} }}
  - {{ name: b, when: {{ error: set }} }}
  - {{ name: c, when: {{ loading: true }} }}
parts:
  - name: hint
    element: p
    variants:
      - {{ name: bad, when: {{ error: set }}, states: {{ hover: {{ color: red }} }} }}
"
        );
        assert_eq!(findings(&yaml), Vec::<(String, String)>::new());
    }

    #[test]
    fn conditions_are_checked_against_the_props() {
        let yaml = format!(
            "{PROPS}variants:
  - {{ name: a, when: {{ nope: 1 }} }}
  - {{ name: b, when: {{ size: xl }} }}
  - {{ name: c, when: {{ label: set }} }}
  - {{ name: d, when: {{ loading: set }} }}
  - {{ name: e, when: {{ variant: set }} }}
  - {{ name: f, when: {{ loading: 'yes' }} }}
parts:
  - name: hint
    variants:
      - {{ name: always, styles: {{ color: red }} }}
      - {{ name: x, when: {{ size: sm }}, states: {{ pressed: {{ color: red }} }} }}
"
        );
        let found = findings(&yaml);
        let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            codes,
            [
                "unknown-prop",
                "invalid-variant",
                "invalid-variant",
                "invalid-variant",
                "invalid-variant",
                "invalid-variant",
                "invalid-variant",
                "unknown-state"
            ],
            "{found:?}"
        );
        assert!(
            found[2]
                .1
                .contains("`label: set` can never be false, as it is required")
        );
        assert!(found[3].1.contains("boolean"));
        assert!(found[4].1.contains("it has a default"));
        assert!(
            found[6]
                .1
                .contains("variant `always` of part `hint` needs a `when`")
        );
    }

    #[test]
    fn keyframes_names_and_selectors_are_checked() {
        let yaml = "name: Spinner
keyframes:
  spin:
    from: { transform: rotate(0turn) }
    '0%, 50.5%': { opacity: '1' }
  linear:
    to: { opacity: '0' }
  'x}y':
    half: { opacity: '0' }
    120%: { opacity: '0' }
";
        let found = findings(yaml);
        let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            codes,
            [
                "invalid-keyframes",
                "invalid-keyframes",
                "invalid-keyframes",
                "invalid-keyframes"
            ],
            "{found:?}"
        );
        assert!(found[0].1.contains("keyword"));
    }
}
