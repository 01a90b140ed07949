//! `opends sync [SOURCE...]` and `opends sync log`: sync each design source into the
//! store (see [`crate::sources::merge`]) and print what changed.

use anyhow::{Context as _, Result};

use super::Context;
use crate::Outcome;
use crate::cli::{SyncArgs, SyncCommand, SyncLogArgs};
use crate::printer::Style;
use crate::sources::merge::{self, Options, SourceReport};
use crate::sources::owned::{self, Manifest};
use crate::sources::{SourceConfig, WriteTo};

/// `opends sync`.
pub fn run(ctx: &Context, args: SyncArgs) -> Result<Outcome> {
    if let Some(SyncCommand::Log(a)) = args.command {
        return log(ctx, a);
    }
    let project = ctx.project()?;
    let mut store = ctx.store(Some(&project))?;
    ctx.import_tokens(&project, &mut store, false, false)?;
    let all = &project.config.sources;
    if all.is_empty() {
        return Err(crate::hinted(
            "no design sources in opends.yaml",
            "add one with `opends source add figma FILE_URL` (or penpot)",
        ));
    }
    for name in &args.sources {
        if !all.iter().any(|s| &s.name == name) {
            return Err(crate::hinted(
                format!("no source `{name}`"),
                crate::suggest::hint(
                    name,
                    all.iter().map(|s| s.name.as_str()),
                    "run `opends source list` to see the sources",
                ),
            ));
        }
    }
    let selected: Vec<&SourceConfig> = all
        .iter()
        .filter(|s| args.sources.is_empty() || args.sources.contains(&s.name))
        .collect();
    let options = Options {
        dry_run: args.dry_run,
        prune: args.prune,
        force: args.force,
        overwrite: args.overwrite,
    };
    if !args.overwrite {
        check_hand_edits(&project.root, &selected)?;
    }
    let bar = ctx.printer.bar(selected.len() as u64, "syncing");
    let mut reports = Vec::new();
    for source in selected {
        bar.set_message(crate::printer::visible(&format!("syncing {}", source.name)).into_owned());
        let base = source.api_base(&project.config.sources);
        reports.push(merge::sync_source(
            &mut store,
            &project.root,
            source,
            &base,
            options,
        )?);
        bar.inc(1);
    }
    bar.finish_and_clear();
    // What the sources wrote to the project's files reaches the store by the import.
    if reports
        .iter()
        .any(|r| !r.files.is_empty() || !r.files_removed.is_empty())
        && !args.dry_run
    {
        ctx.import_tokens(&project, &mut store, true, false)?;
        ctx.import_specs(&project, &mut store, true)?;
    }
    if args.json {
        ctx.printer.json(&reports)?;
    } else {
        for r in &reports {
            print_report(ctx, r);
        }
    }
    if reports.iter().any(|r| r.status == "failed") {
        return Err(crate::Reported("a source failed to sync".into()).into());
    }
    Ok(Outcome::Success)
}

/// Stops (exit 2, nothing written) when a file a selected source owns was edited by
/// hand since its last sync, saying how to keep or discard the edit.
fn check_hand_edits(root: &std::path::Path, selected: &[&SourceConfig]) -> Result<()> {
    let manifest = Manifest::load(root)?;
    for source in selected.iter().filter(|s| s.write == WriteTo::Files) {
        let Some(owned) = manifest.sources.get(&source.name) else {
            continue;
        };
        let edited = owned::edited(root, owned);
        if !edited.is_empty() {
            let name = &source.name;
            return Err(crate::hinted(
                format!(
                    "{} owned by source `{name}` {} edited by hand since the last sync: {}; nothing was written",
                    if edited.len() == 1 { "a file" } else { "files" },
                    if edited.len() == 1 { "was" } else { "were" },
                    edited.join(", ")
                ),
                format!(
                    "to keep an edit, move the changed tokens into a token file of your own (listed under `tokens:` in opends.yaml; it wins over the source), then run `opends sync {name} --overwrite`; to discard the edits, run `opends sync {name} --overwrite`"
                ),
            ));
        }
    }
    Ok(())
}

fn print_report(ctx: &Context, r: &SourceReport) {
    let s = &r.summary;
    match r.status {
        "failed" => ctx.printer.status(&format!(
            "{} {}: {}",
            ctx.printer.paint(Style::Red, "failed"),
            r.source,
            r.error.as_deref().unwrap_or_default()
        )),
        "skipped" => ctx.printer.status(&format!(
            "{} {}: unchanged since the last sync (use --force to fetch anyway)",
            ctx.printer.paint(Style::Dim, "skipped"),
            r.source
        )),
        status => ctx.printer.status(&format!(
            "{} {}: {} added, {} changed, {} removed, {} components{}",
            if status == "dry-run" {
                ctx.printer.paint(Style::Yellow, "dry run")
            } else {
                ctx.printer.paint(Style::Green, "synced")
            },
            r.source,
            s.added,
            s.changed,
            s.removed,
            r.components,
            if status == "dry-run" {
                " (nothing written)"
            } else {
                ""
            }
        )),
    }
    let (wrote, removed) = if r.status == "dry-run" {
        ("would write", "would remove")
    } else {
        ("wrote", "removed")
    };
    for f in &r.files {
        ctx.printer.status(&format!("  {wrote} {f}"));
    }
    for f in &r.files_removed {
        ctx.printer.status(&format!("  {removed} {f}"));
    }
    for (sign, paths) in [
        ("+", &r.changes.added),
        ("~", &r.changes.changed),
        ("-", &r.changes.removed),
    ] {
        for p in paths {
            ctx.printer.detail(&format!("  {sign} {p}"));
        }
    }
    for w in &r.warnings {
        ctx.printer.warn(&format!("{}: {w}", r.source));
    }
    if !r.kept_upstream_removed.is_empty() {
        ctx.printer.warn(&format!(
            "{}: {} token{} no longer in the design file and kept (pass --prune to remove): {}",
            r.source,
            r.kept_upstream_removed.len(),
            if r.kept_upstream_removed.len() == 1 {
                " is"
            } else {
                "s are"
            },
            r.kept_upstream_removed.join(", ")
        ));
    }
}

/// `opends sync log`.
fn log(ctx: &Context, args: SyncLogArgs) -> Result<Outcome> {
    let project = ctx.project()?;
    let store = ctx
        .store(Some(&project))
        .context("could not open the store")?;
    let events = store.sync_events(args.limit)?;
    if args.json {
        ctx.printer.json(&events)?;
        return Ok(Outcome::Success);
    }
    if events.is_empty() {
        ctx.printer.status("no syncs yet; run `opends sync`");
        return Ok(Outcome::Success);
    }
    let lines: Vec<String> = events
        .iter()
        .map(|e| {
            format!(
                "{}  {:10}  {:7}  +{} ~{} -{}  {} ms{}",
                e.at,
                e.source,
                e.status,
                e.added,
                e.changed,
                e.removed,
                e.duration_ms,
                e.error
                    .as_ref()
                    .map(|m| format!("  {m}"))
                    .unwrap_or_default()
            )
        })
        .collect();
    ctx.printer.data(&lines.join("\n"))?;
    Ok(Outcome::Success)
}
