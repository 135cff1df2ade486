package app.facet.core.integrity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static app.facet.core.rules.ManagedFolder.SQL_PREFIX;

/** Files in the crops folder that no row references (as crop, or, in a corrupted catalog, as image or photo path). */
final class OrphanCropFilesCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.ORPHAN_CROP_FILES, "Crop files no face refers to", Severity.WARNING,
            CheckMode.FULL, "Repair moves them out of the crops folder into backups/orphan-crops-<time>/ (delete that folder when satisfied).", true);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public long workItems(CheckContext ctx) throws SQLException {
        return Queries.count(ctx.connection(), "SELECT count(*) FROM face_crops WHERE crop_path IS NOT NULL");
    }

    @Override
    public void run(CheckContext ctx, Findings findings) throws SQLException, IOException {
        for (Path file : orphans(ctx.connection(), ctx.location().cropsDir(), ctx.progress())) {
            findings.add(Subject.CROP_FILE, null, file.toString(), "no face row refers to this file");
        }
    }

    /** @return regular files under {@code cropsDir} that no row references, sorted by path */
    static List<Path> orphans(Connection c, Path cropsDir, ProgressTracker progress) throws SQLException, IOException {
        Set<String> referenced = referenced(c);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(cropsDir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(cropsDir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                if (!referenced.contains(file.toString())) {
                    out.add(file);
                }
                progress.advance(1);
            }
        }
        return out;
    }

    private static Set<String> referenced(Connection c) throws SQLException {
        Set<String> paths = new HashSet<>();
        String sql = "SELECT crop_path FROM face_crops WHERE crop_path IS NOT NULL"
                + " UNION ALL SELECT image_path FROM face_crops WHERE substr(image_path, 1, length(" + SQL_PREFIX + ")) = " + SQL_PREFIX
                + " UNION ALL SELECT path FROM photos WHERE substr(path, 1, length(" + SQL_PREFIX + ")) = " + SQL_PREFIX;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                paths.add(rs.getString(1));
            }
        }
        return paths;
    }
}
