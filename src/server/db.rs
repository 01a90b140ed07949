//! The server's storage: one [`Storage`] trait, implemented for SQLite (embedded, the
//! default) and PostgreSQL (several servers sharing one database).
//!
//! The server's logic (`server::repo`) is written once against [`Conn`]: SQL with `$1`
//! placeholders that both databases accept, plain values in and out, and explicit
//! transactions. A write transaction starts by updating the single `state` row, which
//! takes SQLite's write lock (the transaction is `BEGIN IMMEDIATE`) and PostgreSQL's row
//! lock, so concurrent writers, also in other processes, serialize there.

use std::error::Error;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::types::{Value as SqlValue, ValueRef};

/// A value crossing the storage boundary.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// SQL NULL.
    Null,
    /// A 64-bit integer.
    Int(i64),
    /// Text.
    Text(String),
}

impl Val {
    /// The integer, if it is one.
    pub fn int(&self) -> Option<i64> {
        match self {
            Self::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The text, if it is some.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The text, owned (empty for NULL).
    pub fn string(&self) -> String {
        self.text().unwrap_or_default().to_string()
    }

    /// The text, or `None` for NULL.
    pub fn opt_string(&self) -> Option<String> {
        self.text().map(str::to_string)
    }
}

impl From<i64> for Val {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}

impl From<&str> for Val {
    fn from(v: &str) -> Self {
        Self::Text(v.to_string())
    }
}

impl From<String> for Val {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}

impl From<Option<String>> for Val {
    fn from(v: Option<String>) -> Self {
        v.map_or(Self::Null, Self::Text)
    }
}

impl From<bool> for Val {
    fn from(v: bool) -> Self {
        Self::Int(i64::from(v))
    }
}

/// A row: its values in column order.
pub type Row = Vec<Val>;

/// A storage failure. `Unavailable` is the database being unreachable (HTTP 503).
///
/// Each kind carries a [`Detail`]: the message for logs and, when the database driver
/// (or the file system) raised the failure, that error as the [`Error::source`].
#[derive(Debug)]
pub enum DbError {
    /// The database cannot be reached or opened.
    Unavailable(Detail),
    /// A statement failed.
    Query(Detail),
    /// A unique constraint was violated.
    Conflict(Detail),
}

impl DbError {
    /// What it says and what caused it.
    pub fn detail(&self) -> &Detail {
        match self {
            Self::Unavailable(d) | Self::Query(d) | Self::Conflict(d) => d,
        }
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable(d) => write!(f, "database unavailable: {d}"),
            Self::Query(d) => write!(f, "database error: {d}"),
            Self::Conflict(d) => write!(f, "already exists: {d}"),
        }
    }
}

impl Error for DbError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.detail().source.as_ref().map(DbSource::as_error)
    }
}

/// The message of a [`DbError`] (its text after the kind; for a driver error, the part
/// fit for logs: PostgreSQL's message without the statement, URLs without passwords) and
/// the error that caused it, if any.
#[derive(Debug)]
pub struct Detail {
    message: String,
    source: Option<DbSource>,
}

