//! The `sources:` of `opends.yaml`, edited in the file's text so that its comments and
//! layout survive; every edit is checked by parsing the result.

use std::fmt::Write as _;

use anyhow::{Context as _, Result};

use super::{CONFIG_FILE, parse};
use crate::sources::SourceConfig;

/// The YAML of `s` as an item of `sources:`, its `- ` at `indent`, lines ending in `nl`.
fn entry_text(s: &SourceConfig, indent: &str, nl: &str) -> String {
    let quote = |v: &str| serde_json::to_string(v).unwrap_or_else(|_| "\"\"".into());
    let mut t = format!(
        "{indent}- name: {}{nl}{indent}  provider: {}{nl}{indent}  file: {}{nl}",
        quote(&s.name),
        s.provider.as_str(),
        quote(&s.file)
    );
    if let Some(b) = &s.base_url {
        let _ = write!(t, "{indent}  base_url: {}{nl}", quote(b));
    }
    t
}

/// A line without its line ending.
fn bare(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The lines of `text`, each with its own line ending (the text is their concatenation).
fn split(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The top-level `sources:` block: the index of its `sources:` line and the end (exclusive)
/// of its last item line. Blank lines and column-0 comments after the last item belong to
/// what follows.
fn block(lines: &[&str]) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| {
        bare(l)
            .strip_prefix("sources:")
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
    })?;
    let mut end = start + 1;
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        let b = bare(l);
        if b.trim().is_empty() || b.starts_with('#') {
            continue;
        }
        // A block sequence may sit at the key's own column (`- ` at column 0).
        if b.starts_with(' ') || b.starts_with("- ") || b == "-" {
            end = i + 1;
        } else {
            break;
        }
    }
    Some((start, end))
}

/// The `sources:` line with an empty flow sequence (`sources: []`) made a block header,
/// its comment kept (`sources: [] # x` becomes `sources: # x`).
fn open_header(line: &str) -> String {
    let rest = &line["sources:".len()..];
    match rest.trim_start_matches([' ', '\t']).strip_prefix("[]") {
        Some(tail) => format!("sources:{tail}"),
        None => line.to_string(),
    }
}

/// The inverse of [`open_header`]: `sources: # x` becomes `sources: [] # x`.
fn close_header(line: &str) -> String {
    format!("sources: []{}", &line["sources:".len()..])
}

/// `text` with `entry` added to `sources:` (the block is created when missing). Only the
/// item's lines are added (and `sources: []` loses its `[]`): every other byte is kept.
fn add_to_text(text: &str, entry: &SourceConfig) -> String {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines = split(text);
    let mut out = String::with_capacity(text.len() + 256);
    let Some((start, end)) = block(&lines) else {
        out.push_str(text);
        if !text.ends_with('\n') && !text.is_empty() {
            out.push_str(nl);
        }
        out.push_str("# Design sources (`opends source add`); `opends sync` pulls from them.");
        out.push_str(nl);
        out.push_str("sources:");
        out.push_str(nl);
        out.push_str(&entry_text(entry, "  ", nl));
        return out;
    };
    // New items line up with the existing ones.
    let indent = lines[start + 1..end]
        .iter()
        .map(|l| bare(l))
        .find(|b| b.trim_start().starts_with('-'))
        .map_or(2, indent_of);
    let indent = " ".repeat(indent);
    for (i, l) in lines.iter().enumerate() {
        if i == start {
            out.push_str(&open_header(l));
        } else {
            out.push_str(l);
        }
        if i + 1 == end {
            if !l.ends_with('\n') {
                out.push_str(nl);
            }
            out.push_str(&entry_text(entry, &indent, nl));
        }
    }
    out
}

/// `text` without the source named `name` (`None` when there is none). Only the item's
/// lines go (and an emptied block reads `sources: []`): every other byte is kept.
fn remove_from_text(text: &str, name: &str) -> Option<String> {
    let lines = split(text);
    let (start, end) = block(&lines)?;
    let quoted = serde_json::to_string(name).ok()?;
    let item = (start + 1..end).find(|&i| {
        let l = bare(lines[i]).trim_start();
        l.strip_prefix("- name:")
            .map(str::trim)
            .is_some_and(|v| v == name || v == quoted)
    })?;
    // The item's own lines are indented deeper than its `- `.
    let dash = indent_of(lines[item]);
    let mut item_end = item + 1;
    while item_end < end {
        let b = bare(lines[item_end]);
        if b.trim().is_empty() || indent_of(b) <= dash {
            break;
        }
        item_end += 1;
    }
    let rest_empty = (start + 1..end)
        .filter(|i| *i < item || *i >= item_end)
        .all(|i| {
            let b = bare(lines[i]).trim();
            b.is_empty() || b.starts_with('#')
        });
    let mut out = String::with_capacity(text.len());
    for (i, l) in lines.iter().enumerate() {
        if (item..item_end).contains(&i) {
            continue;
        }
        if i == start && rest_empty {
            out.push_str(&close_header(l));
            continue;
        }
        out.push_str(l);
    }
    Some(out)
}

