//! The output manifest: for one job (`opends export tokens` or `opends generate <fw>`
//! with given outputs), a fingerprint of everything that determines what it writes and
//! the fingerprint of each file as written. A run whose inputs fingerprint matches and
//! whose files all still hold what was written is a no-op: it is answered without
//! loading tokens or rendering anything.
//!
//! Each job has its own file, `<store dir>/outputs/<job>.json` (the store's directory is
//! opends' own and kept out of git), written atomically. A file on disk is taken as
//! unchanged when its size, modification and change times and inode are the recorded
//! ones and it was written well before the manifest was saved (otherwise an edit within
//! the same timestamp tick could keep them: such files are compared by content, and the
//! manifest is refreshed once they are old enough). Anything else is compared by content.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::project::Fnv;

/// The version string recorded with every entry; an entry of another version never matches.
pub const VERSION: &str = concat!("opends ", env!("CARGO_PKG_VERSION"));

/// What a run says (with `--verbose`) when nothing changed since the last run.
pub const UP_TO_DATE: &str = "nothing changed since the last run (inputs, settings, templates and outputs): nothing rendered";

/// A file modified this close to the manifest's save time is compared by content (the
/// coarsest common file-system timestamp is 2 s).
const RACY: Duration = Duration::from_secs(2);

/// A fingerprint under construction: a hash of labelled parts.
pub struct Fingerprint(Fnv);

impl Fingerprint {
    /// A fingerprint that starts with what every job depends on: the opends version, the
    /// running binary (size and modification time, so a rebuild of the same version
    /// counts as a change) and every `OPENDS_*` variable.
    pub fn new(kind: &str) -> Self {
        let mut f = Self(Fnv::new());
        f.add("kind", kind.as_bytes());
        f.add("version", VERSION.as_bytes());
        if let Some(meta) = std::env::current_exe()
            .ok()
            .and_then(|p| fs::metadata(p).ok())
        {
            f.add("exe", Stat::of(&meta).to_string().as_bytes());
        }
        let mut vars: Vec<(String, String)> = std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.to_string_lossy().into_owned())))
            .filter(|(k, _)| k.starts_with("OPENDS_"))
            .collect();
        vars.sort();
        for (k, v) in vars {
            f.add(&k, v.as_bytes());
        }
        f
    }

    /// Adds one labelled part.
    pub fn add(&mut self, label: &str, bytes: &[u8]) -> &mut Self {
        self.0.write(label.as_bytes());
        self.0.write(bytes);
        self
    }

    /// Adds every `*.hbs` file of `dir` (names and bytes; nothing when it does not exist).
    pub fn add_templates(&mut self, dir: &Path) -> &mut Self {
        let mut files: Vec<PathBuf> = fs::read_dir(dir)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "hbs"));
        files.sort();
        for p in files {
            let bytes = fs::read(&p).unwrap_or_else(|e| format!("unreadable: {e}").into_bytes());
            self.add(&p.to_string_lossy(), &bytes);
        }
        self
    }

    /// The fingerprint's text.
    pub fn finish(&self) -> String {
        format!("{:016x}", self.0.finish())
    }
}

/// The content hash recorded for a file.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h = Fnv::new();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

/// What the file system says about a file: size, times and identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stat {
    size: u64,
    mtime_ns: u128,
    ctime_ns: i128,
    ino: u64,
}

impl Stat {
    fn of(meta: &fs::Metadata) -> Self {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        #[cfg(unix)]
        let (ctime_ns, ino) = {
            use std::os::unix::fs::MetadataExt as _;
            (
                i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                meta.ino(),
            )
        };
        #[cfg(not(unix))]
        let (ctime_ns, ino) = (0, 0);
        Self {
            size: meta.len(),
            mtime_ns,
            ctime_ns,
            ino,
        }
    }
}

impl std::fmt::Display for Stat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}:{}",
            self.size, self.mtime_ns, self.ctime_ns, self.ino
        )
    }
}

/// One output file as written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Output {
    /// Where.
    pub path: PathBuf,
    /// The format or framework that made it.
    pub format: String,
    hash: String,
    stat: Stat,
}

