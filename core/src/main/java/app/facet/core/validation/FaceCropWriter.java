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
import java.util.List;
import java.util.OptionalLong;

/**
 * The only way face rows are inserted: every row is judged by the one rule set ({@link FaceRowRules}, every
 * {@link app.facet.core.rules.FaceRule}, files included) first. A refused row is never silent: it is logged
 * ({@code event=face_crop_rejected}), recorded in {@code rejected_writes} with the rules' reason codes, counted by the
 * caller, and its crop file is removed so it leaves nothing behind. The database triggers stay as a second line of
 * defence for writes that bypass this class.
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
     * Validates and inserts one face row inside the caller's transaction.
     *
     * @param scanRunId run to charge a rejection to, or null outside a scan
     * @return the new face id, or empty when the row was refused
     * @throws app.facet.core.catalog.CatalogException on a database error (the caller's transaction rolls back)
     */
    public OptionalLong insert(Tx tx, NewFaceCrop f, Long scanRunId) {
        List<RuleViolation> violations = violations(tx, f);
        if (!violations.isEmpty()) {
            reject(tx, f, scanRunId, RuleViolation.reasons(violations));
            return OptionalLong.empty();
        }
        return OptionalLong.of(store.insert(tx, f));
    }

    /** @return what the rules find wrong with {@code f}, empty when it may be written */
    public List<RuleViolation> violations(Tx tx, NewFaceCrop f) {
        FaceCropStore.PhotoFacts photo = store.photoFacts(tx, f.photoId());
        Integer dimension = f.embeddingModelId() == null ? null : store.modelDimension(tx, f.embeddingModelId());
        float[] e = f.embedding();
        FaceRowFacts facts = new FaceRowFacts(f.imagePath(), photo.photoPath(), f.cropPath(), f.box().x(), f.box().y(),
                f.box().w(), f.box().h(), photo.width(), photo.height(), f.detectionScore(),
                e == null ? null : Embeddings.toBytes(e).length, e, f.embeddingModelId(), dimension);
        return new FaceRowRules(managed, path -> store.isSomeCropPath(tx, path)).check(facts, true);
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
        Path p = Path.of(cropPath).toAbsolutePath().normalize();
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
