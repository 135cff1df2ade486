package app.facet.core.transfer;

import java.util.List;

/**
 * One face and what the user (or Facet) decided about it.
 *
 * @param photoPath       absolute path of the original photo when exported
 * @param contentHash     SHA-256 of the photo file, lower-case hex; finds the photo again when it moved (may be null)
 * @param x               bounding box left, original-image pixels after EXIF orientation
 * @param y               bounding box top, same space
 * @param w               bounding box width, pixels
 * @param h               bounding box height, pixels
 * @param person          name of the person the face is on; null when unassigned
 * @param assignedBy      "user", "auto" or "none" (none exactly when person is null)
 * @param notAFace        the user marked the detection "not a face"
 * @param cover           the face is its person's chosen cover
 * @param rejectedPersons names the user answered "not this person" for
 * @param manual          the user drew the box (crop editor; detector {@code manual}): restored as a face, cut and embedded
 *                        from the photo, when a fresh scan did not detect it (absent in version 1 files: false)
 * @param metadataSource  where the face's name or box came from when it was read from a face region in XMP, e.g.
 *                        {@code sidecar IMG_1.jpg.xmp mwg-rs:RegionList[2]}; null when it did not (or absent in older files)
 * @param metadataName    the region's name when it was applied (tells a name read from metadata from one typed in
 *                        Facet); null when none (or absent in older files)
 */
public record ExportedFace(String photoPath, String contentHash, double x, double y, double w, double h, String person,
                           String assignedBy, boolean notAFace, boolean cover, List<String> rejectedPersons, boolean manual,
                           String metadataSource, String metadataName) {
    public ExportedFace {
        rejectedPersons = rejectedPersons == null ? List.of() : List.copyOf(rejectedPersons);
    }

    /** A face that did not come from a face region. */
    public ExportedFace(String photoPath, String contentHash, double x, double y, double w, double h, String person,
                        String assignedBy, boolean notAFace, boolean cover, List<String> rejectedPersons, boolean manual) {
        this(photoPath, contentHash, x, y, w, h, person, assignedBy, notAFace, cover, rejectedPersons, manual, null, null);
    }

    /** @return true when restoring this face can change anything (an assignment, a user's answer, a drawn box) */
    public boolean carriesDecision() {
        return person != null || notAFace || cover || !rejectedPersons.isEmpty() || manual;
    }
}
