//! All human output: data on stdout, everything else on stderr; quiet/verbose,
//! colour (`--color`, `NO_COLOR`), progress bars (hidden off a terminal) and prompts
//! (an error naming the flag to use when there is no terminal).
//!
//! Names, descriptions and values come from files, design tools and teammates, so
//! everything printed goes through [`visible`] here: control characters (which could
//! move the cursor, set the title or write the clipboard with OSC 52) and bidi
//! overrides are shown escaped (`\x1b`, `\u{202e}`). The printer's own colours are the
//! only escape sequences let through, and only when colour is on. `--json` keeps every
//! value exact: JSON escapes them (`\u001b`).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{ColorChoice, GlobalArgs};
use crate::tokens::{Finding, Severity};

/// How many warnings of one rule are printed before the rest are counted.
pub const WARNINGS_SHOWN: usize = 3;

/// Where and how to print.
#[derive(Debug, Clone)]
pub struct Printer {
    quiet: bool,
    verbose: bool,
    color_err: bool,
    color_out: bool,
    progress: bool,
    interactive: bool,
}

/// ANSI styles used in output.
#[derive(Debug, Clone, Copy)]
pub enum Style {
    /// Errors.
    Red,
    /// Warnings.
    Yellow,
    /// Success.
    Green,
    /// Hints, paths.
    Cyan,
    /// De-emphasised text.
    Dim,
    /// Headings.
    Bold,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Self::Red => "1;31",
            Self::Yellow => "1;33",
            Self::Green => "32",
            Self::Cyan => "36",
            Self::Dim => "2",
            Self::Bold => "1",
        }
    }
}

impl Printer {
    /// A printer for the global flags and the environment.
    pub fn new(global: &GlobalArgs) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = |tty: bool| match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        let err_tty = io::stderr().is_terminal();
        Self {
            quiet: global.quiet,
            verbose: global.verbose,
            color_err: color(err_tty),
            color_out: color(io::stdout().is_terminal()),
            progress: !global.quiet && !global.no_progress && err_tty,
            interactive: io::stdin().is_terminal() && err_tty,
        }
    }

    /// A printer that prints nothing but errors and never colours (tests, servers).
    pub fn silent() -> Self {
        Self {
            quiet: true,
            verbose: false,
            color_err: false,
            color_out: false,
            progress: false,
            interactive: false,
        }
    }

    /// Whether stdout gets colour (e.g. swatches in listings).
    pub fn stdout_color(&self) -> bool {
        self.color_out
    }

    /// Whether prompts may be shown.
    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// Whether `--verbose` is on.
    pub fn is_verbose(&self) -> bool {
        self.verbose
    }

    /// Paints `text` for stderr.
    pub fn paint(&self, style: Style, text: &str) -> String {
        paint(self.color_err, style, text)
    }

    /// Paints `text` for stdout.
    pub fn paint_out(&self, style: Style, text: &str) -> String {
        paint(self.color_out, style, text)
    }

    /// Writes data to stdout (a broken pipe is returned for the caller to end quietly).
    pub fn data(&self, text: &str) -> io::Result<()> {
        let text = clean(text, self.color_out);
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// Writes bytes to stdout as they are.
    pub fn raw(&self, bytes: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()
    }

    /// Writes pretty JSON to stdout. Values stay exact; the characters JSON leaves raw
    /// that a terminal would act on (DEL, C1, bidi overrides) are written as `\uXXXX`.
    pub fn json<T: serde::Serialize>(&self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        let text = json_escape(&text);
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
        out.flush()
    }

    /// Writes a line to stderr, control characters made visible.
    fn line(&self, text: &str) {
        eprintln!("{}", clean(text, self.color_err));
    }

    /// A status line on stderr (hidden with `--quiet`).
    pub fn status(&self, text: &str) {
        if !self.quiet {
            self.line(text);
        }
    }

    /// A detail on stderr (only with `--verbose`).
    pub fn detail(&self, text: &str) {
        if self.verbose {
            self.line(&self.paint(Style::Dim, text));
        }
    }

    /// `warning: ...` on stderr (hidden with `--quiet`).
    pub fn warn(&self, text: &str) {
        if !self.quiet {
            self.line(&format!("{}: {text}", self.paint(Style::Yellow, "warning")));
        }
    }

    /// `error: ...` with causes and an optional hint, on stderr (always shown).
    pub fn error(&self, err: &anyhow::Error) {
        let mut out = format!("{}: {err}", self.paint(Style::Red, "error"));
        for cause in err.chain().skip(1) {
            let _ = write!(out, "\n  {} {cause}", self.paint(Style::Dim, "Caused by:"));
        }
        let hint = err
            .downcast_ref::<crate::Hint>()
            .or_else(|| err.chain().find_map(|c| c.downcast_ref::<crate::Hint>()));
        if let Some(h) = hint {
            let _ = write!(out, "\n\n{}: {}", self.paint(Style::Cyan, "hint"), h.hint);
        }
        self.line(&out);
    }

    /// One finding on stderr: `error: file:line:col: path: message`.
    pub fn finding(&self, f: &Finding) {
        match f.severity {
            Severity::Error => self.line(&format!("{}: {f}", self.paint(Style::Red, "error"))),
            Severity::Warning => {
                if !self.quiet {
                    self.line(&format!("{}: {f}", self.paint(Style::Yellow, "warning")));
                }
            }
        }
    }

    /// Findings on stderr: every error; warnings grouped by rule, a rule with more than
    /// [`WARNINGS_SHOWN`] showing its count and first locations (`--verbose` shows all).
    pub fn findings<'f>(&self, findings: impl IntoIterator<Item = &'f Finding>) {
        let mut groups: Vec<(&'static str, Vec<&Finding>)> = Vec::new();
        for f in findings {
            if f.severity == Severity::Error || self.verbose {
                self.finding(f);
                continue;
            }
            match groups.iter_mut().find(|(c, _)| *c == f.code) {
                Some((_, list)) => list.push(f),
                None => groups.push((f.code, vec![f])),
            }
        }
        if self.quiet {
            return;
        }
        for (code, list) in groups {
            if list.len() <= WARNINGS_SHOWN {
                for f in list {
                    self.finding(f);
                }
                continue;
            }
            self.line(&format!(
                "{}: {} warnings of rule `{code}`, the first {WARNINGS_SHOWN}:",
                self.paint(Style::Yellow, "warning"),
                list.len()
            ));
            for f in &list[..WARNINGS_SHOWN] {
                self.line(&format!("  {f}"));
            }
            self.line(&format!(
                "  ... and {} more (`--verbose` or `--json` lists every one)",
                list.len() - WARNINGS_SHOWN
            ));
        }
    }

    /// A progress bar over `len` steps (hidden off a terminal, with `--quiet` or `--no-progress`).
    pub fn bar(&self, len: u64, message: &str) -> ProgressBar {
        if !self.progress {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(len);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_message(visible(message).into_owned());
        bar
    }
}

/// `n` and its noun, singular for one: "1 token", "2 tokens", "0 files".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn paint(on: bool, style: Style, text: &str) -> String {
    if on {
        format!("\x1b[{}m{text}\x1b[0m", style.code())
    } else {
        text.to_string()
    }
}

