//! `opends sync [SOURCE...]` and `opends sync log`: fetch each design source, map it to
//! tokens, show the changes and write them in one transaction. Tokens from other
//! sources and from files are never touched; a source's own tokens that vanished
//! upstream are kept (and reported) unless `--prune`.

use std::collections::HashSet;
use std::time::Instant;

use anyhow::{Context as _, Result};
use serde::Serialize;
use serde_json::{Map, Value};

use super::Context;
use crate::Outcome;
use crate::cli::{SyncArgs, SyncCommand, SyncLogArgs};
use crate::printer::Style;
use crate::sources::http::HttpError;
use crate::sources::{Provider, SourceConfig, figma};
use crate::store::{Store, SyncEvent, WriteSummary, summarize};
use crate::tokens::dtcg::{self, Source};
use crate::tokens::json::from_value;
use crate::tokens::link::{self, Input, SetDocument};
use crate::tokens::{Findings, legacy};

/// The token set that holds a source's tokens.
fn set_name(source: &SourceConfig) -> String {
    format!("{}:{}", source.provider.as_str(), source.name)
}

/// Which tokens a sync added, changed or removed.
#[derive(Debug, Default, Serialize)]
struct Changes {
    added: Vec<String>,
    changed: Vec<String>,
    removed: Vec<String>,
}

