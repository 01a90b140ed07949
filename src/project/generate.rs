//! Code generation for a project, as one call: which components, which options, the
//! rendering, and writing through `output` (only changed files; generated files of
//! removed components cleaned up), answered from the output manifest when nothing
//! changed since the last run.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::codegen::{self, Framework, Generator};
use crate::export::ExportFormat;
use crate::model::{Status, StoredComponent};
use crate::output::manifest::{Fingerprint, Job};
use crate::output::{
    FileReport, FileStatus, PlannedFile, Publish, WriteRecord, has_header, plan_file, publish,
    read_head,
};
use crate::settings::Project;
use crate::store::Store;

use super::{NothingTo, check_components, matches_name, snapshot_of};

/// Threads that write generated files.
pub const WRITERS: usize = 2;

/// One generation.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The framework.
    pub framework: Framework,
    /// Where the files go (see [`out_dir`]).
    pub out: PathBuf,
    /// Only these components (by spec or identifier name); all when empty.
    pub components: &'a [String],
    /// Generate draft components too.
    pub include_drafts: bool,
    /// Generate even when nothing (or not every source) is there.
    pub allow_empty: bool,
    /// A released version instead of the working state.
    pub version: Option<&'a str>,
    /// How files are written (`check`; `force` also renders when the manifest says
    /// nothing changed).
    pub publish: Publish,
}

/// What a generation did.
#[derive(Debug)]
pub struct Generated {
    /// Components generated.
    pub components: usize,
    /// Every file, in order (removed ones last).
    pub reports: Vec<FileReport>,
    /// Nothing changed since the last run: nothing was rendered.
    pub up_to_date: bool,
    /// The run's record could not be kept (the next run renders again).
    pub warning: Option<String>,
}

/// The project's templates directory (`templates:` in opends.yaml), if set.
pub fn templates_dir(project: Option<&Project>) -> Option<PathBuf> {
    let p = project?;
    p.config.templates.as_ref().map(|t| p.path(t))
}

/// Where a generation writes: `out` (relative to `cwd`), else the project's
/// `generate_out` (default `generated/{framework}`), else `generated/<framework>`.
pub fn out_dir(
    cwd: &Path,
    project: Option<&Project>,
    framework: Framework,
    out: Option<&Path>,
) -> PathBuf {
    let fw = framework.as_str();
    match (out, project) {
        (Some(o), _) => cwd.join(o),
        (None, Some(p)) => p.path(
            &p.config
                .generate_out
                .clone()
                .unwrap_or_else(|| "generated/{framework}".into())
                .replace("{framework}", fw),
        ),
        (None, None) => cwd.join("generated").join(fw),
    }
}

/// Generates `req`'s components from `store` (the project's, already synced with its
/// files). `db` is the store's file, where the no-op manifest is kept (none: always
/// render); `record` holds which files opends wrote; files are named by `display`.
pub fn generate(
    project: Option<&Project>,
    store: &Store,
    db: Option<&Path>,
    req: &Request<'_>,
    record: &mut WriteRecord,
    display: &(dyn Fn(&Path) -> String + Sync),
) -> Result<Generated> {
    let fw = req.framework.as_str();
    let job = match (project, db, req.version) {
        (Some(p), Some(db), None) => job(p, store, db, req)?,
        _ => None,
    };
    if let Some(hit) = job
        .as_ref()
        .filter(|_| !req.publish.force)
        .and_then(|j| j.up_to_date(!req.publish.check))
    {
        return Ok(Generated {
            components: hit.count("components"),
            reports: hit.reports(display, |_| fw),
            up_to_date: true,
            warning: None,
        });
    }
    let (tokens, all) = match req.version {
        Some(v) => {
            let snap = snapshot_of(store, v)?;
            (snap.tokens, snap.components)
        }
        None => (store.load()?, store.components()?),
    };
    for name in req.components {
        if !all.iter().any(|c| matches_name(c, name)) {
            return Err(super::specs::no_component(name, &all));
        }
    }
    let selected: Vec<StoredComponent> = all
        .into_iter()
        .filter(|c| req.components.is_empty() || req.components.iter().any(|n| matches_name(c, n)))
        .filter(|c| {
            c.spec.status != Status::Draft || req.include_drafts || !req.components.is_empty()
        })
        .collect();
    if !req.allow_empty {
        // A released version is checked for emptiness only: it may predate a source.
        let working = project.filter(|_| req.version.is_none());
        let drafts_skipped =
            selected.is_empty() && !req.include_drafts && req.components.is_empty();
        check_components(working, &tokens, selected.len())
            .map_err(|e| nothing_to_generate(&e, !drafts_skipped))?;
    }
    let out = &req.out;
    let css_output = project.and_then(|p| {
        p.config
            .outputs
            .iter()
            .find(|o| o.format == ExportFormat::Css)
            .map(|o| (p, o))
    });
    let options = codegen::Options {
        css_prefix: css_output.and_then(|(_, o)| o.prefix.clone()),
        tokens_css: css_output.map_or_else(
            || "tokens.css".to_string(),
            |(p, o)| relative(out, &p.path(&o.path)),
        ),
    };
    let generator = Generator::new(req.framework, templates_dir(project).as_deref())?;
    let files = generator
        .render(&selected, &tokens, &options, out)
        .map_err(|e| match e {
            codegen::CodegenError::UnsafeSpec { .. } => crate::hinted(
                e.to_string(),
                "fix the spec and import it again (`opends components import`); nothing was written",
            ),
            other => other.into(),
        })?;
    // One directory listing instead of a failed open per new file.
    let existing: HashSet<PathBuf> = fs::read_dir(out)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    // Decide every file before writing any: a file opends did not write stops the run
    // (unless `--force`), and nothing is written.
    let planned: Vec<PlannedFile<'_>> = files
        .iter()
        .map(|f| PlannedFile {
            path: f.path.clone(),
            contents: f.contents.as_bytes(),
            format: fw,
            plan: plan_file(
                &f.path,
                f.contents.as_bytes(),
                existing.contains(&f.path),
                record,
            ),
        })
        .collect();
    let stale_files = if req.components.is_empty() {
        no_longer_generated(out, &files)?
    } else {
        Vec::new()
    };
    let mut reports = publish(&planned, record, req.publish, display)?;
    for path in stale_files {
        let status = if req.publish.check {
            FileStatus::Stale
        } else {
            fs::remove_file(&path)
                .with_context(|| format!("could not remove `{}`", path.display()))?;
            FileStatus::Written
        };
        reports.push(FileReport {
            path: format!("{} (removed: no longer generated)", display(&path)),
            format: fw,
            status,
        });
    }
    let mut warning = None;
    if let Some(job) = job.as_ref().filter(|_| !req.publish.check) {
        let summary = serde_json::json!({ "components": selected.len() });
        let dir = req.components.is_empty().then(|| out.clone());
        if let Err(e) = job.record(&planned, summary, dir) {
            warning = Some(format!("{e:#}"));
        }
    }
    Ok(Generated {
        components: selected.len(),
        reports,
        up_to_date: false,
        warning,
    })
}

