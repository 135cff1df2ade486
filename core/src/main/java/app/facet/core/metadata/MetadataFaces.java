package app.facet.core.metadata;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.catalog.FaceDeletionStore;
import app.facet.core.catalog.MetadataFaceStore;
import app.facet.core.catalog.MetadataReview;
import app.facet.core.catalog.Tx;
import app.facet.core.decisions.DeletedFaces;
import app.facet.core.decisions.FaceMatcher;
import app.facet.core.decisions.SameFace;
import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import static app.facet.core.catalog.MetadataReview.Kind.BAD_METADATA;
import static app.facet.core.catalog.MetadataReview.Kind.CONFLICT;
import static app.facet.core.catalog.MetadataReview.Kind.NOT_IMPORTED;

/**
 * The writer-thread half of taking face regions into a scan (see docs/METADATA.md, "Reading during a scan"): inside
 * the transaction that writes a photo's faces, after the user's held decisions were carried
 * ({@code DecisionCarrier}), each region read by {@link RegionPreparer} becomes a user decision:
 * <ul>
 *   <li>a region overlapping a written face ({@link FaceMatcher#matchInPlace}) gives that face its person, created
 *       by name when new, {@code assigned_by = user} (recognition never overrides it) and
 *       {@code metadata_source} = the region's provenance;</li>
 *   <li>a region no face matches becomes a face of its own, cut as if drawn by hand, named when the region is;</li>
 *   <li>a named region never overwrites a decision made in Facet (the face named otherwise by the user, "not a face",
 *       "not this person", the photo's "no faces"): the conflict is kept in {@code metadata_reviews};</li>
 *   <li>bad metadata (malformed XMP, regions outside the image, absurd sizes, too many regions, unsafe names) is
 *       kept there too, with its reason.</li>
 * </ul>
 */
public final class MetadataFaces {
    private static final Logger log = LoggerFactory.getLogger(MetadataFaces.class);

    /** A face row written in this transaction: detected, carried or re-cut. @param box oriented pixels */
    public record WrittenFace(long faceId, BoundingBox box) {
    }

    /** Writes a face cut at a region through the validator. */
    @FunctionalInterface
    public interface FaceInserter {
        /** @param personId the region's person, or null @return the row's id, empty when the validator refused it */
        OptionalLong insert(AnalyzedFace face, String cropPath, Long personId);
    }

    /**
     * @param newFaces    ids of the face rows written for regions no face matched
     * @param attempted   faces cut at regions that were offered to the validator (written or refused)
     * @param unusedCrops crop files of faces cut at regions that another face took: for the caller to remove
     * @param named       faces that got their person from a region (renamed ones included)
     * @param review      rows kept in {@code metadata_reviews} for this photo (conflicts included)
     * @param conflicts   of those, regions whose name disagrees with a decision made in Facet (kind conflict)
     * @param renamed     of {@code named}, faces whose name came from the metadata and changed there
     * @param deletedKept regions at the place of a face the user deleted: not brought back (kept for review)
     */
    public record Applied(List<Long> newFaces, int attempted, List<String> unusedCrops, int named, int review,
                          int conflicts, int renamed, int deletedKept) {
        /** Nothing applied: reading was off, or the photo had no regions. */
        public static final Applied NONE = new Applied(List.of(), 0, List.of(), 0, 0, 0, 0, 0);
    }

