package app.facet.core.integrity;

import static app.facet.core.integrity.CheckMode.QUICK;
import static app.facet.core.rules.ManagedFolder.SQL_PREFIX;
import static app.facet.core.integrity.Severity.ERROR;
import static app.facet.core.integrity.Severity.WARNING;

/** The integrity checks that are a single SQL query each (all quick). */
final class SqlChecks {

    /** Path {@code path} lies under scan root {@code root} (either separator; a trailing one on the root is ignored). */
    static String pathUnder(String path, String root) {
        String r = "rtrim(" + root + ", '/\\')";
        return "(substr(" + path + ", 1, length(" + r + ")) = " + r + " AND substr(" + path + ", length(" + r + ") + 1, 1) IN ('/', '\\'))";
    }

    /** Face rows that hold a person's place: counted in persons.face_count/photo_count. */
    private static final String COUNTED_FACES = "(SELECT person_id, count(*) AS fc, count(DISTINCT photo_id) AS pc"
            + " FROM face_crops WHERE person_id IS NOT NULL AND not_a_face = 0 GROUP BY person_id)";

    private SqlChecks() {
    }

    static SqlCheck photoPathInManagedDir() {
        return new SqlCheck(new CheckInfo(CheckNames.PHOTO_PATH_IN_MANAGED_DIR, "Photos inside the managed folder", ERROR, QUICK,
                "Repair moves their faces to the original photo (same content hash, or the hash in the file name) and removes the row.", true),
                Subject.PHOTO,
                "SELECT p.id, p.path, 'a file in the managed folder is catalogued as a photo' FROM photos p"
                        + " WHERE substr(p.path, 1, length(" + SQL_PREFIX + ")) = " + SQL_PREFIX + " ORDER BY p.id");
    }

    static SqlCheck duplicatePhotos() {
        return new SqlCheck(new CheckInfo(CheckNames.DUPLICATE_PHOTOS, "Duplicate photos (same content hash)", WARNING, QUICK,
                "Copies of one file in two places: delete one copy and rescan, or keep both (their faces are counted twice).", false),
                Subject.PHOTO,
                "SELECT p.id, p.path, 'same content as photo ' || q.id || ' (' || q.path || ')' FROM photos p"
                        + " JOIN (SELECT content_hash, min(id) AS first_id FROM photos WHERE content_hash IS NOT NULL"
                        + "       GROUP BY content_hash HAVING count(*) > 1) d ON d.content_hash = p.content_hash AND p.id > d.first_id"
                        + " JOIN photos q ON q.id = d.first_id ORDER BY p.id");
    }

    static SqlCheck personCountsStale() {
        return new SqlCheck(new CheckInfo(CheckNames.PERSON_COUNTS_STALE, "Persons whose cached face or photo count is wrong", ERROR, QUICK,
                "Repair recounts them from their faces.", true),
                Subject.PERSON,
                "SELECT pe.id, NULL, '\"' || pe.name || '\": cached ' || pe.face_count || ' faces / ' || pe.photo_count"
                        + " || ' photos, actual ' || coalesce(c.fc, 0) || ' / ' || coalesce(c.pc, 0)"
                        + " FROM persons pe LEFT JOIN " + COUNTED_FACES + " c ON c.person_id = pe.id"
                        + " WHERE pe.face_count <> coalesce(c.fc, 0) OR pe.photo_count <> coalesce(c.pc, 0) ORDER BY pe.id");
    }

    static SqlCheck personCoverInvalid() {
        return new SqlCheck(new CheckInfo(CheckNames.PERSON_COVER_INVALID, "Persons whose cover face is not theirs", ERROR, QUICK,
                "Repair clears the cover (the person's best face is shown instead).", true),
                Subject.PERSON,
                "SELECT pe.id, NULL, '\"' || pe.name || '\": ' || CASE"
                        + " WHEN f.id IS NULL THEN 'cover face ' || pe.cover_face_id || ' does not exist'"
                        + " WHEN f.person_id IS NOT pe.id THEN 'cover face ' || f.id || ' belongs to ' || coalesce('person ' || f.person_id, 'nobody')"
                        + " ELSE 'cover face ' || f.id || ' is marked not a face' END"
                        + " FROM persons pe LEFT JOIN face_crops f ON f.id = pe.cover_face_id"
                        + " WHERE pe.cover_face_id IS NOT NULL AND (f.id IS NULL OR f.person_id IS NOT pe.id OR f.not_a_face = 1)"
                        + " ORDER BY pe.id");
    }

