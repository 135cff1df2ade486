package app.facet.core.decisions;

/** One-to-one assignment by best score first: good enough for the handful of faces of one photo. */
final class Greedy {
    private Greedy() {
    }

    /**
     * @param score    score[row][column]; pairs below {@code minimum} are never made
     * @param pairOf   out: for each row its column, or -1
     * @param pairScore out: for each row the score of its pair, 0 when unpaired
     * @return the total score of the pairs made
     */
    static double assign(double[][] score, double minimum, int[] pairOf, double[] pairScore) {
        int rows = score.length, cols = rows == 0 ? 0 : score[0].length;
        java.util.Arrays.fill(pairOf, -1);
        java.util.Arrays.fill(pairScore, 0);
        boolean[] colTaken = new boolean[cols];
        double total = 0;
        while (true) {
            int br = -1, bc = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; pairOf[r] < 0 && c < cols; c++) {
                    if (!colTaken[c] && score[r][c] >= minimum && score[r][c] > best) {
                        best = score[r][c];
                        br = r;
                        bc = c;
                    }
                }
            }
            if (br < 0) {
                return total;
            }
            pairOf[br] = bc;
            pairScore[br] = best;
            colTaken[bc] = true;
            total += best;
        }
    }
}
