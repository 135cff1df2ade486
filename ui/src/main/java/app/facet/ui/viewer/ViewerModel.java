package app.facet.ui.viewer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

import java.util.function.IntToLongFunction;

/**
 * The photo viewer's state and actions, without nodes (testable without a window): which photo of the grid's photos is
 * shown (Left/Right step through them, stopping at the ends), and the zoom (fit to the window, or display pixels per
 * decoded-image pixel, between {@value #MIN_ZOOM} and {@value #MAX_ZOOM}). UI thread only.
 */
public final class ViewerModel {
    static final double MIN_ZOOM = 0.05;
    static final double MAX_ZOOM = 8;
    /** One press of + or − zooms by this factor. */
    static final double ZOOM_STEP = 1.25;

    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(0);
    private final BooleanBinding hasPrevious = index.greaterThan(0);
    private final BooleanBinding hasNext = Bindings.createBooleanBinding(() -> index.get() >= 0 && index.get() < size.get() - 1, index, size);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final BooleanProperty fit = new SimpleBooleanProperty(true);
    private IntToLongFunction idAt = i -> {
        throw new IndexOutOfBoundsException(i);
    };

    /**
     * Shows photo {@code start} of {@code count} photos whose ids {@code ids} gives in grid order.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= start < count}
     */
    public void open(int count, IntToLongFunction ids, int start) {
        if (start < 0 || start >= count) {
            throw new IndexOutOfBoundsException("photo " + start + " of " + count);
        }
        this.idAt = ids;
        size.set(count);
        index.set(start);
    }

    /** @return true when the photo shown changed: {@code delta} photos on, unless that would leave the photos */
    public boolean step(int delta) {
        int to = index.get() + delta;
        if (index.get() < 0 || to < 0 || to >= size.get()) {
            return false;
        }
        index.set(to);
        return true;
    }

    /** @return the id of the photo shown; -1 before {@link #open} */
    public long photoId() {
        return index.get() < 0 ? -1 : idAt.applyAsLong(index.get());
    }

    /** "3 of 12": where the photo shown is among the grid's photos. */
    public String position() {
        return (index.get() + 1) + " of " + size.get();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public BooleanBinding hasPreviousBinding() {
        return hasPrevious;
    }

    public BooleanBinding hasNextBinding() {
        return hasNext;
    }

    /** Display pixels per decoded-image pixel. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** True: the zoom follows the window so that the whole photo shows, never above actual size. */
    public BooleanProperty fitProperty() {
        return fit;
    }

    /** + (factor above 1) or − (below 1): leaves fit, clamped to the zoom range. */
    public void zoomBy(double factor) {
        double current = zoom.get();
        fit.set(false);
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, current * factor)));
    }

    /**
     * While fitting, the zoom at which an image of {@code imageWidth} × {@code imageHeight} pixels fits a viewport of the
     * given size (never above 1, actual size); unchanged when not fitting or when the viewport has no size yet.
     */
    public void fitTo(double viewportWidth, double viewportHeight, double imageWidth, double imageHeight) {
        if (!fit.get()) {
            return;
        }
        double z = Math.min(1.0, Math.min((viewportWidth - 2) / imageWidth, (viewportHeight - 2) / imageHeight));
        if (z > 0) {
            zoom.set(z);
        }
    }
}
