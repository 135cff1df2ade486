package app.facet.core.people;

import app.facet.core.people.cluster.AverageLinkageClusterer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clustering quality on embeddings with known identities ({@link SyntheticFaces}: noisy copies around centroids, in the
 * similarity regime of the measured mobilefacenet facts), cut at the mobilefacenet default.
 */
class ClusteringQualityTest {
    private static final double CUT = PeopleThresholds.MOBILEFACENET_DEFAULTS.clusterDistance();

    @Test
    void smallLibraryExactPathReachesPairwiseF1OfAtLeast095() {
        SyntheticFaces data = SyntheticFaces.realistic(2_000, 40, 1.0, 21);
        AverageLinkageClusterer.Result r = AverageLinkageClusterer.cluster(data.vectors(), seeds(data), data.quality(),
                AverageLinkageClusterer.Options.of(CUT));
        PairwiseF1 f1 = PairwiseF1.of(data.identity(), r.labels());
        assertThat(f1.f1()).as("%s; %s", f1, data.describe()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.groups()).as("no grouping below the threshold").isEqualTo(r.seeds());
    }

    @Test
    void largeLibraryWithLeaderGroupingAndHnswReachesPairwiseF1OfAtLeast095() {
        SyntheticFaces data = SyntheticFaces.realistic(30_000, 300, 1.0, 22);
        AverageLinkageClusterer.Result r = AverageLinkageClusterer.cluster(data.vectors(), seeds(data), data.quality(),
                AverageLinkageClusterer.Options.of(CUT));
        PairwiseF1 f1 = PairwiseF1.of(data.identity(), r.labels());
        assertThat(f1.f1()).as("%s; %s", f1, data.describe()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.groups()).as("leader grouping ran").isLessThan(r.seeds() / 2);
    }

    @Test
    void pairwiseF1CountsPairsNotLabels() {
        int[] identity = {0, 0, 0, 1, 1};
        assertThat(PairwiseF1.of(identity, new int[]{7, 7, 7, 3, 3}).f1()).isEqualTo(1.0);
        PairwiseF1 merged = PairwiseF1.of(identity, new int[]{1, 1, 1, 1, 1});
        assertThat(merged.recall()).isEqualTo(1.0);
        assertThat(merged.precision()).isEqualTo(4 / 10.0);
        PairwiseF1 unclustered = PairwiseF1.of(identity, new int[]{1, 1, -1, 2, -1});
        assertThat(unclustered.precision()).isEqualTo(1.0);
        assertThat(unclustered.recall()).isEqualTo(1 / 4.0);
    }

    static boolean[] seeds(SyntheticFaces data) {
        boolean[] s = new boolean[data.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = !data.lowQuality()[i];
        }
        return s;
    }
}
