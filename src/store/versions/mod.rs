//! Released versions: immutable snapshots of tokens and components, stored as spans.
//!
//! Each distinct `(token path, content)` is one row holding the range of versions
//! `[since, until)` it belongs to. A release closes the rows whose content changed or
//! disappeared and opens rows for new content, so a release costs what changed, not
//! the size of the system; reading any version is one scan. What is not per token
//! (modes, groups, the order of tokens and components) is a layout, stored once per
//! distinct content and shared by the versions that have it.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

pub(super) mod delta;
mod encode;
pub(super) mod packed;
mod remote;

use super::{LoadError, Store, StoreError, begin_write, lift, sqlite_err};
use crate::model::{StoredComponent, Token, Tokens};
use delta::State;
pub(super) use delta::convert_spans;
use encode::{Encoded, build_snapshot, hex};
pub(super) use encode::{decode_group, decode_token, group_entry, token_entry};
use packed::Packed;
pub(super) use packed::pack_existing;
pub(super) use remote::pack_bases;
pub use remote::{PullWrite, Remote, RemoteBase};

/// A released version's record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VersionInfo {
    /// Release order (1 for the first release).
    #[serde(skip)]
    pub id: i64,
    /// The semver number.
    pub version: String,
    /// When (RFC 3339, UTC).
    pub created_at: String,
    /// Who released it.
    pub author: String,
    /// The release message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// sha256 of the snapshot's canonical form.
    pub content_hash: String,
    /// The bump the changes called for.
    pub bump: String,
    /// Whether a smaller bump than the changes called for was forced.
    pub forced: bool,
    /// Number of tokens.
    pub tokens: usize,
    /// Number of components.
    pub components: usize,
    /// The changelog section written for it.
    #[serde(skip)]
    pub changelog: String,
}

/// What `release` records besides the snapshot.
#[derive(Debug, Clone)]
pub struct NewVersion {
    /// The semver number.
    pub version: String,
    /// When.
    pub created_at: String,
    /// Who.
    pub author: String,
    /// The release message.
    pub message: Option<String>,
    /// The bump the changes called for.
    pub bump: String,
    /// Whether a smaller bump was forced.
    pub forced: bool,
    /// The changelog section.
    pub changelog: String,
}

/// A changelog a release staged: the temp file beside `CHANGELOG.md` and the hashes
/// that tell whether it can still be renamed into place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedChangelog {
    /// The temp file's name (in the changelog's directory).
    pub temp_file: String,
    /// sha256 (hex) of the `CHANGELOG.md` the new content was made from; `None`: none.
    pub base_hash: Option<String>,
    /// sha256 (hex) of the staged content.
    pub new_hash: String,
}

/// A changelog write that a release committed and did not finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingChangelog {
    /// The version it is for.
    pub version: String,
    /// The staged file.
    pub staged: StagedChangelog,
    /// The version's section; `None` when the version was deleted since.
    pub section: Option<String>,
}

/// The complete state a version holds.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Every token, group and mode.
    pub tokens: Tokens,
    /// Every component with its status and review record.
    pub components: Vec<StoredComponent>,
}

/// Entries by path or name, in order.
pub type Entries = Vec<(String, String)>;

/// Why stored parts do not make a [`Snapshot`].
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// An entry or the layout does not decode.
    #[error("{what}: {message}")]
    Corrupt {
        /// Which part (a token path, `component NAME`, `layout`).
        what: String,
        /// What is wrong with it.
        message: String,
    },
    /// Reading failed.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

const VERSION_COLUMNS: &str =
    "id, version, created_at, author, message, content_hash, bump, forced,
     token_count, component_count, changelog";

fn version_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<VersionInfo> {
    Ok(VersionInfo {
        id: r.get(0)?,
        version: r.get(1)?,
        created_at: r.get(2)?,
        author: r.get(3)?,
        message: r.get(4)?,
        content_hash: r.get(5)?,
        bump: r.get(6)?,
        forced: r.get(7)?,
        tokens: r.get(8)?,
        components: r.get(9)?,
        changelog: r.get::<_, Packed>(10)?.0,
    })
}

