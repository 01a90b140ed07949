//! Text a version keeps that is read whole and never queried by content (its changelog
//! section and its layout), stored zstd-compressed: a format byte, then the frame.
//! Rows written before migration 0009 hold plain text; they read as they are, and the
//! migration packs them.

use rusqlite::Connection;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

/// zstd level: changelogs and layouts are small and written once per release.
const LEVEL: i32 = 9;
/// Format tag, the first byte of every packed value (text here, version deltas, the
/// working tokens).
const FORMAT: u8 = 1;

/// A text column's value, packed on the way in and unpacked on the way out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Packed(pub(super) String);

/// `raw` in the stored form: the format byte, then a zstd frame at `level`.
pub(in crate::store) fn compress(raw: &[u8], level: i32) -> Vec<u8> {
    let mut out = vec![FORMAT];
    out.extend(zstd::bulk::compress(raw, level).expect("compressing into memory cannot fail"));
    out
}

/// The bytes a value stored by [`compress`] holds.
pub(in crate::store) fn decompress(stored: &[u8]) -> Result<Vec<u8>, String> {
    let (&format, body) = stored.split_first().ok_or("empty")?;
    if format != FORMAT {
        return Err(format!("unknown format {format}"));
    }
    zstd::stream::decode_all(body).map_err(|e| e.to_string())
}

pub(super) fn pack(text: &str) -> Vec<u8> {
    compress(text.as_bytes(), LEVEL)
}

fn unpack(stored: &[u8]) -> Result<String, String> {
    String::from_utf8(decompress(stored)?).map_err(|e| e.to_string())
}

impl ToSql for Packed {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(pack(&self.0)))
    }
}

impl FromSql for Packed {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value {
            ValueRef::Text(_) => String::column_result(value).map(Packed),
            ValueRef::Blob(b) => unpack(b)
                .map(Packed)
                .map_err(|e| FromSqlError::Other(format!("packed text: {e}").into())),
            _ => Err(FromSqlError::InvalidType),
        }
    }
}

/// Migration 0009: packs the changelogs and layouts stored as plain text.
pub(in crate::store) fn pack_existing(tx: &Connection) -> rusqlite::Result<()> {
    for (table, column) in [("versions", "changelog"), ("version_layouts", "data")] {
        let rows: Vec<(i64, String)> = tx
            .prepare(&format!(
                "SELECT id, {column} FROM {table} WHERE typeof({column}) = 'text'"
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut update = tx.prepare(&format!("UPDATE {table} SET {column} = ?1 WHERE id = ?2"))?;
        for (id, text) in rows {
            update.execute(rusqlite::params![pack(&text), id])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_text_reads_back_and_plain_text_still_reads() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
            .unwrap();
        let text = "## [1.0.1]\n\n- Token `a`: `#000` -> `#fff`\n".repeat(50);
        conn.execute("INSERT INTO t(v) VALUES (?1)", [Packed(text.clone())])
            .unwrap();
        conn.execute("INSERT INTO t(v) VALUES ('plain')", [])
            .unwrap();
        let stored: Vec<u8> = conn
            .query_row("SELECT v FROM t WHERE id = 1", [], |r| r.get(0))
            .unwrap();
        assert!(stored.len() < text.len() / 10, "{} bytes", stored.len());
        let read: Vec<Packed> = conn
            .prepare("SELECT v FROM t ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(read, [Packed(text), Packed("plain".into())]);
        conn.execute("UPDATE t SET v = X'07' WHERE id = 2", [])
            .unwrap();
        let err = conn
            .query_row("SELECT v FROM t WHERE id = 2", [], |r| {
                r.get::<_, Packed>(0)
            })
            .unwrap_err();
        assert!(err.to_string().contains("unknown format 7"), "{err}");
    }
}
