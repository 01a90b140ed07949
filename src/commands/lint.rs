//! `opends lint [--fix] [--json]`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::{Context as _, Result};
use serde_json::json;

use super::Context;
use crate::Outcome;
use crate::cli::LintArgs;
use crate::lint::{self, Severity};

/// `opends lint`.
pub fn run(ctx: &Context, args: LintArgs) -> Result<Outcome> {
    let (project, mut store) = ctx.open()?;
    let cfg = project
        .as_ref()
        .and_then(|p| p.config.lint.clone())
        .unwrap_or_default();
    lint::check_config(&cfg)
        .map_err(|e| crate::hinted(e.to_string(), "docs/lint.md lists the rules and options"))?;
    let mut fixed = Vec::new();
    if args.fix {
        let Some(p) = &project else {
            return Err(crate::hinted(
                "`--fix` edits the project's token files",
                "run it in a project",
            ));
        };
        let tokens = store.load()?;
        let mut by_file: BTreeMap<String, Vec<(&str, crate::model::TokenType)>> = BTreeMap::new();
        for t in lint::untyped(&tokens) {
            if let Some(src) = &t.source {
                by_file
                    .entry(src.clone())
                    .or_default()
                    .push((t.path.as_str(), t.ty));
            }
        }
        for (file, fixes) in &by_file {
            let path = p.path(file);
            let text = crate::input::read_text(&path)
                .with_context(|| format!("could not read `{file}`"))?;
            if let Some(new) = lint::add_types(&text, fixes) {
                crate::output::write_atomic(&path, new.as_bytes())
                    .with_context(|| format!("could not write `{file}`"))?;
                fixed.extend(
                    fixes.iter().map(|(t, ty)| {
                        format!("{file}: {t}: added \"$type\": \"{}\"", ty.as_str())
                    }),
                );
            }
        }
        if !fixed.is_empty() {
            // Read the edited files back in (and check them) before linting again.
            ctx.import_tokens(p, &mut store, true, false)?;
        }
    }
    let tokens = store.load()?;
    let components = store.components()?;
    let mut findings = lint::lint(&tokens, &components, &cfg)
        .map_err(|e| crate::hinted(e.to_string(), "docs/lint.md lists the rules and options"))?;
    if let Some(p) = &project {
        let named: std::collections::BTreeSet<&str> =
            findings.iter().filter_map(|f| f.file.as_deref()).collect();
        let files: Vec<crate::tokens::TokenFile> = named
            .into_iter()
            .filter(|f| {
                std::path::Path::new(f)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            })
            .filter_map(|f| crate::tokens::TokenFile::read(&p.path(f), f.to_string()).ok())
            .collect();
        lint::locate(&mut findings, &files);
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if args.json {
        ctx.printer
            .json(&json!({"findings": findings, "fixed": fixed, "errors": errors}))?;
    } else {
        for f in &fixed {
            ctx.printer.status(&format!("fixed {f}"));
        }
        let mut out = String::new();
        for f in &findings {
            let sev = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info if ctx.global.quiet => continue,
                Severity::Info => "info",
                Severity::Off => continue,
            };
            let _ = writeln!(
                out,
                "{sev}[{}] {}: {}{}{}",
                f.rule,
                f.subject,
                f.message,
                match (f.file.as_deref(), f.line, f.column) {
                    (Some(p), Some(l), Some(c)) => format!(" ({p}:{l}:{c})"),
                    (Some(p), Some(l), None) => format!(" ({p}:{l})"),
                    (Some(p), _, _) => format!(" ({p})"),
                    (None, _, _) => String::new(),
                },
                if f.fixable { " [fixable: --fix]" } else { "" }
            );
        }
        if !out.is_empty() {
            ctx.printer.data(out.trim_end())?;
        }
        let warnings = findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        ctx.printer.status(&format!(
            "lint: {errors} error{}, {warnings} warning{}, {} info",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" },
            findings.len() - errors - warnings
        ));
    }
    Ok(if errors > 0 {
        Outcome::Found
    } else {
        Outcome::Success
    })
}
