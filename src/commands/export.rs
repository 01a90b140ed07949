//! `opends export tokens`: render every output first (so bad input writes nothing),
//! then write only files whose content changed, each via a temp file renamed into
//! place; a file opends did not write is never replaced without `--force`; `--check`
//! writes nothing and lists stale files.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::{Context, read_files};
use crate::Outcome;
use crate::cli::ExportTokensArgs;
use crate::export::{self, ExportFormat, File, Options};
use crate::model::Tokens;
use crate::printer::Style;
use crate::settings::Project;
use crate::tokens::{self as tok};

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    /// Written (new or changed).
    Written,
    /// Already up to date; not touched.
    Unchanged,
    /// `--check`: differs from what would be written.
    Stale,
    /// `--check`: does not exist.
    Missing,
}

/// One output file and what happened to it.
#[derive(Debug, Serialize)]
pub(crate) struct FileReport {
    /// As shown (relative to the working directory).
    pub(crate) path: String,
    /// The format or framework that made it.
    pub(crate) format: &'static str,
    /// What happened.
    pub(crate) status: FileStatus,
}

/// What writing one file would do, decided before anything is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plan {
    /// It holds exactly these bytes already.
    Unchanged,
    /// It does not exist.
    Create,
    /// It exists, differs, and opends wrote it (header or record).
    Replace,
    /// It exists, differs, and opends did not write it: replaced only with `--force`.
    Foreign,
}

/// One file to write and what writing it would do.
pub(crate) struct PlannedFile<'a> {
    /// Where.
    pub(crate) path: PathBuf,
    /// What.
    pub(crate) contents: &'a [u8],
    /// The format or framework that made it.
    pub(crate) format: &'static str,
    /// What writing it would do.
    pub(crate) plan: Plan,
}

/// How many leading lines may precede the generated-file header.
const HEADER_LINES: usize = 5;

/// Whether `bytes` start with one of opends' generated-file headers.
pub(crate) fn has_header(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    head.lines()
        .take(HEADER_LINES)
        .any(|l| l.contains(crate::export::HEADER) || l.contains(crate::codegen::HEADER))
}

/// The files opends wrote that carry no header (JSON cannot hold one): their paths and
/// a hash of the bytes written, kept beside the store as `written.json`. A file whose
/// bytes still hash the same was written by opends and may be replaced.
#[derive(Debug, Default)]
pub(crate) struct WriteRecord {
    file: Option<PathBuf>,
    entries: BTreeMap<String, String>,
    changed: bool,
}

