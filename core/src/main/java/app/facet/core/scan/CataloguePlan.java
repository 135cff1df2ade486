package app.facet.core.scan;

import app.facet.core.catalog.CataloguedPhoto;
import app.facet.model.ScanState;

import java.util.List;
import java.util.stream.Stream;

/**
 * What cataloguing decided for one scan, before anything is written: plain data that {@link Cataloguer#write}
 * applies in one transaction (and a dry run only reports).
 *
 * @param fresh     files catalogued for the first time ({@code catalogued} null); they start pending
 * @param unchanged files already catalogued with the same size and mtime, or the same content hash (then their new
 *                  size and mtime are stored); a photo marked missing is found again
 * @param changed   catalogued files whose content hash changed: their faces go (the user's decisions on them are held
 *                  in {@code orphaned_decisions} and carried to the new faces by the sink) and they are analysed again
 * @param moved     catalogued photos found at a new path with the same content hash: they keep their faces
 * @param missing   catalogued photos under the scanned folders no longer on disk: marked missing, never dropped
 */
public record CataloguePlan(List<PlannedPhoto> fresh, List<PlannedPhoto> unchanged, List<PlannedPhoto> changed,
                            List<PlannedPhoto> moved, List<CataloguedPhoto> missing) {
    public CataloguePlan {
        fresh = List.copyOf(fresh);
        unchanged = List.copyOf(unchanged);
        changed = List.copyOf(changed);
        moved = List.copyOf(moved);
        missing = List.copyOf(missing);
    }

    /** The plan of a scan cancelled while cataloguing: nothing to write. */
    public static CataloguePlan nothing() {
        return new CataloguePlan(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * A file found on disk and what the catalog knows of it.
     *
     * @param catalogued the photo row it matches (by path, or by content hash for a move), null for a new file
     * @param file       the file as found
     * @param hash       its SHA-256 (hex), null when it was not hashed (same size and mtime) or could not be read
     */
    public record PlannedPhoto(CataloguedPhoto catalogued, FoundFile file, String hash) {
        /** @return the file's absolute path as the catalog stores it */
        public String path() {
            return file.path().toString();
        }

        /** @return whether the catalog row already holds this file's size and mtime */
        public boolean sameFileFacts() {
            return catalogued != null && catalogued.sizeBytes() == file.size() && catalogued.mtimeMs() == file.mtimeMs();
        }

        boolean wasPending() {
            return catalogued != null && catalogued.scanState() == ScanState.PENDING;
        }
    }

    /**
     * @return the photos that will be pending once the plan is written: new and changed files, and catalogued
     *         photos (unchanged or moved) whose analysis never finished
     */
    public List<PlannedPhoto> toAnalyse() {
        return Stream.of(unchanged.stream().filter(PlannedPhoto::wasPending), changed.stream(),
                moved.stream().filter(PlannedPhoto::wasPending), fresh.stream()).flatMap(s -> s).toList();
    }
}
