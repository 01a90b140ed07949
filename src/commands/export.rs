//! `opends export tokens`: render every output first (so bad input writes nothing),
//! then write only files whose content changed, each via a temp file renamed into
//! place; a file opends did not write is never replaced without `--force`; `--check`
//! writes nothing and lists stale files.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::ExportTokensArgs;
use crate::export::{self, ExportFormat, File};
use crate::output::manifest::{self, Fingerprint, Job};
use crate::output::{Counts, FileReport, Plan, PlannedFile, Publish, plan_file, publish};
use crate::project;
use crate::settings::Project;
use crate::store::Store;
use crate::tokens::{self as tok};

/// `opends export tokens` (with `--watch`, again on every change).
pub fn tokens(ctx: &Context, args: ExportTokensArgs) -> Result<Outcome> {
    if !args.watch {
        return tokens_once(ctx, args);
    }
    let project = ctx.project_opt()?;
    let (roots, inputs) = if let Some(p) = &project {
        let mut inputs = vec![p.config_path()];
        inputs.extend(project::watched_inputs(p));
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
        ctx.reload();
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
        strict,
        mode,
        check,
        json,
        watch: _,
        version,
        force,
        allow_empty,
    } = args;
    let project = if inputs.is_empty() && ctx.global.db.is_none() {
        Some(ctx.project().map_err(|e| {
            crate::hinted(
                e.to_string(),
                "create a project and its store with `opends init` (then `opends tokens import`), run inside one (`-C DIR`), or read files with `--input PATH`",
            )
        })?)
    } else {
        ctx.project_opt()?
    }
    .map(|mut p| {
        p.config.strict |= strict;
        p
    });
    // `--check` writes nothing: it never creates a store either.
    let mut job = None;
    let tokens = if let Some(v) = &version {
        let store = ctx.store_for(project.as_ref(), check)?;
        project::snapshot_of(&store, v)?.tokens
    } else if inputs.is_empty() {
        let mut store = ctx.store_for(project.as_ref(), check)?;
        if let Some(p) = &project {
            ctx.import_tokens(p, &mut store, false, false)?;
            job = export_job(ctx, p, &store, &formats, &out, mode.as_deref(), allow_empty)?;
            if let Some(hit) = job
                .as_ref()
                .filter(|_| !force)
                .and_then(|j| j.up_to_date(!check))
            {
                ctx.printer.detail(manifest::UP_TO_DATE);
                return report_hit(ctx, &hit, check, json);
            }
        }
        store.load()?
    } else {
        let (files, mut findings) = project::read_files(&ctx.cwd, &inputs)?;
        let reading = project::reading(input_format, strict, project.as_ref());
        let tokens = tok::load_files(&files, reading, &mut findings);
        ctx.report(findings, "export")?;
        tokens
    };
    let base = project
        .as_ref()
        .map_or_else(|| ctx.cwd.clone(), |p| p.root.clone());
    let outputs = project::expand_modes(
        project::outputs(
            project.as_ref(),
            &formats,
            &ctx.cwd.join(&out),
            mode.as_deref(),
        )?,
        &tokens,
    );
    if !allow_empty {
        // Sources are checked in the working tokens only: a released version may
        // predate a source, and `--input` files are not the project's.
        let working = project
            .as_ref()
            .filter(|_| version.is_none() && inputs.is_empty());
        project::check_tokens(working, &tokens).map_err(|e| nothing_to_export(&e))?;
    }
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
    let mut record = ctx.write_record(project.as_ref());
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
                        && !project
                            .as_ref()
                            .is_some_and(|p| project::is_token_input(p, &path)) =>
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
    let how = Publish {
        check,
        force,
        writers: 1,
    };
    let reports = publish(&planned, &mut record, how, &|p| ctx.display(p))?;
    let stale = Counts::of(&reports).stale;
    if let Some(job) = &job {
        if !check {
            let summary = serde_json::json!({ "tokens": tokens.len(), "modes": tokens.modes });
            if let Err(e) = job.record(&planned, summary, None) {
                ctx.printer.warn(&format!("{e:#}"));
            }
        }
    }
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
        print_reports(ctx, tokens.len(), tokens.modes.len(), &reports, check);
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

/// The error of a run that would export nothing, or lose a source's tokens.
fn nothing_to_export(e: &project::NothingTo) -> anyhow::Error {
    let hint = match e {
        project::NothingTo::Unsynced(_) => {
            "run `opends sync` (and commit what it writes), or `opends pull` from the team server; pass `--allow-empty` to export anyway"
        }
        _ => {
            "add token files (`tokens:` in opends.yaml), run `opends sync` or `opends tokens import`, or pass `--allow-empty`"
        }
    };
    crate::hinted(format!("{e}; nothing was written"), hint)
}

/// The no-op record of a project export from the store: its key is every output it
/// writes, its inputs the store's revision, the project's settings and the options.
/// None without a store file (nothing is recorded for an in-memory store).
fn export_job(
    ctx: &Context,
    project: &Project,
    store: &Store,
    formats: &[ExportFormat],
    out: &Path,
    mode: Option<&str>,
    allow_empty: bool,
) -> Result<Option<Job>> {
    // An error here is reported by the full run, in its place.
    let Ok(outputs) = project::outputs(Some(project), formats, &ctx.cwd.join(out), mode) else {
        return Ok(None);
    };
    let key = format!("export tokens {} {outputs:?}", ctx.cwd.display());
    let mut inputs = Fingerprint::new("export tokens");
    inputs
        .add("project", format!("{project:?}").as_bytes())
        .add("allow_empty", &[u8::from(allow_empty)]);
    Ok(Job::over_store(
        &ctx.db_path(Some(project))?,
        store.revision()?,
        &key,
        &mut inputs,
    ))
}

/// Reports an export whose files are all up to date, as a run that rendered them would.
fn report_hit(ctx: &Context, hit: &manifest::Hit, check: bool, json: bool) -> Result<Outcome> {
    let reports = hit.reports(
        |p| ctx.display(p),
        |f| {
            ExportFormat::ALL
                .iter()
                .find(|x| x.as_str() == f)
                .map_or("", |x| x.as_str())
        },
    );
    let tokens = hit.count("tokens");
    let modes: Vec<String> = hit.summary["modes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| m.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    if json {
        #[derive(Serialize)]
        struct Summary<'a> {
            tokens: usize,
            modes: &'a [String],
            files: &'a [FileReport],
        }
        ctx.printer.json(&Summary {
            tokens,
            modes: &modes,
            files: &reports,
        })?;
    } else {
        print_reports(ctx, tokens, modes.len(), &reports, check);
    }
    Ok(Outcome::Success)
}

fn print_reports(ctx: &Context, tokens: usize, modes: usize, reports: &[FileReport], check: bool) {
    ctx.print_file_lines(reports, check);
    let Counts {
        written, unchanged, ..
    } = Counts::of(reports);
    if check {
        ctx.print_check_summary(reports, "opends export tokens");
    } else {
        ctx.printer.status(&format!(
            "exported {tokens} tokens{}: {written} written, {unchanged} unchanged",
            if modes > 1 {
                format!(" in {modes} modes")
            } else {
                String::new()
            }
        ));
    }
}
