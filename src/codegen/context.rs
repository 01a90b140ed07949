//! The data templates see: a component spec turned into safe identifiers, TypeScript
//! types and literals, bindings, variant conditions and a finished stylesheet whose
//! token references are `var(--token-name)` custom properties.

use std::fmt::Write as _;

use indexmap::IndexMap;
use serde::Serialize;

use crate::codegen::Options;
use crate::components::ident;
use crate::escape;
use crate::export::naming::{NameCase, name};
use crate::model::component::{
    Binding, Each, FieldType, FocusManagement, ItemKeyboard, Literal, PropType, STATES, Status,
};
use crate::model::{StoredComponent, Tokens};

/// A prop as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct PropContext {
    /// The name as written.
    pub name: String,
    /// camelCase identifier.
    pub ident: String,
    /// `string`, `number`, `boolean` or `enum`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The TypeScript type (`'sm' | 'md'` for enums).
    pub ts_type: String,
    /// Enum values.
    pub values: Vec<String>,
    /// Whether there is a default.
    pub has_default: bool,
    /// The default as a TypeScript literal (`'md'`, `false`, `0`).
    pub default: String,
    /// Whether callers must pass it.
    pub required: bool,
    /// `!required`: optional in the props type.
    pub optional: bool,
    /// Description (single line).
    pub description: String,
    /// Type flags for templates.
    pub is_boolean: bool,
    /// Whether it is an enum.
    pub is_enum: bool,
    /// Whether it is two-way bound: the `model` of a part, or `open` of a modal dialog
    /// (Vue `defineModel`, Svelte `$bindable`, React `value` + `defaultValue` + handler).
    pub is_model: bool,
    /// Vue: the `defineModel` name as a string literal, empty for the component's main
    /// model (`v-model` / `modelValue`).
    pub vue_model: String,
    /// React: the uncontrolled prop (`defaultValue`, `defaultChecked`, `defaultOpen`).
    pub default_ident: String,
    /// React: the change handler (`onValueChange`, `onCheckedChange`, `onOpenChange`).
    pub change_handler: String,
}

/// A slot.
#[derive(Debug, Clone, Serialize)]
pub struct SlotContext {
    /// The name as written.
    pub name: String,
    /// camelCase identifier.
    pub ident: String,
    /// Whether it is the `default` slot (children).
    pub is_default: bool,
    /// Description.
    pub description: String,
}

/// An event.
#[derive(Debug, Clone, Serialize)]
pub struct EventContext {
    /// The name as written.
    pub name: String,
    /// camelCase identifier (`update`, `close`).
    pub ident: String,
    /// React handler prop (`onClose`).
    pub handler: String,
    /// TypeScript payload type (`void` when none).
    pub payload_type: &'static str,
    /// Whether it carries a payload.
    pub has_payload: bool,
    /// Description.
    pub description: String,
}

/// A bound value: a prop, the id of a part, or text.
#[derive(Debug, Clone, Serialize)]
pub struct BindingContext {
    /// Attribute name (empty for text content).
    pub name: String,
    /// `prop`, `id` or `text`.
    pub kind: &'static str,
    /// The prop identifier (kind `prop`).
    pub prop: String,
    /// The part whose id is meant (kind `id`), kebab-case.
    pub part: String,
    /// The text (kind `text`) as written: templates escape it for its place
    /// (`{{attr text}}`, `{{js_string text}}`).
    pub text: String,
    /// Whether the bound prop is a boolean (for `aria-*="true|false"`).
    pub is_boolean: bool,
    /// The parts whose ids are meant (kind `ids`), in order.
    pub parts: Vec<IdRef>,
}

/// One part of an `ids` binding.
#[derive(Debug, Clone, Serialize)]
pub struct IdRef {
    /// The part, kebab-case.
    pub name: String,
    /// Prop identifier that must be truthy for the part (and its id) to exist.
    pub when: Option<String>,
}

/// A part of the markup.
#[derive(Debug, Clone, Serialize)]
pub struct PartContext {
    /// kebab-case name.
    pub name: String,
    /// Its CSS class (`part-label`).
    pub class_name: String,
    /// HTML element.
    pub element: String,
    /// Whether it renders a slot.
    pub is_slot: bool,
    /// The slot identifier (when `is_slot`).
    pub slot_ident: String,
    /// Whether the slot is the default one.
    pub is_default_slot: bool,
    /// Whether the element has no children (input, img).
    pub is_void: bool,
    /// Text content, when bound.
    pub text: Option<BindingContext>,
    /// Attributes.
    pub attrs: Vec<BindingContext>,
    /// Whether some part references this part's id.
    pub needs_id: bool,
    /// Prop identifier that must be truthy for the part to render.
    pub when: Option<String>,
    /// Prop identifier bound as the input's value (emits `update`).
    pub model: Option<String>,
    /// Whether the model prop is a number.
    pub model_is_number: bool,
    /// Whether the model is a boolean bound to `checked` (checkbox, radio).
    pub model_is_boolean: bool,
    /// Whether this is the native control that receives the component's attributes,
    /// event handlers and ref.
    pub is_control: bool,
    /// The identifier of the slot rendered inside the element (`slot:`).
    pub content_slot: Option<String>,
    /// The children repeated per item of a list prop (`each:`).
    pub repeat: Option<EachContext>,
}

