package app.facet.core.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpearmanTest {

    @Test
    void perfectOrdersAreOneAndMinusOne() {
        double[] x = {0, 1, 2, 3, 4, 5};
        assertThat(Spearman.rho(x, new double[]{0.9, 0.8, 0.7, 0.5, 0.3, 0.1})).isEqualTo(-1.0, within(1e-12));
        assertThat(Spearman.rho(x, new double[]{1, 2, 3, 40, 50, 600})).isEqualTo(1.0, within(1e-12));
    }

    @Test
    void oneAdjacentSwapInSixGivesTheTextbookValue() {
        // rho = 1 - 6·Σd² / (n(n²-1)) = 1 - 6·2 / 210
        assertThat(Spearman.rho(new double[]{0, 1, 2, 3, 4, 5}, new double[]{6, 5, 3, 4, 2, 1})).isEqualTo(-(1 - 12.0 / 210), within(1e-12));
    }

    @Test
    void tiesGetTheirAverageRank() {
        assertThat(Spearman.ranks(new double[]{3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
    }
}