/// A stored part that does not decode, as the `SQLite` error the writers report.
fn load_to_sqlite(e: LoadError) -> rusqlite::Error {
    match e {
        LoadError::Sqlite(e) => e,
        LoadError::Corrupt(what, message) => rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Blob,
            format!("{what}: {message}").into(),
        ),
    }
}

fn load_snapshot(conn: &Connection, id: i64) -> Result<Snapshot, LoadError> {
    let Packed(layout) = conn.query_row(
        "SELECT l.data FROM versions v JOIN version_layouts l ON l.id = v.layout_id WHERE v.id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let state = delta::read(conn, id)?;
    build_snapshot(&layout, &state.tokens, &state.components)
}

/// Records each version whose number the store does not hold yet, in `tx`; returns
/// those recorded (versions learned from release files or from a team server).
pub(super) fn record_missing<'v>(
    tx: &Connection,
    versions: impl IntoIterator<Item = (&'v NewVersion, &'v Snapshot)>,
) -> rusqlite::Result<Vec<VersionInfo>> {
    let mut made = Vec::new();
    for (info, snap) in versions {
        let exists = tx.query_row(
            "SELECT count(*) FROM versions WHERE version = ?1",
            [&info.version],
            |r| r.get::<_, i64>(0),
        )? > 0;
        if exists {
            continue;
        }
        let encoded = snap.encode();
        let hash = encoded.hash();
        made.push(record_version(tx, info, &encoded, hash)?);
    }
    Ok(made)
}

/// Stores a version of `encoded` as the newest one (in the caller's transaction).
fn record_version(
    tx: &Connection,
    new: &NewVersion,
    encoded: &Encoded,
    hash: String,
) -> rusqlite::Result<VersionInfo> {
    let layout_hash = hex(&Sha256::digest(encoded.layout.as_bytes()));
    tx.execute(
        "INSERT OR IGNORE INTO version_layouts(hash, data) VALUES (?1, ?2)",
        params![layout_hash, packed::pack(&encoded.layout)],
    )?;
    let layout_id: i64 = tx.query_row(
        "SELECT id FROM version_layouts WHERE hash = ?1",
        [&layout_hash],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO versions(version, created_at, author, message, content_hash, bump, forced,
                              token_count, component_count, changelog, layout_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            new.version,
            new.created_at,
            new.author,
            new.message,
            hash,
            new.bump,
            new.forced,
            encoded.tokens.len(),
            encoded.components.len(),
            Packed(new.changelog.clone()),
            layout_id
        ],
    )?;
    let id = tx.last_insert_rowid();
    let prev = delta::read(tx, id - 1).map_err(load_to_sqlite)?;
    let next = State::of(&encoded.tokens, &encoded.components);
    delta::write(tx, id, &prev, &next)?;
    Ok(VersionInfo {
        id,
        version: new.version.clone(),
        created_at: new.created_at.clone(),
        author: new.author.clone(),
        message: new.message.clone(),
        content_hash: hash,
        bump: new.bump.clone(),
        forced: new.forced,
        tokens: encoded.tokens.len(),
        components: encoded.components.len(),
        changelog: new.changelog.clone(),
    })
}

