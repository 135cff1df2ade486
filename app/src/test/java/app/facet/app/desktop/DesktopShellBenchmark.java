package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.ui.library.PhotoGrid;
import app.facet.ui.library.PhotoTileView;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The desktop shell on big synthetic libraries (see {@link SyntheticLibrary}): time from start to the first paint of
 * the grid, frame times while the grid scrolls (a JavaFX pulse listener), and the process's memory in each phase
 * ({@link ProcessMemory}: VmRSS sampled every 50 ms, VmHWM, Java heap in use), ending with a real scan started through
 * File → Add Folder while the grid keeps scrolling. Run under a real window, with the launcher's desktop JVM options:
 * <pre>MALLOC_ARENA_MAX=1 BENCH_JAVA_OPTS="-XX:+UseSerialGC -Xms48m -Xmx512m -XX:MaxNewSize=32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1" \
 *   xvfb-run -a -s "-screen 0 1400x900x24" scripts/bench app app.facet.app.desktop.DesktopShellBenchmark 10000</pre>
 * System properties: {@code facet.bench.scanFrom} (folders of JPEGs to scan, ':'-separated; default the shared photos),
 * {@code facet.bench.scanCopies} (distinct copies of each, default 2), {@code facet.bench.scan=false} (no scan),
 * {@code facet.bench.nmt} (print the NMT summary and the heap's class histogram; needs
 * {@code -XX:NativeMemoryTracking=summary}). Each size runs in a fresh library built by another JVM; thumbnails start
 * cold (none on disk), as on a first start. The first size is the first app start in the JVM (cold classes, as a
 * user's start); run one size per JVM for comparable first paints and memory.
 */
public final class DesktopShellBenchmark {
    private static final int FRAMES = 600;
    /** Rows of the warm scenarios, whose thumbnails are rendered before the app starts. */
    private static final int WARM_ROWS = 60;
    /** Whether a scan runs at the end (File → Add Folder) while the grid scrolls: {@code -Dfacet.bench.scan=false} skips it. */
    private static final boolean SCAN = !"false".equals(System.getProperty("facet.bench.scan"));
    /** Distinct copies of each photo of {@code facet.bench.scanFrom} (folders, ':'-separated; default the shared photos) to scan. */
    private static final int COPIES = Integer.getInteger("facet.bench.scanCopies", 2);

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[]{10_000, 100_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Platform.setImplicitExit(false);
        CountDownLatch up = new CountDownLatch(1);
        long toolkit = System.nanoTime();
        Platform.startup(up::countDown);
        up.await();
        System.out.printf(Locale.ROOT, "JavaFX toolkit start: %.0f ms (paid once per launch, before the app's start)%n", (System.nanoTime() - toolkit) / 1e6);
        System.out.printf(Locale.ROOT, "java %s, javafx %s, prism %s, %d cores, load average at start %s%n", System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version"), com.sun.prism.GraphicsPipeline.getPipeline().getClass().getSimpleName(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        try {
            for (int n : sizes) {
                run(n);
            }
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // the FX thread would keep the JVM alive
        }
        Platform.exit();
        System.exit(0);
    }

    /** The 1-minute load average (other processes share the cores: read the figures against it), or "?" off Linux. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void run(int n) throws Exception {
        Path dir = Files.createTempDirectory("facet-bench-" + n + "-");
        long t0 = System.nanoTime();
        LibraryLocation library = SyntheticLibrary.createInChildProcess(dir, n);
        System.out.printf(Locale.ROOT, "%n## %,d photos (library built in %.1f s by another JVM; load average %s)%n", n,
                (System.nanoTime() - t0) / 1e9, loadAverage());
        Path scanFolder = SCAN ? DistinctPhotos.copy(scanSources(), COPIES, dir.resolve("to-scan")) : null;

        coreReads(library);
        ProcessMemory.printNow("JavaFX started and catalog read, before the app starts");

        // The File → Add Folder action asks this chooser for its folder: the scan phase gets the prepared one.
        DesktopOptions options = new DesktopOptions(library, SharedPhotos.MODELS, "mobilefacenet", dir.resolve("settings.json"),
                (owner, title) -> Optional.ofNullable(scanFolder));
        FacetApplication app = new FacetApplication(options);
        PulseClock clock = new PulseClock();
        ProcessMemory memory = new ProcessMemory("app start → first paint");
        long start = System.nanoTime();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                app.init();
                Stage stage = new Stage();
                app.start(stage);
                stage.setX(0);
                stage.setY(0);
                stage.getScene().addPostLayoutPulseListener(clock::pulse);
                started.complete(null);
            } catch (Exception e) {
                started.completeExceptionally(e);
            }
        });
        started.get(60, TimeUnit.SECONDS);
        long shown = System.nanoTime() - start;
        PhotoGrid grid = app.window().libraryView().grid();

        long opened = waitForPulse(clock, () -> app.window().session().library() != null, 120) - start;
        long listed = waitForPulse(clock, () -> grid.size() == n, 120) - start;
        long firstPaint = waitForPulse(clock, () -> grid.size() == n && fullyListed(grid), 120) - start;
        System.out.printf(Locale.ROOT, "start → window built and shown %.0f ms → library open %.0f ms → photo ids listed %.0f ms%n",
                shown / 1e6, opened / 1e6, listed / 1e6);
        memory.phase("first paint → every visible thumbnail shown");
        if (Boolean.getBoolean("facet.bench.startOnly")) { // for profiling the start alone
            System.out.printf(Locale.ROOT, "start → first paint %.0f ms%n", firstPaint / 1e6);
            System.exit(0);
        }
        long thumbs = waitForPulse(clock, () -> allThumbnails(grid), 300) - start;
        int visible = Fx.get(() -> grid.visibleTiles().size());
        System.out.printf(Locale.ROOT, "start → first paint of the grid (photos listed, %d tiles on screen): %.0f ms%n",
                visible, firstPaint / 1e6);
        System.out.printf(Locale.ROOT, "start → every visible thumbnail shown (none on disk yet: rendered now): %.0f ms%n", thumbs / 1e6);
        memory.phase("cold scrolling (thumbnails rendered as the grid stops; with the baseline windows)");

        // Each grid scroll is followed at once by the same scroll of a plain ListView (same window size): other
        // processes share the two cores, so only figures taken back to back compare.
        double wide = Double.MAX_VALUE;
        double warmRange = WARM_ROWS * 196.0;
        compare(clock, grid, "cold: wheel-speed scroll through the library, 60 px per frame", 60, wide);
        compare(clock, grid, "cold: fast fling through the library, 600 px per frame (3 rows)", 600, wide);
        memory.phase("rendering the warm scenarios' thumbnails (grid still)");
        long w = System.nanoTime();
        int warmed = warmThumbnails(app.window().session().library(), WARM_ROWS * 8);
        System.out.printf(Locale.ROOT, "thumbnails rendered for the warm scenarios: %d in %.1f s (%.0f ms each)%n",
                warmed, (System.nanoTime() - w) / 1e9, (System.nanoTime() - w) / 1e6 / warmed);
        memory.phase("warm scrolling (with the baseline windows)");
        compare(clock, grid, "warm: wheel-speed scroll over the first " + WARM_ROWS + " rows (thumbnails on disk)", 60, warmRange);
        compare(clock, grid, "warm: fast fling over the first " + WARM_ROWS + " rows", 600, warmRange);
        memory.phase("jumps to random places");
        jumps(clock, grid, n);
        if (scanFolder != null) {
            ProcessMemory.printBreakdown("after browsing, before the scan");
            memory.phase("a scan of " + DistinctPhotos.count(scanFolder) + " photos (File → Add Folder) while the grid scrolls");
            scanWhileScrolling(app, clock, grid);
        }
        memory.phase(null);
        memory.close();
        ProcessMemory.printBreakdown("end");

        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap in use after a full GC: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                app.window().stage().close();
                app.stop();
                stopped.complete(null);
            } catch (Exception e) {
                stopped.completeExceptionally(e);
            }
        });
        stopped.get(60, TimeUnit.SECONDS);
        SyntheticLibrary.delete(dir);
    }

    /**
     * Starts a scan as the user does (File → Add Folder; the chooser answers the prepared folder): the window's own
     * action, through the core ScanService and the task bridge. Flings the grid 600 frames at a time until the status
     * line reports the scan's end (the grid reloads with the new photos meanwhile).
     */
    private static void scanWhileScrolling(FacetApplication app, PulseClock clock, PhotoGrid grid) throws Exception {
        long t = System.nanoTime();
        Fx.run(() -> menuItem(app.window().stage().getScene(), "menuAddFolder").fire());
        int round = 0;
        String status;
        while (!(status = Fx.get(() -> ((javafx.scene.control.Labeled) app.window().stage().getScene().lookup("#statusMessage")).getText()))
                .matches("Scan \\w+: .*")) {
            if (System.nanoTime() - t > TimeUnit.MINUTES.toNanos(20)) {
                throw new IllegalStateException("the scan did not end in 20 minutes; status: " + status);
            }
            scroll(clock, grid.listView(), "grid during the scan, fling " + (++round), 600, Double.MAX_VALUE);
        }
        System.out.printf(Locale.ROOT, "scan while scrolling: %.1f s; status line: %s%n", (System.nanoTime() - t) / 1e9, status);
    }

    private static javafx.scene.control.MenuItem menuItem(javafx.scene.Scene scene, String id) {
        var bar = (javafx.scene.control.MenuBar) scene.lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no menu item " + id));
    }

    private static List<Path> scanSources() {
        return Arrays.stream(System.getProperty("facet.bench.scanFrom", SharedPhotos.PHOTOS.toString()).split(":")).map(Path::of).toList();
    }

    /**
     * Scrolls the grid, then a plain ListView of one-line text rows in a window of the same size the same way: the
     * ceiling this machine's rendering path (software pipeline, X server) allows at that moment.
     */
    private static void compare(PulseClock clock, PhotoGrid grid, String label, double pixels, double range) throws Exception {
        Stats g = scroll(clock, grid.listView(), "grid     " + label, pixels, range);
        PulseClock plainClock = new PulseClock();
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            javafx.scene.control.ListView<String> list = new javafx.scene.control.ListView<>(javafx.collections.FXCollections.observableArrayList(
                    java.util.stream.IntStream.range(0, 100_000).mapToObj(i -> "Row " + i).toList()));
            list.setFixedCellSize(196);
            Stage stage = new Stage();
            var size = grid.getScene().getWindow();
            stage.setScene(new javafx.scene.Scene(list, size.getWidth(), size.getHeight()));
            stage.getScene().addPostLayoutPulseListener(plainClock::pulse);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            shown.complete(stage);
        });
        Stage stage = shown.get(30, TimeUnit.SECONDS);
        Thread.sleep(500);
        Stats b = scroll(plainClock, (javafx.scene.control.ListView<?>) stage.getScene().getRoot(), "baseline " + label, pixels, range);
        Fx.run(stage::close);
        System.out.printf(Locale.ROOT, "    → grid / baseline: %.2f of the frame rate, %.2fx the median frame time%n", g.fps() / b.fps(), g.p50() / b.p50());
    }

    /** Renders (through the app's own cache) the thumbnails of the first {@code count} photos in grid order. */
    private static int warmThumbnails(app.facet.ui.session.LibraryContext library, int count) throws Exception {
        var selection = library.photos().select(app.facet.core.browse.PhotoFilter.ALL);
        int done = 0;
        for (var p : library.photos().photos(selection.ids(0, count))) {
            var key = new app.facet.core.thumbnails.ThumbnailKey(p.id(), Path.of(p.path()), p.contentHash(), p.mtimeMillis(), p.sizeBytes());
            // one at a time: the cache's queue is bounded and drops the oldest requests
            library.thumbnails().request(key).get(60, TimeUnit.SECONDS);
            done++;
        }
        return done;
    }

    /** The catalog reads behind the first paint, each timed on its own (second run: warm page cache, as in the app). */
    private static void coreReads(LibraryLocation library) {
        long t = System.nanoTime();
        app.facet.core.catalog.Catalog catalog = app.facet.core.catalog.Catalog.open(library);
        long open = System.nanoTime() - t;
        var photos = new app.facet.core.browse.PhotoBrowser(catalog);
        var people = new app.facet.core.browse.PeopleBrowser(catalog);
        for (int round = 0; round < 2; round++) {
            long a = System.nanoTime();
            var all = photos.select(app.facet.core.browse.PhotoFilter.ALL);
            long b = System.nanoTime();
            var folders = photos.folders();
            long c = System.nanoTime();
            photos.photos(all.ids(0, 128));
            long d = System.nanoTime();
            var list = people.people();
            long e = System.nanoTime();
            people.unknown();
            long f = System.nanoTime();
            var one = photos.select(app.facet.core.browse.PhotoFilter.ALL.withPerson(app.facet.core.browse.PersonFilter.only(list.get(0).person().id())));
            long g = System.nanoTime();
            if (round == 1) {
                System.out.printf(Locale.ROOT, "core reads: catalog open %.0f ms; all photo ids (%,d) %.0f ms; folders (%d) %.0f ms;"
                                + " one page of 128 photos %.1f ms; people (%d, with covers) %.0f ms; unknown counts %.0f ms;"
                                + " one person's photos (%,d) %.0f ms%n", open / 1e6, all.size(), (b - a) / 1e6, folders.size(),
                        (c - b) / 1e6, (d - c) / 1e6, list.size(), (e - d) / 1e6, (f - e) / 1e6, one.size(), (g - f) / 1e6);
            }
        }
    }

    /** Scrolls by {@code pixels} every frame for {@link #FRAMES} frames (reversing at the ends); prints frame-time statistics. */
    private static Stats scroll(PulseClock clock, javafx.scene.control.ListView<?> list, String label, double pixels,
                                double rangePixels) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
            list.scrollTo(0);
            clock.record(true);
            new AnimationTimer() {
                int frames;
                double direction = 1;
                double travelled;

                @Override
                public void handle(long now) {
                    double before = flow.getPosition();
                    travelled += flow.scrollPixels(direction * pixels);
                    if (flow.getPosition() == before || travelled >= rangePixels || travelled <= 0) {
                        direction = -direction;
                    }
                    if (++frames >= FRAMES) {
                        stop();
                        clock.record(false);
                        done.countDown();
                    }
                }
            }.start();
        });
        done.await(120, TimeUnit.SECONDS);
        return clock.print(label);
    }

    /** Jumps to 20 random places (dragging the scroll bar thumb): time until the tiles there show their photos. */
    private static void jumps(PulseClock clock, PhotoGrid grid, int n) throws Exception {
        java.util.Random random = new java.util.Random(7);
        List<Long> fill = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int row = random.nextInt(Math.max(1, Fx.get(() -> grid.listView().getItems().size())));
            long t = System.nanoTime();
            Fx.run(() -> grid.listView().scrollTo(row));
            fill.add(waitForPulse(clock, () -> fullyListed(grid), 30) - t);
        }
        fill.sort(null);
        System.out.printf(Locale.ROOT, "jump to a random place → its photos listed: median %.0f ms, max %.0f ms (20 jumps)%n",
                fill.get(fill.size() / 2) / 1e6, fill.get(fill.size() - 1) / 1e6);
    }

    private static boolean fullyListed(PhotoGrid grid) {
        return FirstPaintProbe.listed(grid);
    }

    private static boolean allThumbnails(PhotoGrid grid) {
        List<PhotoTileView> tiles = grid.visibleTiles();
        return !tiles.isEmpty() && tiles.stream().allMatch(t -> t.photo() != null && t.hasThumbnail());
    }

    /** @return System.nanoTime of the first pulse at which {@code condition} holds */
    private static long waitForPulse(PulseClock clock, BooleanSupplier condition, int seconds) throws Exception {
        CompletableFuture<Long> when = new CompletableFuture<>();
        clock.whenTrue(condition, when);
        return when.get(seconds, TimeUnit.SECONDS);
    }

    /** Frames per second and frame-time percentiles of one scroll. */
    private record Stats(double fps, double p50, double p95) {
    }

    /** Pulse timestamps (post-layout, UI thread): frame intervals while recording, and conditions checked each pulse. */
    private static final class PulseClock {
        private final List<Long> pulses = new ArrayList<>();
        private boolean recording;
        private BooleanSupplier condition;
        private CompletableFuture<Long> conditionMet;

        void pulse() {
            long now = System.nanoTime();
            if (recording) {
                pulses.add(now);
            }
            if (condition != null && condition.getAsBoolean()) {
                conditionMet.complete(now);
                condition = null;
            }
            Platform.requestNextPulse(); // keep pulses coming while waiting, even when nothing changes
        }

        void whenTrue(BooleanSupplier c, CompletableFuture<Long> met) {
            Platform.runLater(() -> {
                conditionMet = met;
                condition = c;
                Platform.requestNextPulse();
            });
        }

        void record(boolean on) {
            if (on) {
                pulses.clear();
            }
            recording = on;
        }

        Stats print(String label) {
            List<Long> copy = Fx.get(() -> new ArrayList<>(pulses));
            double[] ms = new double[copy.size() - 1];
            for (int i = 1; i < copy.size(); i++) {
                ms[i - 1] = (copy.get(i) - copy.get(i - 1)) / 1e6;
            }
            Arrays.sort(ms);
            long slow = Arrays.stream(ms).filter(v -> v > 1000.0 / 60 * 1.5).count();
            double seconds = (copy.get(copy.size() - 1) - copy.get(0)) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d frames in %.1f s = %.1f fps; frame time p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                            + " max %.1f ms; frames over 25 ms: %d (%.1f %%)%n", label, ms.length, seconds, ms.length / seconds,
                    pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1], slow, 100.0 * slow / ms.length);
            return new Stats(ms.length / seconds, pct(ms, 50), pct(ms, 95));
        }

        private static double pct(double[] sorted, double p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
        }
    }
}