    static SqlCheck personWithoutFaces() {
        return new SqlCheck(new CheckInfo(CheckNames.PERSON_WITHOUT_FACES, "Persons with no faces", WARNING, QUICK,
                "Repair removes the empty persons (kept in integrity_removed_rows); or assign faces to them.", true),
                Subject.PERSON,
                "SELECT pe.id, NULL, '\"' || pe.name || '\" has no faces' FROM persons pe"
                        + " WHERE NOT EXISTS (SELECT 1 FROM face_crops f WHERE f.person_id = pe.id AND f.not_a_face = 0) ORDER BY pe.id");
    }

    static SqlCheck photoScanStateInconsistent() {
        return new SqlCheck(new CheckInfo(CheckNames.PHOTO_SCAN_STATE_INCONSISTENT, "Photos whose scan state contradicts their faces", ERROR, QUICK,
                "Repair sets 'done' on photos with faces and 'no_faces' on analysed photos without any.", true),
                Subject.PHOTO,
                "SELECT p.id, p.path, CASE p.scan_state WHEN 'done' THEN 'scan state done but no face row'"
                        + " ELSE 'scan state no_faces but ' || (SELECT count(*) FROM face_crops f WHERE f.photo_id = p.id) || ' face rows' END"
                        + " FROM photos p WHERE (p.scan_state = 'done' AND NOT EXISTS (SELECT 1 FROM face_crops f WHERE f.photo_id = p.id))"
                        + " OR (p.scan_state = 'no_faces' AND EXISTS (SELECT 1 FROM face_crops f WHERE f.photo_id = p.id)) ORDER BY p.id");
    }

    /**
     * Stalled: pending, not marked missing, and the latest non-dry-run scan whose roots contain the photo is
     * 'completed' and finished after the photo was added: a completed scan that covered the photo (and most often
     * added it) should have analysed it. Photos left pending by a cancelled, failed or still running scan are not
     * stalled: the next scan resumes them. Neither is a photo added after that scan finished (by another path).
     */
    static SqlCheck photoScanStalled() {
        return new SqlCheck(new CheckInfo(CheckNames.PHOTO_SCAN_STALLED, "Photos left pending by a completed scan", WARNING, QUICK,
                "Run facet scan on their folder again; a photo that stays pending after that is a scanner bug worth reporting.", false),
                Subject.PHOTO,
                "SELECT p.id, p.path, 'pending although scan run ' || r.id || ' (' || r.started_at || ') completed over it' FROM photos p"
                        + " JOIN scan_runs r ON r.id = (SELECT r2.id FROM scan_runs r2, json_each(CASE WHEN json_valid(r2.roots) THEN r2.roots ELSE '[]' END) j"
                        + "      WHERE r2.dry_run = 0 AND " + pathUnder("p.path", "j.value")
                        + "      ORDER BY r2.started_at DESC, r2.id DESC LIMIT 1)"
                        + " WHERE p.scan_state = 'pending' AND p.missing_since IS NULL AND r.status = 'completed'"
                        + " AND coalesce(r.finished_at, r.started_at) >= p.added_at"
                        + " ORDER BY p.id");
    }

    /** Failed for a reason that may heal ({@link app.facet.core.rules.TransientFailures}): the next scan retries them. */
    static SqlCheck photoFailedTransient() {
        String codes = app.facet.core.rules.TransientFailures.CODES.stream().sorted()
                .map(c -> "'" + c + "'").collect(java.util.stream.Collectors.joining(", "));
        return new SqlCheck(new CheckInfo(CheckNames.PHOTO_FAILED_TRANSIENT, "Photos failed for a reason that may heal", WARNING, QUICK,
                "Make the files readable again (reconnect the drive, move the folder back, free space) and run facet scan: it retries them.", false),
                Subject.PHOTO,
                "SELECT p.id, p.path, 'failed: ' || p.failure_reason FROM photos p WHERE p.scan_state = 'failed'"
                        + " AND substr(p.failure_reason, 1, instr(p.failure_reason || ':', ':') - 1) IN (" + codes + ") ORDER BY p.id");
    }
}
