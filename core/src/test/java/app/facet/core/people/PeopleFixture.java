package app.facet.core.people;

import app.facet.core.catalog.Embeddings;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.testing.SharedMaterial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A real SQLite catalog (Catalog.open on a temp folder) filled with plain JDBC rows that respect the schema: photo rows
 * for real files of the shared photos, face rows pointing at them, one 128-d embedding model, float32 little-endian
 * embeddings. For tests of the people features with embeddings of known geometry; the end-to-end test on the shared
 * photos builds its catalog with the real scan instead ({@link PeopleOnSharedPhotosTest}).
 */
final class PeopleFixture {
    static final String MODEL = "test-model-128";
    static final int DIMENSION = 128;

    final Catalog catalog;
    private final List<Long> photoIds = new ArrayList<>();
    private final List<String> photoPaths = new ArrayList<>();
    private int next;

    private PeopleFixture(Catalog catalog) {
        this.catalog = catalog;
    }

    static PeopleFixture create(Path dir) throws Exception {
        PeopleFixture f = new PeopleFixture(Catalog.open(new LibraryLocation(dir.resolve("library"))));
        List<Path> files;
        try (Stream<Path> s = Files.walk(SharedMaterial.photos())) {
            files = s.filter(p -> p.toString().matches(".*\\.(jpg|png)$")).sorted().toList();
        }
        try (Connection c = f.catalog.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO embedding_models(id, dimension, sha256) VALUES (?, ?, ?)")) {
                ps.setString(1, MODEL);
                ps.setInt(2, DIMENSION);
                ps.setString(3, "0".repeat(64));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO photos(path, size_bytes, mtime_ms, width, height, scan_state) "
                    + "VALUES (?, ?, ?, 1000, 1000, 'done')", Statement.RETURN_GENERATED_KEYS)) {
                for (Path p : files) {
                    ps.setString(1, p.toAbsolutePath().normalize().toString());
                    ps.setLong(2, Files.size(p));
                    ps.setLong(3, Files.getLastModifiedTime(p).toMillis());
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        f.photoIds.add(rs.getLong(1));
                        f.photoPaths.add(p.toAbsolutePath().normalize().toString());
                    }
                }
            }
        }
        return f;
    }

    /** A good face (quality 0.8, 120 px, score 0.98) on the next photo. */
    long face(float[] embedding) throws SQLException {
        return face(embedding, 0.8, 120, 0.98);
    }

    long face(float[] embedding, double quality, double sizePx, double score) throws SQLException {
        int i = next++ % photoIds.size();
        try (Connection c = catalog.connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO face_crops(photo_id, image_path, x, y, w, h, detection_score, "
                     + "detector, face_size_px, quality, quality_label, embedding, embedding_model_id) VALUES (?, ?, 10, 10, ?, ?, ?, "
                     + "'yunet-2023mar', ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, photoIds.get(i));
            ps.setString(2, photoPaths.get(i));
            ps.setDouble(3, sizePx);
            ps.setDouble(4, sizePx);
            ps.setDouble(5, score);
            ps.setDouble(6, sizePx);
            ps.setDouble(7, quality);
            ps.setString(8, app.facet.model.QualityLabel.of(quality).name().toLowerCase(java.util.Locale.ROOT));
            if (embedding == null) {
                ps.setNull(9, java.sql.Types.BLOB);
                ps.setNull(10, java.sql.Types.VARCHAR);
            } else {
                ps.setBytes(9, Embeddings.toBytes(embedding));
                ps.setString(10, MODEL);
            }
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Inserts many faces in one transaction (batched), round-robin over the photos.
     *
     * @return their ids, in order
     */
    long[] faces(float[][] embeddings, double[] quality) throws SQLException {
        long[] ids = new long[embeddings.length];
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO face_crops(photo_id, image_path, x, y, w, h, detection_score, "
                    + "detector, face_size_px, quality, embedding, embedding_model_id) VALUES (?, ?, 10, 10, 100, 100, 0.95, "
                    + "'yunet-2023mar', 100, ?, ?, ?)")) {
                for (int i = 0; i < embeddings.length; i++) {
                    int p = next++ % photoIds.size();
                    ps.setLong(1, photoIds.get(p));
                    ps.setString(2, photoPaths.get(p));
                    ps.setDouble(3, quality[i]);
                    ps.setBytes(4, Embeddings.toBytes(embeddings[i]));
                    ps.setString(5, MODEL);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM face_crops ORDER BY id DESC LIMIT " + embeddings.length)) {
                int i = embeddings.length;
                while (rs.next()) {
                    ids[--i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    /** Every row of a table, every column, ordered by its first column(s): for exact before/after comparisons. */
    List<Map<String, Object>> rows(String table) throws SQLException {
        String order = table.equals("face_person_rejections") ? "face_id, person_id" : "id";
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = catalog.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnName(i), v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
                }
                out.add(row);
            }
        }
        return out;
    }

    /** The people tables, whole. */
    Map<String, List<Map<String, Object>>> peopleTables() throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String t : List.of("persons", "face_crops", "face_person_rejections")) {
            out.put(t, rows(t));
        }
        return out;
    }

    Map<String, Object> face(long id) throws SQLException {
        return rows("face_crops").stream().filter(r -> ((Number) r.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    Object column(long faceId, String column) throws SQLException {
        return face(faceId).get(column);
    }

    void exec(String sql) throws SQLException {
        try (Connection c = catalog.connect(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    // ---- embeddings of known geometry ----

    /** A random unit vector. */
    static float[] randomUnit(Random random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return SyntheticFaces.unit(v);
    }

    /** A unit vector whose cosine similarity with {@code base} (unit) is exactly {@code similarity} (up to float rounding). */
    static float[] atSimilarity(float[] base, double similarity, Random random) {
        float[] r = randomUnit(random);
        double along = SyntheticFaces.dot(r, base);
        float[] orth = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            orth[i] = (float) (r[i] - along * base[i]);
        }
        orth = SyntheticFaces.unit(orth);
        double sin = Math.sqrt(1 - similarity * similarity);
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) (similarity * base[i] + sin * orth[i]);
        }
        return SyntheticFaces.unit(v);
    }
}
