package app.facet.core.catalog;

import app.facet.core.rules.ManualBox;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * What an assignment export reads and a restore matches against and writes beyond the people stores: photos with
 * their content hash, the boxes and assignments of their faces; on the connection (and transaction) of a
 * {@link PeopleTables}. Boxes are in original-image pixels after EXIF orientation, as stored. Errors:
 * {@link CatalogException}.
 */
public final class AssignmentStore {
    private final Connection c;

    AssignmentStore(Connection c) {
        this.c = c;
    }

    /**
     * A catalogued photo; {@code contentHash} (SHA-256 hex) null when not hashed; {@code scanState} as stored
     * ({@code pending}, {@code done}, {@code no_faces}, {@code failed}); {@code noFacesByUser} the user's "no faces" decision;
     * {@code width}, {@code height} the image's size after EXIF orientation, pixels, null until analysed.
     */
    public record PhotoRow(long id, String path, String contentHash, String scanState, boolean noFacesByUser, Integer width,
                           Integer height) {
        public PhotoRow(long id, String path, String contentHash) {
            this(id, path, contentHash, null, false, null, null);
        }
    }

    /**
     * A face of a photo as a restore matches it: box, person (null when none), {@code assigned_by}, "not a face", and
     * {@code decided}: a user decision rests on it (a user assignment, "not a face", "not this person", a cover);
     * {@code manual}: the user drew its box.
     */
    public record PhotoFace(long id, double x, double y, double w, double h, Long personId, String assignedBy, boolean notAFace,
                            boolean decided, boolean manual) {
    }

    /**
     * One face as exported: its photo (path, content hash), box, person name (null when none), {@code assigned_by},
     * "not a face", and whether it is its person's cover.
     */
    public record ExportRow(long faceId, String photoPath, String contentHash, double x, double y, double w, double h,
                            String personName, String assignedBy, boolean notAFace, boolean cover, boolean manual,
                            String metadataSource, String metadataName) {
    }



    /** @return the managed folder as recorded in the catalog (with a trailing separator), empty when not recorded */
    public Optional<String> managedDir() {
        return PeopleJdbc.first(c, "SELECT value FROM library_settings WHERE key = 'managed_dir'", PeopleJdbc.NONE, rs -> rs.getString(1));
    }

    /** @return every photo, in id order */
    public List<PhotoRow> photos() {
        return PeopleJdbc.list(c, "SELECT id, path, content_hash, scan_state, no_faces_by_user, width, height FROM photos ORDER BY id",
                PeopleJdbc.NONE, rs -> new PhotoRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) == 1,
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7)));
    }

    /** @return photos the user decided have no faces (state {@code no_faces} by the user), by path */
    public List<PhotoRow> noFacePhotos() {
        return PeopleJdbc.list(c, "SELECT id, path, content_hash, scan_state, no_faces_by_user, width, height FROM photos "
                        + "WHERE scan_state = 'no_faces' AND no_faces_by_user = 1 ORDER BY path", PeopleJdbc.NONE,
                rs -> new PhotoRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) == 1,
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7)));
    }

    /**
     * Records the user's "no faces" decision on the photo: its face rows deleted (their crop files queued for removal
     * by the database), state {@code no_faces} by the user. The same write as the crop editor's.
     */
    public void recordNoFaces(long photoId) {
        PeopleJdbc.call(() -> {
            EditStore.recordNoFacesByUser(c, photoId);
            return null;
        });
    }

    /** @return the faces of the photo, in id order (a NULL box coordinate reads as 0) */
    public List<PhotoFace> facesOf(long photoId) {
        return PeopleJdbc.list(c, "SELECT f.id, f.x, f.y, f.w, f.h, f.person_id, f.assigned_by, f.not_a_face, "
                        + "f.assigned_by = 'user' OR f.not_a_face = 1 "
                        + "OR EXISTS (SELECT 1 FROM face_person_rejections r WHERE r.face_id = f.id) "
                        + "OR EXISTS (SELECT 1 FROM persons pe WHERE pe.cover_face_id = f.id), f.detector = ? "
                        + "FROM face_crops f WHERE f.photo_id = ? ORDER BY f.id",
                ps -> {
                    ps.setString(1, ManualBox.DETECTOR);
                    ps.setLong(2, photoId);
                }, rs -> new PhotoFace(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), PeopleJdbc.longOrNull(rs, 6), rs.getString(7), rs.getInt(8) == 1, rs.getInt(9) == 1,
                        rs.getBoolean(10)));
    }

    /** @return every face with its photo, by photo path then face id */
    public List<ExportRow> exportRows() {
        return PeopleJdbc.list(c, "SELECT f.id, p.path, p.content_hash, f.x, f.y, f.w, f.h, pe.name, f.assigned_by, f.not_a_face, "
                        + "pe.cover_face_id IS f.id, f.detector = ?, f.metadata_source, f.metadata_name FROM face_crops f JOIN photos p ON p.id = f.photo_id "
                        + "LEFT JOIN persons pe ON pe.id = f.person_id ORDER BY p.path, f.id", ps -> ps.setString(1, ManualBox.DETECTOR),
                rs -> new ExportRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                        rs.getDouble(7), rs.getString(8), rs.getString(9), rs.getInt(10) == 1, rs.getBoolean(11), rs.getBoolean(12),
                        rs.getString(13), rs.getString(14)));
    }

    /** Puts the face on the person with this {@code assigned_by} ("user" or "auto"); other columns stay. */
    public void assign(long faceId, long personId, String assignedBy) {
        PeopleJdbc.update(c, "UPDATE face_crops SET person_id = ?, assigned_by = ? WHERE id = ?", ps -> {
            ps.setLong(1, personId);
            ps.setString(2, assignedBy);
            ps.setLong(3, faceId);
        });
    }

    /** Marks the face "not a face"; its other columns stay. */
    public void markNotAFace(long faceId) {
        PeopleJdbc.update(c, "UPDATE face_crops SET not_a_face = 1 WHERE id = ?", ps -> ps.setLong(1, faceId));
    }
}
