package app.facet.core.catalog;

/**
 * A catalogued photo waiting for analysis.
 *
 * @param id   the photo's row id
 * @param path absolute path of the original file
 */
public record PendingPhoto(long id, String path) {
}
