package app.facet.core.metadata;

/** Whether {@link FaceRegionSidecarWriter} writes, or only reports what it would change. */
public enum SidecarWriteMode {
    WRITE,
    DRY_RUN
}
