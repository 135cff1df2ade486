package app.facet.core.dashboard;

import app.facet.core.catalog.Embeddings;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.rules.FaceRowFacts;
import app.facet.core.rules.FaceRowRules;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.rules.RuleViolation;
import app.facet.model.AssignedBy;
import app.facet.model.FaceStatus;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a face row to a {@link FaceListing} without ever throwing: the row's stored status is combined with the
 * validation rules applied now ({@link FaceRowRules}, plus "is the photo file still there"), so that a row broken
 * by hand after the last validation pass is still shown as invalid, with its reasons.
 */
final class FaceListingReader {
    private static final Logger log = LoggerFactory.getLogger(FaceListingReader.class);

    private static final String MANAGED_DIR = "(SELECT value FROM library_settings WHERE key = 'managed_dir')";

    /** The box holds four finite numbers (text in a REAL column compares greater than any number) and has an area. */
    private static final String FINITE_BOX = "typeof(f.x) IN ('real', 'integer') AND typeof(f.y) IN ('real', 'integer') "
            + "AND typeof(f.w) IN ('real', 'integer') AND typeof(f.h) IN ('real', 'integer') "
            + "AND f.w > 0 AND f.h > 0 AND abs(f.x) < 1e300 AND abs(f.y) < 1e300 AND f.w < 1e300 AND f.h < 1e300";

    /**
     * True for a row that is flagged invalid or that SQL alone can see is broken (columns f = face_crops,
     * ph = its photo, LEFT JOINed). The 1 px slack is the validator's box tolerance. An image_path naming another
     * row's crop is caught by the managed-folder test (crops live there); the exact lookup, one index probe per row,
     * is left to the per-row check of the page shown.
     */
    static final String INVALID_SQL = "(f.status = 'invalid' OR ph.id IS NULL OR f.image_path IS NOT ph.path "
            + "OR ph.missing_since IS NOT NULL OR f.crop_path IS NULL OR NOT (" + FINITE_BOX + ") "
            + "OR substr(f.image_path, 1, length(" + MANAGED_DIR + ")) = " + MANAGED_DIR + " "
            + "OR (ph.width IS NOT NULL AND ph.height IS NOT NULL AND (f.x < -1 OR f.y < -1 "
            + "OR f.x + f.w > ph.width + 1 OR f.y + f.h > ph.height + 1)))";

    static final String SELECT = "SELECT f.id, f.photo_id, ph.path, f.image_path, f.crop_path, f.x, f.y, f.w, f.h, "
            + "f.detection_score, f.detector, f.face_size_px, f.sharpness, f.brightness, f.contrast, f.frontal_pose, "
            + "f.quality, f.quality_label, f.embedding, f.embedding_model_id, em.dimension, f.person_id, pe.name, "
            + "f.assigned_by, sp.name, f.suggested_person_id, f.not_a_face, f.status, f.invalid_reason, "
            + "ph.width, ph.height, ph.missing_since, "
            + "EXISTS (SELECT 1 FROM face_crops k WHERE k.crop_path = f.image_path) "
            + "FROM face_crops f LEFT JOIN photos ph ON ph.id = f.photo_id LEFT JOIN persons pe ON pe.id = f.person_id "
            + "LEFT JOIN persons sp ON sp.id = f.suggested_person_id LEFT JOIN embedding_models em ON em.id = f.embedding_model_id";

    private final ManagedFolder managed;
    private final Path cropsDir;

    FaceListingReader(LibraryLocation library) {
        this.managed = ManagedFolder.of(library.managedDir());
        this.cropsDir = library.cropsDir();
    }

    /** Reads the current row of a result set selected with {@link #SELECT}. */
    FaceListing read(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        try {
            return map(rs, id);
        } catch (SQLException | RuntimeException e) {
            // a value no code path of ours writes (e.g. text in a number column): show the row, say why
            log.warn("event=face_row_unreadable face_id={} error=\"{}\"", id, e.toString());
            return new FaceListing(id, rs.getLong(2), null, null, null, false, 0, 0, 0, 0, 0, null, null, false,
                    null, null, AssignedBy.NONE, null, FaceAssignment.UNKNOWN, FaceStatus.INVALID,
                    "row_unreadable: the face row cannot be read (" + e.getMessage() + ")");
        }
    }

