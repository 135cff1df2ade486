package app.facet.core.scan;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.DecisionStore;
import app.facet.core.decisions.DeletedFaces;
import app.facet.core.catalog.HeldDecision;
import app.facet.core.decisions.DecisionCarrier;
import app.facet.core.catalog.CatalogWriter;
import app.facet.core.catalog.FaceCropStore;
import app.facet.core.catalog.NewFaceCrop;
import app.facet.core.catalog.PendingPhoto;
import app.facet.core.catalog.PhotoStore;
import app.facet.core.catalog.Tx;
import app.facet.core.metadata.MetadataFaces;
import app.facet.core.validation.FaceCropWriter;
import app.facet.core.validation.FaceRowRevalidator;
import app.facet.model.AssignedBy;
import app.facet.model.ScanState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Stage 3 of a scan: writes one photo's {@link PhotoResult} in ONE transaction on the catalog's single writer thread
 * (a killed scan leaves the photo fully written or still pending), then checks only the rows it wrote
 * ({@link FaceRowRevalidator#flag}) inside the same transaction. Called from the worker threads; blocks until the
 * write committed or rolled back. The user's decisions held for a re-analysed photo are carried to its new faces
 * ({@link DecisionCarrier}) in the same transaction.
 */
final class PhotoSink {
    private static final Logger log = LoggerFactory.getLogger(PhotoSink.class);

    private final CatalogWriter writer;
    private final FaceCropWriter faceWriter;
    private final FaceRowRevalidator flagging;
    private final FaceCropStore faces = new FaceCropStore();
    private final DecisionCarrier carrier = new DecisionCarrier();
    private final MetadataFaces metadataFaces = new MetadataFaces();
    private final PhotoAnalyzer analyzer;
    private final CropFiles crops;
    private final long runId;

    /** @param analyzer cuts hand-drawn boxes again ({@link PhotoAnalyzer#analyzeBox}); its detector id is recorded on failures */
    PhotoSink(CatalogWriter writer, FaceCropWriter faceWriter, FaceRowRevalidator flagging, PhotoAnalyzer analyzer,
              CropFiles crops, long runId) {
        this.writer = writer;
        this.faceWriter = faceWriter;
        this.flagging = flagging;
        this.analyzer = analyzer;
        this.crops = crops;
        this.runId = runId;
    }

    /**
     * @return what was stored; a failed write is returned as {@link PhotoOutcome#writeFailed()} (the crop files are
     *         removed, the photo stays pending)
     * @throws app.facet.core.catalog.CatalogException when a failure cannot be recorded at all
     */
    PhotoOutcome write(PhotoResult result) {
        if (result instanceof PhotoResult.Failed failed) {
            log.warn("event=photo_failed photo=\"{}\" reason=\"{}\"", failed.photo().path(), failed.reason());
            try {
                boolean recorded = writer.call(tx -> {
                    if (!PhotoStore.stillPending(tx, failed.photo().id(), failed.photo().contentHash())) {
                        return false;
                    }
                    PhotoStore.recordFailed(tx, failed.photo().id(), failed.reason(), analyzer.detectorId());
                    return true;
                });
                return recorded ? PhotoOutcome.failed(failed.code()) : skipped(failed.photo());
            } catch (RuntimeException e) {
                return rolledBack(failed.photo(), List.of(), e);
            }
        }
        PhotoResult.Analysed analysed = (PhotoResult.Analysed) result;
        List<String> recutCrops = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        PhotoOutcome outcome;
        try {
            outcome = writer.call(tx -> {
                recutCrops.clear();
                unused.clear();
                return store(tx, analysed, recutCrops, unused);
            });
            if (outcome == null) {
                CropFiles.deleteQuietly(analysed.allCropPaths());
                return skipped(analysed.photo());
            }
        } catch (RuntimeException e) {
            CropFiles.deleteQuietly(recutCrops);
            return rolledBack(analysed.photo(), analysed.allCropPaths(), e);
        }
        CropFiles.deleteQuietly(unused);
        return outcome;
    }

    /** Drops a result without writing it (the scan stopped): the photo stays pending, its crop files go. */
    void discard(PhotoResult result) {
        if (result instanceof PhotoResult.Analysed a) {
            CropFiles.deleteQuietly(a.allCropPaths());
        }
    }

    private static PhotoOutcome skipped(PendingPhoto photo) {
        log.warn("event=photo_write_skipped reason=state_changed photo=\"{}\"", photo.path());
        return PhotoOutcome.skipped();
    }

    /** The transaction rolled back: remove the crops it would have referenced, leave the photo pending. */
    private static PhotoOutcome rolledBack(PendingPhoto photo, List<String> cropPaths, RuntimeException e) {
        CropFiles.deleteQuietly(cropPaths);
        boolean full = isDiskFull(e);
        log.error("event=photo_write_failed photo=\"{}\" disk_full={} error=\"{}\"", photo.path(), full, e.getMessage());
        return full ? PhotoOutcome.diskFull() : PhotoOutcome.writeFailed();
    }

    private static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("SQLITE_FULL") || m.contains("disk is full") || m.contains("No space left")) {
                return true;
            }
        }
        return false;
    }

    /** @return what was stored, or null when the photo is no longer in the state the scan read (nothing written) */
    private PhotoOutcome store(Tx tx, PhotoResult.Analysed analysed, List<String> recutCrops, List<String> unused) {
        // compare-and-set: another scan, a repair or a restore may have written this photo since it was read
        if (!PhotoStore.stillPending(tx, analysed.photo().id(), analysed.photo().contentHash())) {
            return null;
        }
        List<String> dropped = new ArrayList<>();
        PhotoResult.Analysed kept = withoutDeleted(tx, analysed, dropped);
        unused.addAll(dropped);
        return storeKept(tx, kept, dropped.size(), recutCrops, unused);
    }

    /** {@link #store} of a photo still pending, without the detections of faces the user deleted. */
    private PhotoOutcome storeKept(Tx tx, PhotoResult.Analysed r, int deletedKept, List<String> recutCrops, List<String> unused) {
        long id = r.photo().id();
        PhotoAnalysis a = r.analysis();
        // a pending photo has no faces; deleting first keeps a re-run idempotent whatever happened before
        faces.deleteFacesOfPhoto(tx, id);
        // image facts first: the rules check every box against the width and height
        PhotoStore.recordImageFacts(tx, id, a.width(), a.height(), a.orientation(), a.takenAt());
        FaceCropWriter.PhotoFaces judge = faceWriter.forPhoto(tx, id);
        List<HeldDecision> held = DecisionStore.awaiting(tx, id);
        boolean noFaces = DecisionStore.noFacesByUser(tx, id);
        List<MetadataFaces.WrittenFace> placed = new ArrayList<>();
        DecisionCarrier.Result carried = carrier.carry(tx, held, noFaces, a, box -> analyzer.analyzeBox(Path.of(r.photo().path()), box),
                (face, detection, personId) -> {
                    String crop = detection >= 0 ? r.cropPaths().get(detection) : recut(r, face, recutCrops);
                    OptionalLong row = judge.insert(newFace(r, face, crop, personId), runId);
                    row.ifPresent(faceId -> placed.add(new MetadataFaces.WrittenFace(faceId, face.box())));
                    return row;
                });
        carried.unusedDetections().forEach(i -> unused.add(r.cropPaths().get(i)));
        // face regions from the photo's XMP become user decisions on these faces (or faces of their own)
        MetadataFaces.Applied regions = metadataFaces.apply(tx, id, r.regions(), placed, noFaces, a.width(), a.height(),
                (face, crop, personId) -> judge.insert(newFace(r, face, crop, personId), runId));
        PhotoOutcome.RegionTally tally = new PhotoOutcome.RegionTally(regions.named(), regions.renamed(),
                regions.newFaces().size(), regions.conflicts(), regions.review() - regions.conflicts(),
                deletedKept + regions.deletedKept());
        unused.addAll(regions.unusedCrops());
        List<Long> written = new ArrayList<>(carried.written());
        written.addAll(regions.newFaces());
        long flagged = flagging.flag(tx, written).flaggedInvalid();
        int stored = a.faces().size() - carried.unusedDetections().size() + recutCrops.size() + regions.attempted();
        int rejected = stored - written.size();
        if (stored == 0) {
            PhotoStore.recordScanned(tx, id, ScanState.NO_FACES, a.detectorId(), a.embeddingModelId());
            return new PhotoOutcome(ScanState.NO_FACES, 0, 0, flagged, null, carried.carried(), carried.needingReview(), tally);
        }
        if (written.isEmpty()) {
            PhotoStore.recordFailed(tx, id, "faces_rejected: all " + rejected
                    + " detected faces failed validation (see rejected_writes)", a.detectorId());
            return new PhotoOutcome(ScanState.FAILED, 0, rejected, flagged, "faces_rejected", carried.carried(), carried.needingReview(), tally);
        }
        PhotoStore.recordScanned(tx, id, ScanState.DONE, a.detectorId(), a.embeddingModelId());
        return new PhotoOutcome(ScanState.DONE, written.size(), rejected, flagged, null, carried.carried(), carried.needingReview(), tally);
    }

    /**
     * Drops the detections at the place of a face the user deleted ({@link DeletedFaces}): the deletion is the user's
     * decision, a re-analysis does not undo it. Their crop files go to {@code unused}.
     */
    private static PhotoResult.Analysed withoutDeleted(Tx tx, PhotoResult.Analysed r, List<String> unused) {
        PhotoAnalysis a = r.analysis();
        boolean[] drop = DeletedFaces.dropped(tx, r.photo().id(), r.photo().path(), a.width(), a.height(),
                a.faces().stream().map(AnalyzedFace::box).toList());
        List<AnalyzedFace> faces = new ArrayList<>();
        List<String> crops = new ArrayList<>();
        for (int i = 0; i < a.faces().size(); i++) {
            if (drop[i]) {
                unused.add(r.cropPaths().get(i));
            } else {
                faces.add(a.faces().get(i));
                crops.add(r.cropPaths().get(i));
            }
        }
        if (faces.size() == a.faces().size()) {
            return r;
        }
        return new PhotoResult.Analysed(r.photo(), new PhotoAnalysis(a.width(), a.height(), a.orientation(), a.takenAt(),
                a.detectorId(), a.embeddingModelId(), faces), crops, r.regions());
    }

    /** Writes the crop file of a hand-drawn box cut again. @return its path */
    private String recut(PhotoResult.Analysed r, AnalyzedFace face, List<String> recutCrops) {
        try {
            String path = crops.writeRecut(r.photo().id(), runId, recutCrops.size(), face);
            recutCrops.add(path);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the crop of a hand-drawn box to " + crops.folder() + ": " + e.getMessage(), e);
        }
    }

    private static NewFaceCrop newFace(PhotoResult.Analysed r, AnalyzedFace f, String cropPath, Long personId) {
        return new NewFaceCrop(r.photo().id(), r.photo().path(), cropPath, f.box(), f.landmarks(), f.detectionScore(),
                f.detector(), f.quality(), f.embedding(), f.embedding() == null ? null : r.analysis().embeddingModelId(),
                personId, personId == null ? AssignedBy.NONE : AssignedBy.USER);
    }
}
