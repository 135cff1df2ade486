package app.facet.core.catalog;

import app.facet.model.ScanState;

/** The file facts of a catalogued photo, as the scanner compares them with the disk. */
public record CataloguedPhoto(long id, String path, long sizeBytes, long mtimeMs, String contentHash,
                              ScanState scanState, boolean missing) {
}