fn content_hash(bytes: &[u8]) -> String {
    let mut h = super::Fnv::new();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

fn record_key(path: &Path) -> String {
    let abs = path
        .parent()
        .and_then(|d| fs::canonicalize(d).ok())
        .map_or_else(
            || path.to_path_buf(),
            |d| d.join(path.file_name().unwrap_or_default()),
        );
    abs.to_string_lossy().into_owned()
}

impl WriteRecord {
    /// The record of the store's directory (none without a store: then only headers
    /// mark opends' files).
    pub(crate) fn open(ctx: &Context, project: Option<&Project>) -> Self {
        let Some(file) = ctx
            .db_path(project)
            .ok()
            .and_then(|db| db.parent().map(|d| d.join("written.json")))
        else {
            return Self::default();
        };
        let entries = fs::read(&file)
            .ok()
            .and_then(|b| serde_json::from_slice::<BTreeMap<String, String>>(&b).ok())
            .unwrap_or_default();
        Self {
            file: Some(file),
            entries,
            changed: false,
        }
    }

    fn holds(&self, path: &Path, bytes: &[u8]) -> bool {
        self.entries
            .get(&record_key(path))
            .is_some_and(|h| *h == content_hash(bytes))
    }

    /// Notes that `bytes` were written to `path` (only files without a header need it).
    pub(crate) fn wrote(&mut self, path: &Path, bytes: &[u8]) {
        if has_header(bytes) {
            return;
        }
        let hash = content_hash(bytes);
        if self.entries.insert(record_key(path), hash.clone()) != Some(hash) {
            self.changed = true;
        }
    }

    /// Saves the record when it changed (a lost record only means a later `--force`).
    pub(crate) fn save(&self) -> Result<()> {
        match &self.file {
            Some(file) if self.changed && file.parent().is_some_and(Path::is_dir) => {
                let text = serde_json::to_string_pretty(&self.entries)?;
                crate::output::write_atomic(file, text.as_bytes())
                    .with_context(|| format!("could not write `{}`", file.display()))
            }
            _ => Ok(()),
        }
    }
}

/// What writing `contents` to `path` would do (`may_exist` false: the caller knows the
/// file does not exist, so it is not read).
pub(crate) fn plan_file(
    path: &Path,
    contents: &[u8],
    may_exist: bool,
    record: &WriteRecord,
) -> Plan {
    let existing = if may_exist { fs::read(path).ok() } else { None };
    match existing {
        None => Plan::Create,
        Some(old) if old == contents => Plan::Unchanged,
        Some(old) if has_header(&old) || record.holds(path, &old) => Plan::Replace,
        Some(_) => Plan::Foreign,
    }
}

/// Whether `path` is one of the token files (or inside a token directory) the project
/// reads: an output must never replace its own input.
fn is_token_input(project: &Project, path: &Path) -> bool {
    let Ok(path) = fs::canonicalize(path) else {
        return false;
    };
    let config = &project.config;
    config
        .tokens
        .iter()
        .chain(config.modes.values().flatten())
        .chain(config.resolver.iter())
        .filter_map(|rel| fs::canonicalize(project.path(rel)).ok())
        .any(|input| path.starts_with(input))
}

/// Stops the run, before anything is written, when a planned file would replace one that
/// opends did not write; `allowed` with `--force`, or when nothing is written (`--check`).
pub(crate) fn refuse_foreign(
    ctx: &Context,
    planned: &[PlannedFile<'_>],
    allowed: bool,
) -> Result<()> {
    let list: Vec<String> = planned
        .iter()
        .filter(|f| f.plan == Plan::Foreign)
        .map(|f| format!("`{}`", super::display_path(&ctx.cwd, &f.path)))
        .collect();
    if allowed || list.is_empty() {
        return Ok(());
    }
    Err(crate::hinted(
        format!(
            "refusing to replace {} file{} that opends did not write (no generated header): {}; nothing was written",
            list.len(),
            if list.len() == 1 { "" } else { "s" },
            list.join(", ")
        ),
        "move them away, choose another output directory, or pass `--force` to overwrite them",
    ))
}

/// Writes one planned file (nothing with `check`) and reports what happened.
pub(crate) fn apply_plan(ctx: &Context, file: &PlannedFile<'_>, check: bool) -> Result<FileReport> {
    let status = match (file.plan, check) {
        (Plan::Unchanged, _) => FileStatus::Unchanged,
        (Plan::Create, true) => FileStatus::Missing,
        (Plan::Replace | Plan::Foreign, true) => FileStatus::Stale,
        (_, false) => {
            crate::output::write_atomic(&file.path, file.contents)
                .with_context(|| format!("could not write `{}`", file.path.display()))?;
            FileStatus::Written
        }
    };
    Ok(FileReport {
        path: super::display_path(&ctx.cwd, &file.path),
        format: file.format,
        status,
    })
}

/// The last line of a `--check` run.
pub(crate) fn print_check_summary(ctx: &Context, total: usize, stale: usize, fix: &str) {
    if stale == 0 {
        ctx.printer.status(&format!(
            "{} {total} files up to date",
            ctx.printer.paint(Style::Green, "ok:")
        ));
    } else {
        ctx.printer.status(&format!(
            "{} {stale} of {total} files stale or missing; run `{fix}` to update them",
            ctx.printer.paint(Style::Red, "check failed:")
        ));
    }
}

/// Prints one line per written, stale or missing file (unchanged ones with `--verbose`).
pub(crate) fn print_file_lines(ctx: &Context, reports: &[FileReport], check: bool) {
    for r in reports {
        let label = match r.status {
            FileStatus::Written => ctx.printer.paint(Style::Green, "wrote"),
            FileStatus::Unchanged => ctx.printer.paint(Style::Dim, "unchanged"),
            FileStatus::Stale => ctx.printer.paint(Style::Red, "stale"),
            FileStatus::Missing => ctx.printer.paint(Style::Red, "missing"),
        };
        if r.status == FileStatus::Unchanged && !check {
            ctx.printer.detail(&format!("unchanged {}", r.path));
        } else {
            ctx.printer.status(&format!("{label} {}", r.path));
        }
    }
}

/// `opends export tokens` (with `--watch`, again on every change).
pub fn tokens(ctx: &Context, args: ExportTokensArgs) -> Result<Outcome> {
    if !args.watch {
        return tokens_once(ctx, args);
    }
    let project = ctx.project_opt()?;
    let (roots, inputs) = if let Some(p) = &project {
        let mut inputs = vec![p.config_path()];
        inputs.extend(super::generate::watched_inputs(p));
        inputs.extend(args.inputs.iter().map(|i| ctx.cwd.join(i)));
        (vec![p.root.clone()], inputs)
    } else {
        let inputs: Vec<PathBuf> = args.inputs.iter().map(|i| ctx.cwd.join(i)).collect();
        (vec![ctx.cwd.clone()], inputs)
    };
    let mut ignore = vec![ctx.cwd.join(&args.out)];
    if let Some(p) = &project {
        ignore.push(p.root.join(".opends"));
        ignore.extend(p.config.outputs.iter().map(|o| p.path(&o.path)));
    }
    crate::watch::run(&ctx.printer, &roots, &inputs, &ignore, || {
        tokens_once(ctx, args.clone()).map(|_| ())
    })?;
    Ok(Outcome::Success)
}

fn tokens_once(ctx: &Context, args: ExportTokensArgs) -> Result<Outcome> {
    let ExportTokensArgs {
        formats,
        out,
        inputs,
        input_format,
        mode,
        check,
        json,
        watch: _,
        version,
        force,
    } = args;
    let project = if inputs.is_empty() && ctx.global.db.is_none() {
        Some(ctx.project().map_err(|e| {
            crate::hinted(
                e.to_string(),
                "run `opends init` to create a project (or pass `-C DIR`), read files with `--input PATH`, or name a store with `--db PATH`",
            )
        })?)
    } else {
        ctx.project_opt()?
    };
    let tokens = if let Some(v) = &version {
        let store = ctx.store(project.as_ref())?;
        super::versions::snapshot_of(&store, v)?.tokens
    } else if inputs.is_empty() {
        let mut store = ctx.store(project.as_ref())?;
        match &project {
            Some(p) => ctx.project_tokens(p, &mut store)?,
            None => store.load()?,
        }
    } else {
        let (files, mut findings) = read_files(ctx, &inputs)?;
        let tokens = tok::load_files(&files, input_format, &mut findings);
        ctx.report(findings, "export")?;
        tokens
    };
    let base = project
        .as_ref()
        .map_or_else(|| ctx.cwd.clone(), |p| p.root.clone());
    let outputs = expand_modes(
        plan(ctx, project.as_ref(), &formats, &out, mode.as_deref())?,
        &tokens.modes,
    );
    // Render everything before writing anything; outputs are independent, so they are
    // rendered on all cores.
    let results: Vec<Result<Vec<File>, export::ExportError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = outputs
            .iter()
            .map(|(format, opts)| {
                let tokens = &tokens;
                scope.spawn(move || export::render(*format, tokens, opts))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("an exporter panicked"))
            .collect()
    });
    let mut rendered: Vec<(ExportFormat, File)> = Vec::new();
    for ((format, _), files) in outputs.iter().zip(results) {
        let files = files.with_context(|| format!("could not export {}", format.as_str()))?;
        rendered.extend(files.into_iter().map(|f| (*format, f)));
    }
    // Decide every file first: a file opends did not write stops the run before
    // anything is written (unless `--force`).
    let mut record = WriteRecord::open(ctx, project.as_ref());
    let from_config = formats.is_empty();
    let planned: Vec<PlannedFile<'_>> = rendered
        .iter()
        .map(|(format, file)| {
            let path = if file.path.is_absolute() {
                file.path.clone()
            } else {
                base.join(&file.path)
            };
            let plan = match plan_file(&path, file.contents.as_bytes(), true, &record) {
                // A JSON output named in opends.yaml cannot carry a header, and a fresh
                // clone has no record of writing it: the project file is the claim,
                // except over one of the project's own token files.
                Plan::Foreign
                    if from_config
                        && matches!(format, ExportFormat::Json | ExportFormat::Dtcg)
                        && !project.as_ref().is_some_and(|p| is_token_input(p, &path)) =>
                {
                    Plan::Replace
                }
                plan => plan,
            };
            PlannedFile {
                path,
                contents: file.contents.as_bytes(),
                format: format.as_str(),
                plan,
            }
        })
        .collect();
    refuse_foreign(ctx, &planned, check || force)?;
    let mut reports = Vec::new();
    for file in &planned {
        let report = apply_plan(ctx, file, check)?;
        if report.status == FileStatus::Written {
            record.wrote(&file.path, file.contents);
        }
        reports.push(report);
    }
    record.save()?;
    let stale = reports
        .iter()
        .filter(|r| matches!(r.status, FileStatus::Stale | FileStatus::Missing))
        .count();
    if json {
        #[derive(Serialize)]
        struct Summary<'a> {
            tokens: usize,
            modes: &'a [String],
            files: &'a [FileReport],
        }
        ctx.printer.json(&Summary {
            tokens: tokens.len(),
            modes: &tokens.modes,
            files: &reports,
        })?;
    } else {
        print_reports(ctx, &tokens, &reports, check);
    }
    // The process ends right after this; freeing a large token tree only costs time.
    std::mem::forget(rendered);
    std::mem::forget(tokens);
    Ok(if stale > 0 {
        Outcome::Found
    } else {
        Outcome::Success
    })
}

