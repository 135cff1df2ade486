package app.facet.ui.main;

import app.facet.core.scan.ScanSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop's one-line scan result ({@link LibraryActions#describe}) names what the photos' face regions did. */
class ScanStatusLineTest {
    @Test
    void theStatusLineCountsNamesFromMetadataAndRegionsToReviewOnlyWhenThereAreAny() {
        ScanSummary none = summary(ScanSummary.RegionTotals.NONE);
        assertThat(LibraryActions.describe(none)).doesNotContain("metadata").doesNotContain("review");

        ScanSummary some = summary(new ScanSummary.RegionTotals(3, 1, 1, 2, 1, 0));
        assertThat(LibraryActions.describe(some)).contains("3 names from photo metadata", "3 face regions to review");
    }

    private static ScanSummary summary(ScanSummary.RegionTotals regions) {
        return new ScanSummary(1, "completed", false, 4, 4, 0, 0, 0, 0, 4, 0, Map.of(), 0, 0, 5, 0, 0, "YuNet", "mobilefacenet",
                null, Duration.ofSeconds(2), 0, 0, regions);
    }
}
