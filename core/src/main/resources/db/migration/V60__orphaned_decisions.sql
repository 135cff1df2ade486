-- Decisions belong to faces, not bytes (issue 10). When a photo's content changes (a tag written by another
-- program, a re-save, a lossless rotation, a crop), its face rows are replaced by a new detection. Before the old rows
-- go, every user decision on them is copied here (PhotoStore.resetForReanalysis, one transaction with the delete),
-- state 'awaiting_analysis'. The scan's sink carries each one to the matching new face and deletes it here; what
-- cannot be matched stays, state 'needs_review', with the reason: a decision is never dropped.
-- One row per decision; the rows of one old face share old_face_id (the face row itself is gone, so no foreign key).
CREATE TABLE orphaned_decisions (
    id                 INTEGER PRIMARY KEY,
    photo_id           INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    old_face_id        INTEGER NOT NULL,
    kind               TEXT    NOT NULL CHECK (kind IN ('person', 'not_a_face', 'not_this_person', 'hand_drawn_box', 'cover')),
    -- the person named ('person'), refused ('not_this_person') or whose cover the face was ('cover')
    person_id          INTEGER REFERENCES persons (id) ON DELETE CASCADE,
    -- the old face's bounding box in the old image's pixels after EXIF orientation, and that image's oriented size
    x                  REAL    NOT NULL,
    y                  REAL    NOT NULL,
    w                  REAL    NOT NULL CHECK (w > 0),
    h                  REAL    NOT NULL CHECK (h > 0),
    photo_width        INTEGER CHECK (photo_width IS NULL OR photo_width > 0),
    photo_height       INTEGER CHECK (photo_height IS NULL OR photo_height > 0),
    -- the old face's embedding (float32 little-endian, L2-normalised): matches it after a crop
    embedding          BLOB,
    embedding_model_id TEXT,
    state              TEXT    NOT NULL DEFAULT 'awaiting_analysis' CHECK (state IN ('awaiting_analysis', 'needs_review')),
    reason             TEXT,
    recorded_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((kind IN ('person', 'not_this_person', 'cover')) = (person_id IS NOT NULL)),
    CHECK ((state = 'needs_review') = (reason IS NOT NULL)),
    CHECK ((embedding IS NULL) = (embedding_model_id IS NULL))
);
CREATE INDEX orphaned_decisions_photo ON orphaned_decisions (photo_id);
CREATE INDEX orphaned_decisions_state ON orphaned_decisions (state);

-- The user's "no faces" decision is photos.no_faces_by_user (V58): a re-analysis keeps it (PhotoSink stores no face
-- on such a photo).
