-- Integrity check and repair (issue 6).

-- Rows the integrity repair (or a restore) removed, each kept whole with the reason, so that no
-- user decision disappears without a trace. row_json holds every column of the removed row
-- (BLOBs as base64); backup_path names the catalog copy taken just before the change.
CREATE TABLE integrity_removed_rows (
    id          INTEGER PRIMARY KEY,
    removed_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    table_name  TEXT    NOT NULL,
    row_id      INTEGER NOT NULL,
    check_name  TEXT    NOT NULL,
    reason      TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
    row_json    TEXT    NOT NULL CHECK (json_valid(row_json)),
    backup_path TEXT
);
CREATE INDEX integrity_removed_rows_row ON integrity_removed_rows (table_name, row_id);

-- "Is this image_path some face's crop?" must be an index lookup, not a scan, for the quick check
-- and for the validator.
CREATE INDEX IF NOT EXISTS face_crops_crop_path ON face_crops (crop_path);

-- Which process runs a scan: a 'running' row whose process is gone is a scan that died.
-- The scanner writes its pid and host name when it starts a run; NULL in rows written before.
ALTER TABLE scan_runs ADD COLUMN pid INTEGER;
ALTER TABLE scan_runs ADD COLUMN host TEXT;

-- Covering indexes that keep the quick check under a second on 300k faces: the duplicate-face self-join
-- and the person recount read these small indexes instead of the face table (whose rows carry the
-- embeddings). The recount index also serves the V1 count triggers (count(*) ... WHERE person_id = ?
-- AND not_a_face = 0), which no longer visit the table.
CREATE INDEX face_crops_geometry ON face_crops (photo_id, x, y, w, h);
CREATE INDEX face_crops_person_counted ON face_crops (person_id, not_a_face, photo_id);
