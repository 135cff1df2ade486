package app.facet.ui.viewer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The viewer's navigation and zoom without a window. */
class ViewerModelTest {
    private final ViewerModel model = new ViewerModel();
    private final long[] ids = {40, 41, 42};

    @Test
    void leftAndRightStepThroughThePhotosAndStopAtTheEnds() {
        assertThat(model.photoId()).isEqualTo(-1);
        assertThat(model.step(1)).as("nothing open").isFalse();
        model.open(ids.length, i -> ids[i], 1);
        assertThat(model.photoId()).isEqualTo(41);
        assertThat(model.position()).isEqualTo("2 of 3");
        assertThat(model.hasPreviousBinding().get()).isTrue();
        assertThat(model.step(1)).isTrue();
        assertThat(model.photoId()).isEqualTo(42);
        assertThat(model.hasNextBinding().get()).isFalse();
        assertThat(model.step(1)).isFalse();
        assertThat(model.photoId()).isEqualTo(42);
        assertThat(model.step(-2)).isTrue();
        assertThat(model.photoId()).isEqualTo(40);
        assertThat(model.hasPreviousBinding().get()).isFalse();
        assertThat(model.step(-1)).isFalse();
        assertThatThrownBy(() -> model.open(ids.length, i -> ids[i], 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void plusAndMinusLeaveFitAndStayInRangeAndFitNeverEnlarges() {
        model.fitTo(1002, 502, 2000, 1000);
        assertThat(model.zoomProperty().get()).isEqualTo(0.5);
        model.fitTo(4002, 4002, 2000, 1000);
        assertThat(model.zoomProperty().get()).as("a small photo fits at actual size").isEqualTo(1.0);
        model.zoomBy(ViewerModel.ZOOM_STEP);
        assertThat(model.fitProperty().get()).isFalse();
        assertThat(model.zoomProperty().get()).isEqualTo(1.25);
        model.fitTo(1002, 502, 2000, 1000);
        assertThat(model.zoomProperty().get()).as("not fitting any more").isEqualTo(1.25);
        for (int i = 0; i < 30; i++) {
            model.zoomBy(ViewerModel.ZOOM_STEP);
        }
        assertThat(model.zoomProperty().get()).isEqualTo(ViewerModel.MAX_ZOOM);
        for (int i = 0; i < 60; i++) {
            model.zoomBy(1 / ViewerModel.ZOOM_STEP);
        }
        assertThat(model.zoomProperty().get()).isEqualTo(ViewerModel.MIN_ZOOM);
    }
}
