package app.facet.core.integrity;

import java.nio.file.Files;
import java.nio.file.Path;
import app.facet.core.catalog.IntegrityCheckStore;

/**
 * Face rows whose photo file is gone from disk although the catalog does not know it (photos.missing_since is
 * null). One stat per photo that has faces.
 */
final class FacePhotoMissingCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.FACE_PHOTO_MISSING, "Faces whose photo file is missing", Severity.WARNING,
            CheckMode.FULL,
            "Repair looks for the file in the library's photo folders by content hash and re-links it; photos not found are marked "
                    + "missing (faces and names are kept). Reconnect the drive if the folder is on one.", true);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public long workItems(CheckContext ctx) {
        return IntegrityCheckStore.countPhotosWithFaces(ctx.tx());
    }

    @Override
    public void run(CheckContext ctx, Findings findings) {
        IntegrityCheckStore.photosWithFaces(ctx.tx(), photo -> {
            if (!Files.isRegularFile(Path.of(photo.path()))) {
                for (long faceId : IntegrityCheckStore.faceIdsOfPhoto(ctx.tx(), photo.id())) {
                    findings.add(Subject.FACE, faceId, photo.path(), "photo " + photo.id() + " is not on disk");
                }
            }
            ctx.progress().advance(1);
        });
    }
}
