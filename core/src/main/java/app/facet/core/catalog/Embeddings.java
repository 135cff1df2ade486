package app.facet.core.catalog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Storage format of embeddings in the catalog: float32, little-endian, {@code 4 * dim} bytes. */
public final class Embeddings {
    private Embeddings() {
    }

    public static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** @throws IllegalArgumentException when the length is not a multiple of 4 */
    public static float[] fromBytes(byte[] bytes) {
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("embedding BLOB of " + bytes.length + " bytes is not float32");
        }
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
