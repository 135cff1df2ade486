package app.facet.core.editor;

import app.facet.model.ScanState;

/**
 * What a re-detection of one photo did.
 *
 * @param facesBefore face rows the photo had ("not a face" rows included)
 * @param facesAfter  face rows it has now
 * @param kept        new faces that took over a person, "not a face" mark or refusals from an old face at the same place
 * @param rejected    detected faces the validator refused (recorded in rejected_writes)
 * @param scanState   the photo's state now
 * @param failureReason why the analysis failed, null unless {@code scanState} is {@code failed}
 * @param notRestored detections not stored because they show a face the user deleted again ({@code face_deletions})
 */
public record RedetectResult(long photoId, int facesBefore, int facesAfter, int kept, int rejected, ScanState scanState,
                             String failureReason, int notRestored) {
    /** A result without deleted faces detected again. */
    public RedetectResult(long photoId, int facesBefore, int facesAfter, int kept, int rejected, ScanState scanState,
                          String failureReason) {
        this(photoId, facesBefore, facesAfter, kept, rejected, scanState, failureReason, 0);
    }
}
