//! Numbering a release: the version the changes call for, what was asked for, and
//! whether that is allowed. Shared by `opends release` and the server's releases.

use std::fmt::Write as _;

use super::semver::{Version, VersionError};
use super::{Bump, Changeset, render};

/// What the releaser asked for.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    /// An explicit version number.
    pub version: Option<&'a str>,
    /// An explicit bump (`None`: what the changes call for).
    pub bump: Option<Bump>,
    /// A pre-release identifier.
    pub pre: Option<&'a str>,
    /// Allow a smaller bump than the changes call for.
    pub force: bool,
}

/// The decided release.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Its number.
    pub version: Version,
    /// What the changes call for (at least patch, `major` for a first release).
    pub required: Bump,
    /// The step actually taken.
    pub chosen: Bump,
    /// Whether `chosen` is smaller than `required` (needs `force`).
    pub forced: bool,
}

/// Why a release cannot be numbered as asked.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The version text is not semver.
    #[error(transparent)]
    BadVersion(#[from] VersionError),
    /// The version is not newer than the latest.
    #[error("{next} is not newer than the latest version {latest}")]
    NotNewer {
        /// The proposed version.
        next: String,
        /// The latest one.
        latest: String,
    },
    /// The bump is smaller than the changes call for, without `force`.
    #[error("the changes call for a {} release, not {} ({next})", render::bump_name(*.required), render::bump_name(*.chosen))]
    TooSmall {
        /// What the changes call for.
        required: Bump,
        /// What was asked for.
        chosen: Bump,
        /// The version that would have been released.
        next: String,
    },
}

/// Numbers the release after `latest` for the changes `cs`.
pub fn plan(
    latest: Option<&str>,
    cs: &Changeset,
    values_minor: bool,
    req: &Request<'_>,
) -> Result<Plan, PlanError> {
    let latest = latest
        .map(Version::parse)
        .transpose()
        .map_err(PlanError::BadVersion)?;
    // Metadata-only changes (descriptions, extensions) still make a new version: patch.
    let required = if latest.is_none() {
        Bump::Major
    } else {
        cs.bump(values_minor).max(Bump::Patch)
    };
    let (next, chosen) = match (req.version, &latest) {
        (Some(v), _) => {
            let v = Version::parse(v).map_err(PlanError::BadVersion)?;
            let step = latest.as_ref().map_or(Bump::Major, |l| v.bump_from(l));
            (v, step)
        }
        (None, None) => (Version::FIRST, Bump::Major),
        (None, Some(l)) => {
            let b = req.bump.unwrap_or(required);
            (l.bumped(b), b)
        }
    };
    let next = match req.pre {
        Some(id) if req.version.is_none() => next.with_pre(id, latest.as_ref()),
        _ => next,
    };
    if let Some(l) = &latest {
        if next <= *l {
            return Err(PlanError::NotNewer {
                next: next.to_string(),
                latest: l.to_string(),
            });
        }
    }
    let forced = latest.is_some() && chosen < required;
    if forced && !req.force {
        return Err(PlanError::TooSmall {
            required,
            chosen,
            next: next.to_string(),
        });
    }
    Ok(Plan {
        version: next,
        required,
        chosen,
        forced,
    })
}

/// The changelog section of a planned release (`first`: a summary, not every token).
pub fn section(
    plan: &Plan,
    date: &str,
    message: Option<&str>,
    cs: &Changeset,
    first: Option<(usize, usize)>,
) -> String {
    if let Some((tokens, components)) = first {
        let mut s = format!("## [{}] - {date}\n", plan.version);
        if let Some(m) = message.map(str::trim).filter(|m| !m.is_empty()) {
            let _ = write!(s, "\n{m}\n");
        }
        let _ = write!(
            s,
            "\n### Added\n\n- First release: {tokens} tokens, {components} components.\n"
        );
        return s;
    }
    let note = plan.forced.then(|| {
        format!(
            "Released as {} with `--force` although the changes call for {}.",
            render::bump_name(plan.chosen),
            render::bump_name(plan.required)
        )
    });
    render::changelog_section(
        &plan.version.to_string(),
        date,
        message,
        cs,
        note.as_deref(),
    )
}
