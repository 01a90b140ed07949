//! All human output: data on stdout, everything else on stderr; quiet/verbose,
//! colour (`--color`, `NO_COLOR`), progress bars (hidden off a terminal) and prompts
//! (an error naming the flag to use when there is no terminal).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, IsTerminal, Write};

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{ColorChoice, GlobalArgs};
use crate::tokens::{Finding, Severity};

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

    /// Writes pretty JSON to stdout.
    pub fn json<T: serde::Serialize>(&self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        self.data(&text)
    }

    /// A status line on stderr (hidden with `--quiet`).
    pub fn status(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    /// A detail on stderr (only with `--verbose`).
    pub fn detail(&self, text: &str) {
        if self.verbose {
            eprintln!("{}", self.paint(Style::Dim, text));
        }
    }

    /// `warning: ...` on stderr (hidden with `--quiet`).
    pub fn warn(&self, text: &str) {
        if !self.quiet {
            eprintln!("{}: {text}", self.paint(Style::Yellow, "warning"));
        }
    }

    /// `error: ...` with causes and an optional hint, on stderr (always shown).
    pub fn error(&self, err: &anyhow::Error) {
        eprintln!("{}: {err}", self.paint(Style::Red, "error"));
        for cause in err.chain().skip(1) {
            eprintln!("  {} {cause}", self.paint(Style::Dim, "Caused by:"));
        }
        if let Some(h) = err.downcast_ref::<crate::Hint>() {
            eprintln!("\n{}: {}", self.paint(Style::Cyan, "hint"), h.hint);
        } else if let Some(h) = err.chain().find_map(|c| c.downcast_ref::<crate::Hint>()) {
            eprintln!("\n{}: {}", self.paint(Style::Cyan, "hint"), h.hint);
        }
    }

    /// One finding on stderr: `error: file:line:col: path: message`.
    pub fn finding(&self, f: &Finding) {
        match f.severity {
            Severity::Error => eprintln!("{}: {f}", self.paint(Style::Red, "error")),
            Severity::Warning => {
                if !self.quiet {
                    eprintln!("{}: {f}", self.paint(Style::Yellow, "warning"));
                }
            }
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
        bar.set_message(message.to_string());
        bar
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
