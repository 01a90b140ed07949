//! The sync merge: a fetched source's documents are linked with the store's other
//! tokens and written with its components and the sync record in one transaction.
//! Tokens and components that files or other sources define are never touched; a
//! source's own tokens that vanished upstream are kept (and reported) unless pruned.
//!
//! [`plan_tokens`] and [`plan_components`] are pure: they say what a sync would
//! write, and why, without a store or a network.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::http::{Http, HttpError};
use super::owned::{self, Manifest, ModeFile, Owned, spec_path, spec_text};
use super::{FetchError, Fetched, SourceConfig, WriteTo, error_lines};
use crate::credentials::CredentialError;
use crate::model::{Component, StoredComponent, Tokens};
use crate::store::{self, Store, StoreError, SyncEvent, WriteSummary};
use crate::tokens::Findings;
use crate::tokens::link::{self, Input};

/// How to sync.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Compute and report the changes; write nothing but the sync record.
    pub dry_run: bool,
    /// Remove the source's tokens that vanished upstream (otherwise kept).
    pub prune: bool,
    /// Fetch even when the file's version has not changed since the last sync.
    pub force: bool,
    /// Rewrite a source's files even where they were edited by hand.
    pub overwrite: bool,
}

/// Which tokens a sync added, changed or removed.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Tokens that did not exist before.
    pub added: Vec<String>,
    /// Tokens that differ from the stored ones ([`store::same`]).
    pub changed: Vec<String>,
    /// Tokens no longer in the store afterwards.
    pub removed: Vec<String>,
}

/// Why a token the source offered or once defined is left as the store has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptReason {
    /// The source defined it and no longer does (kept without `--prune`).
    GoneUpstream,
    /// A file or another source defines it: the source's value was not taken.
    DefinedElsewhere,
}

/// A token kept as it was, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// The token's path.
    pub path: String,
    /// Why.
    pub reason: KeptReason,
}

/// What a sync writes to the tokens, and why.
#[derive(Debug)]
pub struct TokenPlan {
    /// The store's tokens after the sync.
    pub next: Tokens,
    /// Counts (the same definition of a change as [`Changes`]).
    pub summary: WriteSummary,
    /// Token paths by kind of change.
    pub changes: Changes,
    /// Tokens left as they were, with the reason, in the order found.
    pub kept: Vec<Kept>,
}

impl TokenPlan {
    /// The paths kept for `reason`.
    pub fn kept_for(&self, reason: KeptReason) -> Vec<String> {
        self.kept
            .iter()
            .filter(|k| k.reason == reason)
            .map(|k| k.path.clone())
            .collect()
    }
}

/// Why the merge was refused.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// Linking the source's tokens with the store's other tokens found errors (one
    /// finding a line).
    #[error("{}: the synced tokens do not fit the store's tokens", .0.join("\n"))]
    DoesNotFit(Vec<String>),
}

