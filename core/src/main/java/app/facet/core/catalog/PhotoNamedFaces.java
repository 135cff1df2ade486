package app.facet.core.catalog;

import app.facet.model.BoundingBox;

import java.util.List;

/**
 * A photo's faces that are on a person, for writing face regions to its sidecar.
 *
 * @param width       width after EXIF orientation, pixels
 * @param height      height after EXIF orientation, pixels
 * @param orientation EXIF orientation 1..8, null when absent
 * @param faces       its named faces (not "not a face"), by face id; may be empty (names to take out of the sidecar)
 * @param written     the fingerprint of the named faces Facet last wrote into its sidecar ({@code photos.sidecar_names}),
 *                    null when it never wrote it
 */
public record PhotoNamedFaces(long photoId, String path, int width, int height, Integer orientation, List<Face> faces,
                              String written) {
    public PhotoNamedFaces {
        faces = List.copyOf(faces);
    }

    /** @return this photo with {@code faces} */
    public PhotoNamedFaces withFaces(List<Face> faces) {
        return new PhotoNamedFaces(photoId, path, width, height, orientation, faces, written);
    }

    /** @param box bounding box in original-image pixels after EXIF orientation */
    public record Face(long faceId, BoundingBox box, String personName) {
    }
}
