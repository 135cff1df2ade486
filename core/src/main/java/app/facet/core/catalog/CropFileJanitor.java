package app.facet.core.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the crop files of deleted faces. The database queues them in {@code crop_files_to_delete} (by trigger,
 * inside the deleting transaction), so a file is removed only after the delete committed, and never a file
 * outside the managed crops folder, whatever a row says.
 */
public final class CropFileJanitor {
    private static final Logger log = LoggerFactory.getLogger(CropFileJanitor.class);

    private final Catalog catalog;

    public CropFileJanitor(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @return number of files removed from disk */
    public int sweep() {
        Path crops = catalog.location().cropsDir();
        int removed = 0;
        try (Connection c = catalog.connect()) {
            List<String> queued = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path FROM crop_files_to_delete");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    queued.add(rs.getString(1));
                }
            }
            try (PreparedStatement still = c.prepareStatement("SELECT 1 FROM face_crops WHERE crop_path IN (?, ?) LIMIT 1");
                 PreparedStatement done = c.prepareStatement("DELETE FROM crop_files_to_delete WHERE path = ?")) {
                for (String path : queued) {
                    // stored relative to the library folder (or absolute, before V65): the file is where the library is now
                    Path p = catalog.location().resolve(path);
                    still.setString(1, path);
                    still.setString(2, catalog.location().toStored(p));
                    boolean referenced;
                    try (ResultSet rs = still.executeQuery()) {
                        referenced = rs.next();
                    }
                    if (!referenced && p.startsWith(crops)) {
                        try {
                            if (Files.deleteIfExists(p)) {
                                removed++;
                            }
                        } catch (IOException e) {
                            log.warn("event=crop_delete_failed path=\"{}\" error=\"{}\"", p, e.getMessage());
                            continue;
                        }
                    } else if (!p.startsWith(crops)) {
                        log.warn("event=crop_delete_refused reason=outside_crops_folder path=\"{}\"", p);
                    }
                    done.setString(1, path);
                    done.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new CatalogException("Cannot clean up deleted crop files: " + e.getMessage(), e);
        }
        return removed;
    }
}
