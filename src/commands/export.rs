//! `opends export tokens`: render every output first (so bad input writes nothing),
//! then write only files whose content changed, each via a temp file renamed into
//! place; `--check` writes nothing and lists stale files.

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

/// Writes `contents` to `path` unless it holds exactly that already; with `check`,
/// writes nothing and reports stale or missing files.
pub(crate) fn sync_file(
    ctx: &Context,
    path: &Path,
    contents: &[u8],
    check: bool,
    format: &'static str,
) -> Result<FileReport> {
    sync_file_hinted(ctx, path, contents, check, format, true)
}

/// `sync_file` for a caller that knows the file does not exist (`may_exist` false): it
/// is not read first.
pub(crate) fn sync_file_hinted(
    ctx: &Context,
    path: &Path,
    contents: &[u8],
    check: bool,
    format: &'static str,
    may_exist: bool,
) -> Result<FileReport> {
    let existing = if may_exist { fs::read(path).ok() } else { None };
    let same = existing.as_deref() == Some(contents);
    let status = match (check, same, existing.is_some()) {
        (_, true, _) => FileStatus::Unchanged,
        (true, false, true) => FileStatus::Stale,
        (true, false, false) => FileStatus::Missing,
        (false, false, true) => {
            write_atomic(path, contents)
                .with_context(|| format!("could not write `{}`", path.display()))?;
            FileStatus::Written
        }
        // A new file has no old content to protect: create it in place (one file-system
        // operation instead of three; a write cut short is rewritten by the next run).
        (false, false, false) => {
            write_new(path, contents)
                .with_context(|| format!("could not write `{}`", path.display()))?;
            FileStatus::Written
        }
    };
    Ok(FileReport {
        path: super::display_path(&ctx.cwd, path),
        format,
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
    let mut reports = Vec::new();
    for (format, file) in &rendered {
        let path = if file.path.is_absolute() {
            file.path.clone()
        } else {
            base.join(&file.path)
        };
        reports.push(sync_file(
            ctx,
            &path,
            file.contents.as_bytes(),
            check,
            format.as_str(),
        )?);
    }
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

/// Creates `path` (and its directory when missing) holding `bytes`.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match fs::write(path, bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::write(path, bytes)
        }
        other => other,
    }
}

/// Writes `bytes` to `path` via a temp file in the same directory, renamed into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}
