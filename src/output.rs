//! Writing output files: every file opends writes goes through `write_atomic`, so a
//! crash or kill leaves the old file or the new one, never a part. Outputs are planned
//! before anything is written ([`plan_file`]): only changed files are written, a file
//! opends did not write (no generated header, no [`WriteRecord`] entry) is never
//! replaced without `--force` ([`refuse_foreign`]), and `--check` writes nothing and
//! reports stale files ([`FileReport`]).

pub mod manifest;

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::env_vars::EnvVars;

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    /// Written (new or changed).
    Written,
    /// Already up to date; not touched.
    Unchanged,
    /// `--check`: differs from what would be written.
    Stale,
    /// `--check`: does not exist.
    Missing,
}

/// One output file and what happened to it.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// As shown (relative to the working directory).
    pub path: String,
    /// The format or framework that made it.
    pub format: &'static str,
    /// What happened.
    pub status: FileStatus,
}

/// How many files of a run were written, left unchanged, and found stale or missing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Written.
    pub written: usize,
    /// Up to date.
    pub unchanged: usize,
    /// `--check`: stale or missing.
    pub stale: usize,
}

impl Counts {
    /// Counts the reports of a run.
    pub fn of(reports: &[FileReport]) -> Self {
        let count = |f: &dyn Fn(FileStatus) -> bool| reports.iter().filter(|r| f(r.status)).count();
        Self {
            written: count(&|s| s == FileStatus::Written),
            unchanged: count(&|s| s == FileStatus::Unchanged),
            stale: count(&|s| matches!(s, FileStatus::Stale | FileStatus::Missing)),
        }
    }
}

/// What writing one file would do, decided before anything is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// It holds exactly these bytes already.
    Unchanged,
    /// It does not exist.
    Create,
    /// It exists, differs, and opends wrote it (header or record).
    Replace,
    /// It exists, differs, and opends did not write it: replaced only with `--force`.
    Foreign,
}

/// One file to write and what writing it would do.
pub struct PlannedFile<'a> {
    /// Where.
    pub path: PathBuf,
    /// What.
    pub contents: &'a [u8],
    /// The format or framework that made it.
    pub format: &'static str,
    /// What writing it would do.
    pub plan: Plan,
}

/// How many leading lines may precede the generated-file header.
const HEADER_LINES: usize = 5;

/// Whether `bytes` start with one of opends' generated-file headers.
pub fn has_header(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    head.lines()
        .take(HEADER_LINES)
        .any(|l| l.contains(crate::export::HEADER) || l.contains(crate::codegen::HEADER))
}

