-- 0009: a smaller store. The working tokens, only ever read and written whole, become
-- one zstd-compressed value in the entry form versions use (src/store/working.rs);
-- changelog sections and version layouts are stored zstd-compressed too. The migration
-- code packs what is there (src/store/mod.rs, src/store/versions/packed.rs) and drops
-- the per-token tables (tokens, token_mode_values, token_groups, modes, token_sets).
CREATE TABLE working_tokens (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    data BLOB NOT NULL    -- format byte, then zstd of the head and each token's entry
);