/// A variant.
#[derive(Debug, Clone, Serialize)]
pub struct VariantContext {
    /// The name.
    pub name: String,
    /// Its CSS class, naming the props it is for (`variant-primary`, `size-md`,
    /// `variant-primary-size-sm`), or `variant-<name>` for a variant without conditions.
    pub class_name: String,
    /// `props.size === 'sm' && props.disabled === true` (Vue).
    pub condition_props: String,
    /// `size === 'sm' && disabled === true` (React, Svelte).
    pub condition: String,
    /// Empty for a variant of the component; for a condition only a part's variants use,
    /// the part (kebab-case). Either way the class goes on the root element: part
    /// variants are styled as `.root.<class_name> .part-<part>`.
    pub part: String,
}

/// Everything a component template sees.
#[derive(Debug, Clone, Serialize)]
pub struct ComponentContext {
    /// `PascalCase` identifier and file name.
    pub name: String,
    /// kebab-case.
    pub kebab: String,
    /// The name as written.
    pub title: String,
    /// Description (single line).
    pub description: String,
    /// Category.
    pub category: String,
    /// draft, approved or deprecated.
    pub status: &'static str,
    /// Whether deprecated.
    pub deprecated: bool,
    /// Why (may be empty).
    pub deprecation_reason: String,
    /// Root element.
    pub element: String,
    /// Whether the root is a void element.
    pub is_void: bool,
    /// ARIA role (may be empty).
    pub role: String,
    /// Other attributes of the root element.
    pub attrs: Vec<BindingContext>,
    /// Root `aria-*` attributes.
    pub aria: Vec<BindingContext>,
    /// Keyboard behaviour lines.
    pub keyboard: Vec<String>,
    /// Focus trap behaviour (dialogs).
    pub focus_trap: bool,
    /// A native modal `<dialog>` (`focus: modal`).
    pub modal: bool,
    /// Whether a boolean `closeOnEscape` prop decides if Escape closes the dialog.
    pub has_close_on_escape: bool,
    /// Whether a boolean `closeOnBackdrop` prop decides if a backdrop click closes it.
    pub has_close_on_backdrop: bool,
    /// The native control's element (`control: true`), when there is one.
    pub control: Option<String>,
    /// Whether any prop is two-way bound.
    pub has_models: bool,
    /// Whether a `disabled` boolean prop exists.
    pub has_disabled: bool,
    /// Props.
    pub props: Vec<PropContext>,
    /// Whether any prop has a default.
    pub has_defaults: bool,
    /// Slots.
    pub slots: Vec<SlotContext>,
    /// Whether there are slots besides `default`.
    pub has_named_slots: bool,
    /// Events.
    pub events: Vec<EventContext>,
    /// Parts (default: the default slot).
    pub parts: Vec<PartContext>,
    /// Whether any part needs a generated id.
    pub needs_ids: bool,
    /// Whether some part repeats items selected by a model (`each:` with `model`).
    pub each_model: bool,
    /// Whether the React component runs in the browser only (hooks, or handlers of its
    /// own): it then starts with `'use client'`, so that a React Server Component can
    /// import it (and the barrel) while it stays out of the server bundle.
    pub client: bool,
    /// Variants.
    pub variants: Vec<VariantContext>,
    /// The component's stylesheet: `.root`, `.part-*`, `.variant-*`, states.
    pub css: String,
    /// Tokens the component uses.
    pub tokens_used: Vec<String>,
}

/// The class of a condition, naming its props: `<prop>-<value>` for each condition
/// (`size-md`, `variant-primary-size-sm`, `error-set`, `loading-true`); empty without
/// conditions.
fn condition_class(when: &IndexMap<String, Literal>) -> String {
    let kebab = |s: &str| ident::css_name(s).unwrap_or_else(|_| fallback_ident(s));
    when.iter()
        .map(|(prop, value)| {
            let value = match value {
                Literal::String(s) => kebab(s),
                Literal::Bool(b) => b.to_string(),
                Literal::Number(n) => kebab(&n.to_string().replace('.', "_")),
            };
            format!("{}-{value}", kebab(prop))
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// One class the root element toggles: for a variant of the component, or for the
/// condition of a part's variant.
struct Toggle<'s> {
    name: String,
    when: &'s IndexMap<String, Literal>,
    class_name: String,
    part: String,
}

/// Every class the root toggles: each variant's (`size-md`, `variant-primary-size-sm`;
/// `variant-<name>` for a variant without conditions or when two variants would share
/// a class), then the conditions of part variants no variant has (a part variant with
/// the same condition as another shares its class).
fn toggles(spec: &crate::model::component::Component) -> Vec<Toggle<'_>> {
    let kebab = |s: &str| ident::css_name(s).unwrap_or_else(|_| fallback_ident(s));
    let mut out: Vec<Toggle<'_>> = Vec::with_capacity(spec.variants.len());
    for v in &spec.variants {
        let by_props = condition_class(&v.when);
        let class_name = if by_props.is_empty() || out.iter().any(|t| t.class_name == by_props) {
            format!("variant-{}", kebab(&v.name))
        } else {
            by_props
        };
        out.push(Toggle {
            name: v.name.clone(),
            when: &v.when,
            class_name,
            part: String::new(),
        });
    }
    for p in &spec.parts {
        for v in &p.variants {
            if out.iter().any(|t| *t.when == v.when && !v.when.is_empty()) {
                continue;
            }
            let by_props = condition_class(&v.when);
            let class_name = if by_props.is_empty() || out.iter().any(|t| t.class_name == by_props)
            {
                format!("variant-{}-{}", kebab(&p.name), kebab(&v.name))
            } else {
                by_props
            };
            out.push(Toggle {
                name: v.name.clone(),
                when: &v.when,
                class_name,
                part: kebab(&p.name),
            });
        }
    }
    out
}

/// One condition of a variant in generated code.
enum Cond {
    /// `=== literal`.
    Equals(String),
    /// The prop is given (and, for text (`true`), not empty).
    Given(bool),
}

/// The class a part variant's condition toggles on the root.
fn toggle_class<'t>(
    toggles: &'t [Toggle<'_>],
    when: &IndexMap<String, Literal>,
) -> Option<&'t str> {
    toggles
        .iter()
        .find(|t| *t.when == *when)
        .map(|t| t.class_name.as_str())
}

