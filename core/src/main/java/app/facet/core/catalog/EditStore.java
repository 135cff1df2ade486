package app.facet.core.catalog;

import app.facet.model.Face;
import app.facet.model.ScanState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The crop editor's and the re-detection's access to {@code photos}, {@code face_crops} and {@code rejected_writes},
 * bound to one {@link Tx}: {@link #read} for reads, {@link #write} for one write transaction ({@code BEGIN IMMEDIATE},
 * {@link Tx}'s). Person changes of the same unit of work go through {@link #people()}. Every method throws
 * {@link CatalogException} (carrying the database's message) on a database error; inside {@link #write} that rolls
 * everything back.
 */
public final class EditStore {
    private static final String PHOTO_COLUMNS = "SELECT id, path, scan_state, failure_reason, width, height, missing_since FROM photos ";

    private final Tx tx;
    private final Connection c;

    private EditStore(Tx tx) {
        this.tx = tx;
        this.c = tx.connection();
    }

    /** Work on an {@link EditStore}; may throw its own checked exception {@code X}. */
    @FunctionalInterface
    public interface Work<T, X extends Exception> {
        T run(EditStore store) throws X;
    }

    /**
     * The caller's validating writer of one new face row (e.g. {@code FaceCropWriter::insert}), run on the store's
     * connection.
     *
     * @param <R> the new row's description
     */
    @FunctionalInterface
    public interface FaceRowWriter<R> {
        /** @return the new row's id, or empty when the row was refused (and the refusal recorded) */
        OptionalLong insert(Tx tx, R row, Long scanRunId);
    }

    /**
     * Opens a connection, runs {@code work} on it without a transaction, closes it.
     *
     * @throws CatalogException on a database error; {@code X} and runtime exceptions of {@code work} pass through
     */
    public static <T, X extends Exception> T read(Catalog catalog, Work<T, X> work) throws X {
        try {
            return Tx.inRead(catalog, tx -> work.run(new EditStore(tx)));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work} in one write transaction (BEGIN IMMEDIATE); any exception rolls everything back.
     *
     * @throws CatalogException on a database error; runtime exceptions of {@code work} pass through after the rollback
     */
    public static <T> T write(Catalog catalog, Function<EditStore, T> work) {
        try {
            return Tx.inWrite(catalog, tx -> work.apply(new EditStore(tx)));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * This store on a transaction the caller already runs (a restore's {@link PeopleTables#onTx}), so that the editor's
     * writes join it; the caller commits or rolls back.
     */
    public static EditStore on(Tx tx) {
        return new EditStore(tx);
    }

    /** @return the person rules of this unit of work, on the same connection */
    public PlacementStore people() {
        return new PlacementStore(c);
    }

    // ---- photos ----

    /** @return the photo row; empty when it is no longer in the catalog */
    public Optional<PhotoScanRow> photo(long photoId) {
        try (PreparedStatement ps = c.prepareStatement(PHOTO_COLUMNS + "WHERE id = ?")) {
            ps.setLong(1, photoId);
            return onePhoto(ps);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the photo whose path is one of {@code paths} (the first found, in that order) */
    public Optional<PhotoScanRow> photoAt(List<String> paths) {
        try (PreparedStatement ps = c.prepareStatement(PHOTO_COLUMNS + "WHERE path = ?")) {
            for (String p : paths) {
                ps.setString(1, p);
                Optional<PhotoScanRow> row = onePhoto(ps);
                if (row.isPresent()) {
                    return row;
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return true when one of {@code paths} is the crop_path of a face row */
    public boolean isFaceCrop(List<String> paths) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM face_crops WHERE crop_path = ? LIMIT 1")) {
            for (String p : paths) {
                ps.setString(1, p);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * A photo's face rows are settled by the user: {@code no_faces} (the scan leaves it alone until its file changes),
     * its remaining rows ("not a face" ones) deleted, and the "no faces" decision recorded as the user's
     * ({@code no_faces_by_user}, exported and restored).
     */
    public void recordNoFaces(long photoId) {
        try {
            recordNoFacesByUser(c, photoId);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The one write of the user's "no faces" decision (editor, dashboard, restore). */
    static void recordNoFacesByUser(Connection c, long photoId) throws SQLException {
        PlacementStore.update(c, "DELETE FROM face_crops WHERE photo_id = ?", photoId);
        PlacementStore.update(c, "UPDATE photos SET scan_state = 'no_faces', no_faces_by_user = 1, failure_reason = NULL, "
                + "scanned_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", photoId);
    }

    /** A photo with faces is {@code done} (unchanged when it already is); it no longer carries a "no faces" decision. */
    public void recordDone(long photoId) {
        update("UPDATE photos SET scan_state = 'done', no_faces_by_user = 0, failure_reason = NULL WHERE id = ? "
                + "AND (scan_state <> 'done' OR no_faces_by_user <> 0)", photoId);
    }

    /** See {@link PhotoStore#registerEmbeddingModel}. */
    public void registerEmbeddingModel(String modelId, int dimension, String sha256) {
        try {
            PhotoStore.registerEmbeddingModel(c, modelId, dimension, sha256);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** See {@link PhotoStore#recordImageFacts}. */
    public void recordImageFacts(long photoId, int width, int height, Integer orientation, Instant takenAt) {
        try {
            PhotoStore.recordImageFacts(c, photoId, width, height, orientation, takenAt);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** See {@link PhotoStore#recordAnalysed}. */
    public void recordAnalysed(long photoId, int width, int height, Integer orientation, Instant takenAt, ScanState state,
                               String detector, String embeddingModelId) {
        try {
            PhotoStore.recordAnalysed(c, photoId, width, height, orientation, takenAt, state, detector, embeddingModelId);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** See {@link PhotoStore#recordFailed}. */
    public void recordFailed(long photoId, String reason, String detector) {
        try {
            PhotoStore.recordFailed(c, photoId, reason, detector);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    // ---- face rows ----

    /** @return the photo's face rows left to right, rows that cannot be mapped counted (see {@link FacesOfPhoto}) */
    public FacesOfPhoto facesOf(long photoId) {
        try {
            return PhotoFacesStore.facesTolerant(c, photoId);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the photo's face rows by id, mapped by {@link FaceRows} (a degenerate box is null) */
    public List<Face> facesById(long photoId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FaceRows.COLUMNS + " FROM " + FaceRows.FROM
                + " WHERE f.photo_id = ? ORDER BY f.id")) {
            ps.setLong(1, photoId);
            return FaceRows.mapAll(ps);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the ids of every face row of the photo ("not a face" and invalid rows included) */
    public Set<Long> faceIdsOf(long photoId) {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM face_crops WHERE photo_id = ?")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return the photo of a face row; empty when the row is gone */
    public OptionalLong photoOfFace(long faceId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT photo_id FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** @return face rows of the photo that are not marked "not a face" */
    public long countFaces(long photoId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM face_crops WHERE photo_id = ? AND not_a_face = 0")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Inserts one face row, outside any scan run, through the caller's validating writer. @return its id, or empty when refused */
    public <R> OptionalLong insertFace(FaceRowWriter<R> writer, R row) {
        return writer.insert(tx, row, null);
    }

    /** @return rows deleted (0 when the row is gone); its crop file is queued for deletion by the catalog's trigger */
    public int deleteFace(long faceId) {
        return update("DELETE FROM face_crops WHERE id = ?", faceId);
    }

    /** See {@link DecisionStore#holdForReview}: call it before the rows are deleted. @return decisions kept */
    public int holdForReview(Collection<Long> faceIds, String reason) {
        return faceIds.isEmpty() ? 0 : DecisionStore.holdForReview(tx, faceIds, reason);
    }

    /** Deletes every face row of the photo. */
    public void deleteFacesOf(long photoId) {
        update("DELETE FROM face_crops WHERE photo_id = ?", photoId);
    }

    // ---- rejected writes ----

    /** @return the reason of the rejected write last recorded on this connection, or a generic one */
    public String lastRejection() {
        try (PreparedStatement ps = c.prepareStatement("SELECT reason FROM rejected_writes WHERE id = last_insert_rowid()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "refused by the validator";
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records a refused face row (no scan run). */
    public void recordRejection(String photoPath, String imagePath, String cropPath, String reason) {
        update("INSERT INTO rejected_writes (scan_run_id, photo_path, image_path, crop_path, reason) VALUES (NULL, ?, ?, ?, ?)",
                photoPath, imagePath, cropPath, reason);
    }

    private int update(String sql, Object... params) {
        try {
            return PlacementStore.update(c, sql, params);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static Optional<PhotoScanRow> onePhoto(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new PhotoScanRow(rs.getLong(1), rs.getString(2), ScanState.fromSql(rs.getString(3)), rs.getString(4),
                    (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7) != null));
        }
    }

    /** The database's own message, so that callers word the failure for the user. */
    static CatalogException failure(SQLException e) {
        return new CatalogException(e.getMessage(), e);
    }
}
