package app.facet.app.desktop;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A big library for benchmarks: {@code n} photos that are symbolic links to the shared photos (so every row is a
 * real, decodable file with its own path), spread over ten years, one or two faces each, a third of them unknown,
 * the rest on 200 people. Rows are inserted directly: this measures the desktop shell, not the scan.
 */
final class SyntheticLibrary {
    private SyntheticLibrary() {
    }

    /** {@code SyntheticLibrary DIR N}: writes a library of N photos into DIR (for a benchmark that runs in another process). */
    public static void main(String[] args) throws Exception {
        create(Path.of(args[0]), Integer.parseInt(args[1]));
        System.exit(0);
    }

    /**
     * As {@link #create}, in a child JVM (this one's java and classpath): building 100k rows would leave its heap,
     * SQLite cache and page-cache traces in the process whose memory a benchmark measures.
     */
    static LibraryLocation createInChildProcess(Path dir, int n) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Dfacet.shared=" + SharedPhotos.SHARED, "-cp", System.getProperty("java.class.path"),
                SyntheticLibrary.class.getName(), dir.toString(), Integer.toString(n)).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("building the synthetic library failed (exit " + p.exitValue() + ")");
        }
        return new LibraryLocation(dir.resolve("library"));
    }

    static LibraryLocation create(Path dir, int n) throws Exception {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SharedPhotos.PHOTOS)) {
            sources = files.filter(p -> p.toString().matches(".*\\.(jpg|png)$")).sorted().toList();
        }
        LibraryLocation location = new LibraryLocation(dir.resolve("library"));
        Catalog catalog = Catalog.open(location);
        Path photos = dir.resolve("photos");
        Random random = new Random(42);
        Instant start = Instant.parse("2015-01-01T00:00:00Z");
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            long[] persons = new long[200];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO persons(name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < persons.length; i++) {
                    ps.setString(1, "Person " + (i + 1));
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        persons[i] = rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement photo = c.prepareStatement("INSERT INTO photos(id, path, size_bytes, mtime_ms, width, height,"
                    + " taken_at, scan_state) VALUES (?, ?, ?, ?, 1000, 800, ?, 'done')");
                 PreparedStatement face = c.prepareStatement("INSERT INTO face_crops(photo_id, image_path, x, y, w, h,"
                         + " detection_score, detector, quality, person_id, assigned_by) VALUES (?, ?, 100, 100, 200, 200, 0.95, 'synthetic', ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    Path source = sources.get(i % sources.size());
                    Path link = photos.resolve("d" + (i / 1000)).resolve("p" + i + "-" + source.getFileName());
                    Files.createDirectories(link.getParent());
                    Files.createSymbolicLink(link, source);
                    long id = i + 1;
                    photo.setLong(1, id);
                    photo.setString(2, link.toString());
                    photo.setLong(3, Files.size(source));
                    photo.setLong(4, Files.getLastModifiedTime(source).toMillis());
                    photo.setString(5, start.plus(random.nextInt(3650 * 24), ChronoUnit.HOURS).toString());
                    photo.addBatch();
                    int faces = 1 + random.nextInt(2);
                    for (int f = 0; f < faces; f++) {
                        boolean known = random.nextInt(3) > 0;
                        face.setLong(1, id);
                        face.setString(2, link.toString());
                        face.setDouble(3, random.nextDouble());
                        face.setObject(4, known ? persons[random.nextInt(persons.length)] : null);
                        face.setString(5, known ? "user" : "none");
                        face.addBatch();
                    }
                    if (i % 1000 == 999) {
                        photo.executeBatch();
                        face.executeBatch();
                    }
                }
                photo.executeBatch();
                face.executeBatch();
            }
            c.commit();
        }
        return location;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