/// How many files were written and left unchanged.
pub(crate) fn counts(reports: &[FileReport]) -> (usize, usize) {
    let count = |s: FileStatus| reports.iter().filter(|r| r.status == s).count();
    (count(FileStatus::Written), count(FileStatus::Unchanged))
}

fn print_reports(ctx: &Context, tokens: &Tokens, reports: &[FileReport], check: bool) {
    print_file_lines(ctx, reports, check);
    let (written, unchanged) = counts(reports);
    let stale = reports.len() - written - unchanged;
    if check {
        print_check_summary(ctx, reports.len(), stale, "opends export tokens");
    } else {
        ctx.printer.status(&format!(
            "exported {} tokens{}: {written} written, {unchanged} unchanged",
            tokens.len(),
            if tokens.modes.len() > 1 {
                format!(" in {} modes", tokens.modes.len())
            } else {
                String::new()
            }
        ));
    }
}

/// Which outputs to write: `--format` ones into `--out`, else `outputs:` in opends.yaml.
fn plan(
    ctx: &Context,
    project: Option<&Project>,
    formats: &[ExportFormat],
    out: &Path,
    mode: Option<&str>,
) -> Result<Vec<(ExportFormat, Options)>> {
    let mut plan = Vec::new();
    if formats.is_empty() {
        let Some(project) = project.filter(|p| !p.config.outputs.is_empty()) else {
            return Err(crate::hinted(
                "nothing to export: no `--format` given and no `outputs:` in opends.yaml",
                "pass `--format css` (repeatable) or list outputs in opends.yaml",
            ));
        };
        for o in &project.config.outputs {
            let mut opts = Options::new(o.format, PathBuf::from(&o.path));
            if let Some(c) = o.name_case {
                opts.name_case = c;
            }
            opts.prefix.clone_from(&o.prefix);
            opts.mode = mode.map(str::to_string).or_else(|| o.mode.clone());
            opts.media_query = o.media_query;
            if let Some(s) = &o.selector {
                opts.selector.clone_from(s);
            }
            if let Some(s) = &o.mode_selector {
                opts.mode_selector.clone_from(s);
            }
            plan.push((o.format, opts));
        }
        return Ok(plan);
    }
    let dir = ctx.cwd.join(out);
    let mut seen = Vec::new();
    for f in formats {
        if seen.contains(f) {
            continue;
        }
        seen.push(*f);
        let mut opts = Options::new(*f, dir.join(f.default_file()));
        // Per-format settings from opends.yaml still apply (naming, prefix, selectors).
        if let Some(o) = project.and_then(|p| p.config.outputs.iter().find(|o| o.format == *f)) {
            if let Some(c) = o.name_case {
                opts.name_case = c;
            }
            opts.prefix.clone_from(&o.prefix);
            opts.media_query = o.media_query;
            if let Some(s) = &o.selector {
                opts.selector.clone_from(s);
            }
            if let Some(s) = &o.mode_selector {
                opts.mode_selector.clone_from(s);
            }
        }
        opts.mode = mode.map(str::to_string);
        plan.push((*f, opts));
    }
    Ok(plan)
}

/// An output whose path holds `{mode}` becomes one output per mode (e.g.
/// `dist/tokens.{mode}.json` -> `dist/tokens.light.json`, `dist/tokens.dark.json`).
fn expand_modes(
    outputs: Vec<(ExportFormat, Options)>,
    modes: &[String],
) -> Vec<(ExportFormat, Options)> {
    let mut out = Vec::with_capacity(outputs.len());
    for (format, opts) in outputs {
        let text = opts.path.to_string_lossy().into_owned();
        if !text.contains("{mode}") {
            out.push((format, opts));
            continue;
        }
        let names: Vec<String> = match &opts.mode {
            Some(m) => vec![m.clone()],
            None if modes.is_empty() => vec!["default".to_string()],
            None => modes.to_vec(),
        };
        for m in names {
            let mut o = opts.clone();
            o.path = PathBuf::from(text.replace("{mode}", &m));
            if !modes.is_empty() {
                o.mode = Some(m);
            }
            out.push((format, o));
        }
    }
    out
}
