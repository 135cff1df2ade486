package app.facet.core.catalog;

/**
 * A count of face rows and of the photos holding them.
 *
 * @param faces  face rows
 * @param photos distinct photos holding at least one of them
 */
public record FaceTally(long faces, long photos) {
}
