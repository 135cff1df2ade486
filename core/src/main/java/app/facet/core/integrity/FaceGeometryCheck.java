package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckFaceScans;
import app.facet.core.catalog.IntegrityCheckFaceScans.BoxVerdict;
import app.facet.core.catalog.IntegrityCheckStore;
import app.facet.core.rules.FaceRowRules;
import app.facet.core.rules.FaceRule;

import app.facet.model.BoundingBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static app.facet.core.integrity.CheckMode.QUICK;
import static app.facet.core.integrity.Severity.ERROR;
import static app.facet.core.integrity.Severity.WARNING;

/**
 * Boxes judged in one pass over the small covering index {@code face_crops_geometry} (photo_id, x, y, w, h), photo by
 * photo ({@link IntegrityCheckFaceScans#boxes}): degenerate boxes and boxes outside the photo ({@link FaceRule} predicates) and duplicate faces (two faces of one
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
    public void run(CheckContext ctx, Map<String, Findings> findings) {
        Findings degenerate = findings.get(CheckNames.BOX_DEGENERATE);
        Findings outside = findings.get(CheckNames.BOX_OUTSIDE_IMAGE);
        Findings duplicates = findings.get(CheckNames.DUPLICATE_FACES);
        List<FaceBox> photoFaces = new ArrayList<>();
        long[] photoId = {Long.MIN_VALUE};
        IntegrityCheckFaceScans.boxes(ctx.tx(), row -> {
            if (row.photoId() != photoId[0]) {
                reportDuplicates(ctx, photoFaces, photoId[0], duplicates);
                photoFaces.clear();
                photoId[0] = row.photoId();
            }
            if (row.verdict() == BoxVerdict.DEGENERATE) {
                degenerate.add(Subject.FACE, row.id(), photoPath(ctx, photoId[0]), "box " + row.text());
                return;
            }
            if (row.verdict() == BoxVerdict.OUTSIDE_IMAGE) {
                outside.add(Subject.FACE, row.id(), photoPath(ctx, photoId[0]),
                        "box " + row.text() + " outside " + IntegrityCheckStore.photoSize(ctx.tx(), photoId[0]));
            }
            photoFaces.add(new FaceBox(row.id(), new BoundingBox(row.x(), row.y(), row.w(), row.h())));
        });
        reportDuplicates(ctx, photoFaces, photoId[0], duplicates);
        ctx.progress().advance(1);
    }

    /** The photo's path, looked up only for a finding (reading it for every face would double the pass). */
    private static String photoPath(CheckContext ctx, long photoId) {
        return IntegrityCheckStore.photoPath(ctx.tx(), photoId);
    }

    private static void reportDuplicates(CheckContext ctx, List<FaceBox> faces, long photoId, Findings duplicates) {
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
