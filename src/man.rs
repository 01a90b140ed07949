//! The man pages: `opends(1)` and one page per subcommand (`opends-tokens-get(1)`, ...),
//! rendered from the command-line definition, so every page a page names exists.

use std::io;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::env_vars::EnvVars;

/// One rendered page: its file name (`opends-tokens-get.1`) and its roff text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The file name.
    pub file_name: String,
    /// The roff text.
    pub text: Vec<u8>,
}

/// `opends(1)`: the program's page (with EXIT STATUS, ENVIRONMENT and FILES).
pub fn main_page() -> io::Result<Page> {
    let cmd = root();
    page(&cmd, true)
}

/// Every page: `opends.1` first, then one per subcommand, parents before children.
pub fn pages() -> io::Result<Vec<Page>> {
    fn walk(cmd: &clap::Command, out: &mut Vec<Page>) -> io::Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            out.push(page(sub, false)?);
            walk(sub, out)?;
        }
        Ok(())
    }
    let cmd = root();
    let mut out = vec![page(&cmd, true)?];
    walk(&cmd, &mut out)?;
    Ok(out)
}

/// The command tree as the pages show it (built, so subcommands carry their full names).
fn root() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

fn page(cmd: &clap::Command, main: bool) -> io::Result<Page> {
    let man = clap_mangen::Man::new(cmd.clone());
    let file_name = man.get_filename();
    let mut text = Vec::new();
    man.render_title(&mut text)?;
    man.render_name_section(&mut text)?;
    man.render_synopsis_section(&mut text)?;
    man.render_description_section(&mut text)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut text)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut text)?;
    }
    if let Some(after) = cmd.get_after_help() {
        section(&mut text, "NOTES");
        preformatted(&mut text, &after.to_string());
    }
    if main {
        exit_status(&mut text);
        environment(&mut text);
        files(&mut text);
        man.render_version_section(&mut text)?;
    } else {
        section(&mut text, "SEE ALSO");
        let parent = cmd
            .get_display_name()
            .and_then(|n| n.rsplit_once('-'))
            .map_or("opends", |(parent, _)| parent);
        line(&mut text, &format!("{parent}(1), opends(1)"));
    }
    Ok(Page {
        file_name,
        text: once_preamble(&text),
    })
}

/// Each section rendered on its own starts with the same two-line preamble (the `Aq`
/// string); the page keeps the first.
fn once_preamble(text: &[u8]) -> Vec<u8> {
    const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";
    let text = String::from_utf8_lossy(text);
    match text.split_once(PREAMBLE) {
        Some((head, rest)) => {
            format!("{head}{PREAMBLE}{}", rest.replace(PREAMBLE, "")).into_bytes()
        }
        None => text.into_owned().into_bytes(),
    }
}

fn exit_status(out: &mut Vec<u8>) {
    section(out, "EXIT STATUS");
    for (code, meaning) in [
        ("0", "Success."),
        (
            "1",
            "The command ran and found something: problems (validate, lint), stale files (--check), differences (diff), conflicts (push, pull), a cancelled prompt. Each command's NOTES say which.",
        ),
        (
            "2",
            "An error: bad input or arguments, a missing project or store, a failed read, write or request.",
        ),
        ("130", "Interrupted (Ctrl-C) at a prompt."),
    ] {
        tagged(out, code, meaning);
    }
}

fn environment(out: &mut Vec<u8>) {
    section(out, "ENVIRONMENT");
    line(
        out,
        "A flag wins over its variable, the variable over opends.yaml. Secrets (tokens, database URLs) are read from the environment, never from flags.",
    );
    for (name, what) in EnvVars::ALL {
        tagged(out, name, what);
    }
    tagged(out, "NO_COLOR", "when set, no colour (as --color never)");
}

fn files(out: &mut Vec<u8>) {
    section(out, "FILES");
    for (file, what) in [
        (
            "opends.yaml",
            "The project: token files, components, outputs, sources, lint rules. Found in the current directory or above it (or -C DIR).",
        ),
        (
            ".opends/opends.db",
            "The local store (SQLite) beside opends.yaml; --db or OPENDS_DB names another.",
        ),
        (
            "CHANGELOG.md",
            "Beside opends.yaml: one section per release, written by opends release.",
        ),
        (
            "releases/",
            "Beside opends.yaml: the released versions, read into the store of every clone.",
        ),
        (
            ".opends/server/",
            "opends serve's SQLite data directory (--data DIR).",
        ),
    ] {
        tagged(out, file, what);
    }
}

fn section(out: &mut Vec<u8>, title: &str) {
    out.extend_from_slice(format!(".SH \"{title}\"\n").as_bytes());
}

fn tagged(out: &mut Vec<u8>, tag: &str, text: &str) {
    out.extend_from_slice(b".TP\n");
    out.extend_from_slice(format!("\\fB{}\\fR\n", escape(tag)).as_bytes());
    line(out, text);
}

fn line(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(escape(text).as_bytes());
    out.push(b'\n');
}

/// Text shown as written (examples keep their indentation).
fn preformatted(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(b".nf\n");
    for l in text.lines() {
        line(out, l);
    }
    out.extend_from_slice(b".fi\n");
}

/// Roff-safe text: backslashes and hyphens escaped, no line starting a request.
fn escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::pages;

    /// Every `opends-...(1)` a page names is one of the pages.
    #[test]
    fn pages_name_only_pages_that_exist() {
        let pages = pages().unwrap();
        let names: Vec<String> = pages
            .iter()
            .map(|p| p.file_name.trim_end_matches(".1").to_string())
            .collect();
        assert!(names.iter().any(|n| n == "opends-tokens-get"), "{names:?}");
        let re = regex::Regex::new(r"(opends(?:\\-[a-z]+)*)\(1\)").unwrap();
        for p in &pages {
            let text = String::from_utf8_lossy(&p.text);
            for cap in re.captures_iter(&text) {
                let name = cap[1].replace("\\-", "-");
                assert!(names.contains(&name), "{} names {name}(1)", p.file_name);
            }
            let name_section = text.split(".SH NAME\n").nth(1).unwrap_or_default();
            // `opends-tokens-get - Show one token`: the name once, then what it does.
            let first = name_section.lines().next().unwrap_or_default();
            let (name, about) = first.split_once(" \\- ").unwrap_or_default();
            assert_eq!(
                name.replace("\\-", "-"),
                p.file_name.trim_end_matches(".1"),
                "{first}"
            );
            assert!(!about.to_lowercase().starts_with("opends"), "{first}");
        }
        let main = String::from_utf8_lossy(&pages[0].text);
        assert_eq!(main.matches(".ds Aq").count(), 2, "one preamble");
        for section in ["EXIT STATUS", "ENVIRONMENT", "FILES"] {
            assert!(main.contains(&format!(".SH \"{section}\"")), "{section}");
        }
        for (var, _) in crate::env_vars::EnvVars::ALL {
            assert!(main.contains(var), "{var}");
        }
    }
}
