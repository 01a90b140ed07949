//! `opends.yaml`: its schema, where it is found, and how flags, environment and file
//! combine (CLI flag > `OPENDS_*` environment > `opends.yaml` > default).

use crate::env_vars::EnvVars;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::export::{ExportFormat, NameCase};

pub mod sources;

/// The project file's name.
pub const CONFIG_FILE: &str = "opends.yaml";

/// `opends.yaml`, as written (unknown keys are an error).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The design system's name.
    pub name: String,
    /// Default framework for `opends generate`: `vue`, `react` or `svelte`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// Token files or directories, read in order (later files override earlier ones).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<String>,
    /// Format of the token files (default: detected per file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Read token files as DTCG 2025.10 exactly (no lenient reading); `--strict` on the
    /// command line does the same for one run.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strict: bool,
    /// The unit of a bare number in a Style Dictionary `dimension` or `fontSize` token:
    /// `rem` (default, Style Dictionary's `size/rem`) or `px`.
    #[serde(default, skip_serializing_if = "crate::tokens::SdSize::is_default")]
    pub sd_size_unit: crate::tokens::SdSize,
    /// Modes in order (the first is the default), each with the files that override the base.
    #[serde(default, skip_serializing_if = "indexmap::IndexMap::is_empty")]
    pub modes: indexmap::IndexMap<String, Vec<String>>,
    /// Theme axes in resolution order: each axis' contexts in order (the first is the
    /// default), each with the files that override the base in it.
    #[serde(default, skip_serializing_if = "indexmap::IndexMap::is_empty")]
    pub axes: indexmap::IndexMap<String, indexmap::IndexMap<String, Vec<String>>>,
    /// Files for a combination of contexts on different axes (`brand=verde,scheme=dark`).
    #[serde(default, skip_serializing_if = "indexmap::IndexMap::is_empty")]
    pub combinations: indexmap::IndexMap<String, Vec<String>>,
    /// A DTCG resolver document to read instead of `tokens`/`modes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolver: Option<String>,
    /// Outputs `opends export tokens` writes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<OutputConfig>,
    /// Component spec files or directories (`*.yaml`); default `components` when it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<String>>,
    /// The project's template directory (overrides of built-in templates), e.g. `templates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub templates: Option<String>,
    /// Design sources (`opends source add`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<crate::sources::SourceConfig>,
    /// Where `opends generate` writes, per framework (`{framework}` is replaced);
    /// default `generated/{framework}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generate_out: Option<String>,
    /// How a token value change counts for semver: `patch` (default) or `minor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_changes: Option<ValueChanges>,
    /// `opends lint`: rule severities, naming pattern, semantic prefixes, contrast pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lint: Option<crate::lint::LintConfig>,
    /// Work limits for reading input (file size, tokens, nesting, chains, YAML expansion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<crate::input::LimitsConfig>,
}

/// `value_changes:` in opends.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueChanges {
    /// A changed value is a fix.
    Patch,
    /// A changed value is a feature.
    Minor,
}

/// One entry of `outputs:`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputConfig {
    /// `css`, `scss`, `less`, `js`, `ts`, `json`, `dtcg` or `tailwind`.
    pub format: ExportFormat,
    /// File to write, relative to `opends.yaml`.
    pub path: String,
    /// Naming: `kebab` (default for CSS-like formats), `camel` (JS/TS), `pascal`, `snake`, `constant`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_case: Option<NameCase>,
    /// A prefix for every name, e.g. `acme` -> `--acme-color-brand`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Write only this mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// CSS: also write `@media (prefers-color-scheme: dark)` for the `dark` mode.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub media_query: bool,
    /// CSS: selector of the default block (default `:root`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<String>,
    /// CSS: selector of other modes' blocks, `{mode}` replaced (default `[data-theme="{mode}"]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode_selector: Option<String>,
    /// CSS: the selector of each axis (`scheme: '.{context}'`) or context (`scheme=dark:
    /// '@media (prefers-color-scheme: dark)'`); default `[data-<axis>="<context>"]`.
    #[serde(default, skip_serializing_if = "indexmap::IndexMap::is_empty")]
    pub selectors: indexmap::IndexMap<String, String>,
    /// CSS: write colours that vary only on this two-context axis as `light-dark()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub light_dark: Option<String>,
}