/// The first 4 KiB of a file (where a generated header would be).
pub fn read_head(path: &Path) -> Option<Vec<u8>> {
    let mut head = Vec::with_capacity(4096);
    fs::File::open(path)
        .ok()?
        .take(4096)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

/// The files opends wrote that carry no header (JSON cannot hold one): their paths and
/// a hash of the bytes written, kept beside the store as `written.json`. A file whose
/// bytes still hash the same was written by opends and may be replaced.
#[derive(Debug, Default)]
pub struct WriteRecord {
    file: Option<PathBuf>,
    entries: BTreeMap<String, String>,
    changed: bool,
}

fn content_hash(bytes: &[u8]) -> String {
    let mut h = crate::project::Fnv::new();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

fn record_key(path: &Path) -> String {
    let abs = path
        .parent()
        .and_then(|d| fs::canonicalize(d).ok())
        .map_or_else(
            || path.to_path_buf(),
            |d| d.join(path.file_name().unwrap_or_default()),
        );
    abs.to_string_lossy().into_owned()
}

impl WriteRecord {
    /// The record beside the store at `db` (none without a store: then only headers
    /// mark opends' files).
    pub fn beside(db: Option<&Path>) -> Self {
        let Some(file) = db.and_then(|db| db.parent().map(|d| d.join("written.json"))) else {
            return Self::default();
        };
        let entries = fs::read(&file)
            .ok()
            .and_then(|b| serde_json::from_slice::<BTreeMap<String, String>>(&b).ok())
            .unwrap_or_default();
        Self {
            file: Some(file),
            entries,
            changed: false,
        }
    }

    fn holds(&self, path: &Path, bytes: &[u8]) -> bool {
        self.entries
            .get(&record_key(path))
            .is_some_and(|h| *h == content_hash(bytes))
    }

    /// Notes that `bytes` were written to `path` (only files without a header need it).
    pub fn wrote(&mut self, path: &Path, bytes: &[u8]) {
        if has_header(bytes) {
            return;
        }
        let hash = content_hash(bytes);
        if self.entries.insert(record_key(path), hash.clone()) != Some(hash) {
            self.changed = true;
        }
    }

    /// Notes every planned file that `reports` (in the same order) say was written.
    pub fn wrote_all(&mut self, planned: &[PlannedFile<'_>], reports: &[FileReport]) {
        for (f, r) in planned.iter().zip(reports) {
            if r.status == FileStatus::Written {
                self.wrote(&f.path, f.contents);
            }
        }
    }

    /// Saves the record when it changed (a lost record only means a later `--force`).
    pub fn save(&self) -> Result<()> {
        match &self.file {
            Some(file) if self.changed && file.parent().is_some_and(Path::is_dir) => {
                let text = serde_json::to_string_pretty(&self.entries)?;
                write_atomic(file, text.as_bytes())
                    .with_context(|| format!("could not write `{}`", file.display()))
            }
            _ => Ok(()),
        }
    }
}

/// What writing `contents` to `path` would do (`may_exist` false: the caller knows the
/// file does not exist, so it is not read).
pub fn plan_file(path: &Path, contents: &[u8], may_exist: bool, record: &WriteRecord) -> Plan {
    let existing = if may_exist { fs::read(path).ok() } else { None };
    match existing {
        None => Plan::Create,
        Some(old) if old == contents => Plan::Unchanged,
        Some(old) if has_header(&old) || record.holds(path, &old) => Plan::Replace,
        Some(_) => Plan::Foreign,
    }
}

/// Stops the run, before anything is written, when a planned file would replace one that
/// opends did not write; `allowed` with `--force`, or when nothing is written (`--check`).
/// Files are named by `display`.
pub fn refuse_foreign(
    planned: &[PlannedFile<'_>],
    allowed: bool,
    display: impl Fn(&Path) -> String,
) -> Result<()> {
    let list: Vec<String> = planned
        .iter()
        .filter(|f| f.plan == Plan::Foreign)
        .map(|f| format!("`{}`", display(&f.path)))
        .collect();
    if allowed || list.is_empty() {
        return Ok(());
    }
    Err(crate::hinted(
        format!(
            "refusing to replace {} file{} that opends did not write (no generated header): {}; nothing was written",
            list.len(),
            if list.len() == 1 { "" } else { "s" },
            list.join(", ")
        ),
        "move them away, choose another output directory, or pass `--force` to overwrite them",
    ))
}

/// Writes one planned file (nothing with `check`) and reports what happened; the
/// report names it by `display`.
pub fn apply_plan(
    file: &PlannedFile<'_>,
    check: bool,
    display: impl Fn(&Path) -> String,
) -> Result<FileReport> {
    let report = apply_plan_unsynced(file, check, display)?;
    if report.status == FileStatus::Written {
        sync_dir(parent_dir(&file.path));
    }
    Ok(report)
}

/// [`apply_plan`] without flushing the directory entry: the caller syncs each directory
/// once after a batch (2,000 files in three directories were 2,000 directory flushes).
fn apply_plan_unsynced(
    file: &PlannedFile<'_>,
    check: bool,
    display: impl Fn(&Path) -> String,
) -> Result<FileReport> {
    let status = match (file.plan, check) {
        (Plan::Unchanged, _) => FileStatus::Unchanged,
        (Plan::Create, true) => FileStatus::Missing,
        (Plan::Replace | Plan::Foreign, true) => FileStatus::Stale,
        (_, false) => {
            write_atomic_in(&file.path, file.contents, false)
                .with_context(|| format!("could not write `{}`", file.path.display()))?;
            FileStatus::Written
        }
    };
    Ok(FileReport {
        path: display(&file.path),
        format: file.format,
        status,
    })
}

/// How a run writes its planned files.
#[derive(Debug, Clone, Copy)]
pub struct Publish {
    /// Write nothing; report stale and missing files.
    pub check: bool,
    /// Replace files opends did not write.
    pub force: bool,
    /// Threads that write (creating files is dominated by file-system latency, which
    /// several threads overlap).
    pub writers: usize,
}

/// Writes a run's planned files: refuses, before anything is written, to replace a file
/// opends did not write (unless `force`, or `check` where nothing is written), writes
/// only the files whose bytes change, and records what it wrote in `record` (saved
/// beside the store). Reports come in plan order, files named by `display`.
pub fn publish(
    planned: &[PlannedFile<'_>],
    record: &mut WriteRecord,
    how: Publish,
    display: &(dyn Fn(&Path) -> String + Sync),
) -> Result<Vec<FileReport>> {
    refuse_foreign(planned, how.check || how.force, display)?;
    let chunk = planned.len().div_ceil(how.writers.max(1)).max(1);
    let reports: Vec<FileReport> = std::thread::scope(|scope| {
        let handles: Vec<_> = planned
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|f| apply_plan_unsynced(f, how.check, display))
                        .collect::<Result<Vec<_>>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a writer thread panicked"))
            .collect::<Result<Vec<Vec<_>>>>()
    })?
    .into_iter()
    .flatten()
    .collect();
    // The renames reach the disk with one flush per directory, before the record says
    // the files were written.
    let dirs: std::collections::BTreeSet<&Path> = planned
        .iter()
        .zip(&reports)
        .filter(|(_, r)| r.status == FileStatus::Written)
        .map(|(f, _)| parent_dir(&f.path))
        .collect();
    for dir in dirs {
        sync_dir(dir);
    }
    record.wrote_all(planned, &reports);
    record.save()?;
    Ok(reports)
}

/// Writes `text` to `path` (atomically), with the path in the error.
pub fn write_file(path: &Path, text: &str) -> Result<()> {
    write_atomic(path, text.as_bytes())
        .with_context(|| format!("could not write `{}`", path.display()))
}

/// For tests of crash safety: `OPENDS_TEST_FAIL=write:<file name>` makes writing that
/// file fail after its temp file is written and before it is renamed into place.
fn injected_write_failure(path: &Path) -> std::io::Result<()> {
    let Ok(v) = std::env::var(EnvVars::TEST_FAIL) else {
        return Ok(());
    };
    match v.strip_prefix("write:") {
        Some(name) if path.file_name().is_some_and(|n| n == name) => Err(std::io::Error::other(
            format!("write failed on purpose (OPENDS_TEST_FAIL={v})"),
        )),
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path`: into a new temp file in the same directory, flushed to disk,
/// then renamed over `path`, so a crash or kill leaves the old file or the new one,
/// never a part. The temp file is removed when anything fails. An existing file's
/// permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_in(path, bytes, true)
}

/// The directory a file is in (`.` for a bare name).
fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// [`write_atomic`]; with `sync_parent` false the caller flushes the directory entry.
fn write_atomic_in(path: &Path, bytes: &[u8], sync_parent: bool) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = parent_dir(path);
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp, mut file) = loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            // A leftover of an earlier process with the same id: take the next name.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1_000_000 => {}
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        if let Ok(meta) = fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.write_all(bytes)?;
        injected_write_failure(path)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        if sync_parent {
            sync_dir(dir);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Flushes a directory's entries (the rename) to disk, where the platform can.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned<'a>(path: &Path, contents: &'a [u8], record: &WriteRecord) -> PlannedFile<'a> {
        PlannedFile {
            path: path.to_path_buf(),
            contents,
            format: "test",
            plan: plan_file(path, contents, true, record),
        }
    }

    #[test]
    fn only_changed_files_are_written_and_foreign_ones_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("opends.db");
        let mut record = WriteRecord::beside(Some(&db));
        let path = dir.path().join("tokens.json");
        // New: created, and recorded (JSON has no header).
        let file = planned(&path, b"{}", &record);
        assert_eq!(file.plan, Plan::Create);
        let report = apply_plan(&file, false, |p| p.display().to_string()).unwrap();
        assert_eq!(report.status, FileStatus::Written);
        record.wrote_all(std::slice::from_ref(&file), std::slice::from_ref(&report));
        record.save().unwrap();
        // Same bytes: unchanged; other bytes over a recorded file: replaced.
        let record = WriteRecord::beside(Some(&db));
        assert_eq!(planned(&path, b"{}", &record).plan, Plan::Unchanged);
        assert_eq!(planned(&path, b"[]", &record).plan, Plan::Replace);
        // Edited by hand since: foreign, refused unless allowed.
        fs::write(&path, b"{\"mine\": 1}").unwrap();
        let file = planned(&path, b"[]", &record);
        assert_eq!(file.plan, Plan::Foreign);
        let files = [file];
        let e = refuse_foreign(&files, false, |_| "tokens.json".into()).unwrap_err();
        assert!(e.to_string().contains("`tokens.json`"), "{e}");
        assert!(refuse_foreign(&files, true, |_| String::new()).is_ok());
        // --check writes nothing and says what is stale.
        let report = apply_plan(&files[0], true, |_| String::new()).unwrap();
        assert_eq!(report.status, FileStatus::Stale);
        assert_eq!(fs::read(&path).unwrap(), b"{\"mine\": 1}");
    }

    #[test]
    fn a_generated_header_marks_opends_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokens.css");
        let text = format!("/* {} */\n:root {{}}\n", crate::export::HEADER);
        fs::write(&path, &text).unwrap();
        assert!(has_header(text.as_bytes()));
        assert!(read_head(&path).is_some_and(|h| has_header(&h)));
        let record = WriteRecord::beside(None);
        assert_eq!(planned(&path, b"new", &record).plan, Plan::Replace);
        let reports = [
            FileReport {
                path: "a".into(),
                format: "css",
                status: FileStatus::Written,
            },
            FileReport {
                path: "b".into(),
                format: "css",
                status: FileStatus::Missing,
            },
        ];
        assert_eq!(
            Counts::of(&reports),
            Counts {
                written: 1,
                unchanged: 0,
                stale: 1
            }
        );
    }
}
