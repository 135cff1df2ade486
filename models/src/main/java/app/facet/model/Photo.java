package app.facet.model;

import java.time.Instant;

/**
 * One catalogued photo (a row of {@code photos}).
 *
 * @param path          absolute, normalised path of the original file
 * @param sizeBytes     file size in bytes
 * @param mtimeMillis   file modification time, ms since the epoch
 * @param contentHash   SHA-256 of the file bytes, lower-case hex; null until hashed
 * @param width         width in pixels after EXIF orientation; null until decoded
 * @param height        height in pixels after EXIF orientation; null until decoded
 * @param takenAt       EXIF DateTimeOriginal (local time as recorded, read as UTC); null when absent
 * @param failureReason why analysis failed; non-null exactly when {@code scanState == FAILED}
 * @param missing       true when the file was not found at its path on the last scan
 */
public record Photo(long id, String path, long sizeBytes, long mtimeMillis, String contentHash,
                    Integer width, Integer height, Instant takenAt, ScanState scanState, String failureReason,
                    String detector, String embeddingModelId, boolean missing, int faceCount) {
}
