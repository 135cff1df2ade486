package app.facet.core.metadata;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A real catalog (SQLite file, all migrations) of {@code photos} photo files with one face each, named by the user
 * ({@code assigned_by = user}) after {@code persons} people in turn: photo i shows person {@code "Person " + i % persons}.
 * The photo files are a few bytes (the sidecar writer never opens a photo); sizes are 4000 x 3000 pixels.
 */
final class NamedLibrary {
    final Catalog catalog;
    final Path photos;

    private NamedLibrary(Catalog catalog, Path photos) {
        this.catalog = catalog;
        this.photos = photos;
    }

    static NamedLibrary create(Path dir, int photoCount, int persons) throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Catalog catalog = Catalog.open(new LibraryLocation(dir.resolve("library")));
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement person = c.prepareStatement("INSERT INTO persons (name) VALUES (?)")) {
                for (int p = 0; p < persons; p++) {
                    person.setString(1, "Person " + p);
                    person.addBatch();
                }
                person.executeBatch();
            }
            try (PreparedStatement photo = c.prepareStatement("INSERT INTO photos (path, size_bytes, mtime_ms, width, height, "
                    + "scan_state) VALUES (?, 3, 0, 4000, 3000, 'done')", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement face = c.prepareStatement("INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, "
                         + "detection_score, detector, person_id, assigned_by) VALUES (?, ?, ?, ?, 900, 400, 500, 0.9, 'test', "
                         + "(SELECT id FROM persons WHERE name = ?), 'user')")) {
                for (int i = 0; i < photoCount; i++) {
                    Path file = photos.resolve(String.format("IMG_%06d.jpg", i));
                    Files.write(file, new byte[]{1, 2, 3});
                    photo.setString(1, file.toString());
                    photo.executeUpdate();
                    long id;
                    try (var keys = photo.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    face.setLong(1, id);
                    face.setString(2, file.toString());
                    face.setString(3, "managed/crops/" + i + ".jpg");
                    face.setDouble(4, 1000 + i % 7);
                    face.setString(5, "Person " + i % persons);
                    face.executeUpdate();
                }
            }
            c.commit();
        }
        return new NamedLibrary(catalog, photos);
    }

    long sidecars() throws IOException {
        try (var s = Files.list(photos)) {
            return s.filter(p -> p.toString().endsWith(".xmp")).count();
        }
    }
}
