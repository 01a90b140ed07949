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
    let mut w = match prefix {
        Some(p) if !p.is_empty() => words(p),
        _ => Vec::new(),
    };
    w.extend(words(path));
    join(&w, case)
}

/// Joins lower-case words in `case`.
pub fn join(w: &[String], case: NameCase) -> String {
    let mut s = String::new();
    match case {
        NameCase::Kebab | NameCase::Snake | NameCase::Constant => {
            let sep = if case == NameCase::Kebab { '-' } else { '_' };
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
    if matches!(case, NameCase::Camel | NameCase::Pascal | NameCase::Snake | NameCase::Constant)
        && s.starts_with(|c: char| c.is_ascii_digit())
    {
        s.insert(0, '_');
    }
    if s.is_empty() {
        s.push('_');
    }
    s
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
        assert_eq!(name(p, Some("acme"), NameCase::Constant), "ACME_COLOR_ACTION_PRIMARY_HOVER");
    }

    #[test]
    fn digits_and_symbols() {
        assert_eq!(name("space.2xl", None, NameCase::Kebab), "space-2xl");
        assert_eq!(name("neutral.950", None, NameCase::Camel), "neutral950");
        assert_eq!(name("950", None, NameCase::Camel), "_950");
        assert_eq!(name("brand colors.$root", None, NameCase::Kebab), "brand-colors-root");
    }
}
