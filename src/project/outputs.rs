//! The outputs `opends.yaml` describes: which token files to export, and how.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::export::{ExportFormat, Options};
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
            if let Some(c) = o.name_case {
                opts.name_case = c;
            }
            opts.prefix.clone_from(&o.prefix);
            opts.mode = mode.map(str::to_string).or_else(|| o.mode.clone());
            opts.media_query = o.media_query;
            if let Some(s) = &o.selector {
                opts.selector.clone_from(s);
            }
            if let Some(s) = &o.mode_selector {
                opts.mode_selector.clone_from(s);
            }
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
        }
        opts.mode = mode.map(str::to_string);
        plan.push((*f, opts));
    }
    Ok(plan)
}

/// An output whose path holds `{mode}` becomes one output per mode (e.g.
/// `dist/tokens.{mode}.json` -> `dist/tokens.light.json`, `dist/tokens.dark.json`).
pub fn expand_modes(
    outputs: Vec<(ExportFormat, Options)>,
    modes: &[String],
) -> Vec<(ExportFormat, Options)> {
    let mut out = Vec::with_capacity(outputs.len());
    for (format, opts) in outputs {
        let text = opts.path.to_string_lossy().into_owned();
        if !text.contains("{mode}") {
            out.push((format, opts));
            continue;
        }
        let names: Vec<String> = match &opts.mode {
            Some(m) => vec![m.clone()],
            None if modes.is_empty() => vec!["default".to_string()],
            None => modes.to_vec(),
        };
        for m in names {
            let mut o = opts.clone();
            o.path = PathBuf::from(text.replace("{mode}", &m));
            if !modes.is_empty() {
                o.mode = Some(m);
            }
            out.push((format, o));
        }
    }
    out
}
