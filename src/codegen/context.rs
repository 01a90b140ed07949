//! The data templates see: a component spec turned into safe identifiers, TypeScript
//! types and literals, bindings, variant conditions and a finished stylesheet whose
//! token references are `var(--token-name)` custom properties.

use std::fmt::Write as _;

use serde::Serialize;

use crate::codegen::Options;
use crate::components::ident;
use crate::escape;
use crate::export::naming::{NameCase, name};
use crate::model::component::{Binding, FocusManagement, Literal, PropType, STATES, Status};
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

/// Each variant's CSS class, naming what it applies to: `<prop>-<value>` for each
/// condition (`size-md`, `variant-primary-size-sm`), `variant-<name>` for a variant
/// without conditions, or when two variants would share a class.
fn variant_class_names(spec: &crate::model::component::Component) -> Vec<String> {
    let kebab = |s: &str| ident::css_name(s).unwrap_or_else(|_| fallback_ident(s));
    let mut out: Vec<String> = Vec::with_capacity(spec.variants.len());
    for v in &spec.variants {
        let by_props = v
            .when
            .iter()
            .map(|(prop, value)| {
                let value = match value {
                    Literal::String(s) => kebab(s),
                    Literal::Bool(b) => b.to_string(),
                    Literal::Number(n) => kebab(&n.to_string().replace('.', "_")),
                };
                format!("{}-{value}", kebab(prop))
            })
            .collect::<Vec<_>>()
            .join("-");
        let class = if by_props.is_empty() || out.contains(&by_props) {
            format!("variant-{}", kebab(&v.name))
        } else {
            by_props
        };
        out.push(class);
    }
    out
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

fn rule(
    css: &mut String,
    selector: &str,
    styles: &indexmap::IndexMap<String, String>,
    prefix: Option<&str>,
) {
    if styles.is_empty() {
        return;
    }
    let _ = writeln!(css, "{selector} {{");
    for (k, v) in styles.iter().filter(|(k, _)| is_css_property(k)) {
        let _ = writeln!(css, "  {k}: {};", style_value(v, prefix));
    }
    css.push_str("}\n");
}

fn state_selector(base: &str, state: &str) -> Option<String> {
    if !STATES.contains(&state) {
        return None;
    }
    Some(match state {
        "disabled" => format!("{base}:disabled,\n{base}[aria-disabled='true']"),
        // A disabled control does not react to the pointer.
        "hover" | "active" => {
            format!("{base}:{state}:not(:disabled):not([aria-disabled='true'])")
        }
        other => format!("{base}:{other}"),
    })
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
        .collect();
    if spec.accessibility.focus == Some(FocusManagement::Modal) {
        names.push("open");
    }
    let main = spec.parts.iter().find_map(|p| p.model.as_deref());
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
            };
            PropContext {
                name: p.name.clone(),
                ident: ident::member_name(&p.name).unwrap_or_else(|_| fallback_ident(&p.name)),
                ty: match p.ty {
                    PropType::String => "string",
                    PropType::Number => "number",
                    PropType::Boolean => "boolean",
                    PropType::Enum => "enum",
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
        });
    }
    resolve_id_refs(&mut parts);
    let variant_classes = variant_class_names(spec);
    let variants: Vec<VariantContext> = spec
        .variants
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let conds: Vec<(String, String)> = v
                .when
                .iter()
                .map(|(prop, value)| {
                    let ident = props
                        .iter()
                        .find(|p| p.name == *prop)
                        .map_or_else(|| fallback_ident(prop), |p| p.ident.clone());
                    (ident, ts_literal(value))
                })
                .collect();
            let join = |prefix: &str| {
                if conds.is_empty() {
                    "true".to_string()
                } else {
                    conds
                        .iter()
                        .map(|(p, v)| format!("{prefix}{p} === {v}"))
                        .collect::<Vec<_>>()
                        .join(" && ")
                }
            };
            VariantContext {
                name: v.name.clone(),
                class_name: variant_classes[i].clone(),
                condition_props: join("props."),
                condition: join(""),
            }
        })
        .collect();
    // The stylesheet.
    let mut css = String::new();
    rule(&mut css, ".root", &spec.styles, prefix);
    for p in &spec.parts {
        let kebab = ident::css_name(&p.name).unwrap_or_else(|_| fallback_ident(&p.name));
        rule(&mut css, &format!(".part-{kebab}"), &p.styles, prefix);
        for (state, styles) in &p.states {
            if let Some(selector) = state_selector(&format!(".part-{kebab}"), state) {
                rule(&mut css, &selector, styles, prefix);
            }
        }
    }
    for (state, styles) in &spec.states {
        if let Some(selector) = state_selector(".root", state) {
            rule(&mut css, &selector, styles, prefix);
        }
    }
    for (v, class_name) in spec.variants.iter().zip(&variant_classes) {
        let class = format!(".root.{class_name}");
        rule(&mut css, &class, &v.styles, prefix);
        for (state, styles) in &v.states {
            if let Some(selector) = state_selector(&class, state) {
                rule(&mut css, &selector, styles, prefix);
            }
        }
    }
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
        needs_ids: parts.iter().any(|p| p.needs_id),
        client: spec.accessibility.focus.is_some()
            || parts.iter().any(|p| p.needs_id || p.model.is_some()),
        props,
        slots,
        events,
        parts,
        variants,
        css,
        tokens_used,
    }
}