/// One job's record.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    version: String,
    inputs: String,
    /// Nanoseconds since the epoch when the file stats were taken.
    recorded_at_ns: u128,
    /// What the command prints besides the files (counts), as it recorded it.
    summary: serde_json::Value,
    /// A directory the job owns whole: another generated file in it means a run has
    /// something to remove.
    dir: Option<PathBuf>,
    files: Vec<Output>,
}

/// A job's manifest file and the fingerprint of its inputs now.
pub struct Job {
    file: PathBuf,
    inputs: String,
}

/// A job whose outputs are up to date: what the command reports.
pub struct Hit {
    /// The files, in the order they were written.
    pub files: Vec<Output>,
    /// The counts the command recorded.
    pub summary: serde_json::Value,
}

impl Hit {
    /// The hit's files as a run's reports (all unchanged), named by `display`; `format`
    /// maps a recorded format back to the run's own name for it.
    pub fn reports(
        &self,
        display: impl Fn(&Path) -> String,
        format: impl Fn(&str) -> &'static str,
    ) -> Vec<super::FileReport> {
        self.files
            .iter()
            .map(|f| super::FileReport {
                path: display(&f.path),
                format: format(&f.format),
                status: super::FileStatus::Unchanged,
            })
            .collect()
    }

    /// A count the run recorded in its summary (0 when absent).
    pub fn count(&self, key: &str) -> usize {
        self.summary[key]
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
    }
}

fn now_ns() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

impl Job {
    /// The job named by `key` (every part that tells one job's outputs from another's),
    /// recorded under `store_dir`, whose inputs fingerprint is now `inputs`.
    pub fn new(store_dir: &Path, key: &str, inputs: String) -> Self {
        let mut h = Fnv::new();
        h.write(key.as_bytes());
        Self {
            file: store_dir
                .join("outputs")
                .join(format!("{:016x}.json", h.finish())),
            inputs,
        }
    }

    /// The job named by `key` of a run over the store file `db` at `revision`, whose
    /// other inputs are `inputs`: none without a store file or a revision (nothing is
    /// recorded for an in-memory store). The manifest lives beside the store.
    pub fn over_store(
        db: &Path,
        revision: Option<String>,
        key: &str,
        inputs: &mut Fingerprint,
    ) -> Option<Self> {
        let revision = revision?;
        let dir = db.parent().filter(|_| db.is_file())?;
        inputs.add("revision", revision.as_bytes());
        Some(Self::new(dir, key, inputs.finish()))
    }

    /// When the inputs are the recorded ones and every recorded file still holds what
    /// was written (and, for a job that owns a directory, it holds no other generated
    /// file): the recorded files and counts. With `refresh`, files compared by content
    /// that are no longer recent are recorded again, so the next run needs no reads.
    pub fn up_to_date(&self, refresh: bool) -> Option<Hit> {
        let entry: Entry = serde_json::from_slice(&fs::read(&self.file).ok()?).ok()?;
        if entry.version != VERSION || entry.inputs != self.inputs {
            return None;
        }
        let racy_before = entry.recorded_at_ns.saturating_sub(RACY.as_nanos());
        let mut restat = false;
        for f in &entry.files {
            let meta = fs::metadata(&f.path).ok()?;
            let stat = Stat::of(&meta);
            if stat == f.stat && stat.mtime_ns < racy_before {
                continue;
            }
            if !meta.is_file() || meta.len() != f.stat.size {
                return None;
            }
            if content_hash(&fs::read(&f.path).ok()?) != f.hash {
                return None;
            }
            restat = true;
        }
        if let Some(dir) = &entry.dir {
            let known: std::collections::HashSet<&Path> =
                entry.files.iter().map(|f| f.path.as_path()).collect();
            for e in fs::read_dir(dir).ok()?.flatten() {
                let path = e.path();
                if known.contains(path.as_path()) || !path.is_file() {
                    continue;
                }
                if super::read_head(&path).is_some_and(|h| super::has_header(&h)) {
                    return None;
                }
            }
        }
        if refresh && restat {
            let files: Vec<(PathBuf, String, String)> = entry
                .files
                .iter()
                .map(|f| (f.path.clone(), f.format.clone(), f.hash.clone()))
                .collect();
            // A failed refresh only means the next run compares contents again.
            let _ = self.write(&files, entry.summary.clone(), entry.dir.clone());
        }
        Some(Hit {
            files: entry.files,
            summary: entry.summary,
        })
    }

