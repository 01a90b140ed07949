//! One module per verb. Commands resolve settings, call domain code and print;
//! this module holds what several of them share: finding the project, opening the
//! store, and reading the project's token files into it.

pub mod auth;
pub mod completions;
pub mod components;
pub mod diff;
pub mod docs;
pub mod export;
pub mod generate;
pub mod init;
pub mod lint;
pub mod remote;
pub mod server;
pub mod source;
pub mod sync;
pub mod tokens;
pub mod versions;

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::cli::GlobalArgs;
use crate::model::Tokens;
use crate::printer::Printer;
use crate::settings::{self, Project, SettingsError};
use crate::store::Store;
use crate::tokens::link::{self, Input, SetDocument};
use crate::tokens::{self as tok, Findings, Format, TokenFile};
use std::collections::HashSet;

/// Everything a command needs from the command line and the environment.
pub struct Context {
    /// Global flags.
    pub global: GlobalArgs,
    /// Output.
    pub printer: Printer,
    /// The working directory.
    pub cwd: PathBuf,
}

impl Context {
    /// Builds the context.
    pub fn new(global: GlobalArgs, printer: Printer) -> Self {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Self {
            global,
            printer,
            cwd,
        }
    }

    /// The project (`-C`, `OPENDS_PROJECT`, or the nearest `opends.yaml` above).
    pub fn project(&self) -> Result<Project> {
        settings::discover(self.global.project.as_deref(), &self.cwd).map_err(|e| match e {
            SettingsError::NotFound { .. } => crate::hinted(
                e.to_string(),
                "run `opends init` to create a project, or pass `-C DIR`",
            ),
            other => anyhow::Error::new(other),
        })
    }

