-- Face quality dashboard: the face listing is ordered by quality, unmeasured faces last in both directions.
-- These expression indexes match its ORDER BY exactly, so a page is read in index order instead of sorting
-- every face of the library (measured in docs/PERFORMANCE.md, "Face quality dashboard").
CREATE INDEX face_crops_quality_ascending ON face_crops (coalesce(quality, 2), id);
CREATE INDEX face_crops_quality_descending ON face_crops (coalesce(quality, -1), id);
-- The listing's default order: invalid rows first, then unknown, suggested, recognised, named, "not a face",
-- each group weakest first (FaceSort.STATUS; the same expression, so the index serves it in both directions).
CREATE INDEX face_crops_status_order ON face_crops (
    (CASE WHEN status = 'invalid' THEN 0 WHEN not_a_face = 1 THEN 5
          WHEN person_id IS NULL AND suggested_person_id IS NULL THEN 1 WHEN person_id IS NULL THEN 2
          WHEN assigned_by = 'auto' THEN 3 ELSE 4 END),
    coalesce(quality, 2), id);
