//! Remotes: the team servers a store pushes to and pulls from, the state each had at
//! the last sync, and what a pull writes.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::delta::{self, State};
use super::packed::{Packed, pack};
use super::{NewVersion, Snapshot, VersionInfo, record_missing};
use crate::store::{LoadError, Store, StoreError, begin_write, lift, sqlite_err};

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

/// Stores what `remote` had at the last sync: its layout packed, its entries as one delta
/// from nothing (the form a version's first delta has).
fn write_base(tx: &Connection, remote: &str, base: &RemoteBase) -> rusqlite::Result<()> {
    let entries = State {
        tokens: base
            .tokens
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        components: base
            .components
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    };
    tx.execute(
        "INSERT OR REPLACE INTO remote_bases(remote, layout, entries) VALUES (?1, ?2, ?3)",
        params![
            remote,
            base.layout.as_deref().map(pack),
            delta::encode(&State::default(), &entries)
        ],
    )?;
    Ok(())
}

fn read_base(conn: &Connection, remote: &str) -> Result<RemoteBase, LoadError> {
    let Some((layout, stored)) = conn
        .query_row(
            "SELECT layout, entries FROM remote_bases WHERE remote = ?1",
            [remote],
            |r| Ok((r.get::<_, Option<Packed>>(0)?, r.get::<_, Vec<u8>>(1)?)),
        )
        .optional()?
    else {
        return Ok(RemoteBase::default());
    };
    let mut entries = State::default();
    delta::apply(&mut entries, &stored)?;
    Ok(RemoteBase {
        layout: layout.map(|p| p.0),
        tokens: entries.tokens.into_iter().collect(),
        components: entries.components.into_iter().collect(),
    })
}

/// Migration 0009: the rows of `remote_base` (an entry each) become one packed base per
/// remote, and the table goes.
pub(in crate::store) fn pack_bases(tx: &Connection) -> rusqlite::Result<()> {
    let mut bases: HashMap<String, RemoteBase> = HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT remote, kind, key, entry FROM remote_base")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let base = bases.entry(r.get(0)?).or_default();
            let (kind, key, entry): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
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
    }
    for (remote, base) in &bases {
        write_base(tx, remote, base)?;
    }
    tx.execute_batch("DROP TABLE remote_base")
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
        read_base(&self.conn, name).map_err(|e| lift(&self.path, e))
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
