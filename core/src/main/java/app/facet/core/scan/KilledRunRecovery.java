package app.facet.core.scan;

import app.facet.core.catalog.CatalogWriter;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.RunStore;
import app.facet.core.catalog.Tx;
import app.facet.core.integrity.ScanProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a killed scan left behind, cleaned at the start of the next scan while it holds the {@link ScanLock} (so no
 * other scan is live): {@code running} runs of this host whose pid is gone become {@code cancelled}, and crop files a
 * scan wrote before its photo's commit, which no face row references, are removed.
 */
final class KilledRunRecovery {
    private static final Logger log = LoggerFactory.getLogger(KilledRunRecovery.class);
    /** The names {@link CropFiles} gives; other files in the crops folder (editor crops) are never touched here. */
    private static final Pattern SCAN_CROP = Pattern.compile("p\\d+-r\\d+-f\\d+\\.jpg");

    private KilledRunRecovery() {
    }

    /** @return runs marked cancelled */
    static int markKilledRuns(CatalogWriter writer) {
        String host = ScanProcess.currentHost();
        long me = ScanProcess.currentPid();
        return writer.call(tx -> {
            int marked = 0;
            for (RunStore.Running r : RunStore.running(tx)) {
                // this process holds the lock, so a run recorded under its own pid is an earlier, aborted one
                boolean gone = r.pid() == me || ProcessHandle.of(r.pid()).map(h -> !h.isAlive()).orElse(true);
                if (host.equals(r.host()) && gone) {
                    RunStore.markKilled(tx, r.id());
                    log.warn("event=scan_run_killed run={} pid={} host={}", r.id(), r.pid(), r.host());
                    marked++;
                }
            }
            return marked;
        });
    }

    /** @return crop files removed: scan crops under the crops folder that no face row references */
    static int removeOrphanCrops(CatalogWriter writer, LibraryLocation location) {
        Path crops = location.cropsDir();
        if (!Files.isDirectory(crops)) {
            return 0;
        }
        Set<String> referenced = writer.call(RunStore::referencedCropPaths);
        Set<Path> kept = new java.util.HashSet<>();
        referenced.forEach(p -> kept.add(location.resolve(p)));
        int removed = 0;
        try (Stream<Path> files = Files.walk(crops)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path abs = f.toAbsolutePath().normalize();
                if (SCAN_CROP.matcher(f.getFileName().toString()).matches() && !kept.contains(abs)) {
                    Files.deleteIfExists(abs);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("event=orphan_crop_cleanup_failed folder=\"{}\" error=\"{}\"", crops, e.toString());
        }
        if (removed > 0) {
            log.info("event=orphan_crops_removed count={}", removed);
        }
        return removed;
    }
}