impl Detail {
    fn caused_by(message: impl Into<String>, source: impl Into<DbSource>) -> Self {
        Self {
            message: message.into(),
            source: Some(source.into()),
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The error that caused it, if the driver or the file system raised it.
    pub fn cause(&self) -> Option<&DbSource> {
        self.source.as_ref()
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<String> for Detail {
    fn from(message: String) -> Self {
        Self {
            message,
            source: None,
        }
    }
}

impl From<&str> for Detail {
    fn from(message: &str) -> Self {
        message.to_string().into()
    }
}

/// The error beneath a [`DbError`].
#[derive(Debug, thiserror::Error)]
pub enum DbSource {
    /// From SQLite.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// From PostgreSQL.
    #[error(transparent)]
    Postgres(#[from] postgres::Error),
    /// From the file system (the data directory).
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl DbSource {
    fn as_error(&self) -> &(dyn Error + 'static) {
        match self {
            Self::Sqlite(e) => e,
            Self::Postgres(e) => e,
            Self::Io(e) => e,
        }
    }
}

/// Which SQL dialect a connection speaks (for the few statements that differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// One database connection.
pub trait Conn {
    /// Runs a statement; returns the number of rows changed.
    fn exec(&mut self, sql: &str, params: &[Val]) -> Result<u64, DbError>;
    /// Runs several statements without parameters as one batch, parsed by the database
    /// itself (so `;` and `--` inside string literals are text, not separators).
    fn exec_batch(&mut self, sql: &str) -> Result<(), DbError>;
    /// Runs a query; returns its rows.
    fn query(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Row>, DbError>;
    /// Starts a write transaction.
    fn begin(&mut self) -> Result<(), DbError>;
    /// Commits it.
    fn commit(&mut self) -> Result<(), DbError>;
    /// Rolls it back (best effort).
    fn rollback(&mut self);
    /// The dialect.
    fn dialect(&self) -> Dialect;
}

/// Where the server keeps its data.
pub trait Storage: Send + Sync + 'static {
    /// Runs `f` on a connection from the pool.
    fn with_conn<T>(
        &self,
        f: impl FnOnce(&mut dyn Conn) -> Result<T, DbError>,
    ) -> Result<T, DbError>;
    /// Creates or upgrades the schema.
    fn migrate(&self) -> Result<(), DbError>;
    /// What it is, for logs (never a password).
    fn describe(&self) -> String;
}

/// Runs `f` in a write transaction: committed when it returns `Ok`, rolled back otherwise.
pub fn transaction<T, E: From<DbError>>(
    conn: &mut dyn Conn,
    f: impl FnOnce(&mut dyn Conn) -> Result<T, E>,
) -> Result<T, E> {
    conn.begin()?;
    match f(conn) {
        Ok(v) => {
            conn.commit()?;
            Ok(v)
        }
        Err(e) => {
            conn.rollback();
            Err(e)
        }
    }
}

/// The schema steps, written once for both databases (see the file's header).
const SCHEMA: &[&str] = &[
    include_str!("migrations/0001_server.sql"),
    include_str!("migrations/0002_login_attempts.sql"),
];

/// A schema step in `dialect`'s words.
fn schema(step: &str, dialect: Dialect) -> String {
    let (key, serial) = match dialect {
        Dialect::Sqlite => ("TEXT", "INTEGER"),
        Dialect::Postgres => ("TEXT COLLATE \"C\"", "BIGSERIAL"),
    };
    step.replace("{key}", key).replace("{serial}", serial)
}

/// SQLite in a data directory: a small pool of connections (WAL: readers never wait for
/// the writer).
pub struct SqliteStorage {
    path: PathBuf,
    pool: Mutex<Vec<rusqlite::Connection>>,
    /// What opening changed to make the data private (for a warning).
    pub tightened: Vec<String>,
}

struct SqliteConn<'a> {
    conn: &'a mut rusqlite::Connection,
}

fn sqlite_err(e: rusqlite::Error) -> DbError {
    let detail = |e: rusqlite::Error| Detail::caused_by(e.to_string(), e);
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            DbError::Conflict(detail(e))
        }
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::NotADatabase
                    | rusqlite::ErrorCode::SystemIoFailure
                    | rusqlite::ErrorCode::DatabaseCorrupt
                    | rusqlite::ErrorCode::ReadOnly
            ) =>
        {
            DbError::Unavailable(detail(e))
        }
        _ => DbError::Query(detail(e)),
    }
}

fn to_sql(v: &Val) -> SqlValue {
    match v {
        Val::Null => SqlValue::Null,
        Val::Int(i) => SqlValue::Integer(*i),
        Val::Text(s) => SqlValue::Text(s.clone()),
    }
}

impl Conn for SqliteConn<'_> {
    fn exec(&mut self, sql: &str, params: &[Val]) -> Result<u64, DbError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(sqlite_err)?;
        let n = stmt
            .execute(rusqlite::params_from_iter(params.iter().map(to_sql)))
            .map_err(sqlite_err)?;
        Ok(n as u64)
    }

