package app.facet.ui.viewer;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/**
 * The viewer's Left/Right (previous/next photo) and + / − (zoom) keys. Scene accelerators do not work for these: the
 * scroll pane that holds the photo consumes the arrow keys (it scrolls) before accelerators run, and "+" is
 * Shift+= on most keyboards, which no {@code KeyCodeCombination(PLUS)} matches. So arrows are caught in the scene's
 * event filter, and zoom by the character typed (whatever key produced it, the numeric keypad too).
 */
final class ViewerKeys {
    static final double ZOOM_STEP = 1.25;

    private ViewerKeys() {
    }

    static void install(Scene scene, IntConsumer step, DoubleConsumer zoomBy) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (typing(scene) || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            switch (e.getCode()) {
                case LEFT -> step.accept(-1);
                case RIGHT -> step.accept(1);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (typing(scene) || e.isShortcutDown()) {
                return;
            }
            switch (e.getCharacter()) {
                case "+", "=" -> zoomBy.accept(ZOOM_STEP);
                case "-", "−", "_" -> zoomBy.accept(1 / ZOOM_STEP);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private static boolean typing(Scene scene) {
        return scene.getFocusOwner() instanceof TextInputControl;
    }
}
