package app.facet.core.analysis;

import app.facet.core.imaging.ImageHeader;

import java.util.concurrent.Semaphore;

/**
 * Lets one analysis thread at a time work on a photo with a large decode (at least {@link #LARGE_PIXELS} decoded
 * pixels, e.g. a 12 MP photo re-decoded at full resolution for the alignment of small faces: 36 MB of BGR pixels),
 * from that decode until the photo's faces are embedded.
 * <p>
 * Why: two workers each holding a full-resolution crowd photo, with their faces' buffers, made a 2-worker scan's
 * peak resident memory ~90 MB higher than a 1-worker scan's; one worker embedding a crowd's faces while the other
 * holds full-resolution pixels still added ~20 MB (docs/PERFORMANCE.md, issue 14). Waiting costs little wall time:
 * the other worker meanwhile decodes and detects its next photo (the detector is shared anyway) and goes on with
 * photos that decode small.
 * <p>
 * Thread-safe. Usage: {@code try (Pass pass = gate.pass()) { pass.admit(header, reduction); decode ... embed ... }}
 */
final class LargeDecodeGate {

    /** Decoded pixel count from which a decode needs the pass (6 MP: 18 MB of BGR pixels). */
    static final long LARGE_PIXELS = 6_000_000L;

    private final Semaphore permit = new Semaphore(1, true);

    /** @return a pass for one photo's analysis; it takes the gate only when a large decode is admitted */
    Pass pass() {
        return new Pass();
    }

    /** @return decoded pixel count of {@code header}'s image at the libjpeg {@code reduction} (1, 2, 4, 8) */
    static long decodedPixels(ImageHeader header, int reduction) {
        long w = (header.storedWidth() + reduction - 1) / reduction;
        long h = (header.storedHeight() + reduction - 1) / reduction;
        return w * h;
    }

    /** One photo's hold on the gate. Not thread-safe: used by the thread analysing the photo. */
    final class Pass implements AutoCloseable {
        private boolean held;

        /** Blocks until the gate is free when the decode about to be made is large; re-entrant for the same photo. */
        void admit(ImageHeader header, int reduction) {
            if (!held && decodedPixels(header, reduction) >= LARGE_PIXELS) {
                permit.acquireUninterruptibly();
                held = true;
            }
        }

        /** @return true while this pass holds the gate */
        boolean held() {
            return held;
        }

        /** Gives the gate back (idempotent); {@link #close} does it when the photo's analysis ends, failed or not. */
        void release() {
            if (held) {
                held = false;
                permit.release();
            }
        }

        @Override
        public void close() {
            release();
        }
    }
}
