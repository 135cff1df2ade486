package app.facet.core.metadata;

import app.facet.model.BoundingBox;

import java.util.Objects;

/**
 * A face Facet knows the person of, to be written to a sidecar.
 *
 * @param box  bounding box in original-image pixels, after EXIF orientation
 * @param name the person's name (faces without one are not written)
 */
public record NamedFace(BoundingBox box, String name) {
    public NamedFace {
        Objects.requireNonNull(box, "box");
    }
}
