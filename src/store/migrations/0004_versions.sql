-- 0004: released versions. A version is an immutable snapshot of every token (all
-- modes) and every component. Snapshots are stored as spans: one row per distinct
-- (token path, content) holding the range of versions [since, until) it is part of, so
-- a release stores only what changed since the previous one (docs/versioning.md).
CREATE TABLE version_layouts (
    id    INTEGER PRIMARY KEY,
    hash  TEXT NOT NULL UNIQUE,
    data  TEXT NOT NULL          -- JSON: modes, groups, token order, component order
);

CREATE TABLE versions (
    id              INTEGER PRIMARY KEY,   -- release order
    version         TEXT NOT NULL UNIQUE,  -- semver
    created_at      TEXT NOT NULL,
    author          TEXT NOT NULL,
    message         TEXT,
    content_hash    TEXT NOT NULL,         -- sha256 of the snapshot's canonical form
    bump            TEXT NOT NULL,         -- what the changes called for
    forced          INTEGER NOT NULL DEFAULT 0,
    token_count     INTEGER NOT NULL,
    component_count INTEGER NOT NULL,
    changelog       TEXT NOT NULL,         -- the CHANGELOG.md section
    layout_id       INTEGER NOT NULL REFERENCES version_layouts(id)
);

CREATE TABLE version_tokens (
    path   TEXT NOT NULL,
    since  INTEGER NOT NULL,    -- first version id holding this content
    until  INTEGER,             -- first version id no longer holding it; NULL: still current
    entry  TEXT NOT NULL,       -- JSON: type, value, mode values, metadata
    PRIMARY KEY (path, since)
) WITHOUT ROWID;

CREATE TABLE version_components (
    name   TEXT NOT NULL,
    since  INTEGER NOT NULL,
    until  INTEGER,
    entry  TEXT NOT NULL,       -- JSON: spec, status, review, source file
    PRIMARY KEY (name, since)
) WITHOUT ROWID;
