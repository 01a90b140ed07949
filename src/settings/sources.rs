//! The `sources:` of `opends.yaml`, edited in the file's text so that its comments and
//! layout survive; every edit is checked by parsing the result.

use std::fmt::Write as _;

use anyhow::{Context as _, Result};

use super::{CONFIG_FILE, parse};
use crate::sources::SourceConfig;

fn entry_text(s: &SourceConfig) -> String {
    let quote = |v: &str| serde_json::to_string(v).unwrap_or_else(|_| "\"\"".into());
    let mut t = format!(
        "  - name: {}\n    provider: {}\n    file: {}\n",
        quote(&s.name),
        s.provider.as_str(),
        quote(&s.file)
    );
    if let Some(b) = &s.base_url {
        let _ = writeln!(t, "    base_url: {}", quote(b));
    }
    t
}

/// The line range `[start, end)` of the top-level `sources:` block.
fn block(lines: &[&str]) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| l.starts_with("sources:"))?;
    let mut end = start + 1;
    while end < lines.len() {
        let l = lines[end];
        // Comments at column 0 belong to what follows.
        if !l.is_empty() && !l.starts_with(' ') {
            break;
        }
        end += 1;
    }
    // Trailing blank lines belong to what follows.
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    Some((start, end))
}

/// `text` with `entry` added to `sources:` (the block is created when missing).
fn add_to_text(text: &str, entry: &SourceConfig) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let new = entry_text(entry);
    let mut out = String::with_capacity(text.len() + new.len() + 64);
    if let Some((start, end)) = block(&lines) {
        for (i, l) in lines.iter().enumerate() {
            if i == start {
                out.push_str("sources:\n");
                if end == start + 1 {
                    out.push_str(&new);
                }
                continue;
            }
            out.push_str(l);
            out.push('\n');
            if i + 1 == end && end > start + 1 {
                out.push_str(&new);
            }
        }
    } else {
        out.push_str(text);
        if !text.ends_with('\n') && !text.is_empty() {
            out.push('\n');
        }
        out.push_str(
            "# Design sources (`opends source add`); `opends sync` pulls from them.\nsources:\n",
        );
        out.push_str(&new);
    }
    out
}

/// `text` without the source named `name` (`None` when there is none).
fn remove_from_text(text: &str, name: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let (start, end) = block(&lines)?;
    let quoted = serde_json::to_string(name).ok()?;
    let item = (start + 1..end).find(|&i| {
        let l = lines[i].trim_start();
        l.strip_prefix("- name:")
            .map(str::trim)
            .is_some_and(|v| v == name || v == quoted)
    })?;
    // The item's own lines are indented deeper than its `- `.
    let mut item_end = item + 1;
    while item_end < end && lines[item_end].starts_with("    ") {
        item_end += 1;
    }
    let rest_empty = (start + 1..end)
        .filter(|i| *i < item || *i >= item_end)
        .all(|i| lines[i].trim().is_empty() || lines[i].trim_start().starts_with('#'));
    let mut out = String::with_capacity(text.len());
    for (i, l) in lines.iter().enumerate() {
        if (item..item_end).contains(&i) {
            continue;
        }
        if i == start && rest_empty {
            out.push_str("sources: []\n");
            continue;
        }
        out.push_str(l);
        out.push('\n');
    }
    Some(out)
}

/// `text` (an `opends.yaml`) with `entry` added to `sources:`; fails when the result
/// would not parse or not hold the entry (an unexpected layout).
pub fn add_source(text: &str, entry: &SourceConfig) -> Result<String> {
    let next = add_to_text(text, entry);
    let parsed = parse(&next, CONFIG_FILE)
        .context("the edited opends.yaml would be invalid; nothing was written")?;
    if !parsed.sources.contains(entry) {
        anyhow::bail!(
            "could not add the source to opends.yaml (unexpected layout of `sources:`); add it by hand:\n{}",
            entry_text(entry)
        );
    }
    Ok(next)
}

/// `text` (an `opends.yaml`) without the source `name`, `None` when there is none;
/// fails when the result would not parse or still hold it (an unexpected layout).
pub fn remove_source(text: &str, name: &str) -> Result<Option<String>> {
    let Some(next) = remove_from_text(text, name) else {
        return Ok(None);
    };
    let parsed = parse(&next, CONFIG_FILE)
        .context("the edited opends.yaml would be invalid; nothing was written")?;
    if parsed.sources.iter().any(|s| s.name == name) {
        anyhow::bail!(
            "could not remove `{name}` from opends.yaml (unexpected layout); remove it by hand"
        );
    }
    Ok(Some(next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings;
    use crate::sources::Provider;

    fn src(name: &str) -> SourceConfig {
        SourceConfig {
            name: name.into(),
            provider: Provider::Figma,
            file: "AbC123xYz789".into(),
            base_url: None,
            write: crate::sources::WriteTo::Files,
            path: None,
        }
    }

    #[test]
    fn add_keeps_comments_and_appends_to_an_existing_block() {
        let text = "# my project\nname: x\nsources:\n  - name: a\n    provider: figma\n    file: AbC123xYz789\n\n# outputs\noutputs: []\n";
        let out = add_to_text(text, &src("b"));
        assert!(out.starts_with("# my project\n"));
        let parsed = settings::parse(&out, "t").unwrap();
        assert_eq!(parsed.sources.len(), 2);
        assert!(out.contains("# outputs"));
        let back = remove_from_text(&out, "a").unwrap();
        let parsed = settings::parse(&back, "t").unwrap();
        assert_eq!(parsed.sources, vec![src("b")]);
        let empty = remove_from_text(&back, "b").unwrap();
        assert!(settings::parse(&empty, "t").unwrap().sources.is_empty());
        assert!(empty.contains("# outputs"));
    }

    #[test]
    fn add_creates_the_block() {
        let out = add_to_text("name: x\n", &src("a"));
        assert_eq!(settings::parse(&out, "t").unwrap().sources, vec![src("a")]);
        let out = add_to_text("name: x\nsources: []\n", &src("a"));
        assert_eq!(settings::parse(&out, "t").unwrap().sources, vec![src("a")]);
    }
}
