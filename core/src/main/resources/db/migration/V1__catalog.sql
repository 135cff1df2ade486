-- Facet catalog, version 1. Every guard that protects the user's catalog lives here, in the
-- database, so that no code path (ours, a script, a raw SQL session) can write a bad row silently.

-- Key/value facts about this library. 'managed_dir' is the absolute path (with trailing '/') of the
-- folder Facet owns (face crops, thumbnails): the triggers below refuse any photo path inside it.
CREATE TABLE library_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Embedding models whose vectors are stored; the dimension lets the database check every BLOB.
CREATE TABLE embedding_models (
    id        TEXT PRIMARY KEY,
    dimension INTEGER NOT NULL CHECK (dimension > 0),
    sha256    TEXT NOT NULL
);

CREATE TABLE photos (
    id                 INTEGER PRIMARY KEY,
    path               TEXT    NOT NULL UNIQUE,              -- one row per original file
    size_bytes         INTEGER NOT NULL CHECK (size_bytes >= 0),
    mtime_ms           INTEGER NOT NULL,
    content_hash       TEXT CHECK (content_hash IS NULL OR length(content_hash) = 64),
    width              INTEGER CHECK (width IS NULL OR width > 0),   -- after EXIF orientation
    height             INTEGER CHECK (height IS NULL OR height > 0),
    orientation        INTEGER CHECK (orientation IS NULL OR orientation BETWEEN 1 AND 8),
    taken_at           TEXT,                                  -- ISO-8601, from EXIF
    scan_state         TEXT    NOT NULL DEFAULT 'pending'
                       CHECK (scan_state IN ('pending', 'done', 'no_faces', 'failed')),
    failure_reason     TEXT,
    detector           TEXT,
    embedding_model_id TEXT,
    missing_since      TEXT,                                  -- set when the file vanished; never silently dropped
    added_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    scanned_at         TEXT,
    -- a failed photo always says why, and only a failed photo has a reason
    CHECK ((scan_state = 'failed') = (failure_reason IS NOT NULL))
);
CREATE INDEX photos_content_hash ON photos (content_hash);
CREATE INDEX photos_scan_state ON photos (scan_state);
CREATE INDEX photos_taken_at ON photos (taken_at);

CREATE TABLE persons (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    hidden        INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    cover_face_id INTEGER REFERENCES face_crops (id) ON DELETE SET NULL,
    face_count    INTEGER NOT NULL DEFAULT 0 CHECK (face_count >= 0),   -- cached, kept by triggers
    photo_count   INTEGER NOT NULL DEFAULT 0 CHECK (photo_count >= 0),  -- cached, kept by triggers
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- "Anna" and "anna" are one person: naming a cluster with an existing name adds to that person
CREATE UNIQUE INDEX persons_name ON persons (name COLLATE NOCASE);

CREATE TABLE face_crops (
    id                    INTEGER PRIMARY KEY,
    photo_id              INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    image_path            TEXT    NOT NULL,   -- the ORIGINAL photo; equals photos.path (trigger-enforced)
    crop_path             TEXT,               -- display crop under managed_dir
    x                     REAL    NOT NULL,   -- bbox in original-image pixels after EXIF orientation
    y                     REAL    NOT NULL,
    w                     REAL    NOT NULL CHECK (w > 0),
    h                     REAL    NOT NULL CHECK (h > 0),
    lm_right_eye_x        REAL, lm_right_eye_y REAL,
    lm_left_eye_x         REAL, lm_left_eye_y REAL,
    lm_nose_x             REAL, lm_nose_y REAL,
    lm_mouth_right_x      REAL, lm_mouth_right_y REAL,
    lm_mouth_left_x       REAL, lm_mouth_left_y REAL,
    detection_score       REAL    NOT NULL CHECK (detection_score BETWEEN 0 AND 1),
    detector              TEXT    NOT NULL,
    face_size_px          REAL,
    sharpness             REAL,
    brightness            REAL,
    contrast              REAL,
    frontal_pose          REAL,
    quality               REAL CHECK (quality IS NULL OR quality BETWEEN 0 AND 1),
    quality_label         TEXT CHECK (quality_label IS NULL OR quality_label IN ('excellent', 'good', 'fair', 'poor')),
    embedding             BLOB,               -- float32 little-endian, L2-normalised
    embedding_model_id    TEXT REFERENCES embedding_models (id),
    person_id             INTEGER REFERENCES persons (id),
    assigned_by           TEXT    NOT NULL DEFAULT 'none' CHECK (assigned_by IN ('user', 'auto', 'none')),
    cluster_id            INTEGER,
    suggested_person_id   INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    suggestion_similarity REAL,
    not_a_face            INTEGER NOT NULL DEFAULT 0 CHECK (not_a_face IN (0, 1)),
    status                TEXT    NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'invalid')),
    invalid_reason        TEXT,
    created_at            TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- an embedding without its model is unreadable, a model without an embedding meaningless
    CHECK ((embedding IS NULL) = (embedding_model_id IS NULL)),
    -- a face is on a person exactly when someone (user or auto) put it there
    CHECK ((person_id IS NULL) = (assigned_by = 'none')),
    -- an invalid row always says why
    CHECK ((status = 'invalid') = (invalid_reason IS NOT NULL))
);
CREATE INDEX face_crops_photo ON face_crops (photo_id);
CREATE INDEX face_crops_person ON face_crops (person_id, photo_id);
CREATE INDEX face_crops_cluster ON face_crops (cluster_id);
CREATE INDEX face_crops_image_path ON face_crops (image_path);
CREATE INDEX face_crops_crop_path ON face_crops (crop_path);

