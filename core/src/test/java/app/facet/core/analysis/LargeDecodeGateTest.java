package app.facet.core.analysis;

import app.facet.core.imaging.ImageFormat;
import app.facet.core.imaging.ImageHeader;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LargeDecodeGateTest {

    private static final ImageHeader CAMERA = new ImageHeader(ImageFormat.JPEG, 4000, 3000, 1, null);
    private static final ImageHeader PHONE_SMALL = new ImageHeader(ImageFormat.JPEG, 1600, 1200, 1, null);

    @Test
    void decodedPixelsFollowLibjpegReduction() {
        assertEquals(12_000_000L, LargeDecodeGate.decodedPixels(CAMERA, 1));
        assertEquals(3_000_000L, LargeDecodeGate.decodedPixels(CAMERA, 2));
        assertEquals(2L * 2, LargeDecodeGate.decodedPixels(new ImageHeader(ImageFormat.JPEG, 3, 3, 1, null), 2));
    }

    @Test
    void aSecondFullResolutionDecodeWaitsUntilTheFirstIsReleased() throws Exception {
        LargeDecodeGate gate = new LargeDecodeGate();
        LargeDecodeGate.Pass first = gate.pass();
        first.admit(CAMERA, 1);
        assertTrue(first.held());

        CountDownLatch admitted = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try (LargeDecodeGate.Pass second = gate.pass()) {
                second.admit(CAMERA, 1);
                admitted.countDown();
            }
        });
        other.start();
        assertFalse(admitted.await(300, TimeUnit.MILLISECONDS), "a second 12 MP decode must wait while one is held");
        first.release();
        assertTrue(admitted.await(5, TimeUnit.SECONDS), "released: the waiting decode goes in");
        other.join();
    }

    @Test
    void reducedDecodesAndTheHoldersOwnFinerDecodeDoNotWait() throws Exception {
        LargeDecodeGate gate = new LargeDecodeGate();
        try (LargeDecodeGate.Pass holder = gate.pass()) {
            holder.admit(CAMERA, 1);
            holder.admit(CAMERA, 1); // re-entrant: the same photo's finer decode
            AtomicBoolean small = new AtomicBoolean();
            Thread other = new Thread(() -> {
                try (LargeDecodeGate.Pass p = gate.pass()) {
                    p.admit(CAMERA, 2);
                    p.admit(PHONE_SMALL, 1);
                    small.set(!p.held());
                }
            });
            other.start();
            other.join(5_000);
            assertFalse(other.isAlive(), "decodes under 6 MP never wait");
            assertTrue(small.get());
        }
        try (LargeDecodeGate.Pass after = gate.pass()) {
            after.admit(CAMERA, 1);
            assertTrue(after.held(), "closing the pass gave the gate back");
        }
    }
}
