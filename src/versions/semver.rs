//! Semver numbers as releases use them: `MAJOR.MINOR.PATCH` with an optional
//! `-ID.N` pre-release (`1.3.0-alpha.2`), ordered by semver precedence.

use std::cmp::Ordering;
use std::fmt;

use super::Bump;

/// A version number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Major.
    pub major: u64,
    /// Minor.
    pub minor: u64,
    /// Patch.
    pub patch: u64,
    /// Pre-release identifiers (`alpha.2` is `["alpha", "2"]`); empty for a release.
    pub pre: Vec<String>,
}

impl Version {
    /// The first release.
    pub const FIRST: Self = Self {
        major: 1,
        minor: 0,
        patch: 0,
        pre: Vec::new(),
    };

    /// Parses `1.2.3`, `v1.2.3` or `1.2.3-beta.1` (build metadata is refused).
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "`{text}` is not a version: expected MAJOR.MINOR.PATCH, e.g. 1.2.0 or 2.0.0-beta.1"
            )
        };
        let t = text.strip_prefix('v').unwrap_or(text);
        let (core, pre) = match t.split_once('-') {
            Some((c, p)) => (c, Some(p)),
            None => (t, None),
        };
        let nums: Vec<u64> = core
            .split('.')
            .map(|p| {
                if p.is_empty() || (p.len() > 1 && p.starts_with('0')) {
                    return None;
                }
                p.parse().ok()
            })
            .collect::<Option<_>>()
            .ok_or_else(bad)?;
        let [major, minor, patch] = nums[..] else {
            return Err(bad());
        };
        let pre = match pre {
            None => Vec::new(),
            Some(p) => {
                let ids: Vec<String> = p.split('.').map(str::to_string).collect();
                let ok = ids.iter().all(|i| {
                    !i.is_empty() && i.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                });
                if !ok {
                    return Err(bad());
                }
                ids
            }
        };
        Ok(Self {
            major,
            minor,
            patch,
            pre,
        })
    }

    /// Whether it is a pre-release.
    pub fn is_pre(&self) -> bool {
        !self.pre.is_empty()
    }

    /// The release this is (or will become): without the pre-release part.
    #[must_use]
    pub fn core(&self) -> Self {
        Self {
            pre: Vec::new(),
            ..self.clone()
        }
    }

    /// The next release after this one for `bump` (a pre-release's own core for any bump
    /// it already covers: `2.0.0-rc.1` + major is `2.0.0`).
    #[must_use]
    pub fn bumped(&self, bump: Bump) -> Self {
        let (ma, mi, pa) = (self.major, self.minor, self.patch);
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

    fn new(major: u64, minor: u64, patch: u64) -> Self {
        Self {
            major,
            minor,
            patch,
            pre: Vec::new(),
        }
    }

    /// What kind of step going from `from` to `self` is.
    pub fn bump_from(&self, from: &Self) -> Bump {
        // From a pre-release, the step is measured from the release before it.
        let base = if from.is_pre() {
            let c = from.core();
            match (c.minor, c.patch) {
                (0, 0) if c.major > 0 => Self::new(c.major - 1, u64::MAX, u64::MAX),
                (_, 0) if c.minor > 0 => Self::new(c.major, c.minor - 1, u64::MAX),
                _ => Self::new(c.major, c.minor, c.patch.saturating_sub(1)),
            }
        } else {
            from.clone()
        };
        if self.major > base.major {
            Bump::Major
        } else if self.major == base.major && self.minor > base.minor {
            Bump::Minor
        } else if self.core() > base.core() {
            Bump::Patch
        } else {
            Bump::None
        }
    }

    /// This release as pre-release `id`, numbered after `latest` when that is the
    /// same core and id (`1.3.0-alpha.1` -> `1.3.0-alpha.2`).
    #[must_use]
    pub fn with_pre(&self, id: &str, latest: Option<&Self>) -> Self {
        let n = latest
            .filter(|l| l.core() == self.core() && l.pre.first().map(String::as_str) == Some(id))
            .and_then(|l| l.pre.get(1)?.parse::<u64>().ok())
            .map_or(1, |n| n + 1);
        Self {
            pre: vec![id.to_string(), n.to_string()],
            ..self.core()
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if self.is_pre() {
            write!(f, "-{}", self.pre.join("."))?;
        }
        Ok(())
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(other.major, other.minor, other.patch))
            .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => {
                    for (a, b) in self.pre.iter().zip(&other.pre) {
                        let o = match (a.parse::<u64>(), b.parse::<u64>()) {
                            (Ok(x), Ok(y)) => x.cmp(&y),
                            (Ok(_), Err(_)) => Ordering::Less,
                            (Err(_), Ok(_)) => Ordering::Greater,
                            (Err(_), Err(_)) => a.cmp(b),
                        };
                        if o != Ordering::Equal {
                            return o;
                        }
                    }
                    self.pre.len().cmp(&other.pre.len())
                }
            })
    }
}

#[cfg(test)]
mod tests {
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
}
