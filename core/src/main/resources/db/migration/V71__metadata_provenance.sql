-- Provenance of names read from face regions, faces the user deleted, and what Facet last wrote into each sidecar
-- (issue 12, follow-up).

-- The name the face region had when the scan applied it to this face (after the name rule), NULL when the face's name
-- did not come from a region. Together with metadata_source it says whether the face's present name is the
-- metadata's own: only then may a later, changed region rename the face (metadata.MetadataFaces). A name typed in
-- Facet (another person, or the person renamed) differs from it and is never overwritten.
ALTER TABLE face_crops ADD COLUMN metadata_name TEXT;

-- Carried with the user's decisions across a re-analysis (DecisionStore, DecisionCarrier): the provenance of the old
-- face, on its 'person' and 'hand_drawn_box' rows.
ALTER TABLE orphaned_decisions ADD COLUMN metadata_source TEXT;
ALTER TABLE orphaned_decisions ADD COLUMN metadata_name TEXT;

-- A face the user deleted (`facet faces remove`, Delete in the window, the crop editor): a decision like "not a face".
-- When the photo is analysed again (its content or its sidecar changed), neither a detection nor a face region at
-- this place brings it back; a named region there is kept in metadata_reviews (code deleted_in_facet) instead.
-- Rows go with their photo; a face the user later adds at this place (a box drawn by hand) stands.
CREATE TABLE face_deletions (
    id              INTEGER PRIMARY KEY,
    photo_id        INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    -- the deleted face's bounding box in original-image pixels after EXIF orientation, and the image's oriented size
    x               REAL    NOT NULL,
    y               REAL    NOT NULL,
    w               REAL    NOT NULL CHECK (w > 0),
    h               REAL    NOT NULL CHECK (h > 0),
    photo_width     INTEGER CHECK (photo_width IS NULL OR photo_width > 0),
    photo_height    INTEGER CHECK (photo_height IS NULL OR photo_height > 0),
    -- the name the face had (NULL: on nobody) and its metadata_source: for the review's sentence
    person_name     TEXT,
    metadata_source TEXT,
    recorded_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX face_deletions_photo ON face_deletions (photo_id);

-- A fingerprint (SHA-256 hex) of the named faces Facet last wrote into the photo's sidecar (metadata.SidecarExport),
-- NULL when Facet never wrote it. "Keep Sidecars in Sync" writes only photos whose named faces no longer match it,
-- and a photo whose last named face was deleted or unnamed still gets its sidecar's regions removed.
ALTER TABLE photos ADD COLUMN sidecar_names TEXT;
