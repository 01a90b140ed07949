//! The working tokens (modes, groups and every token) as one stored value, packed like
//! every compressed value of the store (`versions::packed`: a format byte, then zstd) from
//! length-prefixed parts: the head with modes and groups, then each token's path and
//! entry, in order. Entries are the form released versions store
//! (`versions::encode`), so the working state and a version read and write alike.
//!
//! The working state is only ever written whole (an import, a sync, a pull replaces it)
//! and read whole, so rows per token bought nothing but size: for 10,001 tokens they
//! took 1.4 MB with their indexes, this takes about a tenth of it.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};

use super::LoadError;
use super::versions::{decode_group, decode_token, delta, group_entry, packed, token_entry};
use crate::model::Tokens;

/// zstd level: every import writes the whole state, so speed counts more than the last
/// few per cent of size here.
const LEVEL: i32 = 3;

fn corrupt(why: impl std::fmt::Display) -> LoadError {
    LoadError::Corrupt("working tokens".into(), why.to_string())
}

fn take<'a>(rest: &mut &'a [u8]) -> Result<&'a str, LoadError> {
    delta::take(rest).map_err(corrupt)
}

/// The stored form of `tokens`.
pub(super) fn pack(tokens: &Tokens) -> Vec<u8> {
    let head = json!({
        "modes": tokens.modes,
        "groups": tokens.groups.iter().map(group_entry).collect::<Vec<_>>(),
    })
    .to_string();
    let mut raw = Vec::with_capacity(head.len() + tokens.tokens.len() * 128);
    delta::bytes(&mut raw, &head);
    for t in &tokens.tokens {
        delta::bytes(&mut raw, t.path.as_str());
        delta::bytes(&mut raw, &token_entry(t));
    }
    packed::compress(&raw, LEVEL)
}

fn raw(stored: &[u8]) -> Result<Vec<u8>, LoadError> {
    packed::decompress(stored).map_err(corrupt)
}

/// The tokens a stored value holds.
pub(super) fn unpack(stored: &[u8]) -> Result<Tokens, LoadError> {
    let raw = raw(stored)?;
    let mut rest = raw.as_slice();
    let head: Value = serde_json::from_str(take(&mut rest)?).map_err(corrupt)?;
    let modes = match head.get("modes") {
        Some(m) => serde_json::from_value(m.clone()).map_err(corrupt)?,
        None => Vec::new(),
    };
    let groups = match head.get("groups").and_then(Value::as_array) {
        Some(gs) => gs.iter().map(decode_group).collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    let mut tokens = Vec::new();
    while !rest.is_empty() {
        let path = take(&mut rest)?;
        tokens.push(decode_token(path, take(&mut rest)?)?);
    }
    Ok(Tokens::new(tokens, groups, modes))
}

/// The token paths a stored value holds, in order (for shell completion).
pub(super) fn paths(stored: &[u8]) -> Result<Vec<String>, LoadError> {
    let raw = raw(stored)?;
    let mut rest = raw.as_slice();
    take(&mut rest)?;
    let mut out = Vec::new();
    while !rest.is_empty() {
        out.push(take(&mut rest)?.to_string());
        take(&mut rest)?;
    }
    Ok(out)
}

/// The stored value, if any tokens were ever written.
pub(super) fn stored(conn: &Connection) -> rusqlite::Result<Option<Vec<u8>>> {
    conn.query_row("SELECT data FROM working_tokens WHERE id = 1", [], |r| {
        r.get(0)
    })
    .optional()
}

/// The working tokens (none before the first write).
pub(super) fn load(conn: &Connection) -> Result<Tokens, LoadError> {
    match stored(conn)? {
        Some(data) => unpack(&data),
        None => Ok(Tokens::new(Vec::new(), Vec::new(), Vec::new())),
    }
}

/// Replaces the working tokens (in the caller's transaction).
pub(super) fn write(conn: &Connection, tokens: &Tokens) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO working_tokens(id, data) VALUES (1, ?1)",
        params![pack(tokens)],
    )?;
    Ok(())
}
