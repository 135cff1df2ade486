package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckStore;
import app.facet.core.catalog.ContentHash;
import app.facet.core.catalog.RepairPhotoStore;
import app.facet.core.catalog.Tx;
import app.facet.core.rules.ManagedFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the original photo behind a path that is really a face crop (the old corruption), so faces are re-pointed
 * rather than removed. A "proper" photo is a photos row outside the managed folder. Ways, in order of certainty:
 * <ol>
 *   <li>photo_id: the face's own photo, when it is proper;</li>
 *   <li>crop file name: a face row whose crop_path is that path belongs to a proper photo;</li>
 *   <li>crop file name: the name holds a 64-hex-digit content hash of a proper photo;</li>
 *   <li>content hash: the file at that path (or the row's recorded content hash) hashes to a proper photo.</li>
 * </ol>
 * When several proper photos share a content hash, the present one with the lowest id wins.
 */
final class OriginResolver {

    /**
     * A resolved original photo.
     *
     * @param via how it was found ("photo_id", "crop file name", "content hash")
     */
    record Origin(long photoId, String path, String via) {
    }

    private final Tx tx;
    private final ManagedFolder managed;

    OriginResolver(Tx tx, ManagedFolder managed) {
        this.tx = tx;
        this.managed = managed;
    }

    /** @return the photo itself when it exists and is proper */
    Optional<Origin> properPhoto(long photoId) {
        String path = IntegrityCheckStore.photoPath(tx, photoId);
        return path != null && !managed.contains(path) ? Optional.of(new Origin(photoId, path, "photo_id")) : Optional.empty();
    }

    /** Ways 2 to 4 for a crop-like {@code path}. */
    Optional<Origin> fromCropPath(String path) {
        Optional<Origin> o = byFaceWithCrop(path);
        Optional<String> hashInName = ContentHash.inFileName(path);
        if (o.isEmpty() && hashInName.isPresent()) {
            o = byHash(hashInName.get(), "crop file name");
        }
        if (o.isEmpty()) {
            o = byFileHash(path);
        }
        return o;
    }

    /** Way 4 for a photo row whose recorded content hash may name a proper photo. */
    Optional<Origin> byContentHash(String hash) {
        return hash == null ? Optional.empty() : byHash(hash, "content hash");
    }

    private Optional<Origin> byFaceWithCrop(String path) {
        // an image path names the crop file absolute; the face rows store it relative to the library folder
        Optional<RepairPhotoStore.PhotoRef> photo = RepairPhotoStore.ofFaceWithCrop(tx, path, managed);
        String stored = managed.toStored(path);
        if (photo.isEmpty() && !stored.equals(path)) {
            photo = RepairPhotoStore.ofFaceWithCrop(tx, stored, managed);
        }
        return photo.map(p -> new Origin(p.id(), p.path(), "crop file name"));
    }

    private Optional<Origin> byFileHash(String path) {
        Path file = managed.file(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return byHash(ContentHash.of(file), "content hash");
        } catch (IOException e) {
            // an unreadable file resolves nothing; the face is then handled as unresolvable, with this reason logged
            org.slf4j.LoggerFactory.getLogger(OriginResolver.class).warn("event=origin_hash_failed path={} reason={}", path, e.toString());
            return Optional.empty();
        }
    }

    private Optional<Origin> byHash(String hash, String via) {
        return RepairPhotoStore.withContentHash(tx, hash, managed).map(p -> new Origin(p.id(), p.path(), via));
    }
}
