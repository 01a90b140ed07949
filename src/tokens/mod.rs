//! Design token files: DTCG 2025.10 parsing with source positions, legacy formats,
//! resolver documents, linking (aliases, `$ref`, `$extends`, cycles) and resolution.

pub mod dtcg;
pub mod edit;
pub mod finding;
pub mod json;
pub mod legacy;
pub mod link;
pub mod resolve;
pub mod resolver;
pub mod source;
pub mod studio;
pub mod value;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::model::Tokens;
pub use finding::{Finding, Findings, Location, Severity};
use link::{Input, SetDocument};

/// The format of a token file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Detect from the content.
    #[default]
    Auto,
    /// DTCG 2025.10 (`$value`, `$type`).
    Dtcg,
    /// Style Dictionary (`value`, `type`).
    StyleDictionary,
    /// Tokens Studio (and Penpot) exports, one file or one file per set.
    TokensStudio,
}

/// How token files are read: their format and whether only DTCG 2025.10 exactly as
/// written is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    /// The format (detected per file by default).
    pub format: Format,
    /// `--strict` / `strict: true`: DTCG 2025.10 exactly. Files in other formats are
    /// only converted when their format is named; a detected one is read as DTCG (and
    /// fails with located errors). Otherwise the forms other tools write are read, each
    /// with a warning (docs/tokens.md, "Lenient reading").
    pub strict: bool,
    /// How a bare number in a Style Dictionary `dimension` or `fontSize` token is read
    /// (`sd_size_unit:` in opends.yaml).
    pub sd_size: SdSize,
}

/// The unit of a bare number in a Style Dictionary `dimension` or `fontSize` token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SdSize {
    /// `rem`, as Style Dictionary's `size/rem` transform (in its `css` group) writes it.
    #[default]
    Rem,
    /// `px`, for sets built with `size/px` (or read as pixels by their platform).
    Px,
}

impl SdSize {
    /// Whether it is the default (`rem`).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// The unit as written.
    pub fn unit(self) -> &'static str {
        match self {
            Self::Rem => "rem",
            Self::Px => "px",
        }
    }
}

impl From<Format> for Reading {
    fn from(format: Format) -> Self {
        Self {
            format,
            strict: false,
            sd_size: SdSize::default(),
        }
    }
}

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// Tokens in one of the formats.
    Tokens(Format),
    /// A DTCG resolver document (has `resolutionOrder`).
    Resolver,
}

/// A token file read from disk (or given inline).
#[derive(Debug, Clone)]
pub struct TokenFile {
    /// The name shown in findings (as given, or relative to the project).
    pub name: String,
    /// Where it is on disk, for resolving relative `$ref`s.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
}

impl TokenFile {
    /// Reads `path`, naming it `name` in findings: only a regular file, and no larger
    /// than the `max-file-size` limit (see [`crate::input`]).
    pub fn read(path: &Path, name: String) -> Result<Self, Finding> {
        match crate::input::read_text(path) {
            Ok(text) => Ok(Self {
                name,
                path: path.to_path_buf(),
                text,
            }),
            Err(e) => Err(Finding::error(
                "unreadable-file",
                &Location {
                    file: Some(name.into()),
                    ..Location::default()
                },
                None,
                e.to_string(),
            )),
        }
    }
}

/// Expands files and directories (recursively, `*.json`, sorted) into file paths.
/// A directory reached twice (a symlink loop, or two links to one directory) is
/// read once; each loop is reported once in `loops`.
pub fn expand_checked(
    paths: &[PathBuf],
    loops: &mut Vec<PathBuf>,
) -> Result<Vec<PathBuf>, std::io::Error> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            let mut seen = HashSet::new();
            walk(p, &mut found, &mut seen, loops)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// [`expand_checked`], ignoring loops (each directory is still read once).
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, std::io::Error> {
    expand_checked(paths, &mut Vec::new())
}

