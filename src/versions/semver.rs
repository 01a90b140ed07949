//! Semver numbers as releases use them: `MAJOR.MINOR.PATCH` with an optional
//! `-ID.N` pre-release (`1.3.0-alpha.2`), ordered by semver precedence.
//!
//! Parsing and precedence are the `semver` crate's (Semantic Versioning 2.0.0, leading zeros refused,
//! equality and ordering in agreement); the bump and pre-release numbering rules of
//! releases are this module's.

use std::fmt;

use super::Bump;

/// A version number (never with build metadata).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(semver::Version);

/// Why a text is not a version number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VersionError {
    /// Not `MAJOR.MINOR.PATCH[-PRE]` (also: build metadata, which releases do not use).
    #[error("`{text}` is not a version: expected MAJOR.MINOR.PATCH, e.g. 1.2.0 or 2.0.0-beta.1")]
    Malformed {
        /// The text as given.
        text: String,
    },
    /// A number written with a leading zero (`01`), which semver does not allow.
    #[error("`{text}` is not a version: the number `{number}` has a leading zero")]
    LeadingZero {
        /// The text as given.
        text: String,
        /// The offending number.
        number: String,
    },
}

impl Version {
    /// The first release.
    pub const FIRST: Self = Self::new(1, 0, 0);

    /// Parses `1.2.3`, `v1.2.3` or `1.2.3-beta.1` (build metadata is refused).
    pub fn parse(text: &str) -> Result<Self, VersionError> {
        let t = text.strip_prefix('v').unwrap_or(text);
        match semver::Version::parse(t) {
            Ok(v) if v.build.is_empty() => Ok(Self(v)),
            _ => Err(leading_zero(t).map_or_else(
                || VersionError::Malformed {
                    text: text.to_string(),
                },
                |number| VersionError::LeadingZero {
                    text: text.to_string(),
                    number: number.to_string(),
                },
            )),
        }
    }

    const fn new(major: u64, minor: u64, patch: u64) -> Self {
        Self(semver::Version::new(major, minor, patch))
    }

    /// Whether it is a pre-release.
    pub fn is_pre(&self) -> bool {
        !self.0.pre.is_empty()
    }

    /// The release this is (or will become): without the pre-release part.
    #[must_use]
    pub fn core(&self) -> Self {
        Self::new(self.0.major, self.0.minor, self.0.patch)
    }

    /// The pre-release identifiers (`alpha.2` is `["alpha", "2"]`); none for a release.
    fn pre_ids(&self) -> impl Iterator<Item = &str> {
        let pre = self.0.pre.as_str();
        pre.split('.').filter(move |_| !pre.is_empty())
    }

    /// The next release after this one for `bump` (a pre-release's own core for any bump
    /// it already covers: `2.0.0-rc.1` + major is `2.0.0`).
    #[must_use]
    pub fn bumped(&self, bump: Bump) -> Self {
        let semver::Version {
            major: ma,
            minor: mi,
            patch: pa,
            ..
        } = self.0;
        let next = match bump {
            Bump::Major => Self::new(ma + 1, 0, 0),
            Bump::Minor => Self::new(ma, mi + 1, 0),
            Bump::Patch => Self::new(ma, mi, pa + 1),
            Bump::None => self.core(),
        };
        if self.is_pre() && self.core().covers(self, bump) {
            return self.core();
        }
        next
    }

    /// Whether moving from `from` to this release is at least `bump`.
    fn covers(&self, from: &Self, bump: Bump) -> bool {
        self.bump_from(from) >= bump
    }

    /// What kind of step going from `from` to `self` is.
    pub fn bump_from(&self, from: &Self) -> Bump {
        // From a pre-release, the step is measured from the release before it.
        let base = if from.is_pre() {
            let c = &from.0;
            match (c.minor, c.patch) {
                (0, 0) if c.major > 0 => Self::new(c.major - 1, u64::MAX, u64::MAX),
                (_, 0) if c.minor > 0 => Self::new(c.major, c.minor - 1, u64::MAX),
                _ => Self::new(c.major, c.minor, c.patch.saturating_sub(1)),
            }
        } else {
            from.clone()
        };
        if self.0.major > base.0.major {
            Bump::Major
        } else if self.0.major == base.0.major && self.0.minor > base.0.minor {
            Bump::Minor
        } else if self.core() > base.core() {
            Bump::Patch
        } else {
            Bump::None
        }
    }

