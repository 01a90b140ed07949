//! Bounded reading of untrusted input: the limits every reader obeys (one place, with
//! documented defaults), reading only regular files up to a size, and a YAML pre-scan
//! that bounds nesting and anchor/alias expansion before `yaml_serde` builds anything.
//!
//! Token files, component specs and `opends.yaml` may come from anyone (a design
//! file, a pull request, a teammate's push), so a small file must not be able to make
//! a run take unbounded memory or time. Each limit can be raised in `opends.yaml`
//! (`limits:`) or with an `OPENDS_*` environment variable (which wins), and every error
//! names both.

use crate::env_vars::EnvVars;
use std::fs;
use std::io::Read as _;
use std::path::Path;
use std::sync::RwLock;

use serde::{Deserialize, Serialize};

/// Work limits for reading input. Defaults are far above what real design systems
/// need (the largest benchmark file is 53 MB with 394,000 tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes (`limits.max-file-size`, `OPENDS_MAX_FILE_SIZE`).
    pub max_file_size: u64,
    /// Most tokens one run may hold, counting those `$extends` copies
    /// (`limits.max-tokens`, `OPENDS_MAX_TOKENS`).
    pub max_tokens: usize,
    /// Deepest nesting of JSON and YAML values (`limits.max-depth`, `OPENDS_MAX_DEPTH`).
    pub max_depth: u32,
    /// Longest `$extends` chain and alias chain (`limits.max-chain`, `OPENDS_MAX_CHAIN`).
    pub max_chain: usize,
    /// Most YAML nodes one file may expand to, aliases counted at their full size
    /// (`limits.max-yaml-nodes`, `OPENDS_MAX_YAML_NODES`).
    pub max_yaml_nodes: usize,
    /// Most parts (JSON nodes) one token's value may have once its references are
    /// resolved (`limits.max-value-nodes`, `OPENDS_MAX_VALUE_NODES`).
    pub max_value_nodes: usize,
    /// Most bytes the values of one run may grow to once `$extends` copies and references
    /// are counted at the size of what they name: checked when tokens are linked, before
    /// export and the docs site resolve them, and for YAML aliases of large scalars
    /// (`limits.max-output-bytes`, `OPENDS_MAX_OUTPUT_BYTES`).
    pub max_output_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_size: 256 * 1024 * 1024,
            max_tokens: 1_000_000,
            max_depth: 128,
            max_chain: 64,
            max_yaml_nodes: 1_000_000,
            max_value_nodes: 10_000,
            max_output_bytes: 512 * 1024 * 1024,
        }
    }
}

/// `limits:` in `opends.yaml`: each key overrides one default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LimitsConfig {
    /// Largest file read, in bytes (default 268435456, 256 MiB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file_size: Option<u64>,
    /// Most tokens per run, including `$extends` copies (default 1000000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<usize>,
    /// Deepest JSON/YAML nesting (default 128; YAML's parsers stop at 128 and 255 anyway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_depth: Option<u32>,
    /// Longest `$extends` or alias chain (default 64).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_chain: Option<usize>,
    /// Most YAML nodes one file may expand to through anchors and aliases (default 1000000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_yaml_nodes: Option<usize>,
    /// Most parts one token's value may have once its references are resolved (default 10000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_value_nodes: Option<usize>,
    /// Most bytes values may grow to through `$extends`, references and YAML aliases
    /// (default 536870912, 512 MiB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_output_bytes: Option<u64>,
}

/// One limit: its `opends.yaml` key and environment variable, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// [`Limits::max_file_size`].
    FileSize,
    /// [`Limits::max_tokens`].
    Tokens,
    /// [`Limits::max_depth`].
    Depth,
    /// [`Limits::max_chain`].
    Chain,
    /// [`Limits::max_yaml_nodes`].
    YamlNodes,
    /// [`Limits::max_value_nodes`].
    ValueNodes,
    /// [`Limits::max_output_bytes`].
    OutputBytes,
}

impl Limit {
    /// The key under `limits:` in `opends.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            Self::FileSize => "max-file-size",
            Self::Tokens => "max-tokens",
            Self::Depth => "max-depth",
            Self::Chain => "max-chain",
            Self::YamlNodes => "max-yaml-nodes",
            Self::ValueNodes => "max-value-nodes",
            Self::OutputBytes => "max-output-bytes",
        }
    }

    /// The environment variable that overrides it.
    pub fn env(self) -> &'static str {
        match self {
            Self::FileSize => EnvVars::MAX_FILE_SIZE,
            Self::Tokens => EnvVars::MAX_TOKENS,
            Self::Depth => EnvVars::MAX_DEPTH,
            Self::Chain => EnvVars::MAX_CHAIN,
            Self::YamlNodes => EnvVars::MAX_YAML_NODES,
            Self::ValueNodes => EnvVars::MAX_VALUE_NODES,
            Self::OutputBytes => EnvVars::MAX_OUTPUT_BYTES,
        }
    }

    /// How to raise it, for the end of an error message.
    pub fn hint(self) -> String {
        format!(
            "the limit `limits.{}` (raise it in opends.yaml or with `{}`)",
            self.key(),
            self.env()
        )
    }
}

