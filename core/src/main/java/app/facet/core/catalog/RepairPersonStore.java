package app.facet.core.catalog;

import static app.facet.core.catalog.RepairJdbc.string;
import static app.facet.core.catalog.RepairJdbc.update;

/**
 * The persons statements of the integrity repair. A person's counted faces are its face rows not marked "not a
 * face", as {@code persons.face_count} counts them. Every method runs on the caller's {@link Tx} and throws
 * {@link CatalogException} on a database error.
 */
public final class RepairPersonStore {
    private static final String COUNTED = "FROM face_crops WHERE person_id = ? AND not_a_face = 0";

    private RepairPersonStore() {
    }

    /** @return the person's name, null when the row does not exist */
    public static String name(Tx tx, long personId) {
        return string(tx, "SELECT name FROM persons WHERE id = ?", personId);
    }

    public static boolean exists(Tx tx, long personId) {
        return RepairJdbc.exists(tx, "SELECT 1 FROM persons WHERE id = ?", personId);
    }

    /** @return how many faces count for the person (0 when the person does not exist) */
    public static long countedFaces(Tx tx, long personId) {
        return RepairJdbc.count(tx, "SELECT count(*) " + COUNTED, personId);
    }

    /** @return the person's cover face id; null when it has none or the person does not exist */
    public static Long coverFaceId(Tx tx, long personId) {
        String cover = string(tx, "SELECT cover_face_id FROM persons WHERE id = ?", personId);
        return cover == null ? null : Long.parseLong(cover);
    }

    /** @return true when the person exists and its stored face_count or photo_count differs from its faces */
    public static boolean countsStale(Tx tx, long personId) {
        String counted = COUNTED.replace("?", "persons.id");
        return "1".equals(string(tx, "SELECT face_count <> (SELECT count(*) " + counted + ")"
                + " OR photo_count <> (SELECT count(DISTINCT photo_id) " + counted + ") FROM persons WHERE id = ?", personId));
    }

    /** Sets face_count and photo_count from the person's counted faces. */
    public static void recount(Tx tx, long personId) {
        update(tx, "UPDATE persons SET face_count = (SELECT count(*) " + COUNTED + "),"
                + " photo_count = (SELECT count(DISTINCT photo_id) " + COUNTED + ") WHERE id = ?", personId, personId, personId);
    }

    public static void clearCover(Tx tx, long personId) {
        update(tx, "UPDATE persons SET cover_face_id = NULL WHERE id = ?", personId);
    }

    /** Every person whose cover is face {@code fromFaceId} gets face {@code toFaceId} as cover instead. */
    public static void moveCover(Tx tx, long fromFaceId, long toFaceId) {
        update(tx, "UPDATE persons SET cover_face_id = ? WHERE cover_face_id = ?", toFaceId, fromFaceId);
    }
}
