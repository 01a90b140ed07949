//! Writing output files: every file opends writes goes through `write_atomic`, so a
//! crash or kill leaves the old file or the new one, never a part.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::env_vars::EnvVars;

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
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
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
        sync_dir(dir);
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