    fn query(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Row>, DbError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(sqlite_err)?;
        let cols = stmt.column_count();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params.iter().map(to_sql)))
            .map_err(sqlite_err)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(sqlite_err)? {
            let mut row = Vec::with_capacity(cols);
            for i in 0..cols {
                row.push(match r.get_ref(i).map_err(sqlite_err)? {
                    ValueRef::Null => Val::Null,
                    ValueRef::Integer(n) => Val::Int(n),
                    ValueRef::Real(f) => Val::Text(f.to_string()),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Val::Text(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            out.push(row);
        }
        Ok(out)
    }

    fn exec_batch(&mut self, sql: &str) -> Result<(), DbError> {
        self.conn.execute_batch(sql).map_err(sqlite_err)
    }

    fn begin(&mut self) -> Result<(), DbError> {
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(sqlite_err)
    }

    fn commit(&mut self) -> Result<(), DbError> {
        self.conn.execute_batch("COMMIT").map_err(sqlite_err)
    }

    fn rollback(&mut self) {
        let _ = self.conn.execute_batch("ROLLBACK");
    }

    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }
}

impl SqliteStorage {
    /// The store in `dir` (created if needed): `dir/server.db`. On Unix the directory is
    /// made 0700 and the database files (with `-wal` and `-shm`) 0600, also when an
    /// existing installation was looser: what was changed is in `tightened`.
    pub fn open(dir: &Path) -> Result<Self, DbError> {
        let unavailable = |what: &Path, e: std::io::Error| {
            DbError::Unavailable(Detail::caused_by(
                format!("could not create `{}`: {e}", what.display()),
                e,
            ))
        };
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| unavailable(parent, e))?;
        }
        private::create_dir(dir).map_err(|e| unavailable(dir, e))?;
        let path = dir.join("server.db");
        // The signing key is written into this file: it never exists with looser modes.
        private::create_file(&path).map_err(|e| unavailable(&path, e))?;
        let mut tightened = Vec::new();
        private::tighten(dir, &mut tightened);
        let mut storage = Self {
            path,
            pool: Mutex::new(Vec::new()),
            tightened: Vec::new(),
        };
        // Opening checks the file now rather than at the first request.
        let conn = storage.connect()?;
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = storage.path.clone().into_os_string();
            name.push(suffix);
            private::tighten(Path::new(&name), &mut tightened);
        }
        storage.tightened = tightened;
        storage.pool.lock().expect("pool").push(conn);
        Ok(storage)
    }

    fn connect(&self) -> Result<rusqlite::Connection, DbError> {
        if let Some(dir) = self.path.parent() {
            if !dir.is_dir() {
                return Err(DbError::Unavailable(
                    format!("the data directory `{}` is gone", dir.display()).into(),
                ));
            }
        }
        let conn = rusqlite::Connection::open(&self.path).map_err(sqlite_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sqlite_err)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )
        .map_err(sqlite_err)?;
        Ok(conn)
    }
}

impl Storage for SqliteStorage {
    fn with_conn<T>(
        &self,
        f: impl FnOnce(&mut dyn Conn) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let pooled = self.pool.lock().expect("pool").pop();
        let mut conn = match pooled {
            Some(c) => c,
            None => self.connect()?,
        };
        // The file may have been removed under a running server: report it, don't
        // write into an unlinked inode.
        if !self.path.exists() {
            return Err(DbError::Unavailable(
                format!("`{}` is missing", self.path.display()).into(),
            ));
        }
        let result = f(&mut SqliteConn { conn: &mut conn });
        let mut pool = self.pool.lock().expect("pool");
        if pool.len() < 16 {
            pool.push(conn);
        }
        result
    }

    fn migrate(&self) -> Result<(), DbError> {
        self.with_conn(|c| migrate(c, SCHEMA))
    }

    fn describe(&self) -> String {
        format!("sqlite:{}", self.path.display())
    }
}

/// Owner-only files and directories for the server's data (Unix; elsewhere the platform's
/// defaults apply).
mod private {
    use std::path::Path;

    /// Creates `dir` (not its parents) owner-only, if it does not exist.
    pub(super) fn create_dir(dir: &Path) -> std::io::Result<()> {
        let mut b = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        match b.create(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
            other => other,
        }
    }

