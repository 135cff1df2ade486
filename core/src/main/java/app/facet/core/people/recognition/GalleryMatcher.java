package app.facet.core.people.recognition;

import java.util.List;
import java.util.Set;

/**
 * Scores a face against every person of a gallery: the similarity to a person is the highest cosine similarity to
 * the person's centroid or exemplars. An exact scan (1,000 people x 6 vectors is ~6,000 dot products per face, see
 * docs/PERFORMANCE.md): exact because a missed person would mean a missed assignment, and refusals ("not this
 * person") must be skipped per face. {@link #matchAll} compares blocks of faces with each gallery vector while it is in
 * the CPU cache, instead of streaming the whole gallery (3 MB for 1,000 people) from memory for every face.
 * Thread-safe.
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
    /** person index 0..people-1 of each vector; the vectors of one person are contiguous */
    private final int[] slotOf;
    private final long[] personIds;
    private final float[][] vectors;
    private final int people;
    static final int BLOCK = 64;

    public GalleryMatcher(List<PersonGallery> galleries) {
        int m = 0;
        for (PersonGallery g : galleries) {
            m += 1 + g.exemplars().size();
        }
        personOf = new long[m];
        slotOf = new int[m];
        personIds = new long[galleries.size()];
        vectors = new float[m][];
        int i = 0;
        for (int p = 0; p < galleries.size(); p++) {
            PersonGallery g = galleries.get(p);
            personIds[p] = g.personId();
            slotOf[i] = p;
            personOf[i] = g.personId();
            vectors[i++] = g.centroid();
            for (float[] e : g.exemplars()) {
                slotOf[i] = p;
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

    /**
     * Same as {@link #match} for many faces, faster.
     *
     * @param faces   float[d] each, L2-normalised
     * @param refused per face, the persons it must not be matched with
     */
    public Match[] matchAll(List<float[]> faces, List<Set<Long>> refused) {
        Match[] out = new Match[faces.size()];
        double[][] best = new double[BLOCK][people];
        for (int from = 0; from < faces.size(); from += BLOCK) {
            int n = Math.min(BLOCK, faces.size() - from);
            for (int b = 0; b < n; b++) {
                java.util.Arrays.fill(best[b], -2);
            }
            for (int i = 0; i < vectors.length; i++) {
                float[] v = vectors[i];
                int slot = slotOf[i];
                for (int b = 0; b < n; b++) {
                    double sim = dot(faces.get(from + b), v);
                    if (sim > best[b][slot]) {
                        best[b][slot] = sim;
                    }
                }
            }
            for (int b = 0; b < n; b++) {
                out[from + b] = rank(best[b], refused.get(from + b));
            }
        }
        return out;
    }

    private Match rank(double[] byPerson, Set<Long> refused) {
        int best = -1, second = -1;
        for (int p = 0; p < people; p++) {
            if (!refused.isEmpty() && refused.contains(personIds[p])) {
                continue;
            }
            if (best < 0 || byPerson[p] > byPerson[best]) {
                second = best;
                best = p;
            } else if (second < 0 || byPerson[p] > byPerson[second]) {
                second = p;
            }
        }
        if (best < 0) {
            return Match.NONE;
        }
        return new Match(personIds[best], byPerson[best], second < 0 ? -1 : byPerson[second]);
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
