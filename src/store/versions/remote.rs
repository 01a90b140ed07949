//! Remotes: the team servers a store pushes to and pulls from, the state each had at
//! the last sync, and what a pull writes.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::{NewVersion, Snapshot, VersionInfo, record_missing};
use crate::store::{Store, StoreError, begin_write, lift, sqlite_err};

/// A remote: a team server this store pushes to and pulls from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Remote {
    /// Its name.
    pub name: String,
    /// Its base URL.
    pub url: String,
    /// The server revision the store last synced with.
    pub revision: i64,
    /// The last server version (by sequence) pulled.
    pub versions_seq: i64,
}

/// The state a remote had at the last sync: layout and entries by key.
#[derive(Debug, Clone, Default)]
pub struct RemoteBase {
    /// The layout.
    pub layout: Option<String>,
    /// Token entries by path.
    pub tokens: HashMap<String, String>,
    /// Component entries by name.
    pub components: HashMap<String, String>,
}

/// What a pull writes, all in one transaction.
pub struct PullWrite<'a> {
    /// The remote.
    pub remote: &'a str,
    /// The new working state.
    pub working: &'a Snapshot,
    /// The remote's state now.
    pub base: &'a RemoteBase,
    /// The remote's revision now.
    pub revision: i64,
    /// The last server version pulled.
    pub versions_seq: i64,
    /// Server versions to record, oldest first.
    pub versions: Vec<(NewVersion, Snapshot)>,
}

fn write_base(tx: &Connection, remote: &str, base: &RemoteBase) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM remote_base WHERE remote = ?1", [remote])?;
    let mut insert =
        tx.prepare("INSERT INTO remote_base(remote, kind, key, entry) VALUES (?1, ?2, ?3, ?4)")?;
    if let Some(l) = &base.layout {
        insert.execute(params![remote, "layout", "", l])?;
    }
    for (k, e) in &base.tokens {
        insert.execute(params![remote, "token", k, e])?;
    }
    for (k, e) in &base.components {
        insert.execute(params![remote, "component", k, e])?;
    }
    Ok(())
}

impl Store {
    /// Every remote.
    pub fn remotes(&self) -> Result<Vec<Remote>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, url, revision, versions_seq FROM remotes ORDER BY name")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Remote {
                    name: r.get(0)?,
                    url: r.get(1)?,
                    revision: r.get(2)?,
                    versions_seq: r.get(3)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Adds (or, with `replace`, re-points) a remote; `false` when it exists already.
    pub fn add_remote(&mut self, name: &str, url: &str) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO remotes(name, url) VALUES (?1, ?2)",
                params![name, url],
            )
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
    }

    /// Removes a remote and what the store knew of it.
    pub fn remove_remote(&mut self, name: &str) -> Result<bool, StoreError> {
        let n = self
            .conn
            .execute("DELETE FROM remotes WHERE name = ?1", [name])
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
    }

    /// The remote's state at the last sync.
    pub fn remote_base(&self, name: &str) -> Result<RemoteBase, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT kind, key, entry FROM remote_base WHERE remote = ?1")
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([name]).map_err(|e| self.err(e))?;
        let mut base = RemoteBase::default();
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let kind: String = r.get(0).map_err(|e| self.err(e))?;
            let key: String = r.get(1).map_err(|e| self.err(e))?;
            let entry: String = r.get(2).map_err(|e| self.err(e))?;
            match kind.as_str() {
                "layout" => base.layout = Some(entry),
                "token" => {
                    base.tokens.insert(key, entry);
                }
                _ => {
                    base.components.insert(key, entry);
                }
            }
        }
        Ok(base)
    }

    /// After a push: the remote now has `base` at `revision`.
    pub fn finish_push(
        &mut self,
        name: &str,
        base: &RemoteBase,
        revision: i64,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sq = sqlite_err(&path);
        let tx = begin_write(&mut self.conn, &path)?;
        write_base(&tx, name, base).map_err(sq)?;
        tx.execute(
            "UPDATE remotes SET revision = ?2 WHERE name = ?1",
            params![name, revision],
        )
        .map_err(sq)?;
        tx.commit().map_err(sq)
    }

    /// After a pull: the working state, the remote's state and its versions, in one
    /// transaction. Fails (writing nothing) when the working state changed meanwhile.
    pub fn finish_pull(
        &mut self,
        w: &PullWrite<'_>,
        expected_hash: &str,
    ) -> Result<Vec<VersionInfo>, StoreError> {
        let path = self.path.clone();
        let sq = sqlite_err(&path);
        let tx = begin_write(&mut self.conn, &path)?;
        let now = Snapshot {
            tokens: crate::store::load(&tx, &path).map_err(|e| lift(&path, e))?,
            components: crate::store::load_components(&tx).map_err(|e| lift(&path, e))?,
        };
        if now.content_hash() != expected_hash {
            return Err(StoreError::Conflict {
                path: path.clone(),
                what: "the tokens or components changed while pulling; pull again".into(),
            });
        }
        crate::store::write_all(&tx, &w.working.tokens).map_err(sq)?;
        crate::store::write_components(&tx, &w.working.components).map_err(sq)?;
        write_base(&tx, w.remote, w.base).map_err(sq)?;
        tx.execute(
            "UPDATE remotes SET revision = ?2, versions_seq = ?3 WHERE name = ?1",
            params![w.remote, w.revision, w.versions_seq],
        )
        .map_err(sq)?;
        let made = record_missing(&tx, w.versions.iter().map(|(i, s)| (i, s))).map_err(sq)?;
        tx.commit().map_err(sq)?;
        Ok(made)
    }
}
