package app.facet.core.people;

/**
 * Decision thresholds for one embedding model, all on L2-normalised embeddings.
 * <p>
 * The scan's model description (JSON per model) carries the real values; the lead wires them in with
 * {@link #of(double, double, double)}. {@link #MOBILEFACENET_DEFAULTS} holds the values that follow from
 * the facts measured for the test model (shared/models/README.md), not tuned on any photo set.
 *
 * @param clusterDistance  average-linkage cut, cosine distance (1 - cosine similarity) in (0, 2):
 *                         two groups of faces join while the mean distance over all their pairs is at most this
 * @param autoSimilarity   cosine similarity in [-1, 1]: a new face at or above it is assigned automatically
 *                         ({@code assigned_by=auto})
 * @param reviewSimilarity cosine similarity in [-1, 1], at most {@code autoSimilarity}: from here up to the auto
 *                         threshold the face gets a suggestion for the user to confirm; below it stays unknown
 */
public record PeopleThresholds(double clusterDistance, double autoSimilarity, double reviewSimilarity) {

    /**
     * For mobilefacenet (128-d): same person typically above ~0.45 cosine similarity, different people below
     * ~0.40, average linkage clean between distances 0.55 and 0.65. So: cut at 0.60 (the middle of the clean
     * range), auto at 0.50 (clearly inside the same-person range), review from 0.40 (the top of the
     * different-people range).
     */
    public static final PeopleThresholds MOBILEFACENET_DEFAULTS = new PeopleThresholds(0.60, 0.50, 0.40);

    public PeopleThresholds {
        if (!(clusterDistance > 0 && clusterDistance < 2)) {
            throw new IllegalArgumentException("cluster distance must be a cosine distance in (0, 2), got " + clusterDistance);
        }
        if (!(autoSimilarity >= -1 && autoSimilarity <= 1) || !(reviewSimilarity >= -1 && reviewSimilarity <= 1)) {
            throw new IllegalArgumentException("similarities must be cosine similarities in [-1, 1], got auto="
                    + autoSimilarity + " review=" + reviewSimilarity);
        }
        if (reviewSimilarity > autoSimilarity) {
            throw new IllegalArgumentException("the review threshold (" + reviewSimilarity
                    + ") must not exceed the auto threshold (" + autoSimilarity + ")");
        }
    }

    /** Same as the canonical constructor; reads better where the lead maps a model description. */
    public static PeopleThresholds of(double clusterDistance, double autoSimilarity, double reviewSimilarity) {
        return new PeopleThresholds(clusterDistance, autoSimilarity, reviewSimilarity);
    }
}
