-- 0007: the working state's revision, a random value replaced by every write of the
-- working tokens or components: `opends export` and `opends generate` compare it with the
-- one they rendered from to skip a run where nothing changed. Being a migration, it also
-- keeps binaries that do not replace it from writing the store.
INSERT INTO meta(key, value) VALUES ('working.revision', lower(hex(randomblob(16))))
ON CONFLICT(key) DO UPDATE SET value = excluded.value;
