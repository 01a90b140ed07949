//! `opends diff [FROM] [TO]`: the changeset between two states and the semver bump it
//! calls for. Exit 1 when there are differences (like `git diff --exit-code`).

use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::{DiffArgs, DiffFormat};
use crate::project::{self, find_version, snapshot_of};
use crate::store::{Snapshot, Store};
use crate::tokens::{self as tok};
use crate::versions::render;
use crate::versions::{Bump, Change};

/// A state to compare: a released version, the working store or token files.
fn load(ctx: &Context, store: Option<&Store>, reference: &str) -> Result<Snapshot> {
    let path = ctx.cwd.join(reference);
    let Some(store) = store.filter(|_| reference == "working" || !path.exists()) else {
        return files(ctx, reference);
    };
    if reference == "working" {
        return Ok(store.working()?);
    }
    if let Some(v) = find_version(store, reference)? {
        return Ok(store.snapshot(&v)?);
    }
    if !path.exists() {
        let looks_like_version = crate::versions::semver::Version::parse(reference).is_ok();
        return Err(if looks_like_version {
            snapshot_of(store, reference).err().unwrap_or_else(|| {
                crate::hinted(
                    format!("no version `{reference}`"),
                    "`opends versions list`",
                )
            })
        } else {
            crate::hinted(
                format!(
                    "`{reference}` is neither a released version, `working`, nor a token file or directory"
                ),
                "pass a version such as `1.2.0`, `latest`, `working`, or a path such as `tokens/`",
            )
        });
    }
    files(ctx, reference)
}

/// Token files or a directory of them.
fn files(ctx: &Context, reference: &str) -> Result<Snapshot> {
    let (files, mut findings) = project::read_files(&ctx.cwd, &[PathBuf::from(reference)])?;
    let tokens = tok::load_files(&files, tok::Format::Auto, &mut findings);
    ctx.report(findings, reference)?;
    Ok(Snapshot {
        tokens,
        components: Vec::new(),
    })
}

#[derive(Serialize)]
struct Report<'a> {
    from: &'a str,
    to: &'a str,
    bump: Bump,
    changes: &'a [Change],
}

/// `opends diff`.
pub fn run(ctx: &Context, args: DiffArgs) -> Result<Outcome> {
    let DiffArgs {
        from,
        to,
        format,
        values_minor,
        mode,
    } = args;
    // Two paths compare without a store (and outside a project).
    let is_path = |r: &str| r != "working" && ctx.cwd.join(r).exists();
    let (project, store) =
        if from.as_deref().is_some_and(is_path) && to.as_deref().is_some_and(is_path) {
            (ctx.project_opt()?, None)
        } else {
            let (project, store) = ctx.open()?;
            (project, Some(store))
        };
    let values_minor = values_minor || project::values_minor(project.as_ref());
    let from = match from {
        Some(f) => f,
        None => match store
            .as_ref()
            .map(Store::versions)
            .transpose()?
            .and_then(|mut v| v.pop())
        {
            Some(v) => v.version,
            None => {
                return Err(crate::hinted(
                    "no FROM given, and there is no released version to compare with yet",
                    "pass the older state (`opends diff old-tokens/ working`), or run `opends release`",
                ));
            }
        },
    };
    let to = to.unwrap_or_else(|| "working".into());
    // Two versions of a large system: read the newer one on a second connection meanwhile.
    let to_version = match &store {
        Some(s) if to != "working" => find_version(s, &to)?,
        _ => None,
    };
    let (old, new) = match (&store, to_version) {
        (Some(s), Some(v)) => {
            let db = s.path();
            std::thread::scope(|scope| -> Result<(Snapshot, Snapshot)> {
                let newer = scope
                    .spawn(move || -> Result<Snapshot> { Ok(Store::open(&db)?.snapshot(&v)?) });
                let old = load(ctx, store.as_ref(), &from);
                let new = newer.join().expect("snapshot reader");
                Ok((old?, new?))
            })?
        }
        _ => (
            load(ctx, store.as_ref(), &from)?,
            load(ctx, store.as_ref(), &to)?,
        ),
    };
    // With theme axes, `--mode dark` names the key `scheme=dark`.
    let mode = mode.map(|m| new.tokens.mode_key(&m).unwrap_or(m));
    if let Some(m) = &mode {
        if !new.tokens.modes.contains(m) && !old.tokens.modes.contains(m) {
            return Err(crate::hinted(
                format!("no mode `{m}` in `{from}` or `{to}`"),
                format!("modes: {}", new.tokens.modes.join(", ")),
            ));
        }
    }
    let mut cs = crate::versions::changes(&old, &new);
    if let Some(m) = &mode {
        let default = new.tokens.default_mode().map(str::to_string);
        cs.changes.retain(|c| match c {
            Change::TokenValueChanged { mode: None, .. } => default.as_ref() == Some(m),
            Change::TokenValueChanged { mode: Some(cm), .. } => cm == m,
            _ => true,
        });
    }
    let bump = cs.bump(values_minor);
    match format {
        DiffFormat::Json => ctx.printer.json(&Report {
            from: &from,
            to: &to,
            bump,
            changes: &cs.changes,
        })?,
        DiffFormat::Markdown => ctx
            .printer
            .data(&render::markdown(&cs, bump, values_minor))?,
        DiffFormat::Text => {
            if cs.is_empty() {
                ctx.printer
                    .status(&format!("no differences between `{from}` and `{to}`"));
            } else {
                ctx.printer
                    .data(render::text(&cs, values_minor).trim_end())?;
                ctx.printer.status(&format!(
                    "{} changes from `{from}` to `{to}`; semver bump: {}",
                    cs.changes.len(),
                    render::bump_name(bump)
                ));
            }
        }
    }
    let outcome = if cs.is_empty() {
        Outcome::Success
    } else {
        Outcome::Found
    };
    // The process ends after this command: freeing two snapshots of a large system
    // token by token is about a twentieth of the diff's time, for memory the exit
    // returns anyway.
    std::mem::forget((old, new, cs));
    Ok(outcome)
}
