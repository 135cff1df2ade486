package app.facet.core.editor;

import app.facet.core.analysis.OpenCvPhotoAnalyzer;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.scan.Cancellation;
import app.facet.core.scan.ScanListener;
import app.facet.core.scan.ScanOptions;
import app.facet.core.scan.ScanService;
import app.facet.core.scan.ScanSummary;
import app.facet.model.BoundingBox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real library for tests: copies of some shared photos (so a test may delete one) scanned by the real
 * ScanService with the real OpenCV/ONNX analyzer (YuNet + the mobilefacenet test model) into a real SQLite catalog.
 */
public final class ScannedLibrary implements AutoCloseable {
    public final Path photos;
    public final Catalog catalog;
    public final OpenCvPhotoAnalyzer analyzer;
    public final ScanSummary summary;

    private ScannedLibrary(Path photos, Catalog catalog, OpenCvPhotoAnalyzer analyzer, ScanSummary summary) {
        this.photos = photos;
        this.catalog = catalog;
        this.analyzer = analyzer;
        this.summary = summary;
    }

    /** @param relative photos of the shared folder, e.g. {@code people/joe_biden/biden.jpg} */
    public static ScannedLibrary scan(Path tmp, String... relative) throws Exception {
        return scan(tmp, copy -> {
        }, relative);
    }

    /** A change made to each copied photo before the first scan (e.g. an edit with an external tool). */
    @FunctionalInterface
    public interface Prepare {
        void apply(Path copy) throws Exception;
    }

    /** As {@link #scan(Path, String...)}, with {@code prepare} applied to each copy before the scan. */
    public static ScannedLibrary scan(Path tmp, Prepare prepare, String... relative) throws Exception {
        Path photos = tmp.resolve("photos");
        for (String r : relative) {
            Path to = photos.resolve(r);
            Files.createDirectories(to.getParent());
            Files.copy(SharedMaterial.photo(r), to);
            prepare.apply(to);
        }
        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("library")));
        OpenCvPhotoAnalyzer analyzer = TestAnalyzers.withEmbeddings();
        ScanSummary summary = new ScanService(catalog, analyzer).scan(ScanOptions.of(List.of(photos)), ScanListener.NONE, new Cancellation());
        return new ScannedLibrary(photos.toRealPath(), catalog, analyzer, summary);
    }

    /** Scans the photo folder again (the incremental rules apply). */
    public ScanSummary rescan() {
        return new ScanService(catalog, analyzer).scan(ScanOptions.of(List.of(photos)), ScanListener.NONE, new Cancellation());
    }

    public Path photo(String relative) {
        return photos.resolve(relative);
    }

    public long photoId(String relative) throws SQLException {
        return number("SELECT id FROM photos WHERE path = ?", photo(relative).toString());
    }

    /** Face ids of the photo, left to right, "not a face" rows included. */
    public List<Long> faceIds(String relative) throws SQLException {
        return numbers("SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path = ? ORDER BY f.x, f.id",
                photo(relative).toString());
    }

    public long number(String sql, Object... params) throws SQLException {
        List<Long> all = numbers(sql, params);
        if (all.isEmpty()) {
            throw new AssertionError("no row for " + sql);
        }
        return all.get(0);
    }

    /** @return the photo's face boxes as stored, left to right */
    public List<BoundingBox> boxes(long photo) throws SQLException {
        List<BoundingBox> out = new ArrayList<>();
        try (Connection c = catalog.connect();
             PreparedStatement ps = c.prepareStatement("SELECT x, y, w, h FROM face_crops WHERE photo_id = ? ORDER BY x, id")) {
            ps.setLong(1, photo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BoundingBox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
                }
            }
        }
        return out;
    }

    /** @return the first column of every row of {@code sql}, as text */
    public List<String> texts(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    public List<Long> numbers(String sql, Object... params) throws SQLException {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    public String text(String sql, Object... params) throws SQLException {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public void sql(String sql) throws SQLException {
        try (Connection c = catalog.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Every file under the managed crops folder, sorted. */
    public List<Path> cropFiles() throws IOException {
        try (Stream<Path> files = Files.walk(catalog.location().cropsDir())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
