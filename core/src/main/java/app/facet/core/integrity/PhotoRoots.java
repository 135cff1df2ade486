package app.facet.core.integrity;

import app.facet.core.catalog.RepairPhotoStore;
import app.facet.core.catalog.Tx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The library's photo folders: every root of every scan that was not a dry run ({@code scan_runs.roots}, a JSON
 * array of folders), absolute and normalised, without folders nested in another root.
 */
public final class PhotoRoots {
    private PhotoRoots() {
    }

    /** @throws app.facet.core.catalog.CatalogException when the scan runs cannot be read */
    public static List<Path> of(Tx tx) {
        Set<Path> all = new LinkedHashSet<>();
        for (String root : RepairPhotoStore.scannedRoots(tx)) {
            all.add(Path.of(root).toAbsolutePath().normalize());
        }
        List<Path> out = new ArrayList<>();
        for (Path p : all) {
            if (all.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q))) {
                out.add(p);
            }
        }
        return out;
    }

    /** @return true when {@code path} (absolute, normalised) lies in one of {@code roots} */
    public static boolean contains(List<Path> roots, Path path) {
        return roots.stream().anyMatch(path::startsWith);
    }
}
