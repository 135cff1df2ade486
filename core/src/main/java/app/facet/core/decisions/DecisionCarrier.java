package app.facet.core.decisions;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.catalog.DecisionKind;
import app.facet.core.catalog.DecisionStore;
import app.facet.core.catalog.HeldDecision;
import app.facet.core.catalog.MetadataFaceStore;
import app.facet.core.catalog.Tx;
import app.facet.model.BoundingBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Carries the user's decisions held for a re-analysed photo ({@code orphaned_decisions}, state awaiting_analysis)
 * to its newly detected faces, inside the transaction that writes them:
 * <ul>
 *   <li>the held decisions are grouped by their old face and matched to the new detections by {@link FaceMatcher};</li>
 *   <li>a matched face gets the person the user named ({@code assigned_by=user}), "not a face", every "not this
 *       person" and the cover role;</li>
 *   <li>a hand-drawn box is placed through the photo's mapping and cut again from the new pixels by the editor's own
 *       path ({@link BoxCutter}: {@code PhotoAnalyzer.analyzeBox}); it stands when its new embedding still shows the
 *       old face (or there is no embedding to compare), and replaces a detection paired with it;</li>
 *   <li>anything else stays in {@code orphaned_decisions} as needing review, with the reason: never dropped.</li>
 * </ul>
 */
public final class DecisionCarrier {
    private static final Logger log = LoggerFactory.getLogger(DecisionCarrier.class);
    /** Share of a placed hand-drawn box that must lie inside the new image (the rest was cropped away). */
    static final double INSIDE_SHARE = 0.8;

    /** Cuts a face from the new pixels at a box: the crop editor's path, {@code PhotoAnalyzer.analyzeBox}. */
    @FunctionalInterface
    public interface BoxCutter {
        /** @param box bounding box in the new image's pixels after EXIF orientation */
        AnalyzedFace cut(BoundingBox box) throws PhotoAnalysisException;
    }

    /** Writes one new face row through the validator. */
    @FunctionalInterface
    public interface FaceInserter {
        /**
         * @param detection index of the face in the analysis, or -1 for a re-cut hand-drawn box (whose crop file the
         *                  inserter writes)
         * @param personId  the person the user named, or null
         * @return the row's id, empty when the validator refused it
         */
        OptionalLong insert(AnalyzedFace face, int detection, Long personId);
    }

    /**
     * @param written        ids of the rows written
     * @param unusedDetections indices of detections not stored (the user's box stands for them, or the photo has no faces)
     * @param carried        decisions carried to a new face
     * @param needingReview  decisions left for review by this photo
     */
    public record Result(List<Long> written, List<Integer> unusedDetections, int carried, int needingReview) {
    }

    /** The decisions of one old face. */
    private record OldFace(long faceId, List<HeldDecision> decisions) {
        HeldDecision first() {
            return decisions.get(0);
        }

        boolean has(DecisionKind k) {
            return decisions.stream().anyMatch(d -> d.kind() == k);
        }

        Long person() {
            return decisions.stream().filter(d -> d.kind() == DecisionKind.PERSON).map(HeldDecision::personId).findFirst().orElse(null);
        }

        /**
         * The old face for the matcher. A hand-drawn box's embedding may come from an unaligned face (no landmarks
         * found in the box, e.g. a sideways face): it neither pairs nor vetoes, only its place counts.
         */
        FaceMatcher.Face forMatching() {
            return has(DecisionKind.HAND_DRAWN_BOX) ? new FaceMatcher.Face(first().box(), null, null) : withEmbedding();
        }

        FaceMatcher.Face withEmbedding() {
            return new FaceMatcher.Face(first().box(), first().embedding(), first().embeddingModelId());
        }
    }

