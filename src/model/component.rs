//! Components: a framework-neutral spec (props, variants, states, slots, events,
//! accessibility, anatomy and token-bound styles) authored as YAML in `components/`.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// A component's life-cycle status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Work in progress: not generated unless `--include-drafts`.
    #[default]
    Draft,
    /// Ready for use.
    Approved,
    /// Still generated, marked `@deprecated`.
    Deprecated,
}

impl Status {
    /// The name used in YAML and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Approved => "approved",
            Self::Deprecated => "deprecated",
        }
    }
}

/// The type of a prop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PropType {
    /// Text.
    String,
    /// A number.
    Number,
    /// true/false.
    Boolean,
    /// One of `values`.
    Enum,
    /// A list of items of the shape given by `item` (e.g. the tabs of a tab list); a part
    /// with `each:` renders one element per item.
    List,
}

/// The type of one field of a list prop's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// Text.
    String,
    /// A number.
    Number,
    /// true/false (optional in each item: missing is false).
    Boolean,
}

/// A literal value in YAML (prop defaults, variant conditions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Literal {
    /// true/false.
    Bool(bool),
    /// A number.
    Number(f64),
    /// Text (also enum values).
    String(String),
}

/// One prop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prop {
    /// Its name (camelCase in code).
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: PropType,
    /// Allowed values (enum props).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Default value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Literal>,
    /// Whether it must be given.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The shape of each item (list props): field -> type. An item is identified by its
    /// `value` field.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub item: IndexMap<String, FieldType>,
}

/// A named slot (`default` is the main content).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// Its name.
    pub name: String,
    /// What goes there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Payload types an event may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Payload {
    /// No payload.
    #[serde(rename = "none")]
    None,
    /// A DOM `MouseEvent`.
    MouseEvent,
    /// A DOM `KeyboardEvent`.
    KeyboardEvent,
    /// A DOM `FocusEvent`.
    FocusEvent,
    /// A DOM `Event`.
    Event,
    /// A string.
    #[serde(rename = "string")]
    String,
    /// A number.
    #[serde(rename = "number")]
    Number,
    /// A boolean.
    #[serde(rename = "boolean")]
    Boolean,
}

impl Payload {
    /// The TypeScript type.
    pub fn ts_type(self) -> &'static str {
        match self {
            Self::None => "void",
            Self::MouseEvent => "MouseEvent",
            Self::KeyboardEvent => "KeyboardEvent",
            Self::FocusEvent => "FocusEvent",
            Self::Event => "Event",
            Self::String => "string",
            Self::Number => "number",
            Self::Boolean => "boolean",
        }
    }
}

/// An event the component emits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    /// Its name, e.g. `click`, `close`, `change`.
    pub name: String,
    /// What it carries.
    #[serde(default = "payload_none")]
    pub payload: Payload,
    /// When it fires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

fn payload_none() -> Payload {
    Payload::None
}

/// A value bound in markup: a literal string, a prop, or the generated id of a part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Binding {
    /// `{prop: label}`
    Prop {
        /// The prop's name.
        prop: String,
    },
    /// `{id: input}`: the unique id of a part (for `for`, `aria-describedby`, ...).
    Id {
        /// The part's name.
        id: String,
    },
    /// `{ids: [help, error]}`: the ids of several parts, space-separated, leaving out
    /// parts that are not rendered (`aria-describedby` with help and error text).
    Ids {
        /// The parts' names.
        ids: Vec<String>,
    },
    /// A fixed string.
    Text(String),
}

/// Accessibility: root role, aria attributes, keyboard behaviour, focus management.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// The ARIA role of the root (when the element's own is not right).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// `aria-*` attributes of the root.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub aria: IndexMap<String, Binding>,
    /// Keyboard behaviour, one line per key (documentation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keyboard: Vec<String>,
    /// `trap`: focus moves into the component when `open` turns true, Tab cycles inside,
    /// Escape emits `close`, and focus returns where it was (dialogs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<FocusManagement>,
}

/// Focus management behaviours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FocusManagement {
    /// Trap focus while open (needs a boolean `open` prop and a `close` event).
    Trap,
    /// A native modal `<dialog>` (the root element) opened with `showModal()` while the
    /// boolean `open` prop is true: the page behind is inert, focus moves in and returns
    /// to the opener, scrolling is locked; Escape and a click on the backdrop emit `close`
    /// (see [`Part::control`] for the form-control counterpart).
    Modal,
}

