//! The local store: one `SQLite` file holding tokens (and, in later migrations,
//! components, sources, versions). All SQL lives here.
//!
//! Opened with WAL, foreign keys and a busy timeout, so that several `opends`
//! processes can use one store at once; every write is one transaction, and writers
//! take the write lock up front (`BEGIN IMMEDIATE`) so read-modify-write cycles such as
//! a merge import never lose another process's update.

use crate::env_vars::EnvVars;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde_json::Value;

mod versions;
mod working;

pub use versions::{
    Entries, NewVersion, PendingChangelog, PullWrite, Remote, RemoteBase, Snapshot, SnapshotError,
    StagedChangelog, VersionInfo,
};

use crate::model::component::{Review, TokenUse};
use crate::model::{
    Component, Deprecation, Group, StoredComponent, Token, TokenPath, TokenType, Tokens,
};

/// Embedded migrations, applied in order; never edit one that has landed.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_tokens", include_str!("migrations/0001_tokens.sql")),
    (
        "0002_components",
        include_str!("migrations/0002_components.sql"),
    ),
    ("0003_sync", include_str!("migrations/0003_sync.sql")),
    (
        "0004_versions",
        include_str!("migrations/0004_versions.sql"),
    ),
    ("0005_remotes", include_str!("migrations/0005_remotes.sql")),
    (
        "0006_pending_changelog",
        include_str!("migrations/0006_pending_changelog.sql"),
    ),
    (
        "0007_revision",
        include_str!("migrations/0007_revision.sql"),
    ),
    (
        "0008_version_deltas",
        include_str!("migrations/0008_version_deltas.sql"),
    ),
    ("0009_compact", include_str!("migrations/0009_compact.sql")),
];

/// `meta` key of the working state's revision (see [`Store::revision`]).
const REVISION_KEY: &str = "working.revision";

/// Replaces the working state's revision with a new random value (inside the write).
fn bump_revision(tx: &Connection) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO meta(key, value) VALUES (?1, lower(hex(randomblob(16))))
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [REVISION_KEY],
    )
    .map(|_| ())
}

/// How long a writer waits for another process's transaction to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// For crash tests: `OPENDS_TEST_FAIL=kill:POINT` ends the process at the named point
/// with `abort()` (no destructor, no rollback, no cleanup: what `kill -9` would leave).
pub fn crash_point(point: &str) {
    if std::env::var(EnvVars::TEST_FAIL)
        .is_ok_and(|v| v.strip_prefix("kill:").is_some_and(|p| p == point))
    {
        std::process::abort();
    }
}

/// For tests of concurrent writers: `OPENDS_TEST_PAUSE=POINT:DIR` makes the process,
/// at the named point, create `DIR/POINT.reached` and wait (at most two minutes) until
/// `DIR/POINT.go` exists, so a test can run another writer at exactly that moment.
pub fn pause_point(point: &str) {
    let Ok(v) = std::env::var(EnvVars::TEST_PAUSE) else {
        return;
    };
    let Some(dir) = v.strip_prefix(point).and_then(|r| r.strip_prefix(':')) else {
        return;
    };
    let dir = Path::new(dir);
    let _ = fs::write(dir.join(format!("{point}.reached")), b"");
    let go = dir.join(format!("{point}.go"));
    for _ in 0..6000 {
        if go.exists() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Keeps a new store out of git with a `.gitignore` in its directory: `*` when the
/// directory was made for it (like `.opends/`); in a directory that holds other files,
/// the store's own files are added to its `.gitignore` (created when missing) unless
/// it ignores everything already.
pub fn ignore_store(path: &Path, new_dir: bool) -> Result<(), StoreError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let file = dir.join(".gitignore");
    let failed = |source| StoreError::Ignore {
        path: file.display().to_string(),
        source,
    };
    let existing = match fs::read_to_string(&file) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(failed(e)),
    };
    let text = match existing {
        None if new_dir => "*\n".to_string(),
        Some(text) if text.lines().any(|l| l.trim() == "*") => return Ok(()),
        existing => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut text = existing.unwrap_or_default();
            let wanted = [
                format!("/{name}"),
                format!("/{name}-*"),
                "/written.json".to_string(),
            ];
            let missing: Vec<&String> = wanted
                .iter()
                .filter(|w| !text.lines().any(|l| l.trim() == w.as_str()))
                .collect();
            if missing.is_empty() {
                return Ok(());
            }
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str("# The opends store (local, never committed).\n");
            for w in missing {
                text.push_str(w);
                text.push('\n');
            }
            text
        }
    };
    fs::write(&file, text).map_err(failed)
}

