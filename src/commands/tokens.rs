//! `opends tokens import|validate|list|get|set|rm`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::{Result, bail};
use serde::Serialize;
use serde_json::Value;

use super::Context;
use crate::Outcome;
use crate::cli::{GetArgs, ImportArgs, ListArgs, RmArgs, SetArgs, ValidateArgs};
use crate::export::value::{Formatter, color, js_value};
use crate::model::{Token, TokenType, Tokens};
use crate::printer::{Style, count, swatch};
use crate::project;
use crate::tokens::edit::{self, SetRequest, not_found};
use crate::tokens::link;
use crate::tokens::resolve::Resolver;
use crate::tokens::{self as tok, Finding, Findings};

/// `opends tokens validate`: exit 0 valid, 1 problems.
pub fn validate(ctx: &Context, args: ValidateArgs) -> Result<Outcome> {
    let ValidateArgs {
        paths,
        format,
        strict,
        json,
    } = args;
    let (file_count, tokens, findings) = if paths.is_empty() {
        let mut project = ctx.project_opt()?.ok_or_else(|| {
            crate::hinted(
                "no files given and no `opends.yaml` found",
                "pass token files or directories, e.g. `opends tokens validate tokens/`",
            )
        })?;
        project.config.strict |= strict;
        let mut findings = Findings::default();
        let (tokens, count) = project::load(&project, &mut findings)?;
        (count, tokens, findings)
    } else {
        let (files, mut findings) = project::read_files(&ctx.cwd, &paths)?;
        if files.is_empty() && !findings.has_errors() {
            let named: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
            return Err(crate::hinted(
                format!("no token files in {}", named.join(", ")),
                "token files end in `.json`, `.tokens` or `.tokens.json`; pass the files or the directory that holds them",
            ));
        }
        let reading = project::reading(format, strict, ctx.project_opt()?.as_ref());
        let tokens = tok::load_files(&files, reading, &mut findings);
        (files.len(), tokens, findings)
    };
    // Counted after sorting, which drops exact repeats: the counts match what is listed.
    let sorted = findings.into_sorted();
    let errors = sorted.iter().filter(|f| f.is_error()).count();
    let warnings = sorted.len() - errors;
    if json {
        #[derive(Serialize)]
        struct Report<'a> {
            valid: bool,
            files: usize,
            tokens: usize,
            modes: &'a [String],
            errors: usize,
            warnings: usize,
            findings: &'a [Finding],
        }
        ctx.printer.json(&Report {
            valid: errors == 0,
            files: file_count,
            tokens: tokens.len(),
            modes: &tokens.modes,
            errors,
            warnings,
            findings: &sorted,
        })?;
    } else {
        ctx.printer.findings(&sorted);
        if errors == 0 {
            let modes = if tokens.modes.is_empty() {
                String::new()
            } else {
                format!(", modes: {}", tokens.modes.join(", "))
            };
            ctx.printer.status(&format!(
                "{} {} file{}, {} token{}{modes}",
                ctx.printer.paint(Style::Green, "valid:"),
                file_count,
                plural(file_count),
                tokens.len(),
                plural(tokens.len())
            ));
        } else {
            ctx.printer.status(&format!(
                "{} {errors} problem{} in {} file{}",
                ctx.printer.paint(Style::Red, "invalid:"),
                plural(errors),
                file_count,
                plural(file_count)
            ));
        }
    }
    Ok(if errors == 0 {
        Outcome::Success
    } else {
        Outcome::Found
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `opends tokens import`: validate everything, then write in one transaction.
pub fn import(ctx: &Context, args: ImportArgs) -> Result<Outcome> {
    let ImportArgs {
        paths,
        format,
        strict,
        mode,
        replace,
        dry_run,
        json,
    } = args;
    let project = ctx.project_opt()?.map(|mut p| {
        p.config.strict |= strict;
        p
    });
    let mut store = ctx.store(project.as_ref())?;
    if paths.is_empty() {
        let Some(project) = &project else {
            return Err(crate::hinted(
                "nothing to import: no paths given and no opends.yaml",
                "pass token files, e.g. `opends tokens import tokens/`",
            ));
        };
        if dry_run {
            let mut findings = Findings::default();
            let (tokens, _) = project::load(project, &mut findings)?;
            ctx.report(findings, "the project's token files")?;
            ctx.printer.status(&format!(
                "dry run: {} would be imported",
                count(tokens.len(), "token")
            ));
            return Ok(Outcome::Success);
        }
        let summary = ctx
            .import_tokens(project, &mut store, true, replace)?
            .unwrap_or_default();
        print_summary(ctx, &summary, "the project's token files", json)?;
        return Ok(Outcome::Success);
    }
    if let (Some(m), Some(p)) = (&mode, &project) {
        if !p.config.modes.is_empty() && !p.config.modes.contains_key(m) {
            return Err(crate::hinted(
                format!(
                    "unknown mode `{m}` (opends.yaml declares: {})",
                    p.config
                        .modes
                        .keys()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "add the mode under `modes:` in opends.yaml first",
            ));
        }
    }
    if let Some(p) = &project {
        ctx.import_tokens(p, &mut store, false, false)?;
    }
    let (files, mut findings) = project::read_files(&ctx.cwd, &paths)?;
    let default_mode = project
        .as_ref()
        .and_then(|p| p.config.modes.keys().next().cloned())
        .unwrap_or_else(|| "default".into());
    // Read, but do not link yet: the files may reference tokens already stored (a mode
    // file overriding base colours, say), so they are linked together with the store.
    let incoming = tok::load_input(
        &files,
        project::reading(format, strict, project.as_ref()),
        &mut findings,
    );
    if findings.has_errors() {
        ctx.report(findings, "import")?;
        unreachable!("report fails on errors");
    }
    // With theme axes, `--mode` names a context or a combination: the key it writes to.
    let mode = match mode {
        Some(m) => Some(store.load()?.mode_key(&m)?),
        None => None,
    };
    // Counts tokens, not files (one file may hold thousands); hidden off a terminal.
    let bar = ctx.printer.bar(0, "importing tokens");
    let mut link_findings = Findings::default();
    let result = store.update(|current| {
        let input = edit::import(&current, incoming, mode.as_deref(), &default_mode, replace);
        let tokens = link::link(input, &mut link_findings);
        bar.set_length(tokens.len() as u64);
        bar.set_position(tokens.len() as u64);
        if link_findings.has_errors() || dry_run {
            return Err(Box::new(tokens));
        }
        Ok(Some(tokens))
    })?;
    bar.finish_and_clear();
    findings.extend(link_findings);
    match result {
        Ok(summary) => {
            ctx.printer.findings(findings.iter());
            if replace {
                // The project's own tokens went too: re-import them on the next command.
                project::forget_token_files(&store)?;
            }
            let what = format!("{} file{}", files.len(), plural(files.len()));
            print_summary(ctx, &summary, &what, json)?;
            Ok(Outcome::Success)
        }
        Err(next) => {
            if findings.has_errors() {
                ctx.report(findings, "import")?;
                unreachable!("report fails on errors");
            }
            let current = store.load()?;
            let before: std::collections::HashMap<_, _> = current
                .tokens
                .iter()
                .map(|t| (t.path.clone(), t.clone()))
                .collect();
            let summary = crate::store::summarize(&before, &next);
            ctx.printer.findings(findings.iter());
            ctx.printer.status("dry run: nothing was written");
            print_summary(ctx, &summary, "would import", json)?;
            Ok(Outcome::Success)
        }
    }
}

fn print_summary(
    ctx: &Context,
    s: &crate::store::WriteSummary,
    what: &str,
    json: bool,
) -> Result<()> {
    if json {
        ctx.printer.json(s)?;
    } else {
        ctx.printer.status(&format!(
            "{} {what}: {} added, {} changed, {} removed, {} unchanged ({} in the store)",
            ctx.printer.paint(Style::Green, "imported"),
            s.added,
            s.changed,
            s.removed,
            s.unchanged,
            count(s.total, "token")
        ));
    }
    Ok(())
}

/// A token as `--json` prints it.
#[derive(Debug, Serialize)]
struct TokenJson<'a> {
    path: &'a str,
    #[serde(rename = "type")]
    ty: TokenType,
    value: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<Value>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    modes: BTreeMap<&'a str, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deprecated: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extensions: Option<&'a Value>,
    set: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
}

fn token_json<'a>(
    tokens: &'a Tokens,
    t: &'a Token,
    mode: Option<&'a str>,
    resolved: bool,
) -> TokenJson<'a> {
    let value = Resolver::new(tokens, mode).raw(t);
    let modes = if mode.is_some() {
        BTreeMap::new()
    } else {
        t.modes
            .iter()
            .map(|(m, v)| (m.as_str(), v.clone()))
            .collect()
    };
    TokenJson {
        path: t.path.as_str(),
        ty: t.ty,
        value,
        resolved: resolved.then(|| Resolver::new(tokens, mode).resolved(t)),
        modes,
        description: t.description.as_deref(),
        deprecated: t
            .deprecated
            .as_ref()
            .map(crate::model::Deprecation::to_value),
        extensions: t.extensions.as_ref(),
        set: &t.set,
        source: t.source.as_deref(),
    }
}