    /**
     * Applies the photo's regions. Runs inside the caller's transaction, after the photo's faces were written.
     *
     * @param written the photo's faces written so far, boxes in the analysis' oriented pixels
     * @param noFaces the user decided the photo has no faces: no region becomes a face, named ones are conflicts
     */
    public Applied apply(Tx tx, long photoId, PreparedRegions regions, List<WrittenFace> written, boolean noFaces,
                         int width, int height, FaceInserter rows) {
        if (regions.sidecarStamp() == null) {
            return Applied.NONE;   // reading is off: the photo's earlier rows stay
        }
        MetadataFaceStore.forgetReviews(tx, photoId);
        MetadataFaceStore.recordSidecarStamp(tx, photoId, regions.sidecarStamp());
        Tally t = new Tally(tx, photoId);
        regions.problems().forEach(t::problem);
        List<PreparedRegions.Region> list = regions.regions();
        if (noFaces) {
            list.stream().filter(r -> r.region().named()).forEach(r -> t.conflict(r.region(), null, "no_faces",
                    "The photo has no faces by the user's decision in Facet; the region's name was not applied."));
            list.stream().filter(r -> r.cropPath() != null).forEach(r -> t.unused.add(r.cropPath()));
            return t.finish();
        }
        FaceMatcher.Matching m = SameFace.matcherFor(null).matchInPlace(
                list.stream().map(r -> new FaceMatcher.Face(r.region().box(), null, null)).toList(),
                written.stream().map(f -> new FaceMatcher.Face(f.box(), null, null)).toList(), width, height);
        List<FaceDeletionStore.DeletedFace> deleted = DeletedFaces.of(tx, photoId, width, height)
                .match(list.stream().map(r -> r.region().box()).toList());
        for (int i = 0; i < list.size(); i++) {
            PreparedRegions.Region r = list.get(i);
            int n = m.newOfOld()[i];
            if (n >= 0) {
                if (r.cropPath() != null) {
                    t.unused.add(r.cropPath());   // a carried hand-drawn box took the place of the face cut for it
                }
                onFace(t, written.get(n).faceId(), r.region());
            } else if (deleted.get(i) != null) {
                if (r.cropPath() != null) {
                    t.unused.add(r.cropPath());
                }
                keepDeleted(t, r.region(), deleted.get(i));
            } else if (r.cut() != null) {
                newFace(t, r, rows);
            } else {
                t.review(NOT_IMPORTED, r.region(), null, "not_cut", r.notCut() != null ? r.notCut()
                        : "No face of the photo matches this region any more.");
            }
        }
        return t.finish();
    }

    /**
     * A region at the place of a face the user deleted: the deletion is the user's decision and stands. The region is
     * kept for review (a named one as a conflict), so the user sees what the metadata says and can add the face again.
     */
    private static void keepDeleted(Tally t, FaceRegion region, FaceDeletionStore.DeletedFace d) {
        String was = d.personName() == null ? "A face" : "A face named '" + d.personName() + "'";
        String reason = was + " at this place was deleted in Facet (" + d.recordedAt() + "); the region "
                + (region.named() ? "'" + region.name() + "' " : "") + "did not bring it back.";
        t.deletedKept++;
        t.review(region.named() ? CONFLICT : NOT_IMPORTED, region, null, "deleted_in_facet", reason);
    }

    /** A region on a face already written: name it, unless Facet decided otherwise. */
    private static void onFace(Tally t, long faceId, FaceRegion region) {
        if (!region.named()) {
            return;   // the box is there already
        }
        Optional<MetadataFaceStore.FaceDecisions> found = MetadataFaceStore.decisions(t.tx, faceId);
        if (found.isEmpty()) {
            return;
        }
        MetadataFaceStore.FaceDecisions d = found.get();
        if (d.notAFace()) {
            t.conflict(region, faceId, "not_a_face", "The face is marked \"not a face\" in Facet; the region's name was not applied.");
            return;
        }
        boolean renaming = false;
        if (d.assignedBy() == AssignedBy.USER) {
            if (region.name().equalsIgnoreCase(d.personName())) {
                return;
            }
            if (!d.nameFromMetadata() || !sameFile(d.metadataSource(), region.provenance())) {
                t.conflict(region, faceId, "named_differently", "The face is named '" + d.personName()
                        + "' in Facet; the region's name was not applied.");
                return;
            }
            // the face's name is this metadata's own earlier value, never typed in Facet: the metadata changed it
            renaming = true;
        }
        Optional<Long> person = MetadataFaceStore.personNamed(t.tx, region.name());
        if (person.isPresent() && MetadataFaceStore.refused(t.tx, faceId, person.get())) {
            t.conflict(region, faceId, "not_this_person", "The face is marked \"not " + region.name()
                    + "\" in Facet; the region's name was not applied.");
            return;
        }
        long personId = person.orElseGet(() -> MetadataFaceStore.personNamedOrNew(t.tx, region.name()));
        MetadataFaceStore.takeFromMetadata(t.tx, faceId, personId, region.provenance().describe(), region.name());
        t.named++;
        if (renaming) {
            t.renamed++;
            log.info("event=metadata_name_changed photo_id={} face={} from=\"{}\" to=\"{}\" region=\"{}\"", t.photoId, faceId,
                    d.personName(), region.name(), region.provenance().describe());
        }
    }

