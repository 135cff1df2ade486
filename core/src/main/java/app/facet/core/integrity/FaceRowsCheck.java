package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckFaceScans;
import app.facet.core.catalog.IntegrityCheckFaceScans.FaceRuleRow;
import app.facet.core.rules.FaceRule;

import java.util.List;
import java.util.Map;

import static app.facet.core.integrity.CheckMode.QUICK;
import static app.facet.core.integrity.Severity.ERROR;
import static app.facet.core.integrity.Severity.INFO;

/**
 * The per-row face rules that have SQL predicates ({@link FaceRule}: paths and embeddings) in ONE scan of
 * {@code face_crops}: the table's rows carry the embeddings, so each extra scan would cost as much as all the rules
 * together. Only offending rows leave SQLite ({@link IntegrityCheckFaceScans#faceRuleRows}, which evaluates the rules
 * only for rows that pass a cheap superset filter). Boxes are judged by {@link FaceGeometryCheck}.
 */
final class FaceRowsCheck implements IntegrityCheck {
    static final CheckInfo IMAGE_PATH_IS_CROP = new CheckInfo(CheckNames.FACE_IMAGE_PATH_IS_CROP,
            "Faces pointing at a face crop instead of their photo", ERROR, QUICK,
            "Repair re-points each face to its original photo (through photo_id, the crop's file name or content hash); "
                    + "faces whose original cannot be found are removed and kept in integrity_removed_rows.", true);
    static final CheckInfo IMAGE_PATH_MISMATCH = new CheckInfo(CheckNames.FACE_IMAGE_PATH_MISMATCH,
            "Faces whose image path differs from their photo's path", ERROR, QUICK, "Repair sets image_path to the photo's path.", true);
    static final CheckInfo CROP_PATH_OUTSIDE = new CheckInfo(CheckNames.CROP_PATH_OUTSIDE_MANAGED, "Face crops outside the managed folder",
            ERROR, QUICK, "Repair cuts a new crop into the managed folder from the original photo (the file outside is never deleted).", true);
    static final CheckInfo EMBEDDING = new CheckInfo(CheckNames.EMBEDDING_WRONG_SIZE_OR_MODEL, "Embeddings of the wrong size or an unknown model",
            ERROR, QUICK, "Repair drops these embeddings (the face and its person stay); the next scan computes them again.", true);
    static final CheckInfo SCORE_OUT_OF_RANGE = new CheckInfo(CheckNames.DETECTION_SCORE_OUT_OF_RANGE,
            "Faces whose detection score is not in [0, 1]", ERROR, QUICK,
            "Re-detect the photo (Faces → Detect Faces); the schema refuses such scores, so only a write that bypassed it stores one.", false);
    static final CheckInfo FLAGGED_INVALID = new CheckInfo(CheckNames.FACES_FLAGGED_INVALID, "Faces flagged invalid by the scan's validator",
            INFO, QUICK, "Nothing to do: these faces are kept, shown with their reason and left out of recognition.", false);

    @Override
    public List<CheckInfo> infos() {
        return List.of(IMAGE_PATH_IS_CROP, IMAGE_PATH_MISMATCH, CROP_PATH_OUTSIDE, EMBEDDING, SCORE_OUT_OF_RANGE, FLAGGED_INVALID);
    }

    @Override
    public void run(CheckContext ctx, Map<String, Findings> findings) {
        IntegrityCheckFaceScans.faceRuleRows(ctx.tx(), row -> report(row, findings));
        ctx.progress().advance(1);
    }

    private static void report(FaceRuleRow row, Map<String, Findings> findings) {
        long id = row.id();
        String imagePath = row.imagePath();
        if (row.imagePathIsCrop()) {
            findings.get(CheckNames.FACE_IMAGE_PATH_IS_CROP).add(Subject.FACE, id, imagePath,
                    "image_path is a face crop; photo " + row.photoId() + " is " + orMissing(row.photoPath()));
        }
        if (row.imagePathMismatch()) {
            findings.get(CheckNames.FACE_IMAGE_PATH_MISMATCH).add(Subject.FACE, id, imagePath,
                    "photo " + row.photoId() + " is at " + row.photoPath());
        }
        if (row.cropOutsideManaged()) {
            findings.get(CheckNames.CROP_PATH_OUTSIDE_MANAGED).add(Subject.FACE, id, row.cropPath(),
                    "crop_path is outside the managed folder");
        }
        if (row.badEmbedding()) {
            findings.get(CheckNames.EMBEDDING_WRONG_SIZE_OR_MODEL).add(Subject.FACE, id, imagePath, row.dimension() == null
                    ? "embedding model " + row.embeddingModelId() + " is not registered"
                    : row.embeddingType() + " of " + row.embeddingBytes() + " bytes, model " + row.embeddingModelId()
                    + " needs " + 4 * row.dimension());
        }
        if (row.badScore()) {
            findings.get(CheckNames.DETECTION_SCORE_OUT_OF_RANGE).add(Subject.FACE, id, imagePath,
                    "detection score " + row.detectionScore());
        }
        if ("invalid".equals(row.status())) {
            findings.get(CheckNames.FACES_FLAGGED_INVALID).add(Subject.FACE, id, imagePath, row.invalidReason());
        }
    }

    private static String orMissing(String path) {
        return path == null ? "missing" : path;
    }
}