    /// Creates an empty owner-only file, if none exists.
    pub(super) fn create_file(path: &Path) -> std::io::Result<()> {
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
        match o.open(path) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            other => other.map(drop),
        }
    }

    /// Removes group and other permissions from `path` if it has any; says so in `notes`.
    #[cfg(unix)]
    pub(super) fn tighten(path: &Path, notes: &mut Vec<String>) {
        use std::os::unix::fs::PermissionsExt as _;
        let Ok(meta) = std::fs::metadata(path) else {
            return;
        };
        let mode = meta.permissions().mode() & 0o7777;
        if mode.trailing_zeros() >= 6 {
            return;
        }
        let private = mode & 0o700;
        match std::fs::set_permissions(path, std::fs::Permissions::from_mode(private)) {
            Ok(()) => notes.push(format!(
                "`{}` was accessible to other users (mode {mode:o}); changed it to {private:o}",
                path.display()
            )),
            Err(e) => notes.push(format!(
                "`{}` is accessible to other users (mode {mode:o}) and could not be changed: {e}; make it {private:o}",
                path.display()
            )),
        }
    }

    #[cfg(not(unix))]
    pub(super) fn tighten(_path: &Path, _notes: &mut Vec<String>) {}
}

/// Applies the numbered schema steps not applied yet, in order (`schema_version` table).
///
/// Each step runs as one batch, parsed by the database (a `;` or `--` inside a string
/// literal is text), in its own transaction together with its `schema_version` row: a
/// step that fails leaves no trace and is tried again at the next start.
fn migrate(c: &mut dyn Conn, steps: &[&str]) -> Result<(), DbError> {
    c.exec(
        "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)",
        &[],
    )?;
    loop {
        let applied = transaction(c, |c| {
            // Several servers may start at once: the first one's migration wins.
            if c.dialect() == Dialect::Postgres {
                c.exec("LOCK TABLE schema_version IN EXCLUSIVE MODE", &[])?;
            }
            let rows = c.query("SELECT max(version) FROM schema_version", &[])?;
            let have = rows
                .first()
                .and_then(|r| r[0].int())
                .map_or(0, |v| usize::try_from(v).unwrap_or(0));
            let Some(step) = steps.get(have) else {
                return Ok(false);
            };
            c.exec_batch(&schema(step, c.dialect()))?;
            c.exec(
                "INSERT INTO schema_version(version) VALUES ($1)",
                &[Val::Int(i64::try_from(have + 1).unwrap_or(i64::MAX))],
            )?;
            Ok::<_, DbError>(true)
        })?;
        if !applied {
            return Ok(());
        }
    }
}

/// PostgreSQL: a small pool of connections to one database URL.
pub struct PostgresStorage {
    url: String,
    pool: Mutex<Vec<postgres::Client>>,
}

struct PgConn<'a> {
    client: &'a mut postgres::Client,
}

fn pg_err(e: postgres::Error) -> DbError {
    if let Some(db) = e.as_db_error() {
        let conflict = db.code() == &postgres::error::SqlState::UNIQUE_VIOLATION;
        let message = db.message().to_string();
        let detail = Detail::caused_by(message, e);
        return if conflict {
            DbError::Conflict(detail)
        } else {
            DbError::Query(detail)
        };
    }
    // Not an answer from the database: the connection is the problem.
    DbError::Unavailable(Detail::caused_by(e.to_string(), e))
}

fn pg_params(params: &[Val]) -> Vec<Box<dyn postgres::types::ToSql + Sync>> {
    params
        .iter()
        .map(|v| -> Box<dyn postgres::types::ToSql + Sync> {
            match v {
                Val::Null => Box::new(Option::<String>::None),
                Val::Int(i) => Box::new(*i),
                Val::Text(s) => Box::new(s.clone()),
            }
        })
        .collect()
}