/// Problems with the project file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// No `opends.yaml` was found.
    #[error("no `opends.yaml` in `{start}`{}", if *.walked { " or any directory above it" } else { "" })]
    NotFound {
        /// Where the search started.
        start: String,
        /// Whether directories above were searched too.
        walked: bool,
    },
    /// The file could not be read.
    #[error("could not read `{path}`: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The YAML is invalid or has unknown keys.
    #[error("invalid `{path}`: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// `yaml_serde`'s message (names the key, line and column).
        message: String,
    },
}

/// A found project: its directory and parsed config.
#[derive(Debug, Clone)]
pub struct Project {
    /// The directory holding `opends.yaml`.
    pub root: PathBuf,
    /// The parsed file.
    pub config: Config,
}

impl Project {
    /// Resolves a path written in `opends.yaml` against the project root.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The path of `opends.yaml`.
    pub fn config_path(&self) -> PathBuf {
        self.root.join(CONFIG_FILE)
    }

    /// The default store path: `.opends/opends.db` beside `opends.yaml`.
    pub fn default_db(&self) -> PathBuf {
        self.root.join(".opends").join("opends.db")
    }

    /// A path shown to people: relative to the project when inside it.
    pub fn display(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }
}

/// Parses `opends.yaml` text.
pub fn parse(text: &str, path: &str) -> Result<Config, SettingsError> {
    crate::input::check_yaml(text).map_err(|p| SettingsError::Invalid {
        path: path.to_string(),
        message: format!("line {} column {}: {}", p.line, p.column, p.message),
    })?;
    let config: Config = yaml_serde::from_str(text).map_err(|e| SettingsError::Invalid {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    if config.name.trim().is_empty() {
        return Err(SettingsError::Invalid {
            path: path.to_string(),
            message: "`name` cannot be empty".into(),
        });
    }
    if config.resolver.is_some() && (!config.tokens.is_empty() || !config.modes.is_empty()) {
        return Err(SettingsError::Invalid {
            path: path.to_string(),
            message: "`resolver` replaces `tokens` and `modes`: use one or the other".into(),
        });
    }
    if config.resolver.is_some() && (!config.axes.is_empty() || !config.combinations.is_empty()) {
        return Err(SettingsError::Invalid {
            path: path.to_string(),
            message:
                "`resolver` replaces `axes` (its modifiers are the axes): use one or the other"
                    .into(),
        });
    }
    check_axes(&config, text).map_err(|message| SettingsError::Invalid {
        path: path.to_string(),
        message,
    })?;
    let mut names = std::collections::HashSet::new();
    for s in &config.sources {
        if !names.insert(s.name.as_str()) {
            return Err(SettingsError::Invalid {
                path: path.to_string(),
                message: format!("two sources are named `{}`", s.name),
            });
        }
    }
    if let Some(f) = &config.format {
        if !["auto", "dtcg", "style-dictionary", "tokens-studio"].contains(&f.as_str()) {
            return Err(SettingsError::Invalid {
                path: path.to_string(),
                message: format!(
                    "format `{f}` is not one of auto, dtcg, style-dictionary, tokens-studio"
                ),
            });
        }
    }
    if let Some(f) = &config.framework {
        if !["vue", "react", "svelte"].contains(&f.as_str()) {
            return Err(SettingsError::Invalid {
                path: path.to_string(),
                message: format!("framework `{f}` is not one of vue, react, svelte"),
            });
        }
    }
    Ok(config)
}

/// The line (from 1) of a top-level key in `opends.yaml`, for messages.
fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

/// Checks `axes:` and `combinations:`: not together with `modes:`, names without the key
/// separators, combination keys naming known contexts of different axes.
fn check_axes(config: &Config, text: &str) -> Result<(), String> {
    let at = |key: &str| key_line(text, key).map_or_else(String::new, |l| format!("line {l}: "));
    if !config.axes.is_empty() && !config.modes.is_empty() {
        return Err(format!(
            "{}`modes` and `axes` cannot be combined: `modes` is a single unnamed axis; list its contexts as one axis under `axes`",
            at("axes")
        ));
    }
    if !config.combinations.is_empty() && config.axes.is_empty() {
        return Err(format!(
            "{}`combinations` needs `axes`: it names contexts of two or more axes",
            at("combinations")
        ));
    }
    let bad_name = |n: &str| {
        n.trim().is_empty()
            || n.contains([
                crate::model::theme::AXIS_SEPARATOR,
                crate::model::theme::PART_SEPARATOR,
            ])
    };
    for (axis, contexts) in &config.axes {
        if bad_name(axis) {
            return Err(format!(
                "{}axis `{axis}`: a theme axis name cannot be empty or contain `=` or `,` (they separate axes and contexts in mode keys)",
                at("axes")
            ));
        }
        if contexts.is_empty() {
            return Err(format!(
                "{}axis `{axis}` has no contexts: list its contexts (the first is the default), each with its files",
                at("axes")
            ));
        }
        if let Some(ctx) = contexts.keys().find(|c| bad_name(c)) {
            return Err(format!(
                "{}axis `{axis}`, context `{ctx}`: a context name cannot be empty or contain `=` or `,` (they separate axes and contexts in mode keys)",
                at("axes")
            ));
        }
    }
    for key in config.combinations.keys() {
        let mut seen: Vec<&str> = Vec::new();
        for part in key.split(crate::model::theme::PART_SEPARATOR) {
            let Some((axis, ctx)) = part.split_once(crate::model::theme::AXIS_SEPARATOR) else {
                return Err(format!(
                    "{}combination `{key}`: `{part}` is not `axis=context`",
                    at("combinations")
                ));
            };
            let Some(contexts) = config.axes.get(axis) else {
                return Err(format!(
                    "{}combination `{key}`: unknown axis `{axis}` (axes: {})",
                    at("combinations"),
                    config.axes.keys().cloned().collect::<Vec<_>>().join(", ")
                ));
            };
            if !contexts.contains_key(ctx) {
                return Err(format!(
                    "{}combination `{key}`: axis `{axis}` has no context `{ctx}` (contexts: {})",
                    at("combinations"),
                    contexts.keys().cloned().collect::<Vec<_>>().join(", ")
                ));
            }
            if seen.contains(&axis) {
                return Err(format!(
                    "{}combination `{key}`: axis `{axis}` is named twice",
                    at("combinations")
                ));
            }
            seen.push(axis);
        }
        if seen.len() < 2 {
            return Err(format!(
                "{}combination `{key}`: a combination names contexts of two or more axes (the files of one context go under `axes`)",
                at("combinations")
            ));
        }
    }
    Ok(())
}

/// Loads the project in `dir`.
pub fn load(dir: &Path) -> Result<Project, SettingsError> {
    let path = dir.join(CONFIG_FILE);
    let text = crate::input::read_text(&path).map_err(|e| match e {
        crate::input::ReadError::Io(source) if source.kind() == std::io::ErrorKind::NotFound => {
            SettingsError::NotFound {
                start: dir.display().to_string(),
                walked: false,
            }
        }
        crate::input::ReadError::Io(source) => SettingsError::Read {
            path: path.display().to_string(),
            source,
        },
        other => SettingsError::Read {
            path: path.display().to_string(),
            source: std::io::Error::other(other.to_string()),
        },
    })?;
    let config = parse(&text, &path.display().to_string())?;
    if let Some(limits) = &config.limits {
        crate::input::configure(limits);
    }
    Ok(Project {
        root: dir.to_path_buf(),
        config,
    })
}

/// Finds the project: `explicit` (from `-C` or `OPENDS_PROJECT`), else the nearest
/// directory at or above `cwd` holding `opends.yaml`.
pub fn discover(explicit: Option<&Path>, cwd: &Path) -> Result<Project, SettingsError> {
    if let Some(dir) = explicit {
        let dir = if dir.is_absolute() {
            dir.to_path_buf()
        } else {
            cwd.join(dir)
        };
        return load(&dir);
    }
    let mut cur = Some(cwd);
    while let Some(dir) = cur {
        if dir.join(CONFIG_FILE).is_file() {
            return load(dir);
        }
        cur = dir.parent();
    }
    Err(SettingsError::NotFound {
        start: cwd.display().to_string(),
        walked: true,
    })
}

/// Who is acting: `OPENDS_AUTHOR`, else git's `user.name <user.email>`, else `$USER`.
pub fn author() -> String {
    if let Ok(a) = std::env::var(EnvVars::AUTHOR) {
        if !a.trim().is_empty() {
            return a;
        }
    }
    let git = |key: &str| {
        std::process::Command::new("git")
            .args(["config", "--get", key])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|s| !s.is_empty())
    };
    match (git("user.name"), git("user.email")) {
        (Some(n), Some(e)) => format!("{n} <{e}>"),
        (Some(n), None) => n,
        (None, Some(e)) => e,
        (None, None) => std::env::var("USER").unwrap_or_else(|_| "unknown".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_name_the_key_and_line() {
        let err = parse("name: x\noutputz: []\n", "opends.yaml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("unknown field `outputz`"), "{msg}");
        assert!(msg.contains("line 2"), "{msg}");
    }

    #[test]
    fn modes_keep_their_order() {
        let c = parse(
            "name: x\nmodes:\n  light: []\n  dark: [d.json]\n",
            "opends.yaml",
        )
        .unwrap();
        let names: Vec<&String> = c.modes.keys().collect();
        assert_eq!(names, ["light", "dark"]);
    }

    const AXES: &str = "name: x\ntokens: [b.json]\naxes:\n  brand:\n    acme: []\n    verde: [v.json]\n  scheme:\n    light: []\n    dark: [d.json]\n";

    #[test]
    fn axes_keep_their_order() {
        let c = parse(
            &format!("{AXES}combinations:\n  brand=verde,scheme=dark: [vd.json]\n"),
            "opends.yaml",
        )
        .unwrap();
        let axes: Vec<&String> = c.axes.keys().collect();
        assert_eq!(axes, ["brand", "scheme"]);
        let scheme: Vec<&String> = c.axes["scheme"].keys().collect();
        assert_eq!(scheme, ["light", "dark"]);
        assert_eq!(c.combinations["brand=verde,scheme=dark"], ["vd.json"]);
    }

    #[test]
    fn axes_are_checked() {
        let err = |text: &str| parse(text, "opends.yaml").unwrap_err().to_string();
        let msg = err(&format!("{AXES}modes:\n  light: []\n"));
        assert!(
            msg.contains("line 3: `modes` and `axes` cannot be combined"),
            "{msg}"
        );
        let msg = err(&format!("{AXES}combinations:\n  brand=verde,size=s: []\n"));
        assert!(
            msg.contains("line 10: combination `brand=verde,size=s`: unknown axis `size`"),
            "{msg}"
        );
        let msg = err(&format!(
            "{AXES}combinations:\n  brand=blue,scheme=dark: []\n"
        ));
        assert!(msg.contains("axis `brand` has no context `blue`"), "{msg}");
        let msg = err(&format!("{AXES}combinations:\n  brand=verde: []\n"));
        assert!(msg.contains("two or more axes"), "{msg}");
        let msg = err("name: x\naxes:\n  a=b:\n    x: []\n");
        assert!(msg.contains("axis `a=b`"), "{msg}");
        let msg = err("name: x\naxes:\n  a:\n    x,y: []\n");
        assert!(msg.contains("context `x,y`"), "{msg}");
        let msg = err("name: x\nresolver: r.json\naxes:\n  a:\n    x: []\n");
        assert!(msg.contains("`resolver` replaces"), "{msg}");
    }
}