/// Store errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// `SQLite` failed.
    #[error("store `{path}`: {source}")]
    Sqlite {
        /// The store file.
        path: String,
        /// What `SQLite` said.
        #[source]
        source: rusqlite::Error,
    },
    /// The store directory could not be created.
    #[error("could not create the store directory `{path}`: {source}")]
    Io {
        /// The directory.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The store's `.gitignore` could not be written.
    #[error("could not write `{path}` (it keeps the store out of git): {source}")]
    Ignore {
        /// The `.gitignore` file.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file was written by a newer opends.
    #[error(
        "store `{path}` has schema version {found}, newer than this opends knows ({known}); upgrade opends"
    )]
    TooNew {
        /// The store file.
        path: String,
        /// Its version.
        found: usize,
        /// Ours.
        known: usize,
    },
    /// The store changed under a write that checked it first.
    #[error("store `{path}`: {what}")]
    Conflict {
        /// The store file.
        path: String,
        /// What changed.
        what: String,
    },
    /// Stored data could not be read back.
    #[error("store `{path}`: corrupt row for `{what}`: {message}")]
    Corrupt {
        /// The store file.
        path: String,
        /// Which row.
        what: String,
        /// Why.
        message: String,
    },
}

impl StoreError {
    /// Whether `SQLite` reported the store busy or locked by another process (after
    /// waiting the busy timeout): the operation may succeed when tried again.
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            Self::Sqlite {
                source: rusqlite::Error::SqliteFailure(e, _),
                ..
            } if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            )
        )
    }
}

/// What an import or write changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct WriteSummary {
    /// Tokens that did not exist before.
    pub added: usize,
    /// Tokens whose type, value, metadata or mode values changed.
    pub changed: usize,
    /// Tokens that were removed.
    pub removed: usize,
    /// Tokens left as they were.
    pub unchanged: usize,
    /// Tokens in the store afterwards.
    pub total: usize,
}

