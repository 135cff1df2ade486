package app.facet.app.logging;

import ch.qos.logback.classic.Level;

/**
 * Log levels: the terminal shows {@code $FACET_LOG_LEVEL} and above (system property {@code facet.log.level} wins;
 * default WARN, so the command line stays terse); the log file keeps INFO and above, or more when the terminal
 * level is lower.
 */
public final class LogLevels {
    private LogLevels() {
    }

    /** The terminal's level. */
    static Level console() {
        String value = System.getProperty("facet.log.level");
        if (value == null || value.isBlank()) {
            value = System.getenv("FACET_LOG_LEVEL");
        }
        return Level.toLevel(value, Level.WARN);
    }

    /** The root logger's (and so the log file's) level: INFO, or the console level when that is lower. */
    static Level root() {
        Level c = console();
        return c.toInt() < Level.INFO.toInt() ? c : Level.INFO;
    }
}
