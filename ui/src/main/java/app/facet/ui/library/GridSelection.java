package app.facet.ui.library;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.BitSet;

/**
 * Multi-selection of grid indices (click, Ctrl+click toggles, Shift+click extends from the anchor, Ctrl+A all).
 * A BitSet so that "select all" of 100k photos costs 12 KB. UI thread only.
 */
final class GridSelection {
    private final BitSet selected = new BitSet();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private int anchor = -1;
    private int size;

    void reset(int newSize) {
        size = newSize;
        selected.clear();
        anchor = -1;
        changed();
    }

    /** A new list of {@code newSize} photos with {@code indices} selected (a reload that kept the user's photos). */
    void restore(int newSize, int[] indices, int newAnchor) {
        size = newSize;
        selected.clear();
        for (int i : indices) {
            selected.set(i);
        }
        anchor = newAnchor;
        changed();
    }

    /** @return the index Shift+click extends from, -1 when none */
    int anchor() {
        return anchor;
    }

    boolean isSelected(int index) {
        return selected.get(index);
    }

    void select(int index) {
        selected.clear();
        selected.set(index);
        anchor = index;
        changed();
    }

    void toggle(int index) {
        selected.flip(index);
        anchor = index;
        changed();
    }

    void extendTo(int index) {
        if (anchor < 0) {
            select(index);
            return;
        }
        selected.clear();
        selected.set(Math.min(anchor, index), Math.max(anchor, index) + 1);
        changed();
    }

    void selectAll() {
        selected.set(0, size);
        changed();
    }

    void clear() {
        selected.clear();
        changed();
    }

    /** @return the index keyboard moves start from: the anchor, else the first selected, else -1 */
    int lead() {
        return anchor >= 0 ? anchor : selected.nextSetBit(0);
    }

    int[] indices() {
        return selected.stream().toArray();
    }

    ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Goes up on every change; tiles repaint their selected state when it does. */
    ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    private void changed() {
        count.set(selected.cardinality());
        version.set(version.get() + 1);
    }
}