/// A directory's identity, so that a loop is found whatever path leads to it.
fn dir_id(dir: &Path) -> Result<(u64, u64), std::io::Error> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let m = fs::metadata(dir)?;
        Ok((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let c = fs::canonicalize(dir)?;
        let mut h = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&c, &mut h);
        Ok((0, std::hash::Hasher::finish(&h)))
    }
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut HashSet<(u64, u64)>,
    loops: &mut Vec<PathBuf>,
) -> Result<(), std::io::Error> {
    if !seen.insert(dir_id(dir)?) {
        loops.push(dir.to_path_buf());
        return Ok(());
    }
    let mut entries = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out, seen, loops)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "json" || e == "tokens")
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Detects what a parsed document is.
pub fn detect(root: &json::Node<'_>) -> Detected {
    // A string `version` cannot be a token or group, so it marks a resolver document.
    if root.get("resolutionOrder").is_some()
        || root.get("version").and_then(json::Node::as_str).is_some()
        || (root.get("version").is_some()
            && (root.get("sets").is_some() || root.get("modifiers").is_some()))
    {
        return Detected::Resolver;
    }
    Detected::Tokens(legacy::detect(root))
}

/// Parses a file's JSON, reporting a syntax error as a finding.
pub fn parse_file<'t>(file: &'t TokenFile, findings: &mut Findings) -> Option<json::Node<'t>> {
    match json::parse(&file.text) {
        Ok(r) => Some(r),
        Err(e) => {
            let src = dtcg::Source::new(&file.name, &file.text);
            findings.push(Finding::error(
                "invalid-json",
                &src.loc(e.offset),
                None,
                format!("invalid JSON: {}", e.message),
            ));
            None
        }
    }
}

/// Reads one token file into a document, detecting or forcing the format.
/// Returns `None` when the file cannot be read at all (a finding says why).
pub fn read_document(
    file: &TokenFile,
    reading: impl Into<Reading>,
    findings: &mut Findings,
) -> Option<dtcg::Document> {
    let mut root = parse_file(file, findings)?;
    read_parsed(file, &mut root, reading, findings)
}

/// Reads an already parsed token file into a document.
pub fn read_parsed(
    file: &TokenFile,
    root: &mut json::Node<'_>,
    reading: impl Into<Reading>,
    findings: &mut Findings,
) -> Option<dtcg::Document> {
    let Reading {
        format,
        strict,
        sd_size,
    } = reading.into();
    let src = dtcg::Source::new(&file.name, &file.text);
    let Some(format) = reading_format(root, format, strict) else {
        findings.push(Finding::error(
            "unexpected-resolver",
            &src.loc(root.offset),
            None,
            "this is a resolver document; list it under `resolver:` in opends.yaml or pass it alone".into(),
        ));
        return None;
    };
    match format {
        Format::Dtcg | Format::Auto => {
            Some(dtcg::read_lenient(root, &src, strict, sd_size, findings))
        }
        Format::StyleDictionary | Format::TokensStudio => {
            let mut converted = legacy::convert(root, format, sd_size, &src, findings);
            Some(dtcg::read_converted(&mut converted, &src, strict, findings))
        }
    }
}

/// The format a parsed token file is read in (`None` for a resolver document when the
/// format is detected). Strict: a file is DTCG unless its format is named.
fn reading_format(root: &json::Node<'_>, format: Format, strict: bool) -> Option<Format> {
    match format {
        Format::Auto => match detect(root) {
            Detected::Tokens(_) if strict => Some(Format::Dtcg),
            Detected::Tokens(f) => Some(f),
            Detected::Resolver => None,
        },
        f => Some(f),
    }
}

/// Set name for a file: its name as shown (relative to the project or working directory).
pub fn set_name(file: &TokenFile) -> String {
    file.name.clone()
}

