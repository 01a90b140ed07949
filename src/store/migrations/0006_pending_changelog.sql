-- 0006: a release's CHANGELOG.md write that was committed with its version and is not
-- finished yet. The release stages the new changelog in a temp file beside it, then
-- commits the version together with this row, then renames the file and deletes the
-- row. A row left by a crash is finished by the next run: the store decides.
CREATE TABLE pending_changelog (
    version    TEXT PRIMARY KEY,   -- the version whose section is being written
    temp_file  TEXT NOT NULL,      -- the staged file's name, in CHANGELOG.md's directory
    base_hash  TEXT,               -- sha256 of the CHANGELOG.md it was made from; NULL: none
    new_hash   TEXT NOT NULL       -- sha256 of the staged content
);
