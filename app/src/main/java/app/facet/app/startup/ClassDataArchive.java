package app.facet.app.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Tells {@code ./facet} whether the class-data archive this run is writing may be kept. The launcher writes a command's
 * AppCDS archive at the exit of its first run ({@code -XX:ArchiveClassesAtExit}) and cannot see that run's exit status
 * (it exec's the JVM so that signals reach it). A run that failed, only printed help, or had nothing to do (a scan
 * with no photo to analyse loads no OpenCV or ONNX Runtime) loads a fraction of the command's classes, and its archive
 * would stay that poor for good (issue 14: a {@code photos} archive of 6.8 MB instead of 17.8 MB). So the launcher
 * passes {@code -D}{@value #PROPERTY}{@code =FILE}, this class writes FILE only at the end of a full, successful run,
 * and the next run keeps the archive only when FILE exists. A full run also removes the command's archives that
 * newer builds superseded ({@link SupersededArchives}).
 */
public final class ClassDataArchive {
    /** System property naming the marker file; set by {@code ./facet} only on runs that write an archive. */
    public static final String PROPERTY = "facet.cds.marker";
    private static final Logger log = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
    private static volatile boolean partial;

    private ClassDataArchive() {
    }

    /** A command calls this when its run did less than a typical run (e.g. a scan that analysed no photo). */
    public static void partialRun() {
        partial = true;
    }

    /**
     * Writes the marker when this run writes an archive and was full: exit code 0, not {@link #partialRun() partial},
     * and not a help or version request of a command (a help request as the first argument is its own command).
     */
    public static void finish(String[] args, int exitCode) {
        String marker = System.getProperty(PROPERTY);
        if (marker == null || exitCode != 0 || partial || Arrays.stream(args).skip(1).anyMatch(HELP::contains)) {
            return;
        }
        try {
            Files.writeString(Path.of(marker), "full run\n");
            SupersededArchives.prune(Path.of(marker));
        } catch (IOException e) {
            // the archive is then dropped and the next run writes another: slower once, nothing lost
            log.warn("event=cds_marker_not_written file=\"{}\" error=\"{}\"", marker, e.toString());
        }
    }
}
