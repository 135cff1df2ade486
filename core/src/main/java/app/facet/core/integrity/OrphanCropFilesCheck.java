package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckStore;
import app.facet.core.catalog.Tx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Files in the crops folder that no row references (as crop, or, in a corrupted catalog, as image or photo path). */
final class OrphanCropFilesCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.ORPHAN_CROP_FILES, "Crop files no face refers to", Severity.WARNING,
            CheckMode.FULL, "Repair moves them out of the crops folder into backups/orphan-crops-<time>/ (delete that folder when satisfied).", true);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public long workItems(CheckContext ctx) {
        return IntegrityCheckStore.countFacesWithCropPath(ctx.tx());
    }

    @Override
    public void run(CheckContext ctx, Findings findings) throws IOException {
        for (Path file : orphans(ctx.tx(), ctx.location().cropsDir(), ctx.progress())) {
            findings.add(Subject.CROP_FILE, null, file.toString(), "no face row refers to this file");
        }
    }

    /** @return regular files under {@code cropsDir} that no row references, sorted by path */
    static List<Path> orphans(Tx tx, Path cropsDir, ProgressTracker progress) throws IOException {
        Set<String> referenced = IntegrityCheckStore.referencedCropPaths(tx);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(cropsDir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(cropsDir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                if (!referenced.contains(file.toString())) {
                    out.add(file);
                }
                progress.advance(1);
            }
        }
        return out;
    }
}
