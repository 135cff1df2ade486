package app.facet.core.dashboard;

import java.util.List;

/**
 * One page of faces.
 *
 * @param rows   the faces of this page, in the query's order
 * @param total  faces matching the query's filters, all pages together
 * @param offset the page's first row, as asked
 */
public record FacePage(List<FaceListing> rows, long total, int offset) {
    public FacePage {
        rows = List.copyOf(rows);
    }
}
