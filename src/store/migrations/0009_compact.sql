-- 0009: a smaller store. Changelog sections and version layouts are stored
-- zstd-compressed (the migration code, src/store/versions/packed.rs, packs the rows
-- already there), and tokens lose `updated_at`, which nothing read (about a fifth of a
-- token row).
ALTER TABLE tokens DROP COLUMN updated_at;
