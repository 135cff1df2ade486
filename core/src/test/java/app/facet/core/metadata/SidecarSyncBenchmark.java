package app.facet.core.metadata;

import app.facet.core.people.PeopleService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * "Keep Sidecars in Sync" after one rename, on a library of many named photos (docs/PERFORMANCE.md):
 * {@code scripts/bench core app.facet.core.metadata.SidecarSyncBenchmark PHOTOS PERSONS ROUNDS}. Each round renames one
 * person and measures the sync ({@link SidecarExport#sync}: only the photos whose named faces changed) against the full
 * write every sync did before (every named photo's sidecar read and compared), in the same run. Prints the sidecars
 * each opened and the best time of the rounds.
 */
public final class SidecarSyncBenchmark {
    private SidecarSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("facet-sidecar-sync");
        NamedLibrary lib = NamedLibrary.create(dir, photos, persons);
        SidecarExport export = new SidecarExport(lib.catalog);
        long t0 = System.nanoTime();
        SidecarExport.Summary first = export.sync(w -> { });
        System.out.printf(Locale.ROOT, "first sync: %d photos, %d sidecars created in %.2f s%n", first.photos(), first.created(),
                (System.nanoTime() - t0) / 1e9);
        PeopleService people = new PeopleService(lib.catalog);
        long bestSync = Long.MAX_VALUE, bestFull = Long.MAX_VALUE;
        int openedSync = 0, openedFull = 0;
        for (int r = 0; r < rounds; r++) {
            people.rename(people.findByName(r == 0 ? "Person 0" : "Renamed " + (r - 1)).orElseThrow().id(), "Renamed " + r);
            long s = System.nanoTime();
            SidecarExport.Summary sync = export.sync(w -> { });
            bestSync = Math.min(bestSync, System.nanoTime() - s);
            openedSync = sync.opened();
            // the same rename written as before: every named photo's sidecar read (the renamed ones written)
            people.rename(people.findByName("Renamed " + r).orElseThrow().id(), "Renamed " + r + " again");
            long f = System.nanoTime();
            SidecarExport.Summary full = export.write(null, null, SidecarWriteMode.WRITE, w -> { });
            bestFull = Math.min(bestFull, System.nanoTime() - f);
            openedFull = full.opened();
            people.rename(people.findByName("Renamed " + r + " again").orElseThrow().id(), "Renamed " + r);
            export.sync(w -> { });
        }
        System.out.printf(Locale.ROOT, "one rename, %d photos, %d per person, best of %d:%n", photos, photos / persons, rounds);
        System.out.printf(Locale.ROOT, "  sync (changed photos only): %d sidecars opened, %.3f s%n", openedSync, bestSync / 1e9);
        System.out.printf(Locale.ROOT, "  full write (as before):     %d sidecars opened, %.3f s%n", openedFull, bestFull / 1e9);
        System.out.printf(Locale.ROOT, "  ratio full/sync: %.1f×%n", (double) bestFull / bestSync);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
