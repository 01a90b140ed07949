//! Token export for a project, as one call: the outputs (from `--format` or
//! opends.yaml, one per mode or context), rendered on all cores before anything is
//! written, then written through `output` (only changed files; never a file opends did
//! not write without `force`), answered from the output manifest when nothing changed
//! since the last run.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::export::{self, ExportFormat, File};
use crate::model::Tokens;
use crate::output::manifest::{Fingerprint, Job};
use crate::output::{FileReport, Plan, PlannedFile, Publish, WriteRecord, plan_file, publish};
use crate::settings::Project;
use crate::store::Store;

use super::{NothingTo, check_tokens, expand_modes, is_token_input, outputs, snapshot_of};

/// Where the tokens come from.
pub enum Source<'a> {
    /// The store's working state; `db` is its file, where the no-op manifest is kept
    /// (none: always render).
    Working {
        /// The store (already synced with the project's files).
        store: &'a Store,
        /// The store's file.
        db: Option<&'a Path>,
    },
    /// A released version in the store.
    Version(&'a Store, &'a str),
    /// Tokens read from files outside the project (`--input`).
    Files(Tokens),
}

/// One export.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// `--format` outputs; the project's `outputs:` when empty.
    pub formats: &'a [ExportFormat],
    /// The directory of `--format` outputs.
    pub out: PathBuf,
    /// Only this mode (or choice of contexts).
    pub mode: Option<&'a str>,
    /// Export even when nothing (or not every source) is there.
    pub allow_empty: bool,
    /// The working directory (part of what tells one job from another).
    pub cwd: &'a Path,
    /// How files are written (`check`; `force` also renders when the manifest says
    /// nothing changed).
    pub publish: Publish,
}

/// What an export did.
#[derive(Debug)]
pub struct Exported {
    /// Tokens exported.
    pub tokens: usize,
    /// Their modes (keys).
    pub modes: Vec<String>,
    /// Every file, in order.
    pub reports: Vec<FileReport>,
    /// Nothing changed since the last run: nothing was rendered.
    pub up_to_date: bool,
    /// The run's record could not be kept (the next run renders again).
    pub warning: Option<String>,
}

/// Exports `source`'s tokens as `req` says. `record` holds which files opends wrote;
/// files are named by `display`.
pub fn export(
    project: Option<&Project>,
    source: Source<'_>,
    req: &Request<'_>,
    record: &mut WriteRecord,
    display: &(dyn Fn(&Path) -> String + Sync),
) -> Result<Exported> {
    let working = matches!(source, Source::Working { .. });
    let mut job = None;
    let tokens = match source {
        Source::Version(store, v) => snapshot_of(store, v)?.tokens,
        Source::Files(tokens) => tokens,
        Source::Working { store, db } => {
            if let (Some(p), Some(db)) = (project, db) {
                job = export_job(p, store, db, req)?;
            }
            if let Some(hit) = job
                .as_ref()
                .filter(|_| !req.publish.force)
                .and_then(|j| j.up_to_date(!req.publish.check))
            {
                let modes = hit.summary["modes"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|m| m.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                return Ok(Exported {
                    tokens: hit.count("tokens"),
                    modes,
                    reports: hit.reports(display, format_name),
                    up_to_date: true,
                    warning: None,
                });
            }
            store.load()?
        }
    };
    let base = project.map_or_else(|| req.cwd.to_path_buf(), |p| p.root.clone());
    let outputs = expand_modes(outputs(project, req.formats, &req.out, req.mode)?, &tokens);
    if !req.allow_empty {
        // Sources are checked in the working tokens only: a released version may
        // predate a source, and `--input` files are not the project's.
        check_tokens(project.filter(|_| working), &tokens).map_err(|e| nothing_to_export(&e))?;
    }
    // Render everything before writing anything; outputs are independent, so they are
    // rendered on all cores, after one check of the output budget.
    let budgeted = export::Budgeted::check(&tokens).context("could not export")?;
    let results: Vec<Result<Vec<File>, export::ExportError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = outputs
            .iter()
            .map(|(format, opts)| {
                let budgeted = &budgeted;
                scope.spawn(move || export::render_budgeted(*format, budgeted, opts))
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
    // anything is written (unless `force`).
    let from_config = req.formats.is_empty();
    let planned: Vec<PlannedFile<'_>> = rendered
        .iter()
        .map(|(format, file)| {
            let path = if file.path.is_absolute() {
                file.path.clone()
            } else {
                base.join(&file.path)
            };
            let plan = match plan_file(&path, file.contents.as_bytes(), true, record) {
                // A JSON output named in opends.yaml cannot carry a header, and a fresh
                // clone has no record of writing it: the project file is the claim,
                // except over one of the project's own token files.
                Plan::Foreign
                    if from_config
                        && matches!(format, ExportFormat::Json | ExportFormat::Dtcg)
                        && !project.is_some_and(|p| is_token_input(p, &path)) =>
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
    let reports = publish(&planned, record, req.publish, display)?;
    let mut warning = None;
    if let Some(job) = job.as_ref().filter(|_| !req.publish.check) {
        let summary = serde_json::json!({ "tokens": tokens.len(), "modes": tokens.modes });
        if let Err(e) = job.record(&planned, summary, None) {
            warning = Some(format!("{e:#}"));
        }
    }
    let done = Exported {
        tokens: tokens.len(),
        modes: tokens.modes.clone(),
        reports,
        up_to_date: false,
        warning,
    };
    drop(planned);
    // The process ends soon after this; freeing a large token tree only costs time.
    std::mem::forget(rendered);
    std::mem::forget(tokens);
    Ok(done)
}

/// The run's own name for a recorded format.
fn format_name(recorded: &str) -> &'static str {
    ExportFormat::ALL
        .iter()
        .find(|x| x.as_str() == recorded)
        .map_or("", |x| x.as_str())
}

/// The no-op record of a project export from the store: its key is every output it
/// writes, its inputs the store's revision, the project's settings and the options.
fn export_job(
    project: &Project,
    store: &Store,
    db: &Path,
    req: &Request<'_>,
) -> Result<Option<Job>> {
    // An error here is reported by the full run, in its place.
    let Ok(outputs) = outputs(Some(project), req.formats, &req.out, req.mode) else {
        return Ok(None);
    };
    let key = format!("export tokens {} {outputs:?}", req.cwd.display());
    let mut inputs = Fingerprint::new("export tokens");
    inputs
        .add("project", format!("{project:?}").as_bytes())
        .add("allow_empty", &[u8::from(req.allow_empty)]);
    Ok(Job::over_store(db, store.revision()?, &key, &mut inputs))
}

/// The error of a run that would export nothing, or lose a source's tokens.
fn nothing_to_export(e: &NothingTo) -> anyhow::Error {
    let hint = match e {
        NothingTo::Unsynced(_) => {
            "run `opends sync` (and commit what it writes), or `opends pull` from the team server; pass `--allow-empty` to export anyway"
        }
        _ => {
            "add token files (`tokens:` in opends.yaml), run `opends sync` or `opends tokens import`, or pass `--allow-empty`"
        }
    };
    crate::hinted(format!("{e}; nothing was written"), hint)
}
