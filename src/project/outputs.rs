//! The outputs `opends.yaml` describes: which token files to export, and how.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::export::{ExportFormat, Options};
use crate::model::Tokens;
use crate::model::theme::{self, Axis};
use crate::settings::Project;

/// Which outputs `opends export tokens` writes: `--format` ones into `dir`, else
/// `outputs:` in opends.yaml.
pub fn outputs(
    project: Option<&Project>,
    formats: &[ExportFormat],
    dir: &Path,
    mode: Option<&str>,
) -> Result<Vec<(ExportFormat, Options)>> {
    let mut plan = Vec::new();
    if formats.is_empty() {
        let Some(project) = project.filter(|p| !p.config.outputs.is_empty()) else {
            return Err(crate::hinted(
                "nothing to export: no `--format` given and no `outputs:` in opends.yaml",
                "pass `--format css` (repeatable) or list outputs in opends.yaml",
            ));
        };
        for o in &project.config.outputs {
            let mut opts = Options::new(o.format, PathBuf::from(&o.path));
            apply(o, &mut opts);
            opts.mode = mode.map(str::to_string).or_else(|| o.mode.clone());
            plan.push((o.format, opts));
        }
        return Ok(plan);
    }
    let mut seen = Vec::new();
    for f in formats {
        if seen.contains(f) {
            continue;
        }
        seen.push(*f);
        let mut opts = Options::new(*f, dir.join(f.default_file()));
        // Per-format settings from opends.yaml still apply (naming, prefix, selectors).
        if let Some(o) = project.and_then(|p| p.config.outputs.iter().find(|o| o.format == *f)) {
            apply(o, &mut opts);
        }
        opts.mode = mode.map(str::to_string);
        plan.push((*f, opts));
    }
    Ok(plan)
}

/// An output's settings from opends.yaml (all but its path and mode).
fn apply(o: &crate::settings::OutputConfig, opts: &mut Options) {
    if let Some(c) = o.name_case {
        opts.name_case = c;
    }
    opts.prefix.clone_from(&o.prefix);
    opts.media_query = o.media_query;
    if let Some(s) = &o.selector {
        opts.selector.clone_from(s);
    }
    if let Some(s) = &o.mode_selector {
        opts.mode_selector.clone_from(s);
    }
    opts.selectors = o
        .selectors
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    opts.light_dark.clone_from(&o.light_dark);
}

/// An output whose path holds `{mode}` becomes one output per mode (e.g.
/// `dist/tokens.{mode}.json` -> `dist/tokens.light.json`, `dist/tokens.dark.json`).
/// With named axes, `{<axis>}` placeholders (`dist/{brand}/tokens.css`) write one file
/// per context of each named axis, those axes fixed and the others kept; `{mode}` there
/// means every combination of all axes (one file per permutation).
pub fn expand_modes(
    outputs: Vec<(ExportFormat, Options)>,
    tokens: &Tokens,
) -> Vec<(ExportFormat, Options)> {
    let modes = &tokens.modes;
    let mut out = Vec::with_capacity(outputs.len());
    for (format, opts) in outputs {
        let text = opts.path.to_string_lossy().into_owned();
        if tokens.has_named_axes() {
            let named: Vec<&Axis> = if text.contains("{mode}") {
                tokens.axes.iter().collect()
            } else {
                tokens
                    .axes
                    .iter()
                    .filter(|a| text.contains(&format!("{{{}}}", a.name)))
                    .collect()
            };
            if named.is_empty() || opts.mode.is_some() {
                out.push((format, opts));
                continue;
            }
            let axes: Vec<Axis> = named.into_iter().cloned().collect();
            for choice in theme::combinations(&axes).unwrap_or_default() {
                let mut path = text.replace("{mode}", &path_segment(&choice.key()));
                for (axis, ctx) in choice.choices() {
                    path = path.replace(&format!("{{{axis}}}"), &path_segment(ctx));
                }
                let mut o = opts.clone();
                o.path = PathBuf::from(path);
                o.mode = Some(choice.key());
                out.push((format, o));
            }
            continue;
        }
        if !text.contains("{mode}") {
            out.push((format, opts));
            continue;
        }
        let names: Vec<String> = match &opts.mode {
            Some(m) => vec![m.clone()],
            None if modes.is_empty() => vec!["default".to_string()],
            None => modes.clone(),
        };
        for m in names {
            let mut o = opts.clone();
            o.path = PathBuf::from(text.replace("{mode}", &path_segment(&m)));
            if !modes.is_empty() {
                o.mode = Some(m);
            }
            out.push((format, o));
        }
    }
    out
}

/// A mode or context name as one file-name segment: names come from design files, so
/// separators, `..` and anything unusual become `-` (`Dark/HC` -> `Dark-HC`).
fn path_segment(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() { "-".to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::path_segment;

    #[test]
    fn names_in_paths_stay_one_segment() {
        assert_eq!(path_segment("dark"), "dark");
        assert_eq!(path_segment("../../etc"), "------etc");
        assert_eq!(path_segment("Dark/HC"), "Dark-HC");
        assert_eq!(path_segment("brand=b,scheme=dark"), "brand-b-scheme-dark");
        assert_eq!(path_segment(""), "-");
    }
}

/// Why a run would lose the design system silently.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NothingTo {
    /// Sources named in opends.yaml have no token in the project (nobody synced them
    /// here, e.g. a fresh clone).
    #[error(
        "{} in opends.yaml {} no tokens here: {}",
        if .0.len() == 1 { "the source" } else { "the sources" },
        if .0.len() == 1 { "has" } else { "have" },
        .0.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
    )]
    Unsynced(Vec<String>),
    /// There is no token at all.
    #[error("no tokens to export: the output would be empty")]
    NoTokens,
    /// No component would be generated.
    #[error("no components to generate")]
    NoComponents,
}

/// The sources of `project` (opends.yaml `sources:`) that no token of `tokens` comes
/// from: no token of their set (`<provider>:<name>`).
pub fn unsynced_sources(project: &Project, tokens: &Tokens) -> Vec<String> {
    let sets: std::collections::HashSet<&str> =
        tokens.tokens.iter().map(|t| t.set.as_str()).collect();
    project
        .config
        .sources
        .iter()
        .filter(|s| !sets.contains(s.set_name().as_str()))
        .map(|s| s.name.clone())
        .collect()
}

/// Whether exporting `tokens` would lose the design system silently: sources of the
/// project that have no tokens (`project` given only for the working tokens, not a
/// released version), or no token at all.
pub fn check_tokens(project: Option<&Project>, tokens: &Tokens) -> Result<(), NothingTo> {
    if let Some(p) = project {
        let missing = unsynced_sources(p, tokens);
        if !missing.is_empty() {
            return Err(NothingTo::Unsynced(missing));
        }
    }
    if tokens.is_empty() {
        return Err(NothingTo::NoTokens);
    }
    Ok(())
}

/// Whether generating `components` components would lose the design system silently:
/// sources of the project that have no tokens (`project` given only for the working
/// state, not a released version), or no component at all.
pub fn check_components(
    project: Option<&Project>,
    tokens: &Tokens,
    components: usize,
) -> Result<(), NothingTo> {
    if let Some(p) = project {
        let missing = unsynced_sources(p, tokens);
        if !missing.is_empty() {
            return Err(NothingTo::Unsynced(missing));
        }
    }
    if components == 0 {
        return Err(NothingTo::NoComponents);
    }
    Ok(())
}
