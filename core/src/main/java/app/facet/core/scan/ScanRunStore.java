package app.facet.core.scan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** SQL for the scan history ({@code scan_runs}). */
final class ScanRunStore {
    private ScanRunStore() {
    }

    static long start(Connection c, String rootsJson, String detector, String modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO scan_runs (roots, detector, embedding_model_id, pid, host) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, rootsJson);
            ps.setString(2, detector);
            ps.setString(3, modelId);
            // lets the integrity check tell a run that is still going from one whose process died
            ps.setLong(4, app.facet.core.integrity.ScanProcess.currentPid());
            ps.setString(5, app.facet.core.integrity.ScanProcess.currentHost());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void finish(Connection c, ScanSummary s, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE scan_runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                + "status = ?, photos_seen = ?, photos_new = ?, photos_unchanged = ?, photos_moved = ?, photos_missing = ?, "
                + "photos_failed = ?, photos_no_faces = ?, faces_found = ?, rejected_writes = ?, note = ? WHERE id = ?")) {
            ps.setString(1, s.status());
            ps.setLong(2, s.photosSeen());
            ps.setLong(3, s.photosNew());
            ps.setLong(4, s.photosUnchanged());
            ps.setLong(5, s.photosMoved());
            ps.setLong(6, s.photosMissing());
            ps.setLong(7, s.photosFailed());
            ps.setLong(8, s.photosNoFaces());
            ps.setLong(9, s.facesFound());
            ps.setLong(10, s.rejectedWrites());
            ps.setString(11, note);
            ps.setLong(12, s.runId());
            ps.executeUpdate();
        }
    }
}
