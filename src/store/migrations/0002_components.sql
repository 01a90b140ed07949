-- 0002: component specs, their review record, and which tokens they use.
CREATE TABLE components (
    name               TEXT PRIMARY KEY,
    spec               TEXT NOT NULL,   -- JSON of the spec as imported
    status             TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'deprecated')),
    source_file        TEXT,
    reviewed_by        TEXT,
    reviewed_at        TEXT,
    deprecation_reason TEXT,
    position           INTEGER NOT NULL,
    updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE component_token_usage (
    component  TEXT NOT NULL REFERENCES components(name) ON DELETE CASCADE ON UPDATE CASCADE,
    property   TEXT NOT NULL,
    token_path TEXT NOT NULL,
    PRIMARY KEY (component, property, token_path)
);
CREATE INDEX component_token_usage_token ON component_token_usage(token_path);
