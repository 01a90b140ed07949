//! The server's data operations, written once for every [`Storage`](super::db::Storage):
//! accounts and credentials, tokens and components with a revision counter, versions,
//! the audit log and sync events.

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::db::{Conn, DbError, transaction};
use crate::store::Snapshot;
pub use crate::sync::check::{Problem, check_state, checked_snapshot_from_json};
pub use crate::sync::protocol::{Applied, Changes, Conflict, Delta, EntryKind, ServerVersion};

pub use super::auth::Role;

mod accounts;
mod audit;
mod entries;
mod sync;
mod versions;

pub use accounts::*;
pub use audit::*;
pub use entries::*;
pub use sync::*;
pub use versions::*;

/// Random bytes as lowercase hex.
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::getrandom(&mut buf).expect("the OS random number generator");
    hex(&buf)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// sha256 as hex (for high-entropy secrets: refresh and API tokens).
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Seconds since the Unix epoch.
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn now_text() -> String {
    crate::clock::now_utc()
}

/// Creates the state row on a new database.
pub fn init(c: &mut dyn Conn) -> Result<(), DbError> {
    let layout = Snapshot::default().to_parts().0;
    transaction(c, |c| {
        if c.query("SELECT id FROM state WHERE id = 1", &[])?
            .is_empty()
        {
            // Servers starting at once on a new database: the first row wins.
            c.exec(
                "INSERT INTO state(id, revision, secret, layout, layout_revision, started)
                 VALUES (1, 0, $1, $2, 0, $3) ON CONFLICT (id) DO NOTHING",
                &[random_hex(32).into(), layout.into(), now_text().into()],
            )?;
        }
        Ok(())
    })
}

/// The key access tokens are signed with.
pub fn secret(c: &mut dyn Conn) -> Result<Vec<u8>, DbError> {
    let rows = c.query("SELECT secret FROM state WHERE id = 1", &[])?;
    rows.first()
        .map(|r| r[0].string().into_bytes())
        .ok_or_else(|| DbError::Query("the server's state row is missing".into()))
}

/// The current revision.
pub fn revision(c: &mut dyn Conn) -> Result<i64, DbError> {
    let rows = c.query("SELECT revision FROM state WHERE id = 1", &[])?;
    Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0))
}

fn parse_entry(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
}
