-- 0009: a smaller store. The working tokens, only ever read and written whole, become
-- one zstd-compressed value in the entry form versions use (src/store/working.rs);
-- changelog sections and version layouts are stored zstd-compressed too. The migration
-- code packs what is there (src/store/mod.rs, src/store/versions/packed.rs) and drops
-- the per-token tables (tokens, token_mode_values, token_groups, modes, token_sets, and
-- remote_base below).
CREATE TABLE working_tokens (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    data BLOB NOT NULL    -- format byte, then zstd of the head and each token's entry
);

-- What each remote had at the last sync, one packed value per remote (its layout, and
-- its entries in the form of a version's first delta) instead of a row per entry; the
-- migration code (src/store/versions/remote.rs) moves the rows of `remote_base` here.
CREATE TABLE remote_bases (
    remote  TEXT PRIMARY KEY REFERENCES remotes(name) ON DELETE CASCADE,
    layout  BLOB,            -- packed text (src/store/versions/packed.rs)
    entries BLOB NOT NULL    -- a delta from nothing (src/store/versions/delta.rs)
);
