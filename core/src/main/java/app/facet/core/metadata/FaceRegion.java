package app.facet.core.metadata;

import app.facet.model.BoundingBox;

/**
 * A face region read from a photo's XMP (embedded or sidecar), converted into Facet's coordinate space.
 *
 * @param box        bounding box in original-image pixels, after EXIF orientation (origin top-left); already clipped
 *                   to the image
 * @param name       the person's name as written by the other tool, trimmed and NFC-normalised; null when the
 *                   region is unnamed or its name was refused (see the reading's problems)
 * @param provenance file, embedded/sidecar, schema and list position of the region
 */
public record FaceRegion(BoundingBox box, String name, RegionProvenance provenance) {

    public boolean named() {
        return name != null;
    }

    public RegionLocation location() {
        return provenance.location();
    }

    public RegionSchema schema() {
        return provenance.schema();
    }
}
