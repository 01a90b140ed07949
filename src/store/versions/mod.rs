//! Released versions: immutable snapshots of tokens and components, stored as spans.
//!
//! Each distinct `(token path, content)` is one row holding the range of versions
//! `[since, until)` it belongs to. A release closes the rows whose content changed or
//! disappeared and opens rows for new content, so a release costs what changed, not
//! the size of the system; reading any version is one scan. What is not per token
//! (modes, groups, the order of tokens and components) is a layout, stored once per
//! distinct content and shared by the versions that have it.

use std::collections::HashMap;
use std::fmt::Write as _;

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::{
    LoadError, Store, StoreError, begin_write, deprecation, json as parse_json, lift, sqlite_err,
};
use crate::model::component::Review;
use crate::model::{Component, Group, StoredComponent, Token, TokenPath, Tokens};

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

/// A snapshot in its stored form: the layout and one entry per token and component.
struct Encoded {
    layout: String,
    tokens: Vec<(String, String)>,
    components: Vec<(String, String)>,
}

fn opt<T: Into<Value>>(map: &mut Map<String, Value>, key: &str, v: Option<T>) {
    if let Some(v) = v {
        map.insert(key.into(), v.into());
    }
}

/// A token as stored in versions and sent over the wire: JSON of everything but its path.
pub(crate) fn token_entry(t: &Token) -> String {
    let mut m = Map::new();
    m.insert("type".into(), t.ty.as_str().into());
    if !t.explicit_type {
        m.insert("inherited".into(), true.into());
    }
    m.insert("value".into(), t.value.clone());
    if !t.modes.is_empty() {
        let modes: Vec<Value> = t.modes.iter().map(|(k, v)| json!([k, v])).collect();
        m.insert("modes".into(), modes.into());
    }
    opt(&mut m, "description", t.description.clone());
    opt(
        &mut m,
        "deprecated",
        t.deprecated
            .as_ref()
            .map(crate::model::Deprecation::to_value),
    );
    opt(&mut m, "extensions", t.extensions.clone());
    m.insert("set".into(), t.set.clone().into());
    opt(&mut m, "source", t.source.clone());
    Value::Object(m).to_string()
}

fn group_entry(g: &Group) -> Value {
    let mut m = Map::new();
    m.insert("path".into(), g.path.as_str().into());
    opt(&mut m, "type", g.ty.map(crate::model::TokenType::as_str));
    opt(&mut m, "description", g.description.clone());
    opt(
        &mut m,
        "deprecated",
        g.deprecated
            .as_ref()
            .map(crate::model::Deprecation::to_value),
    );
    opt(&mut m, "extensions", g.extensions.clone());
    Value::Object(m)
}

/// A component as stored in versions and sent over the wire.
pub(crate) fn component_entry(c: &StoredComponent) -> String {
    json!({
        "spec": c.spec,
        "source": c.source,
        "review": c.review,
    })
    .to_string()
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn corrupt(what: &str, why: impl std::fmt::Display) -> LoadError {
    LoadError::Corrupt(what.to_string(), why.to_string())
}

fn deprecation_of(v: &Value, what: &str) -> Result<Option<crate::model::Deprecation>, LoadError> {
    deprecation(v.get("deprecated").map(Value::to_string), what)
}

/// The token an entry describes.
pub(crate) fn decode_token(path: &str, entry: &str) -> Result<Token, LoadError> {
    let v = parse_json(entry, path)?;
    let ty = str_field(&v, "type")
        .ok_or_else(|| corrupt(path, "no type"))?
        .parse()
        .map_err(|e: String| corrupt(path, e))?;
    let modes = match v.get("modes") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|pair| match pair.as_array().map(Vec::as_slice) {
                Some([Value::String(k), val]) => Ok((k.clone(), val.clone())),
                _ => Err(corrupt(path, "bad mode value")),
            })
            .collect::<Result<_, _>>()?,
        _ => Vec::new(),
    };
    Ok(Token {
        path: TokenPath::new(path),
        ty,
        explicit_type: !v.get("inherited").is_some_and(|b| b == &Value::Bool(true)),
        value: v.get("value").cloned().unwrap_or(Value::Null),
        modes,
        description: str_field(&v, "description"),
        deprecated: deprecation_of(&v, path)?,
        extensions: v.get("extensions").cloned(),
        set: str_field(&v, "set").unwrap_or_else(|| "local".into()),
        source: str_field(&v, "source"),
    })
}

fn decode_group(v: &Value) -> Result<Group, LoadError> {
    let path = str_field(v, "path").ok_or_else(|| corrupt("layout", "group without path"))?;
    Ok(Group {
        ty: str_field(v, "type")
            .map(|t| t.parse())
            .transpose()
            .map_err(|e: String| corrupt(&path, e))?,
        description: str_field(v, "description"),
        deprecated: deprecation_of(v, &path)?,
        extensions: v.get("extensions").cloned(),
        path: TokenPath::new(path),
    })
}

