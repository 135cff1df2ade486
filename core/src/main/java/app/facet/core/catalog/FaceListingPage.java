package app.facet.core.catalog;

import java.util.List;

/**
 * One page of the face listing.
 *
 * @param rows  the rows of the page, in the query's order
 * @param total rows matching the query's filters, over all pages
 */
public record FaceListingPage(List<FaceListingRow> rows, long total) {
}