#[derive(Debug, Serialize)]
struct SourceReport {
    source: String,
    status: &'static str,
    components: usize,
    #[serde(flatten)]
    summary: WriteSummary,
    kept_upstream_removed: Vec<String>,
    /// Token paths by kind of change.
    changes: Changes,
    warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// `opends sync`.
pub fn run(ctx: &Context, args: SyncArgs) -> Result<Outcome> {
    if let Some(SyncCommand::Log(a)) = args.command {
        return log(ctx, a);
    }
    let project = ctx.project()?;
    let mut store = ctx.store(Some(&project))?;
    ctx.import_tokens(&project, &mut store, false, false)?;
    let all = &project.config.sources;
    if all.is_empty() {
        return Err(crate::hinted(
            "no design sources in opends.yaml",
            "add one with `opends source add figma FILE_URL` (or penpot)",
        ));
    }
    for name in &args.sources {
        if !all.iter().any(|s| &s.name == name) {
            return Err(crate::hinted(
                format!("no source `{name}`"),
                "run `opends source list` to see the sources",
            ));
        }
    }
    let selected: Vec<&SourceConfig> = all
        .iter()
        .filter(|s| args.sources.is_empty() || args.sources.contains(&s.name))
        .collect();
    let bar = ctx.printer.bar(selected.len() as u64, "syncing");
    let mut reports = Vec::new();
    let mut failed = false;
    for source in selected {
        bar.set_message(crate::printer::visible(&format!("syncing {}", source.name)).into_owned());
        let started = Instant::now();
        let result = sync_one(ctx, &mut store, source, &args, started);
        let (report, recorded) = match result {
            Ok(r) => r,
            Err(e) => {
                failed = true;
                let message = format!("{e:#}");
                (
                    SourceReport {
                        source: source.name.clone(),
                        status: "failed",
                        components: 0,
                        summary: WriteSummary::default(),
                        kept_upstream_removed: Vec::new(),
                        changes: Changes::default(),
                        warnings: Vec::new(),
                        error: Some(message),
                    },
                    false,
                )
            }
        };
        // A sync that wrote recorded itself in its transaction; a failed or skipped
        // one is recorded here (nothing else of it was written).
        if !recorded {
            store.record_sync(
                &event(source, &report, started),
                source.provider.as_str(),
                &source.file,
                None,
            )?;
        }
        reports.push(report);
        bar.inc(1);
    }
    bar.finish_and_clear();
    if args.json {
        ctx.printer.json(&reports)?;
    } else {
        for r in &reports {
            print_report(ctx, r);
        }
    }
    if failed {
        return Err(crate::Reported("a source failed to sync".into()).into());
    }
    Ok(Outcome::Success)
}

/// The sync log entry of a report.
fn event(source: &SourceConfig, report: &SourceReport, started: Instant) -> SyncEvent {
    SyncEvent {
        source: source.name.clone(),
        trigger: "manual".into(),
        status: report.status.into(),
        added: report.summary.added,
        changed: report.summary.changed,
        removed: report.summary.removed,
        duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        error: report.error.clone(),
        at: String::new(),
    }
}

fn print_report(ctx: &Context, r: &SourceReport) {
    let s = &r.summary;
    match r.status {
        "failed" => ctx.printer.status(&format!(
            "{} {}: {}",
            ctx.printer.paint(Style::Red, "failed"),
            r.source,
            r.error.as_deref().unwrap_or_default()
        )),
        "skipped" => ctx.printer.status(&format!(
            "{} {}: unchanged since the last sync (use --force to fetch anyway)",
            ctx.printer.paint(Style::Dim, "skipped"),
            r.source
        )),
        status => ctx.printer.status(&format!(
            "{} {}: {} added, {} changed, {} removed, {} components{}",
            if status == "dry-run" {
                ctx.printer.paint(Style::Yellow, "dry run")
            } else {
                ctx.printer.paint(Style::Green, "synced")
            },
            r.source,
            s.added,
            s.changed,
            s.removed,
            r.components,
            if status == "dry-run" {
                " (nothing written)"
            } else {
                ""
            }
        )),
    }
    for (sign, paths) in [
        ("+", &r.changes.added),
        ("~", &r.changes.changed),
        ("-", &r.changes.removed),
    ] {
        for p in paths {
            ctx.printer.detail(&format!("  {sign} {p}"));
        }
    }
    for w in &r.warnings {
        ctx.printer.warn(&format!("{}: {w}", r.source));
    }
    if !r.kept_upstream_removed.is_empty() {
        ctx.printer.warn(&format!(
            "{}: {} token{} no longer in the design file and kept (pass --prune to remove): {}",
            r.source,
            r.kept_upstream_removed.len(),
            if r.kept_upstream_removed.len() == 1 {
                " is"
            } else {
                "s are"
            },
            r.kept_upstream_removed.join(", ")
        ));
    }
}

/// A fetched, mapped source: DTCG documents (base + per-mode), modes, warnings.
struct Fetched {
    input: Input,
    version: String,
    warnings: Vec<String>,
    components: Vec<crate::model::Component>,
}

fn fetch(
    ctx: &Context,
    source: &SourceConfig,
    cred: &crate::credentials::Credential,
    known: Option<&str>,
    force: bool,
) -> Result<Option<Fetched>> {
    let base = std::env::var(source.provider.url_env())
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| source.base_url.clone())
        .unwrap_or_else(|| {
            crate::sources::base_url(
                source.provider,
                None,
                ctx.project_opt().ok().flatten().as_ref(),
            )
        });
    let http = crate::sources::http::Http::for_provider(source.provider)?;
    match source.provider {
        Provider::Figma => {
            let version = figma::version(&http, &base, &source.file, cred)
                .map_err(|e| hint_http(e, source))?;
            if !force && known == Some(version.as_str()) {
                return Ok(None);
            }
            let mapped = match figma::local_variables(&http, &base, &source.file, cred) {
                Ok(vars) => figma::map_variables(&vars),
                // The token worked for the file itself: a 403 here is the plan (variables
                // need Figma Enterprise). Published styles are the next best thing.
                Err(HttpError::Unauthorized { status: 403, .. }) => {
                    let styles = figma::styles(&http, &base, &source.file, cred)
                        .map_err(|e| hint_http(e, source))?;
                    let ids: Vec<String> = styles
                        .get("meta")
                        .and_then(|m| m.get("styles"))
                        .and_then(Value::as_array)
                        .map(|a| {
                            a.iter()
                                .filter_map(|s| s.get("node_id")?.as_str().map(str::to_string))
                                .collect()
                        })
                        .unwrap_or_default();
                    let nodes = figma::nodes(&http, &base, &source.file, &ids, cred)
                        .map_err(|e| hint_http(e, source))?;
                    let mut m = figma::map_styles(&styles, &nodes);
                    m.warnings.insert(
                        0,
                        "Figma refused the file's variables (they need an Enterprise plan); read its published styles instead".into(),
                    );
                    m
                }
                Err(e) => return Err(hint_http(e, source)),
            };
            let set = set_name(source);
            let mut base_doc = Map::new();
            let mut mode_docs: Vec<(String, Map<String, Value>)> = mapped
                .modes
                .iter()
                .map(|m| (m.clone(), Map::new()))
                .collect();
            for t in &mapped.tokens {
                let mut node = Map::new();
                node.insert("$type".into(), Value::String(t.ty.into()));
                node.insert("$value".into(), t.value.clone());
                if let Some(d) = &t.description {
                    node.insert("$description".into(), Value::String(d.clone()));
                }
                node.insert("$extensions".into(), t.extensions.clone());
                insert(&mut base_doc, &t.path, node);
                for (m, v) in &t.modes {
                    if let Some((_, doc)) = mode_docs.iter_mut().find(|(n, _)| n == m) {
                        let mut o = Map::new();
                        o.insert("$type".into(), Value::String(t.ty.into()));
                        o.insert("$value".into(), v.clone());
                        insert(doc, &t.path, o);
                    }
                }
            }
            let mut findings = Findings::default();
            let mut input = Input::default();
            input
                .base
                .push(doc(&set, Value::Object(base_doc), &mut findings));
            for (i, (m, d)) in mode_docs.into_iter().enumerate() {
                let docs = if i == 0 {
                    Vec::new()
                } else {
                    vec![doc(&set, Value::Object(d), &mut findings)]
                };
                input.modes.push((m, docs));
            }
            if findings.has_errors() {
                let list = error_lines(findings);
                anyhow::bail!(
                    "the file's variables do not map to valid tokens:\n  {}",
                    list.join("\n  ")
                );
            }
            let mut warnings = mapped.warnings;
            let components = match figma::components(&http, &base, &source.file, cred) {
                Ok((c, sets)) => {
                    let (specs, w) = figma::map_components(&c, &sets);
                    warnings.extend(w);
                    specs
                }
                Err(e) => {
                    warnings.push(format!("components were not read: {e}"));
                    Vec::new()
                }
            };
            Ok(Some(Fetched {
                input,
                version,
                warnings,
                components,
            }))
        }
        Provider::Penpot => {
            let file = crate::sources::penpot::get_file(&http, &base, &source.file, cred)
                .map_err(|e| hint_http(e, source))?;
            let version = crate::sources::penpot::version(&file);
            if !force && known == Some(version.as_str()) {
                return Ok(None);
            }
            let studio = crate::sources::penpot::tokens_root(&file);
            let text = serde_json::to_string(&studio)?;
            let name = set_name(source);
            let mut findings = Findings::default();
            let root =
                crate::tokens::json::parse(&text).map_err(|e| anyhow::anyhow!("{}", e.message))?;
            let src = Source::new(&name, &text);
            let mut input = legacy::studio_input(&root, &src, &name, &mut findings);
            for d in input
                .base
                .iter_mut()
                .chain(input.modes.iter_mut().flat_map(|(_, d)| d.iter_mut()))
            {
                d.set.clone_from(&name);
                d.source = Some(name.clone());
            }
            if findings.has_errors() {
                let list = error_lines(findings);
                anyhow::bail!("the file's tokens are invalid:\n  {}", list.join("\n  "));
            }
            let mut warnings: Vec<String> = findings
                .iter()
                .filter(|f| !f.is_error() && f.code != "legacy-format")
                .map(|f| f.message.clone())
                .collect();
            // Library colours and typographies come first: a token of the same path in
            // the tokens library wins.
            let (library, library_warnings) = crate::sources::penpot::library_tokens(&file);
            warnings.extend(library_warnings);
            let mut library_findings = Findings::default();
            let library_doc = doc(&name, library, &mut library_findings);
            if library_findings.has_errors() {
                warnings.extend(
                    library_findings
                        .iter()
                        .filter(|f| f.is_error())
                        .map(|f| format!("library item skipped: {f}")),
                );
            } else {
                input.base.insert(0, library_doc);
            }
            Ok(Some(Fetched {
                input,
                version,
                warnings,
                components: crate::sources::penpot::components(&file),
            }))
        }
    }
}

