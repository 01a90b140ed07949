//! `opends docs build` and `opends docs serve`: the design-system site.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::Context;
use crate::Outcome;
use crate::cli::{DocsBuildArgs, DocsServeArgs};

/// Renders the site into `out`; returns how many files changed.
fn build_into(ctx: &Context, version: Option<&str>, out: &Path) -> Result<usize> {
    let (project, store) = if version.is_some() {
        let project = ctx.project_opt()?;
        let store = ctx.store(project.as_ref())?;
        (project, store)
    } else {
        super::components::open(ctx)?
    };
    let (tokens, components) = match version {
        Some(v) => {
            let snap = super::versions::snapshot_of(&store, v)?;
            (snap.tokens, snap.components)
        }
        None => (store.load()?, store.components()?),
    };
    let versions = store.versions()?;
    let shown = match version {
        Some(v) => super::versions::find_version(&store, v)?.map(|v| v.version),
        None => None,
    };
    let name = project
        .as_ref()
        .map_or_else(|| "Design system".to_string(), |p| p.config.name.clone());
    let templates = project
        .as_ref()
        .and_then(|p| p.config.templates.as_ref().map(|t| p.path(t)));
    let files = crate::docs::build(&crate::docs::Input {
        name: &name,
        version: shown.as_deref(),
        tokens: &tokens,
        components: &components,
        versions: &versions,
        templates: templates.as_deref(),
    })?;
    let mut changed = 0;
    for f in &files {
        let path = out.join(&f.path);
        if std::fs::read(&path).is_ok_and(|old| old == f.contents.as_bytes()) {
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("could not create `{}`", dir.display()))?;
        }
        super::export::write_atomic(&path, f.contents.as_bytes())
            .with_context(|| format!("could not write `{}`", path.display()))?;
        changed += 1;
    }
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
    build_into(ctx, args.version.as_deref(), &out)?;
    Ok(Outcome::Success)
}

/// `opends docs serve`: serves the site on loopback and rebuilds it on every change.
pub fn serve(ctx: &Context, args: DocsServeArgs) -> Result<Outcome> {
    let project = ctx.project()?;
    let out = out_dir(ctx, args.out.as_ref())?;
    build_into(ctx, None, &out)?;
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
    inputs.extend(super::generate::watched_inputs(&project));
    if let Some(t) = project.config.templates.as_ref() {
        inputs.push(project.path(t));
    }
    crate::watch::run(
        &ctx.printer,
        std::slice::from_ref(&project.root),
        &inputs,
        &[out.clone(), project.root.join(".opends")],
        || build_into(ctx, None, &out).map(|_| ()),
    )?;
    drop(runtime);
    Ok(Outcome::Success)
}
