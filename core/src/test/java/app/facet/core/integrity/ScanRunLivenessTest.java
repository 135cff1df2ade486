package app.facet.core.integrity;

import app.facet.core.testing.LibraryFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A 'running' scan run is only called stuck when its process is known to be gone. */
class ScanRunLivenessTest {
    @TempDir
    Path dir;

    @Test
    void aRunOfALiveProcessOrTheLatestRunWithoutPidIsNotStuck() throws Exception {
        LibraryFixture fx = LibraryFixture.build(dir);
        String root = fx.photosDir().toString();
        fx.sql("INSERT INTO scan_runs (status, roots, pid, host) VALUES ('running', json_array('" + root + "'), "
                + ScanProcess.currentPid() + ", '" + ScanProcess.currentHost() + "')");
        assertThat(stuck(fx)).as("this very process").isZero();

        fx.sql("INSERT INTO scan_runs (status, roots, pid, host) VALUES ('running', json_array('" + root + "'), 1, 'another-machine')");
        assertThat(stuck(fx)).as("another host, and the latest run: may be going right now").isZero();

        fx.sql("INSERT INTO scan_runs (started_at, status, roots) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 minute'), 'completed', json_array('" + root + "'))");
        assertThat(stuck(fx)).as("the other host's run was followed by a later one").isEqualTo(1);
    }

    @Test
    void expectedTriggersFollowEveryMigrationInOrder() {
        java.util.Map<String, String> triggers = new java.util.LinkedHashMap<>();
        ExpectedTriggers.replay("CREATE TRIGGER a AFTER INSERT ON t BEGIN SELECT 1; END;\n-- CREATE TRIGGER commented ...\n"
                + "CREATE TRIGGER IF NOT EXISTS b BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no'); END;", triggers);
        ExpectedTriggers.replay("DROP TRIGGER IF EXISTS a;\nCREATE TRIGGER c AFTER UPDATE ON t BEGIN SELECT 2; END;", triggers);

        assertThat(triggers).containsOnlyKeys("b", "c");
        assertThat(ExpectedTriggers.normalise(triggers.get("b"))).isEqualTo("CREATE TRIGGER b BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no'); END");
    }

    private static long stuck(LibraryFixture fx) {
        return new IntegrityChecker(fx.catalog()).check(CheckMode.QUICK).count(CheckNames.SCAN_RUN_STUCK);
    }
}
