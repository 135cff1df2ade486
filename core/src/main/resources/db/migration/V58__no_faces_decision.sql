-- The user's "no faces" decision (issue 10): a photo the user emptied of faces in the crop editor or the dashboard
-- says so, apart from a photo the detector found no face in. Only meaningful while scan_state = 'no_faces'; kept
-- when a rescan changes the state, so that the decision can be carried and exported (restore sets it again).
ALTER TABLE photos ADD COLUMN no_faces_by_user INTEGER NOT NULL DEFAULT 0 CHECK (no_faces_by_user IN (0, 1));
