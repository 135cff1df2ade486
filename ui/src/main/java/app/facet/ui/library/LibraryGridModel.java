package app.facet.ui.library;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PhotoFilter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

/**
 * The main window's library grid as state and actions, without nodes (testable without a window): the filter
 * (folder, dates, person), the photos shown for it (by id, in grid order) and the user's selection among them.
 * <p>
 * When the catalog changes under the grid (a scan, another process) and the same filter is shown again, the selection
 * follows the photos, not the positions: a selected photo stays selected wherever it moved, a photo that left the
 * filter leaves the selection. Another filter starts with nothing selected. UI thread only.
 */
public final class LibraryGridModel {
    private final ObjectProperty<PhotoFilter> filter;
    private final GridSelection selection = new GridSelection();
    private PhotoFilter shownFilter;
    private int size;
    private IntToLongFunction idAt = i -> {
        throw new IndexOutOfBoundsException(i);
    };

    /** @param filter the window's filter (the session's), which this model changes and the grid follows */
    public LibraryGridModel(ObjectProperty<PhotoFilter> filter) {
        this.filter = filter;
    }

    public ObjectProperty<PhotoFilter> filterProperty() {
        return filter;
    }

    /** Shows only the photos under {@code folder} (recursively); null shows every folder. Other filters stay. */
    public void showFolder(Path folder) {
        filter.set(filter.get().withFolder(folder));
    }

    /** Shows only the photos taken between the two days, inclusive; null leaves that end open. */
    public void showDates(LocalDate from, LocalDate to) {
        filter.set(filter.get().withDates(from, to));
    }

    /** Both at once (the filter bar's folder box and date pickers), so that the grid reloads once. */
    public void showFolderAndDates(Path folder, LocalDate from, LocalDate to) {
        filter.set(filter.get().withFolder(folder).withDates(from, to));
    }

    /** Shows only the photos of one person, of unknown faces, or everyone's ({@link PersonFilter#any()}). */
    public void showPerson(PersonFilter person) {
        filter.set(filter.get().withPerson(person));
    }

    /** Shows every photo (folder, dates and person cleared). */
    public void clearFilters() {
        filter.set(PhotoFilter.ALL);
    }

    /**
     * The grid now shows {@code newSize} photos for {@code shown}; {@code newIdAt} gives the photo id at each grid index.
     *
     * @return true when this is the filter shown before (a reload: the selection was kept by photo id, and the grid
     *         keeps its scroll position); false for another filter (nothing selected, back to the top)
     */
    public boolean shown(PhotoFilter shown, int newSize, IntToLongFunction newIdAt) {
        boolean same = shown.equals(shownFilter);
        int[] before = same ? selection.indices() : new int[0];
        int anchorBefore = same ? selection.anchor() : -1;
        Set<Long> kept = new HashSet<>(before.length * 2);
        for (int i : before) {
            kept.add(idAt.applyAsLong(i));
        }
        long anchorId = anchorBefore >= 0 && anchorBefore < size ? idAt.applyAsLong(anchorBefore) : -1;
        this.shownFilter = shown;
        this.size = newSize;
        this.idAt = newIdAt;
        if (kept.isEmpty()) {
            selection.reset(newSize);
            return same;
        }
        int[] now = IntStream.range(0, newSize).filter(i -> kept.contains(newIdAt.applyAsLong(i))).toArray();
        int anchor = IntStream.of(now).filter(i -> newIdAt.applyAsLong(i) == anchorId).findFirst().orElse(-1);
        selection.restore(newSize, now, anchor);
        return same;
    }

    /** Nothing shown (no library open). */
    public void clear() {
        shownFilter = null;
        size = 0;
        selection.reset(0);
    }

    /** @return photos shown */
    public int size() {
        return size;
    }

    /** @return ids of the selected photos, in grid order */
    public long[] selectedIds() {
        return IntStream.of(selection.indices()).mapToLong(idAt::applyAsLong).toArray();
    }

    /** @return grid indices of the selected photos, ascending */
    public int[] selectedIndices() {
        return selection.indices();
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selection.countProperty();
    }

    /** Click on a photo: it alone is selected. */
    public void select(int index) {
        selection.select(index);
    }

    /** Ctrl+click: the photo joins or leaves the selection. */
    public void toggle(int index) {
        selection.toggle(index);
    }

    /** Shift+click: from the last photo clicked to this one. */
    public void extendTo(int index) {
        selection.extendTo(index);
    }

    public void selectAll() {
        selection.selectAll();
    }

    public void clearSelection() {
        selection.clear();
    }

    /** What the summary above the grid says, e.g. "24 photos · Anna". @param person name filtered on, or null */
    public String summary(String person) {
        String text = size + (size == 1 ? " photo" : " photos");
        return person == null ? text : text + " · " + person;
    }

    GridSelection selection() {
        return selection;
    }
}
