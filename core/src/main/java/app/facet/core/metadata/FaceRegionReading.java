package app.facet.core.metadata;

import java.util.List;

/**
 * What {@link FaceRegionReader} found for one photo.
 *
 * @param regions  face regions in Facet's space, de-duplicated across embedded XMP and sidecars (see docs/METADATA.md)
 * @param problems every problem met, one per region or file; empty when all was well
 */
public record FaceRegionReading(List<FaceRegion> regions, List<MetadataProblem> problems) {
    public FaceRegionReading {
        regions = List.copyOf(regions);
        problems = List.copyOf(problems);
    }
}