/// The component an entry describes.
pub(crate) fn decode_component(name: &str, entry: &str) -> Result<StoredComponent, LoadError> {
    let what = format!("component {name} in a version");
    let v = parse_json(entry, &what)?;
    let spec: Component = serde_json::from_value(v.get("spec").cloned().unwrap_or(Value::Null))
        .map_err(|e| corrupt(&what, e))?;
    let review = v.get("review").cloned().unwrap_or(Value::Null);
    Ok(StoredComponent {
        spec,
        source: str_field(&v, "source"),
        review: Review {
            by: str_field(&review, "by"),
            at: str_field(&review, "at"),
            reason: str_field(&review, "reason"),
        },
    })
}

impl Snapshot {
    fn encode(&self) -> Encoded {
        let layout = json!({
            "modes": self.tokens.modes,
            "groups": self.tokens.groups.iter().map(group_entry).collect::<Vec<_>>(),
            "tokens": self.tokens.tokens.iter().map(|t| t.path.as_str()).collect::<Vec<_>>(),
            "components": self.components.iter().map(|c| c.spec.name.as_str()).collect::<Vec<_>>(),
        })
        .to_string();
        Encoded {
            layout,
            tokens: self
                .tokens
                .tokens
                .iter()
                .map(|t| (t.path.to_string(), token_entry(t)))
                .collect(),
            components: self
                .components
                .iter()
                .map(|c| (c.spec.name.clone(), component_entry(c)))
                .collect(),
        }
    }

    /// The stored form: the layout (modes, groups, order) and one entry per token and
    /// component, in order.
    pub fn to_parts(&self) -> (String, Entries, Entries) {
        let e = self.encode();
        (e.layout, e.tokens, e.components)
    }

    /// The snapshot stored as `layout` and entries by path and name (the inverse of
    /// `to_parts`; entries the layout does not order go last, in name order).
    pub fn decode(
        layout: &str,
        tokens: &HashMap<String, String>,
        components: &HashMap<String, String>,
    ) -> Result<Self, SnapshotError> {
        build_snapshot(layout, tokens, components).map_err(|e| match e {
            LoadError::Corrupt(what, message) => SnapshotError::Corrupt { what, message },
            LoadError::Sqlite(e) => SnapshotError::Sqlite(e),
        })
    }

    /// [`Snapshot::decode`] with the error as its message, for callers that report it
    /// as text.
    pub fn from_parts(
        layout: &str,
        tokens: &HashMap<String, String>,
        components: &HashMap<String, String>,
    ) -> Result<Self, String> {
        Self::decode(layout, tokens, components).map_err(|e| e.to_string())
    }

    /// sha256 (hex) of the snapshot's canonical form: equal for equal content.
    pub fn content_hash(&self) -> String {
        self.encode().hash()
    }
}

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

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

impl Encoded {
    fn hash(&self) -> String {
        let mut h = Sha256::new();
        h.update(self.layout.as_bytes());
        for (k, v) in self.tokens.iter().chain(&self.components) {
            h.update(b"\n");
            h.update(k.as_bytes());
            h.update(b"\t");
            h.update(v.as_bytes());
        }
        hex(&h.finalize())
    }
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
        changelog: r.get(10)?,
    })
}

