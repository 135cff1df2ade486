package app.facet.core.catalog;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for faces taken from XMP face regions: their person and provenance ({@code face_crops.metadata_source}), what
 * could not be taken ({@code metadata_reviews}), and the named faces written back to sidecars. Every method runs in
 * the caller's {@link Tx} and throws {@link CatalogException} on a database error.
 */
public final class MetadataFaceStore {
    private static final String REVIEW_COLUMNS = "r.id, r.photo_id, r.face_id, r.kind, r.name, r.x, r.y, r.w, r.h, "
            + "r.source, r.code, r.reason, r.recorded_at";

    private MetadataFaceStore() {
    }

    /**
     * What Facet already decided about a face.
     *
     * @param personId   its person, or null
     * @param personName that person's name, or null
     * @param assignedBy who put it there
     * @param notAFace   the user marked it "not a face"
     * @param metadataSource its {@code metadata_source}: the region its name or box came from, or null
     * @param metadataName   the region's name when it was applied ({@code metadata_name}), or null
     */
    public record FaceDecisions(Long personId, String personName, AssignedBy assignedBy, boolean notAFace,
                                String metadataSource, String metadataName) {
        /**
         * @return whether the face's present name is the one a face region gave it: the person is still the one of
         *         that name (not another person chosen in Facet, not renamed in Facet since)
         */
        public boolean nameFromMetadata() {
            return assignedBy == AssignedBy.USER && metadataSource != null && metadataName != null
                    && metadataName.equalsIgnoreCase(personName);
        }
    }