/// One run of `opends sync` for one source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SyncEvent {
    /// The source's name.
    pub source: String,
    /// `manual`, `webhook` or `watch`.
    pub trigger: String,
    /// `ok`, `skipped`, `failed` or `dry-run`.
    pub status: String,
    /// Tokens added.
    pub added: usize,
    /// Tokens changed.
    pub changed: usize,
    /// Tokens removed.
    pub removed: usize,
    /// How long it took.
    pub duration_ms: u64,
    /// Why it failed (never a secret).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// When (RFC 3339, UTC); empty until recorded.
    pub at: String,
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating it and its directory if needed) the store at `path` and migrates it.
    /// A new store is kept out of git from the start (see [`ignore_store`]).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let created = !path.exists();
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        let new_dir = dir.is_some_and(|d| !d.exists());
        if let Some(dir) = dir {
            fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: name.clone(),
            source,
        })?;
        if created {
            ignore_store(path, new_dir)?;
        }
        Self::init(conn, name)
    }

    /// An in-memory store (tests).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Sqlite {
            path: ":memory:".into(),
            source,
        })?;
        Self::init(conn, ":memory:".into())
    }

    fn init(conn: Connection, path: String) -> Result<Self, StoreError> {
        let mut store = Self { conn, path };
        // Switching a new file to WAL needs a lock that SQLite's busy handler does not
        // wait for; several processes creating one store at once retry briefly here.
        let mut attempt = 0;
        loop {
            match store.setup() {
                Ok(()) => break,
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::DatabaseBusy && attempt < 200 =>
                {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(5 + attempt.min(20)));
                }
                Err(e) => return Err(store.err(e)),
            }
        }
        store.migrate()?;
        Ok(store)
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    fn setup(&mut self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL lets readers go on while a writer writes; it is a no-op in memory.
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let version: usize = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if version > MIGRATIONS.len() {
            return Err(StoreError::TooNew {
                path,
                found: version,
                known: MIGRATIONS.len(),
            });
        }
        if version == MIGRATIONS.len() {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|source| StoreError::Sqlite {
                path: path.clone(),
                source,
            })?;
        // Another process may have migrated while we waited for the lock.
        let now: usize = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|source| StoreError::Sqlite {
                path: path.clone(),
                source,
            })?;
        for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(now) {
            tx.execute_batch(sql)
                .and_then(|()| match *name {
                    "0008_version_deltas" => versions::convert_spans(&tx),
                    "0009_compact" => versions::pack_existing(&tx)
                        .and_then(|()| pack_working_rows(&tx))
                        .and_then(|()| versions::pack_bases(&tx)),
                    _ => Ok(()),
                })
                .and_then(|()| tx.pragma_update(None, "user_version", i + 1))
                .map_err(|source| StoreError::Sqlite {
                    path: path.clone(),
                    source,
                })?;
        }
        tx.commit().map_err(|source| StoreError::Sqlite {
            path: path.clone(),
            source,
        })?;
        if (4..9).contains(&now) {
            // The pages of the span tables (0008), of the per-token tables and the text
            // packed (0009) are free now; give them back so the file's size reflects
            // what the store holds. Best effort: a reader holding the file
            // open only delays this to the next rewrite.
            self.conn.execute_batch("VACUUM").ok();
        }
        Ok(())
    }

    /// The schema version (number of applied migrations).
    pub fn schema_version(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Reads every token, group and mode.
    pub fn load(&self) -> Result<Tokens, StoreError> {
        load(&self.conn, &self.path).map_err(|e| self.load_err(e))
    }

    /// Replaces the store's tokens with `next`, computed from what is stored now by
    /// `update` inside one write transaction (so concurrent writers serialize and no
    /// update is lost). `update` returns `Ok(None)` to write nothing.
    pub fn update<E>(
        &mut self,
        update: impl FnOnce(Tokens) -> Result<Option<Tokens>, E>,
    ) -> Result<Result<WriteSummary, E>, StoreError> {
        let path = self.path.clone();
        let sq = sqlite_err(&path);
        let tx = begin_write(&mut self.conn, &path)?;
        let current = load(&tx, &path).map_err(|e| lift(&path, e))?;
        let before: HashMap<TokenPath, Token> = current
            .tokens
            .iter()
            .map(|t| (t.path.clone(), t.clone()))
            .collect();
        let next = match update(current) {
            Ok(Some(next)) => next,
            Ok(None) => return Ok(Ok(WriteSummary::default())),
            Err(e) => return Ok(Err(e)),
        };
        let summary = summarize(&before, &next);
        write_all(&tx, &next).map_err(sq)?;
        tx.commit().map_err(sq)?;
        Ok(Ok(summary))
    }

    /// Every stored component, in import order.
    pub fn components(&self) -> Result<Vec<StoredComponent>, StoreError> {
        load_components(&self.conn).map_err(|e| self.load_err(e))
    }

    fn load_err(&self, e: LoadError) -> StoreError {
        lift(&self.path, e)
    }

    /// Replaces the stored components with what `update` computes from the current
    /// ones (and the current tokens), in one write transaction. `update` returns
    /// `Ok(None)` to write nothing.
    pub fn update_components<E>(
        &mut self,
        update: impl FnOnce(Vec<StoredComponent>, &Tokens) -> Result<Option<Vec<StoredComponent>>, E>,
    ) -> Result<Result<usize, E>, StoreError> {
        let path = self.path.clone();
        let sq = sqlite_err(&path);
        let tx = begin_write(&mut self.conn, &path)?;
        let current = load_components(&tx).map_err(|e| lift(&path, e))?;
        let tokens = load(&tx, &path).map_err(|e| lift(&path, e))?;
        let next = match update(current, &tokens) {
            Ok(Some(next)) => next,
            Ok(None) => return Ok(Ok(0)),
            Err(e) => return Ok(Err(e)),
        };
        write_components(&tx, &next).map_err(sq)?;
        tx.commit().map_err(sq)?;
        Ok(Ok(next.len()))
    }

    /// Which components use tokens at or below `path` (every use when `path` is empty).
    pub fn token_usage(&self, path: &str) -> Result<Vec<TokenUse>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT component, property, token_path FROM component_token_usage
                 WHERE ?1 = '' OR token_path = ?1
                    OR substr(token_path, 1, length(?1) + 1) = ?1 || '.'
                 ORDER BY token_path, component, property",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([path], |r| {
                Ok(TokenUse {
                    component: r.get(0)?,
                    property: r.get(1)?,
                    token: r.get(2)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The last version seen of a design source.
    pub fn source_version(&self, name: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT last_version FROM design_sources WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()
            .map(Option::flatten)
            .map_err(|e| self.err(e))
    }

    /// Records the outcome of syncing a source (its state and one event) in its own
    /// write transaction: for syncs that wrote nothing (failed, skipped). A sync that
    /// writes records it with [`SyncTx::record_sync`], in the same transaction.
    pub fn record_sync(
        &mut self,
        event: &SyncEvent,
        provider: &str,
        file: &str,
        version: Option<&str>,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sq = sqlite_err(&path);
        let tx = begin_write(&mut self.conn, &path)?;
        insert_sync(&tx, event, provider, file, version).map_err(sq)?;
        tx.commit().map_err(sq)
    }

    /// Runs `sync` in one write transaction and commits what it wrote (tokens,
    /// components, the sync record) together when it returns `Ok`; nothing otherwise.
    pub fn write_sync<T, E: From<StoreError>>(
        &mut self,
        sync: impl FnOnce(&SyncTx<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let path = self.path.clone();
        let tx = begin_write(&mut self.conn, &path)?;
        let w = SyncTx { tx, path };
        let out = sync(&w)?;
        let SyncTx { tx, path } = w;
        tx.commit().map_err(sqlite_err(&path))?;
        Ok(out)
    }

    /// The sync log, newest first.
    pub fn sync_events(&self, limit: usize) -> Result<Vec<SyncEvent>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT source, trigger, status, added, changed, removed, duration_ms, error, at
                 FROM sync_events ORDER BY id DESC LIMIT ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([limit], |r| {
                Ok(SyncEvent {
                    source: r.get(0)?,
                    trigger: r.get(1)?,
                    status: r.get(2)?,
                    added: r.get(3)?,
                    changed: r.get(4)?,
                    removed: r.get(5)?,
                    duration_ms: r.get(6)?,
                    error: r.get(7)?,
                    at: r.get(8)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// A value from the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The working state's revision: a random value that every write of the working
    /// tokens or components replaces (a new store starts with its own), so two reads
    /// with the same revision saw the same tokens and components.
    pub fn revision(&self) -> Result<Option<String>, StoreError> {
        self.meta(REVISION_KEY)
    }

    /// Sets a value in the `meta` table.
    pub fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map(|_| ())
            .map_err(|e| self.err(e))
    }

    /// The store's file path (`:memory:` for in-memory stores).
    pub fn path(&self) -> PathBuf {
        PathBuf::from(&self.path)
    }
}

/// The write transaction of one design-source sync (see [`Store::write_sync`]).
pub struct SyncTx<'c> {
    tx: Transaction<'c>,
    path: String,
}

impl SyncTx<'_> {
    /// The stored tokens.
    pub fn tokens(&self) -> Result<Tokens, StoreError> {
        load(&self.tx, &self.path).map_err(|e| lift(&self.path, e))
    }

    /// The stored components.
    pub fn components(&self) -> Result<Vec<StoredComponent>, StoreError> {
        load_components(&self.tx).map_err(|e| lift(&self.path, e))
    }

    /// Replaces the tokens.
    pub fn write_tokens(&self, tokens: &Tokens) -> Result<(), StoreError> {
        write_all(&self.tx, tokens).map_err(sqlite_err(&self.path))
    }

    /// Replaces the components.
    pub fn write_components(&self, components: &[StoredComponent]) -> Result<(), StoreError> {
        write_components(&self.tx, components).map_err(sqlite_err(&self.path))
    }

    /// Records the sync (the source's state and one event).
    pub fn record_sync(
        &self,
        event: &SyncEvent,
        provider: &str,
        file: &str,
        version: Option<&str>,
    ) -> Result<(), StoreError> {
        insert_sync(&self.tx, event, provider, file, version).map_err(sqlite_err(&self.path))
    }
}

fn insert_sync(
    tx: &Connection,
    event: &SyncEvent,
    provider: &str,
    file: &str,
    version: Option<&str>,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO design_sources(name, provider, file, last_version, last_sync_at, status, error)
         VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?5, ?6)
         ON CONFLICT(name) DO UPDATE SET provider = excluded.provider, file = excluded.file,
           last_version = COALESCE(excluded.last_version, design_sources.last_version),
           last_sync_at = excluded.last_sync_at, status = excluded.status, error = excluded.error",
        params![event.source, provider, file, version, event.status, event.error],
    )?;
    tx.execute(
        "INSERT INTO sync_events(source, trigger, status, added, changed, removed, duration_ms, error)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            event.source,
            event.trigger,
            event.status,
            event.added,
            event.changed,
            event.removed,
            event.duration_ms,
            event.error
        ],
    )?;
    Ok(())
}

/// Compares stored tokens with the next state.
pub fn summarize<S: std::hash::BuildHasher>(
    before: &HashMap<TokenPath, Token, S>,
    next: &Tokens,
) -> WriteSummary {
    let mut s = WriteSummary {
        total: next.len(),
        ..WriteSummary::default()
    };
    for t in &next.tokens {
        match before.get(&t.path) {
            None => s.added += 1,
            Some(old) if same(old, t) => s.unchanged += 1,
            Some(_) => s.changed += 1,
        }
    }
    s.removed = before.keys().filter(|p| next.get(p).is_none()).count();
    s
}

/// Whether a token is unchanged: the one definition of a change, for write summaries
/// and for the paths a sync lists as changed (type, value, mode values, description,
/// deprecation and extensions; not the set or file it came from).
pub fn same(a: &Token, b: &Token) -> bool {
    a.ty == b.ty
        && a.value == b.value
        && a.modes == b.modes
        && a.description == b.description
        && a.deprecated == b.deprecated
        && a.extensions == b.extensions
}

/// A load error of the store at `path` as a `StoreError`.
fn lift(path: &str, e: LoadError) -> StoreError {
    match e {
        LoadError::Sqlite(source) => StoreError::Sqlite {
            path: path.to_string(),
            source,
        },
        LoadError::Corrupt(what, message) => StoreError::Corrupt {
            path: path.to_string(),
            what,
            message,
        },
    }
}

/// Maps a `SQLite` error to a store error naming the file.
fn sqlite_err(path: &str) -> impl Fn(rusqlite::Error) -> StoreError + Copy + '_ {
    move |source| StoreError::Sqlite {
        path: path.to_string(),
        source,
    }
}