    /// The project, or `None` when there is none (other errors are errors).
    pub fn project_opt(&self) -> Result<Option<Project>> {
        match settings::discover(self.global.project.as_deref(), &self.cwd) {
            Ok(p) => Ok(Some(p)),
            Err(SettingsError::NotFound { .. }) if self.global.project.is_none() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The store path: `--db`/`OPENDS_DB`, else `.opends/opends.db` in the project.
    pub fn db_path(&self, project: Option<&Project>) -> Result<PathBuf> {
        if let Some(db) = &self.global.db {
            return Ok(self.cwd.join(db));
        }
        match project {
            Some(p) => Ok(p.default_db()),
            None => Err(crate::hinted(
                "no store: not inside an opends project",
                "run `opends init`, pass `-C DIR`, or name a store with `--db PATH`",
            )),
        }
    }

    /// Opens the store.
    pub fn store(&self, project: Option<&Project>) -> Result<Store> {
        let path = self.db_path(project)?;
        Store::open(&path).with_context(|| format!("could not open the store `{}`", path.display()))
    }

    /// Prints findings (errors always, warnings unless quiet) and fails when any is an error.
    pub fn report(&self, findings: Findings, what: &str) -> Result<()> {
        let errors = findings.error_count();
        for f in findings.into_sorted() {
            self.printer.finding(&f);
        }
        if errors > 0 {
            self.printer.status(&format!(
                "{}: {what}: {errors} problem{} found; nothing was written",
                self.printer.paint(crate::printer::Style::Red, "error"),
                if errors == 1 { "" } else { "s" }
            ));
            return Err(crate::Reported(format!("{errors} problems")).into());
        }
        Ok(())
    }

    /// The project's tokens: imports the project's token files into the store when they
    /// changed since the last import (nothing is written when they have problems), then
    /// reads the store.
    pub fn project_tokens(&self, project: &Project, store: &mut Store) -> Result<Tokens> {
        sync_project_files(self, project, store, false)?;
        Ok(store.load()?)
    }
}

/// A name shown for a file: relative to the working directory or project when possible.
pub fn display_path(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Reads token files given on the command line (directories expanded).
pub fn read_files(ctx: &Context, paths: &[PathBuf]) -> Result<(Vec<TokenFile>, Findings)> {
    let mut findings = Findings::default();
    let abs: Vec<PathBuf> = paths.iter().map(|p| ctx.cwd.join(p)).collect();
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
    report_loops(&loops, |p| display_path(&ctx.cwd, p), &mut findings);
    let mut files = Vec::new();
    for path in expanded {
        let name = display_path(&ctx.cwd, &path);
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

struct ProjectFiles {
    base: Vec<TokenFile>,
    modes: Vec<(String, Vec<TokenFile>)>,
    resolver: Option<TokenFile>,
    fingerprint: String,
}

fn read_project_files(project: &Project) -> Result<(ProjectFiles, Findings)> {
    let mut findings = Findings::default();
    let mut hash = Fnv::new();
    hash.write(
        serde_yaml::to_string(&project.config)
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
    let resolver = match &project.config.resolver {
        Some(r) => read(std::slice::from_ref(r))?.into_iter().next(),
        None => None,
    };
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
        ProjectFiles {
            base,
            modes,
            resolver,
            fingerprint,
        },
        findings,
    ))
}

/// How many token files the project lists (directories expanded).
pub fn project_file_count(project: &Project) -> Result<usize> {
    let (files, _) = read_project_files(project)?;
    Ok(files.base.len()
        + files.modes.iter().map(|(_, f)| f.len()).sum::<usize>()
        + usize::from(files.resolver.is_some()))
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

/// Reads and links the project's files, without the store.
pub fn load_project_files(project: &Project, findings: &mut Findings) -> Result<Tokens> {
    let (files, read_findings) = read_project_files(project)?;
    findings.extend(read_findings);
    let input = project_input(project, &files, findings)?;
    Ok(link::link(input, findings))
}

/// The project's files as documents: the resolver (if any), the `tokens:` files, and
/// the files of each mode (the first mode's files count as base values).
fn project_input(
    project: &Project,
    files: &ProjectFiles,
    findings: &mut Findings,
) -> Result<Input> {
    let format = project_format(project)?;
    let mut input = match &files.resolver {
        Some(r) => tok::resolver::read(r, findings),
        None => Input::default(),
    };
    let base = tok::load_input(&files.base, format, findings);
    input.base.extend(base.base);
    input.mode_only_tokens |= base.mode_only_tokens;
    for (mode, docs) in base.modes {
        add_mode(&mut input.modes, mode, docs);
    }
    for (i, (mode, mode_files)) in files.modes.iter().enumerate() {
        let docs = tok::load_input(mode_files, format, findings).base;
        if i == 0 {
            input.base.extend(docs);
            add_mode(&mut input.modes, mode.clone(), Vec::new());
        } else {
            add_mode(&mut input.modes, mode.clone(), docs);
        }
    }
    Ok(input)
}

fn add_mode(modes: &mut Vec<(String, Vec<SetDocument>)>, mode: String, docs: Vec<SetDocument>) {
    match modes.iter_mut().find(|(m, _)| *m == mode) {
        Some((_, existing)) => existing.extend(docs),
        None => modes.push((mode, docs)),
    }
}

/// Store meta key: fingerprint of the project's files at the last import.
pub(crate) const FINGERPRINT_KEY: &str = "project.fingerprint";
const SETS_KEY: &str = "project.sets";

/// Imports the project's token files into the store when they changed (or `force`).
/// Tokens from other sources (e.g. `opends tokens set`) are kept unless `replace`;
/// tokens of files that left the project go with them. Where both define a token,
/// the project's files win.
pub fn sync_project_files(
    ctx: &Context,
    project: &Project,
    store: &mut Store,
    force: bool,
) -> Result<Option<crate::store::WriteSummary>> {
    sync_project(ctx, project, store, force, false)
}

/// `sync_project_files`, optionally dropping every token that is not from the project.
pub fn sync_project(
    ctx: &Context,
    project: &Project,
    store: &mut Store,
    force: bool,
    replace: bool,
) -> Result<Option<crate::store::WriteSummary>> {
    let has_sources = !project.config.tokens.is_empty()
        || project.config.resolver.is_some()
        || !project.config.modes.is_empty();
    if !has_sources && !replace {
        return Ok(None);
    }
    let (files, read_findings) = read_project_files(project)?;
    if !force && store.meta(FINGERPRINT_KEY)?.as_deref() == Some(files.fingerprint.as_str()) {
        return Ok(None);
    }
    let mut findings = read_findings;
    let input = project_input(project, &files, &mut findings)?;
    let new_sets: HashSet<String> = input
        .base
        .iter()
        .chain(input.modes.iter().flat_map(|(_, d)| d))
        .map(|d| d.set.clone())
        .collect();
    let old_sets: HashSet<String> = store
        .meta(SETS_KEY)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let result = store.update(|current| -> Result<Option<Tokens>> {
        // What did not come from the project's files (now or before) is kept, first, so
        // that the project's files win where both define a token.
        let kept = if replace {
            Input::default()
        } else {
            link::documents_from(&current, |set| {
                !new_sets.contains(set) && !old_sets.contains(set)
            })
        };
        let mut merged = Input {
            base: kept.base,
            modes: Vec::new(),
            mode_only_tokens: input.mode_only_tokens,
        };
        merged.base.extend(input.base);
        for (mode, docs) in input.modes {
            add_mode(&mut merged.modes, mode, docs);
        }
        for (mode, docs) in kept.modes {
            let at = merged.modes.iter().position(|(m, _)| *m == mode);
            match at {
                // Kept values go before the project's, which win.
                Some(i) => {
                    let project_docs = std::mem::take(&mut merged.modes[i].1);
                    merged.modes[i].1 = docs;
                    merged.modes[i].1.extend(project_docs);
                }
                None => merged.modes.push((mode, docs)),
            }
        }
        let tokens = link::link(merged, &mut findings);
        if findings.has_errors() {
            anyhow::bail!("invalid token files");
        }
        Ok(Some(tokens))
    })?;
    match result {
        Ok(summary) => {
            store.set_meta(FINGERPRINT_KEY, &files.fingerprint)?;
            let mut sets: Vec<&String> = new_sets.iter().collect();
            sets.sort();
            store.set_meta(SETS_KEY, &serde_json::to_string(&sets)?)?;
            for f in findings.iter() {
                ctx.printer.finding(f);
            }
            ctx.printer.detail(&format!(
                "imported the project's token files: {} added, {} changed, {} removed",
                summary.added, summary.changed, summary.removed
            ));
            Ok(Some(summary))
        }
        Err(e) if !findings.has_errors() => Err(e),
        Err(_) => {
            ctx.report(findings, "the project's token files")?;
            Err(crate::Reported("invalid token files".into()).into())
        }
    }
}

/// FNV-1a, 64 bit: a fast fingerprint of the project's files (change detection only).
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
