package app.facet.core.editor;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.CropFileJanitor;
import app.facet.core.catalog.EditStore;
import app.facet.core.catalog.FaceDeletionStore;
import app.facet.core.catalog.FacesOfPhoto;
import app.facet.core.catalog.PhotoScanRow;
import app.facet.core.catalog.PlacementStore;
import app.facet.core.validation.FaceCropWriter;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.catalog.Tx;
import app.facet.core.catalog.NewFaceCrop;
import app.facet.model.AssignedBy;
import app.facet.model.Face;
import app.facet.model.ScanState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The manual face crop editor's core: opens an original photo of the catalog for editing and saves the user's box
 * edits atomically.
 * <ul>
 *   <li>{@link #open} refuses, with an {@link EditRefusedException} saying why in one sentence, anything that is not
 *       an analysed original photo of this catalog: a face crop (inside the managed folder, or any row's crop_path),
 *       a file outside the catalog, a missing file, a photo not scanned yet or that failed analysis.</li>
 *   <li>{@link #save} computes everything from the original file and the box ({@link PhotoAnalyzer#analyzeBox}: crop,
 *       landmarks re-detected inside the box when a face is found there, aligned embedding, quality), never from
 *       pixels a UI sends; writes the crop files first, then applies every edit in ONE transaction, each new row
 *       through {@link FaceCropWriter} (the single validator). A failure anywhere rolls everything back and removes
 *       the new crop files; crop files of deleted rows are removed only after the commit ({@link CropFileJanitor}).</li>
 *   <li>A photo left without any face is recorded {@code no_faces} (the scan never analyses it again unless its file
 *       changes), and its remaining "not a face" rows go too.</li>
 * </ul>
 * Thread-safe; every call blocks (decoding and embedding take a fraction of a second per box): call it off the UI thread.
 */
public final class FaceEditService {
    private static final Logger log = LoggerFactory.getLogger(FaceEditService.class);

    private final Catalog catalog;
    private final PhotoAnalyzer analyzer;
    private final PhotoGate gate;
    private final CropFiles crops;
    private final ManagedFolder managed;

    public FaceEditService(Catalog catalog, PhotoAnalyzer analyzer) {
        this.catalog = catalog;
        this.analyzer = analyzer;
        this.gate = new PhotoGate(catalog.location());
        this.crops = new CropFiles(catalog.location().cropsDir());
        this.managed = ManagedFolder.of(catalog.location().managedDir());
    }

    /**
     * @param photo path of the file the user asked to edit (absolute or relative to the working directory)
     * @return the photo with its drawable face rows; boxes in original-image pixels after EXIF orientation
     * @throws EditRefusedException when the file is not an analysed original photo of this catalog (nothing is opened)
     * @throws CatalogException on a database error
     */
    public EditablePhoto open(Path photo) throws EditRefusedException {
        Objects.requireNonNull(photo, "photo");
        try {
            return EditStore.read(catalog, s -> editable(s, gate.admit(s, photo)));
        } catch (CatalogException e) {
            throw new CatalogException("Cannot open " + photo + " for editing: " + e.getMessage(), e.getCause());
        }
    }

    /** As {@link #open(Path)}, for a photo of the catalog chosen by id (dashboard, viewer). */
    public EditablePhoto open(long photoId) throws EditRefusedException {
        try {
            return EditStore.read(catalog, s -> {
                PhotoScanRow row = s.photo(photoId).orElseThrow(() -> new EditRefusedException(EditRefusedException.Reason.NOT_IN_CATALOG,
                        "photo " + photoId, "Photo " + photoId + " is no longer in the catalog."));
                return editable(s, gate.admit(s, Path.of(row.path())));
            });
        } catch (CatalogException e) {
            throw new CatalogException("Cannot open photo " + photoId + " for editing: " + e.getMessage(), e.getCause());
        }
    }

    /** Rows whose stored box is degenerate (a null box) cannot be drawn: they are left out and counted. */
    private static EditablePhoto editable(EditStore store, PhotoScanRow row) {
        FacesOfPhoto read = store.facesOf(row.id());
        List<Face> drawable = read.faces().stream().filter(f -> f.box() != null).toList();
        int undrawable = read.faces().size() - drawable.size();
        return new EditablePhoto(row.id(), row.path(), row.width(), row.height(), row.state(), drawable,
                read.unreadable() + undrawable);
    }

    /**
     * Applies {@code edits} to the photo's faces, all or nothing.
     *
     * @param edits new boxes, moved/resized boxes, deletions and person changes; a face id may appear once
     * @return what changed
     * @throws FaceEditException when the photo cannot be edited, an edit names a face not on the photo, a box cannot be
     *         analysed, a row is refused by the validator, a named person is gone, or the catalog write fails;
     *         nothing is changed then
     */
    public SaveResult save(long photoId, List<EditedBox> edits) {
        List<EditedBox> list = List.copyOf(edits);
        Set<Long> seen = new HashSet<>();
        for (EditedBox e : list) {
            if (e.faceId() != null && !seen.add(e.faceId())) {
                throw new FaceEditException("Face " + e.faceId() + " is edited twice in one save.");
            }
        }
        PhotoScanRow photo = readEditable(photoId, seen);

        List<AnalyzedFace> analysed = new ArrayList<>();
        for (EditedBox e : list) {
            if (!e.delete() && e.box() != null) {
                analysed.add(analyse(photo, e));
            }
        }
        List<String> written;
        try {
            written = crops.write(photoId, "e", analysed.stream().map(AnalyzedFace::cropJpeg).toList());
        } catch (IOException e) {
            throw new FaceEditException("Cannot write the face crops to " + catalog.location().cropsDir() + ": " + e.getMessage(), e);
        }
        SaveResult result;
        try {
            result = EditStore.write(catalog, s -> apply(s, photo, list, analysed, written));
        } catch (RejectedRow r) {
            crops.delete(written);
            recordRejection(photo, r);
            throw new FaceEditException("The face could not be saved: " + r.reason + ".");
        } catch (CatalogException e) {
            crops.delete(written);
            throw new FaceEditException("Could not save the faces of " + Path.of(photo.path()).getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            crops.delete(written);
            throw e instanceof FaceEditException fe ? fe
                    : new FaceEditException("Could not save the faces of " + Path.of(photo.path()).getFileName() + ": " + e.getMessage(), e);
        }
        sweepCrops();
        log.info("event=faces_edited photo={} added={} moved={} deleted={} reassigned={} state={}", photoId, result.added(),
                result.moved(), result.deleted(), result.reassigned(), result.scanState().sql());
        return result;
    }

    /**
     * Deletes face rows (dashboard "Delete"), in one transaction; a photo left without faces becomes {@code no_faces}.
     * Their crop files are removed after the commit.
     *
     * @return rows deleted (ids no longer in the catalog are ignored)
     * @throws FaceEditException when the catalog write fails (nothing is deleted then)
     */
    public int deleteFaces(Collection<Long> faceIds) {
        Set<Long> ids = new LinkedHashSet<>(faceIds);
        if (ids.isEmpty()) {
            return 0;
        }
        int deleted;
        try {
            deleted = EditStore.write(catalog, s -> removeFaces(s, ids, true));
        } catch (CatalogException e) {
            throw new FaceEditException("Could not delete the faces: " + e.getMessage(), e);
        }
        sweepCrops();
        log.info("event=faces_deleted count={} ids={}", deleted, ids);
        return deleted;
    }

    /**
     * The one removal of face rows a user's delete makes, in the caller's transaction ({@link #deleteFaces}; a restore
     * applying an exported deletion): each row deleted (its crop file queued for removal by the catalog's trigger: sweep
     * with {@link CropFileJanitor} after the commit), and each analysed photo that lost a face settled ({@code no_faces}
     * by the user when none is left, else {@code done}).
     *
     * @param remember true to remember each face in {@code face_deletions} first (the user's delete); false when the
     *                 caller records the deletion itself (a restore records the exported one)
     * @return rows deleted (ids no longer in the catalog are ignored)
     * @throws CatalogException on a database error (the caller's transaction then rolls back)
     */
    public static int removeFaces(EditStore s, Collection<Long> faceIds, boolean remember) {
        Set<Long> photos = new LinkedHashSet<>();
        int n = 0;
        for (long id : new LinkedHashSet<>(faceIds)) {
            OptionalLong photo = s.photoOfFace(id);
            if (photo.isEmpty()) {
                continue;
            }
            photos.add(photo.getAsLong());
            if (remember) {
                // the deletion is the user's decision: a re-analysis must not bring the face back
                s.people().onTx(tx -> FaceDeletionStore.remember(tx, List.of(id)));
            }
            n += s.deleteFace(id);
        }
        for (long photoId : photos) {
            PhotoScanRow p = s.photo(photoId).orElse(null);
            if (p != null && (p.state() == ScanState.DONE || p.state() == ScanState.NO_FACES)) {
                settleState(s, photoId);
            }
        }
        return n;
    }

    /**
     * The user says the photo shows no face: every face row of the photo goes (boxes the user drew, "not a face" rows and
     * rows whose stored box is degenerate included), in one transaction, and the photo is recorded {@code no_faces} by
     * the user, so a later scan keeps it so while the file is unchanged. Crop files are removed after the commit.
     *
     * @return face rows deleted (0 when the photo had none; it is still recorded as the user's "no faces")
     * @throws FaceEditException when the photo is not an analysed original of this catalog, or the catalog write fails
     *                           (nothing is changed then)
     */
    public int clearFaces(long photoId) {
        PhotoScanRow photo = readEditable(photoId, Set.of());
        int deleted;
        try {
            deleted = EditStore.write(catalog, s -> {
                int n = 0;
                for (long id : s.faceIdsOf(photo.id())) {
                    n += s.deleteFace(id);
                }
                settleState(s, photo.id());
                return n;
            });
        } catch (CatalogException e) {
            throw new FaceEditException("Could not clear the faces of " + Path.of(photo.path()).getFileName() + ": " + e.getMessage(), e);
        }
        sweepCrops();
        log.info("event=faces_cleared photo={} deleted={}", photoId, deleted);
        return deleted;
    }

    // ---- save, step by step ----

    private PhotoScanRow readEditable(long photoId, Set<Long> editedIds) {
        try {
            return EditStore.read(catalog, s -> {
                PhotoScanRow photo = s.photo(photoId).orElseThrow(() -> new FaceEditException("Photo " + photoId + " is no longer in the catalog."));
                try {
                    gate.check(photo, photo.path());
                } catch (EditRefusedException e) {
                    throw new FaceEditException(e.getMessage());
                }
                Set<Long> onPhoto = s.faceIdsOf(photoId);
                for (long id : editedIds) {
                    if (!onPhoto.contains(id)) {
                        throw new FaceEditException("Face " + id + " is not on this photo (any more): reopen the photo and edit again.");
                    }
                }
                return photo;
            });
        } catch (CatalogException e) {
            throw new FaceEditException("Cannot read photo " + photoId + ": " + e.getMessage(), e);
        }
    }

    private AnalyzedFace analyse(PhotoScanRow photo, EditedBox e) {
        try {
            return analyzer.analyzeBox(Path.of(photo.path()), e.box());
        } catch (PhotoAnalysisException ex) {
            throw new FaceEditException("The box " + describe(e) + " cannot be analysed: " + ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            log.error("event=box_analysis_error photo=\"{}\" box={}", photo.path(), e.box(), ex);
            throw new FaceEditException("The box " + describe(e) + " cannot be analysed: " + ex.getMessage(), ex);
        }
    }

    private static String describe(EditedBox e) {
        var b = e.box();
        return String.format(java.util.Locale.ROOT, "(%.0f, %.0f, %.0f x %.0f)", b.x(), b.y(), b.w(), b.h());
    }

    private SaveResult apply(EditStore s, PhotoScanRow photo, List<EditedBox> edits, List<AnalyzedFace> analysed, List<String> cropPaths) {
        PhotoScanRow now = s.photo(photo.id()).orElseThrow(() -> new FaceEditException("The photo was removed from the catalog while you were editing it."));
        if (!now.path().equals(photo.path()) || now.state() == ScanState.PENDING || now.state() == ScanState.FAILED) {
            throw new FaceEditException("The photo changed in the catalog while you were editing it (moved or rescanned): reopen it and edit again.");
        }
        Set<Long> onPhoto = s.faceIdsOf(photo.id());
        for (EditedBox e : edits) {
            if (e.faceId() != null && !onPhoto.contains(e.faceId())) {
                throw new FaceEditException("Face " + e.faceId() + " was removed while you were editing: reopen the photo and edit again.");
            }
        }
        String modelId = null;
        if (analysed.stream().anyMatch(f -> f.embedding() != null)) {
            modelId = analyzer.embeddingModelId().orElseThrow(() -> new IllegalStateException("embedding without a model id"));
            s.registerEmbeddingModel(modelId, analyzer.embeddingDimension().orElseThrow(), analyzer.embeddingModelSha256().orElse(""));
        }
        int deleted = 0;
        for (EditedBox e : edits) {
            if (e.delete()) {
                s.people().onTx(tx -> FaceDeletionStore.remember(tx, List.of(e.faceId())));
                s.deleteFace(e.faceId());
                deleted++;
            }
        }
        Placed placed = placeBoxes(s, photo, edits, analysed, cropPaths, modelId);
        int reassigned = 0, created = placed.created;
        PlacementStore people = s.people();
        for (EditedBox e : edits) {
            if (e.delete() || e.box() != null) {
                continue;
            }
            if (e.assignment() instanceof PersonAssignment.Nobody) {
                reassigned += PeopleRules.unassign(people, e.faceId()) ? 1 : 0;
            } else if (!(e.assignment() instanceof PersonAssignment.Keep)) {
                PeopleRules.Resolved r = PeopleRules.resolve(people, e.assignment());
                created += r.created() ? 1 : 0;
                reassigned += PeopleRules.assign(people, e.faceId(), r.personId()) ? 1 : 0;
            }
        }
        ScanState state = settleState(s, photo.id());
        return new SaveResult(photo.id(), placed.added, placed.moved, deleted, reassigned, placed.newIds, state, created);
    }

    /** What {@link #placeBoxes} stored. */
    private record Placed(int added, int moved, int created, List<Long> newIds) {
    }

    /** Stores the new and moved boxes, each through the validator; a moved box replaces its old row. */
    private Placed placeBoxes(EditStore s, PhotoScanRow photo, List<EditedBox> edits, List<AnalyzedFace> analysed,
                              List<String> cropPaths, String modelId) {
        FaceCropWriter writer = new FaceCropWriter(managed, catalog.location().cropsDir());
        PlacementStore people = s.people();
        int added = 0, moved = 0, created = 0;
        List<Long> newIds = new ArrayList<>();
        int k = 0;
        for (EditedBox e : edits) {
            if (e.delete() || e.box() == null) {
                continue;
            }
            AnalyzedFace f = analysed.get(k);
            String crop = cropPaths.get(k);
            k++;
            Long oldPerson = e.isMove() ? people.personOf(e.faceId()) : null;
            AssignedBy oldBy = e.isMove() ? people.assignedBy(e.faceId()) : AssignedBy.NONE;
            Long personId;
            AssignedBy by;
            if (e.assignment() instanceof PersonAssignment.Keep) {
                personId = oldPerson;
                by = oldBy;
            } else if (e.assignment() instanceof PersonAssignment.Nobody) {
                personId = null;
                by = AssignedBy.NONE;
            } else {
                PeopleRules.Resolved r = PeopleRules.resolve(people, e.assignment());
                created += r.created() ? 1 : 0;
                personId = r.personId();
                by = AssignedBy.USER;
            }
            NewFaceCrop row = new NewFaceCrop(photo.id(), photo.path(), crop, f.box(), f.landmarks(), f.detectionScore(),
                    f.detector(), f.quality(), f.embedding(), f.embedding() == null ? null : modelId, personId, by);
            OptionalLong id = s.insertFace(writer::insert, row);
            if (id.isEmpty()) {
                throw new RejectedRow(s.lastRejection(), crop);
            }
            newIds.add(id.getAsLong());
            if (e.isMove()) {
                people.inherit(e.faceId(), id.getAsLong(), personId);
                if (personId == null && oldPerson != null) {
                    people.refuse(id.getAsLong(), oldPerson);
                }
                s.deleteFace(e.faceId());
                moved++;
            } else {
                added++;
            }
        }
        return new Placed(added, moved, created, newIds);
    }

    /**
     * A photo without faces is {@code no_faces} (and loses its leftover "not a face" rows); one with faces is {@code done}.
     */
    static ScanState settleState(EditStore s, long photoId) {
        if (s.countFaces(photoId) == 0) {
            s.recordNoFaces(photoId);
            return ScanState.NO_FACES;
        }
        s.recordDone(photoId);
        return ScanState.DONE;
    }

    /** The save rolled back, and the validator's record with it: record the refusal again, so it is never silent. */
    private void recordRejection(PhotoScanRow photo, RejectedRow r) {
        try {
            EditStore.write(catalog, s -> {
                s.recordRejection(photo.path(), photo.path(), r.cropPath, "crop_editor: " + r.reason);
                return null;
            });
        } catch (CatalogException e) {
            log.error("event=rejection_not_recorded photo=\"{}\" reason=\"{}\" error=\"{}\"", photo.path(), r.reason, e.getMessage());
        }
    }

    private void sweepCrops() {
        try {
            new CropFileJanitor(catalog).sweep();
        } catch (CatalogException e) {
            // the edit is committed; the queue keeps the files for the next sweep
            log.warn("event=crop_sweep_failed error=\"{}\"", e.getMessage());
        }
    }

    /** FaceCropWriter refused a row: the whole save rolls back. */
    private static final class RejectedRow extends RuntimeException {
        final String reason;
        final String cropPath;

        RejectedRow(String reason, String cropPath) {
            super(reason, null, false, false);
            this.reason = reason;
            this.cropPath = cropPath;
        }
    }
}