/// Free text (descriptions, reasons, keyboard notes) on one line, with the sequences
/// that end a JS/CSS comment, an HTML comment or a `<script>`/`<style>` block broken up:
/// a baseline for templates that print it without an escaping helper. The built-in
/// templates escape it for its exact place on top (see `escape`).
fn one_line(s: Option<&String>) -> String {
    s.map(|d| {
        d.split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .replace("*/", "* /")
            .replace("</", "<\\/")
            .replace("<!--", "<!\\--")
            .replace("--!>", "--!\\>")
            .replace("-->", "--\\>")
    })
    .unwrap_or_default()
}

/// The identifier of a name that failed the identifier check (generation checks every
/// spec first, so this only keeps a damaged spec from reaching code as written).
fn fallback_ident(name: &str) -> String {
    let s: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("invalid{s}")
    } else {
        s
    }
}

/// An element name as written when it is a plain tag name (`div` otherwise; generation
/// refuses elements outside the allow-list before this).
fn element_name(e: &str) -> String {
    if !e.is_empty()
        && e.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        e.to_string()
    } else {
        "div".to_string()
    }
}

fn ts_literal(v: &Literal) -> String {
    match v {
        Literal::Bool(b) => b.to_string(),
        Literal::Number(n) if n.is_nan() => "Number.NaN".into(),
        Literal::Number(n) if n.is_infinite() => {
            if *n > 0.0 { "Infinity" } else { "-Infinity" }.into()
        }
        Literal::Number(n) => {
            if n.fract() == 0.0 && n.abs() < 9.0e15 {
                format!("{}", *n as i64)
            } else {
                n.to_string()
            }
        }
        Literal::String(s) => escape::js_string(s),
    }
}

/// `{color.brand}` inside a style value -> `var(--color-brand)`.
pub fn css_var(token: &str, prefix: Option<&str>) -> String {
    format!("var(--{})", name(token, prefix, NameCase::Kebab))
}

fn style_value(value: &str, prefix: Option<&str>) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut rest = value;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start + 1..].find('}') else {
            break;
        };
        css_text(&mut out, &rest[..start]);
        out.push_str(&css_var(rest[start + 1..start + 1 + len].trim(), prefix));
        rest = &rest[start + 1 + len + 1..];
    }
    css_text(&mut out, rest);
    out
}

