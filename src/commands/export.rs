//! `opends export tokens`: render every output first (so bad input writes nothing),
//! then write only files whose content changed, each via a temp file renamed into
//! place; a file opends did not write is never replaced without `--force`; `--check`
//! writes nothing and lists stale files.

use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::ExportTokensArgs;
use crate::output::manifest;
use crate::output::{Counts, FileReport, Publish};
use crate::project::{self, export::Source};
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
    let publish = Publish {
        check,
        force,
        writers: 1,
    };
    let request = project::export::Request {
        formats: &formats,
        out: ctx.cwd.join(&out),
        mode: mode.as_deref(),
        allow_empty,
        cwd: &ctx.cwd,
        publish,
    };
    // `--check` writes nothing: it never creates a store either.
    let store;
    let db;
    let source = if let Some(v) = &version {
        store = ctx.store_for(project.as_ref(), check)?;
        Source::Version(&store, v)
    } else if inputs.is_empty() {
        let mut opened = ctx.store_for(project.as_ref(), check)?;
        if let Some(p) = &project {
            ctx.import_tokens(p, &mut opened, false, false)?;
        }
        store = opened;
        db = ctx.db_path(project.as_ref()).ok().filter(|p| p.is_file());
        Source::Working {
            store: &store,
            db: db.as_deref(),
        }
    } else {
        let (files, mut findings) = project::read_files(&ctx.cwd, &inputs)?;
        let reading = project::reading(input_format, strict, project.as_ref());
        let tokens = tok::load_files(&files, reading, &mut findings);
        ctx.report(findings, "export")?;
        Source::Files(tokens)
    };
    let mut record = ctx.write_record(project.as_ref());
    let done = project::export::export(project.as_ref(), source, &request, &mut record, &|p| {
        ctx.display(p)
    })?;
    if done.up_to_date {
        ctx.printer.detail(manifest::UP_TO_DATE);
    }
    if let Some(w) = &done.warning {
        ctx.printer.warn(w);
    }
    let stale = Counts::of(&done.reports).stale;
    if json {
        #[derive(Serialize)]
        struct Summary<'a> {
            tokens: usize,
            modes: &'a [String],
            files: &'a [FileReport],
        }
        ctx.printer.json(&Summary {
            tokens: done.tokens,
            modes: &done.modes,
            files: &done.reports,
        })?;
    } else {
        print_reports(ctx, done.tokens, done.modes.len(), &done.reports, check);
    }
    Ok(if stale > 0 {
        Outcome::Found
    } else {
        Outcome::Success
    })
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
