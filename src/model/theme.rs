//! Theme axes: brand x colour scheme x density x contrast.
//!
//! A project has zero or more **axes**, each with named **contexts**, the first of which is
//! the axis' default. A token's value varies by a **key**: one context (`scheme=dark`) or a
//! combination of contexts on different axes (`brand=beta,scheme=dark`). Keys are the
//! strings `Tokens::modes` lists and `Token::modes` is keyed by, so the store, versions,
//! the team protocol and every format that knew modes carry axes unchanged:
//!
//! - one unnamed axis (today's `modes:`) writes keys as the bare context name (`dark`);
//! - named axes write `axis=context`, several joined by `,`.
//!
//! The axes are read back from the key list: every single-context key declares its
//! context (in order, the first of an axis being its default), so the list also carries
//! the **resolution order**: for a choice of one context per axis (a [`Context`]), a
//! token's value is that of the last key in list order whose every part is chosen, else
//! the base value. Single-context keys come in axis order and combinations after them, so
//! a later axis overrides an earlier one and a combination overrides both, which is also
//! the order a CSS cascade of equally specific selectors gives.

use std::fmt;

/// Separates the parts of a combination key (`brand=beta,scheme=dark`).
pub const PART_SEPARATOR: char = ',';
/// Separates an axis from its context in a key part (`scheme=dark`).
pub const AXIS_SEPARATOR: char = '=';
/// How many combinations of contexts opends checks and lists at most (the product of
/// every axis' context count); beyond it, per-combination work names this limit.
pub const MAX_COMBINATIONS: usize = 4096;

/// One theme axis: a name (empty for the single unnamed axis of `modes:`) and its
/// contexts, the first being the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    /// The axis name (`brand`, `scheme`), or empty for plain modes.
    pub name: String,
    /// Context names, the default first.
    pub contexts: Vec<String>,
}

impl Axis {
    /// The default context.
    pub fn default_context(&self) -> &str {
        self.contexts.first().map_or("", String::as_str)
    }

    /// The label used in messages and switchers: the name, or `mode` for plain modes.
    pub fn label(&self) -> &str {
        if self.name.is_empty() {
            "mode"
        } else {
            &self.name
        }
    }
}

/// The parts of a key: `(axis, context)` pairs; a part without `=` names a context of
/// the unnamed axis.
pub fn key_parts(key: &str) -> impl Iterator<Item = (&str, &str)> {
    key.split(PART_SEPARATOR)
        .map(|part| match part.split_once(AXIS_SEPARATOR) {
            Some((axis, ctx)) => (axis, ctx),
            None => ("", part),
        })
}

/// Whether a key names a combination of several contexts.
pub fn is_combination(key: &str) -> bool {
    key.contains(PART_SEPARATOR)
}

/// Writes a key from its parts (the unnamed axis' context as a bare name).
pub fn key_of<'a>(parts: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (i, (axis, ctx)) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(PART_SEPARATOR);
        }
        if !axis.is_empty() {
            out.push_str(axis);
            out.push(AXIS_SEPARATOR);
        }
        out.push_str(ctx);
    }
    out
}

/// The axes a key list declares, in order (see the module documentation).
pub fn axes_of(keys: &[String]) -> Vec<Axis> {
    let mut axes: Vec<Axis> = Vec::new();
    for key in keys.iter().filter(|k| !is_combination(k)) {
        let Some((axis, ctx)) = key_parts(key).next() else {
            continue;
        };
        match axes.iter_mut().find(|a| a.name == axis) {
            Some(a) => {
                if !a.contexts.iter().any(|c| c == ctx) {
                    a.contexts.push(ctx.to_string());
                }
            }
            None => axes.push(Axis {
                name: axis.to_string(),
                contexts: vec![ctx.to_string()],
            }),
        }
    }
    axes
}

/// Why a choice of contexts could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ContextError {
    /// No axis has this name.
    #[error("unknown axis `{axis}` (axes: {known})")]
    UnknownAxis {
        /// What was asked for.
        axis: String,
        /// The axes there are.
        known: String,
    },
    /// The axis has no such context.
    #[error("unknown mode `{context}`{} (modes: {known})", axis_suffix(.axis))]
    UnknownContext {
        /// The axis (empty for plain modes or when none was given).
        axis: String,
        /// What was asked for.
        context: String,
        /// The contexts there are.
        known: String,
    },
    /// A bare context name that several axes have.
    #[error("mode `{context}` is a context of several axes ({axes}); write `axis={context}`")]
    Ambiguous {
        /// What was asked for.
        context: String,
        /// The axes that have it.
        axes: String,
    },
    /// Two contexts chosen on one axis.
    #[error("two contexts chosen on axis `{axis}`: `{first}` and `{second}`")]
    Twice {
        /// The axis.
        axis: String,
        /// The first choice.
        first: String,
        /// The second choice.
        second: String,
    },
    /// The project has no modes at all.
    #[error("unknown mode `{0}` (modes: none declared)")]
    NoModes(String),
}

