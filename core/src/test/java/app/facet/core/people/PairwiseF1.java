package app.facet.core.people;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a clustering against known identities: a pair of faces is "predicted
 * together" when both carry the same cluster label (label -1 = unclustered, together with nobody) and "truly
 * together" when both have the same identity. Counted from the contingency table, so O(n), not O(n²).
 */
record PairwiseF1(double precision, double recall, double f1, long truePairs, long predictedPairs) {

    static PairwiseF1 of(int[] identity, int[] label) {
        if (identity.length != label.length) {
            throw new IllegalArgumentException("identity and label lengths differ");
        }
        Map<Long, Long> cells = new HashMap<>();
        Map<Integer, Long> identitySizes = new HashMap<>();
        Map<Integer, Long> labelSizes = new HashMap<>();
        for (int i = 0; i < identity.length; i++) {
            identitySizes.merge(identity[i], 1L, Long::sum);
            if (label[i] >= 0) {
                labelSizes.merge(label[i], 1L, Long::sum);
                cells.merge(((long) identity[i] << 32) | (label[i] & 0xffffffffL), 1L, Long::sum);
            }
        }
        long together = cells.values().stream().mapToLong(PairwiseF1::pairs).sum();
        long truePairs = identitySizes.values().stream().mapToLong(PairwiseF1::pairs).sum();
        long predictedPairs = labelSizes.values().stream().mapToLong(PairwiseF1::pairs).sum();
        double precision = predictedPairs == 0 ? 1.0 : (double) together / predictedPairs;
        double recall = truePairs == 0 ? 1.0 : (double) together / truePairs;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new PairwiseF1(precision, recall, f1, truePairs, predictedPairs);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "pairwise precision %.4f, recall %.4f, F1 %.4f", precision, recall, f1);
    }
}
