package app.facet.core.people;

import java.util.Random;

/**
 * Synthetic face embeddings with known identities, shaped like real 128-d face embeddings: every identity has a
 * centroid on the unit sphere that shares a common "face" direction with the others (real embeddings of different
 * people are mildly positively correlated), and each face is the centroid plus isotropic Gaussian noise whose strength
 * varies per face (sharp frontal faces close to the centroid, hard ones far), then L2-normalised.
 * <p>
 * With the defaults, same-person pairs have a cosine similarity of about 0.6 on average (a tail down to ~0.35) and
 * different people about 0.1 (rarely above 0.35): the regime of the measured mobilefacenet facts (same person
 * typically above ~0.45, different people below ~0.40). {@link #describe()} prints the measured distribution.
 *
 * @param vectors    float[n][dimension], L2-normalised
 * @param identity   identity of each face, 0..people-1
 * @param lowQuality faces generated with extra noise, as a tiny or blurred face would be
 * @param quality    0..1, higher for faces generated with less noise (as a sharp frontal face embeds more
 *                   consistently than a blurred or turned one)
 */
record SyntheticFaces(float[][] vectors, int[] identity, boolean[] lowQuality, double[] quality, float[][] centroids) {

    static final int DIMENSION = 128;

    /**
     * @param faces       number of faces
     * @param people      number of identities
     * @param zipf        identity sizes follow rank^-zipf (0 = equal sizes; 1 = a few people in most photos, like a family)
     * @param noise       per-coordinate noise sigma of a typical face
     * @param lowFraction fraction of low-quality faces (noise x1.6)
     */
    static SyntheticFaces generate(int faces, int people, double zipf, double noise, double lowFraction, long seed) {
        Random random = new Random(seed);
        float[] common = unit(gaussian(random, DIMENSION, 1));
        float[][] centroids = new float[people][];
        for (int p = 0; p < people; p++) {
            float[] r = unit(gaussian(random, DIMENSION, 1));
            float[] c = new float[DIMENSION];
            for (int i = 0; i < DIMENSION; i++) {
                c[i] = 0.3f * common[i] + r[i];
            }
            centroids[p] = unit(c);
        }
        double[] weight = new double[people];
        double total = 0;
        for (int p = 0; p < people; p++) {
            weight[p] = Math.pow(p + 1, -zipf);
            total += weight[p];
        }
        int[] identity = new int[faces];
        int f = 0;
        // every identity gets at least one face, the rest in proportion to its weight
        for (int p = 0; p < people && f < faces; p++) {
            identity[f++] = p;
        }
        double[] cumulative = new double[people];
        double acc = 0;
        for (int p = 0; p < people; p++) {
            acc += weight[p] / total;
            cumulative[p] = acc;
        }
        while (f < faces) {
            double u = random.nextDouble();
            int p = java.util.Arrays.binarySearch(cumulative, u);
            identity[f++] = Math.min(people - 1, p < 0 ? -p - 1 : p);
        }
        float[][] vectors = new float[faces][];
        boolean[] low = new boolean[faces];
        double[] quality = new double[faces];
        for (int i = 0; i < faces; i++) {
            low[i] = random.nextDouble() < lowFraction;
            double spread = random.nextDouble();
            double sigma = noise * (0.75 + 0.5 * spread) * (low[i] ? 1.6 : 1.0);
            quality[i] = low[i] ? 0.2 * (1 - spread) : 0.4 + 0.6 * (1 - spread);
            float[] v = gaussian(random, DIMENSION, sigma);
            float[] c = centroids[identity[i]];
            for (int d = 0; d < DIMENSION; d++) {
                v[d] += c[d];
            }
            vectors[i] = unit(v);
        }
        return new SyntheticFaces(vectors, identity, low, quality, centroids);
    }

    /** The defaults: noise 0.075 per coordinate, 10% low-quality faces. */
    static SyntheticFaces realistic(int faces, int people, double zipf, long seed) {
        return generate(faces, people, zipf, 0.075, 0.10, seed);
    }

    int size() {
        return vectors.length;
    }

    /** Mean and 5th/95th percentiles of same-person and different-person cosine similarity, from sampled pairs. */
    String describe() {
        Random random = new Random(7);
        int samples = 20_000;
        double[] same = new double[samples];
        double[] different = new double[samples];
        int s = 0, d = 0, tries = 0;
        while ((s < samples || d < samples) && tries++ < 50_000_000) {
            int a = random.nextInt(size()), b = random.nextInt(size());
            if (a == b) {
                continue;
            }
            double sim = dot(vectors[a], vectors[b]);
            if (identity[a] == identity[b]) {
                if (s < samples) {
                    same[s++] = sim;
                }
            } else if (d < samples) {
                different[d++] = sim;
            }
        }
        return "same-person cosine similarity " + stats(same, s) + "; different people " + stats(different, d);
    }

    private static String stats(double[] values, int n) {
        if (n == 0) {
            return "n/a";
        }
        double[] v = java.util.Arrays.copyOf(values, n);
        java.util.Arrays.sort(v);
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        return String.format(java.util.Locale.ROOT, "mean %.2f (p5 %.2f, p95 %.2f)", mean, v[(int) (0.05 * (n - 1))], v[(int) (0.95 * (n - 1))]);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static float[] gaussian(Random random, int n, double sigma) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * sigma);
        }
        return v;
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
