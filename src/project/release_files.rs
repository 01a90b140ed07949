//! The release files in the repository (`releases/<version>.json`): written with each
//! release (staged beside the changelog, renamed into place once the store committed),
//! written for releases pulled from a team server, and read into the store when it
//! does not have them yet (a fresh clone lists the same versions as the machine that
//! released). A file that was changed, or that disagrees with the store, is an error
//! naming the file, never used.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};

use crate::store::{NewVersion, Snapshot, Store, VersionInfo};
use crate::versions::file::{self, RELEASES_DIR};
use crate::versions::semver::Version;

/// The path of `version`'s release file in the project at `root`.
pub fn release_file(root: &Path, version: &str) -> PathBuf {
    root.join(RELEASES_DIR).join(file::file_name(version))
}

/// The temp file a release stages its file in (renamed into place after the commit).
pub(super) fn staged_path(root: &Path, version: &str, pid: &str) -> PathBuf {
    root.join(RELEASES_DIR)
        .join(format!("{}.{pid}.tmp", file::file_name(version)))
}

fn shown(version: &str) -> String {
    format!("{RELEASES_DIR}/{}", file::file_name(version))
}

/// Writes the release file of a release about to be committed to its temp file (synced
/// to disk).
pub(super) fn stage(
    root: &Path,
    info: &NewVersion,
    hash: &str,
    snapshot: &Snapshot,
) -> Result<PathBuf> {
    let tmp = staged_path(root, &info.version, &std::process::id().to_string());
    let text = file::render(info, hash, snapshot);
    let written = fs::create_dir_all(root.join(RELEASES_DIR))
        .and_then(|()| fs::File::create(&tmp))
        .and_then(|mut f| {
            f.write_all(text.as_bytes())?;
            f.sync_all()
        });
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(anyhow!(e).context(format!("could not write `{}`", tmp.display())));
    }
    Ok(tmp)
}

/// Temp files of release files in `root`'s releases directory.
pub(super) fn staged_leftovers(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(root.join(RELEASES_DIR)) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            e.file_name().to_str().is_some_and(|n| {
                n.strip_suffix(".tmp")
                    .and_then(|r| r.rsplit_once('.'))
                    .is_some_and(|(name, pid)| {
                        !pid.is_empty()
                            && pid.bytes().all(|b| b.is_ascii_digit())
                            && file::version_of(name).is_some()
                    })
            })
        })
        .map(|e| e.path())
        .collect()
}

/// Writes the release files of `versions` (recorded in `store`) that the project does
/// not have yet: releases pulled from a team server. Returns the files written.
pub fn write_release_files(
    root: &Path,
    store: &Store,
    versions: &[VersionInfo],
) -> Result<Vec<String>> {
    let mut written = Vec::new();
    for v in versions {
        let path = release_file(root, &v.version);
        if path.exists() {
            continue;
        }
        let snapshot = store.snapshot(v)?;
        let text = file::render(&file::record_of(v), &v.content_hash, &snapshot);
        crate::output::write_atomic(&path, text.as_bytes())
            .map_err(|e| anyhow!(e).context(format!("could not write `{}`", shown(&v.version))))?;
        written.push(shown(&v.version));
    }
    Ok(written)
}

/// Removes `version`'s release file, if there is one; whether there was.
pub fn remove_release_file(root: &Path, version: &str) -> Result<bool> {
    match fs::remove_file(release_file(root, version)) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(anyhow!(e).context(format!("could not remove `{}`", shown(version)))),
    }
}

/// The release files in the project: `(version, path)`, in version order.
fn release_files(root: &Path) -> Result<Vec<(Version, String, PathBuf)>> {
    let dir = root.join(RELEASES_DIR);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(anyhow!(e).context(format!("could not read `{RELEASES_DIR}/`")));
        }
    };
    let mut out = Vec::new();
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let Some(version) = name.to_str().and_then(file::version_of) else {
            continue;
        };
        if let Ok(v) = Version::parse(version) {
            out.push((v, version.to_string(), e.path()));
        }
    }
    out.sort();
    Ok(out)
}

fn bad_file(version: &str, why: impl std::fmt::Display, hint: &str) -> anyhow::Error {
    crate::hinted(format!("{}: {why}", shown(version)), hint)
}

const RESTORE: &str = "restore the file as it was released (e.g. `git checkout -- releases/`), or remove it to stop using that release here";

/// The stated content hash of a release file, from its first lines.
fn stated_hash(path: &Path, version: &str) -> Result<Option<String>> {
    let mut head = [0u8; 2048];
    let n = fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| bad_file(version, format!("could not be read: {e}"), RESTORE))?;
    Ok(file::stated_hash(&String::from_utf8_lossy(&head[..n])))
}

/// Reads the project's release files into the store: a version the store lacks is
/// recorded from its file (its number and content hash checked); a version the store
/// has must state the same content hash. Returns the versions recorded. Cheap when the
/// store has every version (only the first lines of each file are read).
pub fn import_releases(root: &Path, store: &mut Store) -> Result<Vec<VersionInfo>> {
    let files = release_files(root)?;
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let known = store.versions()?;
    let newest = known
        .iter()
        .filter_map(|v| Version::parse(&v.version).ok())
        .max();
    let mut missing = Vec::new();
    for (parsed, version, path) in files {
        if let Some(have) = known.iter().find(|v| v.version == version) {
            let stated = stated_hash(&path, &version)?;
            if stated.as_deref() != Some(have.content_hash.as_str()) {
                return Err(bad_file(
                    &version,
                    format!(
                        "it states content hash {}, but version {version} here has {}: the file was changed, or a different {version} was merged",
                        stated.as_deref().unwrap_or("(none)"),
                        have.content_hash
                    ),
                    RESTORE,
                ));
            }
            continue;
        }
        // A file from anyone with push access: read within the file-size limit.
        let text = crate::input::read_text(&path)
            .map_err(|e| bad_file(&version, format!("could not be read: {e}"), RESTORE))?;
        let read = file::parse(&version, &text).map_err(|e| bad_file(&version, e, RESTORE))?;
        missing.push((parsed, read.info, read.snapshot));
    }
    if missing.is_empty() {
        return Ok(Vec::new());
    }
    // Versions are recorded in release order: one older than the newest here (a
    // teammate's release merged after a newer one was made here) rebuilds the list.
    let in_order = newest.is_none_or(|n| missing.iter().all(|(v, _, _)| *v > n));
    if in_order {
        let list: Vec<_> = missing.into_iter().map(|(_, i, s)| (i, s)).collect();
        return Ok(store.import_versions(&list, false)?);
    }
    let mut all = Vec::with_capacity(known.len() + missing.len());
    for v in &known {
        let parsed = Version::parse(&v.version)
            .map_err(|e| anyhow!("version {} in the store: {e}", v.version))?;
        all.push((parsed, file::record_of(v), store.snapshot(v)?));
    }
    let added: Vec<String> = missing.iter().map(|(_, i, _)| i.version.clone()).collect();
    all.extend(missing);
    all.sort_by(|a, b| a.0.cmp(&b.0));
    let list: Vec<_> = all.into_iter().map(|(_, i, s)| (i, s)).collect();
    let made = store.import_versions(&list, true)?;
    Ok(made
        .into_iter()
        .filter(|v| added.contains(&v.version))
        .collect())
}