/// Literal text of a style value, escaped so that it stays inside its declaration:
/// `;`, braces, `<`, `>`, line breaks and a backslash that would escape one of them
/// cannot end the declaration, the rule, a comment or a `<style>` block. (Generation
/// refuses such values before this; this keeps a damaged spec harmless.)
fn css_text(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ';' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '<' | '>' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            '*' if chars.peek() == Some(&'/') => out.push_str("*\\"),
            '\\' => match chars.peek() {
                Some(n) if n.is_ascii_hexdigit() || !(n.is_control() || "\\;{}<>".contains(*n)) => {
                    out.push('\\');
                }
                _ => out.push_str("\\\\"),
            },
            c if c.is_control() => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// Whether `p` is a CSS property name (`color`, `--my-var`).
fn is_css_property(p: &str) -> bool {
    let body = p.strip_prefix("--").unwrap_or(p);
    !body.is_empty()
        && !body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether a declaration animates (`animation`, `animation-*`): such declarations only
/// apply under `prefers-reduced-motion: no-preference`.
fn is_animation(property: &str) -> bool {
    property == "animation" || property.starts_with("animation-")
}

/// How the stylesheet is written.
struct Sheet<'a> {
    css: String,
    prefix: Option<&'a str>,
    /// The component's kebab name: keyframes are called `<component>-<name>`.
    scope: String,
    /// The spec's keyframes names (valid ones).
    keyframes: Vec<&'a str>,
    /// Also select each state by a class on the root (`.root.is-hover`), for previews
    /// that show a state without interaction.
    forced: bool,
}

/// What a rule selects: the root (with the classes of a condition), a part, or a part
/// while the root has a condition's class.
struct Target {
    /// `.root`, `.root.size-sm`; `None` for a part on its own.
    root: Option<String>,
    /// `.part-label`.
    part: Option<String>,
}

impl Target {
    fn selector(&self) -> String {
        match (&self.root, &self.part) {
            (Some(r), Some(p)) => format!("{r} {p}"),
            (Some(r), None) => r.clone(),
            (None, Some(p)) => p.clone(),
            (None, None) => ".root".into(),
        }
    }
}

impl Sheet<'_> {
    /// A keyframes name used in an `animation`/`animation-name` value, scoped to the
    /// component; other words (and token references) as written.
    fn animation_value(&self, value: &str) -> String {
        let mut out = String::with_capacity(value.len() + 16);
        let mut word = String::new();
        let mut depth = 0usize;
        let flush = |word: &mut String, out: &mut String| {
            if self.keyframes.contains(&word.as_str()) {
                out.push_str(&self.scope);
                out.push('-');
            }
            out.push_str(word);
            word.clear();
        };
        for ch in value.chars() {
            if depth == 0 && (ch.is_ascii_alphanumeric() || ch == '-' || ch == '_') {
                word.push(ch);
                continue;
            }
            flush(&mut word, &mut out);
            match ch {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            out.push(ch);
        }
        flush(&mut word, &mut out);
        out
    }

    fn declarations(&mut self, styles: &IndexMap<String, String>, animated: bool, indent: &str) {
        for (k, v) in styles
            .iter()
            .filter(|(k, _)| is_css_property(k) && is_animation(k) == animated)
        {
            let v = if animated {
                self.animation_value(v)
            } else {
                v.clone()
            };
            let _ = writeln!(self.css, "{indent}{k}: {};", style_value(&v, self.prefix));
        }
    }

    /// `selector { ... }`, then its animation declarations inside
    /// `@media (prefers-reduced-motion: no-preference)`.
    fn rule(&mut self, selector: &str, styles: &IndexMap<String, String>) {
        if styles
            .keys()
            .any(|k| is_css_property(k) && !is_animation(k))
        {
            let _ = writeln!(self.css, "{selector} {{");
            self.declarations(styles, false, "  ");
            self.css.push_str("}\n");
        }
        if styles.keys().any(|k| is_css_property(k) && is_animation(k)) {
            let _ = writeln!(
                self.css,
                "@media (prefers-reduced-motion: no-preference) {{\n  {} {{",
                selector.replace('\n', "\n  ")
            );
            self.declarations(styles, true, "    ");
            self.css.push_str("  }\n}\n");
        }
    }

    fn state_rule(&mut self, target: &Target, state: &str, styles: &IndexMap<String, String>) {
        if !STATES.contains(&state) {
            return;
        }
        let base = target.selector();
        let mut selector = match state {
            "disabled" => format!("{base}:disabled,\n{base}[aria-disabled='true']"),
            // A disabled control does not react to the pointer.
            "hover" | "active" => {
                format!("{base}:{state}:not(:disabled):not([aria-disabled='true'])")
            }
            other => format!("{base}:{other}"),
        };
        if self.forced {
            let forced = Target {
                root: Some(format!(
                    "{}.is-{state}",
                    target.root.as_deref().unwrap_or(".root")
                )),
                part: target.part.clone(),
            };
            let _ = write!(selector, ",\n{}", forced.selector());
        }
        self.rule(&selector, styles);
    }

    fn keyframes(&mut self, spec: &crate::model::component::Component) {
        for (name, blocks) in &spec.keyframes {
            if !self.keyframes.contains(&name.as_str()) {
                continue;
            }
            let _ = writeln!(self.css, "@keyframes {}-{name} {{", self.scope);
            for (at, styles) in blocks {
                if !crate::components::keyframe_selector(at) {
                    continue;
                }
                let _ = writeln!(self.css, "  {} {{", at.trim());
                for (k, v) in styles.iter().filter(|(k, _)| is_css_property(k)) {
                    let _ = writeln!(self.css, "    {k}: {};", style_value(v, self.prefix));
                }
                self.css.push_str("  }\n");
            }
            self.css.push_str("}\n");
        }
    }
}

/// The component's stylesheet: root, parts, states, variants (each with its states),
/// part variants, then keyframes. With `forced`, each state is also selected by an
/// `is-<state>` class on the root (the docs site's state matrix).
pub fn stylesheet(
    spec: &crate::model::component::Component,
    prefix: Option<&str>,
    forced: bool,
) -> String {
    let toggles = toggles(spec);
    let mut sheet = Sheet {
        css: String::new(),
        prefix,
        scope: ident::css_name(&spec.name).unwrap_or_else(|_| fallback_ident(&spec.name)),
        keyframes: spec
            .keyframes
            .keys()
            .map(String::as_str)
            .filter(|k| crate::components::keyframes_name(k).is_ok())
            .collect(),
        forced,
    };
    let root = Target {
        root: Some(".root".into()),
        part: None,
    };
    sheet.rule(".root", &spec.styles);
    sheet.rule(".root::backdrop", &spec.backdrop);
    let part_class = |name: &str| {
        format!(
            ".part-{}",
            ident::css_name(name).unwrap_or_else(|_| fallback_ident(name))
        )
    };
    for p in &spec.parts {
        let class = part_class(&p.name);
        sheet.rule(&class, &p.styles);
        let target = Target {
            root: None,
            part: Some(class),
        };
        for (state, styles) in &p.states {
            sheet.state_rule(&target, state, styles);
        }
        if let Some(e) = &p.each {
            let class = part_class(&e.name);
            sheet.rule(&class, &e.styles);
            for (state, styles) in &e.states {
                if state == "selected" {
                    sheet.rule(&format!("{class}[aria-selected='true']"), styles);
                }
            }
            let target = Target {
                root: None,
                part: Some(class),
            };
            for (state, styles) in &e.states {
                sheet.state_rule(&target, state, styles);
            }
        }
    }
    for (state, styles) in &spec.states {
        sheet.state_rule(&root, state, styles);
    }
    for (v, t) in spec.variants.iter().zip(&toggles) {
        let target = Target {
            root: Some(format!(".root.{}", t.class_name)),
            part: None,
        };
        sheet.rule(&target.selector(), &v.styles);
        for (state, styles) in &v.states {
            sheet.state_rule(&target, state, styles);
        }
    }
    for p in &spec.parts {
        for v in &p.variants {
            let Some(class) = toggle_class(&toggles, &v.when) else {
                continue;
            };
            let target = Target {
                root: Some(format!(".root.{class}")),
                part: Some(part_class(&p.name)),
            };
            sheet.rule(&target.selector(), &v.styles);
            for (state, styles) in &v.states {
                sheet.state_rule(&target, state, styles);
            }
        }
    }
    sheet.keyframes(spec);
    sheet.css
}

/// Whether the condition holds for these prop values (`None`: the prop is not given).
pub fn condition_holds(
    spec: &crate::model::component::Component,
    when: &IndexMap<String, Literal>,
    values: &dyn Fn(&str) -> Option<Literal>,
) -> bool {
    when.iter().all(|(name, expected)| {
        let value = values(name);
        match spec.props.iter().find(|p| p.name == *name) {
            Some(p) if crate::components::is_presence(expected, p) => {
                value.is_some_and(|v| v != Literal::String(String::new()))
            }
            _ => value.as_ref() == Some(expected),
        }
    })
}

/// The classes the root has for these prop values (see [`condition_holds`]).
pub fn root_classes(
    spec: &crate::model::component::Component,
    values: &dyn Fn(&str) -> Option<Literal>,
) -> Vec<String> {
    toggles(spec)
        .into_iter()
        .filter(|t| condition_holds(spec, t.when, values))
        .map(|t| t.class_name)
        .collect()
}

fn binding(name: &str, b: &Binding, props: &[PropContext]) -> BindingContext {
    let mut ctx = BindingContext {
        name: name.to_string(),
        kind: "text",
        prop: String::new(),
        part: String::new(),
        text: String::new(),
        is_boolean: false,
        parts: Vec::new(),
    };
    match b {
        Binding::Prop { prop } => {
            let p = props.iter().find(|p| p.name == *prop);
            ctx.kind = "prop";
            ctx.prop = p.map_or_else(|| fallback_ident(prop), |p| p.ident.clone());
            ctx.is_boolean = p.is_some_and(|p| p.is_boolean);
        }
        Binding::Id { id } => {
            ctx.kind = "id";
            ctx.part = ident::css_name(id).unwrap_or_else(|_| fallback_ident(id));
        }
        Binding::Ids { ids } => {
            ctx.kind = "ids";
            ctx.parts = ids
                .iter()
                .map(|id| IdRef {
                    name: ident::css_name(id).unwrap_or_else(|_| fallback_ident(id)),
                    when: None,
                })
                .collect();
        }
        Binding::Text(t) => ctx.text.clone_from(t),
    }
    ctx
}

/// Fills in, for each part of an `ids` binding, the prop its rendering depends on.
fn resolve_id_refs(parts: &mut [PartContext]) {
    let when: Vec<(String, Option<String>)> = parts
        .iter()
        .map(|p| (p.name.clone(), p.when.clone()))
        .collect();
    for b in parts.iter_mut().flat_map(|p| p.attrs.iter_mut()) {
        for r in &mut b.parts {
            r.when = when
                .iter()
                .find(|(n, _)| *n == r.name)
                .and_then(|(_, w)| w.clone());
        }
    }
}

/// `value` -> `Value` (for `defaultValue`, `onValueChange`).
fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |f| {
        f.to_uppercase().chain(chars).collect::<String>()
    })
}

