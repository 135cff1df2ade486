package app.facet.app.cli;

import app.facet.core.scan.ScanLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static app.facet.app.cli.Cli.facet;
import static app.facet.app.cli.Cli.shared;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 2 at the command line: a scan while another holds the library's scan lock is refused, exit 2. */
class ScanRefusalCliTest {
    @TempDir
    Path tmp;

    @Test
    void aScanWhileAnotherIsLiveExitsTwoNamingIt() {
        Path lib = tmp.resolve("lib");
        String[] scan = {"scan", shared().resolve("photos/groups").toString(), "--library", lib.toString(),
                "--models", shared().resolve("models").toString(), "--threads", "1"};
        assertThat(facet(scan).exit()).isZero();
        Cli.Run refused;
        try (ScanLock live = ScanLock.acquire(lib)) {
            refused = facet(scan);
        }
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("already running (pid " + ProcessHandle.current().pid() + " on host ");
        assertThat(facet(scan).exit()).isZero();
    }
}