    /**
     * Writes the photo's new faces with the held decisions carried over. Runs inside the caller's transaction.
     *
     * @param held      the photo's decisions awaiting its analysis ({@link DecisionStore#awaiting})
     * @param noFaces   the user decided the photo has no faces: nothing is stored, the held decisions go to review
     * @param analysis  the new analysis; boxes in the new image's pixels after EXIF orientation
     */
    public Result carry(Tx tx, List<HeldDecision> held, boolean noFaces, PhotoAnalysis analysis, BoxCutter cutter,
                        FaceInserter rows) {
        List<AnalyzedFace> found = analysis.faces();
        if (noFaces) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                all.add(i);
            }
            int review = DecisionStore.needReview(tx, held.stream().map(HeldDecision::id).toList(),
                    "The photo is marked as having no faces.");
            return new Result(List.of(), all, 0, review);
        }
        List<OldFace> old = group(held);
        FaceMatcher.Matching m = SameFace.matcherFor(analysis.embeddingModelId()).match(
                held.isEmpty() ? null : held.get(0).photoWidth(), held.isEmpty() ? null : held.get(0).photoHeight(),
                old.stream().map(OldFace::forMatching).toList(), analysis.width(), analysis.height(),
                found.stream().map(f -> new FaceMatcher.Face(f.box(), f.embedding(), f.embedding() == null ? null : analysis.embeddingModelId())).toList());
        Tally t = new Tally();
        AnalyzedFace[] recut = new AnalyzedFace[old.size()];
        for (int o = 0; o < old.size(); o++) {
            if (old.get(o).has(DecisionKind.HAND_DRAWN_BOX)) {
                recut[o] = recut(old.get(o), m.newOfOld()[o] >= 0, m.mappings(), analysis, cutter);
            }
        }
        for (int n = 0; n < found.size(); n++) {
            int o = m.oldOf(n);
            if (o >= 0 && recut[o] != null || o < 0 && covered(found.get(n).box(), recut)) {
                t.unused.add(n);   // the user's box stands for this face
                continue;
            }
            store(tx, rows, found.get(n), n, o < 0 ? null : old.get(o), t);
        }
        for (int o = 0; o < old.size(); o++) {
            if (recut[o] != null) {
                store(tx, rows, recut[o], -1, old.get(o), t);
            } else if (m.newOfOld()[o] < 0) {
                t.review(old.get(o), reason(old.get(o), m));
            }
        }
        return t.finish(tx);
    }

    /** What {@link #carry} did so far. */
    private static final class Tally {
        final List<Long> written = new ArrayList<>();
        final List<Integer> unused = new ArrayList<>();
        final List<Long> carried = new ArrayList<>();
        final Map<String, List<Long>> review = new LinkedHashMap<>();

        void review(OldFace f, String reason) {
            review.computeIfAbsent(reason, k -> new ArrayList<>()).addAll(f.decisions().stream().map(HeldDecision::id).toList());
        }

        Result finish(Tx tx) {
            DecisionStore.forget(tx, carried);
            int n = 0;
            for (Map.Entry<String, List<Long>> e : review.entrySet()) {
                n += DecisionStore.needReview(tx, e.getValue(), e.getKey());
            }
            return new Result(written, unused, carried.size(), n);
        }
    }

    /** Writes one face and applies the decisions of its old face, if any. */
    private static void store(Tx tx, FaceInserter rows, AnalyzedFace face, int detection, OldFace old, Tally t) {
        Long person = old == null ? null : old.person();
        OptionalLong id = rows.insert(face, detection, person);
        if (id.isEmpty()) {
            if (old != null) {
                t.review(old, "The new face at this place was refused by the validator (see rejected_writes).");
            }
            return;
        }
        long faceId = id.getAsLong();
        t.written.add(faceId);
        if (old == null) {
            return;
        }
        // where the old face's name or box came from (a face region) stays known, so a name typed in Facet and one
        // read from metadata stay told apart after the edit
        old.decisions().stream().filter(d -> d.metadataSource() != null).findFirst()
                .ifPresent(d -> MetadataFaceStore.restoreProvenance(tx, faceId, d.metadataSource(), d.metadataName()));
        for (HeldDecision d : old.decisions()) {
            String notCarried = switch (d.kind()) {
                case PERSON -> null;
                case HAND_DRAWN_BOX -> detection < 0 ? null
                        : "The hand-drawn box could not be cut again from the edited photo; a detected face took its place.";
                case NOT_A_FACE -> {
                    DecisionStore.markNotAFace(tx, faceId);
                    yield null;
                }
                case NOT_THIS_PERSON -> {
                    DecisionStore.refuse(tx, faceId, d.personId());
                    yield null;
                }
                case COVER -> DecisionStore.makeCover(tx, faceId, d.personId()) ? null
                        : "The face is now on another person, so it cannot stay this person's cover.";
            };
            if (notCarried == null) {
                t.carried.add(d.id());
            } else {
                t.review.computeIfAbsent(notCarried, k -> new ArrayList<>()).add(d.id());
            }
        }
    }

    /**
     * Places a hand-drawn box in the new image and cuts it again, trying the photo's possible mappings in order. A box
     * paired with a new detection is there (the pair fixed the mapping); an unpaired one must show the old face
     * again (embedding at least the same-face similarity), unless there are no embeddings to compare.
     *
     * @return the re-cut face, or null when its face is not there any more (cropped away, or another face)
     */
    private static AnalyzedFace recut(OldFace old, boolean paired, List<BoxMapping> mappings, PhotoAnalysis analysis,
                                      BoxCutter cutter) {
        FaceMatcher matcher = SameFace.matcherFor(analysis.embeddingModelId());
        for (BoxMapping mapping : mappings) {
            BoundingBox placed = mapping.map(old.first().box());
            BoundingBox inside = placed.clippedTo(analysis.width(), analysis.height());
            if (inside == null || inside.area() < INSIDE_SHARE * placed.area()) {
                continue;
            }
            AnalyzedFace cut;
            try {
                cut = cutter.cut(inside);
            } catch (PhotoAnalysisException | RuntimeException e) {
                log.warn("event=hand_drawn_box_not_recut old_face={} box={} error=\"{}\"", old.faceId(), inside, e.getMessage());
                continue;
            }
            double s = FaceMatcher.similarity(old.withEmbedding(),
                    new FaceMatcher.Face(cut.box(), cut.embedding(), cut.embedding() == null ? null : analysis.embeddingModelId()));
            // without embeddings to compare, the most likely mapping is trusted
            if (paired || s == Double.NEGATIVE_INFINITY || s >= matcher.sameFaceSimilarity()) {
                return cut;
            }
        }
        return null;
    }

    /** @return whether a re-cut hand-drawn box shows the face of this detection (IoU at least the same-face overlap) */
    private static boolean covered(BoundingBox detection, AnalyzedFace[] recut) {
        for (AnalyzedFace r : recut) {
            if (r != null && r.box().iou(detection) >= FaceMatcher.SAME_FACE_IOU) {
                return true;
            }
        }
        return false;
    }

    private static List<OldFace> group(List<HeldDecision> held) {
        Map<Long, List<HeldDecision>> byFace = new LinkedHashMap<>();
        for (HeldDecision d : held) {
            byFace.computeIfAbsent(d.oldFaceId(), k -> new ArrayList<>()).add(d);
        }
        return byFace.entrySet().stream().map(e -> new OldFace(e.getKey(), e.getValue())).toList();
    }

    private static String reason(OldFace old, FaceMatcher.Matching m) {
        return m.mappings().isEmpty()
                ? "No face of the edited photo matches this one, and the edit (a crop?) leaves no way to place it."
                : "No face of the edited photo matches this one (cropped away, or no longer found).";
    }
}
