//! Component specs: reading YAML spec files, checking them against the tokens, and
//! merging them into the store (the project's specs when they or the tokens changed).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::Invalid;
use super::files::Fnv;
use crate::components;
use crate::model::component::Review;
use crate::model::{Status, StoredComponent, Tokens};
use crate::settings::Project;
use crate::store::Store;
use crate::tokens::Findings;

/// A YAML spec file.
pub struct SpecFile {
    /// As shown in findings.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// What importing specs did.
#[derive(Debug, Default)]
pub struct SpecsImported {
    /// How many components the specs hold.
    pub components: usize,
    /// Warnings about them.
    pub findings: Findings,
}

fn expand_yaml(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            for entry in
                std::fs::read_dir(p).with_context(|| format!("could not list `{}`", p.display()))?
            {
                let path = entry?.path();
                if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    found.push(path);
                }
            }
            found.sort();
            out.extend(found);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(crate::hinted(
                format!("`{}` does not exist", p.display()),
                "pass component spec files (`*.yaml`) or directories holding them",
            ));
        }
    }
    Ok(out)
}

/// Reads spec files (directories expanded to their `*.yaml`), named by `display`.
pub fn read_specs(paths: &[PathBuf], display: impl Fn(&Path) -> String) -> Result<Vec<SpecFile>> {
    expand_yaml(paths)?
        .into_iter()
        .map(|p| {
            let text = crate::input::read_text(&p)
                .with_context(|| format!("could not read `{}`", p.display()))?;
            Ok(SpecFile {
                name: display(&p),
                text,
            })
        })
        .collect()
}

/// Parses and checks spec files against `tokens`; every problem goes to `findings`.
pub fn check_specs(
    files: &[SpecFile],
    tokens: &Tokens,
    findings: &mut Findings,
) -> Vec<StoredComponent> {
    let mut out: Vec<StoredComponent> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for f in files {
        match components::parse(&f.name, &f.text) {
            Err(e) => findings.extend(e),
            Ok(spec) => {
                findings.extend(components::check(&spec, tokens, &f.name, &f.text));
                if let Ok(ident) = components::ident::component_name(&spec.name) {
                    if let Some(other) = seen.insert(ident.clone(), f.name.clone()) {
                        findings.push(crate::tokens::Finding::error(
                            "duplicate-name",
                            &crate::tokens::Location {
                                file: Some(f.name.as_str().into()),
                                line: 1,
                                column: 1,
                            },
                            Some(&spec.name),
                            format!("component `{ident}` is also defined in `{other}`"),
                        ));
                    }
                }
                out.push(StoredComponent {
                    spec,
                    source: Some(f.name.clone()),
                    review: Review::default(),
                });
            }
        }
    }
    out
}

/// Merges imported specs into the stored ones (see [`merge_imported`]).
pub use crate::model::component::merge_imported as merge;

const FINGERPRINT_KEY: &str = "project.components.fingerprint";
const SOURCES_KEY: &str = "project.components.sources";

/// The project's component paths: `components:` in opends.yaml, else `components/` if
/// it exists.
pub fn spec_paths(project: &Project) -> Vec<PathBuf> {
    if let Some(list) = &project.config.components {
        list.iter().map(|p| project.path(p)).collect()
    } else {
        let dir = project.path("components");
        if dir.is_dir() { vec![dir] } else { Vec::new() }
    }
}

/// Imports the project's component specs when they (or the tokens) changed (or
/// `force`); `None` when there was nothing to do. Specs with problems write nothing:
/// the error is an [`Invalid`] with the findings.
pub fn sync_specs(
    project: &Project,
    store: &mut Store,
    force: bool,
) -> Result<Option<SpecsImported>> {
    let paths = spec_paths(project);
    if paths.is_empty() && store.meta(SOURCES_KEY)?.is_none() {
        return Ok(None);
    }
    let files = read_specs(&paths, |p| project.display(p))?;
    let mut hash = Fnv::new();
    for f in &files {
        hash.write(f.name.as_bytes());
        hash.write(f.text.as_bytes());
    }
    // Specs are checked against the tokens: a token change can break (or fix) them.
    hash.write(
        store
            .meta(super::sync::FINGERPRINT_KEY)?
            .unwrap_or_default()
            .as_bytes(),
    );
    let fingerprint = format!("{:016x}", hash.finish());
    if !force && store.meta(FINGERPRINT_KEY)?.as_deref() == Some(fingerprint.as_str()) {
        return Ok(None);
    }
    let old_sources: Vec<String> = store
        .meta(SOURCES_KEY)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let new_sources: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let mut findings = Findings::default();
    let mut count = 0;
    let result = store.update_components(|current, tokens| {
        let incoming = check_specs(&files, tokens, &mut findings);
        if findings.has_errors() {
            return Err(());
        }
        count = incoming.len();
        let from_project = |c: &StoredComponent| {
            c.source
                .as_ref()
                .is_some_and(|s| old_sources.contains(s) || new_sources.contains(s))
        };
        Ok(Some(merge(current, incoming, &from_project)))
    })?;
    if result.is_err() {
        return Err(Invalid {
            what: "the project's component specs",
            findings,
        }
        .into());
    }
    store.set_meta(FINGERPRINT_KEY, &fingerprint)?;
    store.set_meta(SOURCES_KEY, &serde_json::to_string(&new_sources)?)?;
    Ok(Some(SpecsImported {
        components: count,
        findings,
    }))
}

