-- The team server's schema, for SQLite and PostgreSQL alike. Two words differ and are
-- filled in per database (server::db::schema): {key} is a text key in byte order
-- (`TEXT`; PostgreSQL: `TEXT COLLATE "C"`), {serial} an auto-numbered id
-- (`INTEGER`; PostgreSQL: `BIGSERIAL`).
CREATE TABLE state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    revision  BIGINT NOT NULL,          -- bumped by every accepted change
    secret    TEXT NOT NULL,            -- signs access tokens (shared by all servers)
    layout    TEXT NOT NULL,            -- JSON: modes, groups, token order
    layout_revision BIGINT NOT NULL,
    version_seq BIGINT NOT NULL DEFAULT 0, -- last version sequence number, never reused
    started   TEXT NOT NULL
);
CREATE TABLE tokens (
    path       {key} PRIMARY KEY,
    entry      TEXT,                    -- JSON; NULL: deleted at `revision`
    revision   BIGINT NOT NULL,
    updated_by TEXT,
    updated_at TEXT
);
CREATE INDEX tokens_revision ON tokens(revision);
CREATE TABLE components (
    name       {key} PRIMARY KEY,
    entry      TEXT,
    revision   BIGINT NOT NULL,
    updated_by TEXT,
    updated_at TEXT
);
CREATE INDEX components_revision ON components(revision);
CREATE TABLE versions (
    version      TEXT PRIMARY KEY,
    seq          BIGINT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    author       TEXT NOT NULL,
    message      TEXT,
    content_hash TEXT NOT NULL,
    bump         TEXT NOT NULL,
    forced       BIGINT NOT NULL DEFAULT 0,
    changelog    TEXT NOT NULL,
    snapshot     TEXT NOT NULL,         -- JSON: the whole state
    revision     BIGINT NOT NULL
);
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    disabled      BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE refresh_tokens (
    hash       TEXT PRIMARY KEY,        -- sha256 of the token
    user_id    TEXT NOT NULL,
    family     TEXT NOT NULL,           -- one login's chain of rotations
    expires_at BIGINT NOT NULL,         -- unix seconds
    used       BIGINT NOT NULL DEFAULT 0,
    revoked    BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX refresh_tokens_family ON refresh_tokens(family);
CREATE TABLE api_tokens (
    id         TEXT PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    name       TEXT,
    created_at TEXT NOT NULL,
    revoked    BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE login_failures (
    key TEXT NOT NULL,                  -- account or client address
    at  BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);
CREATE TABLE audit (
    id         {serial} PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT,
    old_value  TEXT,
    new_value  TEXT,
    request_id TEXT
);
CREATE TABLE sync_events (
    id       {serial} PRIMARY KEY,
    source   TEXT NOT NULL,
    trigger  TEXT NOT NULL,
    status   TEXT NOT NULL,
    detail   TEXT,
    at       TEXT NOT NULL
);
