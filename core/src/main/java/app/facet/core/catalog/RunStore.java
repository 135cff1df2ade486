package app.facet.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** SQL for the scan history ({@code scan_runs}). Every method runs in the caller's {@link Tx}. */
public final class RunStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunStore() {
    }

    /**
     * What a finished run did, as stored in its {@code scan_runs} row (counts of this run only).
     *
     * @param facesFound     face rows written
     * @param rejectedWrites face rows the validator refused
     */
    public record Totals(String status, long photosSeen, long photosNew, long photosUnchanged, long photosMoved,
                         long photosMissing, long photosFailed, long photosNoFaces, long facesFound, long rejectedWrites) {
    }

    /**
     * Records the start of a run.
     *
     * @param roots    absolute folder paths scanned, stored as a JSON array
     * @param modelId  embedding model id, null when none
     * @param pid      id of the scanning process, host its machine: let the integrity check tell a run that is still
     *                 going from one whose process died
     * @return the run id
     * @throws CatalogException on a database error
     */
    public static long start(Tx tx, List<String> roots, String detector, String modelId, long pid, String host) {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO scan_runs (roots, detector, embedding_model_id, pid, host) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, JSON.writeValueAsString(roots));
            ps.setString(2, detector);
            ps.setString(3, modelId);
            ps.setLong(4, pid);
            ps.setString(5, host);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not record the start of a scan: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write folder paths as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Records the end of run {@code runId}: its finish time (now), totals and a note (why faces have no embedding,
     * or null). @throws CatalogException on a database error
     */
    public static void finish(Tx tx, long runId, Totals t, String note) {
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE scan_runs SET "
                + "finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), status = ?, photos_seen = ?, photos_new = ?, "
                + "photos_unchanged = ?, photos_moved = ?, photos_missing = ?, photos_failed = ?, photos_no_faces = ?, "
                + "faces_found = ?, rejected_writes = ?, note = ? WHERE id = ?")) {
            ps.setString(1, t.status());
            long[] counts = {t.photosSeen(), t.photosNew(), t.photosUnchanged(), t.photosMoved(), t.photosMissing(),
                    t.photosFailed(), t.photosNoFaces(), t.facesFound(), t.rejectedWrites()};
            for (int i = 0; i < counts.length; i++) {
                ps.setLong(2 + i, counts[i]);
            }
            ps.setString(11, note);
            ps.setLong(12, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException("Could not record the end of scan run " + runId + ": " + e.getMessage(), e);
        }
    }
    /** A run still marked {@code running}: its process is recorded to tell a live scan from a killed one. */
    public record Running(long id, long pid, String host) {
    }

    /** @return runs with status {@code running}. @throws CatalogException on a database error */
    public static List<Running> running(Tx tx) {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id, coalesce(pid, 0), coalesce(host, '') FROM scan_runs WHERE status = 'running'");
             ResultSet rs = ps.executeQuery()) {
            List<Running> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(new Running(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the running scans: " + e.getMessage(), e);
        }
    }

    /** Marks run {@code runId}, whose process is gone, {@code cancelled} now. @throws CatalogException on a database error */
    public static void markKilled(Tx tx, long runId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE scan_runs SET status = 'cancelled', "
                + "finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                + "note = 'process ended without finishing (killed); marked cancelled by the next scan' "
                + "WHERE id = ? AND status = 'running'")) {
            ps.setLong(1, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException("Could not mark scan run " + runId + " cancelled: " + e.getMessage(), e);
        }
    }

    /** @return every crop path a face row references, as stored. @throws CatalogException on a database error */
    public static java.util.Set<String> referencedCropPaths(Tx tx) {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT crop_path FROM face_crops WHERE crop_path IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            java.util.Set<String> out = new java.util.HashSet<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the crop paths: " + e.getMessage(), e);
        }
    }
}
