package app.facet.core.integrity;

import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.RepairFaceStore;
import app.facet.core.catalog.RepairRowStore;
import app.facet.core.catalog.Tx;
import app.facet.core.rules.ManagedFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What repair actions work with: the open catalog (inside the current check's write transaction while applying), the
 * library folders, the backup just made, and the crop files to move once the transaction has committed.
 */
final class RepairContext {
    private final Tx tx;
    private final LibraryLocation location;
    private final ManagedFolder managed;
    private final Path backup;
    private final String stamp;
    private final List<Path> cropsToMoveAfterCommit = new ArrayList<>();

    /**
     * @param stamp time stamp naming this repair's folders under backups/ (e.g. {@code 20261121-143000})
     * @throws app.facet.core.catalog.CatalogException when the managed folder setting cannot be read
     * @throws IllegalArgumentException when that setting does not end with a separator
     */
    RepairContext(Tx tx, LibraryLocation location, Path backup, String stamp) {
        this.tx = tx;
        this.location = location;
        this.managed = new ManagedFolder(CheckContext.managedDir(tx, location));
        this.backup = backup;
        this.stamp = stamp;
    }

    Tx tx() {
        return tx;
    }

    LibraryLocation location() {
        return location;
    }

    /** The managed folder the guard triggers protect ({@link CheckContext#managedDir}), the one "inside" test. */
    ManagedFolder managed() {
        return managed;
    }

    Path backup() {
        return backup;
    }

    /** Where this repair puts crop files it takes out of the crops folder. */
    Path movedCropsDir(String kind) {
        return location.backupsDir().resolve(kind + "-" + stamp);
    }

    /** Removes any row, keeping it whole in integrity_removed_rows with the check and the reason. */
    boolean removeRow(String table, long rowId, String check, String reason) {
        // recorded relative to the library folder (rules.LibraryPaths), so the record stays right when the library moves
        return RepairRowStore.removeKept(tx, table, rowId, check, reason, backup == null ? null : managed.library().toStored(backup));
    }

    /**
     * Removes a face row (kept in integrity_removed_rows). Its crop file, which the database queued for deletion,
     * is moved beside the backups after commit instead, when it is inside the managed folder and no other row uses it;
     * a crop path outside the managed folder is never touched.
     */
    boolean removeFace(long faceId, String check, String reason) {
        String crop = RepairFaceStore.cropPath(tx, faceId);
        if (!removeRow("face_crops", faceId, check, reason)) {
            return false;
        }
        if (crop != null) {
            unqueueCropDeletion(crop);
            if (managed.containsStored(crop) && !isReferenced(crop)) {
                cropsToMoveAfterCommit.add(managed.file(crop));
            }
        }
        return true;
    }

    /** Takes a path off crop_files_to_delete (the repair decides what happens to the file). */
    void unqueueCropDeletion(String path) {
        RepairFaceStore.unqueueCropDeletion(tx, path);
    }

    /** @return true when some face row (as crop or image path) or photo row names {@code path} */
    boolean isReferenced(String path) {
        return RepairFaceStore.isReferenced(tx, path);
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
