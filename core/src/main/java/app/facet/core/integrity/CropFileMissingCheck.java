package app.facet.core.integrity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;


/** Face rows whose crop file (inside the managed folder) is not on disk. Crops outside the folder are another check. */
final class CropFileMissingCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.CROP_FILE_MISSING, "Faces whose crop file is missing", Severity.WARNING,
            CheckMode.FULL, "Repair cuts the crop again from the original photo.", true);

    static final String FACES_WITH_MANAGED_CROP = "FROM face_crops f WHERE f.crop_path IS NOT NULL"
            + " AND " + app.facet.core.rules.ManagedFolder.sqlContains("f.crop_path");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public long workItems(CheckContext ctx) throws SQLException {
        return Queries.count(ctx.connection(), "SELECT count(*) " + FACES_WITH_MANAGED_CROP);
    }

    @Override
    public void run(CheckContext ctx, Findings findings) throws SQLException {
        try (PreparedStatement ps = ctx.connection().prepareStatement("SELECT f.id, f.crop_path " + FACES_WITH_MANAGED_CROP + " ORDER BY f.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!Files.isRegularFile(Path.of(rs.getString(2)))) {
                    findings.add(Subject.FACE, rs.getLong(1), rs.getString(2), "crop file is not on disk");
                }
                ctx.progress().advance(1);
            }
        }
    }
}
