package app.facet.app.desktop;

import app.facet.core.analysis.AnalyzerConfig;
import app.facet.core.analysis.OpenCvPhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.people.PeopleService;
import app.facet.core.scan.Cancellation;
import app.facet.core.scan.ScanListener;
import app.facet.core.scan.ScanOptions;
import app.facet.core.scan.ScanService;
import app.facet.core.scan.ScanSummary;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;

/**
 * Builds a library for screenshots and manual runs: scans the shared photos with the real analyzer, then names the
 * face of every single-person photo after labels.csv through the real PeopleService, so the sidebar has people.
 * <pre>java -cp … app.facet.app.desktop.DemoLibrary /tmp/demo-library [scan-only | damaged]</pre>
 * {@code damaged} then plants two problems for the integrity report: a person without faces and a missing crop file.
 */
public final class DemoLibrary {
    public static void main(String[] args) throws Exception {
        build(args);
    }

    private static void build(String[] args) throws Exception {
        LibraryLocation location = new LibraryLocation(Path.of(args[0]));
        Catalog catalog = Catalog.open(location);
        try (OpenCvPhotoAnalyzer analyzer = new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(SharedPhotos.MODELS)
                .withEmbeddingModelId("mobilefacenet"))) {
            ScanSummary summary = new ScanService(catalog, analyzer)
                    .scan(ScanOptions.of(List.of(SharedPhotos.PHOTOS)), ScanListener.NONE, new Cancellation());
            System.out.println("scanned: " + summary);
        }
        if (args.length > 1 && args[1].equals("scan-only")) {
            return;
        }
        PeopleService people = new PeopleService(catalog);
        for (SharedPhotos.Label label : SharedPhotos.labels()) {
            if (label.people().size() != 1 || label.maxFaces() != 1) {
                continue;
            }
            Long face = onlyFace(catalog, label.path().toRealPath());
            if (face != null) {
                people.assignFaceToNewPerson(face, displayName(label.people().get(0)));
            }
        }
        System.out.println("named people: " + people.listPeople(true).size());
        if (args.length > 1 && args[1].equals("damaged")) {
            try (Connection c = catalog.connect(); java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO persons(name) VALUES ('Nobody')");
                try (ResultSet rs = s.executeQuery("SELECT crop_path FROM face_crops WHERE crop_path IS NOT NULL ORDER BY id LIMIT 1")) {
                    rs.next();
                    java.nio.file.Files.delete(location.resolve(rs.getString(1)));
                }
            }
        }
    }

    private static Long onlyFace(Catalog catalog, Path photo) throws Exception {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path = ? AND f.not_a_face = 0")) {
            ps.setString(1, photo.toString());
            try (ResultSet rs = ps.executeQuery()) {
                Long id = rs.next() ? rs.getLong(1) : null;
                return rs.next() ? null : id;
            }
        }
    }

    /** "barack_obama" → "Barack Obama". */
    static String displayName(String label) {
        StringBuilder sb = new StringBuilder();
        for (String part : label.split("_")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.toString();
    }
}
