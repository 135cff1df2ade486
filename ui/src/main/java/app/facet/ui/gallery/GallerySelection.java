package app.facet.ui.gallery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which faces of a gallery grid are selected, as file managers and photo apps do it: a click selects one face,
 * Ctrl+click toggles one, Shift+click selects the range from the anchor; the arrow keys move the focus (Up/Down by a
 * row of {@code columns}), Shift+arrow extends the range from the anchor; Ctrl+A selects all. Faces are kept by id,
 * so a new order or a reload keeps the selection of the faces still shown. Plain Java, no JavaFX.
 */
final class GallerySelection {
    private List<Long> order = List.of();
    private final Set<Long> selected = new LinkedHashSet<>();
    private Long anchor;
    private Long focus;

    /** The faces shown, in display order; selected faces no longer shown are dropped. */
    void setOrder(List<Long> faceIds) {
        order = List.copyOf(faceIds);
        selected.retainAll(Set.copyOf(order));
        if (anchor != null && !order.contains(anchor)) {
            anchor = null;
        }
        if (focus != null && !order.contains(focus)) {
            focus = null;
        }
    }

    /** A mouse click on {@code faceId} with the modifier keys held. */
    void click(long faceId, boolean shift, boolean ctrl) {
        if (!order.contains(faceId)) {
            return;
        }
        if (shift && anchor != null) {
            if (!ctrl) {
                selected.clear();
            }
            selectRange(anchor, faceId);
        } else if (ctrl) {
            if (!selected.remove(faceId)) {
                selected.add(faceId);
            }
            anchor = faceId;
        } else {
            selected.clear();
            selected.add(faceId);
            anchor = faceId;
        }
        focus = faceId;
    }

    /**
     * An arrow key: moves the focus by {@code delta} positions (±1, or ±columns for Up/Down), clamped to the grid;
     * without Shift the focus becomes the only selected face, with Shift the range from the anchor is selected.
     */
    void move(int delta, boolean shift) {
        if (order.isEmpty()) {
            return;
        }
        int from = focus == null ? (delta > 0 ? -1 : order.size()) : order.indexOf(focus);
        int to = Math.max(0, Math.min(order.size() - 1, from + delta));
        long target = order.get(to);
        if (shift) {
            if (anchor == null) {
                anchor = focus != null ? focus : target;
            }
            selected.clear();
            selectRange(anchor, target);
        } else {
            selected.clear();
            selected.add(target);
            anchor = target;
        }
        focus = target;
    }

    void selectAll() {
        selected.clear();
        selected.addAll(order);
    }

    void clear() {
        selected.clear();
        anchor = null;
    }

    /** @return the selected face ids, in display order */
    List<Long> selected() {
        List<Long> out = new ArrayList<>();
        for (long id : order) {
            if (selected.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    boolean isSelected(long faceId) {
        return selected.contains(faceId);
    }

    /** @return the face the keyboard is on, null before any click or key */
    Long focus() {
        return focus;
    }

    private void selectRange(long a, long b) {
        int i = order.indexOf(a), j = order.indexOf(b);
        for (int k = Math.min(i, j); k <= Math.max(i, j); k++) {
            selected.add(order.get(k));
        }
    }
}
