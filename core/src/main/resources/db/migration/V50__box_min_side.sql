-- One rule set (app.facet.core.rules.FaceRule.BOX_DEGENERATE): a bounding box side shorter than 1 px holds no face.
-- V1's CHECK (w > 0, h > 0) let a 0.9 x 0.9 px box in that the integrity check then called degenerate; these
-- triggers make SQLite refuse what the writer, the flagging and the check refuse. (SQLite cannot add a CHECK to an
-- existing table without rebuilding it; a trigger is the same guard for INSERT and UPDATE.) Rows already stored
-- (w, h <= 0 stay V1's CHECK: its message says so) are left alone: the integrity check reports them and the repair fixes them.
CREATE TRIGGER face_crops_box_min_side_insert BEFORE INSERT ON face_crops
WHEN (NEW.w > 0 AND NEW.w < 1) OR (NEW.h > 0 AND NEW.h < 1)
BEGIN
    SELECT RAISE(ABORT, 'face_crops bounding box must be at least 1 px wide and high');
END;

CREATE TRIGGER face_crops_box_min_side_update BEFORE UPDATE OF w, h ON face_crops
WHEN (NEW.w > 0 AND NEW.w < 1) OR (NEW.h > 0 AND NEW.h < 1)
BEGIN
    SELECT RAISE(ABORT, 'face_crops bounding box must be at least 1 px wide and high');
END;