/// Marks the two-way bound props: each part's `model`, and `open` of a modal dialog.
/// The first part model is Vue's main model (`v-model`); the others are named models.
fn mark_models(spec: &crate::model::component::Component, props: &mut [PropContext]) {
    let mut names: Vec<&str> = spec
        .parts
        .iter()
        .filter_map(|p| p.model.as_deref())
        .chain(
            spec.parts
                .iter()
                .filter_map(|p| p.each.as_ref().and_then(|e| e.model.as_deref())),
        )
        .collect();
    if spec.accessibility.focus == Some(FocusManagement::Modal) {
        names.push("open");
    }
    let main = spec
        .parts
        .iter()
        .find_map(|p| p.model.as_deref())
        .or_else(|| {
            spec.parts
                .iter()
                .find_map(|p| p.each.as_ref().and_then(|e| e.model.as_deref()))
        });
    for p in props
        .iter_mut()
        .filter(|p| names.contains(&p.name.as_str()))
    {
        p.is_model = true;
        p.vue_model = if main == Some(p.name.as_str()) {
            String::new()
        } else {
            escape::js_string(&p.ident)
        };
        p.default_ident = format!("default{}", upper_first(&p.ident));
        p.change_handler = format!("on{}Change", upper_first(&p.ident));
    }
}

const VOID: [&str; 2] = ["input", "img"];

/// `Array<{ value: string; label: string; disabled?: boolean }>`: booleans may be left out.
fn item_type(fields: &IndexMap<String, FieldType>) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(name, ty)| {
            let ident = ident::member_name(name).unwrap_or_else(|_| fallback_ident(name));
            match ty {
                FieldType::String => format!("{ident}: string"),
                FieldType::Number => format!("{ident}: number"),
                FieldType::Boolean => format!("{ident}?: boolean"),
            }
        })
        .collect();
    format!("Array<{{ {} }}>", fields.join("; "))
}

/// The repeated children of a part (`each:`), as templates see them.
#[derive(Debug, Clone, Serialize)]
pub struct EachContext {
    /// kebab-case name (class `part-<name>`, ids `<base>-<name>-<index>`).
    pub name: String,
    /// Its CSS class.
    pub class_name: String,
    /// HTML element.
    pub element: String,
    /// The list prop's identifier.
    pub items: String,
    /// The ARIA role (may be empty).
    pub role: String,
    /// The item field shown as text (identifier).
    pub text: String,
    /// The boolean item field that disables an item (identifier), if any.
    pub disabled: Option<String>,
    /// The model prop's identifier (the selected item's `value`), if any.
    pub model: Option<String>,
    /// The part named by `aria-controls` (kebab-case), if any.
    pub controls: Option<String>,
    /// Roving tabindex with arrow keys, Home and End.
    pub roving: bool,
}

