//! `opends lint`.
use super::Context;
use crate::Outcome;
use crate::cli::LintArgs;
use anyhow::Result;
/// `opends lint`.
pub fn run(_ctx: &Context, _args: LintArgs) -> Result<Outcome> {
    Ok(Outcome::Success)
}
