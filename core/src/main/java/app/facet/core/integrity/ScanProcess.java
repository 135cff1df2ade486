package app.facet.core.integrity;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifies the process that owns a scan run, so a 'running' row whose process died can be told from a scan
 * that is still going. The scanner stores {@link #currentPid()} and {@link #currentHost()} in
 * {@code scan_runs.pid} and {@code scan_runs.host} when it starts a run.
 */
public final class ScanProcess {
    private static final Logger log = LoggerFactory.getLogger(ScanProcess.class);
    private static final Path LINUX_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private ScanProcess() {
    }

    public static long currentPid() {
        return ProcessHandle.current().pid();
    }

    /** @return this machine's host name, without a DNS lookup where the OS tells it directly */
    public static String currentHost() {
        String env = System.getenv("COMPUTERNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            if (Files.isReadable(LINUX_HOSTNAME)) {
                return Files.readString(LINUX_HOSTNAME, StandardCharsets.US_ASCII).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            // without a host name, liveness of recorded pids cannot be judged: runs fall back to "a later run started"
            log.warn("event=host_name_unknown reason={}", e.toString());
            return "unknown";
        }
    }

    /**
     * @return true when a process on this host with {@code pid} is running and was started no later than the run
     *         (a younger process with the same pid is a reuse of the number, not the scan)
     */
    static boolean isAlive(long pid, Instant runStartedAt) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = handle.get().info().startInstant();
        // process start times are known to the second: allow that much slack
        return started.isEmpty() || runStartedAt == null || !started.get().isAfter(runStartedAt.plusSeconds(1));
    }
}
