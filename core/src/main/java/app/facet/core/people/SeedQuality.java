package app.facet.core.people;

/**
 * Which faces may seed a cluster. A face failing any rule can still join an existing cluster when its
 * average distance to that cluster is within the cut, but never starts or bridges one. A metric that is
 * NULL in the catalog (not measured) does not disqualify the face.
 *
 * @param minFaceSizePx      minimum {@code face_size_px} (shorter bbox side, original-image pixels)
 * @param minDetectionScore  minimum detection score in [0, 1]
 * @param minQuality         minimum overall quality in [0, 1] ({@code face_crops.quality})
 */
public record SeedQuality(double minFaceSizePx, double minDetectionScore, double minQuality) {

    /**
     * Faces under 40 px are upsampled about 3x into the 112 px embedding input; detection scores under 0.85 are
     * where non-faces (a dog at ~0.85, a painting at 0.6-0.7) live; quality under 0.35 is labelled "poor".
     */
    public static final SeedQuality DEFAULTS = new SeedQuality(40, 0.85, 0.35);

    public SeedQuality {
        if (minFaceSizePx < 0 || !(minDetectionScore >= 0 && minDetectionScore <= 1) || !(minQuality >= 0 && minQuality <= 1)) {
            throw new IllegalArgumentException("seed quality rules out of range: size=" + minFaceSizePx
                    + " score=" + minDetectionScore + " quality=" + minQuality);
        }
    }

    /** @return true when a face with these metrics (null = not measured) may seed a cluster */
    public boolean canSeed(Double faceSizePx, double detectionScore, Double quality) {
        return (faceSizePx == null || faceSizePx >= minFaceSizePx)
                && detectionScore >= minDetectionScore
                && (quality == null || quality >= minQuality);
    }
}