/// Links `incoming` (documents of set `set`) with `current`'s other tokens: tokens
/// defined by a file or another set are skipped, tokens of `set` that are no longer
/// offered are kept unless `prune`, and every change is listed.
pub fn plan_tokens(
    current: &Tokens,
    set: &str,
    mut incoming: Input,
    prune: bool,
) -> Result<TokenPlan, MergeError> {
    let mut kept = Vec::new();
    // Tokens another source or a file defines are never touched by this source.
    let owned_elsewhere: HashSet<&str> = current
        .tokens
        .iter()
        .filter(|t| t.set != set)
        .map(|t| t.path.as_str())
        .collect();
    let mut foreign: HashSet<String> = HashSet::new();
    for d in incoming
        .base
        .iter_mut()
        .chain(incoming.modes.iter_mut().flat_map(|(_, d)| d.iter_mut()))
    {
        d.doc.tokens.retain(|t| {
            let mine = !owned_elsewhere.contains(t.path.as_str());
            if !mine && foreign.insert(t.path.to_string()) {
                kept.push(Kept {
                    path: t.path.to_string(),
                    reason: KeptReason::DefinedElsewhere,
                });
            }
            mine
        });
    }
    let new_paths: HashSet<String> = incoming
        .base
        .iter()
        .flat_map(|d| d.doc.tokens.iter().map(|t| t.path.to_string()))
        .collect();
    // Everything else stays; this source's vanished tokens stay too unless pruned.
    // The store's mode keys come first, in its order (the resolution order of its axes),
    // then keys the source adds.
    let mut input = link::documents_from(current, |s| s != set);
    let vanished: Vec<String> = current
        .tokens
        .iter()
        .filter(|t| t.set == set && !new_paths.contains(t.path.as_str()))
        .map(|t| t.path.to_string())
        .collect();
    if !prune && !vanished.is_empty() {
        let keep: HashSet<&str> = vanished.iter().map(String::as_str).collect();
        let own = link::documents_from(current, |s| s == set);
        for mut d in own.base {
            d.doc.tokens.retain(|t| keep.contains(t.path.as_str()));
            input.base.push(d);
        }
        // Their values per mode key stay too.
        for (m, docs) in own.modes {
            for mut d in docs {
                d.doc.tokens.retain(|t| keep.contains(t.path.as_str()));
                if let Some((_, to)) = input.modes.iter_mut().find(|(n, _)| *n == m) {
                    to.push(d);
                }
            }
        }
        kept.extend(vanished.into_iter().map(|path| Kept {
            path,
            reason: KeptReason::GoneUpstream,
        }));
    }
    input.base.extend(incoming.base);
    for (m, docs) in incoming.modes {
        match input.modes.iter_mut().find(|(n, _)| *n == m) {
            Some((_, d)) => d.extend(docs),
            None => input.modes.push((m, docs)),
        }
    }
    input.mode_only_tokens = true;
    let mut findings = Findings::default();
    let next = link::link(input, &mut findings);
    if findings.has_errors() {
        return Err(MergeError::DoesNotFit(error_lines(findings)));
    }
    let before: HashMap<_, _> = current
        .tokens
        .iter()
        .map(|t| (t.path.clone(), t.clone()))
        .collect();
    let summary = store::summarize(&before, &next);
    let mut changes = Changes::default();
    for t in &next.tokens {
        match before.get(&t.path) {
            None => changes.added.push(t.path.to_string()),
            Some(old) if !store::same(old, t) => changes.changed.push(t.path.to_string()),
            Some(_) => {}
        }
    }
    changes.removed = before
        .keys()
        .filter(|p| next.get(p).is_none())
        .map(ToString::to_string)
        .collect();
    changes.removed.sort();
    Ok(TokenPlan {
        next,
        summary,
        changes,
        kept,
    })
}

/// What a sync writes to the components.
#[derive(Debug)]
pub struct ComponentPlan {
    /// Every stored component afterwards.
    pub all: Vec<StoredComponent>,
    /// How many of them come from this sync.
    pub synced: usize,
    /// Components left out, and why.
    pub skipped: Vec<String>,
}

/// Merges `specs` of set `set` into `current`, each checked against `tokens`: a
/// component a file or another source defines is left as it is, an invalid one is
/// skipped (with the reason), the source's earlier components are replaced.
pub fn plan_components(
    current: Vec<StoredComponent>,
    specs: Vec<Component>,
    tokens: &Tokens,
    set: &str,
    owned: &dyn Fn(&str) -> bool,
) -> ComponentPlan {
    let mut skipped = Vec::new();
    let mut incoming = Vec::new();
    for spec in specs {
        let elsewhere = current.iter().find(|c| {
            c.spec.name == spec.name
                && c.source.as_deref() != Some(set)
                && !c.source.as_deref().is_some_and(owned)
        });
        if let Some(other) = elsewhere {
            skipped.push(match other.source.as_deref() {
                Some(file) if is_yaml(file) => format!(
                    "component `{}` is defined by `{file}`; left as it is (to take the design's, delete `{file}` and run `opends sync --force`)",
                    spec.name
                ),
                _ => format!(
                    "component `{}` is defined by a file or another source; left as it is",
                    spec.name
                ),
            });
            continue;
        }
        let f = crate::components::check(&spec, tokens, set, "");
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
        incoming.push(StoredComponent {
            spec,
            source: Some(set.to_string()),
            review: crate::model::component::Review::default(),
        });
    }
    let synced = incoming.len();
    let from_here = |c: &StoredComponent| c.source.as_deref() == Some(set);
    ComponentPlan {
        all: crate::model::component::merge_imported(current, incoming, &from_here),
        synced,
        skipped,
    }
}

