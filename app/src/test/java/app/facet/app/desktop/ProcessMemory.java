package app.facet.app.desktop;

import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * This process's memory, by phase of a benchmark: a daemon thread samples resident memory ({@code VmRSS} of
 * {@code /proc/self/status}) and the Java heap in use every 50 ms; {@link #phase(String)} closes the phase running and
 * prints its figures. Also where resident memory goes: the peak ({@code VmHWM}), the JVM's native memory tracking
 * summary (when started with {@code -XX:NativeMemoryTracking=summary}) and {@code /proc/self/smaps} grouped by mapping.
 * Linux only (elsewhere the RSS figures read -1).
 */
final class ProcessMemory implements AutoCloseable {
    private static final Path STATUS = Path.of("/proc/self/status");
    /** The first line of a mapping in smaps: "7f12a000-7f12b000 r-xp 00000000 08:01 1234  /usr/lib/libc.so.6". */
    private static final java.util.regex.Pattern MAPPING = java.util.regex.Pattern.compile("[0-9a-f]+-[0-9a-f]+ ");

    private final Thread sampler;
    private final Object lock = new Object();
    private volatile boolean running = true;
    private String phase;
    private long phaseStart;
    private long rssMaxKb;
    private long fileAtMaxKb;
    private long rssSumKb;
    private long heapMax;
    private long committedMax;
    private int samples;

    /** Starts sampling; the first phase is {@code first}. */
    ProcessMemory(String first) {
        startPhase(first);
        sampler = new Thread(this::sample, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Ends the phase running (prints one line of its figures) and starts {@code next} (null: none). */
    void phase(String next) {
        takeSample();
        synchronized (lock) {
            System.out.printf(Locale.ROOT, "memory | %s | %.1f s | RSS max %d MB (files and shared memory %d MB of it), mean %d MB"
                            + " | heap used max %d MB, committed max %d MB | VmHWM so far %d MB%n", phase, (System.nanoTime() - phaseStart) / 1e9,
                    rssMaxKb >> 10, fileAtMaxKb >> 10, samples == 0 ? 0 : (rssSumKb / samples) >> 10, heapMax >> 20, committedMax >> 20,
                    statusKb("VmHWM") >> 10);
            startPhase(next);
        }
    }

    private void startPhase(String name) {
        synchronized (lock) {
            phase = name;
            phaseStart = System.nanoTime();
            rssMaxKb = fileAtMaxKb = rssSumKb = heapMax = committedMax = samples = 0;
        }
    }

    private void sample() {
        while (running) {
            takeSample();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void takeSample() {
        long rss = statusKb("VmRSS");
        long files = statusKb("RssFile") + statusKb("RssShmem");
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        synchronized (lock) {
            if (phase == null) {
                return;
            }
            if (rss > rssMaxKb) {
                rssMaxKb = rss;
                fileAtMaxKb = files;
            }
            rssSumKb += rss;
            heapMax = Math.max(heapMax, heap.getUsed());
            committedMax = Math.max(committedMax, heap.getCommitted());
            samples++;
        }
    }

    /** A field of /proc/self/status in kB (VmRSS, VmHWM, RssAnon, RssFile...), -1 when unreadable. */
    static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Prints RSS, its anonymous and file-backed parts, VmHWM, and the old generation after the last collection. */
    static void printNow(String label) {
        long oldAfterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                oldAfterGc += pool.getCollectionUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "memory now (%s): VmRSS %d MB (anonymous %d MB, files %d MB), VmHWM %d MB, old generation after the last GC %d MB%n",
                label, statusKb("VmRSS") >> 10, statusKb("RssAnon") >> 10, statusKb("RssFile") >> 10, statusKb("VmHWM") >> 10, oldAfterGc >> 20);
    }

    /** The JVM's own accounting (NMT summary), or a sentence saying it is off. */
    static String nativeMemorySummary() {
        return diagnosticCommand("vmNativeMemory", "summary", "scale=MB");
    }

    /** The first {@code lines} lines of the live objects' class histogram (runs a full GC, as {@code jcmd GC.class_histogram}). */
    static String classHistogram(int lines) {
        return diagnosticCommand("gcClassHistogram").lines().limit(lines).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Prints where resident memory is now: RSS, the largest mappings, and (with {@code -Dfacet.bench.nmt}) NMT and the heap's classes. */
    static void printBreakdown(String label) {
        printNow(label);
        System.out.println("resident memory by mapping (/proc/self/smaps), largest first:");
        residentByMapping(10).forEach(r -> System.out.println("    " + r));
        if (System.getProperty("facet.bench.nmt") != null) {
            System.out.println(nativeMemorySummary());
            System.out.println(classHistogram(18));
        }
    }

    private static String diagnosticCommand(String operation, String... args) {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    operation, new Object[]{args}, new String[]{String[].class.getName()});
            return out.toString();
        } catch (Exception e) {
            return operation + " unavailable: " + e;
        }
    }

    /**
     * Resident memory by mapping, largest first: shared libraries and files by name, anonymous memory as "[anon]"
     * (malloc arenas, the Java heap, thread stacks, JavaFX's and OpenCV's buffers all land there).
     */
    static List<String> residentByMapping(int top) {
        Map<String, Long> kb = new HashMap<>();
        try {
            String name = "?";
            for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
                if (MAPPING.matcher(line).lookingAt()) {
                    String[] f = line.trim().split("\\s+", 6);
                    name = f.length < 6 ? "[anon]" : f[5].substring(f[5].lastIndexOf('/') + 1);
                } else if (line.startsWith("Rss:")) {
                    kb.merge(name, Long.parseLong(line.substring(4).replace("kB", "").trim()), Long::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of("smaps unreadable: " + e);
        }
        List<String> rows = new ArrayList<>();
        kb.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> rows.add(String.format(Locale.ROOT, "%6d MB  %s", e.getValue() >> 10, e.getKey())));
        return rows;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
