//! Token exporters: one module per format, each a pure function from resolved tokens
//! and options to rendered files. Writing (only changed files, `--check`) lives in
//! `crate::output`.

mod css;
mod dtcg;
mod js;
mod json;
pub mod naming;
mod overrides;
mod scss;
mod selector;
mod tailwind;
pub mod value;

use crate::hash::HashMap;
use std::path::PathBuf;

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

use crate::model::Tokens;
pub use naming::NameCase;

/// The marker in the first lines of every exported file that can hold a comment (JSON
/// cannot: those files are recognised by the record `crate::output` keeps).
pub const HEADER: &str = css::HEADER;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// CSS custom properties: `:root` plus one block per mode
    Css,
    /// SCSS variables (aliases kept as `$references`)
    Scss,
    /// Less variables (aliases kept as `@references`)
    Less,
    /// An ES module of resolved values, with a `.d.ts` beside it
    Js,
    /// A TypeScript module of resolved values
    Ts,
    /// Flat JSON of resolved values, keyed by token path
    Json,
    /// DTCG 2025.10 JSON (round-trips through opends unchanged)
    Dtcg,
    /// Tailwind CSS v4 `@theme` variables
    Tailwind,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: [ExportFormat; 8] = [
        Self::Css,
        Self::Scss,
        Self::Less,
        Self::Js,
        Self::Ts,
        Self::Json,
        Self::Dtcg,
        Self::Tailwind,
    ];

    /// The name used in `opends.yaml` and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Css => "css",
            Self::Scss => "scss",
            Self::Less => "less",
            Self::Js => "js",
            Self::Ts => "ts",
            Self::Json => "json",
            Self::Dtcg => "dtcg",
            Self::Tailwind => "tailwind",
        }
    }

    /// The file written for `--format` into `--out`.
    pub fn default_file(self) -> &'static str {
        match self {
            Self::Css => "tokens.css",
            Self::Scss => "_tokens.scss",
            Self::Less => "tokens.less",
            Self::Js => "tokens.js",
            Self::Ts => "tokens.ts",
            Self::Json => "tokens.json",
            Self::Dtcg => "tokens.tokens.json",
            Self::Tailwind => "tailwind.css",
        }
    }

    /// The name case used when an output does not set one.
    pub fn default_case(self) -> NameCase {
        match self {
            Self::Js | Self::Ts => NameCase::Camel,
            _ => NameCase::Kebab,
        }
    }
}

/// How one output is rendered.
#[derive(Debug, Clone)]
pub struct Options {
    /// The main file's path (relative paths are kept as given).
    pub path: PathBuf,
    /// How token paths become names.
    pub name_case: NameCase,
    /// A prefix for every name (e.g. `acme` -> `--acme-color-brand`).
    pub prefix: Option<String>,
    /// Only this mode (default: every mode the format can hold, else the default mode).
    pub mode: Option<String>,
    /// CSS: also write `@media (prefers-color-scheme: dark)` for a mode named `dark`.
    pub media_query: bool,
    /// CSS: the selector of the default block.
    pub selector: String,
    /// CSS: the selector of other modes' blocks; `{mode}` is replaced by the mode name.
    pub mode_selector: String,
    /// CSS: selectors per axis or per `axis=context` (`{context}` replaced); a value
    /// starting with `@media` is a media query.
    pub selectors: Vec<(String, String)>,
    /// CSS: the two-context axis whose colours are written as `light-dark()`.
    pub light_dark: Option<String>,
}

impl Options {
    /// Defaults for `format`, writing `path`.
    pub fn new(format: ExportFormat, path: PathBuf) -> Self {
        Self {
            path,
            name_case: format.default_case(),
            prefix: None,
            mode: None,
            media_query: false,
            selector: ":root".into(),
            mode_selector: "[data-theme=\"{mode}\"]".into(),
            selectors: Vec::new(),
            light_dark: None,
        }
    }
}

/// A rendered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Where it goes.
    pub path: PathBuf,
    /// What it holds.
    pub contents: String,
}

/// Why an export could not be rendered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Two tokens map to one name.
    #[error("`{first}` and `{second}` both become `{name}` in {format}; {hint}")]
    NameCollision {
        /// The format.
        format: &'static str,
        /// The generated name.
        name: String,
        /// The first token.
        first: String,
        /// The second token.
        second: String,
        /// What resolves it.
        hint: &'static str,
    },
    /// `name_case: preserve` asked of a format whose names must be identifiers.
    #[error(
        "`name_case: preserve` keeps `-` and other characters, which {format} names cannot hold; use it for css, scss or less"
    )]
    PreserveUnsupported {
        /// The format.
        format: &'static str,
    },
    /// The requested mode does not exist.
    #[error("unknown mode `{mode}` (modes: {known})")]
    UnknownMode {
        /// The mode asked for.
        mode: String,
        /// The modes there are.
        known: String,
    },
    /// A value set for a combination of contexts, which a DTCG resolver cannot hold.
    #[error(
        "DTCG resolver output cannot hold values set for a combination of contexts ({keys}): a resolver's modifiers apply one context at a time; export with `--mode` fixing one of the axes, or use another format"
    )]
    CombinationInResolver {
        /// The combination keys, `; `-separated.
        keys: String,
    },
    /// The resolved values would break `max-output-bytes`.
    #[error(transparent)]
    OutputTooLarge(#[from] crate::tokens::resolve::OutputTooLarge),
}

