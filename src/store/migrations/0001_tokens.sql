-- 0001: design tokens, token sets, modes and group metadata.
CREATE TABLE token_sets (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    source       TEXT,
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE modes (
    name     TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);

CREATE TABLE token_groups (
    path        TEXT PRIMARY KEY,
    type        TEXT,
    description TEXT,
    deprecated  TEXT,   -- JSON: true/false or a string
    extensions  TEXT,   -- JSON object, kept untouched
    position    INTEGER NOT NULL
);

CREATE TABLE tokens (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL UNIQUE,
    type          TEXT NOT NULL,
    explicit_type INTEGER NOT NULL DEFAULT 1,
    value         TEXT NOT NULL,   -- JSON of the base value as written (aliases kept)
    description   TEXT,
    deprecated    TEXT,            -- JSON: true/false or a string
    extensions    TEXT,            -- JSON object, kept untouched
    set_id        INTEGER REFERENCES token_sets(id) ON DELETE SET NULL,
    source_file   TEXT,
    position      INTEGER NOT NULL,
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX tokens_set ON tokens(set_id);

CREATE TABLE token_mode_values (
    token_id INTEGER NOT NULL REFERENCES tokens(id) ON DELETE CASCADE,
    mode     TEXT NOT NULL REFERENCES modes(name) ON DELETE CASCADE ON UPDATE CASCADE,
    value    TEXT NOT NULL,   -- JSON of the value in this mode
    PRIMARY KEY (token_id, mode)
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
