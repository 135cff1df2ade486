-- People features (issue 4). Indexes only: the people columns are all in V1.

-- Suggestions are read per person (merge, delete, the review view) and the foreign key
-- suggested_person_id -> persons(id) ON DELETE SET NULL is checked on every person deletion:
-- without an index each of those scans every face.
CREATE INDEX face_crops_suggested ON face_crops (suggested_person_id) WHERE suggested_person_id IS NOT NULL;

-- "Not this person" refusals are read and cascaded per person too (the primary key starts with face_id).
CREATE INDEX face_person_rejections_person ON face_person_rejections (person_id);
