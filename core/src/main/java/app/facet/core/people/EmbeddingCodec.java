package app.facet.core.people;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** {@code face_crops.embedding}: float32 little-endian, {@code 4 * dimension} bytes. */
public final class EmbeddingCodec {
    private EmbeddingCodec() {
    }

    /** @return the BLOB for {@code embedding} (float[dimension], expected L2-normalised) */
    public static byte[] encode(float[] embedding) {
        ByteBuffer buffer = ByteBuffer.allocate(embedding.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(embedding);
        return buffer.array();
    }

    /** @throws IllegalArgumentException when the length is not a multiple of 4 */
    public static float[] decode(byte[] blob) {
        if (blob.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("embedding BLOB of " + blob.length + " bytes is not float32 data");
        }
        float[] v = new float[blob.length / Float.BYTES];
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
