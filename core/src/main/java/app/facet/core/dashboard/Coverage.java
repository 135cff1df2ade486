package app.facet.core.dashboard;

import java.util.List;

/**
 * How far face analysis has got in a library, and what state its faces are in. Counts, never negative.
 *
 * @param photos          photo rows in the catalog (missing files included)
 * @param missingPhotos   photos whose file was not found on the last scan
 * @param pending         photos not analysed yet (or changed since)
 * @param scanned         photos analysed: {@code withFaces + noFaces + failed}
 * @param withFaces       photos in state {@code done} (at least one face stored)
 * @param noFaces         photos in state {@code no_faces} (none found, or all removed by the user)
 * @param failed          photos that could not be analysed
 * @param failures        failed photos grouped by reason code, most frequent first
 * @param faces           face rows that are faces (rows marked "not a face" excluded)
 * @param withEmbedding   of {@code faces}, those with an embedding stored
 * @param assignedByUser  of {@code faces}, those a user put on a person
 * @param assignedAuto    of {@code faces}, those recognition put on a person
 * @param suggested       of {@code faces}, on no person but with a suggested person
 * @param unknown         of {@code faces}, on no person and with no suggestion
 * @param invalid         face rows (any) flagged {@code status='invalid'}, or broken in a way SQL alone can see (image_path
 *                        naming a crop or not its photo's path, photo gone, no crop, degenerate box or outside the image);
 *                        a deleted crop file counts once {@link FaceDashboard#revalidate()} has run
 * @param notAFace        rows the user marked "not a face"
 */
public record Coverage(long photos, long missingPhotos, long pending, long scanned, long withFaces, long noFaces, long failed,
                       List<FailureCount> failures, long faces, long withEmbedding, long assignedByUser, long assignedAuto,
                       long suggested, long unknown, long invalid, long notAFace) {
    public Coverage {
        failures = List.copyOf(failures);
    }

    /**
     * Failed photos sharing one reason code.
     *
     * @param code    stable code stored before the colon of {@code photos.failure_reason}, e.g. {@code corrupt_image}
     * @param count   photos failed for it
     * @param example the full reason of one of them (one sentence, for a tooltip)
     */
    public record FailureCount(String code, long count, String example) {
    }
}