fn axis_suffix(axis: &str) -> String {
    if axis.is_empty() {
        String::new()
    } else {
        format!(" on axis `{axis}`")
    }
}

/// A choice of one context per axis (every axis present, in axis order).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Context {
    choice: Vec<(String, String)>,
}

impl Context {
    /// The default context of every axis.
    pub fn defaults(axes: &[Axis]) -> Self {
        Self {
            choice: axes
                .iter()
                .map(|a| (a.name.clone(), a.default_context().to_string()))
                .collect(),
        }
    }

    /// Reads a choice: parts separated by `,`, each `axis=context` or a context name
    /// that one axis has; axes not named take their default.
    pub fn parse(axes: &[Axis], spec: &str) -> Result<Self, ContextError> {
        let mut ctx = Self::defaults(axes);
        let mut chosen = vec![false; axes.len()];
        for part in spec.split(PART_SEPARATOR).map(str::trim) {
            if part.is_empty() {
                continue;
            }
            let (axis_index, name) = locate(axes, part)?;
            if chosen[axis_index] && ctx.choice[axis_index].1 != name {
                return Err(ContextError::Twice {
                    axis: axes[axis_index].label().to_string(),
                    first: ctx.choice[axis_index].1.clone(),
                    second: name.to_string(),
                });
            }
            chosen[axis_index] = true;
            ctx.choice[axis_index].1 = name.to_string();
        }
        Ok(ctx)
    }

    /// The key a user's choice writes to (`tokens set --mode`, `tokens import --mode`):
    /// only the parts written, in axis order (`dark,brand=beta` -> `brand=beta,scheme=dark`).
    pub fn key_of_spec(axes: &[Axis], spec: &str) -> Result<String, ContextError> {
        let full = Self::parse(axes, spec)?;
        let named: Vec<&str> = spec
            .split(PART_SEPARATOR)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let parts = full.choices().zip(axes).filter(|((_, ctx), axis)| {
            named.iter().any(|p| match p.split_once(AXIS_SEPARATOR) {
                Some((a, c)) => (a == axis.name || a == axis.label()) && c == *ctx,
                None => p == ctx,
            })
        });
        Ok(key_of(parts.map(|(p, _)| p)))
    }

    /// Whether every part of `key` is chosen here.
    pub fn matches(&self, key: &str) -> bool {
        key_parts(key).all(|(axis, ctx)| {
            self.choice
                .iter()
                .any(|(a, c)| a.as_str() == axis && c.as_str() == ctx)
        })
    }

    /// The chosen context on each axis, in axis order.
    pub fn choices(&self) -> impl Iterator<Item = (&str, &str)> {
        self.choice.iter().map(|(a, c)| (a.as_str(), c.as_str()))
    }

    /// The context chosen on `axis`.
    pub fn get(&self, axis: &str) -> Option<&str> {
        self.choice
            .iter()
            .find(|(a, _)| a == axis)
            .map(|(_, c)| c.as_str())
    }

    /// The key of this choice (every axis, e.g. `brand=beta,scheme=dark`).
    pub fn key(&self) -> String {
        key_of(self.choices())
    }

