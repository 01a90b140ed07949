//! Completion of dynamic values (token paths, component names, versions, sources and
//! remotes) for shells that ask the binary itself (`COMPLETE=<shell> opends`). Reads the
//! project's store read-only and its `opends.yaml`; anything missing or unreadable gives
//! no candidates, never an error, and nothing is created or migrated.

use std::ffi::OsStr;
use std::path::PathBuf;

use clap_complete::engine::CompletionCandidate;

use crate::env_vars::EnvVars;
use crate::settings::{self, Project};
use crate::store::{self, Names};

/// The project named by `OPENDS_PROJECT`, else the one around the working directory.
fn project() -> Option<Project> {
    let cwd = std::env::current_dir().ok()?;
    let explicit = std::env::var_os(EnvVars::PROJECT).map(PathBuf::from);
    settings::discover(explicit.as_deref(), &cwd).ok()
}

/// The store file: `OPENDS_DB`, else the project's.
fn db() -> Option<PathBuf> {
    if let Some(db) = std::env::var_os(EnvVars::DB) {
        return Some(PathBuf::from(db));
    }
    project().map(|p| p.default_db())
}

/// The names that start with what is typed so far.
fn matching(names: impl IntoIterator<Item = String>, current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    names
        .into_iter()
        .filter(|n| n.starts_with(typed.as_ref()))
        .map(CompletionCandidate::new)
        .collect()
}

fn from_store(kind: Names, current: &OsStr) -> Vec<CompletionCandidate> {
    db().map_or_else(Vec::new, |db| matching(store::names(&db, kind), current))
}

/// Token paths in the store.
pub fn tokens(current: &OsStr) -> Vec<CompletionCandidate> {
    from_store(Names::Tokens, current)
}

/// Component names in the store.
pub fn components(current: &OsStr) -> Vec<CompletionCandidate> {
    from_store(Names::Components, current)
}

/// Released versions (newest first), and `latest`.
pub fn versions(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut names = vec!["latest".to_string()];
    if let Some(db) = db() {
        names.extend(store::names(&db, Names::Versions));
    }
    matching(names, current)
}

/// Remotes the store knows.
pub fn remotes(current: &OsStr) -> Vec<CompletionCandidate> {
    from_store(Names::Remotes, current)
}

/// Design sources named in `opends.yaml`.
pub fn sources(current: &OsStr) -> Vec<CompletionCandidate> {
    project().map_or_else(Vec::new, |p| {
        matching(p.config.sources.into_iter().map(|s| s.name), current)
    })
}
