package app.facet.core.people.recognition;

import java.util.List;
import java.util.Set;

/**
 * Scores a face against every person of a gallery: the similarity to a person is the highest cosine similarity to
 * the person's centroid or exemplars. An exact scan (1,000 people x 6 vectors is ~6,000 dot products per face, see
 * docs/PERFORMANCE.md): exact because a missed person would mean a missed assignment, and refusals ("not this
 * person") must be skipped per face. Thread-safe.
 */
public final class GalleryMatcher {

    /**
     * @param personId   best person, -1 when no person could be compared
     * @param similarity cosine similarity to that person, in [-1, 1]
     * @param runnerUp   similarity to the second-best person, -1 when there is none
     */
    public record Match(long personId, double similarity, double runnerUp) {
        public static final Match NONE = new Match(-1, -1, -1);
    }

    private final long[] personOf;
    private final float[][] vectors;
    private final int people;

    public GalleryMatcher(List<PersonGallery> galleries) {
        int m = 0;
        for (PersonGallery g : galleries) {
            m += 1 + g.exemplars().size();
        }
        personOf = new long[m];
        vectors = new float[m][];
        int i = 0;
        for (PersonGallery g : galleries) {
            personOf[i] = g.personId();
            vectors[i++] = g.centroid();
            for (float[] e : g.exemplars()) {
                personOf[i] = g.personId();
                vectors[i++] = e;
            }
        }
        people = galleries.size();
    }

    public int people() {
        return people;
    }

    /**
     * @param face     float[d], L2-normalised
     * @param refused  persons this face must not be matched with
     */
    public Match match(float[] face, Set<Long> refused) {
        long best = -1, second = -1;
        double bestSim = -2, secondSim = -2;
        // vectors of one person are contiguous: fold each run to its maximum, then rank persons
        int i = 0;
        while (i < vectors.length) {
            long person = personOf[i];
            double sim = -2;
            for (; i < vectors.length && personOf[i] == person; i++) {
                sim = Math.max(sim, dot(face, vectors[i]));
            }
            if (refused.contains(person)) {
                continue;
            }
            if (sim > bestSim) {
                second = best;
                secondSim = bestSim;
                best = person;
                bestSim = sim;
            } else if (sim > secondSim) {
                second = person;
                secondSim = sim;
            }
        }
        if (best < 0) {
            return Match.NONE;
        }
        return new Match(best, bestSim, second < 0 ? -1 : secondSim);
    }

    private static double dot(float[] u, float[] v) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0, n = u.length;
        for (; i + 3 < n; i += 4) {
            s0 += u[i] * v[i];
            s1 += u[i + 1] * v[i + 1];
            s2 += u[i + 2] * v[i + 2];
            s3 += u[i + 3] * v[i + 3];
        }
        for (; i < n; i++) {
            s0 += u[i] * v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