    /** @return whether a face's provenance names the same file (and place: embedded or sidecar) as the region's */
    static boolean sameFile(String source, RegionProvenance region) {
        String file = region.location().name().toLowerCase(Locale.ROOT) + " " + region.file().getFileName() + " ";
        return source != null && source.startsWith(file);
    }

    /** A region no face matches: its own face, as if drawn by hand. */
    private static void newFace(Tally t, PreparedRegions.Region r, FaceInserter rows) {
        Long personId = r.region().named() ? MetadataFaceStore.personNamedOrNew(t.tx, r.region().name()) : null;
        t.attempted++;
        OptionalLong id = rows.insert(r.cut(), r.cropPath(), personId);
        if (id.isEmpty()) {
            t.review(NOT_IMPORTED, r.region(), null, "refused_by_validator",
                    "The face at this region was refused by the validator (see rejected_writes).");
            return;
        }
        MetadataFaceStore.takeFromMetadata(t.tx, id.getAsLong(), personId, r.region().provenance().describe(), r.region().name());
        t.newFaces.add(id.getAsLong());
        if (personId != null) {
            t.named++;
        }
    }

    /** What {@link #apply} did so far. */
    private static final class Tally {
        final Tx tx;
        final long photoId;
        final List<Long> newFaces = new ArrayList<>();
        final List<String> unused = new ArrayList<>();
        int attempted;
        int named;
        int review;
        int conflicts;
        int renamed;
        int deletedKept;

        Tally(Tx tx, long photoId) {
            this.tx = tx;
            this.photoId = photoId;
        }

        void problem(MetadataProblem p) {
            // informational: the region was kept as read (clipped to the image, or normalised areas of another size)
            if (p.reason() == MetadataProblem.Reason.CLIPPED || p.reason() == MetadataProblem.Reason.DIMENSIONS_MISMATCH) {
                return;
            }
            record(new MetadataReview(photoId, null, BAD_METADATA, null, null, String.valueOf(p.file().getFileName()),
                    p.reason().name().toLowerCase(Locale.ROOT), p.message()));
        }

        void conflict(FaceRegion r, Long faceId, String code, String reason) {
            review(CONFLICT, r, faceId, code, reason);
        }

        void review(MetadataReview.Kind kind, FaceRegion r, Long faceId, String code, String reason) {
            if (kind == CONFLICT) {
                conflicts++;
            }
            log.warn("event=metadata_region_kept_for_review kind={} code={} photo_id={} region=\"{}\" reason=\"{}\"",
                    kind.sql(), code, photoId, r.provenance().describe(), reason);
            record(new MetadataReview(photoId, faceId, kind, r.name(), r.box(), r.provenance().describe(), code, reason));
        }

        private void record(MetadataReview r) {
            MetadataFaceStore.record(tx, r);
            review++;
        }

        Applied finish() {
            return new Applied(newFaces, attempted, unused, named, review, conflicts, renamed, deletedKept);
        }
    }
}
