package app.facet.core.people;

import app.facet.core.catalog.Catalog;

import java.util.List;

/**
 * Recognises unknown faces against the named people. Each person is represented by a centroid plus a few
 * exemplars (the face nearest the centroid, then the most different faces), not by every face. The similarity
 * of a face to a person is the highest cosine similarity to those vectors:
 * at least {@link PeopleThresholds#autoSimilarity()} → assigned with {@code assigned_by=auto};
 * at least {@link PeopleThresholds#reviewSimilarity()} → a suggestion ({@code suggested_person_id},
 * {@code suggestion_similarity}); below → unknown.
 * <p>
 * Incremental: only unassigned faces are looked at; a face assigned by the user (or already by recognition) is never
 * touched; a person the face was refused for ("not this person") is never proposed for it; "not a face" is skipped.
 */
public final class RecognitionService {
    private final Catalog catalog;
    private final PeopleThresholds thresholds;
    private final UndoHistory history;

    public RecognitionService(Catalog catalog, PeopleThresholds thresholds, UndoHistory history) {
        this.catalog = catalog;
        this.thresholds = thresholds;
        this.history = history;
    }

    /**
     * @param dryRun true to count only, writing nothing
     * @return counts of auto-assigned, suggested and unknown faces
     */
    public RecognitionSummary recognize(boolean dryRun) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @return pending suggestions, highest similarity first */
    public List<Suggestion> suggestions() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Accepts the suggestion: the face goes to the suggested person with {@code assigned_by=user}. Undoable. */
    public UndoableAction confirmSuggestion(long faceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Refuses the suggestion: "not this person", remembered; the face stays unknown. Undoable. */
    public UndoableAction rejectSuggestion(long faceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