/// The error findings, one per line.
fn error_lines(findings: Findings) -> Vec<String> {
    findings
        .into_sorted()
        .iter()
        .filter(|f| f.is_error())
        .map(ToString::to_string)
        .collect()
}

fn hint_http(e: crate::sources::http::HttpError, source: &SourceConfig) -> anyhow::Error {
    use crate::sources::http::HttpError;
    let hint = match (&e, source.provider) {
        (HttpError::Unauthorized { status: 403, message, .. }, Provider::Figma) if message.to_lowercase().contains("scope") || message.to_lowercase().contains("plan") || message.to_lowercase().contains("enterprise") => {
            "Figma variables need an Enterprise plan (or a token with the file_variables:read scope)".to_string()
        }
        (HttpError::Unauthorized { .. }, p) => format!("run `opends auth login {}`", p.as_str()),
        (HttpError::NotFound { .. }, Provider::Figma) => format!("check the file key `{}` (opends source list)", source.file),
        (HttpError::NotFound { .. }, Provider::Penpot) => format!("check the file id `{}` and the base URL", source.file),
        _ => String::new(),
    };
    if hint.is_empty() {
        anyhow::Error::new(e)
    } else {
        anyhow::anyhow!("{e} (hint: {hint})")
    }
}

fn doc(set: &str, value: Value, findings: &mut Findings) -> SetDocument {
    let text = set.to_string();
    let src = Source::new(&text, "");
    let mut node = from_value(&value, 0);
    let d = dtcg::read(&mut node, &src, findings);
    SetDocument {
        set: set.to_string(),
        source: Some(set.to_string()),
        doc: d,
    }
}

