//! `opends generate vue|react|svelte` and `opends templates eject|list`.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::{EjectArgs, GenerateArgs, TemplatesListArgs};
use crate::codegen::{self, Framework, Generator};
use crate::export::ExportFormat;
use crate::model::{Status, StoredComponent};
use crate::output::manifest::{self, Fingerprint, Job};
use crate::output::{
    Counts, FileReport, FileStatus, PlannedFile, Publish, has_header, plan_file, publish, read_head,
};
use crate::printer::Style;
use crate::project::{self, matches_name};
use crate::settings::Project;

/// Threads that write generated files.
const WRITERS: usize = 2;

/// The project's templates directory (`templates:` in opends.yaml), if set.
fn templates_dir(project: Option<&Project>) -> Option<PathBuf> {
    let p = project?;
    p.config.templates.as_ref().map(|t| p.path(t))
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
    if let Some(t) = templates_dir(Some(&project)) {
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

fn out_dir(ctx: &Context, project: Option<&Project>, args: &GenerateArgs) -> PathBuf {
    let fw = framework(args).as_str();
    match (&args.out, project) {
        (Some(o), _) => ctx.cwd.join(o),
        (None, Some(p)) => p.path(
            &p.config
                .generate_out
                .clone()
                .unwrap_or_else(|| "generated/{framework}".into())
                .replace("{framework}", fw),
        ),
        (None, None) => ctx.cwd.join("generated").join(fw),
    }
}

fn relative(from_dir: &Path, to: &Path) -> String {
    let from: Vec<_> = from_dir.components().collect();
    let to_c: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to_c).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); from.len() - common];
    parts.extend(
        to_c[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

fn once(ctx: &Context, args: &GenerateArgs) -> Result<Outcome> {
    // A released version does not depend on the working files (they may be mid-edit).
    // `--check` writes nothing: it never creates a store either.
    let (project, store) = if args.version.is_some() {
        ctx.open_released(args.check)?
    } else {
        ctx.open_for(args.check)?
    };
    let job = match (&project, &args.version) {
        (Some(p), None) => generate_job(ctx, p, &store, args)?,
        _ => None,
    };
    if let Some(hit) = job
        .as_ref()
        .filter(|_| !args.force)
        .and_then(|j| j.up_to_date(!args.check))
    {
        ctx.printer.detail(manifest::UP_TO_DATE);
        let reports = hit.reports(|p| ctx.display(p), |_| framework(args).as_str());
        let components = hit.count("components");
        let out = out_dir(ctx, project.as_ref(), args);
        return print_summary(ctx, args, components, &out, &reports);
    }
    let (tokens, all) = match &args.version {
        Some(v) => {
            let snap = project::snapshot_of(&store, v)?;
            (snap.tokens, snap.components)
        }
        None => (store.load()?, store.components()?),
    };
    for name in &args.components {
        if !all.iter().any(|c| matches_name(c, name)) {
            return Err(super::components::no_component(name, &all));
        }
    }
    let selected: Vec<StoredComponent> = all
        .into_iter()
        .filter(|c| {
            args.components.is_empty() || args.components.iter().any(|n| matches_name(c, n))
        })
        .filter(|c| {
            c.spec.status != Status::Draft || args.include_drafts || !args.components.is_empty()
        })
        .collect();
    if !args.allow_empty {
        // A released version is checked for emptiness only: it may predate a source.
        let working = project.as_ref().filter(|_| args.version.is_none());
        project::check_components(working, &tokens, selected.len())
            .map_err(|e| nothing_to_generate(&e, !all_drafts_skipped(args, &selected)))?;
    }
    let out = out_dir(ctx, project.as_ref(), args);
    let css_output = project.as_ref().and_then(|p| {
        p.config
            .outputs
            .iter()
            .find(|o| o.format == ExportFormat::Css)
            .map(|o| (p, o))
    });
    let options = codegen::Options {
        css_prefix: css_output.and_then(|(_, o)| o.prefix.clone()),
        tokens_css: css_output.map_or_else(
            || "tokens.css".to_string(),
            |(p, o)| relative(&out, &p.path(&o.path)),
        ),
    };
    let generator = Generator::new(framework(args), templates_dir(project.as_ref()).as_deref())?;
    let files = generator
        .render(&selected, &tokens, &options, &out)
        .map_err(|e| match e {
            codegen::CodegenError::UnsafeSpec { .. } => crate::hinted(
                e.to_string(),
                "fix the spec and import it again (`opends components import`); nothing was written",
            ),
            other => other.into(),
        })?;
    let fw = framework(args).as_str();
    // One directory listing instead of a failed open per new file.
    let existing: std::collections::HashSet<PathBuf> = fs::read_dir(&out)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    // Decide every file before writing any: a file opends did not write stops the run
    // (unless `--force`), and nothing is written.
    let mut record = ctx.write_record(project.as_ref());
    let planned: Vec<PlannedFile<'_>> = files
        .iter()
        .map(|f| PlannedFile {
            path: f.path.clone(),
            contents: f.contents.as_bytes(),
            format: fw,
            plan: plan_file(
                &f.path,
                f.contents.as_bytes(),
                existing.contains(&f.path),
                &record,
            ),
        })
        .collect();
    // Generated files that are no longer produced (a removed or renamed component):
    // only whole-project runs clean up; `--component` leaves the others alone. Only
    // files with the generated header are removed.
    let mut stale_files = Vec::new();
    if args.components.is_empty() && out.is_dir() {
        let produced: std::collections::HashSet<&PathBuf> = files.iter().map(|f| &f.path).collect();
        for entry in
            fs::read_dir(&out).with_context(|| format!("could not list `{}`", out.display()))?
        {
            let path = entry?.path();
            if !path.is_file() || produced.contains(&path) {
                continue;
            }
            if read_head(&path).is_some_and(|head| has_header(&head)) {
                stale_files.push(path);
            }
        }
    }
    let how = Publish {
        check: args.check,
        force: args.force,
        writers: WRITERS,
    };
    let mut reports = publish(&planned, &mut record, how, &|p| ctx.display(p))?;
    for path in stale_files {
        let status = if args.check {
            FileStatus::Stale
        } else {
            fs::remove_file(&path)
                .with_context(|| format!("could not remove `{}`", path.display()))?;
            FileStatus::Written
        };
        reports.push(FileReport {
            path: format!("{} (removed: no longer generated)", ctx.display(&path)),
            format: fw,
            status,
        });
    }
    if let Some(job) = job.as_ref().filter(|_| !args.check) {
        let summary = serde_json::json!({ "components": selected.len() });
        let dir = args.components.is_empty().then(|| out.clone());
        if let Err(e) = job.record(&planned, summary, dir) {
            ctx.printer.warn(&format!("{e:#}"));
        }
    }
    print_summary(ctx, args, selected.len(), &out, &reports)
}

/// The no-op record of generating the working components: its key is the framework,
/// the output directory and the selection, its inputs the store's revision, the
/// project's settings and its template overrides (built-in templates come with the
/// binary). None without a store file.
fn generate_job(
    ctx: &Context,
    project: &Project,
    store: &crate::store::Store,
    args: &GenerateArgs,
) -> Result<Option<Job>> {
    let fw = framework(args);
    let out = out_dir(ctx, Some(project), args);
    let mut inputs = Fingerprint::new("generate");
    inputs
        .add("project", format!("{project:?}").as_bytes())
        .add("allow_empty", &[u8::from(args.allow_empty)]);
    if let Some(t) = templates_dir(Some(project)) {
        inputs.add_templates(&t.join(fw.as_str()));
    }
    let key = format!(
        "generate {} {} {:?} {}",
        fw.as_str(),
        out.display(),
        args.components,
        args.include_drafts
    );
    Ok(Job::over_store(
        &ctx.db_path(Some(project))?,
        store.revision()?,
        &key,
        &mut inputs,
    ))
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

/// Whether a run without `--include-drafts` left draft components out.
fn all_drafts_skipped(args: &GenerateArgs, selected: &[StoredComponent]) -> bool {
    selected.is_empty() && !args.include_drafts && args.components.is_empty()
}

/// The error of a run that would generate nothing (`plain`: no drafts were skipped).
fn nothing_to_generate(e: &project::NothingTo, plain: bool) -> anyhow::Error {
    let hint = match e {
        project::NothingTo::Unsynced(_) => {
            "run `opends sync` (and commit what it writes), or `opends pull` from the team server; pass `--allow-empty` to generate anyway"
        }
        _ if plain => {
            "add component specs (`components:` in opends.yaml, or `opends components import`), or pass `--allow-empty`"
        }
        _ => {
            "drafts are skipped: pass `--include-drafts`, approve them (`opends components approve NAME`), or pass `--allow-empty`"
        }
    };
    crate::hinted(format!("{e}; nothing was written"), hint)
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
    let generator = Generator::new(args.framework, templates_dir(project.as_ref()).as_deref())?;
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
