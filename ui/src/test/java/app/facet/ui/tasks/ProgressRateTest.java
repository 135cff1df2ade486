package app.facet.ui.tasks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRateTest {
    static final long S = 1_000_000_000L;

    @Test
    void rateAndTimeLeftFromRecentProgress() {
        ProgressRate rate = new ProgressRate();
        assertThat(rate.describe("photos", 100)).isEmpty();
        rate.add(0, 0);
        rate.add(2 * S, 20);
        assertThat(rate.perSecond()).isEqualTo(10.0);
        assertThat(rate.remaining(100)).isEqualTo(Duration.ofSeconds(8));
        assertThat(rate.describe("photos", 100)).isEqualTo("10 photos/s · 0:08 left");
    }

    @Test
    void aSlowStartIsForgottenAfterTheWindow() {
        ProgressRate rate = new ProgressRate();
        rate.add(0, 0);
        rate.add(30 * S, 1);       // model loading: one photo in 30 s
        rate.add(35 * S, 51);
        rate.add(40 * S, 101);     // then 10 photos/s
        assertThat(rate.perSecond()).isEqualTo(10.0);
        assertThat(rate.describe("photos", -1)).isEqualTo("10 photos/s");
    }

    @Test
    void aNewPhaseCountingFromZeroStartsOver() {
        ProgressRate rate = new ProgressRate();
        rate.add(0, 0);
        rate.add(S, 500);
        rate.add(2 * S, 3);
        assertThat(rate.perSecond()).isNaN();
    }

    @Test
    void clockFormat() {
        assertThat(ProgressRate.clock(Duration.ofSeconds(65))).isEqualTo("1:05");
        assertThat(ProgressRate.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }
}
