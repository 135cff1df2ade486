package app.facet.core.integrity;

import app.facet.core.rules.FaceRowRules;
import app.facet.core.rules.FaceRule;

import app.facet.model.BoundingBox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static app.facet.core.integrity.CheckMode.QUICK;
import static app.facet.core.integrity.Severity.ERROR;
import static app.facet.core.integrity.Severity.WARNING;

/**
 * Boxes judged in one pass over the small covering index {@code face_crops_geometry} (photo_id, x, y, w, h), photo by
 * photo: degenerate boxes and boxes outside the photo ({@link FaceRule} predicates) and duplicate faces (two faces of one
 * photo whose boxes overlap above IoU {@value FaceRowRules#DUPLICATE_IOU}; the later face, by id, is the duplicate).
 */
final class FaceGeometryCheck implements IntegrityCheck {
    static final CheckInfo BOX_DEGENERATE = new CheckInfo(CheckNames.BOX_DEGENERATE, "Degenerate face boxes", ERROR, QUICK,
            "Repair removes these rows (a box under one pixel or not a number holds no face); they are kept in integrity_removed_rows.", true);
    static final CheckInfo BOX_OUTSIDE = new CheckInfo(CheckNames.BOX_OUTSIDE_IMAGE, "Face boxes outside their photo", ERROR, QUICK,
            "Repair clips each box to the photo; a box with nothing inside the photo is removed and kept in integrity_removed_rows.", true);
    static final CheckInfo DUPLICATES = new CheckInfo(CheckNames.DUPLICATE_FACES, "Duplicate faces (same photo, boxes overlapping above IoU "
            + FaceRowRules.DUPLICATE_IOU + ")", WARNING, QUICK,
            "Repair keeps one face of each group (the user-assigned one, else the best detection), moves the person and "
                    + "\"not this person\" answers to it and removes the others into integrity_removed_rows; "
                    + "faces assigned by the user to different persons are left for you to decide.", true);

    /**
     * Few, numeric columns: this pass reads every face, and each column costs a JNI call per row. Column 7 judges the
     * box rules in SQL: 1 degenerate, 2 outside the photo, 0 fine.
     */
    private static final String SQL = "SELECT f.id, f.photo_id, f.x, f.y, f.w, f.h,"
            + " CASE WHEN " + FaceRule.BOX_DEGENERATE.sqlPredicate() + " THEN 1 WHEN " + FaceRule.BOX_OUTSIDE_IMAGE.sqlPredicate() + " THEN 2 ELSE 0 END"
            // the full index order makes the planner read the covering index, not the face table
            + " FROM face_crops f LEFT JOIN photos p ON p.id = f.photo_id ORDER BY f.photo_id, f.x, f.y, f.w, f.h";

    /** A face's box as stored; {@code box} is null when the stored values are degenerate. */
    record FaceBox(long id, BoundingBox box) {
    }

    /**
     * A face that duplicates an earlier one.
     *
     * @param duplicateId the later face
     * @param originalId  the earlier face it overlaps most
     * @param iou         their intersection over union
     */
    record Duplicate(long duplicateId, long originalId, double iou) {
    }

    @Override
    public List<CheckInfo> infos() {
        return List.of(BOX_DEGENERATE, BOX_OUTSIDE, DUPLICATES);
    }

    @Override
    public void run(CheckContext ctx, Map<String, Findings> findings) throws SQLException {
        Findings degenerate = findings.get(CheckNames.BOX_DEGENERATE);
        Findings outside = findings.get(CheckNames.BOX_OUTSIDE_IMAGE);
        Findings duplicates = findings.get(CheckNames.DUPLICATE_FACES);
        try (PreparedStatement ps = ctx.connection().prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
            List<FaceBox> photoFaces = new ArrayList<>();
            long photoId = Long.MIN_VALUE;
            while (rs.next()) {
                if (rs.getLong(2) != photoId) {
                    reportDuplicates(ctx, photoFaces, photoId, duplicates);
                    photoFaces.clear();
                    photoId = rs.getLong(2);
                }
                long id = rs.getLong(1);
                int verdict = rs.getInt(7);
                if (verdict == 1) {
                    degenerate.add(Subject.FACE, id, photoPath(ctx, photoId), "box " + box(rs));
                    continue;
                }
                if (verdict == 2) {
                    outside.add(Subject.FACE, id, photoPath(ctx, photoId), "box " + box(rs) + " outside " + photoSize(ctx, photoId));
                }
                photoFaces.add(new FaceBox(id, new BoundingBox(rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6))));
            }
            reportDuplicates(ctx, photoFaces, photoId, duplicates);
        }
        ctx.progress().advance(1);
    }

    private static String box(ResultSet rs) throws SQLException {
        return rs.getString(3) + "," + rs.getString(4) + " " + rs.getString(5) + "x" + rs.getString(6);
    }

    private static String photoSize(CheckContext ctx, long photoId) throws SQLException {
        try (PreparedStatement ps = ctx.connection().prepareStatement("SELECT width || 'x' || height FROM photos WHERE id = ?")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "?";
            }
        }
    }

    /** The photo's path, looked up only for a finding (reading it for every face would double the pass). */
    private static String photoPath(CheckContext ctx, long photoId) throws SQLException {
        try (PreparedStatement ps = ctx.connection().prepareStatement("SELECT path FROM photos WHERE id = ?")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void reportDuplicates(CheckContext ctx, List<FaceBox> faces, long photoId, Findings duplicates) throws SQLException {
        List<Duplicate> found = duplicates(faces);
        String photoPath = found.isEmpty() ? null : photoPath(ctx, photoId);
        for (Duplicate d : found) {
            duplicates.add(Subject.FACE, d.duplicateId(), photoPath,
                    "overlaps face " + d.originalId() + " of the same photo (IoU " + String.format(java.util.Locale.ROOT, "%.2f", d.iou()) + ")");
        }
    }

    /** @return for each face (in id order) that overlaps an earlier face of the same photo above the IoU limit, that pair */
    static List<Duplicate> duplicates(List<FaceBox> facesOfOnePhoto) {
        if (facesOfOnePhoto.size() < 2) {
            return List.of();
        }
        List<FaceBox> byId = new ArrayList<>(facesOfOnePhoto);
        byId.sort(Comparator.comparingLong(FaceBox::id));
        List<Duplicate> out = new ArrayList<>();
        for (int j = 1; j < byId.size(); j++) {
            double best = 0;
            long original = -1;
            for (int i = 0; i < j; i++) {
                double iou = byId.get(i).box().iou(byId.get(j).box());
                if (iou > best) {
                    best = iou;
                    original = byId.get(i).id();
                }
            }
            if (best > FaceRowRules.DUPLICATE_IOU) {
                out.add(new Duplicate(byId.get(j).id(), original, best));
            }
        }
        return out;
    }
}
