package app.facet.core.people.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The clusterer against a plain O(n³) UPGMA, and the low-quality rules. */
class AverageLinkageClustererTest {

    @Test
    void withoutGroupingItIsExactlyAverageLinkage() {
        Random random = new Random(3);
        // 12 loose identities of 2..40 faces, mixed spreads: merges happen across the whole range below the cut
        List<float[]> list = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            float[] centre = unitGaussian(random, 32, 1);
            int n = 2 + random.nextInt(39);
            double sigma = 0.08 + 0.1 * random.nextDouble();
            for (int i = 0; i < n; i++) {
                float[] v = unitGaussian(random, 32, sigma);
                for (int d = 0; d < 32; d++) {
                    v[d] += centre[d];
                }
                list.add(AverageLinkageClusterer.unit(v));
            }
        }
        float[][] vectors = list.toArray(new float[0][]);
        boolean[] all = new boolean[vectors.length];
        Arrays.fill(all, true);
        for (double cut : new double[]{0.2, 0.45, 0.7}) {
            AverageLinkageClusterer.Options options = new AverageLinkageClusterer.Options(cut, vectors.length, 1, vectors.length, 0.75);
            int[] labels = AverageLinkageClusterer.cluster(vectors, all, null, options).labels();
            assertThat(partition(labels)).as("cut %s", cut).isEqualTo(partition(naiveUpgma(vectors, cut)));
        }
    }

    @Test
    void lowQualityFacesNeverSeedButJoinAClusterTheyAreCloseTo() {
        Random random = new Random(5);
        float[] centre = unitGaussian(random, 64, 1);
        float[][] v = new float[6][];
        for (int i = 0; i < 4; i++) {
            v[i] = near(centre, 0.1, random);
        }
        float[] elsewhere = unitGaussian(random, 64, 1);
        v[4] = near(elsewhere, 0.05, random);
        v[5] = near(elsewhere, 0.05, random);
        AverageLinkageClusterer.Options options = AverageLinkageClusterer.Options.of(0.6).withThreads(1);

        // the pair "elsewhere" is as tight as can be, but two blurred faces do not make a person
        boolean[] seeds = {true, false, true, true, false, false};
        AverageLinkageClusterer.Result r = AverageLinkageClusterer.cluster(v, seeds, null, options);
        assertThat(r.labels()[1]).as("low quality, close to the cluster: joins it").isEqualTo(r.labels()[0]);
        assertThat(r.labels()[4]).isEqualTo(-1);
        assertThat(r.labels()[5]).isEqualTo(-1);
        assertThat(r.joined()).isEqualTo(1);
        assertThat(r.unclustered()).isEqualTo(2);

        // the same two faces as seeds form their own cluster
        boolean[] allSeed = {true, true, true, true, true, true};
        int[] labels = AverageLinkageClusterer.cluster(v, allSeed, null, options).labels();
        assertThat(labels[4]).isEqualTo(labels[5]).isNotEqualTo(labels[0]);
    }

    @Test
    void noSeedsMeansNoClusters() {
        float[][] v = {unitGaussian(new Random(1), 8, 1)};
        AverageLinkageClusterer.Result r = AverageLinkageClusterer.cluster(v, new boolean[]{false}, null,
                AverageLinkageClusterer.Options.of(0.5));
        assertThat(r.clusters()).isZero();
        assertThat(r.labels()).containsExactly(-1);
    }

    private static float[] near(float[] centre, double sigma, Random random) {
        float[] v = unitGaussian(random, centre.length, sigma);
        for (int d = 0; d < v.length; d++) {
            v[d] += centre[d];
        }
        return AverageLinkageClusterer.unit(v);
    }

    private static float[] unitGaussian(Random random, int d, double sigma) {
        float[] v = new float[d];
        for (int i = 0; i < d; i++) {
            v[i] = (float) (random.nextGaussian() * sigma);
        }
        return sigma == 1 ? AverageLinkageClusterer.unit(v) : v;
    }

    /** Textbook UPGMA on the full distance matrix: merge the closest pair while its mean distance is within the cut. */
    static int[] naiveUpgma(float[][] v, double cut) {
        int n = v.length;
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        while (true) {
            double best = Double.MAX_VALUE;
            int bi = -1, bj = -1;
            for (int i = 0; i < clusters.size(); i++) {
                for (int j = i + 1; j < clusters.size(); j++) {
                    double sum = 0;
                    for (int a : clusters.get(i)) {
                        for (int b : clusters.get(j)) {
                            double dot = 0;
                            for (int d = 0; d < v[a].length; d++) {
                                dot += v[a][d] * v[b][d];
                            }
                            sum += 1 - dot;
                        }
                    }
                    double mean = sum / (clusters.get(i).size() * clusters.get(j).size());
                    if (mean < best) {
                        best = mean;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0 || best > cut) {
                break;
            }
            clusters.get(bi).addAll(clusters.remove(bj));
        }
        int[] labels = new int[n];
        for (int c = 0; c < clusters.size(); c++) {
            for (int i : clusters.get(c)) {
                labels[i] = c;
            }
        }
        return labels;
    }

    /** Label-independent form of a clustering: each face mapped to the smallest face index of its cluster. */
    static List<Integer> partition(int[] labels) {
        Map<Integer, Integer> first = new HashMap<>();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            out.add(labels[i] < 0 ? -1 - i : first.computeIfAbsent(labels[i], l -> out.size()));
        }
        return out;
    }
}
