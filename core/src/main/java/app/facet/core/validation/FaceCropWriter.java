package app.facet.core.validation;

import app.facet.core.catalog.Embeddings;
import app.facet.core.catalog.FaceCropStore;
import app.facet.core.catalog.NewFaceCrop;
import app.facet.core.catalog.Tx;
import app.facet.core.rules.FaceRowFacts;
import app.facet.core.rules.FaceRowRules;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The only way face rows are inserted: every row is judged by the one rule set ({@link FaceRowRules}, every
 * {@link app.facet.core.rules.FaceRule}, files included) first. A refused row is never silent: it is logged
 * ({@code event=face_crop_rejected}), recorded in {@code rejected_writes} with the rules' reason codes, counted by the
 * caller, and its crop file is removed so it leaves nothing behind. The database triggers stay as a second line of
 * defence for writes that bypass this class. A crop path given absolute is stored relative to the library folder
 * ({@link ManagedFolder#toStored}), so that the library can be moved.
 */
public final class FaceCropWriter {
    private static final Logger log = LoggerFactory.getLogger(FaceCropWriter.class);

    private final ManagedFolder managed;
    private final Path cropsDir;
    private final FaceCropStore store = new FaceCropStore();

    /**
     * @param managed  the library's managed folder (crop paths must lie inside it)
     * @param cropsDir the folder crop files are written to; a refused row's crop file is deleted only there
     */
    public FaceCropWriter(ManagedFolder managed, Path cropsDir) {
        this.managed = managed;
        this.cropsDir = cropsDir.toAbsolutePath().normalize();
    }

    /**
     * Validates and inserts one face row inside the caller's transaction. To write several faces of one photo, judge
     * them with {@link #forPhoto(Tx, long)}, which reads the photo and model rows once.
     *
     * @param scanRunId run to charge a rejection to, or null outside a scan
     * @return the new face id, or empty when the row was refused
     * @throws app.facet.core.catalog.CatalogException on a database error (the caller's transaction rolls back)
     */
    public OptionalLong insert(Tx tx, NewFaceCrop f, Long scanRunId) {
        return forPhoto(tx, f.photoId()).insert(f, scanRunId);
    }

    /** @return what the rules find wrong with {@code f}, empty when it may be written */
    public List<RuleViolation> violations(Tx tx, NewFaceCrop f) {
        return forPhoto(tx, f.photoId()).violations(f);
    }

    /**
     * Reads photo {@code photoId}'s row (path, width and height after EXIF orientation) once, to judge and insert
     * several of its faces in the caller's transaction. Call it after the photo's image facts are written.
     *
     * @throws app.facet.core.catalog.CatalogException on a database error
     */
    public PhotoFaces forPhoto(Tx tx, long photoId) {
        return new PhotoFaces(tx, photoId, store.photoFacts(tx, photoId));
    }

    /** Judges and inserts the faces of one photo against facts read once (photo row, embedding model rows). */
    public final class PhotoFaces {
        private final Tx tx;
        private final long photoId;
        private final FaceCropStore.PhotoFacts photo;
        private final Map<String, Integer> dimensions = new HashMap<>();
        private final FaceRowRules rules;

        private PhotoFaces(Tx tx, long photoId, FaceCropStore.PhotoFacts photo) {
            this.tx = tx;
            this.photoId = photoId;
            this.photo = photo;
            this.rules = new FaceRowRules(managed, path -> store.isSomeCropPath(tx, path));
        }

        /**
         * Validates and inserts {@code f}, a face of this photo.
         *
         * @param scanRunId run to charge a rejection to, or null outside a scan
         * @return the new face id, or empty when the row was refused (logged, recorded, its crop file removed)
         * @throws IllegalArgumentException when {@code f} belongs to another photo
         */
        public OptionalLong insert(NewFaceCrop given, Long scanRunId) {
            NewFaceCrop f = stored(given);
            List<RuleViolation> violations = violations(f);
            if (!violations.isEmpty()) {
                reject(tx, f, scanRunId, RuleViolation.reasons(violations));
                return OptionalLong.empty();
            }
            return OptionalLong.of(store.insert(tx, f));
        }

        /** @return what the rules find wrong with {@code f}, empty when it may be written */
        public List<RuleViolation> violations(NewFaceCrop f) {
            if (f.photoId() != photoId) {
                throw new IllegalArgumentException("Face of photo " + f.photoId() + " judged as a face of photo " + photoId);
            }
            f = stored(f);
            float[] e = f.embedding();
            FaceRowFacts facts = new FaceRowFacts(f.imagePath(), photo.photoPath(), f.cropPath(), f.box().x(), f.box().y(),
                    f.box().w(), f.box().h(), photo.width(), photo.height(), f.detectionScore(),
                    e == null ? null : Embeddings.toBytes(e).length, e, f.embeddingModelId(), dimension(f.embeddingModelId()));
            return rules.check(facts, true);
        }

        private Integer dimension(String modelId) {
            if (modelId == null) {
                return null;
            }
            if (!dimensions.containsKey(modelId)) {
                dimensions.put(modelId, store.modelDimension(tx, modelId)); // null: not registered, remembered too
            }
            return dimensions.get(modelId);
        }
    }

    /** @return {@code f} with its crop path in the stored form: relative when inside the library folder */
    private NewFaceCrop stored(NewFaceCrop f) {
        String path = managed.toStored(f.cropPath());
        return java.util.Objects.equals(path, f.cropPath()) ? f : f.withCropPath(path);
    }

    private void reject(Tx tx, NewFaceCrop f, Long scanRunId, String reason) {
        log.warn("event=face_crop_rejected reason=\"{}\" photo_id={} image_path=\"{}\" crop_path=\"{}\"",
                reason, f.photoId(), f.imagePath(), f.cropPath());
        store.recordRejection(tx, f, scanRunId, reason);
        deleteOwnCrop(f.cropPath());
    }

    private void deleteOwnCrop(String cropPath) {
        if (cropPath == null) {
            return;
        }
        Path p = managed.file(cropPath);
        // Only ever delete inside our crops folder: a bad row must never make us delete a user's photo.
        if (p.startsWith(cropsDir)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                log.warn("event=crop_delete_failed path=\"{}\" error=\"{}\"", p, e.getMessage());
            }
        }
    }
}
