//! Findings: problems and warnings about token files, with file, line:column and token path.

use std::fmt;

use serde::Serialize;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing (e.g. a legacy format that should be converted); nothing is refused.
    Warning,
    /// The input is invalid; nothing is written.
    Error,
}

/// One problem found in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case name of the rule (e.g. `unknown-reference`).
    pub code: &'static str,
    /// The file, as given on the command line or relative to the project.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column (characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// The token or group path the finding is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
}

/// Where in a file something is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The file name, if any (shared: every token of a file points at one copy).
    pub file: Option<std::sync::Arc<str>>,
    /// 1-based line (0 when unknown).
    pub line: u32,
    /// 1-based column (0 when unknown).
    pub column: u32,
}

impl Location {
    fn line(&self) -> Option<u32> {
        (self.line > 0).then_some(self.line)
    }

    fn column(&self) -> Option<u32> {
        (self.column > 0).then_some(self.column)
    }
}

impl Finding {
    /// An error at `loc` about `path`.
    pub fn error(code: &'static str, loc: &Location, path: Option<&str>, message: String) -> Self {
        Self::new(Severity::Error, code, loc, path, message)
    }

    /// A warning at `loc` about `path`.
    pub fn warning(
        code: &'static str,
        loc: &Location,
        path: Option<&str>,
        message: String,
    ) -> Self {
        Self::new(Severity::Warning, code, loc, path, message)
    }

    fn new(
        severity: Severity,
        code: &'static str,
        loc: &Location,
        path: Option<&str>,
        message: String,
    ) -> Self {
        Self {
            severity,
            code,
            file: loc.file.as_deref().map(str::to_string),
            line: loc.line(),
            column: loc.column(),
            path: path.filter(|p| !p.is_empty()).map(str::to_string),
            message,
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Finding {
    /// `tokens/color.json:12:5: color.brand: message`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}")?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(col) = self.column {
                    write!(f, ":{col}")?;
                }
            }
            f.write_str(": ")?;
        }
        if let Some(path) = &self.path {
            write!(f, "`{path}`: ")?;
        }
        f.write_str(&self.message)
    }
}

/// The findings of one run, in the order they were found.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    items: Vec<Finding>,
}

impl Findings {
    /// Adds a finding.
    pub fn push(&mut self, finding: Finding) {
        self.items.push(finding);
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Finding::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|f| f.is_error()).count()
    }

    /// All findings.
    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        self.items.iter()
    }

    /// All findings, sorted by file, line and column (stable for equal positions).
    pub fn into_sorted(mut self) -> Vec<Finding> {
        self.items
            .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        self.items.dedup();
        self.items
    }

    /// Appends findings made elsewhere.
    pub fn extend_from(&mut self, found: impl IntoIterator<Item = Finding>) {
        self.items.extend(found);
    }

    /// Appends all of `other`.
    pub fn extend(&mut self, other: Findings) {
        self.items.extend(other.items);
    }

    /// Number of findings.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
