package app.facet.core.testing;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.ContentHash;
import app.facet.core.integrity.FaceCropCutter;
import app.facet.model.BoundingBox;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * A real library built from the shared photos: the photos are copied into {@code WORK/photos} (so tests may delete
 * or move them), the catalog lives in {@code WORK/library}. Until the scan pipeline lands this writes what a scan
 * would: one completed scan run over the photo folder, a photos row per file (size, mtime, SHA-256, oriented
 * size), {@code min_faces} face rows per photo from labels.csv with synthetic non-overlapping boxes, a real crop
 * JPEG per face cut from the photo, a normalised float32 embedding per face (model {@value #MODEL_ID}), and the
 * labelled people as persons (their first face assigned by the user, the rest automatically).
 * <p>
 * To switch to the real pipeline, replace {@link #populate()} with a call to the scan over {@link #photosDir()} and
 * derive the assignments the same way; the tests only use this class's accessors.
 */
public final class LibraryFixture {
    public static final String MODEL_ID = "mobilefacenet-test";
    public static final int DIMENSION = 128;
    /** Photo with a painting in the background: one extra detection there is marked "not a face". */
    public static final String NOT_A_FACE_PHOTO = "people/joe_biden/biden2.jpg";
    public static final String HIDDEN_PERSON = "lin_manuel_miranda";
    /** Person whose cover face is chosen (their second face). */
    public static final String COVER_PERSON = "barack_obama";
    /** Start of the fixture's scan run: earlier than any row it writes. */
    public static final String SCAN_STARTED_AT = "2026-01-01T00:00:00.000Z";

    /**
     * How to build: {@link #SCANNED_AND_NAMED} is a library the user has worked in; a fresh scan of the same photos
     * (for export/restore) has no decisions, may find the photos at other paths, and finds the boxes a few pixels off.
     *
     * @param userDecisions persons, assignments, "not a face", "not this person", hidden person and cover
     * @param relocate      maps a photo's relative path to where it lies in this library
     * @param jitterPx      shift of every box, pixels (a rescan's detector never gives exactly the same box)
     */
    public record Options(boolean userDecisions, java.util.function.UnaryOperator<String> relocate, double jitterPx) {
    }

    public static final Options SCANNED_AND_NAMED = new Options(true, java.util.function.UnaryOperator.identity(), 0);

    /** One catalogued photo. */
    public record PhotoRow(long id, String relative, Path path, String contentHash, int width, int height) {
    }

    /** One face row as written. */
    public record FaceRow(long id, long photoId, Path cropPath, BoundingBox box, String person, String assignedBy) {
    }

    private final Path workDir;
    private final Path photosDir;
    private final LibraryLocation location;
    private final Catalog catalog;
    private final Map<String, PhotoRow> photos = new LinkedHashMap<>();
    private final List<FaceRow> faces = new ArrayList<>();
    private final Map<String, Long> persons = new LinkedHashMap<>();

    private final Options options;

    private LibraryFixture(Path workDir, Options options) {
        this.workDir = workDir;
        this.options = options;
        this.photosDir = workDir.resolve("photos");
        this.location = new LibraryLocation(workDir.resolve("library"));
        this.catalog = Catalog.open(location);
    }

    /** Builds the library under {@code workDir} (a fresh temporary folder). */
    public static LibraryFixture build(Path workDir) throws IOException, SQLException {
        return build(workDir, SCANNED_AND_NAMED);
    }

    public static LibraryFixture build(Path workDir, Options options) throws IOException, SQLException {
        copyPhotos(workDir.resolve("photos"), options.relocate());
        LibraryFixture f = new LibraryFixture(workDir, options);
        f.populate();
        return f;
    }

    /** Copies every labelled shared photo into {@code target}, at {@code relocate}(its relative path). */
    private static void copyPhotos(Path target, java.util.function.UnaryOperator<String> relocate) throws IOException {
        for (CSVRecord r : labels()) {
            Path to = target.resolve(relocate.apply(r.get("path")));
            Files.createDirectories(to.getParent());
            Files.copy(sharedPhotos().resolve(r.get("path")), to);
        }
    }

    public static Path sharedPhotos() {
        String shared = System.getProperty("facet.shared");
        if (shared == null) {
            throw new IllegalStateException("system property facet.shared is not set (surefire sets it to ../shared)");
        }
        return Path.of(shared, "photos").toAbsolutePath().normalize();
    }

    public static List<CSVRecord> labels() throws IOException {
        try (Reader in = Files.newBufferedReader(sharedPhotos().resolve("labels.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private void populate() throws IOException, SQLException {
        FaceCropCutter cutter = new FaceCropCutter();
        Random random = new Random(42);
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            exec(c, "INSERT INTO embedding_models (id, dimension, sha256) VALUES ('" + MODEL_ID + "', " + DIMENSION
                    + ", '0c9ad2a83969fc82155706f7020e6926b4a1a90a5476fff4a5588dfe207f64a4')");
            long runId = insertScanRun(c, SCAN_STARTED_AT, "running", photosDir);
            for (CSVRecord r : labels()) {
                PhotoRow photo = insertPhoto(c, r.get("path"), Integer.parseInt(r.get("min_faces")));
                photos.put(photo.relative(), photo);
                String[] people = r.get("people").isBlank() || !options.userDecisions() ? new String[0] : r.get("people").split(";");
                int n = Integer.parseInt(r.get("min_faces"));
                for (int k = 0; k < n; k++) {
                    BoundingBox box = syntheticBox(photo, k, n);
                    Path crop = location.cropsDir().resolve(photo.contentHash() + "_" + k + ".jpg");
                    cutter.cut(photo.path(), box, crop);
                    String person = n == people.length || (n > people.length && k < people.length) ? people[k] : null;
                    String assignedBy = person == null ? "none" : persons.containsKey(person) ? "auto" : "user";
                    Long personId = person == null ? null : persons.computeIfAbsent(person, name -> insertPerson(c, name));
                    long id = insertFace(c, photo.id(), photo.path().toString(), crop.toString(), box, 0.9,
                            app.facet.core.catalog.Embeddings.toBytes(randomUnit(random)), personId, assignedBy);
                    faces.add(new FaceRow(id, photo.id(), crop, box, person, assignedBy));
                }
            }
            addPaintingDetection(c, cutter);
            if (options.userDecisions()) {
                addUserDecisions(c);
            }
            exec(c, "UPDATE scan_runs SET status = 'completed', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
                    + " photos_seen = " + photos.size() + ", photos_new = " + photos.size() + ", faces_found = " + faces.size()
                    + " WHERE id = " + runId);
            c.commit();
        }
    }

    /** A detection of the painting in the background (a small box in the corner): a user marks it "not a face". */
    private void addPaintingDetection(Connection c, FaceCropCutter cutter) throws IOException, SQLException {
        PhotoRow painting = photo(NOT_A_FACE_PHOTO);
        double side = Math.floor(Math.min(painting.width(), painting.height()) / 8.0);
        BoundingBox box = new BoundingBox(options.jitterPx(), options.jitterPx(), side, side);
        Path crop = location.cropsDir().resolve(painting.contentHash() + "_painting.jpg");
        cutter.cut(painting.path(), box, crop);
        long id = insertFace(c, painting.id(), painting.path().toString(), crop.toString(), box, 0.65, null, null, "none");
        faces.add(new FaceRow(id, painting.id(), crop, box, null, "none"));
    }

    /** What a user tells Facet besides names: "not a face", "not this person", a hidden person and a chosen cover face. */
    private void addUserDecisions(Connection c) throws SQLException {
        exec(c, "UPDATE face_crops SET not_a_face = 1 WHERE crop_path LIKE '%\\_painting.jpg' ESCAPE '\\'");

        FaceRow rose = facesOf("groups/kit_with_rose.jpg").stream().filter(f -> "rose_leslie".equals(f.person())).findFirst().orElseThrow();
        exec(c, "INSERT INTO face_person_rejections (face_id, person_id) VALUES (" + rose.id() + ", " + personId("kit_harington") + ")");
        exec(c, "UPDATE persons SET hidden = 1 WHERE id = " + personId(HIDDEN_PERSON));
        FaceRow cover = faces.stream().filter(f -> COVER_PERSON.equals(f.person())).skip(1).findFirst().orElseThrow();
        exec(c, "UPDATE persons SET cover_face_id = " + cover.id() + " WHERE id = " + personId(COVER_PERSON));
    }

    private PhotoRow insertPhoto(Connection c, String relative, int faceCount) throws IOException, SQLException {
        Path path = photosDir.resolve(options.relocate().apply(relative));
        int width, height;
        try (Mat m = imread(path.toString(), IMREAD_COLOR)) {
            width = m.cols();
            height = m.rows();
        }
        String hash = ContentHash.of(path);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO photos (path, size_bytes, mtime_ms, content_hash, width, height,"
                + " orientation, scan_state, detector, embedding_model_id, scanned_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, 'fixture', ?,"
                + " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, path.toString());
            ps.setLong(2, Files.size(path));
            ps.setLong(3, Files.getLastModifiedTime(path).toMillis());
            ps.setString(4, hash);
            ps.setInt(5, width);
            ps.setInt(6, height);
            ps.setString(7, faceCount > 0 ? "done" : "no_faces");
            ps.setString(8, MODEL_ID);
            ps.executeUpdate();
            return new PhotoRow(generatedId(ps), relative, path, hash, width, height);
        }
    }

    /** Face k of n: a square in the middle of the k-th of n vertical strips (shifted by the jitter), so no two faces overlap. */
    private BoundingBox syntheticBox(PhotoRow p, int k, int n) {
        double stripW = (double) p.width() / n;
        double side = Math.floor(Math.min(stripW, p.height()) * 0.5);
        return new BoundingBox(Math.floor(k * stripW + (stripW - side) / 2) + options.jitterPx(),
                Math.floor((p.height() - side) / 2) + options.jitterPx(), side, side);
    }

    private static float[] randomUnit(Random random) {
        float[] v = new float[DIMENSION];
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            s += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / Math.sqrt(s));
        }
        return v;
    }

    private static long insertPerson(Connection c, String name) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO persons (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            return generatedId(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert person " + name, e);
        }
    }

    /** Inserts a face row (raw SQL: the guards, when present, judge it). @return its id */
    public static long insertFace(Connection c, long photoId, String imagePath, String cropPath, BoundingBox box, double score,
                                  byte[] embedding, Long personId, String assignedBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h,"
                + " detection_score, detector, embedding, embedding_model_id, person_id, assigned_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'fixture', ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, photoId);
            ps.setString(2, imagePath);
            ps.setString(3, cropPath);
            ps.setDouble(4, box.x());
            ps.setDouble(5, box.y());
            ps.setDouble(6, box.w());
            ps.setDouble(7, box.h());
            ps.setDouble(8, score);
            ps.setBytes(9, embedding);
            ps.setString(10, embedding == null ? null : MODEL_ID);
            ps.setObject(11, personId);
            ps.setString(12, assignedBy);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** Inserts a scan run over {@code root}. @return its id */
    public static long insertScanRun(Connection c, String startedAt, String status, Path root) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scan_runs (started_at, finished_at, status, roots) VALUES (?, "
                + "CASE WHEN ? = 'running' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END, ?, json_array(?))",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, startedAt);
            ps.setString(2, status);
            ps.setString(3, status);
            ps.setString(4, root.toString());
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Runs raw SQL statements in one transaction, foreign keys on. */
    public void sql(String... statements) throws SQLException {
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            for (String s : statements) {
                exec(c, s);
            }
            c.commit();
        }
    }

    /** Runs raw SQL statements in one transaction with foreign keys off (to plant dangling references). */
    public void sqlWithoutForeignKeys(String... statements) throws SQLException {
        try (Connection c = catalog.connect()) {
            exec(c, "PRAGMA foreign_keys = OFF");
            c.setAutoCommit(false);
            for (String s : statements) {
                exec(c, s);
            }
            c.commit();
        }
    }

    /** @return the first column of the first row of {@code sql} as a long (0 when no row) */
    public long queryLong(String sql) throws SQLException {
        try (Connection c = catalog.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** @return the first column of the first row of {@code sql} as a string (null when no row) */
    public String queryString(String sql) throws SQLException {
        try (Connection c = catalog.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Drops the V1 triggers that refuse bad face and photo rows, so a test can plant them. */
    public void dropGuardTriggers() throws SQLException {
        sql("DROP TRIGGER face_crops_guard_insert", "DROP TRIGGER face_crops_guard_update",
                "DROP TRIGGER photos_guard_insert", "DROP TRIGGER photos_guard_update");
    }

    /** Drops V50's "a box side is at least 1 px" triggers, to plant a sub-pixel box as a legacy writer could. */
    public void dropBoxTriggers() throws SQLException {
        sql("DROP TRIGGER face_crops_box_min_side_insert", "DROP TRIGGER face_crops_box_min_side_update");
    }

    /** Re-creates the triggers {@link #dropBoxTriggers()} dropped, from the V50 migration script itself. */
    public void restoreBoxTriggers() throws IOException, SQLException {
        try (var in = LibraryFixture.class.getResourceAsStream("/db/migration/V50__box_min_side.sql")) {
            String script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)CREATE TRIGGER.*?END;").matcher(script);
            while (m.find()) {
                sql(m.group());
            }
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    public LibraryLocation location() {
        return location;
    }

    public Path workDir() {
        return workDir;
    }

    /** Folder holding the copied photos (the scan root). */
    public Path photosDir() {
        return photosDir;
    }

    public List<PhotoRow> photos() {
        return List.copyOf(photos.values());
    }

    /** @param relative path relative to the shared photos folder, e.g. {@code groups/two_people.jpg} */
    public PhotoRow photo(String relative) {
        PhotoRow p = photos.get(relative);
        if (p == null) {
            throw new IllegalArgumentException("no fixture photo " + relative);
        }
        return p;
    }

    public List<FaceRow> faces() {
        return List.copyOf(faces);
    }

    public List<FaceRow> facesOf(String relative) {
        long id = photo(relative).id();
        return faces.stream().filter(f -> f.photoId() == id).toList();
    }

    public long personId(String name) {
        Long id = persons.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no fixture person " + name);
        }
        return id;
    }

    public Map<String, Long> persons() {
        return Map.copyOf(persons);
    }
}
