package app.facet.core.people.recognition;

import java.util.ArrayList;
import java.util.List;

/**
 * How recognition sees one person: the centroid of the person's faces plus a few exemplars, instead of every face.
 *
 * @param personId  the person
 * @param centroid  float[d], the L2-normalised mean of the faces used
 * @param exemplars up to {@link #MAX_EXEMPLARS} faces (float[d], L2-normalised): the face nearest the centroid, then
 *                  each time the face least like those already chosen (farthest-point sampling), so a profile view or
 *                  an older photo is represented too. Faces the user placed are chosen first; faces recognition placed
 *                  only fill the slots the user's faces leave free
 * @param faces     number of faces the gallery was built from
 */
public record PersonGallery(long personId, float[] centroid, List<float[]> exemplars, int faces) {

    public static final int MAX_EXEMPLARS = 5;

    public PersonGallery {
        exemplars = List.copyOf(exemplars);
    }

    /**
     * @param faces  L2-normalised embeddings of the person's faces (at least one)
     * @param byUser per face: placed by the user (true) or by recognition (false)
     */
    public static PersonGallery of(long personId, List<float[]> faces, List<Boolean> byUser) {
        if (faces.isEmpty() || faces.size() != byUser.size()) {
            throw new IllegalArgumentException("a gallery needs at least one face, and one flag per face");
        }
        int d = faces.get(0).length;
        float[] mean = new float[d];
        for (float[] f : faces) {
            for (int i = 0; i < d; i++) {
                mean[i] += f[i];
            }
        }
        float[] centroid = unit(mean);
        int n = faces.size();
        double[] toCentroid = new double[n];
        for (int i = 0; i < n; i++) {
            toCentroid[i] = dot(faces.get(i), centroid);
        }
        // a face far from the rest (a mis-assignment not caught yet) must not become an exemplar:
        // with enough faces, the tenth least central are left out of the choice
        boolean[] eligible = new boolean[n];
        java.util.Arrays.fill(eligible, true);
        if (n >= 10) {
            double[] sorted = toCentroid.clone();
            java.util.Arrays.sort(sorted);
            double floor = sorted[n / 10];
            for (int i = 0; i < n; i++) {
                eligible[i] = toCentroid[i] >= floor;
            }
        }
        List<float[]> exemplars = new ArrayList<>();
        double[] closest = new double[n];
        java.util.Arrays.fill(closest, Double.NEGATIVE_INFINITY);
        for (boolean userPass : new boolean[]{true, false}) {
            while (exemplars.size() < MAX_EXEMPLARS) {
                int next = -1;
                for (int i = 0; i < n; i++) {
                    if (!eligible[i] || byUser.get(i) != userPass || closest[i] >= 0.999) {
                        continue;
                    }
                    // the first exemplar is the most central face, then the one least like any chosen
                    boolean better = next < 0 || (exemplars.isEmpty() ? toCentroid[i] > toCentroid[next] : closest[i] < closest[next]);
                    if (better) {
                        next = i;
                    }
                }
                if (next < 0) {
                    break;
                }
                float[] chosen = faces.get(next);
                exemplars.add(chosen);
                for (int i = 0; i < n; i++) {
                    closest[i] = Math.max(closest[i], dot(faces.get(i), chosen));
                }
            }
        }
        if (exemplars.isEmpty()) {
            exemplars.add(faces.get(0));
        }
        return new PersonGallery(personId, centroid, exemplars, n);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
