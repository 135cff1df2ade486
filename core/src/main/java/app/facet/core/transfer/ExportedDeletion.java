package app.facet.core.transfer;

/**
 * A face the user deleted ({@code face_deletions}): a decision like "not a face". Restored, it keeps a re-analysis of
 * the photo from bringing the face back, and removes the face a fresh scan found at its place unless that face carries
 * a decision.
 *
 * @param photoPath      absolute path of the original photo when exported
 * @param contentHash    SHA-256 of the photo file, lower-case hex (may be null)
 * @param x              bounding box left, original-image pixels after EXIF orientation (of the image as it was then)
 * @param y              bounding box top, same space
 * @param w              bounding box width, pixels, above 0
 * @param h              bounding box height, pixels, above 0
 * @param photoWidth     the image's width after EXIF orientation when the face was deleted, pixels; null when unknown
 * @param photoHeight    the image's height after EXIF orientation then, pixels; null when unknown
 * @param personName     the name the face had, null when it was on nobody (for the user's information; creates no person)
 * @param metadataSource its {@code metadata_source} when it came from a face region, else null
 */
public record ExportedDeletion(String photoPath, String contentHash, double x, double y, double w, double h,
                               Integer photoWidth, Integer photoHeight, String personName, String metadataSource) {
}
