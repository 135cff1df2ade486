package app.facet.ui.viewer;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's face boxes on a real (headless) JavaFX toolkit: a face row whose stored box is degenerate reaches the
 * viewer with a null box (catalog.FaceRows); it is not drawn, and the other boxes are laid out as usual.
 */
class FaceBoxLayerTest {

    @BeforeAll
    static void startFx() throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        assertThat(up.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFaceWithoutABoxIsNotDrawnAndTheOthersAreLaidOut() throws Exception {
        Face drawable = face(1, new BoundingBox(10, 20, 30, 40));
        Face degenerate = face(2, null);
        double[] bounds = onFx(() -> {
            FaceBoxLayer layer = new FaceBoxLayer();
            new Scene(layer, 200, 200);
            layer.setFaces(List.of(degenerate, drawable), box -> { });
            layer.setScale(2);
            layer.applyCss();
            layer.layout();
            assertThat(layer.boxes()).extracting(FaceBox::face).containsExactly(drawable);
            FaceBox box = layer.boxes().get(0);
            return new double[]{box.getLayoutX(), box.getLayoutY(), box.getWidth(), box.getHeight()};
        });
        assertThat(bounds).containsExactly(20, 40, 60, 80);
    }

    private static Face face(long id, BoundingBox box) {
        return new Face(id, 1, "/photos/a.jpg", "/library/crops/" + id + ".jpg", box, null, 0.9, "test", null, false, null,
                null, null, AssignedBy.NONE, null, false, FaceStatus.VALID, null);
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }
}
