package app.facet.core.catalog;

/**
 * A catalogued photo waiting for analysis, as the scan read it.
 *
 * @param id          the photo's row id
 * @param path        absolute path of the original file
 * @param contentHash the content hash (SHA-256 hex) the scan read with the photo, or null when unknown: the write of
 *                    its faces is conditional on the row still being pending with this hash (compare-and-set)
 */
public record PendingPhoto(long id, String path, String contentHash) {
    public PendingPhoto(long id, String path) {
        this(id, path, null);
    }
}
