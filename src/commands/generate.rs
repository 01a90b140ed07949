//! `opends generate vue|react|svelte` and `opends templates eject|list`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::{EjectArgs, GenerateArgs, TemplatesListArgs};
use crate::codegen::{self, Framework, Generator};
use crate::output::manifest;
use crate::output::{Counts, FileReport, Publish};
use crate::printer::Style;
use crate::project::{self, generate};
use crate::settings::Project;

fn out_dir(ctx: &Context, project: Option<&Project>, args: &GenerateArgs) -> PathBuf {
    generate::out_dir(&ctx.cwd, project, framework(args), args.out.as_deref())
}

/// `opends generate`.
pub fn run(ctx: &Context, mut args: GenerateArgs) -> Result<Outcome> {
    if args.framework.is_none() {
        let project = ctx.project_opt()?;
        let configured = project.as_ref().and_then(|p| p.config.framework.as_deref());
        args.framework = Some(match configured {
            Some("react") => Framework::React,
            Some("svelte") => Framework::Svelte,
            Some(_) => Framework::Vue,
            None => {
                return Err(crate::hinted(
                    "which framework? none was named and opends.yaml sets no `framework`",
                    "run `opends generate vue` (or react, svelte)",
                ));
            }
        });
    }
    if !args.watch {
        return once(ctx, &args);
    }
    let project = ctx.project()?;
    let mut inputs = vec![project.config_path()];
    inputs.extend(project::watched_inputs(&project));
    if let Some(t) = generate::templates_dir(Some(&project)) {
        inputs.push(t);
    }
    let out = out_dir(ctx, Some(&project), &args);
    crate::watch::run(
        &ctx.printer,
        std::slice::from_ref(&project.root),
        &inputs,
        &[out, project.root.join(".opends")],
        || {
            ctx.reload();
            once(ctx, &args).map(|_| ())
        },
    )?;
    Ok(Outcome::Success)
}

fn once(ctx: &Context, args: &GenerateArgs) -> Result<Outcome> {
    // A released version does not depend on the working files (they may be mid-edit).
    // `--check` writes nothing: it never creates a store either.
    let (project, store) = if args.version.is_some() {
        ctx.open_released(args.check)?
    } else {
        ctx.open_for(args.check)?
    };
    let out = out_dir(ctx, project.as_ref(), args);
    let request = generate::Request {
        framework: framework(args),
        out: out.clone(),
        components: &args.components,
        include_drafts: args.include_drafts,
        allow_empty: args.allow_empty,
        version: args.version.as_deref(),
        publish: Publish {
            check: args.check,
            force: args.force,
            writers: generate::WRITERS,
        },
    };
    let db = ctx.db_path(project.as_ref()).ok().filter(|p| p.is_file());
    let mut record = ctx.write_record(project.as_ref());
    let done = generate::generate(
        project.as_ref(),
        &store,
        db.as_deref(),
        &request,
        &mut record,
        &|p| ctx.display(p),
    )?;
    if done.up_to_date {
        ctx.printer.detail(manifest::UP_TO_DATE);
    }
    if let Some(w) = &done.warning {
        ctx.printer.warn(w);
    }
    print_summary(ctx, args, done.components, &out, &done.reports)
}

/// Prints what a generation did (or, with `--check`, found) and gives its outcome.
fn print_summary(
    ctx: &Context,
    args: &GenerateArgs,
    components: usize,
    out: &Path,
    reports: &[FileReport],
) -> Result<Outcome> {
    let fw = framework(args).as_str();
    let counts = Counts::of(reports);
    if args.json {
        #[derive(Serialize)]
        struct Summary<'a> {
            framework: &'a str,
            components: usize,
            files: &'a [FileReport],
        }
        ctx.printer.json(&Summary {
            framework: fw,
            components,
            files: reports,
        })?;
    } else {
        ctx.print_file_lines(reports, args.check);
        if args.check {
            ctx.print_check_summary(reports, &format!("opends generate {fw}"));
        } else {
            ctx.printer.status(&format!(
                "generated {components} {fw} component{} into {}: {} written, {} unchanged",
                if components == 1 { "" } else { "s" },
                ctx.display(out),
                counts.written,
                counts.unchanged
            ));
        }
        if components == 0 {
            ctx.printer
                .warn("no components to generate (drafts are skipped without `--include-drafts`)");
        }
    }
    Ok(if counts.stale > 0 {
        Outcome::Found
    } else {
        Outcome::Success
    })
}

/// The framework of a run (resolved from opends.yaml in `run` when not given).
fn framework(args: &GenerateArgs) -> Framework {
    args.framework.unwrap_or(Framework::Vue)
}

/// `opends templates eject`.
pub fn eject(ctx: &Context, args: EjectArgs) -> Result<Outcome> {
    let project = ctx.project()?;
    let rel = project.config.templates.clone();
    let dir = project.path(rel.as_deref().unwrap_or("templates"));
    let frameworks: Vec<Framework> = args
        .framework
        .map_or_else(|| Framework::ALL.to_vec(), |f| vec![f]);
    let mut written = 0;
    let mut skipped = Vec::new();
    for fw in frameworks {
        for (rel_path, text) in codegen::builtin_files(fw) {
            let path = dir.join(&rel_path);
            if path.exists() && !args.force {
                skipped.push(ctx.display(&path));
                continue;
            }
            crate::output::write_file(&path, text)?;
            ctx.printer.status(&format!(
                "{} {}",
                ctx.printer.paint(Style::Green, "wrote"),
                ctx.display(&path)
            ));
            written += 1;
        }
    }
    if !skipped.is_empty() {
        ctx.printer.warn(&format!(
            "kept {} existing template{} (pass `--force` to overwrite): {}",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" },
            skipped.join(", ")
        ));
    }
    if rel.is_none() {
        ctx.printer
            .warn("add `templates: templates` to opends.yaml so that `opends generate` uses them");
    }
    ctx.printer.status(&format!(
        "ejected {written} templates into {}",
        ctx.display(&dir)
    ));
    Ok(Outcome::Success)
}

/// `opends templates list`.
pub fn list(ctx: &Context, args: TemplatesListArgs) -> Result<Outcome> {
    let project = ctx.project_opt()?;
    let generator = Generator::new(
        args.framework,
        generate::templates_dir(project.as_ref()).as_deref(),
    )?;
    if args.json {
        ctx.printer.json(&generator.sources())?;
    } else {
        let w = generator
            .sources()
            .iter()
            .map(|s| s.name.len())
            .max()
            .unwrap_or(0);
        let lines: Vec<String> = generator
            .sources()
            .iter()
            .map(|s| format!("{:w$}  {}", s.name, s.origin))
            .collect();
        ctx.printer.data(&lines.join("\n"))?;
    }
    Ok(Outcome::Success)
}
