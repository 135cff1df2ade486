package app.facet.core.catalog;

/**
 * Face rows by state. Every count but {@code notAFace} and {@code invalid} leaves out rows marked "not a face".
 *
 * @param faces     face rows
 * @param embedded  with an embedding
 * @param byUser    on a person, placed by the user
 * @param auto      on a person, placed by recognition
 * @param suggested on no person, with a suggestion
 * @param unknown   on no person, without a suggestion
 * @param invalid   flagged invalid or visibly broken to SQL (see {@code FaceListingStore.invalidSql}, the one face-row rule set); any row
 * @param notAFace  marked "not a face"
 */
public record FaceStateCounts(long faces, long embedded, long byUser, long auto, long suggested, long unknown, long invalid,
                              long notAFace) {
}
