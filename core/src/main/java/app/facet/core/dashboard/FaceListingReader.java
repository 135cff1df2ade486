package app.facet.core.dashboard;

import app.facet.core.catalog.FaceListingRow;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.rules.FaceRowFacts;
import app.facet.core.rules.FaceRowRules;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.rules.RuleViolation;
import app.facet.model.AssignedBy;
import app.facet.model.FaceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a face row to a {@link FaceListing} without ever throwing: the row's stored status is combined with the
 * one face-row rule set applied now ({@link FaceRowRules}, files included), so that a row broken
 * by hand after the last validation pass is still shown as invalid, with its reasons.
 */
final class FaceListingReader {
    private static final Logger log = LoggerFactory.getLogger(FaceListingReader.class);

    private final ManagedFolder managed;
    private final Path cropsDir;

    FaceListingReader(LibraryLocation library) {
        this.managed = ManagedFolder.of(library.managedDir());
        this.cropsDir = library.cropsDir();
    }

    /** Maps a stored row; a row that cannot be read or checked is listed as invalid ({@code row_unreadable}). */
    FaceListing read(FaceListingRow row) {
        if (row.readError() != null) {
            return unreadable(row, row.readError());
        }
        try {
            return map(row);
        } catch (RuntimeException e) {
            // a value no code path of ours writes (e.g. a quality label we do not know): show the row, say why
            log.warn("event=face_row_unreadable face_id={} error=\"{}\"", row.faceId(), e.toString());
            return unreadable(row, e.getMessage());
        }
    }

    private static FaceListing unreadable(FaceListingRow row, String error) {
        return new FaceListing(row.faceId(), row.photoId(), null, null, null, false, 0, 0, 0, 0, 0, null, null, false,
                null, null, AssignedBy.NONE, null, FaceAssignment.UNKNOWN, FaceStatus.INVALID,
                "row_unreadable: the face row cannot be read (" + error + ")");
    }

    private FaceListing map(FaceListingRow r) {
        String photoPath = r.photoPath();
        String imagePath = r.imagePath();
        String cropPath = r.cropPath();
        double x = r.x(), y = r.y(), w = r.w(), h = r.h();
        double score = r.detectionScore();
        float[] embedding = r.embedding();
        String modelId = r.embeddingModelId();
        Integer dimension = r.embeddingDimension();
        Integer width = r.photoWidth(), height = r.photoHeight();
        boolean imageIsCrop = r.imagePathIsCrop();
        FaceRowFacts facts = new FaceRowFacts(imagePath, photoPath, cropPath, x, y, w, h, width, height, score,
                !r.hasEmbedding() ? null : embedding.length == 0 ? FaceRowFacts.NOT_A_BLOB : embedding.length * 4,
                embedding == null || embedding.length == 0 ? null : embedding, modelId, dimension);
        List<String> violations = new FaceRowRules(managed, path -> imageIsCrop && path.equals(imagePath)).check(facts, true)
                .stream().map(RuleViolation::invalidReason).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        String reason;
        if (r.storedInvalid()) {
            reason = r.storedReason() != null ? r.storedReason() : String.join("; ", violations);
        } else {
            reason = violations.isEmpty() ? null : String.join("; ", violations);
        }
        if (reason != null && reason.isBlank()) {
            reason = "flagged_invalid: the row is flagged invalid";
        }
        FaceAssignment assignment = r.notAFace() ? FaceAssignment.NOT_A_FACE
                : r.personId() != null ? (r.assignedBy() == AssignedBy.AUTO ? FaceAssignment.AUTO : FaceAssignment.USER)
                : r.suggestedPersonId() != null ? FaceAssignment.SUGGESTED : FaceAssignment.UNKNOWN;
        // the listing shows the crop file where the library is now; the rules judged the stored (relative) path
        String cropFile = cropPath == null ? null : fileOf(cropPath);
        return new FaceListing(r.faceId(), r.photoId(), photoPath, imagePath, cropFile, readableCrop(cropFile), x, y, w, h,
                score, r.detector(), r.quality(), r.hasEmbedding(), r.personId(), r.personName(), r.assignedBy(),
                r.suggestedName(), assignment, reason == null ? FaceStatus.VALID : FaceStatus.INVALID, reason);
    }

    private String fileOf(String stored) {
        try {
            return managed.file(stored).toString();
        } catch (InvalidPathException e) {
            return stored;
        }
    }

    /** Only our own crop files are shown as thumbnails: a broken row must not make the UI decode an arbitrary file. */
    private boolean readableCrop(String cropPath) {
        if (cropPath == null) {
            return false;
        }
        try {
            Path p = Path.of(cropPath).toAbsolutePath().normalize();
            return p.startsWith(cropsDir) && Files.isRegularFile(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
