package app.facet.core.integrity;

import app.facet.core.catalog.Tx;

import app.facet.core.rules.FaceRowRules;
import app.facet.core.rules.ManagedFolder;

import app.facet.core.catalog.LibraryLocation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What repair actions work with: the connection (inside the current check's transaction while applying), the library
 * folders, the backup just made, and the crop files to move once the transaction has committed.
 */
final class RepairContext {
    private final Connection connection;
    private final LibraryLocation location;
    private final String managedDir;
    private final Path backup;
    private final String stamp;
    private final FaceRowRules rules;
    private final List<Path> cropsToMoveAfterCommit = new ArrayList<>();

    /**
     * @param stamp time stamp naming this repair's folders under backups/ (e.g. {@code 20261121-143000})
     */
    RepairContext(Connection connection, LibraryLocation location, Path backup, String stamp) throws SQLException {
        this.connection = connection;
        this.location = location;
        this.managedDir = CheckContext.managedDir(Tx.of(connection), location);
        this.backup = backup;
        this.stamp = stamp;
        this.rules = new FaceRowRules(new ManagedFolder(managedDir), this::isSomeCropPath);
    }

    Connection connection() {
        return connection;
    }

    LibraryLocation location() {
        return location;
    }

    String managedDir() {
        return managedDir;
    }

    Path backup() {
        return backup;
    }

    FaceRowRules rules() {
        return rules;
    }

    /** Where this repair puts crop files it takes out of the crops folder. */
    Path movedCropsDir(String kind) {
        return location.backupsDir().resolve(kind + "-" + stamp);
    }

    /**
     * Removes a face row (kept in integrity_removed_rows). Its crop file, which the database queued for deletion,
     * is moved beside the backups after commit instead, when it is inside the managed folder and no other row uses it;
     * a crop path outside the managed folder is never touched.
     */
    boolean removeFace(long faceId, String check, String reason) throws SQLException {
        String crop = null;
        try (PreparedStatement ps = connection.prepareStatement("SELECT crop_path FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    crop = rs.getString(1);
                }
            }
        }
        if (!RowBackup.remove(this, "face_crops", faceId, check, reason)) {
            return false;
        }
        if (crop != null) {
            unqueueCropDeletion(crop);
            if (crop.startsWith(managedDir) && !isReferenced(crop)) {
                cropsToMoveAfterCommit.add(Path.of(crop));
            }
        }
        return true;
    }

    /** Takes a path off crop_files_to_delete (the repair decides what happens to the file). */
    void unqueueCropDeletion(String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM crop_files_to_delete WHERE path = ?")) {
            ps.setString(1, path);
            ps.executeUpdate();
        }
    }

    /** @return true when some face row (as crop or image path) or photo row names {@code path} */
    boolean isReferenced(String path) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM face_crops WHERE crop_path = ?)"
                + " OR EXISTS (SELECT 1 FROM face_crops WHERE image_path = ?) OR EXISTS (SELECT 1 FROM photos WHERE path = ?)")) {
            ps.setString(1, path);
            ps.setString(2, path);
            ps.setString(3, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    boolean isSomeCropPath(String path) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM face_crops WHERE crop_path = ? LIMIT 1")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up crop path " + path + ": " + e.getMessage(), e);
        }
    }

    /** Crop files of removed faces, moved out of the crops folder once the transaction committed. */
    List<Path> drainCropsToMove() {
        List<Path> out = List.copyOf(cropsToMoveAfterCommit);
        cropsToMoveAfterCommit.clear();
        return out;
    }

    void forgetCropsToMove() {
        cropsToMoveAfterCommit.clear();
    }
}