/// Tokens whose resolved output was checked against `max-output-bytes`
/// ([`crate::tokens::resolve::check_output_budget`]): one check serves every format
/// rendered from them.
pub struct Budgeted<'a>(&'a Tokens);

impl<'a> Budgeted<'a> {
    /// Checks the tokens' output budget.
    pub fn check(tokens: &'a Tokens) -> Result<Self, ExportError> {
        // Bounded before anything is resolved: what the store holds may have been
        // written by anyone (or by an older opends without the check at link time).
        crate::tokens::resolve::check_output_budget(tokens)?;
        Ok(Self(tokens))
    }
}

/// Renders `tokens` as `format`.
pub fn render(
    format: ExportFormat,
    tokens: &Tokens,
    opts: &Options,
) -> Result<Vec<File>, ExportError> {
    render_budgeted(format, &Budgeted::check(tokens)?, opts)
}

/// Renders tokens already checked against the output budget as `format`.
pub fn render_budgeted(
    format: ExportFormat,
    budgeted: &Budgeted<'_>,
    opts: &Options,
) -> Result<Vec<File>, ExportError> {
    let tokens = budgeted.0;
    if let (Some(m), true) = (&opts.mode, tokens.has_named_axes()) {
        // Some axes fixed: render the tokens with those axes flattened, the others kept.
        let key = tokens.mode_key(m).map_err(|e| ExportError::UnknownMode {
            mode: m.clone(),
            known: e.to_string(),
        })?;
        let fixed: Vec<(String, String)> = crate::model::theme::key_parts(&key)
            .map(|(a, c)| (a.to_string(), c.to_string()))
            .collect();
        let opts = Options {
            mode: None,
            ..opts.clone()
        };
        return render(format, &tokens.fixed(&fixed), &opts);
    }
    if let Some(m) = &opts.mode {
        let known =
            tokens.modes.iter().any(|k| k == m) || (tokens.modes.is_empty() && m == "default");
        if !known {
            return Err(ExportError::UnknownMode {
                mode: m.clone(),
                known: if tokens.modes.is_empty() {
                    "none declared".into()
                } else {
                    tokens.modes.join(", ")
                },
            });
        }
    }
    let names = match format {
        // These key by token path (or make their own names): no collision to check.
        ExportFormat::Json | ExportFormat::Dtcg | ExportFormat::Tailwind => Vec::new(),
        _ => names(format, tokens, opts)?,
    };
    Ok(match format {
        ExportFormat::Css => vec![css::render(tokens, &names, opts)],
        ExportFormat::Tailwind => vec![tailwind::render(tokens, opts)?],
        ExportFormat::Scss => vec![scss::render(tokens, &names, opts, scss::Dialect::Scss)],
        ExportFormat::Less => vec![scss::render(tokens, &names, opts, scss::Dialect::Less)],
        ExportFormat::Js => js::render_js(tokens, &names, opts),
        ExportFormat::Ts => vec![js::render_ts(tokens, &names, opts)],
        ExportFormat::Json => vec![json::render(tokens, opts)],
        ExportFormat::Dtcg => dtcg::render(tokens, opts)?,
    })
}

/// The name of every token (by index) in this output, checked for collisions.
fn names(
    format: ExportFormat,
    tokens: &Tokens,
    opts: &Options,
) -> Result<Vec<String>, ExportError> {
    let identifiers = matches!(format, ExportFormat::Js | ExportFormat::Ts);
    if identifiers && opts.name_case == NameCase::Preserve {
        return Err(ExportError::PreserveUnsupported {
            format: format.as_str(),
        });
    }
    let out: Vec<String> = tokens
        .tokens
        .iter()
        .map(|t| naming::name(t.path.as_str(), opts.prefix.as_deref(), opts.name_case))
        .collect();
    let mut seen: HashMap<&str, usize> = crate::hash::map_with_capacity(tokens.len());
    for (i, (t, name)) in tokens.tokens.iter().zip(&out).enumerate() {
        if let Some(&j) = seen.get(name.as_str()) {
            let first = tokens.tokens[j].path.to_string();
            let second = t.path.to_string();
            // Only spelling tells them apart when their words are the same.
            let same_words = naming::words(&first) == naming::words(&second);
            let hint = match (identifiers, same_words, opts.name_case) {
                (false, true, NameCase::Preserve) | (true, true, _) => {
                    "rename one of them (the names differ only in characters this format's names cannot keep)"
                }
                (false, true, _) => {
                    "set `name_case: preserve` on this output in opends.yaml (keeps each path segment as written), or rename one of them"
                }
                (_, false, _) => {
                    "set another `name_case` on this output in opends.yaml (or `preserve` for css, scss and less), or rename one of them"
                }
            };
            return Err(ExportError::NameCollision {
                format: format.as_str(),
                name: name.clone(),
                first,
                second,
                hint,
            });
        }
        seen.insert(name, i);
    }
    Ok(out)
}

/// The modes to write for formats that hold one mode: the chosen one or the default.
fn single_mode(tokens: &Tokens, opts: &Options) -> Option<String> {
    opts.mode
        .clone()
        .or_else(|| tokens.default_mode().map(str::to_string))
}
