package app.facet.core.dashboard;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.FaceStatus;
import app.facet.model.QualityMetrics;

/**
 * One row of the dashboard's face listing. Built from any stored row, however broken: nothing here throws.
 *
 * @param photoPath      path of the face's photo row (null when the row points at no photo)
 * @param imagePath      face_crops.image_path as stored (should equal {@code photoPath}; a broken row may differ)
 * @param cropPath       display crop JPEG as stored, may be null
 * @param cropReadable   true when {@code cropPath} is a file inside the library's crops folder (safe to show as a thumbnail)
 * @param x              raw bounding box as stored, original-image pixels after EXIF orientation; may be degenerate
 * @param quality        stored quality metrics (NaN for a sub-measure not stored), null when no overall score is stored
 * @param personName     the assigned person's name, null when on no person
 * @param suggestedName  the suggested person's name, null when none
 * @param status         {@link FaceStatus#INVALID} when the row is flagged in the catalog or breaks a rule now
 * @param invalidReason  every broken rule as {@code code: sentence}, joined by "; "; null exactly when valid
 */
public record FaceListing(long faceId, long photoId, String photoPath, String imagePath, String cropPath, boolean cropReadable,
                          double x, double y, double w, double h, double detectionScore, String detector,
                          QualityMetrics quality, boolean hasEmbedding, Long personId, String personName, AssignedBy assignedBy,
                          String suggestedName, FaceAssignment assignment, FaceStatus status, String invalidReason) {

    public boolean invalid() {
        return status == FaceStatus.INVALID;
    }

    /** @return true when the face can be opened in the crop editor (valid rows only: an invalid one is repaired, not edited) */
    public boolean reviewable() {
        return !invalid() && photoPath != null;
    }

    /** @return the bounding box, or null when the stored one is degenerate */
    public BoundingBox box() {
        boolean ok = w > 0 && h > 0 && Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(w) && Double.isFinite(h);
        return ok ? new BoundingBox(x, y, w, h) : null;
    }

    /** @return "⚠ Invalid" for a row that fails validation, else what the assignment says (e.g. "Unknown") */
    public String statusText() {
        return invalid() ? "⚠ Invalid" : assignment.display();
    }
}
