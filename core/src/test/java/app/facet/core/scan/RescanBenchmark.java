package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.testing.TestAnalyzers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Incremental rescan of N unchanged photos (issue 10) against a plain walk + {@code stat} of the same files, in one
 * run. The photos are small distinct files (content is never read when size and mtime are unchanged); the catalog is
 * synthetic: every file is a {@code done} photo with its true size, mtime and SHA-256, inserted in one transaction.
 * Each round times, in this order: a Java {@code Files.walkFileTree} reading every file's attributes, {@code find
 * DIR -type f -printf '%s %T@\n'}, and a full {@code ScanService.scan} of the folder (lock, run row, walk, catalogue
 * read, plan, one write transaction, no analysis). Best of the rounds; ratios = scan / walk.
 * <p>
 * Run: {@code scripts/bench core app.facet.core.scan.RescanBenchmark [photos] [rounds] [threads]} (default 100000 3 2).
 * The same class runs against an older build (it uses only APIs present since the first scan service):
 * {@code BENCH_CLASSES_FROM=/work/base scripts/bench core app.facet.core.scan.RescanBenchmark}.
 * {@code FACET_BENCH_DIR} keeps the photo folder between runs (created once).
 */
public final class RescanBenchmark {
    private static final int PER_FOLDER = 1000;

    public static void main(String[] args) throws Exception {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String keep = System.getenv("FACET_BENCH_DIR");
        Path work = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("facet-rescan-bench");
        Path dir = work.resolve("photos-" + photos);
        long t0 = System.nanoTime();
        boolean created = makePhotos(dir, photos);
        System.out.printf("photos=%d rounds=%d threads=%d cores=%d folder=%s (%s in %.1f s)%n", photos, rounds, threads,
                Runtime.getRuntime().availableProcessors(), dir, created ? "created" : "reused", (System.nanoTime() - t0) / 1e9);
        Path lib = Files.createTempDirectory(work, "lib-");
        Catalog catalog = Catalog.open(new LibraryLocation(lib));
        t0 = System.nanoTime();
        insertDone(catalog, dir);
        System.out.printf("synthetic catalog: %d done photos in %.1f s%n", photos, (System.nanoTime() - t0) / 1e9);
        double walk = Double.MAX_VALUE, find = Double.MAX_VALUE, scan = Double.MAX_VALUE;
        try (PhotoAnalyzer analyzer = TestAnalyzers.withEmbeddings()) {
            ScanService service = new ScanService(catalog, analyzer);
            for (int r = 0; r < rounds; r++) {
                double w = walk(dir, photos), f = find(dir, photos), s = rescan(service, dir, threads, photos);
                System.out.printf("round %d: java walk+stat %.2f s | find -printf %.2f s | facet rescan %.2f s%n", r + 1, w, f, s);
                walk = Math.min(walk, w);
                find = Math.min(find, f);
                scan = Math.min(scan, s);
            }
        }
        System.out.printf("best: java walk+stat %.2f s | find -printf %.2f s | facet rescan %.2f s | rescan/walk %.1f | rescan/find %.1f%n",
                walk, find, scan, scan / walk, scan / find);
    }

    private static boolean makePhotos(Path dir, int n) throws IOException {
        if (Files.isDirectory(dir)) {
            return false;
        }
        Path tmp = Files.createDirectories(dir.resolveSibling(dir.getFileName() + ".partial"));
        for (int i = 0; i < n; i++) {
            Path folder = tmp.resolve(String.format("d%04d", i / PER_FOLDER));
            if (i % PER_FOLDER == 0) {
                Files.createDirectories(folder);
            }
            Files.write(folder.resolve(String.format("p%06d.jpg", i)), content(i));
        }
        Files.move(tmp, dir);
        return true;
    }

    private static byte[] content(int i) {
        return ("synthetic photo " + i + " ").repeat(4).getBytes(StandardCharsets.US_ASCII);
    }

    private static void insertDone(Catalog catalog, Path dir) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        HexFormat hex = HexFormat.of();
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO photos (path, size_bytes, mtime_ms, content_hash, width,"
                    + " height, orientation, scan_state) VALUES (?, ?, ?, ?, 64, 64, 1, 'done')")) {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    int batch;

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        try {
                            ps.setString(1, file.toAbsolutePath().normalize().toString());
                            ps.setLong(2, attrs.size());
                            ps.setLong(3, attrs.lastModifiedTime().toMillis());
                            ps.setString(4, hex.formatHex(sha.digest(Files.readAllBytes(file))));
                            ps.addBatch();
                            if (++batch % 1000 == 0) {
                                ps.executeBatch();
                            }
                        } catch (java.sql.SQLException e) {
                            throw new IOException(e);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
                ps.executeBatch();
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    private static double walk(Path dir, int expected) throws IOException {
        AtomicLong count = new AtomicLong(), bytes = new AtomicLong();
        long t = System.nanoTime();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                count.incrementAndGet();
                bytes.addAndGet(attrs.size() + attrs.lastModifiedTime().toMillis() % 2);
                return FileVisitResult.CONTINUE;
            }
        });
        return check("walk", count.get(), expected, t);
    }

    private static double find(Path dir, int expected) throws Exception {
        long t = System.nanoTime();
        Process p = new ProcessBuilder("find", dir.toString(), "-type", "f", "-printf", "%s %T@ %p\\n")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long lines = 0;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                lines++;
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("find failed");
        }
        return check("find", lines, expected, t);
    }

    private static double rescan(ScanService service, Path dir, int threads, int expected) {
        long t = System.nanoTime();
        ScanSummary s = service.scan(new ScanOptions(List.of(dir), false, 0, threads), ScanListener.NONE, new Cancellation());
        double sec = (System.nanoTime() - t) / 1e9;
        if (!"completed".equals(s.status()) || s.photosUnchanged() != expected || s.photosNew() != 0
                || s.photosChanged() != 0 || s.photosAnalysed() != 0) {
            throw new IllegalStateException("the rescan did not see " + expected + " unchanged photos: " + s);
        }
        return sec;
    }

    private static double check(String what, long count, int expected, long t0) {
        double sec = (System.nanoTime() - t0) / 1e9;
        if (count != expected) {
            throw new IllegalStateException(what + " saw " + count + " files, expected " + expected);
        }
        return sec;
    }
}