/// Starts a write transaction that holds the write lock from the start (`BEGIN
/// IMMEDIATE`), so its reads and writes see no other writer in between.
fn begin_write<'c>(conn: &'c mut Connection, path: &str) -> Result<Transaction<'c>, StoreError> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite_err(path))
}

#[derive(Debug)]
enum LoadError {
    Sqlite(rusqlite::Error),
    Corrupt(String, String),
}

impl From<rusqlite::Error> for LoadError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sqlite(e)
    }
}

fn json(text: &str, what: &str) -> Result<Value, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError::Corrupt(what.to_string(), e.to_string()))
}

fn deprecation(text: Option<String>, what: &str) -> Result<Option<Deprecation>, LoadError> {
    text.map(|t| {
        serde_json::from_str::<Deprecation>(&t)
            .map_err(|e| LoadError::Corrupt(what.to_string(), e.to_string()))
    })
    .transpose()
}

fn load(conn: &Connection, _path: &str) -> Result<Tokens, LoadError> {
    working::load(conn)
}

/// The working tokens as stores before migration 0009 kept them: a row per token, mode
/// value, group, mode and set. Read once, by the migration that packs them.
fn load_rows(conn: &Connection) -> Result<Tokens, LoadError> {
    let modes: Vec<String> = conn
        .prepare("SELECT name FROM modes ORDER BY position")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut groups = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT path, type, description, deprecated, extensions FROM token_groups ORDER BY position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let path: String = r.get(0)?;
            let ty: Option<String> = r.get(1)?;
            let extensions: Option<String> = r.get(4)?;
            groups.push(Group {
                ty: ty
                    .map(|t| t.parse::<TokenType>())
                    .transpose()
                    .map_err(|e| LoadError::Corrupt(path.clone(), e))?,
                description: r.get(2)?,
                deprecated: deprecation(r.get(3)?, &path)?,
                extensions: extensions.map(|e| json(&e, &path)).transpose()?,
                path: TokenPath::new(path),
            });
        }
    }
    let mut mode_values: HashMap<i64, Vec<(String, Value)>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT v.token_id, v.mode, v.value FROM token_mode_values v
             JOIN modes m ON m.name = v.mode ORDER BY v.token_id, m.position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let mode: String = r.get(1)?;
            let text: String = r.get(2)?;
            let v = json(&text, &format!("token #{id} in mode {mode}"))?;
            mode_values.entry(id).or_default().push((mode, v));
        }
    }
    let mut tokens = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT t.id, t.path, t.type, t.explicit_type, t.value, t.description, t.deprecated,
                    t.extensions, s.name, t.source_file
             FROM tokens t LEFT JOIN token_sets s ON s.id = t.set_id ORDER BY t.position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let path: String = r.get(1)?;
            let ty: String = r.get(2)?;
            let value: String = r.get(4)?;
            let extensions: Option<String> = r.get(7)?;
            tokens.push(Token {
                ty: ty
                    .parse()
                    .map_err(|e| LoadError::Corrupt(path.clone(), e))?,
                explicit_type: r.get(3)?,
                value: json(&value, &path)?,
                modes: mode_values.remove(&id).unwrap_or_default(),
                description: r.get(5)?,
                deprecated: deprecation(r.get(6)?, &path)?,
                extensions: extensions.map(|e| json(&e, &path)).transpose()?,
                set: r
                    .get::<_, Option<String>>(8)?
                    .unwrap_or_else(|| "local".into()),
                source: r.get(9)?,
                path: TokenPath::new(path),
            });
        }
    }
    Ok(Tokens::new(tokens, groups, modes))
}

