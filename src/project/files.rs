//! Reading token files: the ones given on the command line and the ones `opends.yaml`
//! lists (base, modes, resolver), with a fingerprint of everything read.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::model::Tokens;
use crate::settings::Project;
use crate::tokens::link::{self, Input, SetDocument};
use crate::tokens::{self as tok, Findings, Format, TokenFile};

/// A name shown for a file: relative to `base` (the working directory or project) when
/// possible.
pub fn display_path(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Reads token files given on the command line (relative to `cwd`, directories
/// expanded); a symlink loop is a warning in the findings.
pub fn read_files(cwd: &Path, paths: &[PathBuf]) -> Result<(Vec<TokenFile>, Findings)> {
    let mut findings = Findings::default();
    let abs: Vec<PathBuf> = paths.iter().map(|p| cwd.join(p)).collect();
    for (p, a) in paths.iter().zip(&abs) {
        if !a.exists() {
            return Err(crate::hinted(
                format!("`{}` does not exist", p.display()),
                "pass token files (`*.json`) or directories holding them",
            ));
        }
    }
    let mut loops = Vec::new();
    let expanded =
        tok::expand_checked(&abs, &mut loops).context("could not list the token files")?;
    report_loops(&loops, |p| display_path(cwd, p), &mut findings);
    let mut files = Vec::new();
    for path in expanded {
        let name = display_path(cwd, &path);
        files.push(read_token_file(&path, name)?);
    }
    Ok((files, findings))
}

/// Reads one token file; a file that cannot be read (missing, not a regular file,
/// over the size limit) is bad input: the command stops with exit code 2.
fn read_token_file(path: &Path, name: String) -> Result<TokenFile> {
    TokenFile::read(path, name.clone()).map_err(|f| {
        crate::hinted(
            format!("could not read `{name}`: {}", f.message),
            "token files must be regular files (not FIFOs or devices) within the size limit",
        )
    })
}

/// A warning per directory that was reached again (a symlink loop): it is read once.
fn report_loops(loops: &[PathBuf], display: impl Fn(&Path) -> String, findings: &mut Findings) {
    for dir in loops {
        let name = display(dir);
        findings.push(tok::Finding::warning(
            "symlink-loop",
            &tok::Location {
                file: Some(name.as_str().into()),
                ..tok::Location::default()
            },
            None,
            format!("`{name}` leads to a directory that was already read (a symlink loop or a second link); its files are read once"),
        ));
    }
}

/// How to read files named on the command line: `format` as given, strict when the flag
/// or the project (`strict: true`) says so.
pub fn reading(format: Format, strict: bool, project: Option<&Project>) -> tok::Reading {
    tok::Reading {
        format,
        strict: strict || project.is_some_and(|p| p.config.strict),
        sd_size: project.map_or(tok::SdSize::default(), |p| p.config.sd_size_unit),
    }
}

/// How `opends.yaml` says to read its token files: `format:` (default auto) and `strict:`.
fn project_reading(project: &Project) -> Result<tok::Reading> {
    Ok(tok::Reading {
        format: project_format(project)?,
        strict: project.config.strict,
        sd_size: project.config.sd_size_unit,
    })
}

/// The format named in `opends.yaml` (`format:`), default auto.
fn project_format(project: &Project) -> Result<Format> {
    match project.config.format.as_deref() {
        None | Some("auto") => Ok(Format::Auto),
        Some("dtcg") => Ok(Format::Dtcg),
        Some("style-dictionary") => Ok(Format::StyleDictionary),
        Some("tokens-studio") => Ok(Format::TokensStudio),
        Some(other) => Err(anyhow::anyhow!(
            "`format: {other}` in opends.yaml is not one of auto, dtcg, style-dictionary, tokens-studio"
        )),
    }
}

/// The token files `opends.yaml` lists, read.
pub struct TokenFiles {
    /// `tokens:`.
    pub base: Vec<TokenFile>,
    /// `modes:`, in order (the first is the default mode).
    pub modes: Vec<(String, Vec<TokenFile>)>,
    /// `axes:` and `combinations:`, in resolution order: each key (`brand=verde`,
    /// `brand=verde,scheme=dark`), whether it is an axis' default context, and its files.
    pub axes: Vec<(String, bool, Vec<TokenFile>)>,
    /// `resolver:`.
    pub resolver: Option<TokenFile>,
    /// The files `write: files` sources own (read before the project's own files, which
    /// win where both define a token).
    pub sources: Vec<SourceFiles>,
    /// A hash of `opends.yaml` and every file read (with the files a resolver references).
    pub fingerprint: String,
}

impl TokenFiles {
    /// How many files were read.
    pub fn count(&self) -> usize {
        self.base.len()
            + self.modes.iter().map(|(_, f)| f.len()).sum::<usize>()
            + self.axes.iter().map(|(_, _, f)| f.len()).sum::<usize>()
            + usize::from(self.resolver.is_some())
            + self.sources.iter().map(SourceFiles::count).sum::<usize>()
    }
}

/// The token files one source owns (see [`crate::sources::owned`]), read.
pub struct SourceFiles {
    /// The set its tokens go to (`figma:brand`).
    pub set: String,
    /// The base file.
    pub base: Option<TokenFile>,
    /// With plain modes: each mode and its file (none for the default mode).
    pub modes: Vec<(String, Option<TokenFile>)>,
    /// With theme axes: the resolver document.
    pub resolver: Option<TokenFile>,
}

impl SourceFiles {
    fn count(&self) -> usize {
        usize::from(self.base.is_some())
            + self.modes.iter().filter(|(_, f)| f.is_some()).count()
            + usize::from(self.resolver.is_some())
    }
}

/// The `write: files` sources of the project that have written files (per
/// `opends.sources.json`), in the order of `sources:`.
fn owned_sources(project: &Project) -> Result<Vec<crate::sources::owned::Owned>> {
    use crate::sources::WriteTo;
    let sources = &project.config.sources;
    if !sources.iter().any(|s| s.write == WriteTo::Files) {
        return Ok(Vec::new());
    }
    let manifest = crate::sources::owned::Manifest::load(&project.root)?;
    Ok(sources
        .iter()
        .filter(|s| s.write == WriteTo::Files)
        .filter_map(|s| manifest.sources.get(&s.name).cloned())
        .collect())
}

/// Whether `opends.yaml` lists any token files (`tokens:`, `modes:`, `axes:` or
/// `resolver:`).
pub fn has_token_files(project: &Project) -> bool {
    !project.config.tokens.is_empty()
        || project.config.resolver.is_some()
        || !project.config.modes.is_empty()
        || !project.config.axes.is_empty()
        || owned_sources(project).is_ok_and(|o| !o.is_empty())
}

/// `axes:` then `combinations:` as mode keys in resolution order, each with whether it
/// is an axis' default context and its files (as written in `opends.yaml`). A
/// combination's parts are written in axis order.
fn axis_keys(config: &crate::settings::Config) -> Vec<(String, bool, &[String])> {
    use crate::model::theme;
    let mut out: Vec<(String, bool, &[String])> = Vec::new();
    for (axis, contexts) in &config.axes {
        for (i, (ctx, files)) in contexts.iter().enumerate() {
            out.push((
                theme::key_of([(axis.as_str(), ctx.as_str())]),
                i == 0,
                files.as_slice(),
            ));
        }
    }
    for (key, files) in &config.combinations {
        let mut parts: Vec<(&str, &str)> = theme::key_parts(key).collect();
        parts.sort_by_key(|(axis, _)| config.axes.get_index_of(*axis));
        out.push((theme::key_of(parts), false, files.as_slice()));
    }
    out
}

/// Every file `axes:` and `combinations:` list (as written in `opends.yaml`).
fn axis_files(config: &crate::settings::Config) -> impl Iterator<Item = &String> {
    config
        .axes
        .values()
        .flat_map(|contexts| contexts.values().flatten())
        .chain(config.combinations.values().flatten())
}

/// Reads the token files `opends.yaml` lists (directories expanded); symlink loops are
/// warnings in the findings.
pub fn read_token_files(project: &Project) -> Result<(TokenFiles, Findings)> {
    let mut findings = Findings::default();
    let mut hash = Fnv::new();
    hash.write(
        yaml_serde::to_string(&project.config)
            .unwrap_or_default()
            .as_bytes(),
    );
    let mut read = |rels: &[String]| -> Result<Vec<TokenFile>> {
        let abs: Vec<PathBuf> = rels.iter().map(|r| project.path(r)).collect();
        for (r, a) in rels.iter().zip(&abs) {
            if !a.exists() {
                anyhow::bail!("`{r}` (listed in opends.yaml) does not exist");
            }
        }
        let mut out = Vec::new();
        let mut loops = Vec::new();
        let expanded = tok::expand_checked(&abs, &mut loops)?;
        report_loops(&loops, |p| project.display(p), &mut findings);
        for path in expanded {
            let name = project.display(&path);
            let f = read_token_file(&path, name)?;
            hash.write(f.name.as_bytes());
            hash.write(f.text.as_bytes());
            out.push(f);
        }
        Ok(out)
    };
    let base = read(&project.config.tokens)?;
    let mut modes = Vec::new();
    for (m, files) in &project.config.modes {
        modes.push((m.clone(), read(files)?));
    }
    let mut axes = Vec::new();
    for (key, default, files) in axis_keys(&project.config) {
        axes.push((key, default, read(files)?));
    }
    let resolver = match &project.config.resolver {
        Some(r) => read(std::slice::from_ref(r))?.into_iter().next(),
        None => None,
    };
    let mut sources = Vec::new();
    for owned in owned_sources(project)? {
        // A source whose token files are not all there is read as having none: its next
        // sync writes them again.
        let incomplete = owned
            .files
            .keys()
            .filter(|f| !f.starts_with("components/"))
            .any(|f| !project.path(f).exists());
        if incomplete {
            continue;
        }
        let mut one = |rel: &Option<String>| -> Result<Option<TokenFile>> {
            match rel {
                Some(r) if project.path(r).exists() => {
                    Ok(read(std::slice::from_ref(r))?.into_iter().next())
                }
                _ => Ok(None),
            }
        };
        let base = one(&owned.tokens)?;
        let resolver = one(&owned.resolver)?;
        let mut modes = Vec::new();
        for m in &owned.modes {
            modes.push((m.mode.clone(), one(&m.file)?));
        }
        sources.push(SourceFiles {
            set: owned.set.clone(),
            base,
            modes,
            resolver,
        });
    }
    // Files a resolver references count too: editing one must trigger a re-import.
    if let Some(r) = &resolver {
        if let Ok(root) = tok::json::parse(&r.text) {
            let mut refs = Vec::new();
            external_refs(&root, &mut refs);
            let dir = r.path.parent().unwrap_or(Path::new("."));
            for rel in refs {
                if let Ok(text) = crate::input::read_bytes(&dir.join(&rel)) {
                    hash.write(rel.as_bytes());
                    hash.write(&text);
                }
            }
        }
    }
    let fingerprint = format!("{:016x}", hash.finish());
    Ok((
        TokenFiles {
            base,
            modes,
            axes,
            resolver,
            sources,
            fingerprint,
        },
        findings,
    ))
}

/// `$ref`s to other files (not `#/...` pointers) anywhere in a resolver document.
fn external_refs(node: &tok::json::Node<'_>, out: &mut Vec<String>) {
    use tok::json::Kind;
    match &node.kind {
        Kind::Object(members) => {
            for m in members {
                match (m.key.as_ref(), m.value.as_str()) {
                    ("$ref", Some(r)) if !r.starts_with('#') => {
                        out.push(r.split('#').next().unwrap_or(r).to_string());
                    }
                    _ => external_refs(&m.value, out),
                }
            }
        }
        Kind::Array(items) => items.iter().for_each(|i| external_refs(i, out)),
        _ => {}
    }
}

/// Reads and links the project's token files, without the store; returns the tokens
/// and how many files were read. Problems go to `findings`.
pub fn load(project: &Project, findings: &mut Findings) -> Result<(Tokens, usize)> {
    let (files, read_findings) = read_token_files(project)?;
    findings.extend(read_findings);
    let input = input(project, &files, findings)?;
    Ok((link::link(input, findings), files.count()))
}

/// The project's files as documents: the resolver (if any), the `tokens:` files, and
/// the files of each mode (the first mode's files count as base values) and of each axis
/// context and combination (a default context's files count as base values and, so that
/// a later axis' default overrides an earlier axis as the resolution order says, as that
/// context's documents too).
pub fn input(project: &Project, files: &TokenFiles, findings: &mut Findings) -> Result<Input> {
    let reading = project_reading(project)?;
    let mut input = Input::default();
    for source in &files.sources {
        let own = source_input(source, reading, findings);
        input.base.extend(own.base);
        input.mode_only_tokens |= own.mode_only_tokens;
        for (mode, docs) in own.modes {
            add_mode(&mut input.modes, mode, docs);
        }
    }
    if let Some(r) = &files.resolver {
        let resolved = tok::resolver::read(r, reading.strict, findings);
        input.base.extend(resolved.base);
        input.mode_only_tokens |= resolved.mode_only_tokens;
        for (mode, docs) in resolved.modes {
            add_mode(&mut input.modes, mode, docs);
        }
    }
    let base = tok::load_input(&files.base, reading, findings);
    input.base.extend(base.base);
    input.mode_only_tokens |= base.mode_only_tokens;
    for (mode, docs) in base.modes {
        add_mode(&mut input.modes, mode, docs);
    }
    for (i, (mode, mode_files)) in files.modes.iter().enumerate() {
        let docs = tok::load_input(mode_files, reading, findings).base;
        if i == 0 {
            input.base.extend(docs);
            add_mode(&mut input.modes, mode.clone(), Vec::new());
        } else {
            add_mode(&mut input.modes, mode.clone(), docs);
        }
    }
    for (key, default, key_files) in &files.axes {
        let docs = tok::load_input(key_files, reading, findings).base;
        if *default {
            input.base.extend(docs.iter().map(|d| SetDocument {
                set: d.set.clone(),
                source: d.source.clone(),
                doc: tok::studio::clone_doc(&d.doc),
            }));
        }
        add_mode(&mut input.modes, key.clone(), docs);
    }
    Ok(input)
}

/// A source's own files as documents of its set: through its resolver (theme axes), or
/// its base file and a file per mode (the first mode's values are the base file's).
fn source_input(source: &SourceFiles, reading: tok::Reading, findings: &mut Findings) -> Input {
    let mut input = if let Some(r) = &source.resolver {
        tok::resolver::read(r, reading.strict, findings)
    } else {
        let mut input = Input::default();
        if let Some(base) = &source.base {
            let read = tok::load_input(std::slice::from_ref(base), reading, findings);
            input.base.extend(read.base);
        }
        for (mode, file) in &source.modes {
            let docs = file.as_ref().map_or_else(Vec::new, |f| {
                tok::load_input(std::slice::from_ref(f), reading, findings).base
            });
            add_mode(&mut input.modes, mode.clone(), docs);
        }
        input
    };
    for d in input
        .base
        .iter_mut()
        .chain(input.modes.iter_mut().flat_map(|(_, d)| d.iter_mut()))
    {
        d.set.clone_from(&source.set);
    }
    input
}

/// Adds `docs` to `mode` (created at the end when new).
pub(crate) fn add_mode(
    modes: &mut Vec<(String, Vec<SetDocument>)>,
    mode: String,
    docs: Vec<SetDocument>,
) {
    match modes.iter_mut().find(|(m, _)| *m == mode) {
        Some((_, existing)) => existing.extend(docs),
        None => modes.push((mode, docs)),
    }
}

/// Token and component sources of a project (what `--watch` reacts to).
pub fn watched_inputs(project: &Project) -> Vec<PathBuf> {
    let c = &project.config;
    let mut v: Vec<PathBuf> = c.tokens.iter().map(|t| project.path(t)).collect();
    v.extend(c.modes.values().flatten().map(|t| project.path(t)));
    v.extend(axis_files(c).map(|t| project.path(t)));
    v.extend(c.resolver.iter().map(|r| project.path(r)));
    if let Some(r) = &c.resolver {
        // A resolver's files usually sit beside it.
        if let Some(dir) = project.path(r).parent() {
            v.push(dir.to_path_buf());
        }
    }
    match &c.components {
        Some(list) => v.extend(list.iter().map(|p| project.path(p))),
        None => v.push(project.path("components")),
    }
    v
}

/// Whether `path` is one of the token files (or inside a token directory) the project
/// reads: an output must never replace its own input.
pub fn is_token_input(project: &Project, path: &Path) -> bool {
    let Ok(path) = std::fs::canonicalize(path) else {
        return false;
    };
    let config = &project.config;
    config
        .tokens
        .iter()
        .chain(config.modes.values().flatten())
        .chain(axis_files(config))
        .chain(config.resolver.iter())
        .filter_map(|rel| std::fs::canonicalize(project.path(rel)).ok())
        .any(|input| path.starts_with(input))
}

/// FNV-1a, 64 bit: a fast fingerprint of files (change detection only).
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // Separate fields so that ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}