impl Conn for PgConn<'_> {
    fn exec(&mut self, sql: &str, params: &[Val]) -> Result<u64, DbError> {
        let boxed = pg_params(params);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            boxed.iter().map(AsRef::as_ref).collect();
        let stmt = self.client.prepare(sql).map_err(pg_err)?;
        self.client.execute(&stmt, &refs).map_err(pg_err)
    }

    fn query(&mut self, sql: &str, params: &[Val]) -> Result<Vec<Row>, DbError> {
        use postgres::types::Type;
        let boxed = pg_params(params);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            boxed.iter().map(AsRef::as_ref).collect();
        let stmt = self.client.prepare(sql).map_err(pg_err)?;
        let rows = self.client.query(&stmt, &refs).map_err(pg_err)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let mut row = Vec::with_capacity(r.len());
            for (i, col) in r.columns().iter().enumerate() {
                let ty = col.type_();
                let v = if *ty == Type::INT8 {
                    r.try_get::<_, Option<i64>>(i).ok().flatten().map(Val::Int)
                } else if *ty == Type::INT4 {
                    r.try_get::<_, Option<i32>>(i)
                        .ok()
                        .flatten()
                        .map(|n| Val::Int(i64::from(n)))
                } else if *ty == Type::INT2 {
                    r.try_get::<_, Option<i16>>(i)
                        .ok()
                        .flatten()
                        .map(|n| Val::Int(i64::from(n)))
                } else if *ty == Type::BOOL {
                    r.try_get::<_, Option<bool>>(i)
                        .ok()
                        .flatten()
                        .map(|b| Val::Int(i64::from(b)))
                } else {
                    r.try_get::<_, Option<String>>(i)
                        .ok()
                        .flatten()
                        .map(Val::Text)
                };
                row.push(v.unwrap_or(Val::Null));
            }
            out.push(row);
        }
        Ok(out)
    }

    fn exec_batch(&mut self, sql: &str) -> Result<(), DbError> {
        self.client.batch_execute(sql).map_err(pg_err)
    }

    fn begin(&mut self) -> Result<(), DbError> {
        self.client.batch_execute("BEGIN").map_err(pg_err)
    }

    fn commit(&mut self) -> Result<(), DbError> {
        self.client.batch_execute("COMMIT").map_err(pg_err)
    }

    fn rollback(&mut self) {
        let _ = self.client.batch_execute("ROLLBACK");
    }

    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }
}

impl PostgresStorage {
    /// Connects to `url` (`postgres://user:pass@host:port/db`).
    pub fn open(url: &str) -> Result<Self, DbError> {
        let storage = Self {
            url: url.to_string(),
            pool: Mutex::new(Vec::new()),
        };
        let client = storage.connect()?;
        storage.pool.lock().expect("pool").push(client);
        Ok(storage)
    }

    fn connect(&self) -> Result<postgres::Client, DbError> {
        let mut config: postgres::Config = self.url.parse().map_err(|e: postgres::Error| {
            DbError::Unavailable(Detail::caused_by(format!("bad database URL: {e}"), e))
        })?;
        config.connect_timeout(std::time::Duration::from_secs(5));
        config
            .connect(postgres::NoTls)
            .map_err(|e| DbError::Unavailable(Detail::caused_by(redact_url(&e.to_string()), e)))
    }
}

