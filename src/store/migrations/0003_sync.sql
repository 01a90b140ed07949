-- 0003: design-source state and the sync log.
CREATE TABLE design_sources (
    name          TEXT PRIMARY KEY,
    provider      TEXT NOT NULL,
    file          TEXT NOT NULL,
    last_version  TEXT,
    last_sync_at  TEXT,
    status        TEXT,
    error         TEXT
);

CREATE TABLE sync_events (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    trigger     TEXT NOT NULL CHECK (trigger IN ('manual', 'webhook', 'watch')),
    status      TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'failed', 'dry-run')),
    added       INTEGER NOT NULL DEFAULT 0,
    changed     INTEGER NOT NULL DEFAULT 0,
    removed     INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    error       TEXT,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX sync_events_source ON sync_events(source, id);
