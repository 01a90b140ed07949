//! `opends remote add|list|rm`, `opends push` and `opends pull`: parse, call
//! [`crate::sync::remote`], print. The protocol, the merge and the client are in
//! [`crate::sync`].

use std::fmt::Write as _;

use anyhow::Result;
use serde_json::Value;

use super::Context;
use crate::Outcome;
use crate::cli::{PullArgs, PushArgs, RemoteAddArgs, RemoteListArgs, RemoteRmArgs};
use crate::sync::SyncError;
use crate::sync::plan::{Resolution, entry_value};
use crate::sync::remote::{self, Pulled, Pushed};

/// `opends remote add`.
pub fn add(ctx: &Context, args: RemoteAddArgs) -> Result<Outcome> {
    let url = args.url.trim_end_matches('/').to_string();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(crate::hinted(
            format!("`{}` is not an http(s) URL", args.url),
            "e.g. `opends remote add team https://ds.example.com`",
        ));
    }
    let (_, mut store) = ctx.open()?;
    if !store.add_remote(&args.name, &url)? {
        return Err(crate::hinted(
            format!("there is already a remote `{}`", args.name),
            "remove it first (`opends remote rm NAME`) or pick another name",
        ));
    }
    ctx.printer
        .status(&format!("added remote {} ({url})", args.name));
    Ok(Outcome::Success)
}

/// `opends remote list`.
pub fn list(ctx: &Context, args: RemoteListArgs) -> Result<Outcome> {
    let (_, store) = ctx.open()?;
    let remotes = store.remotes()?;
    if args.json {
        ctx.printer.json(&remotes)?;
    } else if remotes.is_empty() {
        ctx.printer
            .status("no remotes; `opends remote add NAME URL` adds one");
    } else {
        let mut out = String::new();
        for r in &remotes {
            let _ = writeln!(out, "{:<16} {}  revision {}", r.name, r.url, r.revision);
        }
        ctx.printer.data(out.trim_end())?;
    }
    Ok(Outcome::Success)
}

/// `opends remote rm`.
pub fn rm(ctx: &Context, args: RemoteRmArgs) -> Result<Outcome> {
    let (_, mut store) = ctx.open()?;
    if !store.remove_remote(&args.name)? {
        let known: Vec<String> = store.remotes()?.into_iter().map(|r| r.name).collect();
        return Err(crate::hinted(
            format!("no remote `{}`", args.name),
            crate::suggest::hint(
                &args.name,
                known.iter().map(String::as_str),
                "`opends remote list` shows them",
            ),
        ));
    }
    ctx.printer.status(&format!("removed remote {}", args.name));
    Ok(Outcome::Success)
}

/// `opends push`.
pub fn push(ctx: &Context, args: PushArgs) -> Result<Outcome> {
    let (_, mut store) = ctx.open()?;
    let remote = remote::pick(&store, args.remote.as_deref()).map_err(SyncError::into_report)?;
    let outcome = push_state(ctx, &args, &mut store, &remote)?;
    // The releases made here go too, whatever became of the state (a release is immutable: the same number with other
    // content on the server is a conflict, reported with both content hashes).
    let pushed =
        remote::push_versions(&store, &remote, args.dry_run).map_err(SyncError::into_report)?;
    if !pushed.sent.is_empty() {
        ctx.printer.status(&format!(
            "{} version{} {} to {}",
            if args.dry_run { "would push" } else { "pushed" },
            plural(pushed.sent.len()),
            pushed.sent.join(", "),
            remote.name
        ));
    }
    if pushed.conflicts.is_empty() {
        return Ok(outcome);
    }
    let mut text = format!(
        "{} version{} released here differ{} from {}'s; not pushed:",
        pushed.conflicts.len(),
        plural(pushed.conflicts.len()),
        if pushed.conflicts.len() == 1 { "s" } else { "" },
        remote.name
    );
    for c in &pushed.conflicts {
        let _ = write!(text, "\n  {}: {}", c.version, c.message);
    }
    ctx.printer.error(&crate::hinted(
        text,
        "a version number is released once: release the changes here under a new number (`opends versions rm VERSION`, `opends pull`, then `opends release`)",
    ));
    Ok(Outcome::Found)
}