/// A database URL or message with any password replaced by `***`.
pub fn redact_url(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| c == '/' || c.is_whitespace())
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match (authority.rfind('@'), authority.find(':')) {
            (Some(at), Some(colon)) if colon < at => {
                out.push_str(&authority[..colon]);
                out.push_str(":***");
                out.push_str(&authority[at..]);
            }
            _ => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

impl Storage for PostgresStorage {
    fn with_conn<T>(
        &self,
        f: impl FnOnce(&mut dyn Conn) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let pooled = self.pool.lock().expect("pool").pop();
        let mut client = match pooled {
            Some(c) if !c.is_closed() => c,
            _ => self.connect()?,
        };
        let result = f(&mut PgConn {
            client: &mut client,
        });
        if !client.is_closed() {
            let mut pool = self.pool.lock().expect("pool");
            if pool.len() < 16 {
                pool.push(client);
            }
        }
        result
    }

    fn migrate(&self) -> Result<(), DbError> {
        self.with_conn(|c| migrate(c, SCHEMA))
    }

    fn describe(&self) -> String {
        format!("postgres:{}", redact_url(&self.url))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A migration whose string literals hold what a naive splitter would cut at.
    const TRICKY: &[&str] = &[
        "-- notes; with a comment that has a ; in it\n\
         CREATE TABLE notes (id {serial} PRIMARY KEY, body TEXT NOT NULL); -- trailing; comment\n\
         INSERT INTO notes(body) VALUES ('a;b');\n\
         INSERT INTO notes(body) VALUES ('-- not a comment');\n\
         INSERT INTO notes(body) VALUES ('x'';--''y');\n",
        "ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT ';--';",
    ];

    fn check_tricky(c: &mut dyn Conn) {
        migrate(c, TRICKY).unwrap();
        // Again: nothing left to apply.
        migrate(c, TRICKY).unwrap();
        let rows = c
            .query("SELECT body, tag FROM notes ORDER BY id", &[])
            .unwrap();
        let got: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r[0].string(), r[1].string()))
            .collect();
        let want = [
            ("a;b", ";--"),
            ("-- not a comment", ";--"),
            ("x';--'y", ";--"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(b, t)| ((*b).to_string(), (*t).to_string()))
            .collect();
        assert_eq!(got, want);
        let versions = c
            .query("SELECT version FROM schema_version ORDER BY version", &[])
            .unwrap();
        assert_eq!(versions, vec![vec![Val::Int(1)], vec![Val::Int(2)]]);
    }

    #[test]
    fn sqlite_migrations_run_each_file_as_one_batch() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        check_tricky(&mut SqliteConn { conn: &mut conn });
    }

    #[test]
    fn a_failing_migration_leaves_no_trace() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        let c = &mut SqliteConn { conn: &mut conn };
        let steps = [
            TRICKY[0],
            "CREATE TABLE half (id INTEGER); INSERT INTO missing VALUES (1);",
        ];
        let err = migrate(c, &steps).unwrap_err();
        assert!(matches!(err, DbError::Query(_)), "{err:?}");
        assert!(err.to_string().contains("no such table: missing"), "{err}");
        // The driver's error is kept as the source.
        let source = err.source().expect("a source");
        assert!(source.downcast_ref::<rusqlite::Error>().is_some());
        // The first step stayed applied, the second left nothing behind.
        let tables = c
            .query(
                "SELECT name FROM sqlite_master WHERE name IN ('notes', 'half') ORDER BY name",
                &[],
            )
            .unwrap();
        assert_eq!(tables, vec![vec![Val::Text("notes".into())]]);
        let versions = c
            .query("SELECT max(version) FROM schema_version", &[])
            .unwrap();
        assert_eq!(versions, vec![vec![Val::Int(1)]]);
    }

    #[test]
    fn constraint_violations_are_conflicts_with_their_source() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        let c = &mut SqliteConn { conn: &mut conn };
        c.exec("CREATE TABLE t (k TEXT PRIMARY KEY)", &[]).unwrap();
        c.exec("INSERT INTO t VALUES ($1)", &["a".into()]).unwrap();
        let err = c
            .exec("INSERT INTO t VALUES ($1)", &["a".into()])
            .unwrap_err();
        let DbError::Conflict(detail) = &err else {
            panic!("not a conflict: {err:?}");
        };
        assert!(matches!(detail.cause(), Some(DbSource::Sqlite(_))));
        assert_eq!(
            err.to_string(),
            format!("already exists: {}", detail.message())
        );
        // A message made by hand has no source.
        let plain = DbError::Query("no state row".into());
        assert_eq!(plain.to_string(), "database error: no state row");
        assert!(plain.source().is_none());
    }

    /// The PostgreSQL of tests/pg/start.sh (or `OPENDS_TEST_DATABASE_URL`), with a fresh
    /// database `name`.
    fn fresh_postgres(name: &str) -> String {
        let base = std::env::var("OPENDS_TEST_DATABASE_URL").unwrap_or_else(|_| {
            let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pg/start.sh");
            let out = std::process::Command::new("bash")
                .arg(script)
                .stderr(std::process::Stdio::inherit())
                .output()
                .expect("run tests/pg/start.sh");
            assert!(
                out.status.success(),
                "tests/pg/start.sh could not start PostgreSQL"
            );
            String::from_utf8(out.stdout).unwrap().trim().to_string()
        });
        let (root, _) = base.rsplit_once('/').expect("a database in the URL");
        let mut admin =
            postgres::Client::connect(&format!("{root}/postgres"), postgres::NoTls).unwrap();
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        format!("{root}/{name}")
    }

    #[test]
    fn postgres_migrations_run_each_file_as_one_batch() {
        let url = fresh_postgres("opends_unit_migrations");
        let storage = PostgresStorage::open(&url).unwrap();
        storage
            .with_conn(|c| {
                check_tricky(c);
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn urls_lose_their_passwords() {
        assert_eq!(
            redact_url("postgres://ops:s3cret@db:5432/ds"),
            "postgres://ops:***@db:5432/ds"
        );
        assert_eq!(redact_url("postgres://db/ds"), "postgres://db/ds");
        assert_eq!(
            redact_url("error connecting to postgres://a:b@h/x: refused"),
            "error connecting to postgres://a:***@h/x: refused"
        );
    }
}
