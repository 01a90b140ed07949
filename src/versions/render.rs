//! Changes in words: one line per change for terminals, Markdown for pull requests,
//! and the `CHANGELOG.md` section a release writes (Keep a Changelog layout).

use std::fmt::Write as _;

use serde_json::Value;

use super::{Bump, Change, Changeset};

/// The changelog file a release prepends to.
pub const CHANGELOG_FILE: &str = "CHANGELOG.md";

const CHANGELOG_HEADER: &str = "# Changelog\n\nAll notable changes to this design system are listed here, newest first.\nThe format follows Keep a Changelog; versions follow Semantic Versioning.\n";

/// A value in short form: a colour's hex (of its components, gamut-mapped to sRGB;
/// `#rrggbbaa` when translucent), `4px` for dimensions, else compact JSON.
pub fn short_value(v: &Value) -> String {
    if let Some(hex) = crate::color::hex_of_value(v) {
        return hex;
    }
    if let Some(hex) = v.get("hex").and_then(Value::as_str) {
        return hex.to_string();
    }
    if let (Some(n), Some(unit)) = (v.get("value"), v.get("unit").and_then(Value::as_str)) {
        if v.as_object().is_some_and(|o| o.len() == 2) && n.is_number() {
            return format!("{n}{unit}");
        }
    }
    match v {
        Value::String(s) => s.clone(),
        // Composites (border, shadow, typography, ...): their fields in short form.
        Value::Object(fields) => {
            let inner: Vec<String> = fields
                .iter()
                .map(|(k, f)| format!("{k}: {}", short_value(f)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(short_value).collect();
            format!("[{}]", inner.join(", "))
        }
        other => other.to_string(),
    }
}

fn code(text: &str, md: bool) -> String {
    if md {
        // A colour in a code span is drawn as a swatch by GitHub and GitLab.
        format!("`{}`", text.replace('`', "'"))
    } else {
        text.to_string()
    }
}

/// `+`, `-`, `~` or `!` (deprecated).
pub fn sign(c: &Change) -> char {
    match c {
        Change::TokenAdded { .. }
        | Change::ComponentAdded { .. }
        | Change::PropAdded { .. }
        | Change::VariantAdded { .. }
        | Change::SlotAdded { .. } => '+',
        Change::TokenRemoved { .. }
        | Change::ComponentRemoved { .. }
        | Change::PropRemoved { .. }
        | Change::VariantRemoved { .. }
        | Change::SlotRemoved { .. } => '-',
        Change::TokenDeprecated { .. } => '!',
        _ => '~',
    }
}

/// One change in words (names as code spans when `md`).
pub fn describe(c: &Change, md: bool) -> String {
    let q = |s: &str| code(s, md);
    match c {
        Change::TokenAdded { path, ty } => format!("token {} ({ty})", q(path)),
        Change::TokenRemoved { path } => format!("token {}", q(path)),
        Change::TokenRenamed { from, to } => format!("token {} -> {} (renamed)", q(from), q(to)),
        Change::TokenValueChanged {
            path,
            mode,
            old,
            new,
            delta_e,
        } => format!(
            "token {}{}: {} -> {}{}",
            q(path),
            mode.as_ref().map(|m| format!(" [{m}]")).unwrap_or_default(),
            q(&short_value(old)),
            q(&short_value(new)),
            delta_e
                .map(|d| format!(" (deltaE OK {d})"))
                .unwrap_or_default()
        ),
        Change::TokenTypeChanged { path, old, new } => {
            format!("token {}: type {old} -> {new}", q(path))
        }
        Change::TokenDeprecated { path } => format!("token {} deprecated", q(path)),
        Change::ComponentAdded { name } | Change::ComponentRemoved { name } => {
            format!("component {}", q(name))
        }
        Change::PropAdded {
            component,
            prop,
            required,
        } => format!(
            "prop {}{}",
            q(&format!("{component}.{prop}")),
            if *required { " (required)" } else { "" }
        ),
        Change::PropRemoved { component, prop } => {
            format!("prop {}", q(&format!("{component}.{prop}")))
        }
        Change::PropChanged {
            component,
            prop,
            what,
            ..
        } => format!("prop {}: {what}", q(&format!("{component}.{prop}"))),
        Change::VariantAdded { component, variant }
        | Change::VariantRemoved { component, variant } => {
            format!("{} variant {}", q(component), q(variant))
        }
        Change::SlotAdded { component, slot } | Change::SlotRemoved { component, slot } => {
            format!("{} slot {}", q(component), q(slot))
        }
        Change::StatusChanged {
            component,
            old,
            new,
        } => format!("component {}: {old} -> {new}", q(component)),
    }
}

/// The bump in words.
pub fn bump_name(b: Bump) -> &'static str {
    match b {
        Bump::None => "none",
        Bump::Patch => "patch",
        Bump::Minor => "minor",
        Bump::Major => "major",
    }
}

/// One line per change: the bump it calls for, a sign and the change.
pub fn text(cs: &Changeset, values_minor: bool) -> String {
    let mut out = String::new();
    for c in &cs.changes {
        let _ = writeln!(
            out,
            "{:<6} {} {}",
            bump_name(c.bump(values_minor)),
            sign(c),
            describe(c, false)
        );
    }
    out
}

/// A Markdown table of the changes (for pull requests).
pub fn markdown(cs: &Changeset, bump: Bump, values_minor: bool) -> String {
    let mut out = format!("### Changes (semver: {})\n\n", bump_name(bump));
    if cs.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    out.push_str("| | change | bump |\n| --- | --- | --- |\n");
    for c in &cs.changes {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            sign(c),
            describe(c, true).replace('|', "\\|"),
            bump_name(c.bump(values_minor))
        );
    }
    out
}