fn load_components(conn: &Connection) -> Result<Vec<StoredComponent>, LoadError> {
    let mut stmt = conn.prepare(
        "SELECT name, spec, status, source_file, reviewed_by, reviewed_at, deprecation_reason
         FROM components ORDER BY position",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let name: String = r.get(0)?;
        let spec: String = r.get(1)?;
        let status: String = r.get(2)?;
        let mut spec: Component = serde_json::from_str(&spec)
            .map_err(|e| LoadError::Corrupt(format!("component {name}"), e.to_string()))?;
        spec.status = serde_json::from_value(Value::String(status))
            .map_err(|e| LoadError::Corrupt(format!("component {name}"), e.to_string()))?;
        out.push(StoredComponent {
            spec,
            source: r.get(3)?,
            review: Review {
                by: r.get(4)?,
                at: r.get(5)?,
                reason: r.get(6)?,
            },
        });
    }
    Ok(out)
}

fn write_components(tx: &Transaction<'_>, components: &[StoredComponent]) -> rusqlite::Result<()> {
    bump_revision(tx)?;
    tx.execute_batch("DELETE FROM component_token_usage; DELETE FROM components;")?;
    let mut insert = tx.prepare(
        "INSERT INTO components(name, spec, status, source_file, reviewed_by, reviewed_at,
                                deprecation_reason, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut usage = tx.prepare(
        "INSERT OR IGNORE INTO component_token_usage(component, property, token_path)
         VALUES (?1, ?2, ?3)",
    )?;
    for (i, c) in components.iter().enumerate() {
        let spec = serde_json::to_string(&c.spec)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        insert.execute(params![
            c.spec.name,
            spec,
            c.spec.status.as_str(),
            c.source,
            c.review.by,
            c.review.at,
            c.review.reason,
            i
        ])?;
        for u in c.spec.token_uses() {
            usage.execute(params![c.spec.name, u.property, u.token])?;
        }
    }
    Ok(())
}

fn write_all(tx: &Transaction<'_>, tokens: &Tokens) -> rusqlite::Result<()> {
    bump_revision(tx)?;
    working::write(tx, tokens)
}

/// Migration 0009: the working tokens' rows become one packed value (`working`), and
/// their tables go.
fn pack_working_rows(tx: &Connection) -> rusqlite::Result<()> {
    let tokens = load_rows(tx).map_err(|e| match e {
        LoadError::Sqlite(e) => e,
        LoadError::Corrupt(what, why) => rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("{what}: {why}").into(),
        ),
    })?;
    working::write(tx, &tokens)?;
    tx.execute_batch(
        "DROP TABLE token_mode_values; DROP TABLE tokens; DROP TABLE token_groups;
         DROP TABLE modes; DROP TABLE token_sets;",
    )
}

