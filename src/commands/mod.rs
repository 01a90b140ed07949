//! One module per verb. Commands parse their arguments, call the domain and print;
//! this module holds the [`Context`] they share: the project (found once per run),
//! the store, and printing what the domain returns.

pub mod auth;
pub mod completions;
pub mod components;
pub mod diff;
pub mod docs;
pub mod export;
pub mod generate;
pub mod init;
pub mod lint;
pub mod remote;
pub mod server;
pub mod source;
pub mod sync;
pub mod tokens;
pub mod versions;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context as _, Result};

use crate::cli::GlobalArgs;
use crate::model::Tokens;
use crate::output::{Counts, FileReport, FileStatus, WriteRecord};
use crate::printer::{Printer, Style};
use crate::project::{self, Invalid};
use crate::settings::{self, Project, SettingsError};
use crate::store::{Store, WriteSummary};
use crate::tokens::Findings;

/// Before a prompt: Ctrl-C gives the terminal its cursor back (a prompt hides it) and
/// ends the process with 130, as an interrupted command does. Returns `true` so it can
/// stand in a condition before the prompt it guards.
pub(crate) fn restore_cursor_on_interrupt() -> bool {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // Fails only when a handler is already installed (a watch): that one exits too.
        let _ = ctrlc::set_handler(|| {
            interrupted();
            std::process::exit(130);
        });
    });
    true
}

/// After Ctrl-C at a prompt: shows the cursor a prompt may have hidden, on a new line.
pub(crate) fn interrupted() {
    let term = dialoguer::console::Term::stderr();
    let _ = term.show_cursor();
    let _ = term.write_line("");
}

/// Everything a command needs from the command line and the environment.
pub struct Context {
    /// Global flags.
    pub global: GlobalArgs,
    /// Output.
    pub printer: Printer,
    /// The working directory.
    pub cwd: PathBuf,
    /// The project, once found (see [`Context::reload`]).
    project: Mutex<Option<Project>>,
}

impl Context {
    /// Builds the context.
    pub fn new(global: GlobalArgs, printer: Printer) -> Self {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Self {
            global,
            printer,
            cwd,
            project: Mutex::new(None),
        }
    }

    /// Forgets the project found so far: `--watch` runs read `opends.yaml` afresh.
    pub fn reload(&self) {
        *self
            .project
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }

    /// The project (`-C`, `OPENDS_PROJECT`, or the nearest `opends.yaml` above), read once.
    fn discover(&self) -> Result<Project, SettingsError> {
        let mut cached = self
            .project
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(p) = &*cached {
            return Ok(p.clone());
        }
        let p = settings::discover(self.global.project.as_deref(), &self.cwd)?;
        *cached = Some(p.clone());
        Ok(p)
    }

    /// The project (`-C`, `OPENDS_PROJECT`, or the nearest `opends.yaml` above).
    pub fn project(&self) -> Result<Project> {
        self.discover().map_err(|e| match e {
            SettingsError::NotFound { .. } => crate::hinted(
                e.to_string(),
                "run `opends init` to create a project, or pass `-C DIR`",
            ),
            other => anyhow::Error::new(other),
        })
    }