/// Whether `file` names a YAML file (a component spec).
fn is_yaml(file: &str) -> bool {
    Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// The outcome of syncing one source.
#[derive(Debug, Serialize)]
pub struct SourceReport {
    /// The source's name.
    pub source: String,
    /// `ok`, `dry-run`, `skipped` or `failed`.
    pub status: &'static str,
    /// Components synced.
    pub components: usize,
    /// Counts of token changes.
    #[serde(flatten)]
    pub summary: WriteSummary,
    /// The source's tokens no longer in the design file, kept.
    pub kept_upstream_removed: Vec<String>,
    /// Token paths by kind of change.
    pub changes: Changes,
    /// What was not mapped or not taken, and why.
    pub warnings: Vec<String>,
    /// Project files written (with `--dry-run`: that would be written), for a source
    /// that writes files.
    pub files: Vec<String>,
    /// Project files of the source removed (or that would be).
    pub files_removed: Vec<String>,
    /// Why the sync failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl SourceReport {
    fn empty(source: &SourceConfig, status: &'static str, error: Option<String>) -> Self {
        Self {
            source: source.name.clone(),
            status,
            components: 0,
            summary: WriteSummary::default(),
            kept_upstream_removed: Vec::new(),
            changes: Changes::default(),
            warnings: Vec::new(),
            files: Vec::new(),
            files_removed: Vec::new(),
            error,
        }
    }

    /// The sync log entry of this report.
    fn event(&self, started: Instant) -> SyncEvent {
        SyncEvent {
            source: self.source.clone(),
            trigger: "manual".into(),
            status: self.status.into(),
            added: self.summary.added,
            changed: self.summary.changed,
            removed: self.summary.removed,
            duration_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            error: self.error.clone(),
            at: String::new(),
        }
    }
}

/// Why one source did not sync (reported, and recorded in the sync log).
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The credential store failed.
    #[error(transparent)]
    Credential(#[from] CredentialError),
    /// No token for the provider.
    #[error("no {provider} credential")]
    NoCredential {
        /// figma or penpot.
        provider: &'static str,
    },
    /// The HTTP client could not be made.
    #[error(transparent)]
    Http(#[from] HttpError),
    /// The source could not be fetched or mapped.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// Its tokens do not fit the store's.
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Files the source owns were edited by hand since its last sync.
    #[error(
        "{} owned by source `{name}` {} edited by hand since the last sync: {}; nothing was written (keep an edit by moving it into a token file of your own, which wins, then run `opends sync {name} --overwrite`; discard the edits with `opends sync {name} --overwrite`)",
        if files.len() == 1 { "a file" } else { "files" },
        if files.len() == 1 { "was" } else { "were" },
        files.join(", ")
    )]
    HandEdited {
        /// The source's name.
        name: String,
        /// The edited files.
        files: Vec<String>,
    },
    /// Files the source would write exist and are not the source's.
    #[error(
        "source `{name}` would write {}, which {} not written by it; nothing was written (set another `path:` for the source in opends.yaml, or pass --overwrite to replace {})",
        files.join(", "),
        if files.len() == 1 { "exists and was" } else { "exist and were" },
        if files.len() == 1 { "it" } else { "them" }
    )]
    NotOwned {
        /// The source's name.
        name: String,
        /// The files.
        files: Vec<String>,
    },
    /// The source's tokens could not be written as DTCG files.
    #[error("could not write the source's tokens as DTCG: {0}")]
    Render(#[from] crate::export::ExportError),
    /// The manifest of owned files failed.
    #[error(transparent)]
    Manifest(#[from] super::owned::ManifestError),
    /// A project file could not be written.
    #[error("could not write `{path}`: {source}")]
    Write {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// Syncs `source` from the API at `base` into `store`: fetch, merge, write tokens,
/// components and the sync record in one transaction. A source that fails or is
/// skipped is reported (and recorded) as such; only failing to record it is an error.
pub fn sync_source(
    store: &mut Store,
    root: &Path,
    source: &SourceConfig,
    base: &str,
    options: Options,
) -> Result<SourceReport, StoreError> {
    let started = Instant::now();
    let report = match fetch_and_write(store, root, source, base, options, started) {
        Ok(Some(report)) => return Ok(report),
        Ok(None) => SourceReport::empty(source, "skipped", None),
        Err(e) => SourceReport::empty(source, "failed", Some(chain(&e))),
    };
    // A sync that wrote recorded itself in its transaction; a failed or skipped one is
    // recorded here (nothing else of it was written).
    store.record_sync(
        &report.event(started),
        source.provider.as_str(),
        &source.file,
        None,
    )?;
    Ok(report)
}

/// An error and its causes, `: `-separated.
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

/// Fetches and writes; `None` when the file is unchanged since the last sync.
fn fetch_and_write(
    store: &mut Store,
    root: &Path,
    source: &SourceConfig,
    base: &str,
    options: Options,
    started: Instant,
) -> Result<Option<SourceReport>, SyncError> {
    let provider = source.provider;
    let cred = crate::credentials::for_provider(provider)?.ok_or(SyncError::NoCredential {
        provider: provider.as_str(),
    })?;
    let known = store.source_version(&source.name)?;
    let http = Http::for_provider(provider)?;
    let Some(fetched) = super::fetch(&http, base, source, &cred, known.as_deref(), options.force)?
    else {
        return Ok(None);
    };
    match source.write {
        WriteTo::Store => write(store, source, fetched, options, started).map(Some),
        WriteTo::Files => write_files(store, root, source, fetched, options, started).map(Some),
    }
}

/// Writes a fetched source into `store` in one transaction (tokens, components, the
/// sync record, whose duration counts from `started`), or nothing when it fails.
pub fn write(
    store: &mut Store,
    source: &SourceConfig,
    fetched: Fetched,
    options: Options,
    started: Instant,
) -> Result<SourceReport, SyncError> {
    let provider = source.provider;
    let Fetched {
        input,
        version,
        warnings: fetched_warnings,
        components: specs,
    } = fetched;
    let set = source.set_name();
    // Tokens, components and the sync record land in one transaction, or nothing does.
    let (mut report, defined_elsewhere, skipped) = store.write_sync(|w| {
        let plan = plan_tokens(&w.tokens()?, &set, input, options.prune)?;
        if !options.dry_run {
            w.write_tokens(&plan.next)?;
        }
        store::crash_point("sync-tokens-written");
        let components = plan_components(w.components()?, specs, &plan.next, &set, &|_| false);
        if !options.dry_run {
            w.write_components(&components.all)?;
        }
        store::crash_point("sync-components-written");
        let defined_elsewhere = plan.kept_for(KeptReason::DefinedElsewhere);
        let report = SourceReport {
            source: source.name.clone(),
            status: if options.dry_run { "dry-run" } else { "ok" },
            components: components.synced,
            kept_upstream_removed: plan.kept_for(KeptReason::GoneUpstream),
            summary: plan.summary,
            changes: plan.changes,
            warnings: Vec::new(),
            files: Vec::new(),
            files_removed: Vec::new(),
            error: None,
        };
        w.record_sync(
            &report.event(started),
            provider.as_str(),
            &source.file,
            (!options.dry_run).then_some(version.as_str()),
        )?;
        Ok::<_, SyncError>((report, defined_elsewhere, components.skipped))
    })?;
    let mut warnings = fetched_warnings;
    if !defined_elsewhere.is_empty() {
        let current = store.load()?;
        warnings.push(defined_elsewhere_warning(
            &current,
            &defined_elsewhere,
            source,
            &|_| None,
        ));
    }
    warnings.extend(skipped);
    report.warnings = warnings;
    Ok(report)
}

/// The warning for the source's tokens that a file or another source defines: where
/// each is defined, and the edit and command that let the source's value win.
fn defined_elsewhere_warning(
    current: &Tokens,
    paths: &[String],
    source: &SourceConfig,
    owner_of: &dyn Fn(&str) -> Option<String>,
) -> String {
    let n = paths.len();
    let mut out = format!(
        "{n} token{} already defined by a file or another source kept {} value: {}",
        if n == 1 { "" } else { "s" },
        if n == 1 { "its" } else { "their" },
        paths.join(", ")
    );
    // Grouped by where they are defined, in the order found.
    let mut by_place: Vec<(String, Vec<&str>)> = Vec::new();
    for p in paths {
        let Some(t) = current.tokens.iter().find(|t| t.path.as_str() == p) else {
            continue;
        };
        let place = match t.source.as_deref() {
            Some(file) => match owner_of(file) {
                Some(other) => format!("source `{other}`"),
                None => format!("`{file}`"),
            },
            None if t.set.contains(':') => format!("source `{}`", t.set),
            None => format!("set `{}`", t.set),
        };
        match by_place.iter_mut().find(|(pl, _)| *pl == place) {
            Some((_, v)) => v.push(p),
            None => by_place.push((place, vec![p])),
        }
    }
    for (place, list) in by_place {
        let them = if list.len() == 1 { "it" } else { "them" };
        let fix = if place.starts_with('`') {
            format!(
                "delete {them} from {place} and run `opends sync {} --force`",
                source.name
            )
        } else {
            format!(
                "remove {them} from {place} (or remove that source), then run `opends sync {} --force`",
                source.name
            )
        };
        let _ = write!(
            out,
            "\n  {} defined in {place}; to let `{}` win, {fix}",
            list.join(", "),
            source.name
        );
    }
    out
}

/// The source's tokens of `next` alone (its set), with the groups above them and the
/// modes its tokens use (every key when the store has theme axes, so that each axis
/// keeps its default context).
fn own_tokens(next: &Tokens, set: &str) -> Tokens {
    let tokens: Vec<crate::model::Token> = next
        .tokens
        .iter()
        .filter(|t| t.set == set)
        .cloned()
        .collect();
    let groups = next
        .groups
        .iter()
        .filter(|g| {
            let prefix = format!("{}.", g.path.as_str());
            tokens.iter().any(|t| t.path.as_str().starts_with(&prefix))
        })
        .cloned()
        .collect();
    let uses_modes = tokens.iter().any(|t| !t.modes.is_empty());
    let modes = if !uses_modes {
        Vec::new()
    } else if next.has_named_axes() {
        next.modes.clone()
    } else {
        next.modes
            .iter()
            .enumerate()
            .filter(|(i, m)| *i == 0 || tokens.iter().any(|t| t.modes.iter().any(|(k, _)| k == *m)))
            .map(|(_, m)| m.clone())
            .collect()
    };
    Tokens::new(tokens, groups, modes)
}

/// A path as written in the manifest (`/`-separated).
fn rel_string(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// The files a source owns after a sync (project-relative path, contents) and their
/// layout: its tokens as DTCG 2025.10 (a base file and a file per mode, or with theme
/// axes a file per context and a resolver document) and a YAML spec per component.
fn render_owned(
    source: &SourceConfig,
    tokens: &Tokens,
    components: &[&StoredComponent],
) -> Result<(Owned, Vec<(String, String)>), SyncError> {
    use crate::export::{ExportFormat, Options as ExportOptions};
    let set = source.set_name();
    let mut owned = Owned {
        set: set.clone(),
        ..Owned::default()
    };
    let mut files = Vec::new();
    if !tokens.tokens.is_empty() {
        let main = PathBuf::from(source.token_path());
        let rendered = crate::export::render(
            ExportFormat::Dtcg,
            tokens,
            &ExportOptions::new(ExportFormat::Dtcg, main),
        )?;
        let paths: Vec<String> = rendered.iter().map(|f| rel_string(&f.path)).collect();
        owned.tokens = paths.first().cloned();
        if tokens.has_named_axes() {
            owned.resolver = paths.last().cloned();
        } else if !tokens.modes.is_empty() {
            owned.modes = tokens
                .modes
                .iter()
                .enumerate()
                .map(|(i, m)| ModeFile {
                    mode: m.clone(),
                    file: if i == 0 { None } else { paths.get(i).cloned() },
                })
                .collect();
        }
        files.extend(
            rendered
                .into_iter()
                .map(|f| (rel_string(&f.path), f.contents)),
        );
    }
    for c in components {
        files.push((spec_path(&c.spec.name), spec_text(&set, &c.spec)));
    }
    for (rel, text) in &files {
        owned
            .files
            .insert(rel.clone(), owned::hash(text.as_bytes()));
    }
    Ok((owned, files))
}

/// Writes a fetched source into project files it owns (see [`super::owned`]) and records
/// the sync in `store`; the command then imports the project's files into the store.
/// Nothing is written when the merge fails, when a file the source owns was edited by
/// hand (unless `overwrite`), or when a file it would write is someone else's. Files
/// whose content is unchanged are not touched.
pub fn write_files(
    store: &mut Store,
    root: &Path,
    source: &SourceConfig,
    fetched: Fetched,
    options: Options,
    started: Instant,
) -> Result<SourceReport, SyncError> {
    let Fetched {
        input,
        version,
        warnings: fetched_warnings,
        components: specs,
    } = fetched;
    let set = source.set_name();
    let mut manifest = Manifest::load(root)?;
    let previous = manifest
        .sources
        .get(&source.name)
        .cloned()
        .unwrap_or_default();
    let edited = owned::edited(root, &previous);
    if !edited.is_empty() && !options.overwrite {
        return Err(SyncError::HandEdited {
            name: source.name.clone(),
            files: edited,
        });
    }
    let current = store.load()?;
    // Discarding hand edits writes the files as the design has them now: a token added
    // by hand is not kept as one that vanished upstream.
    let prune = options.prune || !edited.is_empty();
    let plan = plan_tokens(&current, &set, input, prune)?;
    let is_owned = |f: &str| previous.files.contains_key(f);
    let components = plan_components(store.components()?, specs, &plan.next, &set, &is_owned);
    let mine: Vec<&StoredComponent> = components
        .all
        .iter()
        .filter(|c| c.source.as_deref() == Some(set.as_str()))
        .collect();
    let (owned, files) = render_owned(source, &own_tokens(&plan.next, &set), &mine)?;
    // Files it would write that exist, differ and are not its own: someone else's.
    let foreign: Vec<String> = files
        .iter()
        .filter(|(rel, text)| {
            !previous.files.contains_key(rel)
                && std::fs::read(root.join(rel)).is_ok_and(|old| old != text.as_bytes())
        })
        .map(|(rel, _)| rel.clone())
        .collect();
    if !foreign.is_empty() && !options.overwrite {
        return Err(SyncError::NotOwned {
            name: source.name.clone(),
            files: foreign,
        });
    }
    let changed: Vec<&(String, String)> = files
        .iter()
        .filter(|(rel, text)| {
            std::fs::read(root.join(rel)).ok().as_deref() != Some(text.as_bytes())
        })
        .collect();
    let stale: Vec<String> = previous
        .files
        .keys()
        .filter(|rel| !owned.files.contains_key(*rel) && root.join(rel.as_str()).exists())
        .cloned()
        .collect();
    if !options.dry_run {
        for (rel, text) in &changed {
            crate::output::write_atomic(&root.join(rel), text.as_bytes()).map_err(|source| {
                SyncError::Write {
                    path: rel.clone(),
                    source,
                }
            })?;
        }
        for rel in &stale {
            std::fs::remove_file(root.join(rel)).map_err(|source| SyncError::Write {
                path: rel.clone(),
                source,
            })?;
        }
        manifest.sources.insert(source.name.clone(), owned);
        manifest.save(root)?;
    }
    let defined_elsewhere = plan.kept_for(KeptReason::DefinedElsewhere);
    let mut warnings = fetched_warnings;
    if !defined_elsewhere.is_empty() {
        let owner = |file: &str| manifest.owner_of(file).map(str::to_string);
        warnings.push(defined_elsewhere_warning(
            &current,
            &defined_elsewhere,
            source,
            &owner,
        ));
    }
    warnings.extend(components.skipped);
    let report = SourceReport {
        source: source.name.clone(),
        status: if options.dry_run { "dry-run" } else { "ok" },
        components: components.synced,
        kept_upstream_removed: plan.kept_for(KeptReason::GoneUpstream),
        summary: plan.summary,
        changes: plan.changes,
        warnings,
        files: changed.iter().map(|(rel, _)| rel.clone()).collect(),
        files_removed: stale,
        error: None,
    };
    store.record_sync(
        &report.event(started),
        source.provider.as_str(),
        &source.file,
        (!options.dry_run).then_some(version.as_str()),
    )?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::Provider;
    use crate::sources::document::Builder;
    use serde_json::{Map, Value, json};

    const SET: &str = "figma:design";

    fn source() -> SourceConfig {
        SourceConfig {
            name: "design".into(),
            provider: Provider::Figma,
            file: "AbC123xYz789".into(),
            base_url: None,
            write: crate::sources::WriteTo::Files,
            path: None,
        }
    }

    /// A document of `set` from `(path, $type, $value, $description)`.
    fn doc(
        set: &str,
        tokens: &[(&str, &str, Value, Option<&str>)],
    ) -> crate::tokens::link::SetDocument {
        let mut b = Builder::new();
        for (path, ty, value, description) in tokens {
            let mut t = Map::new();
            t.insert("$type".into(), json!(ty));
            t.insert("$value".into(), value.clone());
            if let Some(d) = description {
                t.insert("$description".into(), json!(d));
            }
            let l = b.label(format!("test `{path}`"));
            b.insert(path, t, l);
        }
        let mut findings = Findings::default();
        let d = b.read(set, &mut findings);
        assert!(!findings.has_errors(), "{findings:?}");
        d
    }

    fn input(docs: Vec<crate::tokens::link::SetDocument>) -> Input {
        Input {
            base: docs,
            ..Input::default()
        }
    }

    /// The store's tokens: `space.4` from a file, three tokens of the source.
    fn current() -> Tokens {
        let mut findings = Findings::default();
        let t = link::link(
            input(vec![
                doc("local.json", &[("space.4", "number", json!(4), None)]),
                doc(
                    SET,
                    &[
                        ("color.a", "number", json!(1), None),
                        ("color.b", "number", json!(2), None),
                        ("color.c", "number", json!(3), Some("old")),
                    ],
                ),
            ]),
            &mut findings,
        );
        assert!(!findings.has_errors(), "{findings:?}");
        t
    }

    /// What the source offers now: `color.a` changed, `color.b` gone, `color.c` with a
    /// new description only, `color.d` new, and `space.4`, which a file defines.
    fn incoming() -> Input {
        input(vec![doc(
            SET,
            &[
                ("color.a", "number", json!(10), None),
                ("color.c", "number", json!(3), Some("new")),
                ("color.d", "number", json!(4), None),
                ("space.4", "number", json!(99), None),
            ],
        )])
    }

    fn value(tokens: &Tokens, path: &str) -> Option<Value> {
        tokens
            .tokens
            .iter()
            .find(|t| t.path.as_str() == path)
            .map(|t| t.value.clone())
    }

    #[test]
    fn a_plan_lists_added_changed_removed_and_kept_with_reasons() {
        let plan = plan_tokens(&current(), SET, incoming(), false).unwrap();
        assert_eq!(plan.changes.added, ["color.d"]);
        assert_eq!(plan.changes.changed, ["color.a", "color.c"]);
        assert!(plan.changes.removed.is_empty());
        assert_eq!(
            plan.kept,
            [
                Kept {
                    path: "space.4".into(),
                    reason: KeptReason::DefinedElsewhere
                },
                Kept {
                    path: "color.b".into(),
                    reason: KeptReason::GoneUpstream
                },
            ]
        );
        // The file's token keeps its value; the vanished one stays.
        assert_eq!(value(&plan.next, "space.4"), Some(json!(4)));
        assert_eq!(value(&plan.next, "color.b"), Some(json!(2)));

        let pruned = plan_tokens(&current(), SET, incoming(), true).unwrap();
        assert_eq!(pruned.changes.removed, ["color.b"]);
        assert_eq!(
            pruned.kept_for(KeptReason::GoneUpstream),
            Vec::<String>::new()
        );
        assert_eq!(value(&pruned.next, "color.b"), None);
    }

    #[test]
    fn the_listed_changes_and_the_store_summary_agree() {
        for prune in [false, true] {
            let plan = plan_tokens(&current(), SET, incoming(), prune).unwrap();
            let s = &plan.summary;
            assert_eq!(s.added, plan.changes.added.len());
            assert_eq!(s.changed, plan.changes.changed.len());
            assert_eq!(s.removed, plan.changes.removed.len());
            assert_eq!(s.total, plan.next.len());
            // A description-only edit is a change for both.
            assert!(plan.changes.changed.contains(&"color.c".to_string()));
        }
        // And the store counts the same when the plan is written.
        let mut store = Store::open_in_memory().unwrap();
        store
            .update(|_| Ok::<_, ()>(Some(current())))
            .unwrap()
            .unwrap();
        let plan = plan_tokens(&store.load().unwrap(), SET, incoming(), false).unwrap();
        let written = store
            .update(|_| Ok::<_, ()>(Some(plan.next)))
            .unwrap()
            .unwrap();
        assert_eq!(written, plan.summary);
    }

    #[test]
    fn axes_keep_their_key_order_and_a_resync_changes_nothing() {
        let response: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/axes/figma/variables.json"
        ))
        .unwrap();
        let mapped = crate::sources::figma::map_variables(&response);
        let incoming = || crate::sources::figma::documents(&mapped, SET).unwrap();
        let first = plan_tokens(&current(), SET, incoming(), false).unwrap();
        assert_eq!(
            first.next.modes,
            ["theme=light", "theme=dark", "brand=acme", "brand=verde"]
        );
        let names: Vec<&str> = first.next.axes.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["theme", "brand"]);
        let verde_dark = first.next.context("brand=verde,theme=dark").unwrap();
        assert_eq!(
            first
                .next
                .get_str("brand.primary")
                .unwrap()
                .value_at(&verde_dark),
            &json!("{color.green.500}")
        );
        let again = plan_tokens(&first.next, SET, incoming(), false).unwrap();
        assert_eq!(again.changes, Changes::default());
        assert_eq!(again.next.modes, first.next.modes);

        // A variable gone upstream keeps its values per key.
        let mut fewer = mapped_without(&mapped, "brand.primary");
        fewer.modes.clone_from(&mapped.modes);
        let input = crate::sources::figma::documents(&fewer, SET).unwrap();
        let gone = plan_tokens(&first.next, SET, input, false).unwrap();
        assert!(
            gone.kept_for(KeptReason::GoneUpstream)
                .contains(&"brand.primary".to_string())
        );
        assert_eq!(
            gone.next.get_str("brand.primary").unwrap().modes,
            first.next.get_str("brand.primary").unwrap().modes
        );
    }

    fn mapped_without(
        mapped: &crate::sources::figma::Mapped,
        path: &str,
    ) -> crate::sources::figma::Mapped {
        crate::sources::figma::Mapped {
            tokens: mapped
                .tokens
                .iter()
                .filter(|t| t.path != path)
                .cloned()
                .collect(),
            modes: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn a_source_token_that_does_not_fit_is_refused() {
        // An alias to a token nobody defines.
        let bad = input(vec![doc(
            SET,
            &[("color.e", "number", json!("{nope}"), None)],
        )]);
        let err = plan_tokens(&current(), SET, bad, false).unwrap_err();
        let text = err.to_string();
        assert!(
            text.ends_with(": the synced tokens do not fit the store's tokens"),
            "{text}"
        );
        assert!(text.contains("test `color.e`"), "{text}");
    }

    fn fetched() -> Fetched {
        Fetched {
            input: incoming(),
            version: "7@now".into(),
            warnings: vec!["variable `Flag` (BOOLEAN) has no DTCG type and was skipped".into()],
            components: Vec::new(),
        }
    }

    #[test]
    fn a_write_lands_in_one_transaction_and_a_dry_run_writes_only_the_record() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .update(|_| Ok::<_, ()>(Some(current())))
            .unwrap()
            .unwrap();
        let dry = Options {
            dry_run: true,
            ..Options::default()
        };
        let report = write(&mut store, &source(), fetched(), dry, Instant::now()).unwrap();
        assert_eq!(report.status, "dry-run");
        assert_eq!(report.changes.added, ["color.d"]);
        assert_eq!(value(&store.load().unwrap(), "color.a"), Some(json!(1)));
        assert_eq!(store.source_version("design").unwrap(), None);

        let report = write(
            &mut store,
            &source(),
            fetched(),
            Options::default(),
            Instant::now(),
        )
        .unwrap();
        assert_eq!(report.status, "ok");
        assert_eq!(report.kept_upstream_removed, ["color.b"]);
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
        assert!(report.warnings[1].contains("kept its value: space.4"));
        let stored = store.load().unwrap();
        assert_eq!(value(&stored, "color.a"), Some(json!(10)));
        assert_eq!(value(&stored, "space.4"), Some(json!(4)));
        assert_eq!(
            store.source_version("design").unwrap().as_deref(),
            Some("7@now")
        );
        let log = store.sync_events(10).unwrap();
        assert_eq!(
            log.iter().map(|e| e.status.as_str()).collect::<Vec<_>>(),
            ["ok", "dry-run"]
        );
        assert_eq!((log[0].added, log[0].changed), (1, 2));
    }

    #[test]
    fn owned_files_hold_the_tokens_and_specs_the_spec_reader_takes_back() {
        let plan = plan_tokens(&current(), SET, incoming(), false).unwrap();
        let spec: Component = yaml_serde::from_str("name: Primary button\n").unwrap();
        let stored = StoredComponent {
            spec,
            source: Some(SET.into()),
            review: crate::model::component::Review::default(),
        };
        let (owned, files) =
            render_owned(&source(), &own_tokens(&plan.next, SET), &[&stored]).unwrap();
        assert_eq!(owned.set, SET);
        assert_eq!(owned.tokens.as_deref(), Some("tokens/design.tokens.json"));
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "tokens/design.tokens.json",
                "components/primary-button.yaml"
            ]
        );
        // Only the source's own tokens: the file's `space.4` is not among them.
        assert!(!files[0].1.contains("space"), "{}", files[0].1);
        assert!(files[0].1.contains("\"color\""), "{}", files[0].1);
        let (name, text) = &files[1];
        assert!(text.starts_with("# source: figma:design"), "{text}");
        let back = crate::components::parse(name, text).unwrap();
        assert_eq!(back.name, "Primary button");
        for (p, t) in &files {
            assert_eq!(owned.files[p], owned::hash(t.as_bytes()));
        }
    }

    #[test]
    fn a_refused_merge_writes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .update(|_| Ok::<_, ()>(Some(current())))
            .unwrap()
            .unwrap();
        let mut f = fetched();
        f.input = input(vec![doc(
            SET,
            &[("color.e", "number", json!("{nope}"), None)],
        )]);
        let err = write(&mut store, &source(), f, Options::default(), Instant::now()).unwrap_err();
        assert!(matches!(err, SyncError::Merge(_)), "{err}");
        assert_eq!(store.load().unwrap().len(), 4);
        assert!(store.sync_events(10).unwrap().is_empty());
    }
}
