package app.facet.core.integrity;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The Java side of {@link FaceRule}: judges one face row. Used by the integrity check for what SQL cannot
 * see, and meant for the scan's write validator so that both refuse exactly the same rows.
 * <p>
 * Thresholds are properties of any photo, not of a test set: a box may stick out of the image by
 * {@value #BOX_TOLERANCE_PX} px (rounding of detector output after clipping), a side shorter than
 * {@value #MIN_BOX_SIDE_PX} px holds no face, and a float32 embedding written as L2-normalised has a norm
 * within {@value #NORM_TOLERANCE} of 1 (float32 rounding over 128..512 components is about 1e-6).
 */
public final class FaceRowRules {
    public static final double BOX_TOLERANCE_PX = 1.0;
    public static final double MIN_BOX_SIDE_PX = 1.0;
    public static final double NORM_TOLERANCE = 1e-3;
    /** Two faces of one photo whose boxes overlap above this intersection over union are one face found twice. */
    public static final double DUPLICATE_IOU = 0.5;

    private final String managedDir;
    private final Predicate<String> isSomeCropPath;

    /**
     * @param managedDir     the library's managed folder with a trailing separator ({@code library_settings.managed_dir})
     * @param isSomeCropPath answers whether a path is the crop_path of any face row (an indexed lookup in the catalog)
     */
    public FaceRowRules(String managedDir, Predicate<String> isSomeCropPath) {
        this.managedDir = Objects.requireNonNull(managedDir, "managedDir");
        this.isSomeCropPath = Objects.requireNonNull(isSomeCropPath, "isSomeCropPath");
    }

    /**
     * Every rule that needs neither the file system nor the embedding's values, in {@link FaceRule} order.
     *
     * @return the violations, empty when the row is fine
     */
    public List<RuleViolation> checkRow(FaceRowFacts f) {
        List<RuleViolation> out = new ArrayList<>();
        // as FaceRule.IMAGE_PATH_IS_CROP: a path equal to its photo's path outside the folder is never a crop
        if (isInsideManaged(f.imagePath()) || (!f.imagePath().equals(f.photoPath()) && isSomeCropPath.test(f.imagePath()))) {
            out.add(new RuleViolation(FaceRule.IMAGE_PATH_IS_CROP, "image_path " + f.imagePath() + " is a face crop"));
        } else if (f.photoPath() != null && !f.imagePath().equals(f.photoPath())) {
            out.add(new RuleViolation(FaceRule.IMAGE_PATH_NOT_PHOTO_PATH,
                    "image_path " + f.imagePath() + " differs from photo path " + f.photoPath()));
        }
        if (f.cropPath() != null && !isInsideManaged(f.cropPath())) {
            out.add(new RuleViolation(FaceRule.CROP_PATH_OUTSIDE_MANAGED, "crop_path " + f.cropPath() + " is outside " + managedDir));
        }
        if (isDegenerate(f.x(), f.y(), f.w(), f.h())) {
            out.add(new RuleViolation(FaceRule.BOX_DEGENERATE, "box " + box(f)));
        } else if (f.photoWidth() != null && f.photoHeight() != null && isOutside(f.x(), f.y(), f.w(), f.h(), f.photoWidth(), f.photoHeight())) {
            out.add(new RuleViolation(FaceRule.BOX_OUTSIDE_IMAGE, "box " + box(f) + " outside " + f.photoWidth() + "x" + f.photoHeight()));
        }
        if (!(f.detectionScore() >= 0 && f.detectionScore() <= 1)) {
            out.add(new RuleViolation(FaceRule.DETECTION_SCORE_OUT_OF_RANGE, "detection score " + f.detectionScore()));
        }
        if (f.embedding() != null) {
            if (f.modelDimension() == null) {
                out.add(new RuleViolation(FaceRule.EMBEDDING_UNKNOWN_MODEL, "embedding model " + f.embeddingModelId() + " is not registered"));
            } else if (f.embedding().length != 4 * f.modelDimension()) {
                out.add(new RuleViolation(FaceRule.EMBEDDING_WRONG_SIZE,
                        f.embedding().length + " bytes, model " + f.embeddingModelId() + " needs " + 4 * f.modelDimension()));
            }
        }
        return out;
    }

    /** @return the violation when {@code cropPath} is set and no file exists there, else null */
    public RuleViolation checkCropFile(String cropPath) {
        return cropPath != null && !Files.isRegularFile(Path.of(cropPath))
                ? new RuleViolation(FaceRule.CROP_FILE_MISSING, "crop file " + cropPath + " does not exist") : null;
    }

    /** @return the violation when the embedding's L2 norm is off 1 by more than {@link #NORM_TOLERANCE} (or not finite), else null */
    public static RuleViolation checkNormalised(byte[] embedding) {
        double norm = norm(decode(embedding));
        return isNormalised(norm) ? null
                : new RuleViolation(FaceRule.EMBEDDING_NOT_NORMALISED, "L2 norm " + String.format(java.util.Locale.ROOT, "%.6f", norm));
    }

    public static boolean isNormalised(double norm) {
        return Double.isFinite(norm) && Math.abs(norm - 1.0) <= NORM_TOLERANCE;
    }

    public boolean isInsideManaged(String path) {
        return path.startsWith(managedDir);
    }

    public static boolean isDegenerate(double x, double y, double w, double h) {
        return !Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(w) || !Double.isFinite(h)
                || w < MIN_BOX_SIDE_PX || h < MIN_BOX_SIDE_PX;
    }

    public static boolean isOutside(double x, double y, double w, double h, int width, int height) {
        return x < -BOX_TOLERANCE_PX || y < -BOX_TOLERANCE_PX
                || x + w > width + BOX_TOLERANCE_PX || y + h > height + BOX_TOLERANCE_PX;
    }

    /** Decodes an embedding BLOB: float32 little-endian, length must be a multiple of 4. */
    public static float[] decode(byte[] blob) {
        if (blob.length % 4 != 0) {
            throw new IllegalArgumentException("embedding BLOB of " + blob.length + " bytes is not a whole number of float32 values");
        }
        float[] v = new float[blob.length / 4];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** Encodes an embedding as the catalog stores it: float32 little-endian. */
    public static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** @return the L2 norm, accumulated in double */
    public static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return Math.sqrt(s);
    }

    private static String box(FaceRowFacts f) {
        return f.x() + "," + f.y() + " " + f.w() + "x" + f.h();
    }
}
