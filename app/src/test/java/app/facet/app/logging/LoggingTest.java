package app.facet.app.logging;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The log folder follows XDG (tests write to the surefire-set folder, never the real home); uncaught errors reach it. */
class LoggingTest {

    @Test
    void logFolderFollowsTheSystemPropertyThenXdgStateHomeThenThePlatformDefault() {
        assertThat(LogFolder.resolve("/x/logs", Map.of("XDG_STATE_HOME", "/s"), "Linux", "/home/u")).isEqualTo(Path.of("/x/logs"));
        assertThat(LogFolder.resolve(null, Map.of("XDG_STATE_HOME", "/s"), "Linux", "/home/u")).isEqualTo(Path.of("/s/facet"));
        assertThat(LogFolder.resolve(null, Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.local/state/facet"));
        assertThat(LogFolder.resolve(null, Map.of(), "Mac OS X", "/Users/u")).isEqualTo(Path.of("/Users/u/Library/Logs/Facet"));
        assertThat(LogFolder.current()).as("tests log outside the real home").isEqualTo(Path.of(System.getProperty(LogFolder.PROPERTY)).toAbsolutePath().normalize());
    }

    @Test
    void uncaughtExceptionOnAnyThreadIsLoggedWithItsTraceAndToldInOneSentence() throws Exception {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        List<String> told = new CopyOnWriteArrayList<>();
        try {
            UncaughtErrors.install(told::add);
            Thread t = new Thread(() -> {
                throw new IllegalStateException("the thumbnail cache is gone");
            }, "facet-test-worker");
            t.start();
            t.join();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(told).containsExactly("Something went wrong: the thumbnail cache is gone (details in " + LogFolder.currentFile() + ").");
        String log = Files.readString(LogFolder.currentFile());
        assertThat(log).contains("event=uncaught_exception thread=\"facet-test-worker\"")
                .contains("java.lang.IllegalStateException: the thumbnail cache is gone")
                .contains("\tat app.facet.app.logging.LoggingTest");
    }
}
