package app.facet.core.integrity;

import app.facet.core.testing.LibraryFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A healthy catalog built from the shared photos: no check may report anything (no false positives). */
class CleanCatalogTest {
    @TempDir
    static Path dir;
    static LibraryFixture fixture;

    @BeforeAll
    static void build() throws Exception {
        fixture = LibraryFixture.build(dir);
    }

    @Test
    void fullCheckOfAHealthyCatalogFindsNothing() {
        IntegrityReport report = new IntegrityChecker(fixture.catalog()).check(CheckMode.FULL);

        assertThat(report.checks()).allSatisfy(c -> assertThat(c.count()).as(c.name() + " " + c.samples()).isZero());
        assertThat(report.isClean()).isTrue();
        assertThat(report.checks()).extracting(CheckResult::name).contains(CheckNames.SQLITE_INTEGRITY, CheckNames.ORPHAN_CROP_FILES,
                CheckNames.EMBEDDING_NOT_NORMALISED, CheckNames.SCHEMA_TRIGGERS);
    }

    @Test
    void quickCheckRunsOnlySqlChecks() {
        IntegrityReport report = new IntegrityChecker(fixture.catalog()).check(CheckMode.QUICK);

        assertThat(report.isClean()).isTrue();
        assertThat(report.checks()).extracting(CheckResult::name).doesNotContain(CheckNames.FACE_PHOTO_MISSING, CheckNames.CROP_FILE_MISSING,
                CheckNames.ORPHAN_CROP_FILES, CheckNames.EMBEDDING_NOT_NORMALISED);
        assertThat(report.checks()).extracting(CheckResult::name).contains(CheckNames.FACE_IMAGE_PATH_IS_CROP, CheckNames.DUPLICATE_FACES);
    }

    @Test
    void fixtureLooksLikeAScannedLibrary() throws Exception {
        assertThat(fixture.photos()).hasSize(LibraryFixture.labels().size());
        assertThat(fixture.faces()).hasSizeGreaterThan(fixture.photos().size());
        assertThat(fixture.faces()).allSatisfy(f -> assertThat(f.cropPath()).isRegularFile());
        assertThat(fixture.queryLong("SELECT count(*) FROM face_crops WHERE assigned_by = 'user'")).isGreaterThan(3);
    }

    @Test
    void fullCheckReportsProgressUpToTheTotalAndCanBeCancelled() {
        List<long[]> updates = new ArrayList<>();
        new IntegrityChecker(fixture.catalog()).check(CheckMode.FULL, (done, total) -> updates.add(new long[]{done, total}), () -> false);

        assertThat(updates).isNotEmpty();
        long[] last = updates.get(updates.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isGreaterThan(fixture.photos().size());
        assertThat(updates).allSatisfy(u -> assertThat(u[0]).isLessThanOrEqualTo(u[1]));

        int[] polls = {0};
        assertThatThrownBy(() -> new IntegrityChecker(fixture.catalog()).check(CheckMode.FULL, IntegrityProgress.NONE, () -> ++polls[0] > 5))
                .isInstanceOf(CancellationException.class);
    }
}
