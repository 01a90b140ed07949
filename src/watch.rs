//! `--watch`: run a job, then run it again within a few hundred milliseconds of every
//! change to the files it reads (notify + debounce). A failing run prints its error and
//! waits for the next save; Ctrl-C (or SIGTERM) ends the loop cleanly.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use notify::{Event, EventKind, RecursiveMode, Watcher};

use crate::printer::{Printer, Style};

/// How long things must be quiet before a run (editors write files in bursts).
const DEBOUNCE: Duration = Duration::from_millis(100);

enum Signal {
    Changed(Vec<PathBuf>),
    Stop,
}

/// Watches `roots` (recursively) and calls `job` after every change to a path under one
/// of `inputs` that is not under one of `ignore`. Returns when interrupted.
pub fn run(
    printer: &Printer,
    roots: &[PathBuf],
    inputs: &[PathBuf],
    ignore: &[PathBuf],
    mut job: impl FnMut() -> Result<()>,
) -> Result<()> {
    let (tx, rx) = mpsc::channel::<Signal>();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Signal::Stop);
    })
    .context("could not install the Ctrl-C handler")?;
    let changes = tx.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<Event>| {
        // Only writes, creations, removals and renames: reading a file (which every run
        // does) must not trigger the next run.
        if let Ok(event) = res {
            let content = matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            ) && !matches!(
                event.kind,
                EventKind::Modify(notify::event::ModifyKind::Metadata(_))
            );
            if content {
                let _ = changes.send(Signal::Changed(event.paths));
            }
        }
    })
    .context("could not start watching files")?;
    for root in roots {
        if root.exists() {
            watcher
                .watch(root, RecursiveMode::Recursive)
                .with_context(|| format!("could not watch `{}`", root.display()))?;
        }
    }
    let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let inputs: Vec<PathBuf> = inputs.iter().map(|p| canon(p)).collect();
    let ignore: Vec<PathBuf> = ignore.iter().map(|p| canon(p)).collect();
    let relevant = |p: &Path| {
        let p = canon(p);
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Temp files of editors and of opends' own atomic writes.
        let ext = p
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        if name.starts_with('.')
            || name.ends_with('~')
            || matches!(ext.as_deref(), Some("tmp" | "swp"))
        {
            return false;
        }
        !ignore.iter().any(|i| p.starts_with(i)) && inputs.iter().any(|i| p.starts_with(i))
    };
    report(printer, job());
    printer.status(&printer.paint(Style::Dim, "watching for changes (Ctrl-C to stop)"));
    while let Ok(signal) = rx.recv() {
        match signal {
            Signal::Stop => break,
            Signal::Changed(paths) => {
                let mut changed: Vec<PathBuf> = paths.into_iter().filter(|p| relevant(p)).collect();
                if changed.is_empty() {
                    continue;
                }
                // Debounce: collect what arrives until things are quiet for a moment.
                let mut stop = false;
                while let Ok(more) = rx.recv_timeout(DEBOUNCE) {
                    match more {
                        Signal::Stop => {
                            stop = true;
                            break;
                        }
                        Signal::Changed(more) => {
                            for p in more {
                                if relevant(&p) && !changed.contains(&p) {
                                    changed.push(p);
                                }
                            }
                        }
                    }
                }
                if stop {
                    break;
                }
                // Editors' temp files come and go: show what is still (or no longer) there.
                changed.retain(|p| p.exists() || inputs.iter().any(|i| i == p));
                printer.status(&format!(
                    "{} {}",
                    printer.paint(Style::Cyan, "changed:"),
                    changed
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                report(printer, job());
            }
        }
    }
    printer.status("stopped watching");
    Ok(())
}

fn report(printer: &Printer, result: Result<()>) {
    if let Err(e) = result {
        if !e.is::<crate::Reported>() {
            printer.error(&e);
        }
        printer.status(&printer.paint(Style::Dim, "waiting for the next change"));
    }
}
