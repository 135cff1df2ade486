package app.facet.core.transfer;

/**
 * A photo the user decided has no faces (they removed every box in the crop editor or the dashboard): restore removes
 * the faces a fresh scan found on it, unless one of them carries a decision.
 *
 * @param photoPath   absolute path of the photo when exported
 * @param contentHash SHA-256 of the photo file, lower-case hex (may be null)
 */
public record ExportedPhoto(String photoPath, String contentHash) {
}
