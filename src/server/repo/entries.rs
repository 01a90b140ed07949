//! Tokens and components as stored: pages, single entries, the whole state.

use std::collections::HashMap;

use crate::server::db::{Conn, DbError};

/// One page of tokens: `(path, entry JSON)`.
pub fn list_tokens(
    c: &mut dyn Conn,
    prefix: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<(String, String)>, DbError> {
    let prefix = prefix.unwrap_or_default();
    // `path >= prefix AND path < prefix || '\u{10ffff}'`: a range scan on the key.
    let rows = c.query(
        "SELECT path, entry FROM tokens
         WHERE entry IS NOT NULL AND path > $1 AND path >= $2 AND path < $3
         ORDER BY path LIMIT $4",
        &[
            after.unwrap_or_default().into(),
            prefix.into(),
            format!("{prefix}\u{10ffff}").into(),
            limit.into(),
        ],
    )?;
    Ok(rows
        .iter()
        .map(|r| (r[0].string(), r[1].string()))
        .collect())
}

/// One token's entry.
pub fn get_token(c: &mut dyn Conn, path: &str) -> Result<Option<String>, DbError> {
    let rows = c.query(
        "SELECT entry FROM tokens WHERE path = $1 AND entry IS NOT NULL",
        &[path.into()],
    )?;
    Ok(rows.first().map(|r| r[0].string()))
}

/// Every live component: `(name, entry JSON)`, in name order.
pub fn list_components(c: &mut dyn Conn) -> Result<Vec<(String, String)>, DbError> {
    let rows = c.query(
        "SELECT name, entry FROM components WHERE entry IS NOT NULL ORDER BY name",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| (r[0].string(), r[1].string()))
        .collect())
}

/// One component's entry.
pub fn get_component(c: &mut dyn Conn, name: &str) -> Result<Option<String>, DbError> {
    let rows = c.query(
        "SELECT entry FROM components WHERE name = $1 AND entry IS NOT NULL",
        &[name.into()],
    )?;
    Ok(rows.first().map(|r| r[0].string()))
}

/// The layout and the entries of tokens and components by key.
pub type StateParts = (String, HashMap<String, String>, HashMap<String, String>);

/// The whole current state.
pub fn snapshot(c: &mut dyn Conn) -> Result<StateParts, DbError> {
    let layout = c
        .query("SELECT layout FROM state WHERE id = 1", &[])?
        .first()
        .map(|r| r[0].string())
        .unwrap_or_default();
    let tokens = c
        .query(
            "SELECT path, entry FROM tokens WHERE entry IS NOT NULL",
            &[],
        )?
        .into_iter()
        .map(|r| (r[0].string(), r[1].string()))
        .collect();
    let components = c
        .query(
            "SELECT name, entry FROM components WHERE entry IS NOT NULL",
            &[],
        )?
        .into_iter()
        .map(|r| (r[0].string(), r[1].string()))
        .collect();
    Ok((layout, tokens, components))
}