/// One element inside the root: its markup and styles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Its name (class `part-<name>`); with `element: slot` it renders the slot of that name.
    pub name: String,
    /// The HTML element (default `div`); `slot` renders the slot of the same name.
    #[serde(default = "div")]
    pub element: String,
    /// Text content bound to a prop or literal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Binding>,
    /// Attributes.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub attrs: IndexMap<String, Binding>,
    /// Render only when this prop is set (truthy).
    #[serde(default, rename = "if", skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// `value`: an input bound to the `value` prop that emits `update` events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The native control of a form component (`input`, `select`, `textarea`): it
    /// receives the attributes, event handlers and ref given to the component, while the
    /// root keeps only `class` and `style`. At most one part per component.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub control: bool,
    /// Renders the slot of this name inside the element (e.g. the `<option>`s of a
    /// `<select>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot: Option<String>,
    /// Styles of this part.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub styles: IndexMap<String, String>,
    /// Styles of this part per interaction state (e.g. an input's `focus-visible` ring).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub states: IndexMap<String, IndexMap<String, String>>,
    /// Styles of this part while the component's props match a condition (e.g. the
    /// hint's colour when `error` is set). The condition's class is set on the root.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// The children of this part: one element per item of a list prop (the tabs of a
    /// tab list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub each: Option<Each>,
}

/// Keyboard behaviour of repeated items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKeyboard {
    /// Roving tabindex: only the selected item is in the Tab order; ArrowLeft/ArrowRight
    /// (wrapping), Home and End move focus to another item and select it.
    Roving,
}

/// One element per item of a list prop, inside its part. Every attribute it gets is
/// declared by name, never as code: its text and `disabled` come from item fields, its
/// selection from the `model` prop (equal to the item's `value`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Each {
    /// The list prop.
    pub items: String,
    /// The items' name (class `part-<name>`; `{id: <name>}` elsewhere is the id of the
    /// selected item).
    pub name: String,
    /// The HTML element (default `button`).
    #[serde(default = "button")]
    pub element: String,
    /// The ARIA role of each item (e.g. `tab`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The item field shown as the element's text.
    pub text: String,
    /// A boolean item field that disables the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<String>,
    /// The prop holding the selected item's `value` (two-way bound); a click selects an
    /// item, the selected one has `aria-selected="true"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The part whose id every item's `aria-controls` names (a tab's panel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controls: Option<String>,
    /// Keyboard behaviour (`roving`; needs `model`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyboard: Option<ItemKeyboard>,
    /// Styles of each item.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub styles: IndexMap<String, String>,
    /// Styles per state: the interaction states and `selected`.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub states: IndexMap<String, IndexMap<String, String>>,
}

fn button() -> String {
    "button".into()
}

fn div() -> String {
    "div".into()
}

/// A named combination of prop values with style overrides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// Its name.
    pub name: String,
    /// The prop values that select it, all of which must match (compound): an enum
    /// value, `true`/`false` for a boolean prop, a literal, or [`PRESENT`] (`set`) for
    /// "the prop is given (and, for text, not empty)".
    #[serde(default)]
    pub when: IndexMap<String, Literal>,
    /// Styles applied to the root when selected.
    #[serde(default)]
    pub styles: IndexMap<String, String>,
    /// Styles per interaction state while selected (e.g. its own hover colour).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub states: IndexMap<String, IndexMap<String, String>>,
}

/// The condition value meaning "the prop is given" (`when: {error: set}`); for an enum
/// prop that lists `set` among its values, it is that value instead.
pub const PRESENT: &str = "set";

/// Keyframe blocks of one animation: selector (`from`, `to`, `50%`, `0%, 100%`) ->
/// styles.
pub type Keyframes = IndexMap<String, IndexMap<String, String>>;

/// The interaction states whose styles a spec may set.
pub const STATES: [&str; 4] = ["hover", "focus-visible", "active", "disabled"];

/// A component spec as written in `components/*.yaml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// Its name, e.g. `Button` or `Text field` (becomes `TextField` in code).
    pub name: String,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A grouping such as `actions`, `forms`, `layout`.
    #[serde(default = "general")]
    pub category: String,
    /// draft, approved or deprecated.
    #[serde(default)]
    pub status: Status,
    /// The root HTML element (default `div`).
    #[serde(default = "div")]
    pub element: String,
    /// Props, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    /// Slots.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slots: Vec<Slot>,
    /// Events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventSpec>,
    /// Attributes of the root element (e.g. `type: {prop: type}` on a button).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub attrs: IndexMap<String, Binding>,
    /// Accessibility.
    #[serde(default)]
    pub accessibility: Accessibility,
    /// Children of the root, in order (default: the default slot).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// Styles of the root: CSS property -> value, `{token.path}` references anywhere.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub styles: IndexMap<String, String>,
    /// Variants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// Styles per interaction state (`hover`, `focus-visible`, `active`, `disabled`).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub states: IndexMap<String, IndexMap<String, String>>,
    /// Named animations: name -> keyframe blocks. A style's `animation` or
    /// `animation-name` refers to one by its name (scoped to the component in CSS).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub keyframes: IndexMap<String, Keyframes>,
    /// Styles of the modal's backdrop (`::backdrop` of a `dialog` root shown with
    /// `showModal()`); only for `element: dialog`.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub backdrop: IndexMap<String, String>,
}

fn general() -> String {
    "general".into()
}