/// Loads token files (no modes) into one collection; a resolver document among them
/// (recognised by `resolutionOrder`) is read as such.
pub fn load_files(
    files: &[TokenFile],
    reading: impl Into<Reading>,
    findings: &mut Findings,
) -> Tokens {
    link::link(load_input(files, reading, findings), findings)
}

/// Reads token files into documents (not yet linked): DTCG, legacy formats, Tokens
/// Studio exports (one file, or a directory with `$themes.json`/`$metadata.json`) and
/// resolver documents, each recognised from its content unless `format` says otherwise.
pub fn load_input(
    files: &[TokenFile],
    reading: impl Into<Reading>,
    findings: &mut Findings,
) -> Input {
    let reading = reading.into();
    let Reading {
        format,
        strict,
        sd_size,
    } = reading;
    let mut input = Input::default();
    // Strict: a Tokens Studio directory is only converted when the format is named.
    let (studio, files) = if strict && format != Format::TokensStudio {
        (Vec::new(), files.iter().collect())
    } else {
        split_studio_dirs(files)
    };
    for (dir, sets) in studio {
        let studio = studio_dir_input(&dir, &sets, findings);
        input.base.extend(studio.base);
        input.mode_only_tokens |= studio.mode_only_tokens;
        if input.modes.is_empty() {
            input.modes = studio.modes;
        }
    }
    let mut parsed: Vec<(&TokenFile, json::Node<'_>)> = files
        .iter()
        .filter_map(|f| parse_file(f, findings).map(|root| (*f, root)))
        .collect();
    let mut converted = convert_style_dictionary(&parsed, format, strict, sd_size, findings);
    for (i, (file, root)) in parsed.iter_mut().enumerate() {
        let file: &TokenFile = file;
        if let Some(mut tree) = converted[i].take() {
            let src = dtcg::Source::new(&file.name, &file.text);
            input.base.push(SetDocument {
                set: set_name(file),
                source: Some(file.name.clone()),
                doc: dtcg::read_converted(&mut tree, &src, strict, findings),
            });
            continue;
        }
        if format == Format::Auto && detect(root) == Detected::Resolver {
            let resolved = resolver::read_parsed(file, root, strict, findings);
            input.base.extend(resolved.base);
            if input.modes.is_empty() {
                input.modes = resolved.modes;
            }
            input.mode_only_tokens |= resolved.mode_only_tokens;
            continue;
        }
        if (format == Format::Auto && !strict || format == Format::TokensStudio)
            && legacy::detect(root) == Format::TokensStudio
            && (root.get("$themes").is_some() || root.get("$metadata").is_some())
        {
            let src = dtcg::Source::new(&file.name, &file.text);
            let studio = studio::studio_input(root, &src, &file.name, findings);
            input.base.extend(studio.base);
            input.mode_only_tokens |= studio.mode_only_tokens;
            if input.modes.is_empty() {
                input.modes = studio.modes;
            }
            continue;
        }
        if let Some(doc) = read_parsed(file, root, reading, findings) {
            input.base.push(SetDocument {
                set: set_name(file),
                source: Some(file.name.clone()),
                doc,
            });
        }
    }
    input
}

/// Converts the parsed files read as Style Dictionary as one unit (references cross
/// files, as in Style Dictionary); by index, `None` for the other files.
fn convert_style_dictionary<'t>(
    parsed: &[(&TokenFile, json::Node<'t>)],
    format: Format,
    strict: bool,
    sd_size: SdSize,
    findings: &mut Findings,
) -> Vec<Option<json::Node<'t>>> {
    let picked: Vec<usize> = (0..parsed.len())
        .filter(|&i| reading_format(&parsed[i].1, format, strict) == Some(Format::StyleDictionary))
        .collect();
    let sources: Vec<dtcg::Source<'_>> = picked
        .iter()
        .map(|&i| dtcg::Source::new(&parsed[i].0.name, &parsed[i].0.text))
        .collect();
    let docs: Vec<(&json::Node<'t>, &dtcg::Source<'_>)> = picked
        .iter()
        .zip(&sources)
        .map(|(&i, src)| (&parsed[i].1, src))
        .collect();
    let trees = legacy::convert_files(&docs, Format::StyleDictionary, sd_size, findings);
    let mut out = vec![None; parsed.len()];
    for (&i, tree) in picked.iter().zip(trees) {
        out[i] = Some(tree);
    }
    out
}

/// Separates Tokens Studio multi-file exports (a directory holding `$themes.json` or
/// `$metadata.json` and one file per set) from ordinary token files.
fn split_studio_dirs(files: &[TokenFile]) -> (Vec<(PathBuf, Vec<&TokenFile>)>, Vec<&TokenFile>) {
    let dirs: Vec<PathBuf> = files
        .iter()
        .filter(|f| {
            f.path
                .file_name()
                .is_some_and(|n| n == "$themes.json" || n == "$metadata.json")
        })
        .filter_map(|f| f.path.parent().map(Path::to_path_buf))
        .fold(Vec::new(), |mut acc, d| {
            if !acc.contains(&d) {
                acc.push(d);
            }
            acc
        });
    let mut studio: Vec<(PathBuf, Vec<&TokenFile>)> =
        dirs.into_iter().map(|d| (d, Vec::new())).collect();
    let mut rest = Vec::new();
    for f in files {
        match studio.iter_mut().find(|(d, _)| f.path.starts_with(d)) {
            Some((_, list)) => list.push(f),
            None => rest.push(f),
        }
    }
    (studio, rest)
}

/// Reads a Tokens Studio multi-file export: set name = path below the directory without
/// `.json` (e.g. `core/colors`), order from `$metadata.json`, modes from `$themes.json`.
fn studio_dir_input(dir: &Path, files: &[&TokenFile], findings: &mut Findings) -> Input {
    let mut parsed = Vec::new();
    for f in files {
        if let Some(root) = parse_file(f, findings) {
            parsed.push((*f, root));
        }
    }
    let special = |name: &str| {
        parsed
            .iter()
            .find(|(f, _)| f.path.file_name().is_some_and(|n| n == name))
            .map(|(_, r)| r)
    };
    let order: Vec<String> = special("$metadata.json")
        .and_then(|m| m.get("tokenSetOrder"))
        .and_then(json::Node::as_array)
        .map(|a| {
            a.iter()
                .filter_map(json::Node::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let themes: &[json::Node<'_>] = special("$themes.json")
        .and_then(json::Node::as_array)
        .unwrap_or_default();
    let sources: Vec<dtcg::Source<'_>> = parsed
        .iter()
        .map(|(f, _)| dtcg::Source::new(&f.name, &f.text))
        .collect();
    let mut sets: Vec<(String, &json::Node<'_>, &dtcg::Source<'_>)> = parsed
        .iter()
        .zip(&sources)
        .filter(|((f, _), _)| {
            !f.path
                .file_name()
                .is_some_and(|n| n == "$themes.json" || n == "$metadata.json")
        })
        .map(|((f, root), src)| {
            let rel = f
                .path
                .strip_prefix(dir)
                .unwrap_or(&f.path)
                .with_extension("");
            (rel.to_string_lossy().replace('\\', "/"), root, src)
        })
        .collect();
    sets.sort_by_key(|(name, _, _)| order.iter().position(|o| o == name).unwrap_or(usize::MAX));
    let name = files
        .iter()
        .find(|f| f.path.parent() == Some(dir))
        .and_then(|f| Path::new(&f.name).parent().map(|p| p.display().to_string()))
        .unwrap_or_else(|| dir.display().to_string());
    // `--input .`: the files are named without a directory.
    let name = if name.is_empty() {
        ".".to_string()
    } else {
        name
    };
    let src = dtcg::Source::new(&name, "");
    studio::studio_build(&sets, themes, &src, findings)
}
