package app.facet.core.editor;

import app.facet.model.Face;
import app.facet.model.ScanState;

import java.util.List;

/**
 * An original photo of the catalog, opened for editing its faces.
 *
 * @param path         absolute path of the original file (the one to decode and show, EXIF-oriented)
 * @param width        width after EXIF orientation, pixels: the space of every box
 * @param height       height after EXIF orientation
 * @param scanState    {@code done} or {@code no_faces}
 * @param faces        the photo's face rows with a drawable box ("not a face" and invalid rows included: the editor
 *                     decides how to show them), left to right
 * @param unreadable   face rows left out because their stored box is degenerate (they can only be deleted by a
 *                     repair, or by removing every face)
 */
public record EditablePhoto(long photoId, String path, int width, int height, ScanState scanState, List<Face> faces,
                            int unreadable) {
    public EditablePhoto {
        faces = List.copyOf(faces);
    }
}