/// Who set the status and when, with the deprecation reason.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Review {
    /// Who approved or deprecated it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When (RFC 3339, UTC).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Why it was deprecated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A stored component: the spec, its file and its review record.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredComponent {
    /// The spec (its `status` is the current status).
    pub spec: Component,
    /// The YAML file it was imported from.
    pub source: Option<String>,
    /// The last status change.
    pub review: Review,
}

/// Merges imported specs into the stored ones: same name replaces (keeping the review
/// record and its status when the component was approved or deprecated in opends);
/// stored components for which `drop_sources` holds are dropped first.
pub fn merge_imported(
    current: Vec<StoredComponent>,
    incoming: Vec<StoredComponent>,
    drop_sources: &dyn Fn(&StoredComponent) -> bool,
) -> Vec<StoredComponent> {
    // Status changes made in opends (approve/deprecate) outlive re-imports of the spec.
    let reviews: std::collections::HashMap<String, (Status, Review)> = current
        .iter()
        .filter(|c| c.review.at.is_some())
        .map(|c| (c.spec.name.clone(), (c.spec.status, c.review.clone())))
        .collect();
    let mut out: Vec<StoredComponent> = current.into_iter().filter(|c| !drop_sources(c)).collect();
    for mut c in incoming {
        if let Some((status, review)) = reviews.get(&c.spec.name) {
            c.spec.status = *status;
            c.review = review.clone();
        }
        match out.iter().position(|o| o.spec.name == c.spec.name) {
            Some(i) => out[i] = c,
            None => out.push(c),
        }
    }
    out
}

/// Where a component uses a token: `styles.background`, `variants.primary.color`, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenUse {
    /// The component's name.
    pub component: String,
    /// The style property, dotted: `styles.padding`, `states.hover.background`.
    pub property: String,
    /// The token path.
    pub token: String,
}

impl Component {
    /// The status as shown.
    pub fn spec_status(&self) -> &'static str {
        self.status.as_str()
    }

    /// Every `(property, style value)` of the spec, with a dotted property path.
    pub fn style_entries(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for (k, v) in &self.styles {
            out.push((format!("styles.{k}"), v.as_str()));
        }
        for p in &self.parts {
            for (k, v) in &p.styles {
                out.push((format!("parts.{}.{k}", p.name), v.as_str()));
            }
            for (state, styles) in &p.states {
                for (k, v) in styles {
                    out.push((format!("parts.{}.states.{state}.{k}", p.name), v.as_str()));
                }
            }
            if let Some(e) = &p.each {
                for (k, v) in &e.styles {
                    out.push((format!("parts.{}.each.{k}", p.name), v.as_str()));
                }
                for (state, styles) in &e.states {
                    for (k, v) in styles {
                        out.push((
                            format!("parts.{}.each.states.{state}.{k}", p.name),
                            v.as_str(),
                        ));
                    }
                }
            }
            for var in &p.variants {
                for (k, v) in &var.styles {
                    out.push((
                        format!("parts.{}.variants.{}.{k}", p.name, var.name),
                        v.as_str(),
                    ));
                }
                for (state, styles) in &var.states {
                    for (k, v) in styles {
                        out.push((
                            format!("parts.{}.variants.{}.states.{state}.{k}", p.name, var.name),
                            v.as_str(),
                        ));
                    }
                }
            }
        }
        for var in &self.variants {
            for (k, v) in &var.styles {
                out.push((format!("variants.{}.{k}", var.name), v.as_str()));
            }
            for (state, styles) in &var.states {
                for (k, v) in styles {
                    out.push((
                        format!("variants.{}.states.{state}.{k}", var.name),
                        v.as_str(),
                    ));
                }
            }
        }
        for (state, styles) in &self.states {
            for (k, v) in styles {
                out.push((format!("states.{state}.{k}"), v.as_str()));
            }
        }
        for (name, blocks) in &self.keyframes {
            for (at, styles) in blocks {
                for (k, v) in styles {
                    out.push((format!("keyframes.{name}.{at}.{k}"), v.as_str()));
                }
            }
        }
        for (k, v) in &self.backdrop {
            out.push((format!("backdrop.{k}"), v.as_str()));
        }
        out
    }

    /// Every token this spec references, with where.
    pub fn token_uses(&self) -> Vec<TokenUse> {
        let mut out = Vec::new();
        for (property, value) in self.style_entries() {
            for token in style_references(value) {
                out.push(TokenUse {
                    component: self.name.clone(),
                    property: property.clone(),
                    token: token.to_string(),
                });
            }
        }
        out
    }
}

/// Token paths referenced as `{a.b.c}` inside a style value.
pub fn style_references(value: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = value;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start + 1..].find('}') else {
            break;
        };
        let inner = &rest[start + 1..start + 1 + len];
        if !inner.is_empty() {
            out.push(inner.trim());
        }
        rest = &rest[start + 1 + len + 1..];
    }
    out
}
