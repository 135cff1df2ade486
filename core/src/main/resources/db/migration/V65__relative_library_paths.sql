-- A relocatable library (issue 10, item 6): paths inside the library folder are stored relative to it
-- ('managed/crops/0c/p12-r3-f0.jpg', with '/'), so moving or renaming the folder keeps every face valid. Original
-- photo paths (outside the library) stay absolute. One definition: app.facet.core.rules.LibraryPaths / ManagedFolder.
--
-- Existing rows are converted with the managed folder recorded when they were written (library_settings.managed_dir:
-- Catalog.open records the new location only after the migrations ran, so a library moved before this migration
-- still converts). A crop path outside that folder is left as it is (the integrity check reports it).

-- 1. The guards (insert here, update after step 2) accept a relative crop path under 'managed/' (no '..' segment), or an absolute one inside the
--    managed folder (a row this migration could not convert).
DROP TRIGGER IF EXISTS face_crops_guard_insert;
DROP TRIGGER IF EXISTS face_crops_guard_update;

CREATE TRIGGER face_crops_guard_insert BEFORE INSERT ON face_crops
BEGIN
    SELECT RAISE(ABORT, 'face_crops.image_path is inside the managed crops folder: a face crop is never an original photo')
    WHERE substr(NEW.image_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
          = (SELECT value FROM library_settings WHERE key = 'managed_dir');
    SELECT RAISE(ABORT, 'face_crops.image_path must equal the path of its photo')
    WHERE NEW.image_path IS NOT (SELECT path FROM photos WHERE id = NEW.photo_id);
    SELECT RAISE(ABORT, 'face_crops.crop_path must be inside the managed crops folder')
    WHERE NEW.crop_path IS NOT NULL
      AND NOT (CASE WHEN substr(NEW.crop_path, 1, 8) = 'managed/'
                    THEN instr('/' || NEW.crop_path || '/', '/../') = 0
                    ELSE substr(NEW.crop_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
                         IS (SELECT value FROM library_settings WHERE key = 'managed_dir') END);
    SELECT RAISE(ABORT, 'face_crops.embedding length does not match its model dimension')
    WHERE NEW.embedding IS NOT NULL
      AND length(NEW.embedding) IS NOT 4 * (SELECT dimension FROM embedding_models WHERE id = NEW.embedding_model_id);
END;



-- 2. Converting a crop path is not replacing the crop: the V1 trigger would queue the (same) file for deletion. The
--    update guard is recreated after the conversion, so that a row already broken in another way (the integrity check
--    reports it) does not stop the migration.
DROP TRIGGER IF EXISTS face_crops_queue_crop_replace;

UPDATE face_crops
SET crop_path = 'managed/' || replace(substr(crop_path, length((SELECT value FROM library_settings WHERE key = 'managed_dir')) + 1), '\', '/')
WHERE crop_path IS NOT NULL
  AND (SELECT value FROM library_settings WHERE key = 'managed_dir') IS NOT NULL
  AND substr(crop_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
      = (SELECT value FROM library_settings WHERE key = 'managed_dir');

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
      AND NOT (CASE WHEN substr(NEW.crop_path, 1, 8) = 'managed/'
                    THEN instr('/' || NEW.crop_path || '/', '/../') = 0
                    ELSE substr(NEW.crop_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
                         IS (SELECT value FROM library_settings WHERE key = 'managed_dir') END);
    SELECT RAISE(ABORT, 'face_crops.embedding length does not match its model dimension')
    WHERE NEW.embedding IS NOT NULL
      AND length(NEW.embedding) IS NOT 4 * (SELECT dimension FROM embedding_models WHERE id = NEW.embedding_model_id);
END;

CREATE TRIGGER face_crops_queue_crop_replace AFTER UPDATE OF crop_path ON face_crops
WHEN OLD.crop_path IS NOT NULL AND OLD.crop_path IS NOT NEW.crop_path
BEGIN
    INSERT OR IGNORE INTO crop_files_to_delete (path) VALUES (OLD.crop_path);
END;

-- 3. The other stored paths inside the library: queued crop deletions, refused writes, backups named by repairs.
UPDATE OR IGNORE crop_files_to_delete
SET path = 'managed/' || replace(substr(path, length((SELECT value FROM library_settings WHERE key = 'managed_dir')) + 1), '\', '/')
WHERE (SELECT value FROM library_settings WHERE key = 'managed_dir') IS NOT NULL
  AND substr(path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
      = (SELECT value FROM library_settings WHERE key = 'managed_dir');

UPDATE rejected_writes
SET crop_path = 'managed/' || replace(substr(crop_path, length((SELECT value FROM library_settings WHERE key = 'managed_dir')) + 1), '\', '/')
WHERE crop_path IS NOT NULL
  AND (SELECT value FROM library_settings WHERE key = 'managed_dir') IS NOT NULL
  AND substr(crop_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')))
      = (SELECT value FROM library_settings WHERE key = 'managed_dir');

-- backups live beside the managed folder: <library>/backups/...; the library folder is managed_dir minus 'managed/'
UPDATE integrity_removed_rows
SET backup_path = replace(substr(backup_path, length((SELECT value FROM library_settings WHERE key = 'managed_dir')) - 7), '\', '/')
WHERE backup_path IS NOT NULL
  AND (SELECT value FROM library_settings WHERE key = 'managed_dir') IS NOT NULL
  AND substr(backup_path, 1, length((SELECT value FROM library_settings WHERE key = 'managed_dir')) - 8)
      = substr((SELECT value FROM library_settings WHERE key = 'managed_dir'), 1,
               length((SELECT value FROM library_settings WHERE key = 'managed_dir')) - 8);
