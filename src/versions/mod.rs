//! Versions of a design system: what changed between two states of the tokens and
//! components (a [`Changeset`]), and the semver bump those changes call for.

pub mod diff;
pub mod file;
pub mod plan;
pub mod render;
pub mod semver;

pub use diff::{Bump, Change, Changeset, diff};

use crate::model::StoredComponent;
use crate::store::Snapshot;

fn specs(components: &[StoredComponent]) -> Vec<crate::model::Component> {
    components.iter().map(|c| c.spec.clone()).collect()
}

/// The changes from `old` to `new`.
pub fn changes(old: &Snapshot, new: &Snapshot) -> Changeset {
    diff(
        &old.tokens,
        &new.tokens,
        &specs(&old.components),
        &specs(&new.components),
    )
}
