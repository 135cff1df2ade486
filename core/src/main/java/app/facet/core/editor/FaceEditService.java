package app.facet.core.editor;

import app.facet.core.catalog.WriteTransaction;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.CropFileJanitor;
import app.facet.core.catalog.PhotoStore;
import app.facet.core.validation.FaceCropWriter;
import app.facet.core.validation.FaceRowRules;
import app.facet.core.validation.NewFaceCrop;
import app.facet.model.AssignedBy;
import app.facet.model.ScanState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private final FaceRowRules rules;

    public FaceEditService(Catalog catalog, PhotoAnalyzer analyzer) {
        this.catalog = catalog;
        this.analyzer = analyzer;
        this.gate = new PhotoGate(catalog.location());
        this.crops = new CropFiles(catalog.location().cropsDir());
        this.rules = new FaceRowRules(catalog.location().managedDir(), catalog.location().cropsDir());
    }

    /**
     * @param photo path of the file the user asked to edit (absolute or relative to the working directory)
     * @return the photo with its drawable face rows; boxes in original-image pixels after EXIF orientation
     * @throws EditRefusedException when the file is not an analysed original photo of this catalog (nothing is opened)
     * @throws CatalogException on a database error
     */
    public EditablePhoto open(Path photo) throws EditRefusedException {
        Objects.requireNonNull(photo, "photo");
        try (Connection c = catalog.connect()) {
            PhotoRow row = gate.admit(c, photo);
            return editable(c, row);
        } catch (SQLException e) {
            throw new CatalogException("Cannot open " + photo + " for editing: " + e.getMessage(), e);
        }
    }

    /** As {@link #open(Path)}, for a photo of the catalog chosen by id (dashboard, viewer). */
    public EditablePhoto open(long photoId) throws EditRefusedException {
        try (Connection c = catalog.connect()) {
            PhotoRow row = PhotoRow.byId(c, photoId).orElseThrow(() -> new EditRefusedException(EditRefusedException.Reason.NOT_IN_CATALOG,
                    "photo " + photoId, "Photo " + photoId + " is no longer in the catalog."));
            return editable(c, gate.admit(c, Path.of(row.path())));
        } catch (SQLException e) {
            throw new CatalogException("Cannot open photo " + photoId + " for editing: " + e.getMessage(), e);
        }
    }

    private static EditablePhoto editable(Connection c, PhotoRow row) throws SQLException {
        PhotoFaces.Read faces = PhotoFaces.read(c, row.id());
        return new EditablePhoto(row.id(), row.path(), row.width(), row.height(), row.state(), faces.faces(), faces.unreadable());
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
        PhotoRow photo = readEditable(photoId, seen);

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
            result = WriteTransaction.run(catalog, c -> apply(c, photo, list, analysed, written));
        } catch (RejectedRow r) {
            crops.delete(written);
            recordRejection(photo, r);
            throw new FaceEditException("The face could not be saved: " + r.reason + ".");
        } catch (SQLException e) {
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
            deleted = WriteTransaction.run(catalog, c -> {
                Set<Long> photos = new LinkedHashSet<>();
                int n = 0;
                try (PreparedStatement find = c.prepareStatement("SELECT photo_id FROM face_crops WHERE id = ?");
                     PreparedStatement del = c.prepareStatement("DELETE FROM face_crops WHERE id = ?")) {
                    for (long id : ids) {
                        find.setLong(1, id);
                        try (ResultSet rs = find.executeQuery()) {
                            if (!rs.next()) {
                                continue;
                            }
                            photos.add(rs.getLong(1));
                        }
                        del.setLong(1, id);
                        n += del.executeUpdate();
                    }
                }
                for (long photoId : photos) {
                    PhotoRow p = PhotoRow.byId(c, photoId).orElse(null);
                    if (p != null && (p.state() == ScanState.DONE || p.state() == ScanState.NO_FACES)) {
                        settleState(c, photoId);
                    }
                }
                return n;
            });
        } catch (SQLException e) {
            throw new FaceEditException("Could not delete the faces: " + e.getMessage(), e);
        }
        sweepCrops();
        log.info("event=faces_deleted count={} ids={}", deleted, ids);
        return deleted;
    }

    // ---- save, step by step ----

    private PhotoRow readEditable(long photoId, Set<Long> editedIds) {
        try (Connection c = catalog.connect()) {
            PhotoRow photo = PhotoRow.byId(c, photoId).orElseThrow(() -> new FaceEditException("Photo " + photoId + " is no longer in the catalog."));
            try {
                gate.check(photo, photo.path());
            } catch (EditRefusedException e) {
                throw new FaceEditException(e.getMessage());
            }
            Set<Long> onPhoto = faceIdsOf(c, photoId);
            for (long id : editedIds) {
                if (!onPhoto.contains(id)) {
                    throw new FaceEditException("Face " + id + " is not on this photo (any more): reopen the photo and edit again.");
                }
            }
            return photo;
        } catch (SQLException e) {
            throw new FaceEditException("Cannot read photo " + photoId + ": " + e.getMessage(), e);
        }
    }

    private AnalyzedFace analyse(PhotoRow photo, EditedBox e) {
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

    private SaveResult apply(Connection c, PhotoRow photo, List<EditedBox> edits, List<AnalyzedFace> analysed, List<String> cropPaths)
            throws SQLException {
        PhotoRow now = PhotoRow.byId(c, photo.id()).orElseThrow(() -> new FaceEditException("The photo was removed from the catalog while you were editing it."));
        if (!now.path().equals(photo.path()) || now.state() == ScanState.PENDING || now.state() == ScanState.FAILED) {
            throw new FaceEditException("The photo changed in the catalog while you were editing it (moved or rescanned): reopen it and edit again.");
        }
        Set<Long> onPhoto = faceIdsOf(c, photo.id());
        for (EditedBox e : edits) {
            if (e.faceId() != null && !onPhoto.contains(e.faceId())) {
                throw new FaceEditException("Face " + e.faceId() + " was removed while you were editing: reopen the photo and edit again.");
            }
        }
        String modelId = null;
        if (analysed.stream().anyMatch(f -> f.embedding() != null)) {
            modelId = analyzer.embeddingModelId().orElseThrow(() -> new IllegalStateException("embedding without a model id"));
            PhotoStore.registerEmbeddingModel(c, modelId, analyzer.embeddingDimension().orElseThrow(),
                    analyzer.embeddingModelSha256().orElse(""));
        }
        FaceCropWriter writer = new FaceCropWriter(rules, catalog.location().cropsDir());
        int added = 0, moved = 0, deleted = 0, reassigned = 0, created = 0;
        List<Long> newIds = new ArrayList<>();

        for (EditedBox e : edits) {
            if (e.delete()) {
                PeopleRules.update(c, "DELETE FROM face_crops WHERE id = ?", e.faceId());
                deleted++;
            }
        }
        int k = 0;
        for (EditedBox e : edits) {
            if (e.delete() || e.box() == null) {
                continue;
            }
            AnalyzedFace f = analysed.get(k);
            String crop = cropPaths.get(k);
            k++;
            Long oldPerson = e.isMove() ? PeopleRules.personOf(c, e.faceId()) : null;
            AssignedBy oldBy = e.isMove() ? assignedBy(c, e.faceId()) : AssignedBy.NONE;
            Long personId;
            AssignedBy by;
            if (e.assignment() instanceof PersonAssignment.Keep) {
                personId = oldPerson;
                by = oldBy;
            } else if (e.assignment() instanceof PersonAssignment.Nobody) {
                personId = null;
                by = AssignedBy.NONE;
            } else {
                PeopleRules.Resolved r = PeopleRules.resolve(c, e.assignment());
                created += r.created() ? 1 : 0;
                personId = r.personId();
                by = AssignedBy.USER;
            }
            OptionalLong id = writer.insert(c, new NewFaceCrop(photo.id(), photo.path(), crop, f.box(), f.landmarks(), f.detectionScore(),
                    f.detector(), f.quality(), f.embedding(), f.embedding() == null ? null : modelId, personId, by), null);
            if (id.isEmpty()) {
                throw new RejectedRow(lastRejection(c), crop);
            }
            newIds.add(id.getAsLong());
            if (e.isMove()) {
                PeopleRules.inherit(c, e.faceId(), id.getAsLong(), personId);
                if (personId == null && oldPerson != null) {
                    PeopleRules.update(c, "INSERT OR IGNORE INTO face_person_rejections (face_id, person_id) VALUES (?, ?)", id.getAsLong(), oldPerson);
                }
                PeopleRules.update(c, "DELETE FROM face_crops WHERE id = ?", e.faceId());
                moved++;
            } else {
                added++;
            }
        }
        for (EditedBox e : edits) {
            if (e.delete() || e.box() != null) {
                continue;
            }
            if (e.assignment() instanceof PersonAssignment.Nobody) {
                reassigned += PeopleRules.unassign(c, e.faceId()) ? 1 : 0;
            } else if (!(e.assignment() instanceof PersonAssignment.Keep)) {
                PeopleRules.Resolved r = PeopleRules.resolve(c, e.assignment());
                created += r.created() ? 1 : 0;
                reassigned += PeopleRules.assign(c, e.faceId(), r.personId()) ? 1 : 0;
            }
        }
        ScanState state = settleState(c, photo.id());
        return new SaveResult(photo.id(), added, moved, deleted, reassigned, newIds, state, created);
    }

    /**
     * A photo without faces is {@code no_faces} (and loses its leftover "not a face" rows); one with faces is {@code done}.
     */
    static ScanState settleState(Connection c, long photoId) throws SQLException {
        long faces;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM face_crops WHERE photo_id = ? AND not_a_face = 0")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                faces = rs.getLong(1);
            }
        }
        if (faces == 0) {
            PeopleRules.update(c, "DELETE FROM face_crops WHERE photo_id = ?", photoId);
            PeopleRules.update(c, "UPDATE photos SET scan_state = 'no_faces', failure_reason = NULL, "
                    + "scanned_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", photoId);
            return ScanState.NO_FACES;
        }
        PeopleRules.update(c, "UPDATE photos SET scan_state = 'done', failure_reason = NULL WHERE id = ? AND scan_state <> 'done'", photoId);
        return ScanState.DONE;
    }

    private static Set<Long> faceIdsOf(Connection c, long photoId) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM face_crops WHERE photo_id = ?")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static AssignedBy assignedBy(Connection c, long faceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT assigned_by FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? AssignedBy.fromSql(rs.getString(1)) : AssignedBy.NONE;
            }
        }
    }

    /** The reason FaceCropWriter just recorded on this connection (its row is rolled back with the save). */
    private static String lastRejection(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT reason FROM rejected_writes WHERE id = last_insert_rowid()");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "refused by the validator";
        }
    }

    /** The save rolled back, and the validator's record with it: record the refusal again, so it is never silent. */
    private void recordRejection(PhotoRow photo, RejectedRow r) {
        try {
            WriteTransaction.run(catalog, c -> {
                PeopleRules.update(c, "INSERT INTO rejected_writes (scan_run_id, photo_path, image_path, crop_path, reason) "
                        + "VALUES (NULL, ?, ?, ?, ?)", photo.path(), photo.path(), r.cropPath, "crop_editor: " + r.reason);
                return null;
            });
        } catch (SQLException e) {
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
