package app.facet.core.scan;

import app.facet.core.catalog.CataloguedPhoto;
import app.facet.core.scan.CataloguePlan.PlannedPhoto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the files found on disk with the catalogued photos and decides what each one is (new, unchanged, changed,
 * moved, missing). Pure apart from a file-existence check and logs: no catalog access, so a test can inspect the plan.
 * <p>
 * Rules: a file with the same path, size and mtime is unchanged without being read; a changed size or mtime with the
 * same content hash is unchanged too; a different hash is a change. A new path whose hash matches a catalogued photo
 * that is gone from its old path is a move. A catalogued photo under a scanned folder that was not found is missing.
 */
final class CataloguePlanner {
    private static final Logger log = LoggerFactory.getLogger(CataloguePlanner.class);

    private CataloguePlanner() {
    }

    /** @return the found files whose content must be hashed: new, changed size or mtime, or never hashed */
    static List<FoundFile> toHash(List<FoundFile> found, Map<String, CataloguedPhoto> known) {
        List<FoundFile> out = new ArrayList<>();
        for (FoundFile f : found) {
            CataloguedPhoto p = known.get(f.path().toString());
            if (p == null || p.sizeBytes() != f.size() || p.mtimeMs() != f.mtimeMs() || p.contentHash() == null) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * @param found  files found under {@code roots} (absolute, normalised paths)
     * @param known  every catalogued photo by path
     * @param hashes SHA-256 of the files {@link #toHash} listed (a file that could not be read has none)
     * @param roots  the scanned folders (absolute, normalised)
     */
    static CataloguePlan plan(List<FoundFile> found, Map<String, CataloguedPhoto> known, Map<FoundFile, String> hashes,
                              List<Path> roots) {
        List<PlannedPhoto> unchanged = new ArrayList<>(), changed = new ArrayList<>(), newFiles = new ArrayList<>();
        Set<String> foundPaths = new HashSet<>();
        for (FoundFile f : found) {
            foundPaths.add(f.path().toString());
            PlannedPhoto planned = new PlannedPhoto(known.get(f.path().toString()), f, hashes.get(f));
            if (planned.catalogued() == null) {
                newFiles.add(planned);
            } else if (isUnchanged(planned)) {
                unchanged.add(planned);
            } else {
                log.info("event=photo_changed photo=\"{}\"", planned.path());
                changed.add(planned);
            }
        }
        List<PlannedPhoto> moved = new ArrayList<>(), fresh = new ArrayList<>();
        Set<Long> claimed = matchMoves(newFiles, gone(known, foundPaths, roots, newFiles.isEmpty()), moved, fresh);
        List<CataloguedPhoto> missing = new ArrayList<>();
        for (CataloguedPhoto p : known.values()) {
            if (!foundPaths.contains(p.path()) && !claimed.contains(p.id()) && !p.missing() && underAny(p.path(), roots)) {
                log.warn("event=photo_missing photo=\"{}\"", p.path());
                missing.add(p);
            }
        }
        return new CataloguePlan(fresh, unchanged, changed, moved, missing);
    }

    private static boolean isUnchanged(PlannedPhoto p) {
        String stored = p.catalogued().contentHash();
        return stored != null && (p.sameFileFacts() || stored.equals(p.hash()));
    }

    /** @return catalogued photos gone from their path, by content hash: the candidates for a move */
    private static Map<String, List<CataloguedPhoto>> gone(Map<String, CataloguedPhoto> known, Set<String> foundPaths,
                                                           List<Path> roots, boolean nothingNew) {
        Map<String, List<CataloguedPhoto>> byHash = new HashMap<>();
        if (nothingNew) {
            return byHash;
        }
        for (CataloguedPhoto p : known.values()) {
            if (p.contentHash() != null && !foundPaths.contains(p.path())
                    && (p.missing() || underAny(p.path(), roots) || !Files.exists(Path.of(p.path())))) {
                byHash.computeIfAbsent(p.contentHash(), h -> new ArrayList<>()).add(p);
            }
        }
        return byHash;
    }

    /** Sorts new paths into moves (same content as a gone photo, each claimed once) and fresh files. */
    private static Set<Long> matchMoves(List<PlannedPhoto> newFiles, Map<String, List<CataloguedPhoto>> goneByHash,
                                        List<PlannedPhoto> moved, List<PlannedPhoto> fresh) {
        Set<Long> claimed = new HashSet<>();
        for (PlannedPhoto f : newFiles) {
            CataloguedPhoto from = goneByHash.getOrDefault(f.hash() == null ? "" : f.hash(), List.of()).stream()
                    .filter(x -> !claimed.contains(x.id())).findFirst().orElse(null);
            if (from == null) {
                fresh.add(f);
            } else {
                claimed.add(from.id());
                log.info("event=photo_moved from=\"{}\" to=\"{}\"", from.path(), f.path());
                moved.add(new PlannedPhoto(from, f.file(), f.hash()));
            }
        }
        return claimed;
    }

    static boolean underAny(String path, List<Path> roots) {
        Path p = Path.of(path);
        for (Path r : roots) {
            if (p.startsWith(r)) {
                return true;
            }
        }
        return false;
    }
}