/// The `--mode` choices as one (`--mode brand=beta --mode dark` -> `brand=beta,dark`),
/// checked against the axes.
fn chosen_mode(tokens: &Tokens, mode: &[String]) -> Result<Option<String>> {
    if mode.is_empty() {
        return Ok(None);
    }
    let spec = mode.join(",");
    tokens.context(&spec)?;
    Ok(Some(spec))
}

/// The columns shown when no mode is chosen: `(label, mode)`; one column without modes.
fn mode_columns(tokens: &Tokens) -> Vec<(String, Option<String>)> {
    if tokens.modes.is_empty() {
        return vec![(String::new(), None)];
    }
    if !tokens.has_named_axes() {
        return tokens
            .modes
            .iter()
            .map(|m| (m.clone(), Some(m.clone())))
            .collect();
    }
    crate::model::theme::overview(&tokens.axes)
        .into_iter()
        .map(|c| (c.label(&tokens.axes), Some(c.key())))
        .collect()
}

/// `opends tokens list`.
pub fn list(ctx: &Context, args: ListArgs) -> Result<Outcome> {
    let ListArgs {
        ty,
        prefix,
        mode,
        json,
    } = args;
    let tokens = ctx.tokens()?;
    let mode = chosen_mode(&tokens, &mode)?;
    let selected: Vec<&Token> = tokens
        .tokens
        .iter()
        .filter(|t| ty.is_none_or(|ty| t.ty == ty))
        .filter(|t| {
            prefix.as_deref().is_none_or(|p| {
                t.path.as_str() == p || t.path.as_str().starts_with(&format!("{p}."))
            })
        })
        .collect();
    if json {
        let out: Vec<TokenJson<'_>> = selected
            .iter()
            .map(|t| token_json(&tokens, t, mode.as_deref(), true))
            .collect();
        ctx.printer.json(&out)?;
        return Ok(Outcome::Success);
    }
    let columns = match &mode {
        Some(m) => vec![(m.clone(), Some(m.clone()))],
        None => mode_columns(&tokens),
    };
    let labels: Vec<Option<&str>> = columns
        .iter()
        .map(|(l, m)| m.as_ref().map(|_| l.as_str()))
        .collect();
    let modes: Vec<Option<&str>> = columns.iter().map(|(_, m)| m.as_deref()).collect();
    let width = selected
        .iter()
        .map(|t| t.path.as_str().len())
        .max()
        .unwrap_or(0);
    let tw = selected
        .iter()
        .map(|t| t.ty.as_str().len())
        .max()
        .unwrap_or(0);
    let formatters: Vec<_> = modes
        .iter()
        .map(|m| Formatter::new(&tokens, *m, |t: &Token| Some(format!("{{{}}}", t.path))))
        .collect();
    let resolvers: Vec<_> = modes.iter().map(|m| Resolver::new(&tokens, *m)).collect();
    // One row per token: values per mode, padded into columns.
    let cells: Vec<Vec<String>> = selected
        .iter()
        .map(|t| formatters.iter().map(|f| f.token(t)).collect())
        .collect();
    let widths: Vec<usize> = (0..modes.len())
        .map(|i| {
            cells
                .iter()
                .map(|row| row[i].chars().count())
                .chain(std::iter::once(labels[i].map_or(0, str::len)))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let swatches = ctx.printer.stdout_color();
    let mut out = String::new();
    if modes.len() > 1 {
        let _ = write!(out, "{:width$}  {:tw$}", "", "");
        for (m, w) in labels.iter().zip(&widths) {
            let pad = if swatches { 3 } else { 0 };
            let _ = write!(
                out,
                "  {}{:pad$}{}",
                ctx.printer.paint_out(Style::Bold, m.unwrap_or_default()),
                "",
                " ".repeat(w - m.map_or(0, str::len))
            );
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        {}
        out.push('\n');
    }
    for (t, row) in selected.iter().zip(&cells) {
        let _ = write!(
            out,
            "{:width$}  {}",
            t.path.as_str(),
            ctx.printer
                .paint_out(Style::Dim, &format!("{:tw$}", t.ty.as_str()))
        );
        for ((cell, w), r) in row.iter().zip(&widths).zip(&resolvers) {
            let sw = if swatches && t.ty == TokenType::Color {
                rgb_of(&r.resolved(t))
                    .map_or_else(|| "   ".to_string(), |c| format!("{} ", swatch(c)))
            } else if swatches {
                "   ".to_string()
            } else {
                String::new()
            };
            let _ = write!(out, "  {sw}{cell}{}", " ".repeat(w - cell.chars().count()));
        }
        if t.is_deprecated() {
            let _ = write!(
                out,
                "  {}",
                ctx.printer.paint_out(Style::Yellow, "(deprecated)")
            );
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    if selected.is_empty() {
        ctx.printer.status("no tokens match");
        return Ok(Outcome::Success);
    }
    ctx.printer.data(&out)?;
    Ok(Outcome::Success)
}

/// sRGB bytes of a resolved colour, for swatches (other spaces are approximated via CSS hex when srgb).
fn rgb_of(v: &Value) -> Option<[u8; 3]> {
    let css = color(v);
    let hex = css.strip_prefix('#')?;
    let b = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([b(0)?, b(2)?, b(4)?])
}

/// `opends tokens get`.
pub fn get(ctx: &Context, args: GetArgs) -> Result<Outcome> {
    let GetArgs {
        path,
        mode,
        resolved,
        json,
    } = args;
    let tokens = ctx.tokens()?;
    let mode = chosen_mode(&tokens, &mode)?;
    let Some(t) = tokens.get_str(&path) else {
        return Err(not_found(&tokens, &path));
    };
    if json {
        ctx.printer
            .json(&token_json(&tokens, t, mode.as_deref(), resolved))?;
        return Ok(Outcome::Success);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}",
        ctx.printer.paint_out(Style::Bold, t.path.as_str()),
        t.ty
    );
    if let Some(d) = &t.description {
        let _ = writeln!(out, "  {d}");
    }
    if let Some(d) = &t.deprecated {
        if d.is_deprecated() {
            let _ = writeln!(
                out,
                "  {}{}",
                ctx.printer.paint_out(Style::Yellow, "deprecated"),
                d.reason().map(|r| format!(": {r}")).unwrap_or_default()
            );
        }
    }
    let columns = match &mode {
        Some(m) => vec![(m.clone(), Some(m.clone()))],
        None => mode_columns(&tokens),
    };
    for (label, m) in &columns {
        let r = Resolver::new(&tokens, m.as_deref());
        let v = if resolved {
            r.resolved(t)
        } else {
            r.raw(t).clone()
        };
        let label = if m.is_some() { label.as_str() } else { "value" };
        let css = js_value(t.ty, &r.resolved(t));
        let _ = writeln!(out, "  {label}: {}", serde_json::to_string(&v)?);
        if resolved {
            let _ = writeln!(
                out,
                "    css: {}",
                css.as_str().map_or_else(|| css.to_string(), str::to_string)
            );
        }
    }
    if let Some(src) = &t.source {
        let _ = writeln!(out, "  source: {src}");
    }
    ctx.printer.data(&out)?;
    Ok(Outcome::Success)
}

/// `opends tokens set`.
pub fn set(ctx: &Context, args: SetArgs) -> Result<Outcome> {
    let SetArgs {
        path,
        value,
        ty,
        mode,
        description,
    } = args;
    if let Some(m) = tok::dtcg::name_problem_path(&path) {
        bail!("invalid token path `{path}`: {m}");
    }
    let (_, mut store) = ctx.open_tokens()?;
    let request = SetRequest {
        path: &path,
        value: &value,
        ty,
        mode: mode.as_deref(),
        description: description.as_deref(),
    };
    let mut findings = Findings::default();
    let mut note = None;
    let result = store.update(|current| -> Result<Option<Tokens>> {
        let out = edit::set(&current, &request, &mut findings)?;
        note = out.source;
        Ok(Some(out.tokens))
    })?;
    let summary = result.inspect_err(|_| {
        ctx.printer
            .findings(&std::mem::take(&mut findings).into_sorted());
    })?;
    let verb = if summary.added > 0 {
        "added"
    } else if summary.changed > 0 {
        "changed"
    } else {
        "unchanged:"
    };
    ctx.printer.status(&format!(
        "{} `{path}`",
        ctx.printer.paint(Style::Green, verb)
    ));
    if let Some(src) = note {
        ctx.printer.warn(&format!(
            "`{path}` comes from `{src}`; this change lasts until the project's files are next re-imported (when `opends.yaml` or a token file changes): edit `{src}` to keep it"
        ));
    }
    Ok(Outcome::Success)
}

/// `opends tokens rm`.
pub fn rm(ctx: &Context, args: RmArgs) -> Result<Outcome> {
    let RmArgs { path, force } = args;
    let (_, mut store) = ctx.open()?;
    let used: Vec<String> = store
        .token_usage(&path)?
        .into_iter()
        .filter(|u| u.token == path)
        .map(|u| format!("`{}` ({})", u.component, u.property))
        .collect();
    if !used.is_empty() && !force {
        return Err(crate::hinted(
            format!("`{path}` is used by components: {}", used.join(", ")),
            "change those components first, or pass `--force` (their styles keep a reference to a missing token)",
        ));
    }
    let mut dependents = Vec::new();
    let mut source = None;
    store.update(|current| -> Result<Option<Tokens>> {
        let removed = edit::remove(&current, &path, force)?;
        dependents = removed.dependents;
        source = removed.source;
        Ok(Some(removed.tokens))
    })??;
    ctx.printer.status(&format!(
        "{} `{path}`",
        ctx.printer.paint(Style::Green, "removed")
    ));
    if !dependents.is_empty() {
        ctx.printer
            .warn(&format!("wrote its value into {}", dependents.join(", ")));
    }
    if let Some(src) = source {
        ctx.printer.warn(&format!(
            "`{path}` comes from `{src}`; it comes back when the project's files are next re-imported (when `opends.yaml` or a token file changes): remove it from `{src}` to keep it removed"
        ));
    }
    Ok(Outcome::Success)
}
