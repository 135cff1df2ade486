package app.facet.ui.library;

import app.facet.core.browse.PhotoBrowser;
import app.facet.core.browse.PhotoSelection;
import app.facet.model.Photo;
import app.facet.ui.tasks.TaskRunner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The photos of one {@link PhotoSelection}, read from the catalog a page at a time as the grid scrolls to them,
 * and kept in a bounded LRU so that memory stays flat at 100k photos. UI thread only; reads run on the task runner.
 */
final class PhotoPages {
    static final int PAGE_SIZE = 128;
    private static final int MAX_PAGES = 64;

    private final TaskRunner tasks;
    private final PhotoBrowser browser;
    private final PhotoSelection selection;
    private final Map<Integer, List<Photo>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<Photo>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Map<Integer, List<Runnable>> waiting = new HashMap<>();
    /** Actions waiting for a page's read to end, whether it succeeded or failed (unlike a tile's, never retried). */
    private final Map<Integer, List<Runnable>> afterRead = new HashMap<>();

    PhotoPages(TaskRunner tasks, PhotoBrowser browser, PhotoSelection selection) {
        this.tasks = tasks;
        this.browser = browser;
        this.selection = selection;
    }

    PhotoSelection selection() {
        return selection;
    }

    /**
     * @return the photo at grid index {@code index}, or null when its page is not loaded yet: then the page is
     *         requested and {@code onLoaded} runs (UI thread) once it is
     */
    Photo photoAt(int index, Runnable onLoaded) {
        int page = index / PAGE_SIZE;
        List<Photo> photos = pages.get(page);
        if (photos != null) {
            int offset = index - page * PAGE_SIZE;
            return offset < photos.size() ? photos.get(offset) : null;
        }
        List<Runnable> callbacks = waiting.get(page);
        if (callbacks == null) {
            callbacks = new ArrayList<>();
            waiting.put(page, callbacks);
            load(page);
        }
        callbacks.add(onLoaded);
        return null;
    }

    /** Runs {@code action} (UI thread) once the page holding grid index {@code index} is read or its read failed; at once when it is read. */
    void whenRead(int index, Runnable action) {
        int page = index / PAGE_SIZE;
        if (pages.containsKey(page)) {
            action.run();
            return;
        }
        afterRead.computeIfAbsent(page, p -> new ArrayList<>()).add(action);
        photoAt(index, () -> { });
    }

    private void load(int page) {
        long[] ids = selection.ids(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
        tasks.background("Reading photos", (progress, cancel) -> aligned(ids, browser.photos(ids)), photos -> {
            pages.put(page, photos);
            List<Runnable> callbacks = waiting.remove(page);
            if (callbacks != null) {
                callbacks.forEach(Runnable::run);
            }
            runAfterRead(page);
        }, error -> {
            waiting.remove(page);
            runAfterRead(page);
        });
    }

    private void runAfterRead(int page) {
        List<Runnable> actions = afterRead.remove(page);
        if (actions != null) {
            actions.forEach(Runnable::run);
        }
    }

    /** Keeps positions stable when a photo was deleted between the selection and this read: its slot stays null. */
    private static List<Photo> aligned(long[] ids, List<Photo> found) {
        Map<Long, Photo> byId = new HashMap<>();
        found.forEach(p -> byId.put(p.id(), p));
        List<Photo> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            out.add(byId.get(id));
        }
        return out;
    }
}