    /// The project, or `None` when there is none (other errors are errors).
    pub fn project_opt(&self) -> Result<Option<Project>> {
        match self.discover() {
            Ok(p) => Ok(Some(p)),
            Err(SettingsError::NotFound { .. }) if self.global.project.is_none() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The store path: `--db`/`OPENDS_DB`, else `.opends/opends.db` in the project.
    pub fn db_path(&self, project: Option<&Project>) -> Result<PathBuf> {
        if let Some(db) = &self.global.db {
            return Ok(self.cwd.join(db));
        }
        match project {
            Some(p) => Ok(p.default_db()),
            None => Err(crate::hinted(
                "no store: not inside an opends project",
                "create a project and its store with `opends init` (then `opends tokens import` reads token files into it), or run inside a project (`-C DIR`)",
            )),
        }
    }

    /// Opens the store; in a project, the releases recorded in its `releases/` that the
    /// store does not have yet are read into it.
    pub fn store(&self, project: Option<&Project>) -> Result<Store> {
        let path = self.db_path(project)?;
        let store = Store::open(&path)
            .with_context(|| format!("could not open the store `{}`", path.display()))?;
        self.with_releases(project, store)
    }

    /// The store with the project's release files it lacks read in (`releases/`).
    fn with_releases(&self, project: Option<&Project>, mut store: Store) -> Result<Store> {
        if let Some(p) = project {
            let made = project::import_releases(&p.root, &mut store)?;
            if !made.is_empty() {
                let names: Vec<&str> = made.iter().map(|v| v.version.as_str()).collect();
                self.printer.detail(&format!(
                    "read the project's release files: {}",
                    names.join(", ")
                ));
            }
        }
        Ok(store)
    }

    /// Opens the store, except that a run that writes nothing (`check`: `--check`) never
    /// creates one: when it is missing, an empty store in memory stands in for it (the
    /// project's files are read into it as usual), so a fresh clone checks as it is.
    pub fn store_for(&self, project: Option<&Project>, check: bool) -> Result<Store> {
        if check && !self.db_path(project)?.exists() {
            return self.with_releases(project, Store::open_in_memory()?);
        }
        self.store(project)
    }

    /// The project (if any) and its store, with the project's tokens and components
    /// imported when their files changed.
    pub fn open(&self) -> Result<(Option<Project>, Store)> {
        self.open_for(false)
    }

    /// [`Context::open`]; with `check`, a missing store is not created (see
    /// [`Context::store_for`]).
    pub fn open_for(&self, check: bool) -> Result<(Option<Project>, Store)> {
        let project = self.project_opt()?;
        let mut store = self.store_for(project.as_ref(), check)?;
        if let Some(p) = &project {
            self.import_tokens(p, &mut store, false, false)?;
            self.import_specs(p, &mut store, false)?;
        }
        Ok((project, store))
    }

    /// The project (if any) and its store as it is: for released versions, which do not
    /// depend on the working files (they may be mid-edit). With `check`, a missing store
    /// is not created (see [`Context::store_for`]).
    pub fn open_released(&self, check: bool) -> Result<(Option<Project>, Store)> {
        let project = self.project_opt()?;
        let store = self.store_for(project.as_ref(), check)?;
        Ok((project, store))
    }

    /// The project (if any) and its store, with the project's tokens imported when
    /// their files changed (components are left as they are).
    pub fn open_tokens(&self) -> Result<(Option<Project>, Store)> {
        let project = self.project_opt()?;
        let mut store = self.store(project.as_ref())?;
        if let Some(p) = &project {
            self.import_tokens(p, &mut store, false, false)?;
        }
        Ok((project, store))
    }

    /// The tokens: the project's store (its files imported when they changed), or the
    /// store named with `--db` outside a project.
    pub fn tokens(&self) -> Result<Tokens> {
        let (_, store) = self.open_tokens()?;
        Ok(store.load()?)
    }

    /// The project's tokens: imports the project's token files into the store when they
    /// changed since the last import (nothing is written when they have problems), then
    /// reads the store.
    pub fn project_tokens(&self, project: &Project, store: &mut Store) -> Result<Tokens> {
        self.import_tokens(project, store, false, false)?;
        Ok(store.load()?)
    }

    /// Imports the project's token files (see [`project::sync_tokens`]) and prints what
    /// was found; problems stop the command.
    pub fn import_tokens(
        &self,
        project: &Project,
        store: &mut Store,
        force: bool,
        replace: bool,
    ) -> Result<Option<WriteSummary>> {
        let imported = self.reported(project::sync_tokens(project, store, force, replace))?;
        Ok(imported.map(|i| {
            self.print_findings(&i.findings);
            self.printer.detail(&format!(
                "imported the project's token files: {} added, {} changed, {} removed",
                i.summary.added, i.summary.changed, i.summary.removed
            ));
            i.summary
        }))
    }

    /// Imports the project's component specs (see [`project::sync_specs`]) and prints
    /// what was found; problems stop the command.
    pub fn import_specs(&self, project: &Project, store: &mut Store, force: bool) -> Result<()> {
        if let Some(i) = self.reported(project::sync_specs(project, store, force))? {
            self.print_findings(&i.findings);
        }
        Ok(())
    }

    /// `result`, with [`Invalid`] files reported (their findings printed).
    pub fn reported<T>(&self, result: Result<T>) -> Result<T> {
        result.or_else(|e| match e.downcast::<Invalid>() {
            Ok(invalid) => {
                self.report(invalid.findings, invalid.what)?;
                Err(crate::Reported(format!("invalid {}", invalid.what)).into())
            }
            Err(e) => Err(e),
        })
    }

    /// Prints findings as they are (errors and warnings).
    pub fn print_findings(&self, findings: &Findings) {
        self.printer.findings(findings.iter());
    }

    /// Prints findings (errors always, warnings unless quiet) and fails when any is an error.
    pub fn report(&self, findings: Findings, what: &str) -> Result<()> {
        let sorted = findings.into_sorted();
        let errors = sorted.iter().filter(|f| f.is_error()).count();
        self.printer.findings(&sorted);
        if errors > 0 {
            self.printer.status(&format!(
                "{}: {what}: {errors} problem{} found; nothing was written",
                self.printer.paint(Style::Red, "error"),
                if errors == 1 { "" } else { "s" }
            ));
            return Err(crate::Reported(format!("{errors} problems")).into());
        }
        Ok(())
    }

    /// A path as shown: relative to the working directory when it is below it.
    pub fn display(&self, path: &Path) -> String {
        project::display_path(&self.cwd, path)
    }

    /// The record of files opends wrote, beside the store (if there is one).
    pub fn write_record(&self, project: Option<&Project>) -> WriteRecord {
        WriteRecord::beside(self.db_path(project).ok().as_deref())
    }

    /// Prints one line per written, stale or missing file (unchanged ones with `--verbose`).
    pub fn print_file_lines(&self, reports: &[FileReport], check: bool) {
        for r in reports {
            let label = match r.status {
                FileStatus::Written => self.printer.paint(Style::Green, "wrote"),
                FileStatus::Unchanged => self.printer.paint(Style::Dim, "unchanged"),
                FileStatus::Stale => self.printer.paint(Style::Red, "stale"),
                FileStatus::Missing => self.printer.paint(Style::Red, "missing"),
            };
            if r.status == FileStatus::Unchanged && !check {
                self.printer.detail(&format!("unchanged {}", r.path));
            } else {
                self.printer.status(&format!("{label} {}", r.path));
            }
        }
    }

    /// The last line of a `--check` run (`fix`: the command that updates the files).
    pub fn print_check_summary(&self, reports: &[FileReport], fix: &str) {
        let stale = Counts::of(reports).stale;
        let total = reports.len();
        if stale == 0 {
            self.printer.status(&format!(
                "{} {} up to date",
                self.printer.paint(Style::Green, "ok:"),
                crate::printer::count(total, "file")
            ));
        } else {
            self.printer.status(&format!(
                "{} {stale} of {} stale or missing; run `{fix}` to update them",
                self.printer.paint(Style::Red, "check failed:"),
                crate::printer::count(total, "file")
            ));
        }
    }
}
