package app.facet.core.editor;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.CropFileJanitor;
import app.facet.core.catalog.EditStore;
import app.facet.core.catalog.PhotoScanRow;
import app.facet.core.catalog.PlacementStore;
import app.facet.core.decisions.DeletedFaces;
import app.facet.core.decisions.FaceMatcher;
import app.facet.core.decisions.SameFace;
import app.facet.core.validation.FaceCropWriter;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.catalog.Tx;
import app.facet.core.catalog.NewFaceCrop;
import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.ScanState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Detects the faces of one photo again (dashboard "Re-detect photo"): the photo goes back through the same
 * analysis as a scan ({@link PhotoAnalyzer#analyze}) and its face rows are replaced, in one transaction, by what
 * the analysis finds, each row through {@link FaceCropWriter}. The user's decisions survive where they still apply:
 * a new face that {@link FaceMatcher} (the one matcher of old and new faces, also used when a scan re-analyses an
 * edited photo) pairs with an old one takes over its person (user or auto), "not a face" mark, refusals and cover
 * role; the user's decisions on an old face nothing pairs with are kept for review ({@code orphaned_decisions}). A new
 * detection at the place of a face the user deleted ({@link DeletedFaces#dropped}, the scan's rule) is not stored and its
 * crop file goes, unless it pairs with a face the photo has now (a box the user drew there after the delete stands). A
 * photo that now fails analysis is recorded {@code failed} with the reason and loses its faces, as a scan of a changed
 * file would do.
 * <p>
 * Thread-safe; blocks for one analysis: call it off the UI thread.
 */
public final class PhotoRedetector {
    private static final Logger log = LoggerFactory.getLogger(PhotoRedetector.class);

    private final Catalog catalog;
    private final PhotoAnalyzer analyzer;
    private final CropFiles crops;
    private final ManagedFolder managed;

    public PhotoRedetector(Catalog catalog, PhotoAnalyzer analyzer) {
        this.catalog = catalog;
        this.analyzer = analyzer;
        this.crops = new CropFiles(catalog.location().cropsDir());
        this.managed = ManagedFolder.of(catalog.location().managedDir());
    }

    /**
     * @throws FaceEditException when the photo is not in the catalog or its file is gone, or the catalog write fails
     *         (nothing is changed then)
     */
    public RedetectResult redetect(long photoId) {
        PhotoScanRow photo;
        try {
            photo = EditStore.read(catalog, s -> s.photo(photoId)).orElseThrow(() -> new FaceEditException("Photo " + photoId + " is no longer in the catalog."));
        } catch (CatalogException e) {
            throw new FaceEditException("Cannot read photo " + photoId + ": " + e.getMessage(), e);
        }
        Path path = Path.of(photo.path());
        if (!Files.isRegularFile(path)) {
            throw new FaceEditException("The photo " + photo.path() + " is not on disk, so its faces cannot be detected again.");
        }
        PhotoAnalysis analysis;
        try {
            analysis = analyzer.analyze(path);
        } catch (PhotoAnalysisException e) {
            return recordFailure(photo, e.reason().code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("event=analysis_error photo=\"{}\"", path, e);
            return recordFailure(photo, "analysis_error: " + e);
        }
        List<String> written;
        try {
            written = crops.write(photoId, "d", analysis.faces().stream().map(AnalyzedFace::cropJpeg).toList());
        } catch (IOException e) {
            throw new FaceEditException("Cannot write the face crops to " + catalog.location().cropsDir() + ": " + e.getMessage(), e);
        }
        RedetectResult result;
        List<String> unused = new ArrayList<>();
        try {
            result = EditStore.write(catalog, s -> {
                unused.clear();
                return replace(s, photo, analysis, written, unused);
            });
        } catch (RuntimeException e) {
            crops.delete(written);
            throw e instanceof FaceEditException fe ? fe
                    : new FaceEditException("Could not store the faces found in " + path.getFileName() + ": " + e.getMessage(), e);
        }
        // crops of detections not stored (deleted faces): no row references them
        crops.delete(unused);
        sweep();
        log.info("event=photo_redetected photo={} before={} after={} kept={} rejected={} deletions_kept={} state={}", photoId,
                result.facesBefore(), result.facesAfter(), result.kept(), result.rejected(), result.notRestored(),
                result.scanState().sql());
        return result;
    }

    /** An old face row and the decisions that may carry over to a new face at its place. */
    private record OldFace(long id, BoundingBox box, Long personId, AssignedBy assignedBy, boolean notAFace) {
    }

    /** @param unused receives the crop files of detections not stored because they show a deleted face again */
    private RedetectResult replace(EditStore s, PhotoScanRow photo, PhotoAnalysis analysis, List<String> cropPaths, List<String> unused) {
        PhotoScanRow now = s.photo(photo.id()).orElseThrow(() -> new FaceEditException("The photo was removed from the catalog meanwhile."));
        if (!now.path().equals(photo.path())) {
            throw new FaceEditException("The photo moved while its faces were detected again: try again.");
        }
        List<OldFace> old = oldFaces(s, photo.id());
        String modelId = analysis.embeddingModelId();
        if (modelId != null && analysis.faces().stream().anyMatch(f -> f.embedding() != null)) {
            s.registerEmbeddingModel(modelId, analyzer.embeddingDimension().orElseThrow(), analyzer.embeddingModelSha256().orElse(""));
        }
        s.recordImageFacts(photo.id(), analysis.width(), analysis.height(), analysis.orientation(), analysis.takenAt());
        FaceCropWriter writer = new FaceCropWriter(managed, catalog.location().cropsDir());
        PlacementStore people = s.people();
        List<OldFace> matchable = old.stream().filter(o -> o.box() != null).toList();
        FaceMatcher.Matching matching = SameFace.matcherFor(modelId).match(photo.width(), photo.height(),
                matchable.stream().map(o -> new FaceMatcher.Face(o.box(), null, null)).toList(), analysis.width(), analysis.height(),
                analysis.faces().stream().map(f -> new FaceMatcher.Face(f.box(), null, null)).toList());
        boolean[] deleted = deletedAgain(s, photo, analysis, matching);
        boolean[] taken = new boolean[matchable.size()];
        int stored = 0, rejected = 0, kept = 0, notRestored = 0;
        for (int i = 0; i < analysis.faces().size(); i++) {
            AnalyzedFace f = analysis.faces().get(i);
            if (deleted[i]) {
                notRestored++;
                unused.add(cropPaths.get(i));
                continue;
            }
            int match = matching.oldOf(i);
            OldFace o = match < 0 ? null : matchable.get(match);
            Long personId = o == null ? null : o.personId();
            AssignedBy by = o == null || o.personId() == null ? AssignedBy.NONE : o.assignedBy();
            NewFaceCrop row = new NewFaceCrop(photo.id(), photo.path(), cropPaths.get(i), f.box(), f.landmarks(),
                    f.detectionScore(), f.detector(), f.quality(), f.embedding(), f.embedding() == null ? null : modelId,
                    personId, by);
            OptionalLong id = s.insertFace(writer::insert, row);
            if (id.isEmpty()) {
                rejected++;
                continue;
            }
            stored++;
            if (o != null) {
                taken[match] = true;
                kept++;
                if (o.notAFace()) {
                    people.markNotAFace(id.getAsLong());
                }
                people.inherit(o.id(), id.getAsLong(), personId);
            }
        }
        List<Long> unmatched = new ArrayList<>();
        for (int i = 0; i < matchable.size(); i++) {
            if (!taken[i]) {
                unmatched.add(matchable.get(i).id());
            }
        }
        // the user's decisions on faces the new detection does not have are kept for review, never dropped
        s.holdForReview(unmatched, "Detecting the faces again found no face at this place.");
        for (OldFace o : old) {
            s.deleteFace(o.id());
        }
        ScanState state;
        String failure = null;
        if (analysis.faces().size() == notRestored) {
            state = ScanState.NO_FACES;
            s.recordAnalysed(photo.id(), analysis.width(), analysis.height(), analysis.orientation(), analysis.takenAt(),
                    state, analysis.detectorId(), modelId);
            if (notRestored > 0) {
                // every face found is one the user deleted: the photo has no faces by the user's decisions
                s.recordNoFaces(photo.id());
            }
        } else if (stored == 0) {
            state = ScanState.FAILED;
            failure = "faces_rejected: all " + rejected + " detected faces failed validation (see rejected_writes)";
            s.recordFailed(photo.id(), failure, analysis.detectorId());
        } else {
            state = ScanState.DONE;
            s.recordAnalysed(photo.id(), analysis.width(), analysis.height(), analysis.orientation(), analysis.takenAt(),
                    state, analysis.detectorId(), modelId);
        }
        return new RedetectResult(photo.id(), old.size(), stored, kept, rejected, state, failure, notRestored);
    }

    /**
     * @return for each detection, true when it shows a face the user deleted again and pairs with no face the photo has
     *         now (a face at that place now, e.g. a box drawn after the delete, is the user's newer decision)
     */
    private static boolean[] deletedAgain(EditStore s, PhotoScanRow photo, PhotoAnalysis analysis, FaceMatcher.Matching matching) {
        List<Integer> unpaired = new ArrayList<>();
        for (int i = 0; i < analysis.faces().size(); i++) {
            if (matching.oldOf(i) < 0) {
                unpaired.add(i);
            }
        }
        boolean[] out = new boolean[analysis.faces().size()];
        boolean[] drop = s.people().onTx(tx -> DeletedFaces.dropped(tx, photo.id(), photo.path(), analysis.width(), analysis.height(),
                unpaired.stream().map(i -> analysis.faces().get(i).box()).toList()));
        for (int k = 0; k < drop.length; k++) {
            out[unpaired.get(k)] = drop[k];
        }
        return out;
    }

    /** The photo's face rows, by id; a degenerate stored box is null (it matches no new face). */
    private static List<OldFace> oldFaces(EditStore s, long photoId) {
        return s.facesById(photoId).stream()
                .map(f -> new OldFace(f.id(), f.box(), f.personId(), f.assignedBy(), f.notAFace())).toList();
    }

    private RedetectResult recordFailure(PhotoScanRow photo, String reason) {
        log.warn("event=photo_failed photo=\"{}\" reason=\"{}\"", photo.path(), reason);
        try {
            int before = EditStore.write(catalog, s -> {
                int n = s.faceIdsOf(photo.id()).size();
                s.deleteFacesOf(photo.id());
                s.recordFailed(photo.id(), reason, analyzer.detectorId());
                return n;
            });
            sweep();
            return new RedetectResult(photo.id(), before, 0, 0, 0, ScanState.FAILED, reason);
        } catch (CatalogException e) {
            throw new FaceEditException("Could not record that " + photo.path() + " cannot be analysed: " + e.getMessage(), e);
        }
    }

    private void sweep() {
        try {
            new CropFileJanitor(catalog).sweep();
        } catch (CatalogException e) {
            log.warn("event=crop_sweep_failed error=\"{}\"", e.getMessage());
        }
    }
}
