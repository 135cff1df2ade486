package app.facet.core.integrity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Face rows whose photo file is gone from disk although the catalog does not know it (photos.missing_since is
 * null). One stat per photo that has faces.
 */
final class FacePhotoMissingCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.FACE_PHOTO_MISSING, "Faces whose photo file is missing", Severity.WARNING,
            CheckMode.FULL,
            "Repair looks for the file in the library's photo folders by content hash and re-links it; photos not found are marked "
                    + "missing (faces and names are kept). Reconnect the drive if the folder is on one.", true);

    static final String PHOTOS_WITH_FACES = "FROM photos p WHERE p.missing_since IS NULL"
            + " AND EXISTS (SELECT 1 FROM face_crops f WHERE f.photo_id = p.id)";

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public long workItems(CheckContext ctx) throws SQLException {
        return Queries.count(ctx.connection(), "SELECT count(*) " + PHOTOS_WITH_FACES);
    }

    @Override
    public void run(CheckContext ctx, Findings findings) throws SQLException {
        try (PreparedStatement ps = ctx.connection().prepareStatement("SELECT p.id, p.path " + PHOTOS_WITH_FACES + " ORDER BY p.id");
             PreparedStatement faces = ctx.connection().prepareStatement("SELECT id FROM face_crops WHERE photo_id = ? ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String path = rs.getString(2);
                if (!Files.isRegularFile(Path.of(path))) {
                    faces.setLong(1, rs.getLong(1));
                    try (ResultSet f = faces.executeQuery()) {
                        while (f.next()) {
                            findings.add(Subject.FACE, f.getLong(1), path, "photo " + rs.getLong(1) + " is not on disk");
                        }
                    }
                }
                ctx.progress().advance(1);
            }
        }
    }
}