impl Store {
    /// Every released version, oldest first.
    pub fn versions(&self) -> Result<Vec<VersionInfo>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {VERSION_COLUMNS} FROM versions ORDER BY id"
            ))
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], version_row).map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The version numbered `version` (a leading `v` is ignored).
    pub fn version(&self, version: &str) -> Result<Option<VersionInfo>, StoreError> {
        let v = version.strip_prefix('v').unwrap_or(version);
        self.conn
            .query_row(
                &format!("SELECT {VERSION_COLUMNS} FROM versions WHERE version = ?1"),
                [v],
                version_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The snapshot a version holds.
    pub fn snapshot(&self, version: &VersionInfo) -> Result<Snapshot, StoreError> {
        load_snapshot(&self.conn, version.id).map_err(|e| self.load_err(e))
    }

    /// The working state: tokens and components as stored now.
    pub fn working(&self) -> Result<Snapshot, StoreError> {
        Ok(Snapshot {
            tokens: self.load()?,
            components: self.components()?,
        })
    }

    /// Records a version of the working state. In one write transaction: checks that
    /// the working state still hashes to `expected_hash` (what the caller showed and
    /// checked) and that the newest version is still `after`, runs `stage` (which writes
    /// the new changelog to a temp file), stores the snapshot and notes the staged
    /// changelog as pending, then commits. The caller then puts the changelog in place
    /// with [`Store::finish_changelogs`]; after a crash the next run does. An error
    /// before the commit leaves no version (the caller removes its temp file).
    pub fn release<E: From<StoreError>>(
        &mut self,
        new: &NewVersion,
        expected_hash: &str,
        after: Option<&str>,
        stage: impl FnOnce() -> Result<StagedChangelog, E>,
    ) -> Result<VersionInfo, E> {
        // The version must be on disk before its changelog is renamed into place (WAL
        // with `synchronous = NORMAL` may lose the last commits on power loss).
        self.conn
            .execute_batch("PRAGMA synchronous = FULL")
            .map_err(|e| self.err(e))?;
        let out = self.release_in_transaction(new, expected_hash, after, stage);
        let _ = self.conn.execute_batch("PRAGMA synchronous = NORMAL");
        out
    }

    fn release_in_transaction<E: From<StoreError>>(
        &mut self,
        new: &NewVersion,
        expected_hash: &str,
        after: Option<&str>,
        stage: impl FnOnce() -> Result<StagedChangelog, E>,
    ) -> Result<VersionInfo, E> {
        let path = self.path.clone();
        let sq = sqlite_err(&path);
        let tx = begin_write(&mut self.conn, &path)?;
        let newest: Option<String> = tx
            .query_row(
                "SELECT version FROM versions ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(sq)?;
        if newest.as_deref() != after {
            return Err(StoreError::Conflict {
                path: path.clone(),
                what: format!(
                    "another release ({}) was made while releasing",
                    newest.as_deref().unwrap_or("none")
                ),
            }
            .into());
        }
        let snapshot = Snapshot {
            tokens: super::load(&tx, &path).map_err(|e| lift(&path, e))?,
            components: super::load_components(&tx).map_err(|e| lift(&path, e))?,
        };
        let encoded = snapshot.encode();
        let hash = encoded.hash();
        if hash != expected_hash {
            return Err(StoreError::Conflict {
                path: path.clone(),
                what: "the tokens or components changed while releasing".into(),
            }
            .into());
        }
        let staged = stage()?;
        super::crash_point("release-staged");
        let info = record_version(&tx, new, &encoded, hash).map_err(sq)?;
        tx.execute(
            "INSERT OR REPLACE INTO pending_changelog(version, temp_file, base_hash, new_hash)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                new.version,
                staged.temp_file,
                staged.base_hash,
                staged.new_hash
            ],
        )
        .map_err(sq)?;
        super::crash_point("release-changelog-written");
        tx.commit().map_err(sq)?;
        Ok(info)
    }

    /// Records versions learned elsewhere (release files in the repository), oldest
    /// first, as the newest ones, in one transaction; a version already there is
    /// skipped. With `rebuild`, every version is removed first (the list is then all of
    /// them, in release order). Returns the versions recorded.
    pub fn import_versions(
        &mut self,
        versions: &[(NewVersion, Snapshot)],
        rebuild: bool,
    ) -> Result<Vec<VersionInfo>, StoreError> {
        let path = self.path.clone();
        let sq = sqlite_err(&path);
        let tx = begin_write(&mut self.conn, &path)?;
        if rebuild {
            tx.execute_batch(
                "DELETE FROM version_deltas; DELETE FROM versions; DELETE FROM version_layouts;",
            )
            .map_err(sq)?;
        }
        let made = record_missing(&tx, versions.iter().map(|(i, s)| (i, s))).map_err(sq)?;
        tx.commit().map_err(sq)?;
        Ok(made)
    }

    /// Whether a release's changelog write is pending (committed, file not yet in place).
    pub fn has_pending_changelog(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM pending_changelog", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n > 0)
            .map_err(|e| self.err(e))
    }

    /// Finishes pending changelog writes under the write lock (so no release stages or
    /// commits meanwhile): `finish` gets every pending write (possibly none) and puts
    /// the files right; when it succeeds the pending rows are deleted, in the same
    /// transaction.
    pub fn finish_changelogs<E: From<StoreError>>(
        &mut self,
        finish: impl FnOnce(&[PendingChangelog]) -> Result<(), E>,
    ) -> Result<(), E> {
        let path = self.path.clone();
        let sq = sqlite_err(&path);
        let tx = begin_write(&mut self.conn, &path)?;
        let pending: Vec<PendingChangelog> = {
            let mut stmt = tx
                .prepare(
                    "SELECT p.version, p.temp_file, p.base_hash, p.new_hash, v.changelog
                     FROM pending_changelog p LEFT JOIN versions v ON v.version = p.version
                     ORDER BY v.id",
                )
                .map_err(sq)?;
            stmt.query_map([], |r| {
                Ok(PendingChangelog {
                    version: r.get(0)?,
                    staged: StagedChangelog {
                        temp_file: r.get(1)?,
                        base_hash: r.get(2)?,
                        new_hash: r.get(3)?,
                    },
                    section: r.get::<_, Option<Packed>>(4)?.map(|p| p.0),
                })
            })
            .and_then(Iterator::collect)
            .map_err(sq)?
        };
        finish(&pending)?;
        if !pending.is_empty() {
            tx.execute("DELETE FROM pending_changelog", [])
                .map_err(sq)?;
        }
        tx.commit().map_err(sq)?;
        Ok(())
    }

    /// Deletes a version; the versions around it keep their content.
    pub fn remove_version(&mut self, version: &VersionInfo) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sq = sqlite_err(&path);
        let tx = begin_write(&mut self.conn, &path)?;
        let v = version.id;
        let next: Option<i64> = tx
            .query_row("SELECT min(id) FROM versions WHERE id > ?1", [v], |r| {
                r.get(0)
            })
            .map_err(sq)?;
        // The next version's delta is remade against the version before this one, so
        // the versions around it keep their content.
        let lift_err = |e| lift(&path, e);
        let rebase = match next {
            Some(n) => Some((
                n,
                delta::read(&tx, v - 1).map_err(lift_err)?,
                delta::read(&tx, n).map_err(lift_err)?,
            )),
            None => None,
        };
        tx.execute("DELETE FROM version_deltas WHERE version_id = ?1", [v])
            .map_err(sq)?;
        if let Some((n, prev, next)) = rebase {
            delta::write(&tx, n, &prev, &next).map_err(sq)?;
        }
        tx.execute("DELETE FROM versions WHERE id = ?1", [v])
            .map_err(sq)?;
        tx.execute(
            "DELETE FROM version_layouts WHERE id NOT IN (SELECT layout_id FROM versions)",
            [],
        )
        .map_err(sq)?;
        tx.commit().map_err(sq)
    }

    /// The token at `path` in every version: `(version, token)` with `None` where the
    /// version does not have it. Oldest first.
    pub fn token_history(
        &self,
        path: &str,
    ) -> Result<Vec<(VersionInfo, Option<Token>)>, StoreError> {
        let versions = self.versions()?;
        let mut state = State::default();
        let mut out = Vec::with_capacity(versions.len());
        for v in versions {
            let data: Vec<u8> = self
                .conn
                .query_row(
                    "SELECT data FROM version_deltas WHERE version_id = ?1",
                    [v.id],
                    |r| r.get(0),
                )
                .map_err(|e| self.err(e))?;
            delta::apply(&mut state, &data).map_err(|e| self.load_err(e))?;
            let token = state
                .tokens
                .get(path)
                .map(|entry| decode_token(path, entry))
                .transpose()
                .map_err(|e| self.load_err(e))?;
            out.push((v, token));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{TokenPath, TokenType};
    use serde_json::{Value, json};
    use std::collections::HashMap;

    fn tokens(values: &[(&str, i64)]) -> Tokens {
        let list = values
            .iter()
            .map(|(p, v)| Token {
                path: TokenPath::new(*p),
                ty: TokenType::Number,
                explicit_type: true,
                value: json!(v),
                modes: vec![("dark".into(), json!(v + 1))],
                description: None,
                deprecated: None,
                extensions: None,
                set: "base".into(),
                source: None,
            })
            .collect();
        Tokens::new(list, Vec::new(), vec!["light".into(), "dark".into()])
    }

    fn release(store: &mut Store, version: &str, state: Tokens) {
        store.update(|_| Ok::<_, ()>(Some(state))).unwrap().unwrap();
        let hash = store.working().unwrap().content_hash();
        let new = NewVersion {
            version: version.into(),
            created_at: "2026-01-01T00:00:00Z".into(),
            author: "t".into(),
            message: None,
            bump: "minor".into(),
            forced: false,
            changelog: String::new(),
        };
        let after = store.versions().unwrap().pop().map(|v| v.version);
        let staged = StagedChangelog {
            temp_file: "x.tmp".into(),
            base_hash: None,
            new_hash: String::new(),
        };
        store
            .release(&new, &hash, after.as_deref(), || {
                Ok::<_, StoreError>(staged)
            })
            .unwrap();
        store
            .finish_changelogs(|p| {
                assert_eq!(p.len(), 1);
                Ok::<_, StoreError>(())
            })
            .unwrap();
        assert!(!store.has_pending_changelog().unwrap());
    }

    fn values(store: &Store, version: &str) -> Vec<(String, Value)> {
        let v = store.version(version).unwrap().unwrap();
        let snap = store.snapshot(&v).unwrap();
        assert_eq!(snap.content_hash(), v.content_hash);
        snap.tokens
            .tokens
            .iter()
            .map(|t| (t.path.to_string(), t.value.clone()))
            .collect()
    }

    #[test]
    fn versions_read_back_and_survive_removal_of_a_neighbour() {
        let mut store = Store::open_in_memory().unwrap();
        release(&mut store, "1.0.0", tokens(&[("a", 1), ("b", 1), ("c", 1)]));
        release(&mut store, "1.1.0", tokens(&[("a", 2), ("b", 1), ("d", 1)]));
        release(&mut store, "1.2.0", tokens(&[("a", 3), ("b", 1), ("d", 2)]));
        let before: Vec<_> = ["1.0.0", "1.2.0"]
            .iter()
            .map(|v| values(&store, v))
            .collect();
        assert_eq!(
            before[0],
            vec![
                ("a".into(), json!(1)),
                ("b".into(), json!(1)),
                ("c".into(), json!(1))
            ]
        );
        let middle = store.version("1.1.0").unwrap().unwrap();
        store.remove_version(&middle).unwrap();
        assert_eq!(values(&store, "1.0.0"), before[0]);
        assert_eq!(values(&store, "1.2.0"), before[1]);
        let last = store.version("1.2.0").unwrap().unwrap();
        store.remove_version(&last).unwrap();
        release(&mut store, "1.3.0", tokens(&[("a", 1), ("b", 1), ("c", 1)]));
        assert_eq!(values(&store, "1.3.0"), before[0]);
        let history = store.token_history("a").unwrap();
        let seen: Vec<_> = history
            .iter()
            .map(|(v, t)| (v.version.as_str(), t.as_ref().map(|t| t.value.clone())))
            .collect();
        assert_eq!(
            seen,
            vec![("1.0.0", Some(json!(1))), ("1.3.0", Some(json!(1)))]
        );
    }

    /// Rewrites a store's version content in the span layout of migrations 0004-0007
    /// (what older binaries wrote) and marks it as such.
    fn downgrade_to_spans(store: &Store) {
        let conn = &store.conn;
        conn.execute_batch(
            "CREATE TABLE version_tokens (path TEXT NOT NULL, since INTEGER NOT NULL,
                 until INTEGER, entry TEXT NOT NULL, PRIMARY KEY (path, since)) WITHOUT ROWID;
             CREATE TABLE version_components (name TEXT NOT NULL, since INTEGER NOT NULL,
                 until INTEGER, entry TEXT NOT NULL, PRIMARY KEY (name, since)) WITHOUT ROWID;",
        )
        .unwrap();
        let ids: Vec<i64> = store.versions().unwrap().iter().map(|v| v.id).collect();
        for (table, key) in [("version_tokens", "path"), ("version_components", "name")] {
            let mut open: HashMap<String, (i64, String)> = HashMap::new();
            let mut rows: Vec<(String, i64, Option<i64>, String)> = vec![];
            for &id in &ids {
                let state = delta::read(conn, id).unwrap();
                let now = if key == "path" {
                    state.tokens
                } else {
                    state.components
                };
                let keys: Vec<String> = open.keys().cloned().collect();
                for k in keys {
                    if now.get(&k) != Some(&open[&k].1) {
                        let (since, entry) = open.remove(&k).unwrap();
                        rows.push((k, since, Some(id), entry));
                    }
                }
                for (k, entry) in now {
                    open.entry(k).or_insert((id, entry));
                }
            }
            rows.extend(open.into_iter().map(|(k, (since, e))| (k, since, None, e)));
            for (k, since, until, entry) in rows {
                conn.execute(
                    &format!(
                        "INSERT INTO {table}({key}, since, until, entry) VALUES (?1, ?2, ?3, ?4)"
                    ),
                    params![k, since, until, entry],
                )
                .unwrap();
            }
        }
        // Before 0009: changelogs and layouts as plain text, tokens with `updated_at`.
        for (table, column) in [("versions", "changelog"), ("version_layouts", "data")] {
            let rows: Vec<(i64, Packed)> = conn
                .prepare(&format!("SELECT id, {column} FROM {table}"))
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for (id, Packed(text)) in rows {
                conn.execute(
                    &format!("UPDATE {table} SET {column} = ?1 WHERE id = ?2"),
                    params![text, id],
                )
                .unwrap();
            }
        }
        crate::store::rows_as_before_0009(conn, &store.load().unwrap());
        conn.execute_batch("DROP TABLE version_deltas; PRAGMA user_version = 7;")
            .unwrap();
    }

    #[test]
    fn a_store_in_the_span_layout_migrates_and_reads_back_identical() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("opends.db");
        let mut store = Store::open(&path).unwrap();
        release(&mut store, "1.0.0", tokens(&[("a", 1), ("b", 1), ("c", 1)]));
        release(&mut store, "1.1.0", tokens(&[("a", 2), ("b", 1), ("d", 1)]));
        release(&mut store, "1.2.0", tokens(&[("a", 3), ("b", 1), ("d", 2)]));
        release(&mut store, "1.3.0", tokens(&[("a", 1), ("e", 1)]));
        let middle = store.version("1.1.0").unwrap().unwrap();
        store.remove_version(&middle).unwrap();
        release(&mut store, "1.4.0", tokens(&[("a", 1), ("e", 1), ("f", 5)]));
        let names = ["1.0.0", "1.2.0", "1.3.0", "1.4.0"];
        let before: Vec<_> = names.iter().map(|v| values(&store, v)).collect();
        let history = store.token_history("a").unwrap();
        let changelogs: Vec<String> = store
            .versions()
            .unwrap()
            .into_iter()
            .map(|v| v.changelog)
            .collect();
        let working = store.load().unwrap();
        assert_eq!(working.tokens.len(), 3);
        downgrade_to_spans(&store);
        drop(store);

        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), 9);
        assert_eq!(store.load().unwrap().tokens, working.tokens);
        let after: Vec<_> = names.iter().map(|v| values(&store, v)).collect();
        assert_eq!(after, before);
        let now: Vec<String> = store
            .versions()
            .unwrap()
            .into_iter()
            .map(|v| v.changelog)
            .collect();
        assert_eq!(now, changelogs);
        let plain: i64 = store
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM versions WHERE typeof(changelog) = 'text')
                      + (SELECT count(*) FROM version_layouts WHERE typeof(data) = 'text')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(plain, 0, "0009 packs every changelog and layout");
        assert_eq!(store.token_history("a").unwrap(), history);
        let tables: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'version_tokens%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0);
        // And it goes on releasing from the converted content.
        release(&mut store, "1.5.0", tokens(&[("a", 1), ("f", 6)]));
        assert_eq!(values(&store, "1.4.0"), before[3]);
        assert_eq!(values(&store, "1.5.0").len(), 2);
    }
}
