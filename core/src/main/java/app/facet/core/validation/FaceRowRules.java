package app.facet.core.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one rule set every face_crops row must satisfy, used both before a write (rejects it) and on stored rows
 * (flags them invalid). Each violation is a stable code followed by a sentence, e.g.
 * {@code image_path_is_crop: image_path /lib/managed/crops/3.jpg is a face crop, not an original photo}.
 */
public final class FaceRowRules {
    /** Boxes may touch the border after rounding; a pixel of slack avoids flagging that. */
    static final double BOX_TOLERANCE_PX = 1.0;
    /** float32 round-off after L2-normalisation stays far below this. */
    static final double NORM_TOLERANCE = 1e-3;

    private final Path managedDir;
    private final Path cropsDir;

    /**
     * @param managedDir the library's managed folder (absolute)
     * @param cropsDir   the crops folder inside it (absolute)
     */
    public FaceRowRules(Path managedDir, Path cropsDir) {
        this.managedDir = managedDir.toAbsolutePath().normalize();
        this.cropsDir = cropsDir.toAbsolutePath().normalize();
    }

    /**
     * @param knownCropPaths crop paths of stored rows, to catch an image_path that names another row's crop
     *                       even outside the managed folder (may be empty)
     * @param checkFiles     whether to look at the file system (crop file exists)
     * @return violations, empty when the row is valid
     */
    public List<String> violations(FaceRowFacts f, Set<String> knownCropPaths, boolean checkFiles) {
        List<String> out = new ArrayList<>();
        if (f.imagePath() == null || f.imagePath().isBlank()) {
            out.add("image_path_empty: the face has no image_path");
        } else {
            if (isInside(f.imagePath(), managedDir) || knownCropPaths.contains(f.imagePath())) {
                out.add("image_path_is_crop: image_path " + f.imagePath() + " is a face crop, not an original photo");
            }
            if (f.photoPath() == null) {
                out.add("photo_missing_from_catalog: the face's photo is not in the catalog");
            } else if (!f.imagePath().equals(f.photoPath())) {
                out.add("image_path_mismatch: image_path " + f.imagePath() + " differs from its photo's path " + f.photoPath());
            }
        }
        if (f.cropPath() == null) {
            out.add("crop_missing: the face has no crop file");
        } else if (!isInside(f.cropPath(), cropsDir)) {
            out.add("crop_outside_library: crop " + f.cropPath() + " is not in the managed crops folder");
        } else if (checkFiles && !Files.isRegularFile(Path.of(f.cropPath()))) {
            out.add("crop_missing: crop file " + f.cropPath() + " does not exist");
        }
        if (!(f.w() > 0) || !(f.h() > 0) || !Double.isFinite(f.x()) || !Double.isFinite(f.y())) {
            out.add("box_degenerate: bounding box " + box(f) + " has no area");
        } else if (f.photoWidth() != null && f.photoHeight() != null
                && (f.x() < -BOX_TOLERANCE_PX || f.y() < -BOX_TOLERANCE_PX
                || f.x() + f.w() > f.photoWidth() + BOX_TOLERANCE_PX || f.y() + f.h() > f.photoHeight() + BOX_TOLERANCE_PX)) {
            out.add("box_outside_image: bounding box " + box(f) + " lies outside the " + f.photoWidth() + "x" + f.photoHeight() + " image");
        }
        if (!(f.detectionScore() >= 0 && f.detectionScore() <= 1)) {
            out.add("score_out_of_range: detection score " + f.detectionScore() + " is not in [0, 1]");
        }
        if (f.embedding() != null) {
            if (f.modelDimension() == null) {
                out.add("embedding_model_unknown: embedding model " + f.embeddingModelId() + " is not registered");
            } else if (f.embedding().length != f.modelDimension()) {
                out.add("embedding_wrong_size: embedding has " + f.embedding().length + " values, model "
                        + f.embeddingModelId() + " gives " + f.modelDimension());
            } else {
                double norm = norm(f.embedding());
                if (Math.abs(norm - 1) > NORM_TOLERANCE) {
                    out.add("embedding_not_normalised: embedding norm is " + norm + ", expected 1");
                }
            }
        }
        return out;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    private static boolean isInside(String path, Path dir) {
        try {
            return Path.of(path).toAbsolutePath().normalize().startsWith(dir);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static String box(FaceRowFacts f) {
        return "(" + f.x() + ", " + f.y() + ", " + f.w() + "x" + f.h() + ")";
    }
}
