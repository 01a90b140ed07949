-- 0008: version content as deltas. Each version keeps, zstd-compressed, the entries that
-- changed since the version before it (added or replaced tokens and components, removed
-- keys); the first version's delta is its whole content. The span tables of 0004 are
-- converted version by version and dropped in the same transaction (by the migration
-- code, src/store/versions/delta.rs), so the store costs about what a packed git history
-- of the same files does.
CREATE TABLE version_deltas (
    version_id INTEGER PRIMARY KEY,   -- versions.id
    data       BLOB NOT NULL          -- format byte, then zstd of the change records
);