fn insert(root: &mut Map<String, Value>, path: &str, node: Map<String, Value>) {
    let segs: Vec<&str> = path.split('.').collect();
    let mut cur = root;
    for s in &segs[..segs.len() - 1] {
        let e = cur
            .entry((*s).to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !e.is_object() {
            *e = Value::Object(Map::new());
        }
        cur = e.as_object_mut().expect("an object");
    }
    cur.insert(segs[segs.len() - 1].to_string(), Value::Object(node));
}

fn sync_one(
    ctx: &Context,
    store: &mut Store,
    source: &SourceConfig,
    args: &SyncArgs,
    started: Instant,
) -> Result<(SourceReport, bool)> {
    let cred = crate::credentials::for_provider(source.provider)?.ok_or_else(|| {
        crate::hinted(
            format!("no {} credential", source.provider.as_str()),
            format!(
                "run `opends auth login {}` or set {}",
                source.provider.as_str(),
                source.provider.token_env()
            ),
        )
    })?;
    let known = store.source_version(&source.name)?;
    let Some(fetched) = fetch(ctx, source, &cred, known.as_deref(), args.force)? else {
        return Ok((
            SourceReport {
                source: source.name.clone(),
                status: "skipped",
                components: 0,
                summary: WriteSummary::default(),
                kept_upstream_removed: Vec::new(),
                changes: Changes::default(),
                warnings: Vec::new(),
                error: None,
            },
            false,
        ));
    };
    let set = set_name(source);
    let mut findings = Findings::default();
    let mut kept = Vec::new();
    let dry_run = args.dry_run;
    let prune = args.prune;
    let mut foreign: Vec<String> = Vec::new();
    let mut changes = Changes::default();
    let Fetched {
        input: fetched_input,
        version,
        warnings: fetched_warnings,
        components: specs,
    } = fetched;
    let mut fetched_input = fetched_input;
    let mut skipped = Vec::new();
    // Tokens, components and the sync record land in one transaction, or nothing does.
    let result = store.write_sync(|w| -> Result<SourceReport> {
        let current = w.tokens()?;
        // Tokens another source or a file defines are never touched by this source.
        let owned_elsewhere: HashSet<&str> = current
            .tokens
            .iter()
            .filter(|t| t.set != set)
            .map(|t| t.path.as_str())
            .collect();
        for d in fetched_input.base.iter_mut().chain(
            fetched_input
                .modes
                .iter_mut()
                .flat_map(|(_, d)| d.iter_mut()),
        ) {
            d.doc.tokens.retain(|t| {
                let mine = !owned_elsewhere.contains(t.path.as_str());
                if !mine && !foreign.contains(&t.path.to_string()) {
                    foreign.push(t.path.to_string());
                }
                mine
            });
        }
        let new_paths: HashSet<String> = fetched_input
            .base
            .iter()
            .flat_map(|d| d.doc.tokens.iter().map(|t| t.path.to_string()))
            .collect();
        // Everything else stays; this source's vanished tokens stay too unless --prune.
        let others = link::documents_from(&current, |s| s != set);
        let vanished: Vec<String> = current
            .tokens
            .iter()
            .filter(|t| t.set == set && !new_paths.contains(t.path.as_str()))
            .map(|t| t.path.to_string())
            .collect();
        let mut input = others;
        if !prune && !vanished.is_empty() {
            let keep: HashSet<&str> = vanished.iter().map(String::as_str).collect();
            let old = link::documents_from(&current, |s| s == set);
            for mut d in old.base {
                d.doc.tokens.retain(|t| keep.contains(t.path.as_str()));
                input.base.push(d);
            }
            kept.clone_from(&vanished);
        }
        input.base.extend(fetched_input.base);
        for (m, docs) in fetched_input.modes {
            match input.modes.iter_mut().find(|(n, _)| *n == m) {
                Some((_, d)) => d.extend(docs),
                None => input.modes.push((m, docs)),
            }
        }
        input.mode_only_tokens = true;
        let next = link::link(input, &mut findings);
        if findings.has_errors() {
            anyhow::bail!("the synced tokens do not fit the store's tokens");
        }
        let before = current
            .tokens
            .iter()
            .map(|t| (t.path.clone(), t.clone()))
            .collect::<std::collections::HashMap<_, _>>();
        let summary = summarize(&before, &next);
        for t in &next.tokens {
            match before.get(&t.path) {
                None => changes.added.push(t.path.to_string()),
                Some(old) if old.value != t.value || old.modes != t.modes || old.ty != t.ty => {
                    changes.changed.push(t.path.to_string());
                }
                Some(_) => {}
            }
        }
        changes.removed = before
            .keys()
            .filter(|p| next.get(p).is_none())
            .map(ToString::to_string)
            .collect();
        changes.removed.sort();
        if !dry_run {
            w.write_tokens(&next)?;
        }
        crate::store::crash_point("sync-tokens-written");
        // Components: checked against the tokens as they are now; the invalid are reported.
        let current = w.components()?;
        let mut incoming = Vec::new();
        for spec in specs {
            if current
                .iter()
                .any(|c| c.spec.name == spec.name && c.source.as_deref() != Some(set.as_str()))
            {
                skipped.push(format!(
                    "component `{}` is defined by a file or another source; left as it is",
                    spec.name
                ));
                continue;
            }
            let f = crate::components::check(&spec, &next, &set, "");
            if f.has_errors() {
                let why: Vec<String> = f
                    .iter()
                    .filter(|x| x.is_error())
                    .map(|x| x.message.clone())
                    .collect();
                skipped.push(format!(
                    "component `{}` skipped: {}",
                    spec.name,
                    why.join("; ")
                ));
                continue;
            }
            incoming.push(crate::model::StoredComponent {
                spec,
                source: Some(set.clone()),
                review: crate::model::component::Review::default(),
            });
        }
        let component_count = incoming.len();
        if !dry_run {
            let from_here =
                |c: &crate::model::StoredComponent| c.source.as_deref() == Some(set.as_str());
            w.write_components(&crate::project::merge(current, incoming, &from_here))?;
        }
        crate::store::crash_point("sync-components-written");
        let report = SourceReport {
            source: source.name.clone(),
            status: if dry_run { "dry-run" } else { "ok" },
            components: component_count,
            summary,
            changes: std::mem::take(&mut changes),
            kept_upstream_removed: std::mem::take(&mut kept),
            warnings: Vec::new(),
            error: None,
        };
        w.record_sync(
            &event(source, &report, started),
            source.provider.as_str(),
            &source.file,
            (!dry_run).then_some(version.as_str()),
        )?;
        Ok(report)
    });
    let mut report = match result {
        Ok(r) => r,
        Err(e) => {
            let list = error_lines(findings);
            return Err(if list.is_empty() {
                e
            } else {
                e.context(list.join("\n"))
            });
        }
    };
    let mut warnings = fetched_warnings;
    if !foreign.is_empty() {
        warnings.push(format!(
            "{} token{} already defined by a file or another source kept {} value: {}",
            foreign.len(),
            if foreign.len() == 1 { "" } else { "s" },
            if foreign.len() == 1 { "its" } else { "their" },
            foreign.join(", ")
        ));
    }
    warnings.extend(skipped);
    report.warnings = warnings;
    Ok((report, true))
}

/// `opends sync log`.
fn log(ctx: &Context, args: SyncLogArgs) -> Result<Outcome> {
    let project = ctx.project()?;
    let store = ctx
        .store(Some(&project))
        .context("could not open the store")?;
    let events = store.sync_events(args.limit)?;
    if args.json {
        ctx.printer.json(&events)?;
        return Ok(Outcome::Success);
    }
    if events.is_empty() {
        ctx.printer.status("no syncs yet; run `opends sync`");
        return Ok(Outcome::Success);
    }
    let lines: Vec<String> = events
        .iter()
        .map(|e| {
            format!(
                "{}  {:10}  {:7}  +{} ~{} -{}  {} ms{}",
                e.at,
                e.source,
                e.status,
                e.added,
                e.changed,
                e.removed,
                e.duration_ms,
                e.error
                    .as_ref()
                    .map(|m| format!("  {m}"))
                    .unwrap_or_default()
            )
        })
        .collect();
    ctx.printer.data(&lines.join("\n"))?;
    Ok(Outcome::Success)
}
