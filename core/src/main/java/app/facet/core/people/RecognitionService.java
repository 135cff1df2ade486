package app.facet.core.people;

import app.facet.core.catalog.Catalog;
import app.facet.core.people.cluster.Parallel;
import app.facet.core.people.recognition.GalleryMatcher;
import app.facet.core.people.recognition.PersonGallery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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

    private final Catalog catalog;
    private final ThresholdsByModel thresholds;
    private final UndoableWrites writes;

    public RecognitionService(Catalog catalog, PeopleThresholds thresholds, UndoHistory history) {
        this(catalog, ThresholdsByModel.fixed(thresholds), history);
    }

    /** @param thresholds thresholds per embedding model (from the model descriptions) */
    public RecognitionService(Catalog catalog, ThresholdsByModel thresholds, UndoHistory history) {
        this.catalog = catalog;
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
        record Input(Map<String, List<EmbeddedFaces.Unknown>> unknown, Map<String, List<EmbeddedFaces.Known>> known,
                     Map<Long, Set<Long>> refusals) {
        }
        Input input = Transactions.read(catalog, "read the faces to recognise",
                c -> new Input(EmbeddedFaces.unknown(c), EmbeddedFaces.known(c), refusals(c)));
        List<Decision> decisions = new ArrayList<>();
        Set<Long> peopleKnown = new HashSet<>();
        for (Map.Entry<String, List<EmbeddedFaces.Unknown>> e : input.unknown().entrySet()) {
            List<EmbeddedFaces.Known> known = new ArrayList<>(input.known().getOrDefault(e.getKey(), List.of()));
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
            Transactions.write(catalog, "store the recognition results", c -> {
                write(c, decisions);
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
    private static List<Decision> recogniseModel(List<EmbeddedFaces.Unknown> faces, List<EmbeddedFaces.Known> known,
                                                 PeopleThresholds t, Map<Long, Set<Long>> refusals, Set<Long> peopleKnown) {
        int threads = Runtime.getRuntime().availableProcessors();
        List<Decision> settled = new ArrayList<>();
        List<EmbeddedFaces.Unknown> pending = faces;
        Decision[] latest = new Decision[0];
        for (int round = 1; round <= ROUNDS && !pending.isEmpty(); round++) {
            List<PersonGallery> galleries = galleries(known);
            galleries.forEach(g -> peopleKnown.add(g.personId()));
            GalleryMatcher matcher = new GalleryMatcher(galleries);
            List<EmbeddedFaces.Unknown> current = pending;
            Decision[] out = new Decision[current.size()];
            int blocks = (current.size() + BLOCK - 1) / BLOCK;
            Parallel.forEach(threads, blocks, block -> {
                List<EmbeddedFaces.Unknown> part = current.subList(block * BLOCK, Math.min(current.size(), (block + 1) * BLOCK));
                GalleryMatcher.Match[] matches = matcher.matchAll(part.stream().map(EmbeddedFaces.Unknown::embedding).toList(),
                        part.stream().map(f -> refusals.getOrDefault(f.id(), Set.<Long>of())).toList());
                for (int j = 0; j < part.size(); j++) {
                    out[block * BLOCK + j] = decide(part.get(j), matches[j], t);
                }
            });
            latest = out;
            List<EmbeddedFaces.Unknown> next = new ArrayList<>();
            for (int i = 0; i < out.length; i++) {
                if (out[i].outcome() == Outcome.AUTO) {
                    settled.add(out[i]);
                    known.add(new EmbeddedFaces.Known(current.get(i).id(), out[i].personId(), current.get(i).embedding(), false));
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
            for (EmbeddedFaces.Unknown f : pending) {
                Decision d = decide(f, matcher.match(f.embedding(), refusals.getOrDefault(f.id(), Set.of())), t);
                settled.add(d.outcome() == Outcome.AUTO ? new Decision(f.id(), Outcome.SUGGEST, d.personId(), d.similarity(), d.previousSuggestion()) : d);
            }
        }
        return settled;
    }

    private static Decision decide(EmbeddedFaces.Unknown f, GalleryMatcher.Match m, PeopleThresholds t) {
        if (m.personId() < 0 || m.similarity() < t.reviewSimilarity()) {
            return new Decision(f.id(), Outcome.UNKNOWN, -1, Double.NaN, f.suggestedPersonId());
        }
        boolean clear = m.similarity() - m.runnerUp() >= AMBIGUITY_MARGIN;
        Outcome outcome = m.similarity() >= t.autoSimilarity() && clear ? Outcome.AUTO : Outcome.SUGGEST;
        return new Decision(f.id(), outcome, m.personId(), m.similarity(), f.suggestedPersonId());
    }

    /** One gallery per person with faces of this model. */
    private static List<PersonGallery> galleries(List<EmbeddedFaces.Known> known) {
        Map<Long, List<float[]>> faces = new LinkedHashMap<>();
        Map<Long, List<Boolean>> byUser = new LinkedHashMap<>();
        for (EmbeddedFaces.Known k : known) {
            faces.computeIfAbsent(k.personId(), p -> new ArrayList<>()).add(k.embedding());
            byUser.computeIfAbsent(k.personId(), p -> new ArrayList<>()).add(k.byUser());
        }
        List<PersonGallery> out = new ArrayList<>();
        faces.forEach((person, f) -> out.add(PersonGallery.of(person, f, byUser.get(person))));
        return out;
    }

    private static Map<Long, Set<Long>> refusals(Connection c) throws SQLException {
        Map<Long, Set<Long>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.face_id, r.person_id FROM face_person_rejections r "
                + "JOIN face_crops f ON f.id = r.face_id WHERE f.person_id IS NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
            }
        }
        return out;
    }

    private static void write(Connection c, List<Decision> decisions) throws SQLException {
        // every statement re-checks that the face is still unknown: the user may have acted meanwhile
        String still = " WHERE id = ? AND person_id IS NULL AND not_a_face = 0";
        try (PreparedStatement assign = c.prepareStatement("UPDATE face_crops SET person_id = ?, assigned_by = 'auto', cluster_id = NULL, "
                + "suggested_person_id = NULL, suggestion_similarity = NULL" + still
                + " AND NOT EXISTS (SELECT 1 FROM face_person_rejections r WHERE r.face_id = face_crops.id AND r.person_id = ?)");
             PreparedStatement suggest = c.prepareStatement("UPDATE face_crops SET suggested_person_id = ?, suggestion_similarity = ?" + still
                     + " AND NOT EXISTS (SELECT 1 FROM face_person_rejections r WHERE r.face_id = face_crops.id AND r.person_id = ?)");
             PreparedStatement clear = c.prepareStatement("UPDATE face_crops SET suggested_person_id = NULL, suggestion_similarity = NULL" + still)) {
            for (Decision d : decisions) {
                switch (d.outcome()) {
                    case AUTO -> {
                        assign.setLong(1, d.personId());
                        assign.setLong(2, d.faceId());
                        assign.setLong(3, d.personId());
                        assign.addBatch();
                    }
                    case SUGGEST -> {
                        suggest.setLong(1, d.personId());
                        suggest.setDouble(2, d.similarity());
                        suggest.setLong(3, d.faceId());
                        suggest.setLong(4, d.personId());
                        suggest.addBatch();
                    }
                    case UNKNOWN -> {
                        if (d.previousSuggestion() != null) {
                            clear.setLong(1, d.faceId());
                            clear.addBatch();
                        }
                    }
                }
            }
            assign.executeBatch();
            suggest.executeBatch();
            clear.executeBatch();
        }
    }

    /** @return pending suggestions for unknown faces, highest similarity first */
    public List<Suggestion> suggestions() {
        return Transactions.read(catalog, "read the suggestions", c -> {
            List<Suggestion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.id, f.suggested_person_id, p.name, f.suggestion_similarity "
                    + "FROM face_crops f JOIN persons p ON p.id = f.suggested_person_id "
                    + "WHERE f.person_id IS NULL AND f.not_a_face = 0 ORDER BY f.suggestion_similarity DESC, f.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Suggestion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDouble(4)));
                }
            }
            return out;
        });
    }

    /**
     * Accepts the suggestion: the face goes to the suggested person with {@code assigned_by=user}. Undoable.
     *
     * @throws PeopleException when the face is unknown or has no suggestion
     */
    public UndoableAction confirmSuggestion(long faceId) {
        return writes.run("confirm the suggestion for face " + faceId, ctx -> {
            PeopleRows.FaceRef face = PeopleRows.requireFace(ctx.c, faceId);
            if (face.suggestedPersonId() == null || face.personId() != null) {
                throw new PeopleException("Face " + faceId + " has no suggestion to confirm.");
            }
            var person = PeopleRows.requirePerson(ctx.c, face.suggestedPersonId());
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
            PeopleRows.FaceRef face = PeopleRows.requireFace(ctx.c, faceId);
            if (face.suggestedPersonId() == null || face.personId() != null) {
                throw new PeopleException("Face " + faceId + " has no suggestion to reject.");
            }
            var person = PeopleRows.requirePerson(ctx.c, face.suggestedPersonId());
            PeopleService.refuse(ctx, face, person.id());
            return new UndoableWrites.Done("Face " + faceId + " is not \"" + person.name() + "\"", null);
        });
    }
}