    /// The choice as the user writes it: only the parts that differ from the defaults,
    /// or `default` when it is the default of every axis.
    pub fn label(&self, axes: &[Axis]) -> String {
        let parts: Vec<(&str, &str)> = self
            .choices()
            .zip(axes)
            .filter(|((_, c), axis)| *c != axis.default_context())
            .map(|(p, _)| p)
            .collect();
        if parts.is_empty() {
            "default".to_string()
        } else {
            key_of(parts)
        }
    }
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// The axis (by index) and context one part of a choice names.
fn locate<'p>(axes: &[Axis], part: &'p str) -> Result<(usize, &'p str), ContextError> {
    if let Some((axis, name)) = part.split_once(AXIS_SEPARATOR) {
        let Some(i) = axes
            .iter()
            .position(|a| a.name == axis || a.label() == axis)
        else {
            return Err(ContextError::UnknownAxis {
                axis: axis.to_string(),
                known: axes.iter().map(Axis::label).collect::<Vec<_>>().join(", "),
            });
        };
        if !axes[i].contexts.iter().any(|c| c == name) {
            return Err(ContextError::UnknownContext {
                axis: axes[i].label().to_string(),
                context: name.to_string(),
                known: axes[i].contexts.join(", "),
            });
        }
        Ok((i, name))
    } else {
        let having: Vec<usize> = (0..axes.len())
            .filter(|&i| axes[i].contexts.iter().any(|c| c == part))
            .collect();
        match having.as_slice() {
            [i] => Ok((*i, part)),
            [] if axes.is_empty() => Err(ContextError::NoModes(part.into())),
            [] => Err(ContextError::UnknownContext {
                axis: String::new(),
                context: part.to_string(),
                known: all_keys(axes),
            }),
            many => Err(ContextError::Ambiguous {
                context: part.to_string(),
                axes: many
                    .iter()
                    .map(|&i| axes[i].label())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }
}

/// Every key a user may write for the axes, for messages.
fn all_keys(axes: &[Axis]) -> String {
    let mut out = Vec::new();
    for a in axes {
        for c in &a.contexts {
            out.push(key_of([(a.name.as_str(), c.as_str())]));
        }
    }
    out.join(", ")
}

/// The choices an overview shows (a column per choice in `tokens list`): the defaults,
/// then each other context of each axis with the other axes at their default.
pub fn overview(axes: &[Axis]) -> Vec<Context> {
    let defaults = Context::defaults(axes);
    let mut out = vec![defaults.clone()];
    for (i, a) in axes.iter().enumerate() {
        for c in a.contexts.iter().skip(1) {
            let mut ctx = defaults.clone();
            ctx.choice[i].1.clone_from(c);
            out.push(ctx);
        }
    }
    out
}

/// Every combination of contexts, the defaults first, later axes varying fastest; `None`
/// when there are more than [`MAX_COMBINATIONS`].
pub fn combinations(axes: &[Axis]) -> Option<Vec<Context>> {
    let mut count: usize = 1;
    for a in axes {
        count = count.checked_mul(a.contexts.len().max(1))?;
    }
    if count > MAX_COMBINATIONS {
        return None;
    }
    let mut out = Vec::with_capacity(count);
    let mut index = vec![0usize; axes.len()];
    loop {
        out.push(Context {
            choice: axes
                .iter()
                .zip(&index)
                .map(|(a, &i)| {
                    (
                        a.name.clone(),
                        a.contexts.get(i).cloned().unwrap_or_default(),
                    )
                })
                .collect(),
        });
        let mut k = axes.len();
        loop {
            if k == 0 {
                return Some(out);
            }
            k -= 1;
            index[k] += 1;
            if index[k] < axes[k].contexts.len() {
                break;
            }
            index[k] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(k: &[&str]) -> Vec<String> {
        k.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn plain_modes_are_one_unnamed_axis() {
        let axes = axes_of(&keys(&["light", "dark"]));
        assert_eq!(axes.len(), 1);
        assert_eq!(axes[0].name, "");
        assert_eq!(axes[0].label(), "mode");
        assert_eq!(axes[0].default_context(), "light");
        let dark = Context::parse(&axes, "dark").unwrap();
        assert!(dark.matches("dark"));
        assert!(!dark.matches("light"));
        assert_eq!(dark.key(), "dark");
        assert_eq!(Context::parse(&axes, "mode=dark").unwrap(), dark);
    }

    #[test]
    fn named_axes_come_from_the_keys_in_order() {
        let axes = axes_of(&keys(&[
            "brand=acme",
            "brand=beta",
            "scheme=light",
            "scheme=dark",
            "brand=beta,scheme=dark",
        ]));
        let names: Vec<&str> = axes.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["brand", "scheme"]);
        let c = Context::parse(&axes, "dark,brand=beta").unwrap();
        assert_eq!(c.key(), "brand=beta,scheme=dark");
        assert!(c.matches("brand=beta,scheme=dark"));
        assert!(c.matches("scheme=dark"));
        assert!(!c.matches("brand=acme"));
        assert_eq!(c.label(&axes), "brand=beta,scheme=dark");
        assert_eq!(Context::defaults(&axes).label(&axes), "default");
        assert_eq!(combinations(&axes).unwrap().len(), 4);
    }

    #[test]
    fn choices_are_checked_with_the_names_there_are() {
        let axes = axes_of(&keys(&["a=x", "a=y", "b=x", "b=z"]));
        assert!(matches!(
            Context::parse(&axes, "x"),
            Err(ContextError::Ambiguous { .. })
        ));
        assert_eq!(Context::parse(&axes, "z").unwrap().get("b"), Some("z"));
        assert!(matches!(
            Context::parse(&axes, "c=x"),
            Err(ContextError::UnknownAxis { .. })
        ));
        assert!(matches!(
            Context::parse(&axes, "a=q"),
            Err(ContextError::UnknownContext { .. })
        ));
        assert!(matches!(
            Context::parse(&axes, "a=x,a=y"),
            Err(ContextError::Twice { .. })
        ));
        assert!(matches!(
            Context::parse(&[], "dark"),
            Err(ContextError::NoModes(_))
        ));
    }

    #[test]
    fn combinations_are_bounded() {
        let many: Vec<Axis> = (0..13)
            .map(|i| Axis {
                name: format!("a{i}"),
                contexts: vec!["x".into(), "y".into()],
            })
            .collect();
        assert!(combinations(&many).is_none());
        assert_eq!(combinations(&many[..12]).unwrap().len(), 4096);
        assert_eq!(combinations(&[]).unwrap().len(), 1);
    }
}
