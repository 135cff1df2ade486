package app.facet.core.decisions;

import app.facet.core.catalog.FaceDeletionStore;
import app.facet.core.catalog.FaceDeletionStore.DeletedFace;
import app.facet.core.catalog.Tx;
import app.facet.model.BoundingBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The faces the user deleted from one photo ({@code face_deletions}), to keep a re-analysis of the photo from bringing
 * them back: a new detection or a face region at the place of a deleted face is that face again. Places are compared
 * by bounding-box IoU ({@link FaceMatcher#SAME_FACE_IOU}, one to one): in place when the image kept its size, else
 * through the orientation changes {@link FaceMatcher#match} finds between the sizes (a quarter turn).
 */
public final class DeletedFaces {
    private static final Logger log = LoggerFactory.getLogger(DeletedFaces.class);

    private final List<DeletedFace> deleted;
    private final int width;
    private final int height;

    private DeletedFaces(List<DeletedFace> deleted, int width, int height) {
        this.deleted = deleted;
        this.width = width;
        this.height = height;
    }

    /** @param width, height the photo's new size after EXIF orientation, pixels */
    public static DeletedFaces of(Tx tx, long photoId, int width, int height) {
        return new DeletedFaces(FaceDeletionStore.of(tx, photoId), width, height);
    }

    /**
     * Deleted faces that are not (or not yet) rows of this catalog, e.g. those of an assignment export being restored.
     *
     * @param width, height the photo's size now, after EXIF orientation, pixels
     */
    public static DeletedFaces of(List<DeletedFace> deleted, int width, int height) {
        return new DeletedFaces(List.copyOf(deleted), width, height);
    }

    /**
     * The one rule that keeps a re-analysis of a photo (a scan, "Detect Faces Again") from bringing back a face the user
     * deleted: which of the new detections show a deleted face again. Each one dropped is logged
     * {@code event=deleted_face_not_restored}.
     *
     * @param photoPath the photo's path, for the log
     * @param width, height the analysed image's size after EXIF orientation, pixels
     * @param boxes the new detections' bounding boxes in that image, pixels after EXIF orientation
     * @return for each box, true when it is a deleted face again and must not be stored
     * @throws app.facet.core.catalog.CatalogException when the deletions cannot be read
     */
    public static boolean[] dropped(Tx tx, long photoId, String photoPath, int width, int height, List<BoundingBox> boxes) {
        boolean[] out = new boolean[boxes.size()];
        if (boxes.isEmpty()) {
            return out;
        }
        DeletedFaces deleted = of(tx, photoId, width, height);
        if (deleted.isEmpty()) {
            return out;
        }
        List<DeletedFace> again = deleted.match(boxes);
        for (int i = 0; i < out.length; i++) {
            if (again.get(i) != null) {
                out[i] = true;
                log.info("event=deleted_face_not_restored photo=\"{}\" box={} deleted_at={}", photoPath, boxes.get(i),
                        again.get(i).recordedAt());
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return deleted.isEmpty();
    }

    /**
     * @param boxes boxes in the new image, pixels after EXIF orientation
     * @return for each box, the deleted face it shows again, or null
     */
    public List<DeletedFace> match(List<BoundingBox> boxes) {
        List<DeletedFace> out = new ArrayList<>();
        boxes.forEach(b -> out.add(null));
        if (deleted.isEmpty() || boxes.isEmpty()) {
            return out;
        }
        FaceMatcher matcher = SameFace.matcherFor(null);
        List<FaceMatcher.Face> now = boxes.stream().map(b -> new FaceMatcher.Face(b, null, null)).toList();
        Map<List<Integer>, List<DeletedFace>> bySize = new LinkedHashMap<>();
        for (DeletedFace d : deleted) {
            bySize.computeIfAbsent(java.util.Arrays.asList(d.photoWidth(), d.photoHeight()), k -> new ArrayList<>()).add(d);
        }
        for (List<DeletedFace> group : bySize.values()) {
            Integer ow = group.get(0).photoWidth(), oh = group.get(0).photoHeight();
            List<FaceMatcher.Face> old = group.stream().map(d -> new FaceMatcher.Face(d.box(), null, null)).toList();
            // same size: the faces are where they were (a tag written, a re-save); comparing turned images could
            // mistake the deleted face for its mirror image's neighbour
            boolean sameSize = ow == null || oh == null || Objects.equals(ow, width) && Objects.equals(oh, height);
            FaceMatcher.Matching m = sameSize ? matcher.matchInPlace(old, now, width, height)
                    : matcher.match(ow, oh, old, width, height, now);
            for (int o = 0; o < group.size(); o++) {
                int n = m.newOfOld()[o];
                if (n >= 0 && out.get(n) == null) {
                    out.set(n, group.get(o));
                }
            }
        }
        return out;
    }
}
