package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckQuery;

import static app.facet.core.integrity.CheckMode.QUICK;
import static app.facet.core.integrity.Severity.ERROR;
import static app.facet.core.integrity.Severity.WARNING;

/** The integrity checks that are a single store query each (all quick): what each reports and how to fix it. */
final class SqlChecks {

    private SqlChecks() {
    }

    static SqlCheck photoPathInManagedDir() {
        return new SqlCheck(new CheckInfo(CheckNames.PHOTO_PATH_IN_MANAGED_DIR, "Photos inside the managed folder", ERROR, QUICK,
                "Repair moves their faces to the original photo (same content hash, or the hash in the file name) and removes the row.", true),
                Subject.PHOTO, IntegrityCheckQuery.PHOTO_PATH_IN_MANAGED_DIR);
    }

    static SqlCheck duplicatePhotos() {
        return new SqlCheck(new CheckInfo(CheckNames.DUPLICATE_PHOTOS, "Duplicate photos (same content hash)", WARNING, QUICK,
                "Copies of one file in two places: delete one copy and rescan, or keep both (their faces are counted twice).", false),
                Subject.PHOTO, IntegrityCheckQuery.DUPLICATE_PHOTOS);
    }

    static SqlCheck personCountsStale() {
        return new SqlCheck(new CheckInfo(CheckNames.PERSON_COUNTS_STALE, "Persons whose cached face or photo count is wrong", ERROR, QUICK,
                "Repair recounts them from their faces.", true),
                Subject.PERSON, IntegrityCheckQuery.PERSON_COUNTS_STALE);
    }

    static SqlCheck personCoverInvalid() {
        return new SqlCheck(new CheckInfo(CheckNames.PERSON_COVER_INVALID, "Persons whose cover face is not theirs", ERROR, QUICK,
                "Repair clears the cover (the person's best face is shown instead).", true),
                Subject.PERSON, IntegrityCheckQuery.PERSON_COVER_INVALID);
    }

    static SqlCheck personWithoutFaces() {
        return new SqlCheck(new CheckInfo(CheckNames.PERSON_WITHOUT_FACES, "Persons with no faces", WARNING, QUICK,
                "Repair removes the empty persons (kept in integrity_removed_rows); or assign faces to them.", true),
                Subject.PERSON, IntegrityCheckQuery.PERSON_WITHOUT_FACES);
    }

    static SqlCheck photoScanStateInconsistent() {
        return new SqlCheck(new CheckInfo(CheckNames.PHOTO_SCAN_STATE_INCONSISTENT, "Photos whose scan state contradicts their faces", ERROR, QUICK,
                "Repair sets 'done' on photos with faces and 'no_faces' on analysed photos without any.", true),
                Subject.PHOTO, IntegrityCheckQuery.PHOTO_SCAN_STATE_INCONSISTENT);
    }

    /**
     * Photos left pending by a completed scan that covered them (see {@link IntegrityCheckQuery#PHOTO_SCAN_STALLED});
     * those left by a cancelled, failed or running scan are resumed by the next scan and not reported.
     */
    static SqlCheck photoScanStalled() {
        return new SqlCheck(new CheckInfo(CheckNames.PHOTO_SCAN_STALLED, "Photos left pending by a completed scan", WARNING, QUICK,
                "Run facet scan on their folder again; a photo that stays pending after that is a scanner bug worth reporting.", false),
                Subject.PHOTO, IntegrityCheckQuery.PHOTO_SCAN_STALLED);
    }
}