fn each_context(e: &Each, props: &[PropContext]) -> EachContext {
    let prop = |n: &str| {
        props
            .iter()
            .find(|p| p.name == n)
            .map_or_else(|| fallback_ident(n), |p| p.ident.clone())
    };
    let field = |n: &str| ident::member_name(n).unwrap_or_else(|_| fallback_ident(n));
    let kebab = ident::css_name(&e.name).unwrap_or_else(|_| fallback_ident(&e.name));
    EachContext {
        class_name: format!("part-{kebab}"),
        name: kebab,
        element: element_name(&e.element),
        items: prop(&e.items),
        role: e
            .role
            .clone()
            .filter(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_lowercase()))
            .unwrap_or_default(),
        text: field(&e.text),
        disabled: e.disabled.as_deref().map(field),
        model: e.model.as_deref().map(prop),
        controls: e
            .controls
            .as_deref()
            .map(|c| ident::css_name(c).unwrap_or_else(|_| fallback_ident(c))),
        roving: e.keyboard == Some(ItemKeyboard::Roving) && e.model.is_some(),
    }
}

/// Builds the template data of one stored component (the spec was checked on import).
pub fn build(stored: &StoredComponent, _tokens: &Tokens, options: &Options) -> ComponentContext {
    let spec = &stored.spec;
    let prefix = options.css_prefix.as_deref();
    let props: Vec<PropContext> = spec
        .props
        .iter()
        .map(|p| {
            let ts_type = match p.ty {
                PropType::String => "string".to_string(),
                PropType::Number => "number".to_string(),
                PropType::Boolean => "boolean".to_string(),
                PropType::Enum => p
                    .values
                    .iter()
                    .map(|v| escape::js_string(v))
                    .collect::<Vec<_>>()
                    .join(" | "),
                PropType::List => item_type(&p.item),
            };
            PropContext {
                name: p.name.clone(),
                ident: ident::member_name(&p.name).unwrap_or_else(|_| fallback_ident(&p.name)),
                ty: match p.ty {
                    PropType::String => "string",
                    PropType::Number => "number",
                    PropType::Boolean => "boolean",
                    PropType::Enum => "enum",
                    PropType::List => "list",
                },
                ts_type,
                values: p.values.clone(),
                has_default: p.default.is_some(),
                default: p.default.as_ref().map(ts_literal).unwrap_or_default(),
                required: p.required,
                optional: !p.required,
                description: one_line(p.description.as_ref()),
                is_boolean: p.ty == PropType::Boolean,
                is_enum: p.ty == PropType::Enum,
                is_model: false,
                vue_model: String::new(),
                default_ident: String::new(),
                change_handler: String::new(),
            }
        })
        .collect();
    let mut props = props;
    mark_models(spec, &mut props);
    let slots: Vec<SlotContext> = spec
        .slots
        .iter()
        .map(|s| SlotContext {
            name: s.name.clone(),
            ident: if s.name == "default" {
                "default".to_string()
            } else {
                ident::member_name(&s.name).unwrap_or_else(|_| fallback_ident(&s.name))
            },
            is_default: s.name == "default",
            description: one_line(s.description.as_ref()),
        })
        .collect();
    let events: Vec<EventContext> = spec
        .events
        .iter()
        .map(|e| {
            let ident = ident::member_name(&e.name).unwrap_or_else(|_| fallback_ident(&e.name));
            let mut handler = String::from("on");
            let mut chars = ident.chars();
            if let Some(f) = chars.next() {
                handler.extend(f.to_uppercase());
                handler.push_str(chars.as_str());
            }
            EventContext {
                name: e.name.clone(),
                ident,
                handler,
                payload_type: e.payload.ts_type(),
                has_payload: e.payload != crate::model::component::Payload::None,
                description: one_line(e.description.as_ref()),
            }
        })
        .collect();
    let id_targets: Vec<String> = spec
        .parts
        .iter()
        .flat_map(|p| p.attrs.values().chain(p.text.iter()))
        .chain(spec.accessibility.aria.values())
        .chain(spec.attrs.values())
        .flat_map(|b| match b {
            Binding::Id { id } => vec![id.clone()],
            Binding::Ids { ids } => ids.clone(),
            _ => Vec::new(),
        })
        .chain(
            spec.parts
                .iter()
                .filter_map(|p| p.each.as_ref().and_then(|e| e.controls.clone())),
        )
        .collect();
    let mut parts: Vec<PartContext> = spec
        .parts
        .iter()
        .map(|p| {
            let kebab = ident::css_name(&p.name).unwrap_or_else(|_| fallback_ident(&p.name));
            let is_slot = p.element == "slot";
            let model_prop = p
                .model
                .as_ref()
                .and_then(|m| props.iter().find(|x| x.name == *m));
            PartContext {
                class_name: format!("part-{kebab}"),
                element: element_name(&p.element),
                is_slot,
                slot_ident: if is_slot && p.name == "default" {
                    "default".to_string()
                } else if is_slot {
                    ident::member_name(&p.name).unwrap_or_else(|_| fallback_ident(&p.name))
                } else {
                    String::new()
                },
                is_default_slot: is_slot && p.name == "default",
                is_void: VOID.contains(&p.element.as_str()),
                text: p.text.as_ref().map(|t| binding("", t, &props)),
                attrs: p.attrs.iter().map(|(k, v)| binding(k, v, &props)).collect(),
                needs_id: id_targets.contains(&p.name),
                when: p.when.as_ref().map(|w| {
                    props
                        .iter()
                        .find(|x| x.name == *w)
                        .map_or_else(|| fallback_ident(w), |x| x.ident.clone())
                }),
                model: model_prop.map(|m| m.ident.clone()),
                model_is_number: model_prop.is_some_and(|m| m.ty == "number"),
                model_is_boolean: model_prop.is_some_and(|m| m.is_boolean),
                is_control: p.control,
                content_slot: p.slot.as_ref().map(|s| {
                    if s == "default" {
                        "default".to_string()
                    } else {
                        ident::member_name(s).unwrap_or_else(|_| fallback_ident(s))
                    }
                }),
                repeat: p.each.as_ref().map(|e| each_context(e, &props)),
                name: kebab,
            }
        })
        .collect();
    if parts.is_empty() && slots.iter().any(|s| s.is_default) {
        parts.push(PartContext {
            name: "default".into(),
            class_name: "part-default".into(),
            element: "slot".into(),
            is_slot: true,
            slot_ident: "default".into(),
            is_default_slot: true,
            is_void: false,
            text: None,
            attrs: Vec::new(),
            needs_id: false,
            when: None,
            model: None,
            model_is_number: false,
            model_is_boolean: false,
            is_control: false,
            content_slot: None,
            repeat: None,
        });
    }
    resolve_id_refs(&mut parts);
    // `{id: tab}` where `tab` names repeated items: the id of the selected item.
    let repeated: Vec<String> = parts
        .iter()
        .filter_map(|p| p.repeat.as_ref().map(|e| e.name.clone()))
        .collect();
    for b in parts.iter_mut().flat_map(|p| p.attrs.iter_mut()) {
        if b.kind == "id" && repeated.contains(&b.part) {
            b.kind = "item_id";
        }
    }
    let variants: Vec<VariantContext> = toggles(spec)
        .into_iter()
        .map(|t| {
            // (prop identifier, `=== literal`, or presence of a text prop / another prop)
            let conds: Vec<(String, Cond)> = t
                .when
                .iter()
                .map(|(prop, value)| {
                    let p = spec.props.iter().find(|p| p.name == *prop);
                    let ident = props
                        .iter()
                        .find(|p| p.name == *prop)
                        .map_or_else(|| fallback_ident(prop), |p| p.ident.clone());
                    let cond = match p {
                        Some(p) if crate::components::is_presence(value, p) => {
                            Cond::Given(p.ty == PropType::String)
                        }
                        _ => Cond::Equals(ts_literal(value)),
                    };
                    (ident, cond)
                })
                .collect();
            let join = |prefix: &str| {
                if conds.is_empty() {
                    return "true".to_string();
                }
                conds
                    .iter()
                    .map(|(p, c)| match c {
                        Cond::Equals(v) => format!("{prefix}{p} === {v}"),
                        Cond::Given(true) => {
                            format!("({prefix}{p} !== undefined && {prefix}{p} !== '')")
                        }
                        Cond::Given(false) => format!("{prefix}{p} !== undefined"),
                    })
                    .collect::<Vec<_>>()
                    .join(" && ")
            };
            VariantContext {
                name: t.name,
                class_name: t.class_name,
                condition_props: join("props."),
                condition: join(""),
                part: t.part,
            }
        })
        .collect();
    let css = stylesheet(spec, prefix, false);
    let mut tokens_used: Vec<String> = spec.token_uses().into_iter().map(|u| u.token).collect();
    tokens_used.sort();
    tokens_used.dedup();
    ComponentContext {
        name: ident::component_name(&spec.name).unwrap_or_else(|_| fallback_ident(&spec.name)),
        kebab: ident::css_name(&spec.name).unwrap_or_else(|_| fallback_ident(&spec.name)),
        title: spec.name.clone(),
        description: one_line(spec.description.as_ref()),
        category: spec.category.clone(),
        status: spec.status.as_str(),
        deprecated: spec.status == Status::Deprecated,
        deprecation_reason: one_line(stored.review.reason.as_ref()),
        is_void: VOID.contains(&spec.element.as_str()),
        element: element_name(&spec.element),
        role: spec
            .accessibility
            .role
            .clone()
            .filter(|r| r.chars().all(|c| c.is_ascii_lowercase()))
            .unwrap_or_default(),
        attrs: spec
            .attrs
            .iter()
            .map(|(k, v)| binding(k, v, &props))
            .collect(),
        aria: spec
            .accessibility
            .aria
            .iter()
            .map(|(k, v)| binding(k, v, &props))
            .collect(),
        keyboard: spec
            .accessibility
            .keyboard
            .iter()
            .map(|k| one_line(Some(k)))
            .collect(),
        focus_trap: spec.accessibility.focus == Some(FocusManagement::Trap),
        modal: spec.accessibility.focus == Some(FocusManagement::Modal),
        has_close_on_escape: props
            .iter()
            .any(|p| p.ident == "closeOnEscape" && p.is_boolean),
        has_close_on_backdrop: props
            .iter()
            .any(|p| p.ident == "closeOnBackdrop" && p.is_boolean),
        control: parts
            .iter()
            .find(|p| p.is_control)
            .map(|p| p.element.clone()),
        has_models: props.iter().any(|p| p.is_model),
        has_disabled: props.iter().any(|p| p.ident == "disabled" && p.is_boolean),
        has_defaults: props.iter().any(|p| p.has_default),
        has_named_slots: slots.iter().any(|s| !s.is_default),
        needs_ids: parts.iter().any(|p| p.needs_id || p.repeat.is_some()),
        each_model: parts
            .iter()
            .any(|p| p.repeat.as_ref().is_some_and(|e| e.model.is_some())),
        client: spec.accessibility.focus.is_some()
            || parts
                .iter()
                .any(|p| p.needs_id || p.model.is_some() || p.repeat.is_some()),
        props,
        slots,
        events,
        parts,
        variants,
        css,
        tokens_used,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::component::Component;

    fn spec(yaml: &str) -> Component {
        yaml_serde::from_str(yaml).expect("spec")
    }

    const SPEC: &str = "name: Text field
props:
  - { name: variant, type: enum, values: [primary, ghost], default: primary }
  - { name: size, type: enum, values: [sm, md], default: md }
  - { name: error, type: string }
  - { name: count, type: number }
  - { name: loading, type: boolean, default: false }
styles: { color: black }
variants:
  - { name: primary, when: { variant: primary }, styles: { color: blue } }
  - { name: primary-small, when: { variant: primary, size: sm }, styles: { padding: 0 } }
  - { name: busy, when: { loading: true }, styles: { cursor: progress } }
parts:
  - name: hint
    styles: { color: gray, animation-name: pulse }
    states: { hover: { color: black } }
    variants:
      - { name: error, when: { error: set }, styles: { color: red } }
      - { name: many, when: { count: set }, styles: { font-weight: bold } }
      - { name: busy, when: { loading: true }, styles: { animation: 'spin {motion.slow} linear infinite' } }
keyframes:
  spin:
    to: { transform: rotate(1turn) }
  pulse:
    '0%, 100%': { opacity: '{opacity.full}' }
";

    #[test]
    fn classes_name_their_props_and_conditions_become_code() {
        let s = spec(SPEC);
        let stored = StoredComponent {
            spec: s,
            source: None,
            review: crate::model::component::Review::default(),
        };
        let tokens = Tokens::new(Vec::new(), Vec::new(), Vec::new());
        let options = Options {
            css_prefix: None,
            tokens_css: "tokens.css".into(),
        };
        let c = build(&stored, &tokens, &options);
        let v: Vec<(&str, &str, &str, &str)> = c
            .variants
            .iter()
            .map(|v| {
                (
                    v.class_name.as_str(),
                    v.condition.as_str(),
                    v.condition_props.as_str(),
                    v.part.as_str(),
                )
            })
            .collect();
        assert_eq!(
            v,
            [
                (
                    "variant-primary",
                    "variant === 'primary'",
                    "props.variant === 'primary'",
                    ""
                ),
                (
                    "variant-primary-size-sm",
                    "variant === 'primary' && size === 'sm'",
                    "props.variant === 'primary' && props.size === 'sm'",
                    ""
                ),
                (
                    "loading-true",
                    "loading === true",
                    "props.loading === true",
                    ""
                ),
                (
                    "error-set",
                    "(error !== undefined && error !== '')",
                    "(props.error !== undefined && props.error !== '')",
                    "hint"
                ),
                (
                    "count-set",
                    "count !== undefined",
                    "props.count !== undefined",
                    "hint"
                ),
            ]
        );
    }

    #[test]
    fn part_variants_keyframes_and_reduced_motion() {
        let css = stylesheet(&spec(SPEC), None, false);
        assert!(
            css.contains(".root.error-set .part-hint {\n  color: red;\n}\n"),
            "{css}"
        );
        // A part variant with the condition of a component variant shares its class.
        assert!(css.contains(
            "@media (prefers-reduced-motion: no-preference) {\n  .root.loading-true .part-hint {\n    animation: text-field-spin var(--motion-slow) linear infinite;\n  }\n}\n"
        ), "{css}");
        assert!(css.contains(".part-hint {\n  color: gray;\n}\n@media (prefers-reduced-motion: no-preference) {\n  .part-hint {\n    animation-name: text-field-pulse;\n  }\n}\n"), "{css}");
        assert!(css.contains(
            "@keyframes text-field-spin {\n  to {\n    transform: rotate(1turn);\n  }\n}\n"
        ));
        assert!(css.contains("@keyframes text-field-pulse {\n  0%, 100% {\n    opacity: var(--opacity-full);\n  }\n}\n"));
        assert!(!css.contains("is-hover"));
        // Every animation declaration is inside the media query.
        for (i, line) in css.lines().enumerate() {
            if line.trim_start().starts_with("animation") {
                assert!(line.starts_with("    "), "line {i}: {line}");
            }
        }
    }

    #[test]
    fn forced_states_select_a_class_on_the_root() {
        let css = stylesheet(&spec(SPEC), None, true);
        assert!(css.contains(
            ".part-hint:hover:not(:disabled):not([aria-disabled='true']),\n.root.is-hover .part-hint {"
        ), "{css}");
    }

    #[test]
    fn only_keyframes_names_are_renamed() {
        let s = spec(SPEC);
        let sheet = Sheet {
            css: String::new(),
            prefix: None,
            scope: "x".into(),
            keyframes: vec!["spin"],
            forced: false,
        };
        assert_eq!(
            sheet.animation_value("spin 1s, spinner {spin} spin-2 spin"),
            "x-spin 1s, spinner {spin} spin-2 x-spin"
        );
        let holds = condition_holds(&s, &s.variants[1].when, &|p| match p {
            "variant" => Some(Literal::String("primary".into())),
            "size" => Some(Literal::String("sm".into())),
            _ => None,
        });
        assert!(holds);
    }
}