    /// This release as pre-release `id`, numbered after `latest` when that is the
    /// same core and id (`1.3.0-alpha.1` -> `1.3.0-alpha.2`).
    ///
    /// `id` is a valid pre-release identifier (the command line and the server check it
    /// first); one that is not leaves the release as it is.
    #[must_use]
    pub fn with_pre(&self, id: &str, latest: Option<&Self>) -> Self {
        let n = latest
            .filter(|l| l.core() == self.core() && l.pre_ids().next() == Some(id))
            .and_then(|l| l.pre_ids().nth(1)?.parse::<u64>().ok())
            .map_or(1, |n| n + 1);
        let mut v = self.core();
        if let Ok(pre) = semver::Prerelease::new(&format!("{id}.{n}")) {
            v.0.pre = pre;
        }
        v
    }
}

/// The first number in a would-be version written with a leading zero (`01`), if any.
fn leading_zero(text: &str) -> Option<&str> {
    let text = text.split_once('+').map_or(text, |(t, _)| t);
    let (core, pre) = text.split_once('-').unwrap_or((text, ""));
    core.split('.')
        .chain(pre.split('.'))
        .find(|p| p.len() > 1 && p.starts_with('0') && p.bytes().all(|b| b.is_ascii_digit()))
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn parses_orders_and_bumps() {
        assert_eq!(v("v1.2.3").to_string(), "1.2.3");
        assert!(Version::parse("1.2").is_err());
        assert!(Version::parse("01.2.3").is_err());
        assert!(v("1.0.0-alpha.1") < v("1.0.0-alpha.2"));
        assert!(v("1.0.0-alpha.10") > v("1.0.0-alpha.2"));
        assert!(v("1.0.0-beta.1") > v("1.0.0-alpha.9"));
        assert!(v("1.0.0-rc.1") < v("1.0.0"));
        assert_eq!(v("1.2.3").bumped(Bump::Major), v("2.0.0"));
        assert_eq!(v("1.2.3").bumped(Bump::Minor), v("1.3.0"));
        assert_eq!(v("1.2.3").bumped(Bump::Patch), v("1.2.4"));
        // A pre-release already covers what it is a pre-release of.
        assert_eq!(v("2.0.0-rc.1").bumped(Bump::Major), v("2.0.0"));
        assert_eq!(v("1.3.0-alpha.1").bumped(Bump::Minor), v("1.3.0"));
        assert_eq!(v("1.3.0-alpha.1").bumped(Bump::Major), v("2.0.0"));
        assert_eq!(
            v("1.3.0").with_pre("alpha", Some(&v("1.3.0-alpha.1"))),
            v("1.3.0-alpha.2")
        );
        assert_eq!(
            v("1.3.0").with_pre("beta", Some(&v("1.3.0-alpha.4"))),
            v("1.3.0-beta.1")
        );
        assert_eq!(v("2.0.0").bump_from(&v("1.9.3")), Bump::Major);
        assert_eq!(v("1.3.0").bump_from(&v("1.3.0-alpha.1")), Bump::Minor);
        assert_eq!(v("1.2.4").bump_from(&v("1.2.3")), Bump::Patch);
    }

    #[test]
    fn precedence_follows_semver_section_11() {
        // SemVer 2.0.0, section 11: each is lower than the next.
        let chain = [
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "2.0.0",
            "2.1.0",
            "2.1.1",
        ];
        for pair in chain.windows(2) {
            assert!(v(pair[0]) < v(pair[1]), "{} < {}", pair[0], pair[1]);
        }
        // Numeric identifiers compare as numbers, beyond u64 too, and below any text.
        assert!(v("1.0.0-alpha.9") < v("1.0.0-alpha.10"));
        assert!(v("1.0.0-alpha.18446744073709551615") < v("1.0.0-alpha.18446744073709551616"));
        assert!(v("1.0.0-alpha.99") < v("1.0.0-alpha.a"));
        assert!(v("1.0.0-alpha.-") > v("1.0.0-alpha.9"));
        // Text identifiers compare in ASCII order.
        assert!(v("1.0.0-Beta") < v("1.0.0-alpha"));
        assert_eq!(v("v1.0.0-rc.1"), v("1.0.0-rc.1"));
    }

    #[test]
    fn equality_agrees_with_ordering() {
        let all: Vec<Version> = [
            "0.0.0",
            "0.0.1",
            "1.0.0-0",
            "1.0.0-0.0",
            "1.0.0-1",
            "1.0.0-alpha",
            "1.0.0-alpha.0",
            "1.0.0-alpha.1",
            "1.0.0-alpha.10",
            "1.0.0-alpha.a",
            "1.0.0-alpha-1",
            "1.0.0",
            "v1.0.0",
            "1.0.1",
            "10.0.0",
        ]
        .iter()
        .map(|s| v(s))
        .collect();
        for a in &all {
            for b in &all {
                assert_eq!(a == b, a.cmp(b) == Ordering::Equal, "{a} vs {b}");
                assert_eq!(a.cmp(b), b.cmp(a).reverse(), "{a} vs {b}");
                if a == b {
                    assert_eq!(a.to_string(), b.to_string());
                }
            }
        }
    }

    #[test]
    fn leading_zeros_and_other_forms_are_refused() {
        for (text, number) in [
            ("01.2.3", "01"),
            ("1.02.3", "02"),
            ("1.2.03", "03"),
            ("v1.2.00", "00"),
            ("1.0.0-alpha.01", "01"),
            ("1.0.0-007", "007"),
        ] {
            assert_eq!(
                Version::parse(text),
                Err(VersionError::LeadingZero {
                    text: text.into(),
                    number: number.into()
                })
            );
            assert_eq!(
                Version::parse(text).unwrap_err().to_string(),
                format!("`{text}` is not a version: the number `{number}` has a leading zero")
            );
        }
        // `0` alone, and identifiers that are not numbers, are fine.
        assert_eq!(v("0.0.0").to_string(), "0.0.0");
        assert_eq!(v("1.0.0-alpha.0").to_string(), "1.0.0-alpha.0");
        assert_eq!(v("1.0.0-0a.01b").to_string(), "1.0.0-0a.01b");
        for text in [
            "",
            "1",
            "1.2",
            "1.2.3.4",
            "1.2.3-",
            "1.2.3-a..b",
            "1.2.3+build",
            "1.2.3-rc.1+b",
            "V1.2.3",
            "vv1.2.3",
            " 1.2.3",
            "1.2.3 ",
            "1.2.x",
            "1.2.3-a_b",
            "-1.2.3",
            "18446744073709551616.0.0",
        ] {
            assert_eq!(
                Version::parse(text).unwrap_err().to_string(),
                format!(
                    "`{text}` is not a version: expected MAJOR.MINOR.PATCH, e.g. 1.2.0 or 2.0.0-beta.1"
                ),
                "{text:?}"
            );
        }
    }

    #[test]
    fn pre_releases_number_after_the_latest_of_their_kind() {
        let base = v("1.3.0");
        assert_eq!(base.with_pre("rc", None), v("1.3.0-rc.1"));
        assert_eq!(
            base.with_pre("rc", Some(&v("1.3.0-rc.9"))),
            v("1.3.0-rc.10")
        );
        // Another core, or a latest without a number: starts at 1.
        assert_eq!(base.with_pre("rc", Some(&v("1.2.0-rc.4"))), v("1.3.0-rc.1"));
        assert_eq!(base.with_pre("rc", Some(&v("1.3.0-rc"))), v("1.3.0-rc.1"));
        assert!(!base.is_pre());
        assert!(base.with_pre("rc", None).is_pre());
        assert_eq!(v("1.3.0-rc.2").core(), base);
    }
}
