package app.facet.core.catalog;

import app.facet.model.BoundingBox;

import java.util.List;

/**
 * A photo's faces that are on a person, for writing face regions to its sidecar.
 *
 * @param width       width after EXIF orientation, pixels
 * @param height      height after EXIF orientation, pixels
 * @param orientation EXIF orientation 1..8, null when absent
 * @param faces       its named faces (not "not a face"), by face id
 */
public record PhotoNamedFaces(long photoId, String path, int width, int height, Integer orientation, List<Face> faces) {
    public PhotoNamedFaces {
        faces = List.copyOf(faces);
    }

    /** @param box bounding box in original-image pixels after EXIF orientation */
    public record Face(long faceId, BoundingBox box, String personName) {
    }
}
