package app.facet.ui.viewer;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/**
 * The viewer's Left/Right (previous/next photo) and + / − (zoom) keys. Scene accelerators do not work for these: the
 * scroll pane that holds the photo consumes the arrow keys (it scrolls) before accelerators run, and "+" is
 * Shift+= on US keyboards, which no {@code KeyCodeCombination(PLUS)} matches. So they are caught in the scene's
 * event filter by key: Equals (with or without Shift), Plus (keyboards with a + key) and the keypad's Add zoom in;
 * Minus and the keypad's Subtract zoom out.
 */
final class ViewerKeys {
    static final double ZOOM_STEP = ViewerModel.ZOOM_STEP;

    private ViewerKeys() {
    }

    static void install(Scene scene, IntConsumer step, DoubleConsumer zoomBy) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            switch (e.getCode()) {
                case LEFT -> step.accept(-1);
                case RIGHT -> step.accept(1);
                case PLUS, EQUALS, ADD -> zoomBy.accept(ZOOM_STEP);
                case MINUS, SUBTRACT -> zoomBy.accept(1 / ZOOM_STEP);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }
}