fn push_state(
    ctx: &Context,
    args: &PushArgs,
    store: &mut crate::store::Store,
    remote: &crate::store::Remote,
) -> Result<Outcome> {
    match remote::push(store, remote, args.dry_run).map_err(SyncError::into_report)? {
        Pushed::Nothing { revision } => {
            if args.json {
                ctx.printer.json(&serde_json::json!({
                    "remote": remote.name,
                    "dry_run": args.dry_run,
                    "pushed": false,
                    "nothing_to_push": true,
                    "revision": revision,
                }))?;
            }
            ctx.printer.status(&format!(
                "nothing to push: {} is at revision {revision} with everything here",
                remote.name
            ));
            Ok(Outcome::Success)
        }
        Pushed::WouldPush { summary } => {
            if args.json {
                ctx.printer.json(&serde_json::json!({
                    "remote": remote.name,
                    "dry_run": true,
                    "pushed": false,
                    "nothing_to_push": false,
                    "would_push": summary,
                    "revision": remote.revision,
                }))?;
            }
            ctx.printer
                .status(&format!("would push {summary} to {}", remote.name));
            Ok(Outcome::Success)
        }
        Pushed::Done { summary, applied } => {
            if args.json {
                ctx.printer.json(&applied)?;
            }
            ctx.printer.status(&format!(
                "pushed {summary} to {}: now at revision {}",
                remote.name, applied.revision
            ));
            Ok(Outcome::Success)
        }
        Pushed::Stale(envelope) => {
            if args.json {
                ctx.printer.json(&envelope)?;
            }
            let mut text = format!(
                "{} has changes newer than revision {} that this store has not pulled",
                remote.name, remote.revision
            );
            let items = envelope
                .error
                .conflicts
                .map(|c| c.items)
                .unwrap_or_default();
            if !items.is_empty() {
                let _ = write!(text, "; changed on both sides:");
                for c in items.iter().take(20) {
                    let _ = write!(
                        text,
                        "\n  {} {}: here {} / there {}",
                        c.kind,
                        c.key,
                        short(c.ours.as_ref()),
                        short(c.theirs.as_ref())
                    );
                }
            }
            ctx.printer.error(&crate::hinted(
                text,
                "run `opends pull` (then `--theirs` or `--ours` for conflicts), then push again; nothing was pushed",
            ));
            Ok(Outcome::Found)
        }
    }
}

/// An entry in a line: its value, `(deleted)`, or the entry itself.
fn short(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "(deleted)".into(),
        Some(other) => other
            .get("value")
            .map_or_else(|| other.to_string(), crate::versions::render::short_value),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `opends pull`.
pub fn pull(ctx: &Context, args: PullArgs) -> Result<Outcome> {
    let (project, mut store) = ctx.open()?;
    let remote = remote::pick(&store, args.remote.as_deref()).map_err(SyncError::into_report)?;
    let resolution = if args.theirs {
        Resolution::Theirs
    } else if args.ours {
        Resolution::Ours
    } else {
        Resolution::Stop
    };
    let report = match remote::pull(&mut store, &remote, resolution)
        .map_err(SyncError::into_report)?
    {
        Pulled::Conflicts(conflicts) => {
            let mut text = format!(
                "{} change{} here and on {} conflict; nothing was written:",
                conflicts.len(),
                plural(conflicts.len()),
                remote.name
            );
            for c in conflicts.iter().take(20) {
                let _ = write!(
                    text,
                    "\n  {} {}: here {} / there {}",
                    c.kind,
                    c.key,
                    short(c.ours.as_deref().map(entry_value).as_ref()),
                    short(c.theirs.as_deref().map(entry_value).as_ref())
                );
            }
            ctx.printer.error(&crate::hinted(
                text,
                "choose: `opends pull --theirs` takes the server's values, `--ours` keeps these (then push them)",
            ));
            return Ok(Outcome::Found);
        }
        Pulled::Done(report) => report,
    };
    // Releases made on the server are written to the repository like those made here.
    if let Some(p) = &project {
        let made = report
            .versions
            .iter()
            .map(|v| store.version(v))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
        for file in crate::project::write_release_files(&p.root, &store, &made)? {
            ctx.printer.detail(&format!("wrote {file}"));
        }
    }
    if args.json {
        ctx.printer.json(&report)?;
    }
    ctx.printer.status(&format!(
        "pulled {}: revision {} -> {}, {} change{} taken{}{}",
        remote.name,
        remote.revision,
        report.revision,
        report.taken,
        plural(report.taken),
        match report.resolved {
            None => String::new(),
            Some(how) => format!(
                ", {} conflict{} resolved with --{how}",
                report.conflicts,
                plural(report.conflicts)
            ),
        },
        if report.versions.is_empty() {
            String::new()
        } else {
            format!(", versions {}", report.versions.join(", "))
        }
    ));
    if report.version_conflicts.is_empty() {
        return Ok(Outcome::Success);
    }
    let mut text = format!(
        "{} version{} differ{} between here and {}; not pulled:",
        report.version_conflicts.len(),
        plural(report.version_conflicts.len()),
        if report.version_conflicts.len() == 1 {
            "s"
        } else {
            ""
        },
        remote.name
    );
    for c in &report.version_conflicts {
        let _ = write!(text, "\n  {}", c.message);
    }
    ctx.printer.error(&crate::hinted(
        text,
        "a version number is released once: keep one (`opends versions rm VERSION` here, then pull again, or delete it on the server) and release the other changes under a new number",
    ));
    Ok(Outcome::Found)
}
