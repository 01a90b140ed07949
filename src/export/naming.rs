//! Turns token paths into names for each format: `color.action.primary` becomes
//! `color-action-primary` (kebab, CSS), `colorActionPrimary` (camel, JS) and so on.
//!
//! Words are split at `.`, at any character that is not a letter or digit, and where a
//! lower-case letter meets an upper-case one (`letterSpacing` -> `letter`, `spacing`).

use serde::{Deserialize, Serialize};

/// A naming convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum NameCase {
    /// `color-action-primary`
    Kebab,
    /// `colorActionPrimary`
    Camel,
    /// `ColorActionPrimary`
    Pascal,
    /// `color_action_primary`
    Snake,
    /// `COLOR_ACTION_PRIMARY`
    Constant,
    /// Each path segment as written, joined with `-` (`entityTag` and `entity-tag` stay
    /// apart): CSS, SCSS and Less only. A character other than a letter, digit, `-` or
    /// `_` becomes `-`.
    Preserve,
}

/// Splits a dotted path into lower-case words.
pub fn words(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in path.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            cur.extend(c.to_lowercase());
        } else {
            prev_lower = false;
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The name of `path` in `case`, with an optional prefix (itself a path).
pub fn name(path: &str, prefix: Option<&str>, case: NameCase) -> String {
    if case == NameCase::Preserve {
        return preserve(path, prefix);
    }
    if path.is_ascii() && prefix.is_none_or(str::is_ascii) {
        return ascii_name(path, prefix, case);
    }
    let mut w = match prefix {
        Some(p) if !p.is_empty() => words(p),
        _ => Vec::new(),
    };
    w.extend(words(path));
    join(&w, case)
}

/// The same as `name` for ASCII input, without allocating a word list (hot path: one
/// call per token per output).
fn ascii_name(path: &str, prefix: Option<&str>, case: NameCase) -> String {
    let mut out = String::with_capacity(path.len() + prefix.map_or(0, str::len) + 2);
    let mut index = 0;
    for part in prefix.into_iter().chain(std::iter::once(path)) {
        let b = part.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            let mut prev_lower = false;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                if b[i].is_ascii_uppercase() && prev_lower && i > start {
                    break;
                }
                prev_lower = b[i].is_ascii_lowercase() || b[i].is_ascii_digit();
                i += 1;
            }
            push_word(&mut out, &part[start..i], index, case);
            index += 1;
        }
    }
    finish(out, case)
}

/// [`NameCase::Preserve`]: segments as written, joined with `-`.
fn preserve(path: &str, prefix: Option<&str>) -> String {
    let mut out = String::with_capacity(path.len() + prefix.map_or(0, str::len) + 1);
    for segment in prefix
        .into_iter()
        .flat_map(|p| p.split('.'))
        .chain(path.split('.'))
        .filter(|s| !s.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(segment.chars().map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        }));
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// Appends one word in `case` (ASCII case changes only: copied once, then changed in
/// place).
fn push_word(out: &mut String, word: &str, index: usize, case: NameCase) {
    if index > 0 && !matches!(case, NameCase::Camel | NameCase::Pascal) {
        out.push(if case == NameCase::Kebab { '-' } else { '_' });
    }
    let start = out.len();
    out.push_str(word);
    let added = &mut out[start..];
    if case == NameCase::Constant {
        added.make_ascii_uppercase();
    } else {
        added.make_ascii_lowercase();
    }
    let capital = matches!(case, NameCase::Pascal) || (case == NameCase::Camel && index > 0);
    if capital {
        if let Some(first) = added.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
}

fn finish(mut s: String, case: NameCase) -> String {
    if matches!(
        case,
        NameCase::Camel | NameCase::Pascal | NameCase::Snake | NameCase::Constant
    ) && s.starts_with(|c: char| c.is_ascii_digit())
    {
        s.insert(0, '_');
    }
    if s.is_empty() {
        s.push('_');
    }
    s
}

/// Joins lower-case words in `case`.
pub fn join(w: &[String], case: NameCase) -> String {
    let mut s = String::new();
    match case {
        NameCase::Kebab | NameCase::Snake | NameCase::Constant | NameCase::Preserve => {
            let sep = if matches!(case, NameCase::Kebab | NameCase::Preserve) {
                '-'
            } else {
                '_'
            };
            for (i, word) in w.iter().enumerate() {
                if i > 0 {
                    s.push(sep);
                }
                if case == NameCase::Constant {
                    s.push_str(&word.to_uppercase());
                } else {
                    s.push_str(word);
                }
            }
        }
        NameCase::Camel | NameCase::Pascal => {
            for (i, word) in w.iter().enumerate() {
                if i == 0 && case == NameCase::Camel {
                    s.push_str(word);
                } else {
                    let mut chars = word.chars();
                    if let Some(f) = chars.next() {
                        s.extend(f.to_uppercase());
                        s.push_str(chars.as_str());
                    }
                }
            }
        }
    }
    finish(s, case)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let p = "color.action.primaryHover";
        assert_eq!(name(p, None, NameCase::Kebab), "color-action-primary-hover");
        assert_eq!(name(p, None, NameCase::Camel), "colorActionPrimaryHover");
        assert_eq!(name(p, None, NameCase::Pascal), "ColorActionPrimaryHover");
        assert_eq!(name(p, None, NameCase::Snake), "color_action_primary_hover");
        assert_eq!(
            name(p, Some("acme"), NameCase::Constant),
            "ACME_COLOR_ACTION_PRIMARY_HOVER"
        );
    }

    #[test]
    fn digits_and_symbols() {
        assert_eq!(name("space.2xl", None, NameCase::Kebab), "space-2xl");
        assert_eq!(name("neutral.950", None, NameCase::Camel), "neutral950");
        assert_eq!(name("950", None, NameCase::Camel), "_950");
        assert_eq!(
            name("brand colors.$root", None, NameCase::Kebab),
            "brand-colors-root"
        );
        assert_eq!(name("Größe.klein", None, NameCase::Camel), "größeKlein");
    }

    #[test]
    fn ascii_fast_path_matches_general_path() {
        for p in [
            "color.action.primaryHover",
            "a.B.cD",
            "x-1.y_2.ABC",
            "space.2xl",
            "950",
        ] {
            for case in [
                NameCase::Kebab,
                NameCase::Camel,
                NameCase::Pascal,
                NameCase::Snake,
                NameCase::Constant,
            ] {
                let mut w = words("acme");
                w.extend(words(p));
                assert_eq!(
                    ascii_name(p, Some("acme"), case),
                    join(&w, case),
                    "{p} {case:?}"
                );
            }
        }
    }
}