/// Test support: puts `tokens` back in the per-token tables of stores before 0009 (as
/// older binaries wrote them), with an empty `remote_base`, and drops the packed values,
/// so a test can migrate them.
#[cfg(test)]
fn rows_as_before_0009(conn: &Connection, tokens: &Tokens) {
    conn.execute_batch(
        "DROP TABLE working_tokens;
         DROP TABLE remote_bases;
         CREATE TABLE remote_base (remote TEXT NOT NULL REFERENCES remotes(name)
             ON DELETE CASCADE, kind TEXT NOT NULL, key TEXT NOT NULL,
             entry TEXT NOT NULL, PRIMARY KEY (remote, kind, key)) WITHOUT ROWID;
         CREATE TABLE token_sets (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, source TEXT,
             updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
         CREATE TABLE modes (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
         CREATE TABLE token_groups (path TEXT PRIMARY KEY, type TEXT, description TEXT,
             deprecated TEXT, extensions TEXT, position INTEGER NOT NULL);
         CREATE TABLE tokens (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,
             type TEXT NOT NULL, explicit_type INTEGER NOT NULL DEFAULT 1, value TEXT NOT NULL,
             description TEXT, deprecated TEXT, extensions TEXT,
             set_id INTEGER REFERENCES token_sets(id) ON DELETE SET NULL, source_file TEXT,
             position INTEGER NOT NULL,
             updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
         CREATE INDEX tokens_set ON tokens(set_id);
         CREATE TABLE token_mode_values (
             token_id INTEGER NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
             mode TEXT NOT NULL REFERENCES modes(name) ON DELETE CASCADE ON UPDATE CASCADE,
             value TEXT NOT NULL, PRIMARY KEY (token_id, mode));",
    )
    .unwrap();
    for (i, m) in tokens.modes.iter().enumerate() {
        conn.execute("INSERT INTO modes VALUES (?1, ?2)", params![m, i])
            .unwrap();
    }
    for (i, g) in tokens.groups.iter().enumerate() {
        conn.execute(
            "INSERT INTO token_groups VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                g.path.as_str(),
                g.ty.map(TokenType::as_str),
                g.description,
                g.deprecated.as_ref().map(|d| d.to_value().to_string()),
                g.extensions.as_ref().map(Value::to_string),
                i
            ],
        )
        .unwrap();
    }
    for (i, t) in tokens.tokens.iter().enumerate() {
        conn.execute(
            "INSERT OR IGNORE INTO token_sets(name, source) VALUES (?1, ?2)",
            params![t.set, t.source],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO tokens(path, type, explicit_type, value, description, deprecated,
                                extensions, set_id, source_file, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                     (SELECT id FROM token_sets WHERE name = ?8), ?9, ?10)",
            params![
                t.path.as_str(),
                t.ty.as_str(),
                t.explicit_type,
                t.value.to_string(),
                t.description,
                t.deprecated.as_ref().map(|d| d.to_value().to_string()),
                t.extensions.as_ref().map(Value::to_string),
                t.set,
                t.source,
                i
            ],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        for (mode, v) in &t.modes {
            conn.execute(
                "INSERT INTO token_mode_values VALUES (?1, ?2, ?3)",
                params![id, mode, v.to_string()],
            )
            .unwrap();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn token(path: &str, value: Value) -> Token {
        Token {
            path: TokenPath::new(path),
            ty: TokenType::Number,
            explicit_type: true,
            value,
            modes: vec![("dark".into(), json!(2))],
            description: Some("d".into()),
            deprecated: Some(Deprecation::Reason("use b".into())),
            extensions: Some(json!({"com.example": {"x": 1}})),
            set: "base".into(),
            source: Some("base.json".into()),
        }
    }

    #[test]
    fn writes_and_reads_back_everything() {
        let mut store = Store::open_in_memory().unwrap();
        let tokens = Tokens::new(
            vec![token("a.b", json!(1))],
            vec![Group {
                path: TokenPath::new("a"),
                ty: Some(TokenType::Number),
                ..Group::default()
            }],
            vec!["light".into(), "dark".into()],
        );
        let expected = tokens.tokens.clone();
        let summary = store
            .update(|_| Ok::<_, ()>(Some(tokens)))
            .unwrap()
            .unwrap();
        assert_eq!(summary.added, 1);
        let loaded = store.load().unwrap();
        assert_eq!(loaded.tokens, expected);
        assert_eq!(loaded.modes, ["light", "dark"]);
        assert_eq!(loaded.groups[0].ty, Some(TokenType::Number));
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len());
    }

    #[test]
    fn working_tokens_and_remote_bases_in_rows_migrate_to_packed_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("opends.db");
        let mut store = Store::open(&path).unwrap();
        let mut plain = token("b.c", json!("{a.b}"));
        plain.modes.clear();
        (plain.description, plain.deprecated, plain.extensions) = (None, None, None);
        plain.source = None;
        plain.set = "local".into();
        let tokens = Tokens::new(
            vec![token("a.b", json!(1)), plain],
            vec![Group {
                path: TokenPath::new("a"),
                ty: Some(TokenType::Number),
                description: Some("group a".into()),
                ..Group::default()
            }],
            vec!["light".into(), "dark".into()],
        );
        rows_as_before_0009(&store.conn, &tokens);
        // A remote's base, as a row per entry.
        store
            .add_remote("origin", "https://ds.example.com")
            .unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO remote_base VALUES ('origin', 'layout', '', '{\"modes\":[]}'),
                     ('origin', 'token', 'a.b', '{\"type\":\"number\",\"value\":1}'),
                     ('origin', 'component', 'Button', '{\"spec\":{}}');",
            )
            .unwrap();
        store.conn.pragma_update(None, "user_version", 8).unwrap();
        drop(store);

        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), 9);
        let loaded = store.load().unwrap();
        assert_eq!(loaded.tokens, tokens.tokens);
        assert_eq!(loaded.groups, tokens.groups);
        assert_eq!(loaded.modes, tokens.modes);
        assert_eq!(names(&path, Names::Tokens), ["a.b", "b.c"]);
        let base = store.remote_base("origin").unwrap();
        assert_eq!(base.layout.as_deref(), Some(r#"{"modes":[]}"#));
        assert_eq!(
            base.tokens.get("a.b").map(String::as_str),
            Some(r#"{"type":"number","value":1}"#)
        );
        assert_eq!(base.components.len(), 1);
        assert!(store.remote_base("elsewhere").unwrap().tokens.is_empty());
        let left: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name IN
                 ('tokens', 'token_mode_values', 'token_groups', 'modes', 'token_sets',
                  'remote_base')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn a_damaged_working_value_is_an_error_not_an_empty_store() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute(
                "INSERT OR REPLACE INTO working_tokens(id, data) VALUES (1, X'01ffff')",
                [],
            )
            .unwrap();
        let err = store.load().unwrap_err().to_string();
        assert!(err.contains("working tokens"), "{err}");
    }
}

/// Names a shell may complete, read from the store file at `db` without creating,
/// migrating or locking anything: `kind` is one of the tables' names in [`Names`].
/// Any problem (no store, an older or newer schema) gives no names.
pub fn names(db: &Path, kind: Names) -> Vec<String> {
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(conn) = Connection::open_with_flags(db, flags) else {
        return Vec::new();
    };
    if kind == Names::Tokens {
        let mut paths = working::stored(&conn)
            .ok()
            .flatten()
            .and_then(|data| working::paths(&data).ok())
            .unwrap_or_default();
        paths.sort_unstable();
        return paths;
    }
    let sql = match kind {
        Names::Tokens => return Vec::new(),
        Names::Components => "SELECT name FROM components ORDER BY position",
        Names::Versions => "SELECT version FROM versions ORDER BY id DESC",
        Names::Remotes => "SELECT name FROM remotes ORDER BY name",
    };
    let Ok(mut stmt) = conn.prepare(sql) else {
        return Vec::new();
    };
    stmt.query_map([], |r| r.get::<_, String>(0))
        .map(|rows| rows.flatten().collect())
        .unwrap_or_default()
}

/// What [`names`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// Token paths.
    Tokens,
    /// Component names.
    Components,
    /// Released versions, newest first.
    Versions,
    /// Remote names.
    Remotes,
}