/// The Keep a Changelog section a change goes under.
fn section_of(c: &Change) -> usize {
    match c {
        Change::TokenRenamed { .. }
        | Change::TokenTypeChanged { .. }
        | Change::PropAdded { required: true, .. }
        | Change::PropChanged { breaking: true, .. } => 0,
        Change::TokenAdded { .. }
        | Change::ComponentAdded { .. }
        | Change::PropAdded { .. }
        | Change::VariantAdded { .. }
        | Change::SlotAdded { .. } => 1,
        Change::TokenDeprecated { .. } => 3,
        Change::StatusChanged { new, .. } if new == "deprecated" => 3,
        Change::TokenRemoved { .. }
        | Change::ComponentRemoved { .. }
        | Change::PropRemoved { .. }
        | Change::VariantRemoved { .. }
        | Change::SlotRemoved { .. } => 4,
        _ => 2,
    }
}

const SECTIONS: [&str; 5] = [
    "Breaking",
    "Added",
    "Changed",
    "Deprecated",
    "Removed (breaking)",
];

/// The `CHANGELOG.md` section of a release.
pub fn changelog_section(
    version: &str,
    date: &str,
    message: Option<&str>,
    cs: &Changeset,
    forced_note: Option<&str>,
) -> String {
    let mut out = format!("## [{version}] - {date}\n");
    if let Some(m) = message.map(str::trim).filter(|m| !m.is_empty()) {
        let _ = write!(out, "\n{m}\n");
    }
    if let Some(note) = forced_note {
        let _ = write!(out, "\n> {note}\n");
    }
    for (i, title) in SECTIONS.iter().enumerate() {
        let items: Vec<&Change> = cs.changes.iter().filter(|c| section_of(c) == i).collect();
        if items.is_empty() {
            continue;
        }
        let _ = write!(out, "\n### {title}\n\n");
        for c in items {
            let mut line = describe(c, true);
            if let Some(first) = line.get(..1) {
                line = first.to_uppercase() + &line[1..];
            }
            let _ = writeln!(out, "- {line}");
        }
    }
    out
}

/// `existing` (the current `CHANGELOG.md`, if any) with `section` as its newest entry.
pub fn prepend_changelog(existing: Option<&str>, section: &str) -> String {
    let existing = existing.unwrap_or(CHANGELOG_HEADER);
    // The first release section: a line starting with `## `.
    let at = if existing.starts_with("## ") {
        Some(0)
    } else {
        existing.find("\n## ").map(|i| i + 1)
    };
    if let Some(i) = at {
        format!("{}{section}\n{}", &existing[..i], &existing[i..])
    } else {
        format!("{}\n\n{section}", existing.trim_end())
    }
}

/// The byte range of the section of `version` in a changelog (its `## [VERSION]` line
/// up to the next `## ` line or the end), if it has one.
fn section_range(text: &str, version: &str) -> Option<(usize, usize)> {
    let head = format!("## [{version}]");
    let mut start = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        match start {
            None if line.starts_with(&head) => start = Some(at),
            Some(s) if line.starts_with("## ") => return Some((s, at)),
            _ => {}
        }
        at += line.len();
    }
    start.map(|s| (s, text.len()))
}

/// Whether a changelog has a section for `version`.
pub fn has_section(text: &str, version: &str) -> bool {
    section_range(text, version).is_some()
}

/// `existing` with `section` as the section of `version`: it replaces a section the
/// changelog already has for that version (so a version is never listed twice), else
/// it goes on top as the newest entry.
pub fn write_section(existing: Option<&str>, version: &str, section: &str) -> String {
    match existing.and_then(|text| Some((text, section_range(text, version)?))) {
        Some((text, (start, end))) => {
            let gap = if end < text.len() { "\n" } else { "" };
            format!("{}{section}{gap}{}", &text[..start], &text[end..])
        }
        None => prepend_changelog(existing, section),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_for_a_listed_version_is_replaced_not_repeated() {
        let one = prepend_changelog(None, "## [1.0.0] - 2026-01-01\n\n- a\n");
        let two = write_section(Some(&one), "1.0.1", "## [1.0.1] - 2026-02-01\n\n- b\n");
        assert_eq!(
            two,
            prepend_changelog(Some(&one), "## [1.0.1] - 2026-02-01\n\n- b\n")
        );
        let again = write_section(Some(&two), "1.0.1", "## [1.0.1] - 2026-03-01\n\n- c\n");
        assert_eq!(again.matches("## [1.0.1]").count(), 1);
        assert!(again.contains("- c\n\n## [1.0.0]"), "{again}");
        assert!(!again.contains("- b"));
        let last = write_section(Some(&again), "1.0.0", "## [1.0.0] - 2026-01-01\n\n- z\n");
        assert!(
            last.ends_with("- c\n\n## [1.0.0] - 2026-01-01\n\n- z\n"),
            "{last}"
        );
        assert!(!has_section(&last, "1.0"));
        assert!(has_section(&last, "1.0.1"));
    }

    #[test]
    fn sections_go_on_top_of_older_ones() {
        let first = prepend_changelog(None, "## [1.0.0] - 2026-01-01\n");
        assert!(first.starts_with("# Changelog\n"));
        assert!(first.ends_with("## [1.0.0] - 2026-01-01\n"));
        let second = prepend_changelog(Some(&first), "## [1.1.0] - 2026-02-01\n");
        let a = second.find("[1.1.0]").unwrap();
        let b = second.find("[1.0.0]").unwrap();
        assert!(a < b);
        assert!(second.starts_with("# Changelog\n"));
    }
}
