//! Version content stored as deltas: each version keeps, compressed, what changed since
//! the version before it (entries added or replaced, keys removed); the first version's
//! delta is its whole content. Reading a version folds the deltas up to it.

use crate::hash::HashMap;

use rusqlite::{Connection, params};

use crate::store::LoadError;

/// zstd level: dense enough for history to cost about what a packed git history does,
/// fast enough that a 131k-token first release compresses in well under a second.
const LEVEL: i32 = 9;

const TOKEN_SET: u8 = 0;
const TOKEN_DEL: u8 = 1;
const COMPONENT_SET: u8 = 2;
const COMPONENT_DEL: u8 = 3;

/// Entries (token path or component name to stored entry) a version holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct State {
    pub(super) tokens: HashMap<String, String>,
    pub(super) components: HashMap<String, String>,
}

impl State {
    /// The state of entry lists (as a snapshot encodes them).
    pub(super) fn of(tokens: &[(String, String)], components: &[(String, String)]) -> Self {
        Self {
            tokens: tokens.iter().cloned().collect(),
            components: components.iter().cloned().collect(),
        }
    }
}

/// What `next` changes in `prev`, in the stored (compressed) form. Keys are written
/// sorted so that equal content gives equal bytes.
pub(super) fn encode(prev: &State, next: &State) -> Vec<u8> {
    let mut raw = vec![];
    section(&mut raw, &prev.tokens, &next.tokens, TOKEN_SET, TOKEN_DEL);
    section(
        &mut raw,
        &prev.components,
        &next.components,
        COMPONENT_SET,
        COMPONENT_DEL,
    );
    super::packed::compress(&raw, LEVEL)
}

fn section(
    out: &mut Vec<u8>,
    prev: &HashMap<String, String>,
    next: &HashMap<String, String>,
    set: u8,
    del: u8,
) {
    let mut changed: Vec<(&String, &String)> = next
        .iter()
        .filter(|(k, v)| prev.get(*k) != Some(*v))
        .collect();
    changed.sort_unstable();
    for (k, v) in changed {
        out.push(set);
        bytes(out, k);
        bytes(out, v);
    }
    let mut gone: Vec<&String> = prev.keys().filter(|k| !next.contains_key(*k)).collect();
    gone.sort_unstable();
    for k in gone {
        out.push(del);
        bytes(out, k);
    }
}

/// Appends `s` with its length (u32, little-endian) before it.
pub(in crate::store) fn bytes(out: &mut Vec<u8>, s: &str) {
    let len = u32::try_from(s.len()).expect("an entry is smaller than 4 GiB");
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn corrupt(why: impl std::fmt::Display) -> LoadError {
    LoadError::Corrupt("version delta".into(), why.to_string())
}

/// Applies a stored delta to `state`.
pub(super) fn apply(state: &mut State, stored: &[u8]) -> Result<(), LoadError> {
    let raw = super::packed::decompress(stored).map_err(corrupt)?;
    let mut rest = raw.as_slice();
    while let Some((&kind, tail)) = rest.split_first() {
        rest = tail;
        let key = take(&mut rest).map_err(corrupt)?.to_string();
        let map = match kind {
            TOKEN_SET | TOKEN_DEL => &mut state.tokens,
            COMPONENT_SET | COMPONENT_DEL => &mut state.components,
            other => return Err(corrupt(format!("unknown record {other}"))),
        };
        if kind == TOKEN_SET || kind == COMPONENT_SET {
            let value = take(&mut rest).map_err(corrupt)?.to_string();
            map.insert(key, value);
        } else {
            map.remove(&key);
        }
    }
    Ok(())
}

/// Takes one length-prefixed string (as [`bytes`] writes it) off the front of `rest`.
pub(in crate::store) fn take<'a>(rest: &mut &'a [u8]) -> Result<&'a str, String> {
    let (len, tail) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| "truncated".to_string())?;
    let len = u32::from_le_bytes(*len) as usize;
    if tail.len() < len {
        return Err("truncated".into());
    }
    let (s, tail) = tail.split_at(len);
    *rest = tail;
    std::str::from_utf8(s).map_err(|e| e.to_string())
}

/// The entries version `id` holds (the fold of the deltas of every version up to it).
pub(super) fn read(conn: &Connection, id: i64) -> Result<State, LoadError> {
    let mut state = State::default();
    let mut stmt =
        conn.prepare("SELECT data FROM version_deltas WHERE version_id <= ?1 ORDER BY version_id")?;
    let mut rows = stmt.query([id])?;
    while let Some(r) = rows.next()? {
        let data = r.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
        apply(&mut state, data)?;
    }
    Ok(state)
}

/// Stores version `id`'s delta from `prev` to `next` (replacing any it had).
pub(super) fn write(tx: &Connection, id: i64, prev: &State, next: &State) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO version_deltas(version_id, data) VALUES (?1, ?2)",
        params![id, encode(prev, next)],
    )?;
    Ok(())
}

/// Migration 0008: turns the span tables of migration 0004 into deltas, version by
/// version, then drops them (in the migration's transaction).
pub(in crate::store) fn convert_spans(tx: &Connection) -> rusqlite::Result<()> {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM versions ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut prev = State::default();
    for id in ids {
        let next = State {
            tokens: spans(tx, "version_tokens", "path", id)?,
            components: spans(tx, "version_components", "name", id)?,
        };
        write(tx, id, &prev, &next)?;
        prev = next;
    }
    tx.execute_batch("DROP TABLE version_tokens; DROP TABLE version_components;")
}

fn spans(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn state(tokens: &[(&str, &str)]) -> State {
        State {
            tokens: tokens
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect(),
            components: [("Button".to_string(), "{}".to_string())]
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn a_delta_applied_to_its_base_gives_the_next_state() {
        let a = state(&[("a", "1"), ("b", "2"), ("c", "3")]);
        let b = State {
            components: HashMap::default(),
            ..state(&[("a", "1"), ("b", "20"), ("d\n\u{e9}", "4")])
        };
        let mut s = State::default();
        apply(&mut s, &encode(&State::default(), &a)).unwrap();
        assert_eq!(s, a);
        apply(&mut s, &encode(&a, &b)).unwrap();
        assert_eq!(s, b);
        assert_eq!(encode(&a, &b), encode(&a, &b));
    }

    #[test]
    fn a_damaged_delta_is_an_error() {
        let d = encode(&State::default(), &state(&[("a", "1")]));
        let mut s = State::default();
        assert!(apply(&mut s, &d[..d.len() - 3]).is_err());
        assert!(apply(&mut s, &[]).is_err());
        assert!(apply(&mut s, &[9, 1, 2]).is_err());
    }
}
