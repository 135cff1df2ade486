package app.facet.core.catalog;

import static app.facet.core.rules.ManagedFolder.SQL_PREFIX;

/**
 * The integrity checks that are one SQL query each, by check name: every row a query returns is a finding, as
 * (row id or null, path or null, detail sentence). Run with {@link IntegrityCheckStore#findings}. The check's title,
 * severity and suggested fix live with the integrity check, not here.
 */
public enum IntegrityCheckQuery {
    /** Photo rows whose path lies inside the managed folder (a crop or thumbnail catalogued as a photo). */
    PHOTO_PATH_IN_MANAGED_DIR("SELECT p.id, p.path, 'a file in the managed folder is catalogued as a photo' FROM photos p"
            + " WHERE substr(p.path, 1, length(" + SQL_PREFIX + ")) = " + SQL_PREFIX + " ORDER BY p.id"),

    /** Photos with the content hash of an earlier photo (each after the first of its hash). */
    DUPLICATE_PHOTOS("SELECT p.id, p.path, 'same content as photo ' || q.id || ' (' || q.path || ')' FROM photos p"
            + " JOIN (SELECT content_hash, min(id) AS first_id FROM photos WHERE content_hash IS NOT NULL"
            + "       GROUP BY content_hash HAVING count(*) > 1) d ON d.content_hash = p.content_hash AND p.id > d.first_id"
            + " JOIN photos q ON q.id = d.first_id ORDER BY p.id"),

    /** Persons whose cached face_count/photo_count differ from their counted faces. */
    PERSON_COUNTS_STALE("SELECT pe.id, NULL, '\"' || pe.name || '\": cached ' || pe.face_count || ' faces / ' || pe.photo_count"
            + " || ' photos, actual ' || coalesce(c.fc, 0) || ' / ' || coalesce(c.pc, 0)"
            + " FROM persons pe LEFT JOIN " + Sql.COUNTED_FACES + " c ON c.person_id = pe.id"
            + " WHERE pe.face_count <> coalesce(c.fc, 0) OR pe.photo_count <> coalesce(c.pc, 0) ORDER BY pe.id"),

    /** Persons whose cover face does not exist, is someone else's or is marked not a face. */
    PERSON_COVER_INVALID("SELECT pe.id, NULL, '\"' || pe.name || '\": ' || CASE"
            + " WHEN f.id IS NULL THEN 'cover face ' || pe.cover_face_id || ' does not exist'"
            + " WHEN f.person_id IS NOT pe.id THEN 'cover face ' || f.id || ' belongs to ' || coalesce('person ' || f.person_id, 'nobody')"
            + " ELSE 'cover face ' || f.id || ' is marked not a face' END"
            + " FROM persons pe LEFT JOIN face_crops f ON f.id = pe.cover_face_id"
            + " WHERE pe.cover_face_id IS NOT NULL AND (f.id IS NULL OR f.person_id IS NOT pe.id OR f.not_a_face = 1)"
            + " ORDER BY pe.id"),

    /** Persons without a single counted face. */
    PERSON_WITHOUT_FACES("SELECT pe.id, NULL, '\"' || pe.name || '\" has no faces' FROM persons pe"
            + " WHERE NOT EXISTS (SELECT 1 FROM face_crops f WHERE f.person_id = pe.id AND f.not_a_face = 0) ORDER BY pe.id"),

    /** Photos 'done' without a face row, or 'no_faces' with some. */
    PHOTO_SCAN_STATE_INCONSISTENT("SELECT p.id, p.path, CASE p.scan_state WHEN 'done' THEN 'scan state done but no face row'"
            + " ELSE 'scan state no_faces but ' || (SELECT count(*) FROM face_crops f WHERE f.photo_id = p.id) || ' face rows' END"
            + " FROM photos p WHERE (p.scan_state = 'done' AND NOT EXISTS (SELECT 1 FROM face_crops f WHERE f.photo_id = p.id))"
            + " OR (p.scan_state = 'no_faces' AND EXISTS (SELECT 1 FROM face_crops f WHERE f.photo_id = p.id)) ORDER BY p.id"),

    /**
     * Stalled: pending, not marked missing, and the latest non-dry-run scan whose roots contain the photo is
     * 'completed' and finished after the photo was added: a completed scan that covered the photo (and most often
     * added it) should have analysed it. Photos left pending by a cancelled, failed or still running scan are not
     * stalled: the next scan resumes them. Neither is a photo added after that scan finished (by another path).
     */
    PHOTO_SCAN_STALLED("SELECT p.id, p.path, 'pending although scan run ' || r.id || ' (' || r.started_at || ') completed over it' FROM photos p"
            + " JOIN scan_runs r ON r.id = (SELECT r2.id FROM scan_runs r2, json_each(CASE WHEN json_valid(r2.roots) THEN r2.roots ELSE '[]' END) j"
            + "      WHERE r2.dry_run = 0 AND " + Sql.pathUnder("p.path", "j.value")
            + "      ORDER BY r2.started_at DESC, r2.id DESC LIMIT 1)"
            + " WHERE p.scan_state = 'pending' AND p.missing_since IS NULL AND r.status = 'completed'"
            + " AND coalesce(r.finished_at, r.started_at) >= p.added_at"
            + " ORDER BY p.id");

    private final String sql;

    IntegrityCheckQuery(String sql) {
        this.sql = sql;
    }

    /** The query: three columns (row id or null, path or null, detail), no parameters. */
    String sql() {
        return sql;
    }

    /** SQL fragments shared by the queries (an enum constant may not refer to the enum's own static fields). */
    private static final class Sql {
        /** Face rows that hold a person's place: counted in persons.face_count/photo_count. */
        static final String COUNTED_FACES = "(SELECT person_id, count(*) AS fc, count(DISTINCT photo_id) AS pc"
                + " FROM face_crops WHERE person_id IS NOT NULL AND not_a_face = 0 GROUP BY person_id)";

        /** Path {@code path} lies under scan root {@code root} (either separator; a trailing one on the root is ignored). */
        static String pathUnder(String path, String root) {
            String r = "rtrim(" + root + ", '/\\')";
            return "(substr(" + path + ", 1, length(" + r + ")) = " + r + " AND substr(" + path + ", length(" + r + ") + 1, 1) IN ('/', '\\'))";
        }
    }
}