/// `text` (an `opends.yaml`) with `entry` added to `sources:`; fails when the result
/// would not parse or not equal the config with the entry added (an unexpected layout).
pub fn add_source(text: &str, entry: &SourceConfig) -> Result<String> {
    let next = add_to_text(text, entry);
    let intended = parse(text, CONFIG_FILE).ok().map(|mut c| {
        c.sources.push(entry.clone());
        c
    });
    let parsed = parse(&next, CONFIG_FILE)
        .context("the edited opends.yaml would be invalid; nothing was written")?;
    let ok = match intended {
        Some(intended) => parsed == intended,
        None => parsed.sources.contains(entry),
    };
    if !ok {
        anyhow::bail!(
            "could not add the source to opends.yaml (unexpected layout of `sources:`); add it by hand:\n{}",
            entry_text(entry, "  ", "\n")
        );
    }
    Ok(next)
}

/// `text` (an `opends.yaml`) without the source `name`, `None` when there is none;
/// fails when the result would not parse or not equal the config without it (an
/// unexpected layout).
pub fn remove_source(text: &str, name: &str) -> Result<Option<String>> {
    let Some(next) = remove_from_text(text, name) else {
        return Ok(None);
    };
    let intended = parse(text, CONFIG_FILE).ok().map(|mut c| {
        c.sources.retain(|s| s.name != name);
        c
    });
    let parsed = parse(&next, CONFIG_FILE)
        .context("the edited opends.yaml would be invalid; nothing was written")?;
    let ok = match intended {
        Some(intended) => parsed == intended,
        None => !parsed.sources.iter().any(|s| s.name == name),
    };
    if !ok {
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

    /// The lines of `after` that are not in `before` (both as line lists, in order).
    fn added_lines(before: &str, after: &str) -> Vec<String> {
        let mut b = before.split_inclusive('\n').peekable();
        let mut extra = Vec::new();
        for l in after.split_inclusive('\n') {
            if b.peek() == Some(&l) {
                b.next();
            } else {
                extra.push(l.to_string());
            }
        }
        assert_eq!(b.next(), None, "every line of the original is kept");
        extra
    }

    #[test]
    fn add_then_rm_gives_back_the_file_byte_for_byte() {
        let files = [
            "# top\nname: x\nsources: # where designs come from\n  # figma first\n  - name: a\n    provider: figma\n    file: AbC123xYz789 # the brand file\n\n# outputs\noutputs: []\n",
            "name: x\nsources: [] # none yet\n\n# outputs\noutputs: []\n",
            "name: x\nsources:\n- name: a\n  provider: figma\n  file: AbC123xYz789\n# end\n",
            "name: x\r\nsources: # crlf\r\n  - name: a\r\n    provider: figma\r\n    file: AbC123xYz789\r\n",
        ];
        for text in files {
            let before = settings::parse(text, "t").unwrap();
            let added = add_source(text, &src("b")).unwrap();
            // `sources: []` loses its `[]`; otherwise only the item's lines are new.
            let reopened = added.replacen("sources: #", "sources: [] #", 1);
            let compared = if text.contains("sources: []") {
                &reopened
            } else {
                &added
            };
            assert_eq!(added_lines(text, compared).len(), 3, "{added}");
            let mut want = before.clone();
            want.sources.push(src("b"));
            assert_eq!(settings::parse(&added, "t").unwrap(), want);
            let back = remove_source(&added, "b").unwrap().unwrap();
            assert_eq!(back, text);
        }
    }

    #[test]
    fn rm_of_the_last_source_leaves_an_empty_list_and_the_comment() {
        let text = "name: x\nsources: # here\n  - name: a\n    provider: figma\n    file: AbC123xYz789\n# outputs\noutputs: []\n";
        let out = remove_source(text, "a").unwrap().unwrap();
        assert_eq!(out, "name: x\nsources: [] # here\n# outputs\noutputs: []\n");
        assert_eq!(remove_source(text, "zz").unwrap(), None);
    }
}
