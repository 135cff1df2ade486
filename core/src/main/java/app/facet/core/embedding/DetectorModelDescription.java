package app.facet.core.embedding;

import java.util.Objects;

/**
 * A face detector model file (YuNet), read from {@code app/facet/core/embedding/detectors/*.json}.
 * Only used to find and verify the file: the detector itself is configured in code.
 */
public record DetectorModelDescription(String id, String file, String sha256, Long sizeBytes, String url,
                                       String licence) implements ModelFileDescription {
    public DetectorModelDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("detector " + id + ": sha256 must be 64 lower-case hex digits, got " + sha256);
        }
    }
}
