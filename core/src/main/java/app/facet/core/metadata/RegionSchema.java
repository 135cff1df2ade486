package app.facet.core.metadata;

/** The XMP schema a face region was written in. */
public enum RegionSchema {
    /** Metadata Working Group regions: {@code mwg-rs:Regions/mwg-rs:RegionList}, centre-based normalised areas. */
    MWG,
    /** Microsoft People Tagging: {@code MP:RegionInfo/MPRI:Regions}, top-left-based normalised rectangles. */
    MICROSOFT
}
