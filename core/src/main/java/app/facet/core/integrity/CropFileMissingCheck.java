package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckStore;

import java.nio.file.Files;
import java.nio.file.Path;

/** Face rows whose crop file (inside the managed folder) is not on disk. Crops outside the folder are another check. */
final class CropFileMissingCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.CROP_FILE_MISSING, "Faces whose crop file is missing", Severity.WARNING,
            CheckMode.FULL, "Repair cuts the crop again from the original photo.", true);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public long workItems(CheckContext ctx) {
        return IntegrityCheckStore.countFacesWithManagedCrop(ctx.tx());
    }

    @Override
    public void run(CheckContext ctx, Findings findings) {
        IntegrityCheckStore.facesWithManagedCrop(ctx.tx(), face -> {
            if (!Files.isRegularFile(Path.of(face.path()))) {
                findings.add(Subject.FACE, face.id(), face.path(), "crop file is not on disk");
            }
            ctx.progress().advance(1);
        });
    }
}
