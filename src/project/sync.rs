//! Merging the project's token files into the store when they changed.

use std::collections::HashSet;

use anyhow::Result;

use super::files::{add_mode, has_token_files, input, read_token_files};
use super::{Imported, Invalid};
use crate::model::Tokens;
use crate::settings::Project;
use crate::store::Store;
use crate::tokens::link::{self, Input};

/// Store meta key: fingerprint of the project's token files at the last import.
pub(crate) const FINGERPRINT_KEY: &str = "project.fingerprint";
/// Store meta key: the token sets the project's files made at the last import.
const SETS_KEY: &str = "project.sets";

/// Imports the project's token files into the store when they changed (or `force`);
/// `None` when there was nothing to do. Tokens from other sources (e.g. `opends tokens
/// set`) are kept unless `replace`; tokens of files that left the project go with them.
/// Where both define a token, the project's files win. Files with problems write
/// nothing: the error is an [`Invalid`] with the findings.
pub fn sync_tokens(
    project: &Project,
    store: &mut Store,
    force: bool,
    replace: bool,
) -> Result<Option<Imported>> {
    if !has_token_files(project) && !replace {
        return Ok(None);
    }
    let (files, read_findings) = read_token_files(project)?;
    if !force && store.meta(FINGERPRINT_KEY)?.as_deref() == Some(files.fingerprint.as_str()) {
        return Ok(None);
    }
    let mut findings = read_findings;
    let input = input(project, &files, &mut findings)?;
    let new_sets: HashSet<String> = input
        .base
        .iter()
        .chain(input.modes.iter().flat_map(|(_, d)| d))
        .map(|d| d.set.clone())
        .collect();
    let old_sets: HashSet<String> = store
        .meta(SETS_KEY)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let result = store.update(|current| -> Result<Option<Tokens>> {
        let merged = merge_input(&current, input, replace, |set| {
            !new_sets.contains(set) && !old_sets.contains(set)
        });
        let tokens = link::link(merged, &mut findings);
        if findings.has_errors() {
            anyhow::bail!("invalid token files");
        }
        Ok(Some(tokens))
    })?;
    match result {
        Ok(summary) => {
            store.set_meta(FINGERPRINT_KEY, &files.fingerprint)?;
            let mut sets: Vec<&String> = new_sets.iter().collect();
            sets.sort();
            store.set_meta(SETS_KEY, &serde_json::to_string(&sets)?)?;
            Ok(Some(Imported { summary, findings }))
        }
        Err(e) if !findings.has_errors() => Err(e),
        Err(_) => Err(Invalid {
            what: "the project's token files",
            findings,
        }
        .into()),
    }
}

/// Makes the next command import the project's token files again (after the store's
/// tokens were replaced by others).
pub fn forget_token_files(store: &Store) -> Result<()> {
    Ok(store.set_meta(FINGERPRINT_KEY, "")?)
}

/// The project's documents merged over what is stored: the stored sets that `keep`
/// accepts go first (none with `replace`), so that the project's files win where both
/// define a token.
fn merge_input(
    current: &Tokens,
    input: Input,
    replace: bool,
    keep: impl Fn(&str) -> bool,
) -> Input {
    let kept = if replace {
        Input::default()
    } else {
        link::documents_from(current, keep)
    };
    let mut merged = Input {
        base: kept.base,
        modes: Vec::new(),
        mode_only_tokens: input.mode_only_tokens,
    };
    merged.base.extend(input.base);
    for (mode, docs) in input.modes {
        add_mode(&mut merged.modes, mode, docs);
    }
    for (mode, docs) in kept.modes {
        match merged.modes.iter().position(|(m, _)| *m == mode) {
            // Kept values go before the project's, which win.
            Some(i) => {
                let project_docs = std::mem::take(&mut merged.modes[i].1);
                merged.modes[i].1 = docs;
                merged.modes[i].1.extend(project_docs);
            }
            None => merged.modes.push((mode, docs)),
        }
    }
    merged
}