-- The guard against the old corruption: a face row must point at its original photo, never at a crop.
CREATE TRIGGER face_crops_guard_insert BEFORE INSERT ON face_crops
BEGIN
    SELECT RAISE(ABORT, 'face_crops.image_path is inside the managed crops folder: a face crop is never an original photo')
    WHERE substr(NEW.image_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
          = (SELECT value FROM library_settings WHERE key = 'managed_dir');
    SELECT RAISE(ABORT, 'face_crops.image_path must equal the path of its photo')
    WHERE NEW.image_path IS NOT (SELECT path FROM photos WHERE id = NEW.photo_id);
    SELECT RAISE(ABORT, 'face_crops.crop_path must be inside the managed crops folder')
    WHERE NEW.crop_path IS NOT NULL
      AND substr(NEW.crop_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
          IS NOT (SELECT value FROM library_settings WHERE key = 'managed_dir');
    SELECT RAISE(ABORT, 'face_crops.embedding length does not match its model dimension')
    WHERE NEW.embedding IS NOT NULL
      AND length(NEW.embedding) IS NOT 4 * (SELECT dimension FROM embedding_models WHERE id = NEW.embedding_model_id);
END;

CREATE TRIGGER face_crops_guard_update
BEFORE UPDATE OF image_path, photo_id, crop_path, embedding, embedding_model_id ON face_crops
BEGIN
    SELECT RAISE(ABORT, 'face_crops.image_path is inside the managed crops folder: a face crop is never an original photo')
    WHERE substr(NEW.image_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
          = (SELECT value FROM library_settings WHERE key = 'managed_dir');
    SELECT RAISE(ABORT, 'face_crops.image_path must equal the path of its photo')
    WHERE NEW.image_path IS NOT (SELECT path FROM photos WHERE id = NEW.photo_id);
    SELECT RAISE(ABORT, 'face_crops.crop_path must be inside the managed crops folder')
    WHERE NEW.crop_path IS NOT NULL
      AND substr(NEW.crop_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
          IS NOT (SELECT value FROM library_settings WHERE key = 'managed_dir');
    SELECT RAISE(ABORT, 'face_crops.embedding length does not match its model dimension')
    WHERE NEW.embedding IS NOT NULL
      AND length(NEW.embedding) IS NOT 4 * (SELECT dimension FROM embedding_models WHERE id = NEW.embedding_model_id);
END;

-- Photos never live inside the managed folder either (a scan must not catalogue our own crops).
CREATE TRIGGER photos_guard_insert BEFORE INSERT ON photos
BEGIN
    SELECT RAISE(ABORT, 'photos.path is inside the managed folder: Facet never catalogues its own crops')
    WHERE substr(NEW.path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
          = (SELECT value FROM library_settings WHERE key = 'managed_dir');
END;
CREATE TRIGGER photos_guard_update BEFORE UPDATE OF path ON photos
BEGIN
    SELECT RAISE(ABORT, 'photos.path is inside the managed folder: Facet never catalogues its own crops')
    WHERE substr(NEW.path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
          = (SELECT value FROM library_settings WHERE key = 'managed_dir');
END;

-- A moved photo keeps its faces: their image_path follows the photo's path.
CREATE TRIGGER photos_path_follow AFTER UPDATE OF path ON photos
BEGIN
    UPDATE face_crops SET image_path = NEW.path WHERE photo_id = NEW.id;
END;

-- Crop files of deleted faces are queued here by the database itself, and removed from disk by
-- the application after commit: even a raw SQL delete never leaves an orphan crop file behind.
CREATE TABLE crop_files_to_delete (
    path      TEXT PRIMARY KEY,
    queued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TRIGGER face_crops_queue_crop_delete AFTER DELETE ON face_crops
WHEN OLD.crop_path IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO crop_files_to_delete (path) VALUES (OLD.crop_path);
END;
CREATE TRIGGER face_crops_queue_crop_replace AFTER UPDATE OF crop_path ON face_crops
WHEN OLD.crop_path IS NOT NULL AND OLD.crop_path IS NOT NEW.crop_path
BEGIN
    INSERT OR IGNORE INTO crop_files_to_delete (path) VALUES (OLD.crop_path);
END;

-- Deleting a person unassigns its faces first (a face never points at a person that is gone).
CREATE TRIGGER persons_unassign_before_delete BEFORE DELETE ON persons
BEGIN
    UPDATE face_crops SET person_id = NULL, assigned_by = 'none' WHERE person_id = OLD.id;
    UPDATE face_crops SET suggested_person_id = NULL, suggestion_similarity = NULL WHERE suggested_person_id = OLD.id;
END;

-- Cached person counts, kept by the database (faces marked "not a face" do not count).
CREATE TRIGGER face_crops_count_insert AFTER INSERT ON face_crops
WHEN NEW.person_id IS NOT NULL
BEGIN
    UPDATE persons SET
        face_count  = (SELECT count(*) FROM face_crops WHERE person_id = NEW.person_id AND not_a_face = 0),
        photo_count = (SELECT count(DISTINCT photo_id) FROM face_crops WHERE person_id = NEW.person_id AND not_a_face = 0)
    WHERE id = NEW.person_id;
END;
CREATE TRIGGER face_crops_count_update AFTER UPDATE OF person_id, not_a_face, photo_id ON face_crops
BEGIN
    UPDATE persons SET
        face_count  = (SELECT count(*) FROM face_crops WHERE person_id = persons.id AND not_a_face = 0),
        photo_count = (SELECT count(DISTINCT photo_id) FROM face_crops WHERE person_id = persons.id AND not_a_face = 0)
    WHERE id IN (OLD.person_id, NEW.person_id);
END;
CREATE TRIGGER face_crops_count_delete AFTER DELETE ON face_crops
WHEN OLD.person_id IS NOT NULL
BEGIN
    UPDATE persons SET
        face_count  = (SELECT count(*) FROM face_crops WHERE person_id = OLD.person_id AND not_a_face = 0),
        photo_count = (SELECT count(DISTINCT photo_id) FROM face_crops WHERE person_id = OLD.person_id AND not_a_face = 0)
    WHERE id = OLD.person_id;
END;

-- "Not this person": remembered so the face is never suggested for that person again.
CREATE TABLE face_person_rejections (
    face_id   INTEGER NOT NULL REFERENCES face_crops (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    PRIMARY KEY (face_id, person_id)
);

-- History of scans, and every write the validator refused (never silent).
CREATE TABLE scan_runs (
    id                 INTEGER PRIMARY KEY,
    started_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at        TEXT,
    status             TEXT    NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'cancelled', 'failed')),
    roots              TEXT    NOT NULL,   -- JSON array of folders
    dry_run            INTEGER NOT NULL DEFAULT 0 CHECK (dry_run IN (0, 1)),
    detector           TEXT,
    embedding_model_id TEXT,
    photos_seen        INTEGER NOT NULL DEFAULT 0,
    photos_new         INTEGER NOT NULL DEFAULT 0,
    photos_unchanged   INTEGER NOT NULL DEFAULT 0,
    photos_moved       INTEGER NOT NULL DEFAULT 0,
    photos_missing     INTEGER NOT NULL DEFAULT 0,
    photos_failed      INTEGER NOT NULL DEFAULT 0,
    photos_no_faces    INTEGER NOT NULL DEFAULT 0,
    faces_found        INTEGER NOT NULL DEFAULT 0,
    rejected_writes    INTEGER NOT NULL DEFAULT 0,
    note               TEXT
);

CREATE TABLE rejected_writes (
    id          INTEGER PRIMARY KEY,
    scan_run_id INTEGER REFERENCES scan_runs (id) ON DELETE CASCADE,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    photo_path  TEXT,
    image_path  TEXT,
    crop_path   TEXT,
    reason      TEXT NOT NULL
);