/// Closes the spans of `table` whose content is not in `next` and opens spans for new
/// content, for version `id`.
fn write_spans(
    tx: &Connection,
    table: &str,
    key: &str,
    id: i64,
    next: &[(String, String)],
) -> rusqlite::Result<()> {
    let mut open: HashMap<String, (i64, String)> = HashMap::new();
    {
        let mut stmt = tx.prepare(&format!(
            "SELECT {key}, since, entry FROM {table} WHERE until IS NULL"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            open.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
    }
    let mut close = tx.prepare(&format!(
        "UPDATE {table} SET until = ?3 WHERE {key} = ?1 AND since = ?2"
    ))?;
    let mut insert = tx.prepare(&format!(
        "INSERT INTO {table}({key}, since, until, entry) VALUES (?1, ?2, NULL, ?3)"
    ))?;
    for (k, entry) in next {
        match open.remove(k) {
            Some((_, old)) if &old == entry => {}
            Some((since, _)) => {
                close.execute(params![k, since, id])?;
                insert.execute(params![k, id, entry])?;
            }
            None => {
                insert.execute(params![k, id, entry])?;
            }
        }
    }
    for (k, (since, _)) in open {
        close.execute(params![k, since, id])?;
    }
    Ok(())
}

/// Reads the entries of `table` that version `id` holds.
fn read_spans(
    conn: &Connection,
    table: &str,
    key: &str,
    id: i64,
) -> rusqlite::Result<HashMap<String, String>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {key}, entry FROM {table} WHERE since <= ?1 AND (until IS NULL OR until > ?1)"
    ))?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn load_snapshot(conn: &Connection, id: i64) -> Result<Snapshot, LoadError> {
    let layout: String = conn.query_row(
        "SELECT l.data FROM versions v JOIN version_layouts l ON l.id = v.layout_id WHERE v.id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let tokens = read_spans(conn, "version_tokens", "path", id)?;
    let components = read_spans(conn, "version_components", "name", id)?;
    build_snapshot(&layout, &tokens, &components)
}

fn build_snapshot(
    layout: &str,
    entries: &HashMap<String, String>,
    comp_entries: &HashMap<String, String>,
) -> Result<Snapshot, LoadError> {
    let layout = parse_json(layout, "version layout")?;
    let mut order = strings(&layout, "tokens");
    let listed: std::collections::HashSet<&String> = order.iter().collect();
    let mut extra: Vec<String> = entries
        .keys()
        .filter(|k| !listed.contains(k))
        .cloned()
        .collect();
    extra.sort();
    order.extend(extra);
    let mut tokens = Vec::with_capacity(entries.len());
    for path in order {
        if let Some(entry) = entries.get(&path) {
            tokens.push(decode_token(&path, entry)?);
        }
    }
    let groups = layout
        .get("groups")
        .and_then(Value::as_array)
        .map(|gs| gs.iter().map(decode_group).collect::<Result<Vec<_>, _>>())
        .transpose()?
        .unwrap_or_default();
    let mut names = strings(&layout, "components");
    let listed: std::collections::HashSet<&String> = names.iter().collect();
    let mut extra: Vec<String> = comp_entries
        .keys()
        .filter(|k| !listed.contains(k))
        .cloned()
        .collect();
    extra.sort();
    names.extend(extra);
    let mut components = Vec::new();
    for name in names {
        if let Some(entry) = comp_entries.get(&name) {
            components.push(decode_component(&name, entry)?);
        }
    }
    Ok(Snapshot {
        tokens: Tokens::new(tokens, groups, strings(&layout, "modes")),
        components,
    })
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
        params![layout_hash, encoded.layout],
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
            new.changelog,
            layout_id
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_spans(tx, "version_tokens", "path", id, &encoded.tokens)?;
    write_spans(tx, "version_components", "name", id, &encoded.components)?;
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
            tokens: super::load(&tx, &path).map_err(|e| lift(&path, e))?,
            components: super::load_components(&tx).map_err(|e| lift(&path, e))?,
        };
        if now.content_hash() != expected_hash {
            return Err(StoreError::Conflict {
                path: path.clone(),
                what: "the tokens or components changed while pulling; pull again".into(),
            });
        }
        super::write_all(&tx, &w.working.tokens).map_err(sq)?;
        super::write_components(&tx, &w.working.components).map_err(sq)?;
        write_base(&tx, w.remote, w.base).map_err(sq)?;
        tx.execute(
            "UPDATE remotes SET revision = ?2, versions_seq = ?3 WHERE name = ?1",
            params![w.remote, w.revision, w.versions_seq],
        )
        .map_err(sq)?;
        let mut made = Vec::new();
        for (info, snap) in &w.versions {
            let exists: bool = tx
                .query_row(
                    "SELECT count(*) FROM versions WHERE version = ?1",
                    [&info.version],
                    |r| r.get::<_, i64>(0),
                )
                .map_err(sq)?
                > 0;
            if exists {
                continue;
            }
            let encoded = snap.encode();
            let hash = encoded.hash();
            made.push(record_version(&tx, info, &encoded, hash).map_err(sq)?);
        }
        tx.commit().map_err(sq)?;
        Ok(made)
    }
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
                    section: r.get(4)?,
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
        for table in ["version_tokens", "version_components"] {
            let sql = match next {
                // Content only this version had goes; content it started now starts at
                // the next version; content that ended here now ends there.
                Some(_) => format!(
                    "DELETE FROM {table} WHERE since = ?1 AND until = ?2;
                     UPDATE {table} SET since = ?2 WHERE since = ?1;
                     UPDATE {table} SET until = ?2 WHERE until = ?1;"
                ),
                None => format!(
                    "DELETE FROM {table} WHERE since = ?1;
                     UPDATE {table} SET until = NULL WHERE until = ?1;"
                ),
            };
            for stmt in sql.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                match next {
                    Some(n) => tx.execute(stmt, params![v, n]),
                    None => tx.execute(stmt, params![v]),
                }
                .map_err(sq)?;
            }
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
        let mut stmt = self
            .conn
            .prepare("SELECT since, until, entry FROM version_tokens WHERE path = ?1")
            .map_err(|e| self.err(e))?;
        let spans: Vec<(i64, Option<i64>, String)> = stmt
            .query_map([path], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(versions.len());
        for v in versions {
            let token = spans
                .iter()
                .find(|(since, until, _)| *since <= v.id && until.is_none_or(|u| u > v.id))
                .map(|(_, _, entry)| decode_token(path, entry))
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
    use crate::model::TokenType;

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
}