/// Generated files in `out` that this run no longer produces (a removed or renamed
/// component): only whole-project runs clean up, and only files with the generated
/// header are removed.
fn no_longer_generated(out: &Path, files: &[crate::export::File]) -> Result<Vec<PathBuf>> {
    let mut stale = Vec::new();
    if !out.is_dir() {
        return Ok(stale);
    }
    let produced: HashSet<&PathBuf> = files.iter().map(|f| &f.path).collect();
    for entry in fs::read_dir(out).with_context(|| format!("could not list `{}`", out.display()))? {
        let path = entry?.path();
        if !path.is_file() || produced.contains(&path) {
            continue;
        }
        if read_head(&path).is_some_and(|head| has_header(&head)) {
            stale.push(path);
        }
    }
    Ok(stale)
}

/// The no-op record of generating the working components: its key is the framework,
/// the output directory and the selection, its inputs the store's revision, the
/// project's settings and its template overrides (built-in templates come with the
/// binary). None without a store file.
fn job(project: &Project, store: &Store, db: &Path, req: &Request<'_>) -> Result<Option<Job>> {
    let fw = req.framework;
    let mut inputs = Fingerprint::new("generate");
    inputs
        .add("project", format!("{project:?}").as_bytes())
        .add("allow_empty", &[u8::from(req.allow_empty)]);
    if let Some(t) = templates_dir(Some(project)) {
        inputs.add_templates(&t.join(fw.as_str()));
    }
    let key = format!(
        "generate {} {} {:?} {}",
        fw.as_str(),
        req.out.display(),
        req.components,
        req.include_drafts
    );
    Ok(Job::over_store(db, store.revision()?, &key, &mut inputs))
}

/// `to` relative to the directory `from_dir`, with `/` separators.
fn relative(from_dir: &Path, to: &Path) -> String {
    let from: Vec<_> = from_dir.components().collect();
    let to_c: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to_c).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); from.len() - common];
    parts.extend(
        to_c[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// The error of a run that would generate nothing (`plain`: no drafts were skipped).
fn nothing_to_generate(e: &NothingTo, plain: bool) -> anyhow::Error {
    let hint = match e {
        NothingTo::Unsynced(_) => {
            "run `opends sync` (and commit what it writes), or `opends pull` from the team server; pass `--allow-empty` to generate anyway"
        }
        _ if plain => {
            "add component specs (`components:` in opends.yaml, or `opends components import`), or pass `--allow-empty`"
        }
        _ => {
            "drafts are skipped: pass `--include-drafts`, approve them (`opends components approve NAME`), or pass `--allow-empty`"
        }
    };
    crate::hinted(format!("{e}; nothing was written"), hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_to_the_common_directory() {
        assert_eq!(
            relative(
                Path::new("/p/generated/vue"),
                Path::new("/p/dist/tokens.css")
            ),
            "../../dist/tokens.css"
        );
        assert_eq!(
            relative(Path::new("/p/out"), Path::new("/p/out/tokens.css")),
            "tokens.css"
        );
    }
}
