-- 0005: team servers this store syncs with, and what each had at the last sync (the
-- base that `opends push` and `opends pull` compare the working state with).
CREATE TABLE remotes (
    name         TEXT PRIMARY KEY,
    url          TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 0,
    versions_seq INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE remote_base (
    remote TEXT NOT NULL REFERENCES remotes(name) ON DELETE CASCADE,
    kind   TEXT NOT NULL CHECK (kind IN ('layout', 'token', 'component')),
    key    TEXT NOT NULL,
    entry  TEXT NOT NULL,
    PRIMARY KEY (remote, kind, key)
) WITHOUT ROWID;
