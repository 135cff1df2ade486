package app.facet.core.metadata;

/** Where a face region was read from: XMP inside the photo file, or an XMP sidecar beside it. */
public enum RegionLocation {
    EMBEDDED,
    SIDECAR
}
