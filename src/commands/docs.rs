//! `opends docs build` and `opends docs serve`: the design-system site.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::Context;
use crate::Outcome;
use crate::cli::{DocsBuildArgs, DocsServeArgs};
use crate::output::{
    FileStatus, Plan, PlannedFile, apply_plan, plan_file, read_head, refuse_foreign,
};
use crate::project;

/// Whether `path` is a page of a site opends built (its generator meta tag), also one
/// built before opends kept a record of what it wrote.
fn is_site_page(path: &Path) -> bool {
    read_head(path).is_some_and(|head| {
        String::from_utf8_lossy(&head).contains("<meta name=\"generator\" content=\"opends ")
    })
}

/// Renders the site into `out` (with `force`, also over files opends did not write);
/// returns how many files changed.
fn build_into(ctx: &Context, version: Option<&str>, out: &Path, force: bool) -> Result<usize> {
    let (project, store) = if version.is_some() {
        ctx.open_released(false)?
    } else {
        ctx.open()?
    };
    let (tokens, components) = match version {
        Some(v) => {
            let snap = project::snapshot_of(&store, v)?;
            (snap.tokens, snap.components)
        }
        None => (store.load()?, store.components()?),
    };
    let versions = store.versions()?;
    let shown = match version {
        Some(v) => project::find_version(&store, v)?.map(|v| v.version),
        None => None,
    };
    let name = project
        .as_ref()
        .map_or_else(|| "Design system".to_string(), |p| p.config.name.clone());
    let templates = project
        .as_ref()
        .and_then(|p| p.config.templates.as_ref().map(|t| p.path(t)));
    let contrast = project
        .as_ref()
        .and_then(|p| p.config.lint.as_ref())
        .map(|l| l.contrast.clone())
        .unwrap_or_default();
    let files = crate::docs::build(&crate::docs::Input {
        name: &name,
        version: shown.as_deref(),
        tokens: &tokens,
        components: &components,
        versions: &versions,
        templates: templates.as_deref(),
        contrast: &contrast,
    })?;
    // Decide every file first: a file opends did not write (no generated header, not a
    // page of an opends site, not recorded as written) stops the build unless `--force`.
    let mut record = ctx.write_record(project.as_ref());
    let planned: Vec<PlannedFile<'_>> = files
        .iter()
        .map(|f| {
            let path = out.join(&f.path);
            let mut plan = plan_file(&path, f.contents.as_bytes(), true, &record);
            if plan == Plan::Foreign && is_site_page(&path) {
                plan = Plan::Replace;
            }
            PlannedFile {
                path,
                contents: f.contents.as_bytes(),
                format: "docs",
                plan,
            }
        })
        .collect();
    refuse_foreign(&planned, force, |p| ctx.display(p))?;
    let mut changed = 0;
    for f in &planned {
        if apply_plan(f, false, |p| ctx.display(p))?.status == FileStatus::Written {
            record.wrote(&f.path, f.contents);
            changed += 1;
        }
    }
    record.save()?;
    ctx.printer.status(&format!(
        "docs: {} pages and assets in {} ({changed} written); open {}",
        files.len(),
        out.display(),
        out.join("index.html").display()
    ));
    Ok(changed)
}

fn out_dir(ctx: &Context, out: Option<&PathBuf>) -> Result<PathBuf> {
    Ok(match out {
        Some(o) => ctx.cwd.join(o),
        None => match ctx.project_opt()? {
            Some(p) => p.root.join("site"),
            None => ctx.cwd.join("site"),
        },
    })
}

/// `opends docs build`.
pub fn build(ctx: &Context, args: DocsBuildArgs) -> Result<Outcome> {
    let out = out_dir(ctx, args.out.as_ref())?;
    build_into(ctx, args.version.as_deref(), &out, args.force)?;
    Ok(Outcome::Success)
}

/// `opends docs serve`: serves the site on loopback and rebuilds it on every change.
pub fn serve(ctx: &Context, args: DocsServeArgs) -> Result<Outcome> {
    let project = ctx.project()?;
    let out = out_dir(ctx, args.out.as_ref())?;
    build_into(ctx, None, &out, false)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(("127.0.0.1", args.port)))
        .map_err(|e| {
            crate::hinted(
                format!("could not listen on 127.0.0.1:{}: {e}", args.port),
                "pick another port with --port (0 picks a free one)",
            )
        })?;
    let addr = listener.local_addr()?;
    let dir = out.clone();
    runtime.spawn(async move {
        let app = axum::Router::new().fallback_service(tower_http::services::ServeDir::new(dir));
        let _ = axum::serve(listener, app).await;
    });
    ctx.printer.status(&format!(
        "docs: serving http://{addr}/ (rebuilt on change; Ctrl-C stops)"
    ));
    let mut inputs = vec![project.config_path()];
    inputs.extend(project::watched_inputs(&project));
    if let Some(t) = project.config.templates.as_ref() {
        inputs.push(project.path(t));
    }
    crate::watch::run(
        &ctx.printer,
        std::slice::from_ref(&project.root),
        &inputs,
        &[out.clone(), project.root.join(".opends")],
        || {
            ctx.reload();
            build_into(ctx, None, &out, false).map(|_| ())
        },
    )?;
    drop(runtime);
    Ok(Outcome::Success)
}
