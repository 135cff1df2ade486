package app.facet.app.desktop;

import app.facet.ui.library.PhotoGrid;
import app.facet.ui.library.PhotoTileView;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;

/**
 * Runs the real {@code FacetMain} with the arguments given and reports the desktop window's first paint of the photo
 * grid: the first pulse (after layout) at which the grid lists the library's photos and every tile on screen shows
 * its photo, as {@link DesktopShellBenchmark} defines it. Then exits the JVM at once (System.exit, so a class-data
 * archive asked for with {@code -XX:ArchiveClassesAtExit} is written). Used by {@code scripts/bench-desktop-start},
 * which starts it with the JVM options each checkout's {@code ./facet} gives the desktop, in place of FacetMain.
 * <p>
 * Prints one line: {@code first_paint epoch_ms=<wall clock at that pulse> cpu_ms=<CPU of the whole process so far>
 * uptime_ms=<since the JVM started> rss_mb=<VmRSS> hwm_mb=<VmHWM>}. {@code -Dfacet.probe.photos=N}: the number of
 * photos the grid must list (default: any). Uses only PhotoGrid's public reads, which the checkouts compared share.
 */
public final class FirstPaintProbe {
    private static final int PHOTOS = Integer.getInteger("facet.probe.photos", -1);
    /** FX thread only. */
    private static boolean reported;

    private static volatile String[] probeArgs = new String[0];

    private FirstPaintProbe() {
    }

    public static void main(String[] args) throws Exception {
        probeArgs = args.clone();
        Thread watcher = new Thread(FirstPaintProbe::watch, "first-paint-probe");
        watcher.setDaemon(true);
        watcher.start();
        app.facet.app.FacetMain.main(args);
    }

    /** Waits (5 ms polls, off the FX thread) for the toolkit, then checks each pulse for the grid's scene. */
    private static void watch() {
        while (true) {
            try {
                Platform.runLater(() -> new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        Scene scene = gridScene();
                        if (scene != null) {
                            stop();
                            scene.addPostLayoutPulseListener(() -> check(scene));
                        }
                    }
                }.start());
                return;
            } catch (IllegalStateException toolkitNotStarted) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The first-paint rule (also {@link DesktopShellBenchmark}'s): tiles on screen, and every one shows its photo. FX thread. */
    static boolean listed(PhotoGrid grid) {
        List<PhotoTileView> tiles = grid.visibleTiles();
        return !tiles.isEmpty() && tiles.stream().allMatch(t -> t.photo() != null);
    }

    private static Scene gridScene() {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().lookup(".photo-grid") instanceof PhotoGrid) {
                return w.getScene();
            }
        }
        return null;
    }

    private static void check(Scene scene) {
        if (reported) {
            return; // pulses go on while the JVM exits (and writes its class-data archive)
        }
        PhotoGrid grid = (PhotoGrid) scene.lookup(".photo-grid");
        List<PhotoTileView> tiles = grid.visibleTiles();
        if (grid.size() == 0 || (PHOTOS >= 0 && grid.size() != PHOTOS) || !listed(grid)) {
            Platform.requestNextPulse(); // keep pulses coming while the library opens
            return;
        }
        reported = true;
        long epoch = System.currentTimeMillis();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf(Locale.ROOT, "first_paint epoch_ms=%d cpu_ms=%d uptime_ms=%d rss_mb=%d hwm_mb=%d tiles=%d photos=%d%n", epoch, cpu,
                uptime, ProcessMemory.statusKb("VmRSS") >> 10, ProcessMemory.statusKb("VmHWM") >> 10, tiles.size(), grid.size());
        if (Boolean.getBoolean("facet.probe.threads")) {
            printThreadCpu();
        }
        System.out.flush();
        // The launcher keeps a class-data archive only from a run that marks itself full, which FacetMain does when the
        // window is closed normally; this probe ends the run at first paint, so it marks it (else every round after the
        // first would write an archive again instead of using one).
        new Thread(() -> {
            try {
                markFullRun();
            } finally {
                System.exit(0);
            }
        }, "first-paint-exit").start(); // not on the FX thread: shutdown hooks may need it
    }

    /**
     * With {@code -Dfacet.probe.threads=true}: CPU so far of each thread of the process (user+system, ms, from
     * {@code /proc/self/task/N/stat}), threads of the same name summed, largest first: where a start's CPU went.
     */
    private static void printThreadCpu() {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        long tick = 10; // USER_HZ is 100 on Linux
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                String stat = java.nio.file.Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick, Long::sum);
            }
        } catch (java.io.IOException | RuntimeException e) {
            System.out.println("thread_cpu unavailable: " + e);
            return;
        }
        byName.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "thread_cpu ms=%d name=%s%n", e.getValue(), e.getKey()));
    }

    /** Through reflection: an older checkout measured by the same probe may have no ClassDataArchive (nor need one). */
    private static void markFullRun() {
        try {
            Class.forName("app.facet.app.startup.ClassDataArchive").getMethod("finish", String[].class, int.class)
                    .invoke(null, probeArgs, 0);
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("first-paint-probe: no class-data marker written: " + e);
        }
    }
}
