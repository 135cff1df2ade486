package app.facet.core.embedding;

import app.facet.core.catalog.ContentHash;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;

/**
 * The YuNet detector model shipped inside the core jar (MIT licence, {@code LICENSE-yunet.txt} beside it), so that
 * detection works on a fresh install without a download. Read into memory, never extracted to disk.
 */
public final class BuiltInDetectorModel {
    /** Resource path, relative to the class loader root. */
    static final String RESOURCE = "app/facet/core/detection/yunet/face_detection_yunet_2023mar.onnx";

    private BuiltInDetectorModel() {
    }

    /**
     * @param description the YuNet description whose SHA-256 the bytes must have
     * @return the model file's bytes (ONNX), SHA-256 verified
     * @throws IOException when the resource is missing, unreadable or has another SHA-256 (a damaged install)
     */
    public static byte[] load(DetectorModelDescription description) throws IOException {
        byte[] bytes;
        try (InputStream in = BuiltInDetectorModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the built-in detector model " + RESOURCE + " is missing from the application");
            }
            bytes = in.readAllBytes();
        }
        String actual = HexFormat.of().formatHex(ContentHash.newDigest().digest(bytes));
        if (!actual.equals(description.sha256())) {
            throw new IOException("the built-in detector model has SHA-256 " + actual + ", not the expected "
                    + description.sha256() + " of " + description.id());
        }
        return bytes;
    }
}
