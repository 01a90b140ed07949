//! The project's files and the store: reading the token files and component specs
//! that `opends.yaml` lists, fingerprinting them, merging them into the store when
//! they changed, and the release's `CHANGELOG.md`. Returns summaries and findings as
//! data; commands print them.

mod changelog;
pub mod export;
mod files;
pub mod generate;
mod outputs;
mod release;
mod release_files;
mod specs;
mod sync;
#[cfg(test)]
mod tests;

pub use changelog::finish_changelog;
pub(crate) use files::Fnv;
pub use files::{
    TokenFiles, display_path, has_token_files, input, is_token_input, load, read_files,
    read_token_files, reading, watched_inputs,
};
pub use outputs::{
    NothingTo, check_components, check_tokens, expand_modes, outputs, unsynced_sources,
};
pub use release::{
    ReleasePlan, Request as ReleaseRequest, commit_release, find_version, plan_release,
    release_retries, snapshot_of, unknown_version, values_minor,
};
pub use release_files::{import_releases, release_file, remove_release_file, write_release_files};
pub use specs::{
    SpecFile, SpecsImported, check_project_specs, check_specs, find, from_project_specs,
    import_specs, matches_name, merge, no_component, read_specs, remove, set_status, spec_paths,
    sync_specs,
};
pub use sync::{forget_token_files, sync_tokens};

use crate::store::WriteSummary;
use crate::tokens::Findings;

/// Files with problems: nothing was written. The findings say what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{what}: {} problems found", findings.error_count())]
pub struct Invalid {
    /// What was read (`the project's token files`, `component import`, ...).
    pub what: &'static str,
    /// Every problem (and warning) found.
    pub findings: Findings,
}

/// What importing the project's token files did.
#[derive(Debug, Default)]
pub struct Imported {
    /// Tokens added, changed, removed.
    pub summary: WriteSummary,
    /// Warnings about the files.
    pub findings: Findings,
}