static CONFIGURED: RwLock<Option<Limits>> = RwLock::new(None);

/// The defaults with the environment's overrides, read once: readers and resolution ask
/// for the limits per token, and the environment does not change while opends runs.
static DEFAULTS: std::sync::OnceLock<Limits> = std::sync::OnceLock::new();

/// The limits in force: those set by [`configure`], else the defaults with the
/// environment's overrides.
pub fn limits() -> Limits {
    if let Some(l) = *CONFIGURED
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        return l;
    }
    *DEFAULTS.get_or_init(|| resolve(&LimitsConfig::default()))
}

/// Puts the project's `limits:` in force for the rest of the process (the environment
/// still wins over it).
pub fn configure(config: &LimitsConfig) {
    let l = resolve(config);
    *CONFIGURED
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(l);
}

/// Defaults, overridden by `config`, overridden by the environment.
pub fn resolve(config: &LimitsConfig) -> Limits {
    fn env<T: std::str::FromStr>(limit: Limit) -> Option<T> {
        std::env::var(limit.env()).ok()?.trim().parse().ok()
    }
    let d = Limits::default();
    Limits {
        max_file_size: env(Limit::FileSize)
            .or(config.max_file_size)
            .unwrap_or(d.max_file_size),
        max_tokens: env(Limit::Tokens)
            .or(config.max_tokens)
            .unwrap_or(d.max_tokens),
        max_depth: env(Limit::Depth)
            .or(config.max_depth)
            .unwrap_or(d.max_depth),
        max_chain: env(Limit::Chain)
            .or(config.max_chain)
            .unwrap_or(d.max_chain),
        max_yaml_nodes: env(Limit::YamlNodes)
            .or(config.max_yaml_nodes)
            .unwrap_or(d.max_yaml_nodes),
        max_value_nodes: env(Limit::ValueNodes)
            .or(config.max_value_nodes)
            .unwrap_or(d.max_value_nodes),
        max_output_bytes: env(Limit::OutputBytes)
            .or(config.max_output_bytes)
            .unwrap_or(d.max_output_bytes),
    }
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Opening, stat or reading failed.
    #[error("could not read the file: {0}")]
    Io(#[from] std::io::Error),
    /// A directory, FIFO, device or socket.
    #[error("not a regular file ({0}); only regular files are read")]
    NotRegular(&'static str),
    /// Larger than [`Limits::max_file_size`].
    #[error("the file is larger than {limit} bytes, {}", Limit::FileSize.hint())]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Not UTF-8.
    #[error("the file is not valid UTF-8")]
    NotUtf8,
}

fn kind_name(ft: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    if ft.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// Reads a regular file of at most [`Limits::max_file_size`] bytes. The type is
/// checked on the opened handle, never blocking on a FIFO, and the read stops one byte
/// past the limit, so a file that grows (or a lying `stat`) cannot exceed it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let limit = limits().max_file_size;
    // Refuse what is not a regular file before opening it: opening a FIFO blocks.
    let meta = fs::metadata(path)?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular(kind_name(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let file = open_nonblocking(path)?;
    // The path may have been swapped between the two calls: check the handle too.
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular(kind_name(meta.file_type())));
    }
    let mut buf = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(buf)
}

#[cfg(target_os = "linux")]
fn open_nonblocking(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // O_NONBLOCK (Linux's value): a FIFO put in place after the check does not hang
    // the open.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(0o4000)
        .open(path)
}

#[cfg(not(target_os = "linux"))]
fn open_nonblocking(path: &Path) -> std::io::Result<fs::File> {
    fs::File::open(path)
}

/// [`read_bytes`], as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    String::from_utf8(read_bytes(path)?).map_err(|_| ReadError::NotUtf8)
}

/// The first character that may not appear in a name: C0 and C1 controls, DEL, and the
/// line and paragraph separators (they break terminals, generated code and files).
pub fn forbidden_char(name: &str) -> Option<char> {
    name.chars()
        .find(|&c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
}

/// Why a token set name cannot be stored, if it cannot: a set is a label (the token
/// file's name as given, so `../shared/tokens.json` is one), shown in findings and
/// terminals and never used as a path, so what is refused is what could drive or
/// mislead a terminal or a review: control characters, line and paragraph separators
/// and bidi controls.
pub fn set_name_problem(set: &str) -> Option<String> {
    let c = set.chars().find(|&c| {
        c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || crate::escape::is_bidi(c)
    })?;
    Some(format!(
        "the set name `{}` contains {}, which is not allowed (no control characters, line separators or bidi controls)",
        set.escape_debug(),
        c.escape_unicode()
    ))
}

/// A YAML document that breaks a limit (or that the pre-scan cannot read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlProblem {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// What is wrong, naming the limit.
    pub message: String,
}

/// Checks YAML text before it is deserialized: nesting depth and the number of nodes
/// it expands to (an alias counts as the whole node it names, so an "alias bomb" is
/// refused after reading a few kilobytes, not after building gigabytes).
pub fn check_yaml(text: &str) -> Result<(), YamlProblem> {
    check_yaml_with(text, &limits())
}

/// [`check_yaml`] with explicit limits.
pub fn check_yaml_with(text: &str, limits: &Limits) -> Result<(), YamlProblem> {
    use yaml_rust2::parser::{Event, Parser};
    let mut parser = Parser::new_from_str(text);
    // Per open collection: (anchor id, expanded nodes so far, expanded scalar bytes so far).
    let mut open: Vec<(usize, u64, u64)> = Vec::new();
    // Expanded nodes and scalar bytes per anchor id.
    let mut sizes: crate::hash::HashMap<usize, (u64, u64)> = crate::hash::HashMap::default();
    let mut total: u64 = 0;
    // Scalar bytes the aliases add: a large scalar aliased thousands of times is few
    // nodes but many bytes once expanded.
    let mut alias_bytes: u64 = 0;
    let budget = limits.max_yaml_nodes as u64;
    let byte_budget = limits.max_output_bytes;
    let problem = |mark: &yaml_rust2::scanner::Marker, message: String| YamlProblem {
        line: mark.line() as u32,
        column: mark.col() as u32 + 1,
        message,
    };
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(e) => e,
            // The scanner counts flow levels in a byte: past 255 it stops, which is
            // the depth limit too.
            Err(e) if e.info() == "recursion limit exceeded" => {
                return Err(problem(
                    e.marker(),
                    format!(
                        "nesting deeper than {} levels, {}",
                        limits.max_depth.min(255),
                        Limit::Depth.hint()
                    ),
                ));
            }
            Err(e) => {
                return Err(problem(e.marker(), format!("invalid YAML: {}", e.info())));
            }
        };
        // The size this event adds to its parent (collections add theirs when they end).
        let added = match event {
            Event::StreamEnd => return Ok(()),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if open.len() as u32 >= limits.max_depth {
                    return Err(problem(
                        &mark,
                        format!(
                            "nesting deeper than {} levels, {}",
                            limits.max_depth,
                            Limit::Depth.hint()
                        ),
                    ));
                }
                open.push((anchor, 1, 0));
                total += 1;
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (anchor, size, bytes) = open.pop().unwrap_or((0, 1, 0));
                if anchor != 0 {
                    sizes.insert(anchor, (size, bytes));
                }
                Some((size, bytes))
            }
            Event::Scalar(value, _, anchor, _) => {
                total += 1;
                let bytes = value.len() as u64;
                if anchor != 0 {
                    sizes.insert(anchor, (1, bytes));
                }
                Some((1, bytes))
            }
            Event::Alias(id) => {
                let (size, bytes) = sizes.get(&id).copied().unwrap_or((1, 0));
                total = total.saturating_add(size);
                alias_bytes = alias_bytes.saturating_add(bytes);
                Some((size, bytes))
            }
            _ => None,
        };
        if let (Some((size, bytes)), Some(parent)) = (added, open.last_mut()) {
            parent.1 = parent.1.saturating_add(size);
            parent.2 = parent.2.saturating_add(bytes);
        }
        if alias_bytes > byte_budget {
            return Err(problem(
                &mark,
                format!(
                    "the document's aliases expand to more than {byte_budget} bytes of text, {}",
                    Limit::OutputBytes.hint()
                ),
            ));
        }
        if total > budget {
            return Err(problem(
                &mark,
                format!(
                    "the document expands to more than {budget} nodes (anchors and aliases count at full size), {}",
                    Limit::YamlNodes.hint()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn alias_bomb_is_refused_early() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            writeln!(text, "a{i}: &a{i} [{refs}]").unwrap();
        }
        let err = check_yaml_with(&text, &Limits::default()).unwrap_err();
        assert!(err.message.contains("limits.max-yaml-nodes"), "{err:?}");
        assert!(err.line > 1);
    }

    #[test]
    fn aliases_of_a_large_scalar_are_refused_by_bytes() {
        let mut text = format!("a: &big {}\nb: [", "x".repeat(1000));
        text.push_str(&vec!["*big"; 100].join(", "));
        text.push_str("]\n");
        let limits = Limits {
            max_output_bytes: 50_000,
            ..Limits::default()
        };
        let err = check_yaml_with(&text, &limits).unwrap_err();
        assert!(err.message.contains("limits.max-output-bytes"), "{err:?}");
        check_yaml_with(&text, &Limits::default()).unwrap();
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("x: {}1{}\n", "[".repeat(1000), "]".repeat(1000));
        let err = check_yaml_with(&text, &Limits::default()).unwrap_err();
        assert!(err.message.contains("limits.max-depth"), "{err:?}");
    }

    #[test]
    fn ordinary_yaml_passes() {
        let text = "name: Button\nprops:\n  - &p {name: size, type: string}\n  - *p\n";
        check_yaml_with(text, &Limits::default()).unwrap();
    }
}