    /// Records the job's files (path, format, bytes written) after a run that wrote or
    /// checked them all, with the counts the command prints; `dir`: a directory the job
    /// owns whole. A file that cannot be read back is not recorded, and then the job is
    /// not recorded either (the next run renders).
    pub fn save<'a>(
        &self,
        files: impl IntoIterator<Item = (&'a Path, &'a str, &'a [u8])>,
        summary: serde_json::Value,
        dir: Option<PathBuf>,
    ) -> anyhow::Result<()> {
        let files: Vec<(PathBuf, String, String)> = files
            .into_iter()
            .map(|(p, fmt, bytes)| (p.to_path_buf(), fmt.to_string(), content_hash(bytes)))
            .collect();
        self.write(&files, summary, dir)
    }

    /// Records the files of a run that wrote (or found up to date) every one of them;
    /// a failure is returned for the caller to warn about (the next run renders again).
    pub fn record(
        &self,
        planned: &[super::PlannedFile<'_>],
        summary: serde_json::Value,
        dir: Option<PathBuf>,
    ) -> anyhow::Result<()> {
        self.save(
            planned
                .iter()
                .map(|f| (f.path.as_path(), f.format, f.contents)),
            summary,
            dir,
        )
    }

    fn write(
        &self,
        files: &[(PathBuf, String, String)],
        summary: serde_json::Value,
        dir: Option<PathBuf>,
    ) -> anyhow::Result<()> {
        let mut outputs = Vec::with_capacity(files.len());
        for (path, format, hash) in files {
            let Ok(meta) = fs::metadata(path) else {
                let _ = fs::remove_file(&self.file);
                return Ok(());
            };
            outputs.push(Output {
                path: path.clone(),
                format: format.clone(),
                hash: hash.clone(),
                stat: Stat::of(&meta),
            });
        }
        let entry = Entry {
            version: VERSION.to_string(),
            inputs: self.inputs.clone(),
            recorded_at_ns: now_ns(),
            summary,
            dir,
            files: outputs,
        };
        let text = serde_json::to_vec(&entry)?;
        super::write_atomic(&self.file, &text)
            .map_err(|e| anyhow::anyhow!("could not write `{}`: {e}", self.file.display()))
    }

    /// Forgets the job (a run that did not write every file).
    pub fn forget(&self) {
        let _ = fs::remove_file(&self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_is_up_to_date_until_an_input_or_an_output_changes() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join(".opends");
        let out = dir.path().join("out.css");
        fs::write(&out, b"a{}").unwrap();
        let job = Job::new(&store, "export", "inputs-1".into());
        assert!(job.up_to_date(false).is_none());
        job.save(
            [(out.as_path(), "css", b"a{}".as_slice())],
            serde_json::json!({"tokens": 1}),
            None,
        )
        .unwrap();
        // Written just now: compared by content, and found the same.
        let hit = job.up_to_date(false).unwrap();
        assert_eq!(hit.files.len(), 1);
        assert_eq!(hit.summary["tokens"], 1);
        // Other inputs: not up to date.
        assert!(
            Job::new(&store, "export", "inputs-2".into())
                .up_to_date(false)
                .is_none()
        );
        // The same size, other bytes: not up to date.
        fs::write(&out, b"b{}").unwrap();
        assert!(job.up_to_date(false).is_none());
        fs::remove_file(&out).unwrap();
        assert!(job.up_to_date(false).is_none());
    }

    #[test]
    fn fingerprints_tell_parts_apart() {
        let a = Fingerprint::new("x").add("a", b"bc").finish();
        let b = Fingerprint::new("x").add("ab", b"c").finish();
        assert_ne!(a, b);
        assert_eq!(a, Fingerprint::new("x").add("a", b"bc").finish());
    }
}