/// Checks the project's specs against the stored tokens without writing anything;
/// returns how many components they hold and what was found.
pub fn check_project_specs(project: &Project, store: &Store) -> Result<(usize, Findings)> {
    let files = read_specs(&spec_paths(project), |x| project.display(x))?;
    let tokens = store.load()?;
    let mut findings = Findings::default();
    let specs = check_specs(&files, &tokens, &mut findings);
    Ok((specs.len(), findings))
}

/// Imports spec files into the store (same names replace stored components; nothing is
/// written with `dry_run`). Specs with problems write nothing: the error is an
/// [`Invalid`] with the findings.
pub fn import_specs(store: &mut Store, files: &[SpecFile], dry_run: bool) -> Result<SpecsImported> {
    let mut findings = Findings::default();
    let mut imported = 0;
    let result = store.update_components(|current, tokens| {
        let incoming = check_specs(files, tokens, &mut findings);
        if findings.has_errors() {
            return Err(());
        }
        imported = incoming.len();
        if dry_run {
            return Ok(None);
        }
        Ok(Some(merge(current, incoming, &|_| false)))
    })?;
    if result.is_err() {
        return Err(Invalid {
            what: "component import",
            findings,
        }
        .into());
    }
    Ok(SpecsImported {
        components: imported,
        findings,
    })
}

/// Whether `c` is the component called `name` (its spec name or its identifier).
pub fn matches_name(c: &StoredComponent, name: &str) -> bool {
    c.spec.name == name || components::ident::component_name(&c.spec.name).is_ok_and(|i| i == name)
}

/// The error for a name that names no component, with the nearest names.
pub fn no_component(name: &str, all: &[StoredComponent]) -> anyhow::Error {
    crate::hinted(
        format!("no component `{name}`"),
        crate::suggest::hint(
            name,
            all.iter().map(|c| c.spec.name.as_str()),
            "run `opends components list` to see the components",
        ),
    )
}

/// The component called `name`.
pub fn find<'a>(all: &'a [StoredComponent], name: &str) -> Option<&'a StoredComponent> {
    all.iter().find(|c| matches_name(c, name))
}

/// Sets a component's status with its review record; returns its name, `None` when
/// there is no component `name`.
pub fn set_status(
    store: &mut Store,
    name: &str,
    status: Status,
    review: Review,
) -> Result<Option<String>> {
    let mut shown = None;
    let result = store.update_components(|mut all, _| -> Result<_, ()> {
        let i = all.iter().position(|c| matches_name(c, name)).ok_or(())?;
        all[i].spec.status = status;
        all[i].review = review;
        shown = Some(all[i].spec.name.clone());
        Ok(Some(all))
    })?;
    Ok(result.ok().and(shown))
}

/// Removes a component from the store; returns it, `None` when there is no component
/// `name`.
pub fn remove(store: &mut Store, name: &str) -> Result<Option<StoredComponent>> {
    let mut removed = None;
    let result = store.update_components(|mut all, _| -> Result<_, ()> {
        let i = all.iter().position(|c| matches_name(c, name)).ok_or(())?;
        removed = Some(all.remove(i));
        Ok(Some(all))
    })?;
    Ok(result.ok().and(removed))
}

/// Whether a stored component comes from one of the project's spec files (so it comes
/// back on the next import).
pub fn from_project_specs(project: &Project, c: &StoredComponent) -> bool {
    c.source.as_ref().is_some_and(|s| {
        spec_paths(project)
            .iter()
            .any(|dir| project.path(s).starts_with(dir))
    })
}
