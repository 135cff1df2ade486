-- Face regions read from XMP (issue 12): names that other programs (digiKam, Lightroom, Picasa, Windows) wrote into a
-- photo or its sidecar become user decisions during a scan (app.facet.core.metadata.MetadataFaces).

-- Provenance of a face whose name or box came from a face region: e.g. "sidecar IMG_1.jpg.xmp mwg-rs:RegionList[2]".
-- NULL for faces found by the detector or drawn in Facet. Such a face is assigned_by = 'user' (the name is a person's
-- decision, made in another program), so recognition never overrides it; this column says where it came from.
-- (A plain ADD COLUMN: V1's and V50's triggers on face_crops name their columns and are unaffected.)
ALTER TABLE face_crops ADD COLUMN metadata_source TEXT;

-- The size and mtime of the photo's sidecars when its face regions were last read (metadata.SidecarStamp): a rescan
-- analyses a photo again when they changed, so names another program wrote into a sidecar are read although the
-- photo's bytes did not change. NULL: never read (analysed before this version, or with --no-metadata-faces).
ALTER TABLE photos ADD COLUMN sidecar_stamp TEXT;

-- What a scan could not take from a photo's face regions, kept for review beside orphaned_decisions and listed by
-- `facet decisions` and the desktop review window until the user dismisses it:
--   'conflict'     a named region disagrees with a decision made in Facet (the face is named differently by the user,
--                  marked "not a face" or "not this person", or the photo has no faces by the user's word): Facet's
--                  decision stands, the region's name is kept here;
--   'not_imported' a region the scan could not turn into a face (the validator refused its box, or it could not be cut);
--   'bad_metadata' the photo's or sidecar's metadata is malformed or holds regions refused by the rules (outside the
--                  image, absurd size, too many regions, a name with control characters).
-- A re-analysis of the photo (its content changed) replaces its rows: they are recomputed from the metadata then.
CREATE TABLE metadata_reviews (
    id          INTEGER PRIMARY KEY,
    photo_id    INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    face_id     INTEGER REFERENCES face_crops (id) ON DELETE SET NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('conflict', 'not_imported', 'bad_metadata')),
    -- the region's name after the name rule, NULL when it had none (or it was refused)
    name        TEXT,
    -- the region's bounding box in original-image pixels after EXIF orientation; NULL for a problem of a whole file
    x           REAL,
    y           REAL,
    w           REAL CHECK (w IS NULL OR w > 0),
    h           REAL CHECK (h IS NULL OR h > 0),
    -- the region's provenance, or the file whose metadata has the problem
    source      TEXT    NOT NULL,
    -- machine-readable code (e.g. named_differently, malformed_xmp) and one sentence for a person
    code        TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((x IS NULL) = (w IS NULL))
);
CREATE INDEX metadata_reviews_photo ON metadata_reviews (photo_id);
