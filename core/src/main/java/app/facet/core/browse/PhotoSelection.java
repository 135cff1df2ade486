package app.facet.core.browse;

import java.util.Arrays;

/**
 * The ids of the photos a filter selects, in grid order (photo date, then path). A snapshot: photos
 * catalogued later appear in the next selection, so rows never shift under a scrolling user.
 * The array is owned by this object and never modified.
 */
public final class PhotoSelection {
    private final PhotoFilter filter;
    private final long[] ids;

    PhotoSelection(PhotoFilter filter, long[] ids) {
        this.filter = filter;
        this.ids = ids;
    }

    public static PhotoSelection empty(PhotoFilter filter) {
        return new PhotoSelection(filter, new long[0]);
    }

    public PhotoFilter filter() {
        return filter;
    }

    public int size() {
        return ids.length;
    }

    /** @throws IndexOutOfBoundsException unless {@code 0 <= index < size()} */
    public long idAt(int index) {
        return ids[index];
    }

    /** @return ids from {@code from} (inclusive) to {@code to} (exclusive), clamped to the selection */
    public long[] ids(int from, int to) {
        int a = Math.max(0, from), b = Math.min(ids.length, to);
        return a >= b ? new long[0] : Arrays.copyOfRange(ids, a, b);
    }

    /** @return the grid index of a photo, or -1 when this selection does not hold it */
    public int indexOf(long photoId) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == photoId) {
                return i;
            }
        }
        return -1;
    }
}
