//! `CHANGELOG.md` beside `opends.yaml`: a release stages the new text in a temp file,
//! the store commits the version with a record of it, then the file is renamed into
//! place; what an interrupted release left is finished (exactly once) later.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow};
use sha2::{Digest, Sha256};

use crate::store::{PendingChangelog, StagedChangelog, Store};
use crate::versions::render::{self, CHANGELOG_FILE};

fn sha256_hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// `CHANGELOG.md`'s text, `None` when there is none.
fn read_changelog(path: &Path) -> Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(anyhow!(e).context(format!("could not read `{CHANGELOG_FILE}`"))),
    }
}

/// Writes the changelog with `section` for `version` to a temp file beside it (synced
/// to disk); the store commits the version with the returned record, then the file is
/// renamed into place.
pub(super) fn stage(
    changelog: &Path,
    version: &str,
    section: &str,
) -> Result<(PathBuf, StagedChangelog)> {
    let old = read_changelog(changelog)?;
    let text = render::write_section(old.as_deref(), version, section);
    let name = format!("{CHANGELOG_FILE}.{}.tmp", std::process::id());
    let tmp = changelog.with_file_name(&name);
    let written = fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(anyhow!(e).context(format!("could not write `{}`", tmp.display())));
    }
    let staged = StagedChangelog {
        temp_file: name,
        base_hash: old.map(|t| sha256_hex(t.as_bytes())),
        new_hash: sha256_hex(text.as_bytes()),
    };
    Ok((tmp, staged))
}

/// Whether `name` is a temp file of a changelog write: `CHANGELOG.md.PID.tmp` (a
/// release's staged file) or `.CHANGELOG.md.PID.tmp` (an atomic write's).
fn is_changelog_temp(name: &str) -> bool {
    let rest = name.strip_prefix('.').unwrap_or(name);
    rest.strip_prefix(CHANGELOG_FILE)
        .and_then(|r| r.strip_prefix('.'))
        .and_then(|r| r.strip_suffix(".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Changelog temp files in `root`.
fn changelog_temps(root: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(root) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| is_changelog_temp(n))
        .collect()
}

fn remove_if_there(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(anyhow!(e).context(format!("could not remove `{}`", path.display()))),
    }
}

/// Puts one committed release's section into `CHANGELOG.md` if it is not there: the
/// staged file when the changelog is still the one it was made from, else the section
/// written into the changelog as it is now. Removes the staged file.
fn finish_one(root: &Path, p: &PendingChangelog) -> Result<()> {
    // The release file staged with it (same process id) goes in place first.
    let pid = p
        .staged
        .temp_file
        .strip_prefix(&format!("{CHANGELOG_FILE}."))
        .and_then(|r| r.strip_suffix(".tmp"));
    if let Some(pid) = pid {
        let staged = super::release_files::staged_path(root, &p.version, pid);
        if staged.exists() {
            if p.section.is_some() {
                let target = super::release_files::release_file(root, &p.version);
                fs::rename(&staged, &target)
                    .with_context(|| format!("could not write `{}`", target.display()))?;
            } else {
                remove_if_there(&staged)?;
            }
        }
    }
    let changelog = root.join(CHANGELOG_FILE);
    // The store holds a bare file name; anything else is not ours to touch.
    let tmp = Path::new(&p.staged.temp_file)
        .file_name()
        .filter(|n| n.to_str() == Some(p.staged.temp_file.as_str()))
        .map(|n| root.join(n));
    if let Some(section) = &p.section {
        let current = read_changelog(&changelog)?;
        let unchanged = current.as_deref().map(|t| sha256_hex(t.as_bytes())) == p.staged.base_hash;
        let staged_intact = tmp
            .as_deref()
            .is_some_and(|t| fs::read(t).is_ok_and(|b| sha256_hex(&b) == p.staged.new_hash));
        match &tmp {
            // The changelog is the one the release read: its staged successor goes in.
            Some(t) if unchanged && staged_intact => fs::rename(t, &changelog)
                .with_context(|| format!("could not write `{CHANGELOG_FILE}`"))?,
            // Done already (or written by hand since): left as it is.
            _ if current
                .as_deref()
                .is_some_and(|t| render::has_section(t, &p.version)) => {}
            _ => {
                let text = render::write_section(current.as_deref(), &p.version, section);
                crate::output::write_atomic(&changelog, text.as_bytes())
                    .with_context(|| format!("could not write `{CHANGELOG_FILE}`"))?;
            }
        }
    }
    if let Some(t) = &tmp {
        remove_if_there(t)?;
    }
    Ok(())
}

/// Finishes what a release that was interrupted left: a committed version whose
/// section is not in `CHANGELOG.md` yet gets it (exactly once); the temp file of a
/// release that never committed is removed. Cheap when there is nothing to do.
pub fn finish_changelog(root: &Path, store: &mut Store) -> Result<()> {
    if changelog_temps(root).is_empty()
        && super::release_files::staged_leftovers(root).is_empty()
        && !store.has_pending_changelog()?
    {
        return Ok(());
    }
    // Under the store's write lock: no release stages or commits meanwhile, so a temp
    // file without a pending record belongs to a release that died before its commit.
    store.finish_changelogs(|pending| -> Result<()> {
        for p in pending {
            finish_one(root, p)?;
        }
        if !pending.is_empty() {
            crate::store::crash_point("release-renamed");
        }
        for name in changelog_temps(root) {
            remove_if_there(&root.join(name))?;
        }
        for path in super::release_files::staged_leftovers(root) {
            remove_if_there(&path)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::is_changelog_temp;

    #[test]
    fn only_changelog_temp_files_count_as_leftovers() {
        assert!(is_changelog_temp("CHANGELOG.md.4242.tmp"));
        assert!(is_changelog_temp(".CHANGELOG.md.7.tmp"));
        for name in [
            "CHANGELOG.md",
            "CHANGELOG.md.tmp",
            "CHANGELOG.md.backup.tmp",
            "CHANGELOG.md.12.tmp.keep",
            "NOTES.md.12.tmp",
        ] {
            assert!(!is_changelog_temp(name), "{name}");
        }
    }
}
