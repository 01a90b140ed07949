//! Versions of a design system: what changed between two states of the tokens and
//! components (a [`Changeset`]), and the semver bump those changes call for.

pub mod diff;
pub mod plan;
pub mod render;
pub mod semver;

pub use diff::{Bump, Change, Changeset, diff};
