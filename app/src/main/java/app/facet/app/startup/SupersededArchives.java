package app.facet.app.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes a command's class-data archives that a newer build has superseded. {@code ./facet} names an archive
 * {@code COMMAND-KEY.jsa}, the key covering the class path, the jars' times and the JDK, so every rebuild or JDK update
 * starts a new archive (30-100 MB each) and the old ones were never read again: a developer's cache had grown to
 * 1.3 GB (issue 14). The {@value #KEEP_OTHERS} most recent other archives of the command stay, so two checkouts used
 * side by side (a before/after benchmark) keep theirs; unfinished ones ({@code .tmp}, {@code .ok}) of other keys go once
 * an hour old, as their writer has long exited.
 */
final class SupersededArchives {
    static final int KEEP_OTHERS = 2;
    private static final Duration UNFINISHED_AGE = Duration.ofHours(1);
    private static final Pattern MARKER = Pattern.compile("(.+)-([0-9a-f]+)\\.jsa\\.[0-9]+\\.ok");
    private static final Logger log = LoggerFactory.getLogger(SupersededArchives.class);

    private SupersededArchives() {
    }

    /**
     * @param marker the full run's marker, {@code DIR/COMMAND-KEY.jsa.PID.ok}; other names are left alone
     * @return the files removed
     */
    static List<Path> prune(Path marker) {
        Matcher m = MARKER.matcher(marker.getFileName().toString());
        Path dir = marker.toAbsolutePath().getParent();
        if (!m.matches() || dir == null) {
            return List.of();
        }
        String command = Pattern.quote(m.group(1));
        Pattern finished = Pattern.compile(command + "-(?!" + m.group(2) + "\\.)[0-9a-f]+\\.jsa");
        Pattern unfinished = Pattern.compile(command + "-(?!" + m.group(2) + "\\.)[0-9a-f]+\\.jsa\\.[0-9]+\\.(tmp|ok)");
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> others = new ArrayList<>();
            Instant cutoff = Instant.now().minus(UNFINISHED_AGE);
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (finished.matcher(name).matches()) {
                    others.add(f);
                } else if (unfinished.matcher(name).matches() && modified(f).toInstant().isBefore(cutoff)) {
                    delete(f, removed);
                }
            }
            others.sort(Comparator.comparing(SupersededArchives::modified).reversed());
            others.stream().skip(KEEP_OTHERS).forEach(f -> delete(f, removed));
        } catch (IOException | RuntimeException e) {
            // nothing is lost: the files stay until a later full run
            log.warn("event=cds_archives_not_pruned dir=\"{}\" error=\"{}\"", dir, e.toString());
        }
        return removed;
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path f, List<Path> removed) {
        try {
            if (Files.deleteIfExists(f)) {
                removed.add(f);
                log.info("event=cds_archive_removed reason=superseded file=\"{}\"", f);
            }
        } catch (IOException e) {
            log.warn("event=cds_archive_not_removed file=\"{}\" error=\"{}\"", f, e.toString());
        }
    }
}
