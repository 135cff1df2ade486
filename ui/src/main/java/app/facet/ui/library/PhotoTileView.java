package app.facet.ui.library;

import app.facet.model.Photo;

/**
 * What one tile on screen shows: for tests and benchmarks that check the grid as a user sees it.
 *
 * @param index        grid index
 * @param photo        the photo, null while its catalog page is being read
 * @param hasThumbnail true once its thumbnail is decoded and displayed
 */
public record PhotoTileView(int index, Photo photo, boolean hasThumbnail) {
}
