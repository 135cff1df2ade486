package app.facet.core.people;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.EmbeddedFaceStore;
import app.facet.core.catalog.FaceAssignmentStore;
import app.facet.core.people.cluster.Parallel;
import app.facet.core.people.recognition.GalleryMatcher;
import app.facet.core.people.recognition.PersonGallery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises unknown faces against the named people. Each person is represented by a centroid plus a few
 * exemplars ({@link PersonGallery}: the face nearest the centroid, then the most different faces; the user's faces
 * first), not by every face. The similarity of a face to a person is the highest cosine similarity to those vectors:
 * <ul>
 *   <li>at least {@link PeopleThresholds#autoSimilarity()}, and clearly ahead of the next person
 *       (by {@link #AMBIGUITY_MARGIN}) → assigned with {@code assigned_by=auto};</li>
 *   <li>at least {@link PeopleThresholds#reviewSimilarity()} → a suggestion ({@code suggested_person_id},
 *       {@code suggestion_similarity}) for the user to confirm or reject;</li>
 *   <li>below → unknown (any old suggestion is dropped).</li>
 * </ul>
 * A face assigned automatically is as sure as the thresholds make it, so it joins its person's gallery for the rest
 * of the run: the remaining unknown faces are compared again, for at most {@value #ROUNDS} rounds in all (one photo
 * named by the user then reaches the other photos of that person that look more like each other than like the named
 * one; the bound keeps a chain of look-alikes from drifting far).
 * <p>
 * Incremental: only unknown faces (unassigned, valid, embedded, not "not a face") are looked at, so a face assigned by
 * the user, or earlier by recognition, is never touched; a person the face was refused for ("not this person") is
 * never proposed for it again. Faces are only compared with people of the same embedding model. Thread-safe.
 */
public final class RecognitionService {
    private static final Logger log = LoggerFactory.getLogger(RecognitionService.class);

    /**
     * Cosine similarity by which the best person must lead the second to be assigned automatically: closer than that,
     * the face looks as much like one as the other and the user decides (it becomes a suggestion).
     */
    public static final double AMBIGUITY_MARGIN = 0.05;

    /** Faces matched together (see {@link GalleryMatcher#matchAll}). */
    private static final int BLOCK = 256;

    /** Most comparison rounds per run (see the class comment). */
    public static final int ROUNDS = 3;

    private final ThresholdsByModel thresholds;
    private final UndoableWrites writes;

    public RecognitionService(Catalog catalog, PeopleThresholds thresholds, UndoHistory history) {
        this(catalog, ThresholdsByModel.fixed(thresholds), history);
    }

    /** @param thresholds thresholds per embedding model (from the model descriptions) */
    public RecognitionService(Catalog catalog, ThresholdsByModel thresholds, UndoHistory history) {
        this.thresholds = thresholds;
        this.writes = new UndoableWrites(catalog, history);
    }

    private enum Outcome { AUTO, SUGGEST, UNKNOWN }

    private record Decision(long faceId, Outcome outcome, long personId, double similarity, Long previousSuggestion) {
    }

    /**
     * @param dryRun true to count only, writing nothing
     * @return counts of auto-assigned, suggested and unknown faces
     * @throws PeopleException when the catalog cannot be read or written
     */
    public RecognitionSummary recognize(boolean dryRun) {
        long start = System.nanoTime();
        record Input(Map<String, List<EmbeddedFaceStore.Unknown>> unknown, Map<String, List<EmbeddedFaceStore.Known>> known,
                     Map<Long, Set<Long>> refusals) {
        }
        Input input = writes.read("read the faces to recognise",
                t -> new Input(t.embedded().unknown(), t.embedded().known(), t.rejections().ofUnassignedFaces()));
        List<Decision> decisions = new ArrayList<>();
        Set<Long> peopleKnown = new HashSet<>();
        for (Map.Entry<String, List<EmbeddedFaceStore.Unknown>> e : input.unknown().entrySet()) {
            List<EmbeddedFaceStore.Known> known = new ArrayList<>(input.known().getOrDefault(e.getKey(), List.of()));
            decisions.addAll(recogniseModel(e.getValue(), known, thresholds.forModel(e.getKey()), input.refusals(), peopleKnown));
        }
        int auto = 0, suggested = 0, unknown = 0;
        for (Decision d : decisions) {
            switch (d.outcome()) {
                case AUTO -> auto++;
                case SUGGEST -> suggested++;
                case UNKNOWN -> unknown++;
            }
        }
        if (!dryRun) {
            writes.write("store the recognition results", t -> {
                write(t.faces(), decisions);
                return null;
            });
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        RecognitionSummary summary = new RecognitionSummary(decisions.size(), auto, suggested, unknown, peopleKnown.size(), dryRun, elapsed);
        log.info("event=recognition_done checked={} auto={} suggested={} unknown={} people={} dry_run={} elapsed_ms={}",
                summary.facesChecked(), auto, suggested, unknown, summary.peopleKnown(), dryRun, elapsed.toMillis());
        return summary;
    }

    /** Rounds of matching for the faces of one model; each round's automatic assignments join the galleries. */
    private static List<Decision> recogniseModel(List<EmbeddedFaceStore.Unknown> faces, List<EmbeddedFaceStore.Known> known,
                                                 PeopleThresholds t, Map<Long, Set<Long>> refusals, Set<Long> peopleKnown) {
        int threads = Runtime.getRuntime().availableProcessors();
        List<Decision> settled = new ArrayList<>();
        List<EmbeddedFaceStore.Unknown> pending = faces;
        Decision[] latest = new Decision[0];
        for (int round = 1; round <= ROUNDS && !pending.isEmpty(); round++) {
            List<PersonGallery> galleries = galleries(known);
            galleries.forEach(g -> peopleKnown.add(g.personId()));
            GalleryMatcher matcher = new GalleryMatcher(galleries);
            List<EmbeddedFaceStore.Unknown> current = pending;
            Decision[] out = new Decision[current.size()];
            int blocks = (current.size() + BLOCK - 1) / BLOCK;
            Parallel.forEach(threads, blocks, block -> {
                List<EmbeddedFaceStore.Unknown> part = current.subList(block * BLOCK, Math.min(current.size(), (block + 1) * BLOCK));
                GalleryMatcher.Match[] matches = matcher.matchAll(part.stream().map(EmbeddedFaceStore.Unknown::embedding).toList(),
                        part.stream().map(f -> refusals.getOrDefault(f.id(), Set.<Long>of())).toList());
                for (int j = 0; j < part.size(); j++) {
                    out[block * BLOCK + j] = decide(part.get(j), matches[j], t);
                }
            });
            latest = out;
            List<EmbeddedFaceStore.Unknown> next = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                if (out[i].outcome() == Outcome.AUTO) {
                    settled.add(out[i]);
                    known.add(new EmbeddedFaceStore.Known(current.get(i).id(), out[i].personId(), current.get(i).embedding(), false));
                } else {
                    next.add(current.get(i));
                }
            }
            if (next.size() == pending.size()) {
                break;
            }
            pending = next;
            latest = null;
        }
        if (latest != null) {
            for (Decision d : latest) {
                if (d.outcome() != Outcome.AUTO) {
                    settled.add(d);
                }
            }
        } else {
            // the last round still assigned faces: what is left keeps its answer from a final comparison
            GalleryMatcher matcher = new GalleryMatcher(galleries(known));
            for (EmbeddedFaceStore.Unknown f : pending) {
                Decision d = decide(f, matcher.match(f.embedding(), refusals.getOrDefault(f.id(), Set.of())), t);
                settled.add(d.outcome() == Outcome.AUTO ? new Decision(f.id(), Outcome.SUGGEST, d.personId(), d.similarity(), d.previousSuggestion()) : d);
            }
        }
        return settled;
    }

    private static Decision decide(EmbeddedFaceStore.Unknown f, GalleryMatcher.Match m, PeopleThresholds t) {
        if (m.personId() < 0 || m.similarity() < t.reviewSimilarity()) {
            return new Decision(f.id(), Outcome.UNKNOWN, -1, Double.NaN, f.suggestedPersonId());
        }
        boolean clear = m.similarity() - m.runnerUp() >= AMBIGUITY_MARGIN;
        Outcome outcome = m.similarity() >= t.autoSimilarity() && clear ? Outcome.AUTO : Outcome.SUGGEST;
        return new Decision(f.id(), outcome, m.personId(), m.similarity(), f.suggestedPersonId());
    }

    /** One gallery per person with faces of this model. */
    private static List<PersonGallery> galleries(List<EmbeddedFaceStore.Known> known) {
        Map<Long, List<float[]>> faces = new LinkedHashMap<>();
        Map<Long, List<Boolean>> byUser = new LinkedHashMap<>();
        for (EmbeddedFaceStore.Known k : known) {
            faces.computeIfAbsent(k.personId(), p -> new ArrayList<>()).add(k.embedding());
            byUser.computeIfAbsent(k.personId(), p -> new ArrayList<>()).add(k.byUser());
        }
        List<PersonGallery> out = new ArrayList<>();
        faces.forEach((person, f) -> out.add(PersonGallery.of(person, f, byUser.get(person))));
        return out;
    }

    private static void write(FaceAssignmentStore faces, List<Decision> decisions) {
        List<FaceAssignmentStore.Match> auto = new ArrayList<>();
        List<FaceAssignmentStore.Match> suggest = new ArrayList<>();
        List<Long> clear = new ArrayList<>();
        for (Decision d : decisions) {
            switch (d.outcome()) {
                case AUTO -> auto.add(new FaceAssignmentStore.Match(d.faceId(), d.personId(), d.similarity()));
                case SUGGEST -> suggest.add(new FaceAssignmentStore.Match(d.faceId(), d.personId(), d.similarity()));
                case UNKNOWN -> {
                    if (d.previousSuggestion() != null) {
                        clear.add(d.faceId());
                    }
                }
            }
        }
        faces.storeRecognition(auto, suggest, clear);
    }

    /** @return pending suggestions for unknown faces, highest similarity first */
    public List<Suggestion> suggestions() {
        return writes.read("read the suggestions", t -> t.faces().suggestions().stream()
                .map(r -> new Suggestion(r.faceId(), r.personId(), r.personName(), r.similarity())).toList());
    }

    /**
     * Accepts the suggestion: the face goes to the suggested person with {@code assigned_by=user}. Undoable.
     *
     * @throws PeopleException when the face is unknown or has no suggestion
     */
    public UndoableAction confirmSuggestion(long faceId) {
        return writes.run("confirm the suggestion for face " + faceId, ctx -> {
            FaceAssignmentStore.FaceRef face = PeopleRows.requireFace(ctx.tables, faceId);
            if (face.suggestedPersonId() == null || face.personId() != null) {
                throw new PeopleException("Face " + faceId + " has no suggestion to confirm.");
            }
            var person = PeopleRows.requirePerson(ctx.tables, face.suggestedPersonId());
            PeopleService.moveFacesTo(ctx, List.of(faceId), person.id(), person.name());
            return new UndoableWrites.Done("Face " + faceId + " is \"" + person.name() + "\"", person.id());
        });
    }

    /**
     * Refuses the suggestion: "not this person", remembered; the face stays unknown. Undoable.
     *
     * @throws PeopleException when the face is unknown or has no suggestion
     */
    public UndoableAction rejectSuggestion(long faceId) {
        return writes.run("reject the suggestion for face " + faceId, ctx -> {
            FaceAssignmentStore.FaceRef face = PeopleRows.requireFace(ctx.tables, faceId);
            if (face.suggestedPersonId() == null || face.personId() != null) {
                throw new PeopleException("Face " + faceId + " has no suggestion to reject.");
            }
            var person = PeopleRows.requirePerson(ctx.tables, face.suggestedPersonId());
            PeopleService.refuse(ctx, face, person.id());
            return new UndoableWrites.Done("Face " + faceId + " is not \"" + person.name() + "\"", null);
        });
    }
}
