package app.facet.core.catalog;

import app.facet.model.ScanState;

/**
 * The columns of a {@code photos} row that decide whether its faces may be edited or detected again.
 *
 * @param id            photo id
 * @param path          absolute path of the original photo
 * @param state         scan state
 * @param failureReason why analysis failed; null unless {@code state} is failed
 * @param width         width in pixels after EXIF orientation; null until analysed
 * @param height        height in pixels after EXIF orientation; null until analysed
 * @param missing       recorded missing on disk
 */
public record PhotoScanRow(long id, String path, ScanState state, String failureReason, Integer width, Integer height, boolean missing) {
}