/// A 24-bit colour swatch (two spaces with a background) for a terminal.
pub fn swatch(rgb: [u8; 3]) -> String {
    format!("\x1b[48;2;{};{};{}m  \x1b[0m", rgb[0], rgb[1], rgb[2])
}

/// Whether `c` must not reach a terminal as it is: C0 controls other than newline and
/// tab, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates
/// (U+202A-U+202E, U+2066-U+2069), which can make text read differently than it is.
fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character shown escaped: `\x1b` (up to U+00FF), `\u{202e}`.
pub fn visible(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// Length of the escape sequence at the start of `rest` if it is one the printer writes
/// itself (the SGR colours of [`Style`], reset, and [`swatch`] backgrounds).
fn own_sgr(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix("\x1b[")?;
    let end = body.find('m')?;
    let params = &body[..end];
    let ours = matches!(params, "0" | "1" | "2" | "32" | "36" | "1;31" | "1;33")
        || params.strip_prefix("48;2;").is_some_and(|rgb| {
            let parts: Vec<&str> = rgb.split(';').collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        });
    ours.then_some(2 + end + 1)
}

/// `text` with unsafe characters escaped; with `colors`, the printer's own colour
/// sequences are kept.
fn clean(text: &str, colors: bool) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if colors && c == '\x1b' {
            if let Some(n) = own_sgr(&text[i..]) {
                out.push_str(&text[i..i + n]);
                i += n;
                continue;
            }
        }
        if is_unsafe(c) {
            let code = u32::from(c);
            if code <= 0xff {
                let _ = write!(out, "\\x{code:02x}");
            } else {
                let _ = write!(out, "\\u{{{code:x}}}");
            }
        } else {
            out.push(c);
        }
        i += c.len_utf8();
    }
    Cow::Owned(out)
}

/// JSON text with the unsafe characters that JSON leaves raw (DEL, C1, bidi) written
/// as `\uXXXX` escapes: the same values, nothing a terminal acts on. They can only
/// occur inside strings, where the escape means the same character.
fn json_escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "token"), "1 token");
        assert_eq!(count(2, "token"), "2 tokens");
        assert_eq!(count(0, "file"), "0 files");
    }

    #[test]
    fn control_characters_are_shown_escaped_and_own_colours_kept() {
        let osc52 = "a\x1b]52;c;aGk=\x07b\u{9b}c\u{202e}d\re\tf\ng";
        assert_eq!(
            visible(osc52),
            "a\\x1b]52;c;aGk=\\x07b\\x9bc\\u{202e}d\\x0de\tf\ng"
        );
        let painted = paint(true, Style::Red, "x\x1b[2Jy");
        assert_eq!(clean(&painted, true), "\x1b[1;31mx\\x1b[2Jy\x1b[0m");
        assert_eq!(clean(&painted, false), "\\x1b[1;31mx\\x1b[2Jy\\x1b[0m");
        assert_eq!(clean(&swatch([1, 22, 255]), true), swatch([1, 22, 255]));
        assert_eq!(clean("\x1b[48;2;1;2;3;4m", true), "\\x1b[48;2;1;2;3;4m");
        assert!(matches!(clean("plain ünïcode", true), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_values_exact() {
        let text =
            serde_json::to_string(&serde_json::json!({"d": "a\x1b\u{9b}\u{7f}\u{2066}"})).unwrap();
        let escaped = json_escape(&text);
        assert!(!escaped.chars().any(is_unsafe), "{escaped}");
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["d"], "a\x1b\u{9b}\u{7f}\u{2066}");
    }
}