    private FaceListing map(ResultSet rs, long id) throws SQLException {
        long photoId = rs.getLong(2);
        String photoPath = rs.getString(3);
        String imagePath = rs.getString(4);
        String cropPath = rs.getString(5);
        double x = rs.getDouble(6), y = rs.getDouble(7), w = rs.getDouble(8), h = rs.getDouble(9);
        double score = rs.getDouble(10);
        String detector = rs.getString(11);
        QualityMetrics quality = null;
        Double overall = number(rs, 17);
        if (overall != null) {
            String stored = rs.getString(18);
            QualityLabel label = stored != null ? QualityLabel.valueOf(stored.toUpperCase(Locale.ROOT)) : QualityLabel.of(overall);
            quality = new QualityMetrics(nan(rs, 12), nan(rs, 13), nan(rs, 14), nan(rs, 15), nan(rs, 16), overall, label);
        }
        byte[] blob = rs.getBytes(19);
        String modelId = rs.getString(20);
        Integer dimension = (Integer) rs.getObject(21);
        Long personId = longOrNull(rs, 22);
        String personName = rs.getString(23);
        AssignedBy assignedBy = AssignedBy.fromSql(rs.getString(24));
        String suggestedName = rs.getString(25);
        Long suggestedId = longOrNull(rs, 26);
        boolean notAFace = rs.getInt(27) == 1;
        boolean storedInvalid = "invalid".equals(rs.getString(28));
        String storedReason = rs.getString(29);
        Integer width = (Integer) rs.getObject(30), height = (Integer) rs.getObject(31);
        boolean missing = rs.getString(32) != null;
        boolean imageIsCrop = rs.getInt(33) == 1;

        float[] embedding = blob == null || blob.length % 4 != 0 ? null : Embeddings.fromBytes(blob);
        FaceRowFacts facts = new FaceRowFacts(imagePath, photoPath, cropPath, x, y, w, h, width, height, score,
                blob == null ? null : blob.length, embedding, modelId, dimension);
        List<String> violations = new FaceRowRules(managed, path -> imageIsCrop && path.equals(imagePath)).check(facts, true)
                .stream().map(RuleViolation::invalidReason).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        String reason;
        if (storedInvalid) {
            reason = storedReason != null ? storedReason : String.join("; ", violations);
        } else {
            reason = violations.isEmpty() ? null : String.join("; ", violations);
        }
        if (reason != null && reason.isBlank()) {
            reason = "flagged_invalid: the row is flagged invalid";
        }
        FaceAssignment assignment = notAFace ? FaceAssignment.NOT_A_FACE
                : personId != null ? (assignedBy == AssignedBy.AUTO ? FaceAssignment.AUTO : FaceAssignment.USER)
                : suggestedId != null ? FaceAssignment.SUGGESTED : FaceAssignment.UNKNOWN;
        return new FaceListing(id, photoId, photoPath, imagePath, cropPath, readableCrop(cropPath), x, y, w, h, score, detector,
                quality, blob != null, personId, personName, assignedBy, suggestedName, assignment,
                reason == null ? FaceStatus.VALID : FaceStatus.INVALID, reason);
    }

    /** Only our own crop files are shown as thumbnails: a broken row must not make the UI decode an arbitrary file. */
    private boolean readableCrop(String cropPath) {
        if (cropPath == null) {
            return false;
        }
        try {
            Path p = Path.of(cropPath).toAbsolutePath().normalize();
            return p.startsWith(cropsDir) && Files.isRegularFile(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static double nan(ResultSet rs, int column) throws SQLException {
        Double v = number(rs, column);
        return v == null ? Double.NaN : v;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