    /** @return the face's person and "not a face" mark, empty when there is no such face */
    public static Optional<FaceDecisions> decisions(Tx tx, long faceId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT f.person_id, pe.name, f.assigned_by, f.not_a_face, "
                + "f.metadata_source, f.metadata_name FROM face_crops f LEFT JOIN persons pe ON pe.id = f.person_id WHERE f.id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new FaceDecisions(FaceRows.longOrNull(rs, "person_id"), rs.getString(2),
                        AssignedBy.fromSql(rs.getString(3)), rs.getInt(4) == 1, rs.getString(5), rs.getString(6)));
            }
        } catch (SQLException e) {
            throw fail("read the decisions on face " + faceId, e);
        }
    }

    /** @return the id of the person with this name (case-insensitive, as the unique index compares) */
    public static Optional<Long> personNamed(Tx tx, String name) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id FROM persons WHERE name = ? COLLATE NOCASE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("find the person named " + name, e);
        }
    }

    /** @param name already checked by {@code PersonNames} @return the id of the existing or new person of that name */
    public static long personNamedOrNew(Tx tx, String name) {
        Optional<Long> found = personNamed(tx, name);
        if (found.isPresent()) {
            return found.get();
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO persons (name) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw fail("create the person named " + name, e);
        }
    }

    /** @return whether the user said the face is not this person ({@code face_person_rejections}) */
    public static boolean refused(Tx tx, long faceId, long personId) {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT 1 FROM face_person_rejections WHERE face_id = ? AND person_id = ?")) {
            ps.setLong(1, faceId);
            ps.setLong(2, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw fail("read the refusals of face " + faceId, e);
        }
    }

    /**
     * Puts the face on the person as the user's decision ({@code assigned_by = user}: recognition never overrides it)
     * and records where the name came from.
     *
     * @param personId the person, or null to record only the provenance of an unnamed region's box
     * @param source   the region's provenance, e.g. {@code sidecar IMG_1.jpg.xmp mwg-rs:RegionList[2]}
     * @param name     the region's name ({@code metadata_name}), null for an unnamed region
     */
    public static void takeFromMetadata(Tx tx, long faceId, Long personId, String source, String name) {
        String sql = personId == null ? "UPDATE face_crops SET metadata_source = ?, metadata_name = NULL WHERE id = ?"
                : "UPDATE face_crops SET metadata_source = ?, metadata_name = ?, person_id = ?, assigned_by = 'user', "
                + "suggested_person_id = NULL, suggestion_similarity = NULL WHERE id = ?";
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            ps.setString(1, source);
            if (personId != null) {
                ps.setString(2, name);
                ps.setLong(3, personId);
            }
            ps.setLong(personId == null ? 2 : 4, faceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("take the name of face " + faceId + " from its metadata", e);
        }
    }

    /**
     * Gives a new face row the provenance its old face had (carried across a re-analysis, or restored from an export).
     *
     * @param source the old face's {@code metadata_source}; nothing is done when null
     * @param name   the old face's {@code metadata_name}, or null
     */
    public static void restoreProvenance(Tx tx, long faceId, String source, String name) {
        if (source == null) {
            return;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE face_crops SET metadata_source = ?, metadata_name = ? WHERE id = ?")) {
            ps.setString(1, source);
            ps.setString(2, name);
            ps.setLong(3, faceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("carry the provenance of face " + faceId, e);
        }
    }

    /** @return the face's {@code metadata_source}, null when it did not come from metadata */
    public static String source(Tx tx, long faceId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT metadata_source FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw fail("read the provenance of face " + faceId, e);
        }
    }

    /** Records the photo's sidecar stamp ({@code metadata.SidecarStamp}) at the reading of its regions. */
    public static void recordSidecarStamp(Tx tx, long photoId, String stamp) {
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE photos SET sidecar_stamp = ? WHERE id = ?")) {
            ps.setString(1, stamp);
            ps.setLong(2, photoId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("record the sidecar stamp of photo " + photoId, e);
        }
    }

    /**
     * Records the stamp of a sidecar Facet itself just wrote, for a photo whose regions were read before (a stamp is
     * recorded): there is nothing new in it to read, so the next scan does not analyse the photo again.
     */
    public static void recordOwnSidecarWrite(Tx tx, long photoId, String stamp) {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE photos SET sidecar_stamp = ? WHERE id = ? AND sidecar_stamp IS NOT NULL")) {
            ps.setString(1, stamp);
            ps.setLong(2, photoId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("record the sidecar stamp of photo " + photoId, e);
        }
    }

    /**
     * @return photo id → its recorded sidecar stamp (null values included) of the photos that are analysed
     *         ({@code done} or {@code no_faces}); a rescan compares them with the disk
     */
    public static Map<Long, String> sidecarStamps(Tx tx) {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT id, sidecar_stamp FROM photos WHERE scan_state IN ('done', 'no_faces')");
             ResultSet rs = ps.executeQuery()) {
            Map<Long, String> out = new java.util.HashMap<>();
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw fail("read the sidecar stamps", e);
        }
    }

    // ---- metadata_reviews ----

    /** Forgets the review rows of a photo (its metadata is being read again). @return rows deleted */
    public static int forgetReviews(Tx tx, long photoId) {
        return update(tx, "forget the metadata reviews of photo " + photoId, "DELETE FROM metadata_reviews WHERE photo_id = ?", photoId);
    }

    /** @return the id of the stored row */
    public static long record(Tx tx, MetadataReview r) {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO metadata_reviews (photo_id, face_id, kind, "
                + "name, x, y, w, h, source, code, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, r.photoId());
            ps.setObject(2, r.faceId(), Types.INTEGER);
            ps.setString(3, r.kind().sql());
            ps.setString(4, r.name());
            BoundingBox b = r.box();
            ps.setObject(5, b == null ? null : b.x(), Types.REAL);
            ps.setObject(6, b == null ? null : b.y(), Types.REAL);
            ps.setObject(7, b == null ? null : b.w(), Types.REAL);
            ps.setObject(8, b == null ? null : b.h(), Types.REAL);
            ps.setString(9, r.source());
            ps.setString(10, r.code());
            ps.setString(11, r.reason());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw fail("keep a face region of photo " + r.photoId() + " for review", e);
        }
    }

    /** @return every review row, photo path included, oldest first */
    public static List<MetadataReviewRow> list(Tx tx) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + REVIEW_COLUMNS + ", p.path FROM metadata_reviews r "
                + "JOIN photos p ON p.id = r.photo_id ORDER BY r.id");
             ResultSet rs = ps.executeQuery()) {
            List<MetadataReviewRow> out = new ArrayList<>();
            while (rs.next()) {
                Double w = (Double) rs.getObject("w");
                BoundingBox box = w == null ? null : new BoundingBox(rs.getDouble("x"), rs.getDouble("y"), w, rs.getDouble("h"));
                MetadataReview r = new MetadataReview(rs.getLong("photo_id"), FaceRows.longOrNull(rs, "face_id"),
                        MetadataReview.Kind.fromSql(rs.getString("kind")), rs.getString("name"), box, rs.getString("source"),
                        rs.getString("code"), rs.getString("reason"));
                out.add(new MetadataReviewRow(rs.getLong("id"), r, rs.getString("path"), rs.getString("recorded_at")));
            }
            return out;
        } catch (SQLException e) {
            throw fail("list the face regions kept for review", e);
        }
    }

    /** @return rows in metadata_reviews */
    public static long count(Tx tx) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT count(*) FROM metadata_reviews");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw fail("count the face regions kept for review", e);
        }
    }

    /** Removes one review row: the user has seen it. @return whether it existed */
    public static boolean dismiss(Tx tx, long id) {
        return update(tx, "dismiss metadata review " + id, "DELETE FROM metadata_reviews WHERE id = ?", id) == 1;
    }

    // ---- writing names back ----

    // a face whose name goes into the sidecar: put on a person by the user, valid, not "not a face", the person not hidden
    private static final String WRITABLE = "f.assigned_by = 'user' AND f.not_a_face = 0 AND f.status = 'valid' AND pe.hidden = 0";

    /**
     * The faces to write into each photo's sidecar: those the user put on a person ({@code assigned_by = user}, valid,
     * not "not a face"), whose person is not hidden, grouped by photo. Without a person filter, the photos listed are
     * those with such a face, those whose sidecar Facet wrote before ({@code sidecar_names}: a face since deleted,
     * unnamed or hidden must be taken out of it) and those with a named face the user deleted; a photo may so come
     * with no face.
     *
     * @param personName only photos with a face of this person (case-insensitive); null for every photo as above
     * @param photoIds   only these photos; null for every photo
     */
    public static List<PhotoNamedFaces> namedFaces(Tx tx, String personName, Collection<Long> photoIds) {
        String named = "SELECT 1 FROM face_crops f JOIN persons pe ON pe.id = f.person_id WHERE f.photo_id = p.id AND " + WRITABLE;
        String sql = "SELECT p.id, p.path, p.width, p.height, p.orientation, p.sidecar_names FROM photos p "
                + "WHERE p.width IS NOT NULL AND p.height IS NOT NULL AND "
                + (personName == null ? "(EXISTS (" + named + ") OR p.sidecar_names IS NOT NULL OR EXISTS (SELECT 1 FROM "
                + "face_deletions d WHERE d.photo_id = p.id AND d.person_name IS NOT NULL))"
                : "EXISTS (" + named + " AND pe.name = ? COLLATE NOCASE)")
                + (photoIds == null ? "" : " AND p.id" + IdList.IN)
                + " ORDER BY p.path";
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            int i = 1;
            if (personName != null) {
                ps.setString(i++, personName);
            }
            if (photoIds != null) {
                IdList.bind(ps, i, photoIds);
            }
            List<PhotoNamedFaces> photos = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    photos.add(new PhotoNamedFaces(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            (Integer) rs.getObject(5), List.of(), rs.getString(6)));
                }
            }
            Map<Long, List<PhotoNamedFaces.Face>> faces = facesToWrite(tx, photos.stream().map(PhotoNamedFaces::photoId).toList());
            return photos.stream().map(p -> p.withFaces(faces.getOrDefault(p.photoId(), List.of()))).toList();
        } catch (SQLException e) {
            throw fail("list the named faces to write to sidecars", e);
        }
    }

    private static Map<Long, List<PhotoNamedFaces.Face>> facesToWrite(Tx tx, List<Long> photoIds) throws SQLException {
        Map<Long, List<PhotoNamedFaces.Face>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT f.photo_id, f.id, f.x, f.y, f.w, f.h, pe.name "
                + "FROM face_crops f JOIN persons pe ON pe.id = f.person_id WHERE " + WRITABLE + " AND f.photo_id" + IdList.IN
                + " ORDER BY f.photo_id, f.id")) {
            IdList.bind(ps, 1, photoIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PhotoNamedFaces.Face(rs.getLong(2),
                            new BoundingBox(rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /**
     * Records what Facet just wrote into (or found already in) the photo's sidecar: the fingerprint of its named faces
     * ({@code sidecar_names}), and the sidecar's stamp when its regions were read before (a stamp is recorded): there
     * is nothing new in Facet's own write to read, so the next scan does not analyse the photo again.
     *
     * @param stamp the sidecar's stamp now, or null when the file was not written
     */
    public static void recordSidecarWrite(Tx tx, long photoId, String fingerprint, String stamp) {
        update(tx, "record the names written to the sidecar of photo " + photoId,
                "UPDATE photos SET sidecar_names = ? WHERE id = ?", fingerprint, photoId);
        if (stamp != null) {
            recordOwnSidecarWrite(tx, photoId, stamp);
        }
    }

    private static int update(Tx tx, String what, String sql, Object... params) {
        try {
            return PlacementStore.update(tx.connection(), sql, params);
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    private static CatalogException fail(String what, SQLException e) {
        return new CatalogException("Could not " + what + ": " + e.getMessage(), e);
    }
}
